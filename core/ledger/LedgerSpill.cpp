#include "core/ledger/LedgerSpill.h"

#include "core/common/AttemptOutcome.h"
#include "core/common/RequestSource.h"
#include "core/common/RequestStatus.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
constexpr char kFormat[] = "switchyard-ledger-spill";
constexpr int kVersion = 1;

QJsonValue msValue(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(at.toMSecsSinceEpoch()) : QJsonValue();
}

QDateTime fromMsValue(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined() ? QDateTime()
                                                 : QDateTime::fromMSecsSinceEpoch(value.toInteger(), Qt::UTC);
}

QJsonObject attemptJson(const AttemptRecord& a)
{
    return { { QLatin1String("model"), a.modelId },
             { QLatin1String("provider"), a.providerId },
             { QLatin1String("started"), msValue(a.startedAt) },
             { QLatin1String("ended"), msValue(a.endedAt) },
             { QLatin1String("outcome"), AttemptOutcomes::id(a.outcome) },
             { QLatin1String("failure"), a.failureClass },
             { QLatin1String("http"), a.httpStatus },
             { QLatin1String("message"), a.message } };
}

AttemptRecord attemptFrom(const QJsonObject& o)
{
    return { o.value(QLatin1String("model")).toString(),
             o.value(QLatin1String("provider")).toString(),
             fromMsValue(o.value(QLatin1String("started"))),
             fromMsValue(o.value(QLatin1String("ended"))),
             AttemptOutcomes::fromId(o.value(QLatin1String("outcome")).toString()).value_or(AttemptOutcome::Ok),
             o.value(QLatin1String("failure")).toString(),
             o.value(QLatin1String("http")).toInt(),
             o.value(QLatin1String("message")).toString() };
}

QJsonObject failoverJson(const FailoverRecord& f)
{
    return { { QLatin1String("at"), msValue(f.at) },
             { QLatin1String("from"), f.fromModel },
             { QLatin1String("to"), f.toModel },
             { QLatin1String("failure"), f.failureClass },
             { QLatin1String("message"), f.message } };
}

FailoverRecord failoverFrom(const QJsonObject& o)
{
    return { fromMsValue(o.value(QLatin1String("at"))), o.value(QLatin1String("from")).toString(),
             o.value(QLatin1String("to")).toString(), o.value(QLatin1String("failure")).toString(),
             o.value(QLatin1String("message")).toString() };
}

QJsonObject requestJson(const RequestRecord& r)
{
    QJsonObject o;
    o.insert(QLatin1String("source"), RequestSources::id(r.source));
    o.insert(QLatin1String("status"), RequestStatuses::id(r.status));
    const std::pair<const char*, const QString*> texts[] = {
        { "id", &r.id },
        { "prompt", &r.prompt },
        { "tier", &r.tier },
        { "rule", &r.rule },
        { "final_model", &r.finalModel },
        { "final_provider", &r.finalProvider },
        { "compare_group", &r.compareGroup },
        { "failure_class", &r.failureClass },
        { "error", &r.errorMessage },
        { "client_key", &r.clientKey },
    };
    for (const auto& [name, value] : texts) {
        o.insert(QLatin1String(name), *value);
    }
    const std::pair<const char*, qint64> numbers[] = {
        { "ttft_ms", r.ttftMs },
        { "latency_ms", r.latencyMs },
        { "prompt_tokens", r.usage.promptTokens },
        { "completion_tokens", r.usage.completionTokens },
        { "cached_tokens", r.usage.cachedTokens },
        { "reasoning_tokens", r.usage.reasoningTokens },
        { "cache_write_5m_tokens", r.usage.cacheWrite5mTokens },
        { "cache_write_1h_tokens", r.usage.cacheWrite1hTokens },
        { "images", r.usage.images },
        { "web_searches", r.usage.webSearches },
        { "price_version", r.priceVersion },
    };
    for (const auto& [name, value] : numbers) {
        o.insert(QLatin1String(name), value);
    }
    o.insert(QLatin1String("started"), msValue(r.startedAt));
    o.insert(QLatin1String("usage_estimated"), r.usage.estimated);
    o.insert(QLatin1String("batch"), r.usage.batch);
    o.insert(QLatin1String("cost_usd"), r.costUsd ? QJsonValue(*r.costUsd) : QJsonValue());
    o.insert(QLatin1String("cost_estimated"), r.costEstimated);
    o.insert(QLatin1String("cached_answer"), r.cachedAnswer);
    QJsonArray attempts;
    for (const AttemptRecord& attempt : r.attempts) {
        attempts.append(attemptJson(attempt));
    }
    o.insert(QLatin1String("attempts"), attempts);
    QJsonArray failovers;
    for (const FailoverRecord& failover : r.failovers) {
        failovers.append(failoverJson(failover));
    }
    o.insert(QLatin1String("failovers"), failovers);
    return o;
}

RequestRecord requestFrom(const QJsonObject& o)
{
    RequestRecord r;
    r.source = RequestSources::fromId(o.value(QLatin1String("source")).toString()).value_or(RequestSource::Gateway);
    r.status = RequestStatuses::fromId(o.value(QLatin1String("status")).toString()).value_or(RequestStatus::Failed);
    const std::pair<const char*, QString*> texts[] = {
        { "id", &r.id },
        { "prompt", &r.prompt },
        { "tier", &r.tier },
        { "rule", &r.rule },
        { "final_model", &r.finalModel },
        { "final_provider", &r.finalProvider },
        { "compare_group", &r.compareGroup },
        { "failure_class", &r.failureClass },
        { "error", &r.errorMessage },
        { "client_key", &r.clientKey },
    };
    for (const auto& [name, value] : texts) {
        *value = o.value(QLatin1String(name)).toString();
    }
    const std::pair<const char*, qint64*> numbers[] = {
        { "ttft_ms", &r.ttftMs },
        { "latency_ms", &r.latencyMs },
        { "prompt_tokens", &r.usage.promptTokens },
        { "completion_tokens", &r.usage.completionTokens },
        { "cached_tokens", &r.usage.cachedTokens },
        { "reasoning_tokens", &r.usage.reasoningTokens },
        { "cache_write_5m_tokens", &r.usage.cacheWrite5mTokens },
        { "cache_write_1h_tokens", &r.usage.cacheWrite1hTokens },
        { "images", &r.usage.images },
        { "web_searches", &r.usage.webSearches },
    };
    for (const auto& [name, value] : numbers) {
        *value = o.value(QLatin1String(name)).toInteger();
    }
    r.priceVersion = o.value(QLatin1String("price_version")).toInt();
    r.startedAt = fromMsValue(o.value(QLatin1String("started")));
    r.usage.estimated = o.value(QLatin1String("usage_estimated")).toBool();
    r.usage.batch = o.value(QLatin1String("batch")).toBool();
    const QJsonValue cost = o.value(QLatin1String("cost_usd"));
    if (cost.isDouble()) {
        r.costUsd = cost.toDouble();
    }
    r.costEstimated = o.value(QLatin1String("cost_estimated")).toBool();
    r.cachedAnswer = o.value(QLatin1String("cached_answer")).toBool();
    for (const QJsonValue& attempt : o.value(QLatin1String("attempts")).toArray()) {
        r.attempts.append(attemptFrom(attempt.toObject()));
    }
    for (const QJsonValue& failover : o.value(QLatin1String("failovers")).toArray()) {
        r.failovers.append(failoverFrom(failover.toObject()));
    }
    return r;
}
} // namespace

QJsonObject LedgerSpill::requestToJson(const RequestRecord& record)
{
    return requestJson(record);
}

RequestRecord LedgerSpill::requestFromJson(const QJsonObject& object)
{
    return requestFrom(object);
}

QString LedgerSpill::pathFor(const QString& ledgerPath)
{
    return ledgerPath + QStringLiteral(".pending.json");
}

bool LedgerSpill::save(const QString& path, QString* error) const
{
    QJsonArray requestArray;
    for (const RequestRecord& request : requests) {
        requestArray.append(requestJson(request));
    }
    QJsonArray voteArray;
    for (const VoteRecord& vote : votes) {
        voteArray.append(QJsonObject { { QLatin1String("group"), vote.compareGroup },
                                       { QLatin1String("winner"), vote.winnerModel },
                                       { QLatin1String("tie"), vote.tie },
                                       { QLatin1String("at"), msValue(vote.at) } });
    }
    const QJsonObject root { { QLatin1String("format"), QLatin1String(kFormat) },
                             { QLatin1String("version"), kVersion },
                             { QLatin1String("id"), id },
                             { QLatin1String("requests"), requestArray },
                             { QLatin1String("votes"), voteArray } };
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<LedgerSpill> LedgerSpill::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    if (document.isNull()) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    if (root.value(QLatin1String("format")).toString() != QLatin1String(kFormat)
        || root.value(QLatin1String("version")).toInt() != kVersion
        || root.value(QLatin1String("id")).toString().isEmpty()) {
        *error = QCoreApplication::translate("Ledger", "not a version %1 spill of ledger rows").arg(kVersion);
        return std::nullopt;
    }
    LedgerSpill spill;
    spill.id = root.value(QLatin1String("id")).toString();
    for (const QJsonValue& request : root.value(QLatin1String("requests")).toArray()) {
        spill.requests.append(requestFrom(request.toObject()));
    }
    for (const QJsonValue& value : root.value(QLatin1String("votes")).toArray()) {
        const QJsonObject vote = value.toObject();
        spill.votes.append({ vote.value(QLatin1String("group")).toString(),
                             vote.value(QLatin1String("winner")).toString(), vote.value(QLatin1String("tie")).toBool(),
                             fromMsValue(vote.value(QLatin1String("at"))) });
    }
    return spill;
}
