#pragma once

#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayError.h"
#include "core/routing/RoutedTypes.h"

#include <QDateTime>
#include <QHash>
#include <QMultiHash>

#include <deque>
#include <functional>
#include <memory>

struct HttpRequest;
class SharedKeyBudget;

// Checks each request's client key against its record and limits (expiry, revocation, models,
// requests per minute, concurrency, daily and monthly budgets) and keeps the running counts.
// Spend starts from the ledger (what the key spent earlier today / this month) and grows with
// every request recorded under the key.
//
// A key's budgets hold like the app's (BudgetTracker): before each attempt of a chat request the
// attempt's worst case (BudgetEstimate) is held against them, so requests in flight together see
// each other and cannot pass a limit; the recorded cost replaces the request's holds.
class ClientKeyGate
{
public:
    // What a key spent since a moment (UTC), from the ledger; nullptr: nothing earlier counts.
    using SpendSince = std::function<double(const QString& keyId, const QDateTime& sinceUtc)>;

    // sharedLedgerUrl: the team's PostgreSQL ledger, where keys' budgets are also held with the
    // other gateways on it (SharedKeyBudget); empty: this gateway counts alone.
    ClientKeyGate(ClientKeyStore* store, SpendSince spendSince, const QString& sharedLedgerUrl = {});
    ~ClientKeyGate();
    ClientKeyGate(const ClientKeyGate&) = delete;
    ClientKeyGate& operator=(const ClientKeyGate&) = delete;

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
    // The request ended: it leaves the key's concurrency, and whatever it still holds goes back.
    void finished(const QString& keyId, quint64 requestId = 0);
    // A recorded request's cost lands on its key.
    void charge(const QString& keyId, const QDateTime& startedAtUtc, std::optional<double> costUsd);

    // Whether requests under the key are held against budgets at all (it has one).
    static bool holdsBudget(const ClientKey& key) { return key.dailyBudgetUsd || key.monthlyBudgetUsd; }
    // Before an attempt of request `requestId` (the gateway's traffic id) on `model`: holds its
    // worst case against the key's budgets. Refused when what the key spent, what its requests in
    // flight hold and this worst case would pass a limit, or when the model has no price and the
    // key does not allow unpriced models; refusal() then has the answer for the client.
    BudgetHold hold(const QString& keyId, quint64 requestId, const ModelConfig& model, const ChatRequest& request);
    // An attempt that billed nothing gives its hold back at once.
    void releaseHold(quint64 holdId);
    // The request's row was recorded: its holds are replaced by its cost.
    void settle(quint64 requestId, const QString& keyId, const QDateTime& startedAtUtc, std::optional<double> costUsd);
    // Why the key refused an attempt of the request (429 over a budget, 403 an unpriced model);
    // no refusal when it refused none.
    Verdict refusal(quint64 requestId) const { return m_refusals.value(requestId); }
    // hold(), releaseHold() for an attempt that billed nothing, and refusal(), bound to one request
    // of a key that has a budget, as its exchange asks them; empty hooks for a key without one.
    struct AttemptHooks
    {
        std::function<BudgetHold(const ModelConfig&, const ChatRequest&)> hold;
        std::function<void(quint64 holdId, const ModelConfig&, const TokenUsage* usage)> settle;
        std::function<Verdict()> refusal;
    };
    AttemptHooks attemptHooks(const ClientKey& key, quint64 requestId);

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
        double dayHeld = 0; // worst cases of the attempts in flight that started in `day`
        double monthHeld = 0;
    };
    struct Held
    {
        QString keyId;
        quint64 requestId = 0;
        double amountUsd = 0;
        qint64 dayStartMs = 0; // the periods it was held in
        qint64 monthStartMs = 0;
    };
    Usage& usageFor(const QString& keyId, qint64 nowMs);
    // sharedCostUsd: what the hold's attempt cost, for the team's count (SharedKeyBudget).
    void dropHold(quint64 holdId, double sharedCostUsd = 0);
    Verdict refuseOverBudget(const ClientKey& key, const Usage& usage, bool daily, double worstCase,
                             const ModelConfig& model, qint64 nowMs) const;

    ClientKeyStore* m_store;
    SpendSince m_spendSince;
    QHash<QString, Usage> m_usage;
    QHash<quint64, Held> m_holds; // by hold id
    QMultiHash<quint64, quint64> m_requestHolds; // request id -> its hold ids
    QHash<quint64, Verdict> m_refusals; // request id -> the first refusal of one of its attempts
    quint64 m_nextHold = 1;
    std::unique_ptr<SharedKeyBudget> m_shared; // with a team's ledger
};
