#include "core/common/Clock.h"

namespace {
Clock s_systemClock;
Clock* s_current = &s_systemClock;
} // namespace

QDateTime Clock::currentDateTimeUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock& Clock::instance()
{
    return *s_current;
}

void Clock::setInstance(Clock* clock)
{
    s_current = clock ? clock : &s_systemClock;
}

MockClock::MockClock(const QDateTime& start)
    : m_now(start.toUTC())
{
}
