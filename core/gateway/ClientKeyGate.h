#pragma once

#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayError.h"

#include <QDateTime>
#include <QHash>

#include <deque>
#include <functional>

struct HttpRequest;

// Checks each request's client key against its record and limits (expiry, revocation, models,
// requests per minute, concurrency, daily and monthly budgets) and keeps the running counts.
// Spend starts from the ledger (what the key spent earlier today / this month) and grows with
// every request recorded under the key.
class ClientKeyGate
{
public:
    // What a key spent since a moment (UTC), from the ledger; nullptr: nothing earlier counts.
    using SpendSince = std::function<double(const QString& keyId, const QDateTime& sinceUtc)>;

    ClientKeyGate(ClientKeyStore* store, SpendSince spendSince);

    // Whether requests must carry a client key: once the user made one, every client needs one.
    bool keysRequired();

    struct Verdict
    {
        const ClientKey* key = nullptr; // the caller's key when it passed
        std::optional<GatewayError> refusal; // 401 / 403 / 429 in the gateway's error shape
        int retryAfterSec = -1; // with a 429
    };
    // Identifies the key the request carries (Bearer or x-api-key) and checks it is usable. Called
    // right after keysRequired(), which has brought the store up to date with the file.
    Verdict identify(const HttpRequest& request);
    // The checks that need the parsed request: models, rate, concurrency, budgets. On success the
    // request counts towards the key's rate and concurrency until finished().
    Verdict admit(const ClientKey& key, const QString& target, const QString& forcedTier);
    void finished(const QString& keyId);
    // A recorded request's cost lands on its key.
    void charge(const QString& keyId, const QDateTime& startedAtUtc, std::optional<double> costUsd);

    // The key a request presents, or an empty array.
    static QByteArray presentedKey(const HttpRequest& request);

private:
    // A local day or month as UTC milliseconds [startMs, endMs): a request's time is placed by two
    // comparisons instead of a conversion to local time, which costs microseconds per call.
    struct Period
    {
        qint64 startMs = 0;
        qint64 endMs = 0; // 0: not computed yet
        bool contains(qint64 ms) const { return ms >= startMs && ms < endMs; }
    };
    struct Usage
    {
        std::deque<qint64> recentMs; // request starts within the last minute
        int inFlight = 0;
        Period day; // the periods the spend below is for (local day and month)
        Period month;
        double daySpend = 0;
        double monthSpend = 0;
    };
    Usage& usageFor(const QString& keyId, qint64 nowMs);

    ClientKeyStore* m_store;
    SpendSince m_spendSince;
    QHash<QString, Usage> m_usage;
};
