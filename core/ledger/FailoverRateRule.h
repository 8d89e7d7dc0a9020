#pragma once

#include <QtGlobal>

// When a primary fails over too often: the one rule behind the failover-rate alert and the
// "reconsider your primary" mark of the dashboard and the routing editor. A primary is the model
// a request tried first; it failed over when the request went on to another model. The rate is
// above the threshold only when strictly greater (10.0 % of 100 requests is not above 10 %) and
// only over at least `minRequests` requests, so two unlucky requests do not condemn a model.
class FailoverRateRule final
{
public:
    double percent = 10;
    qint64 minRequests = 10;

    // 100 * failedOver / requests; 0 without requests.
    static double ratePercent(qint64 requests, qint64 failedOver);
    bool exceeded(qint64 requests, qint64 failedOver) const;
};
