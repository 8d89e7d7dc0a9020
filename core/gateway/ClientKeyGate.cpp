#include "core/gateway/ClientKeyGate.h"

#include "core/common/Clock.h"
#include "core/http/HttpRequest.h"

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

ClientKeyGate::ClientKeyGate(ClientKeyStore* store, SpendSince spendSince)
    : m_store(store)
    , m_spendSince(std::move(spendSince))
{
}

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
        usage.daySpend
            = m_spendSince ? m_spendSince(keyId, QDateTime::fromMSecsSinceEpoch(usage.day.startMs, Qt::UTC)) : 0.0;
    }
    if (!usage.month.contains(nowMs)) {
        const QDate first = monthOf(today);
        usage.month = { localMidnightMs(first), localMidnightMs(first.addMonths(1)) };
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

void ClientKeyGate::finished(const QString& keyId)
{
    auto found = m_usage.find(keyId);
    if (found != m_usage.end() && found->inFlight > 0) {
        --found->inFlight;
    }
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
