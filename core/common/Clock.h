#pragma once

#include <QDateTime>

// Time source for cooldowns, budgets and the ledger, replaceable in tests (KeePassXC's Clock).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime currentDateTimeUtc() const;
    qint64 currentMSecsSinceEpoch() const { return currentDateTimeUtc().toMSecsSinceEpoch(); }

    static const Clock& instance();
    // Tests install a MockClock; passing nullptr restores the system clock.
    static void setInstance(Clock* clock);
};

class MockClock : public Clock
{
public:
    explicit MockClock(const QDateTime& start = QDateTime::currentDateTimeUtc());
    QDateTime currentDateTimeUtc() const override { return m_now; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void setNow(const QDateTime& now) { m_now = now; }

private:
    QDateTime m_now;
};
