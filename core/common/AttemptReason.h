#pragma once

#include <QList>
#include <QString>

#include <optional>

// Why the router started an attempt.
enum class AttemptReason
{
    Primary, // "primary": the first model of the chain
    Failover, // "failover": the previous attempt failed
    RateLimitRetry, // "rate_limit_retry": the same model again after a 429 with a short retry-after
    Hedge, // "hedge": raced against a slow first attempt
    Continue, // "continue": continues a partial answer that broke off
    Downgrade, // "downgrade": first attempt on a cheaper tier after a budget limit
};

namespace AttemptReasons {
// Stable identifiers, used only where SQL or JSON needs a string.
QString id(AttemptReason value);
std::optional<AttemptReason> fromId(const QString& id);
QList<AttemptReason> all();
} // namespace AttemptReasons
