#pragma once

#include "common/FailureClass.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

// What the status bar says about each provider, from the calls the app has seen: healthy after a
// success, failing after a failure that is the provider's fault (a bad request is ours, not theirs).
// Cooldown and budget states join when the router and ledger report them.
class ProviderHealth : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unknown,
        Healthy,
        Failing,
    };

    struct Entry
    {
        State state = State::Unknown;
        FailureClass lastFailure = FailureClass::None;
        QString lastMessage;
        QDateTime at;
    };

    explicit ProviderHealth(QObject* parent = nullptr);

    void recordSuccess(const QString& providerId);
    void recordFailure(const QString& providerId, FailureClass failureClass, const QString& message);

    Entry entry(const QString& providerId) const { return m_entries.value(providerId); }
    State state(const QString& providerId) const { return m_entries.value(providerId).state; }

signals:
    void changed(const QString& providerId);

private:
    QHash<QString, Entry> m_entries;
};
