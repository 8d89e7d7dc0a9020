#include "core/gateway/ClientKeyGate.h"

#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/gateway/SharedKeyBudget.h"
#include "core/http/HttpRequest.h"
#include "core/pricing/BudgetEstimate.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ClientKeyGate", text);
}

GatewayError error(int status, const char* code, const QString& message, const QString& param = {})
{
    return GatewayError { status, QByteArray(code), param, message, {} };
}

QDate monthOf(const QDate& day)
{
    return QDate(day.year(), day.month(), 1);
}

qint64 localMidnightMs(const QDate& day)
{
    return QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
}
} // namespace

ClientKeyGate::ClientKeyGate(ClientKeyStore* store, SpendSince spendSince, const QString& sharedLedgerUrl)
    : m_store(store)
    , m_spendSince(std::move(spendSince))
{
    if (!sharedLedgerUrl.isEmpty()) {
        m_shared = std::make_unique<SharedKeyBudget>(sharedLedgerUrl);
    }
}

ClientKeyGate::~ClientKeyGate() = default;

bool ClientKeyGate::keysRequired()
{
    if (!m_store) {
        return false;
    }
    m_store->reloadIfChanged();
    return !m_store->isEmpty();
}

QByteArray ClientKeyGate::presentedKey(const HttpRequest& request)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.size() > 7 && authorization.first(7).compare("bearer ", Qt::CaseInsensitive) == 0) {
        return authorization.sliced(7).trimmed();
    }
    return request.header("x-api-key").trimmed();
}

ClientKeyGate::Verdict ClientKeyGate::identify(const HttpRequest& request)
{
    Verdict verdict;
    const QByteArray presented = presentedKey(request);
    if (presented.isEmpty()) {
        verdict.refusal = error(401, "missing_api_key",
                                tr("This gateway needs a client key: send it as \"Authorization: Bearer <key>\" "
                                   "(or x-api-key)."));
        return verdict;
    }
    const QString id = ClientKeys::idOf(presented); // keysRequired() has just reloaded the store
    const ClientKey* key = id.isEmpty() ? nullptr : m_store->find(id);
    if (!key || !ClientKeys::matches(*key, presented)) {
        verdict.refusal = error(401, "invalid_api_key", tr("The client key sent is not one of this gateway's keys."));
        return verdict;
    }
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    switch (key->status(now)) {
    case ClientKey::Status::Revoked:
        verdict.refusal = error(401, "revoked_api_key", tr("The client key \"%1\" was revoked.").arg(key->name));
        return verdict;
    case ClientKey::Status::Expired:
        verdict.refusal
            = error(401, "expired_api_key",
                    tr("The client key \"%1\" expired on %2.").arg(key->name, key->expiresAt->toString(Qt::ISODate)));
        return verdict;
    case ClientKey::Status::Active:
        break;
    }
    verdict.key = key;
    return verdict;
}

ClientKeyGate::Usage& ClientKeyGate::usageFor(const QString& keyId, qint64 nowMs)
{
    Usage& usage = m_usage[keyId];
    if (usage.day.contains(nowMs) && usage.month.contains(nowMs)) {
        return usage;
    }
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date(); // local
    if (!usage.day.contains(nowMs)) {
        usage.day = { localMidnightMs(today), localMidnightMs(today.addDays(1)) };
        usage.dayHeld = 0; // holds count in the period their request started in
        usage.daySpend
            = m_spendSince ? m_spendSince(keyId, QDateTime::fromMSecsSinceEpoch(usage.day.startMs, Qt::UTC)) : 0.0;
    }
    if (!usage.month.contains(nowMs)) {
        const QDate first = monthOf(today);
        usage.month = { localMidnightMs(first), localMidnightMs(first.addMonths(1)) };
        usage.monthHeld = 0;
        usage.monthSpend
            = m_spendSince ? m_spendSince(keyId, QDateTime::fromMSecsSinceEpoch(usage.month.startMs, Qt::UTC)) : 0.0;
    }
    return usage;
}

ClientKeyGate::Verdict ClientKeyGate::admit(const ClientKey& key, const QString& target, const QString& forcedTier)
{
    Verdict verdict;
    if (!key.allows(target, forcedTier)) {
        verdict.refusal = error(403, "model_not_allowed",
                                tr("The client key \"%1\" may not use \"%2\" (allowed: %3).")
                                    .arg(key.name, forcedTier.isEmpty() ? target : forcedTier,
                                         key.allowedModels.join(QStringLiteral(", "))),
                                QStringLiteral("model"));
        return verdict;
    }
    const qint64 nowMs = Clock::instance().currentDateTimeUtc().toMSecsSinceEpoch();
    Usage& usage = usageFor(key.id, nowMs);
    while (!usage.recentMs.empty() && usage.recentMs.front() <= nowMs - 60000) {
        usage.recentMs.pop_front();
    }
    if (key.requestsPerMinute && qsizetype(usage.recentMs.size()) >= *key.requestsPerMinute) {
        verdict.retryAfterSec = int(qMax<qint64>(1, (usage.recentMs.front() + 60000 - nowMs + 999) / 1000));
        verdict.refusal = error(429, "rate_limit_exceeded",
                                tr("The client key \"%1\" is limited to %2 requests per minute.")
                                    .arg(key.name)
                                    .arg(*key.requestsPerMinute));
        return verdict;
    }
    if (key.maxConcurrent && usage.inFlight >= *key.maxConcurrent) {
        verdict.retryAfterSec = 1;
        verdict.refusal = error(429, "too_many_concurrent_requests",
                                tr("The client key \"%1\" may have %2 requests in flight at a time.")
                                    .arg(key.name)
                                    .arg(*key.maxConcurrent));
        return verdict;
    }
    if (key.dailyBudgetUsd && usage.daySpend >= *key.dailyBudgetUsd) {
        verdict.retryAfterSec = int(qMax<qint64>(1, (usage.day.endMs - nowMs + 999) / 1000));
        verdict.refusal = error(429, "budget_exceeded",
                                tr("The client key \"%1\" has spent its daily budget ($%2 of $%3).")
                                    .arg(key.name)
                                    .arg(usage.daySpend, 0, 'f', 4)
                                    .arg(*key.dailyBudgetUsd, 0, 'f', 2));
        return verdict;
    }
    if (key.monthlyBudgetUsd && usage.monthSpend >= *key.monthlyBudgetUsd) {
        verdict.retryAfterSec = int(qMax<qint64>(1, (usage.month.endMs - nowMs + 999) / 1000));
        verdict.refusal = error(429, "budget_exceeded",
                                tr("The client key \"%1\" has spent its monthly budget ($%2 of $%3).")
                                    .arg(key.name)
                                    .arg(usage.monthSpend, 0, 'f', 4)
                                    .arg(*key.monthlyBudgetUsd, 0, 'f', 2));
        return verdict;
    }
    usage.recentMs.push_back(nowMs);
    ++usage.inFlight;
    verdict.key = &key;
    return verdict;
}

void ClientKeyGate::finished(const QString& keyId, quint64 requestId)
{
    auto found = m_usage.find(keyId);
    if (found != m_usage.end() && found->inFlight > 0) {
        --found->inFlight;
    }
    if (requestId != 0) {
        // Ended without a recorded row (no ledger, or the row went before): nothing more is billed.
        for (quint64 holdId : m_requestHolds.values(requestId)) {
            dropHold(holdId);
        }
        m_requestHolds.remove(requestId);
        m_refusals.remove(requestId);
    }
}

BudgetHold ClientKeyGate::hold(const QString& keyId, quint64 requestId, const ModelConfig& model,
                               const ChatRequest& request)
{
    const ClientKey* key = m_store ? m_store->find(keyId) : nullptr;
    if (!key || !holdsBudget(*key) || model.price.isFree()) {
        return {};
    }
    BudgetHold answer;
    if (!model.price.known) {
        if (key->allowUnpriced) {
            return {};
        }
        answer.ok = false;
        answer.limit = tr("budget of the client key \"%1\"").arg(key->name);
        answer.reason = tr("%1 has no price, so the client key \"%2\" cannot hold its cost against its budget. "
                           "Add the model's price, or allow unpriced models for the key.")
                            .arg(model.id, key->name);
        if (!m_refusals.contains(requestId)) {
            m_refusals.insert(
                requestId, Verdict { nullptr, error(403, "unpriced_model", answer.reason, QStringLiteral("model")) });
        }
        return answer;
    }
    const double worstCase = BudgetEstimate::worstCaseUsd(model.price, BudgetEstimate::of(model, request)).value_or(0);
    const qint64 nowMs = Clock::instance().currentDateTimeUtc().toMSecsSinceEpoch();
    Usage& usage = usageFor(keyId, nowMs);
    const bool overDay = key->dailyBudgetUsd && usage.daySpend + usage.dayHeld + worstCase > *key->dailyBudgetUsd;
    const bool overMonth
        = key->monthlyBudgetUsd && usage.monthSpend + usage.monthHeld + worstCase > *key->monthlyBudgetUsd;
    if (overDay || overMonth) {
        const Verdict refusal = refuseOverBudget(*key, usage, overDay, worstCase, model, nowMs);
        answer.ok = false;
        answer.reason = refusal.refusal->message;
        answer.limit = overDay
            ? tr("daily budget of the client key \"%1\", limit %2").arg(key->name, Money::format(*key->dailyBudgetUsd))
            : tr("monthly budget of the client key \"%1\", limit %2")
                  .arg(key->name, Money::format(*key->monthlyBudgetUsd));
        if (!m_refusals.contains(requestId)) {
            m_refusals.insert(requestId, refusal);
        }
        return answer;
    }
    const quint64 id = m_nextHold++;
    if (m_shared) {
        // The other gateways on the team's ledger hold against the same key.
        const auto utc = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); };
        const SharedKeyBudget::Outcome shared
            = m_shared->hold(id, *key, worstCase, { utc(usage.day.startMs), utc(usage.day.endMs) },
                             { utc(usage.month.startMs), utc(usage.month.endMs) });
        if (!shared.ok) {
            answer.ok = false;
            answer.reason = shared.refusal;
            answer.limit = tr("budget of the client key \"%1\"").arg(key->name);
            if (!m_refusals.contains(requestId)) {
                m_refusals.insert(requestId, Verdict { nullptr, error(429, "budget_exceeded", shared.refusal), 1 });
            }
            return answer;
        }
    }
    m_holds.insert(id, Held { keyId, requestId, worstCase, usage.day.startMs, usage.month.startMs });
    m_requestHolds.insert(requestId, id);
    usage.dayHeld += worstCase;
    usage.monthHeld += worstCase;
    answer.id = id;
    return answer;
}

ClientKeyGate::Verdict ClientKeyGate::refuseOverBudget(const ClientKey& key, const Usage& usage, bool daily,
                                                       double worstCase, const ModelConfig& model, qint64 nowMs) const
{
    const double limit = daily ? *key.dailyBudgetUsd : *key.monthlyBudgetUsd;
    const double spent = daily ? usage.daySpend : usage.monthSpend;
    const double held = daily ? usage.dayHeld : usage.monthHeld;
    const QString text = daily
        ? tr("The client key \"%1\" cannot take this request within its daily budget of %2: %3 spent, %4 held by "
             "its requests in flight, and this request to %5 may cost up to %6.")
        : tr("The client key \"%1\" cannot take this request within its monthly budget of %2: %3 spent, %4 held by "
             "its requests in flight, and this request to %5 may cost up to %6.");
    Verdict verdict;
    verdict.refusal = error(429, "budget_exceeded",
                            text.arg(key.name, Money::format(limit), Money::format(spent), Money::format(held),
                                     model.id, Money::format(worstCase)));
    // Room comes back when the requests in flight end; when what was spent leaves none, only
    // with the next period.
    const qint64 periodEndMs = daily ? usage.day.endMs : usage.month.endMs;
    verdict.retryAfterSec = spent + worstCase > limit ? int(qMax<qint64>(1, (periodEndMs - nowMs + 999) / 1000)) : 1;
    return verdict;
}

ClientKeyGate::AttemptHooks ClientKeyGate::attemptHooks(const ClientKey& key, quint64 requestId)
{
    if (!holdsBudget(key)) {
        return {};
    }
    AttemptHooks hooks;
    hooks.hold = [this, keyId = key.id, requestId](const ModelConfig& model, const ChatRequest& request) {
        return hold(keyId, requestId, model, request);
    };
    hooks.settle = [this](quint64 holdId, const ModelConfig&, const TokenUsage* usage) {
        if (!usage) {
            releaseHold(holdId); // a billed attempt keeps its hold until the request's row is recorded
        }
    };
    hooks.refusal = [this, requestId] { return refusal(requestId); };
    return hooks;
}

void ClientKeyGate::releaseHold(quint64 holdId)
{
    const auto found = m_holds.constFind(holdId);
    if (found == m_holds.cend()) {
        return; // settled with its request already
    }
    m_requestHolds.remove(found->requestId, holdId);
    dropHold(holdId);
}

void ClientKeyGate::dropHold(quint64 holdId, double sharedCostUsd)
{
    const auto found = m_holds.constFind(holdId);
    if (found == m_holds.cend()) {
        return;
    }
    if (m_shared) {
        m_shared->settle(holdId, sharedCostUsd);
    }
    auto usage = m_usage.find(found->keyId);
    if (usage != m_usage.end()) {
        // A hold made in an earlier day or month was forgotten when the period turned.
        if (usage->day.startMs == found->dayStartMs) {
            usage->dayHeld = qMax(0.0, usage->dayHeld - found->amountUsd);
        }
        if (usage->month.startMs == found->monthStartMs) {
            usage->monthHeld = qMax(0.0, usage->monthHeld - found->amountUsd);
        }
    }
    m_holds.erase(found);
}

void ClientKeyGate::settle(quint64 requestId, const QString& keyId, const QDateTime& startedAtUtc,
                           std::optional<double> costUsd)
{
    // The request's cost lands once in the team's count, on one of its holds.
    double sharedCost = costUsd.value_or(0);
    for (quint64 holdId : m_requestHolds.values(requestId)) {
        dropHold(holdId, sharedCost);
        sharedCost = 0;
    }
    m_requestHolds.remove(requestId);
    charge(keyId, startedAtUtc, costUsd);
}

void ClientKeyGate::charge(const QString& keyId, const QDateTime& startedAtUtc, std::optional<double> costUsd)
{
    if (keyId.isEmpty() || !costUsd || *costUsd <= 0) {
        return;
    }
    Usage& usage = usageFor(keyId, Clock::instance().currentDateTimeUtc().toMSecsSinceEpoch());
    const qint64 startedMs = startedAtUtc.toMSecsSinceEpoch();
    if (usage.day.contains(startedMs)) {
        usage.daySpend += *costUsd;
    }
    if (usage.month.contains(startedMs)) {
        usage.monthSpend += *costUsd;
    }
}
