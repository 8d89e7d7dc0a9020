#include "core/ledger/FailoverRateRule.h"

double FailoverRateRule::ratePercent(qint64 requests, qint64 failedOver)
{
    return requests > 0 ? 100.0 * double(failedOver) / double(requests) : 0;
}

bool FailoverRateRule::exceeded(qint64 requests, qint64 failedOver) const
{
    // Compared as counts, not as a rounded percentage: 10 of 100 is exactly at 10 %, not above.
    return requests > 0 && requests >= minRequests && double(failedOver) * 100.0 > percent * double(requests);
}
