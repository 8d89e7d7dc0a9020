#include "ProviderHealth.h"

#include "common/Clock.h"

ProviderHealth::ProviderHealth(QObject* parent)
    : QObject(parent)
{
}

void ProviderHealth::recordSuccess(const QString& providerId)
{
    if (providerId.isEmpty()) {
        return;
    }
    Entry& entry = m_entries[providerId];
    entry.state = State::Healthy;
    entry.at = Clock::instance().currentDateTimeUtc();
    emit changed(providerId);
}

void ProviderHealth::recordFailure(const QString& providerId, FailureClass failureClass, const QString& message)
{
    if (providerId.isEmpty() || !FailureClasses::isProviderFault(failureClass)) {
        return;
    }
    Entry& entry = m_entries[providerId];
    entry.state = State::Failing;
    entry.lastFailure = failureClass;
    entry.lastMessage = message;
    entry.at = Clock::instance().currentDateTimeUtc();
    emit changed(providerId);
}
