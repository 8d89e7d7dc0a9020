#include "core/ledger/LedgerSpill.h"

#include "core/ledger/LedgerRows.h"
#include "core/ledger/LedgerUrl.h"

#include "core/common/AttemptOutcome.h"
#include "core/common/JsonText.h"
#include "core/common/JsonTextWriter.h"
#include "core/common/RequestSource.h"
#include "core/common/RequestStatus.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

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

FailoverRecord failoverFrom(const QJsonObject& o)
{
    return { fromMsValue(o.value(QLatin1String("at"))), o.value(QLatin1String("from")).toString(),
             o.value(QLatin1String("to")).toString(), o.value(QLatin1String("failure")).toString(),
             o.value(QLatin1String("message")).toString() };
}

// Rows are written by hand: the crash journal writes two per request on the gateway's path, where
// a QJsonObject of 30 members cost ~20 us and QByteArray appends most of what was left. Read back
// with QJsonDocument (requestFrom).
void appendText(JsonTextWriter& out, const char* key, const QString& value)
{
    out.key(key);
    out.string(value);
    out.raw(',');
}

void appendNumber(JsonTextWriter& out, const char* key, qint64 value)
{
    out.key(key);
    out.number(value);
    out.raw(',');
}

void appendBool(JsonTextWriter& out, const char* key, bool value)
{
    out.key(key);
    out.raw(value ? QByteArrayView("true,") : QByteArrayView("false,"));
}

void appendMs(JsonTextWriter& out, const char* key, const QDateTime& at)
{
    if (at.isValid()) {
        appendNumber(out, key, at.toMSecsSinceEpoch());
    } else {
        out.key(key);
        out.raw("null,");
    }
}

// Ends an object whose last member left a comma.
void close(JsonTextWriter& out, char bracket)
{
    out.back() = bracket;
}

// Ends an array whose items each left a comma (or none).
void closeList(JsonTextWriter& out)
{
    if (out.endsWith(',')) {
        out.back() = ']';
    } else {
        out.raw(']');
    }
}

void appendAttempt(JsonTextWriter& out, const AttemptRecord& a)
{
    out.raw('{');
    appendText(out, "model", a.modelId);
    appendText(out, "provider", a.providerId);
    appendMs(out, "started", a.startedAt);
    appendMs(out, "ended", a.endedAt);
    appendText(out, "outcome", AttemptOutcomes::id(a.outcome));
    appendText(out, "failure", a.failureClass);
    appendNumber(out, "http", a.httpStatus);
    appendText(out, "message", a.message);
    close(out, '}');
}

void appendFailover(JsonTextWriter& out, const FailoverRecord& f)
{
    out.raw('{');
    appendMs(out, "at", f.at);
    appendText(out, "from", f.fromModel);
    appendText(out, "to", f.toModel);
    appendText(out, "failure", f.failureClass);
    appendText(out, "message", f.message);
    close(out, '}');
}

// The text members of a request as the spill names them, for the writer and the reader alike.
constexpr std::pair<const char*, QString RequestRecord::*> kTexts[] = {
    { "id", &RequestRecord::id },
    { "prompt", &RequestRecord::prompt },
    { "tier", &RequestRecord::tier },
    { "rule", &RequestRecord::rule },
    { "final_model", &RequestRecord::finalModel },
    { "final_provider", &RequestRecord::finalProvider },
    { "compare_group", &RequestRecord::compareGroup },
    { "failure_class", &RequestRecord::failureClass },
    { "error", &RequestRecord::errorMessage },
    { "client_key", &RequestRecord::clientKey },
    { "answer", &RequestRecord::answer },
    { "reasoning", &RequestRecord::reasoning },
    { "settings", &RequestRecord::settings },
    { "exchange", &RequestRecord::exchange },
    { "system", &RequestRecord::system },
};

RequestRecord requestFrom(const QJsonObject& o)
{
    RequestRecord r;
    r.source = RequestSources::fromId(o.value(QLatin1String("source")).toString()).value_or(RequestSource::Gateway);
    r.status = RequestStatuses::fromId(o.value(QLatin1String("status")).toString()).value_or(RequestStatus::Failed);
    for (const auto& [name, member] : kTexts) {
        r.*member = o.value(QLatin1String(name)).toString();
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
    const QJsonValue learned = o.value(QLatin1String("learned"));
    if (learned.isObject()) {
        r.learned = LearnedRouteRecord { learned.toObject().value(QLatin1String("p_strong")).toDouble(),
                                         learned.toObject().value(QLatin1String("strong")).toBool() };
    }
    for (const QJsonValue& attempt : o.value(QLatin1String("attempts")).toArray()) {
        r.attempts.append(attemptFrom(attempt.toObject()));
    }
    for (const QJsonValue& failover : o.value(QLatin1String("failovers")).toArray()) {
        r.failovers.append(failoverFrom(failover.toObject()));
    }
    r.toolCalls = LedgerRows::toolCallsFromJsonArray(o.value(QLatin1String("tool_calls")).toArray());
    r.tools = o.value(QLatin1String("tools")).toArray();
    r.toolChoice = o.value(QLatin1String("tool_choice"));
    return r;
}
} // namespace

void LedgerSpill::appendRequestJson(QByteArray& bytes, const RequestRecord& r, bool withTools)
{
    JsonTextWriter out;
    out.raw('{');
    appendText(out, "source", RequestSources::id(r.source));
    appendText(out, "status", RequestStatuses::id(r.status));
    for (const auto& [name, member] : kTexts) {
        appendText(out, name, r.*member);
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
        appendNumber(out, name, value);
    }
    appendMs(out, "started", r.startedAt);
    appendBool(out, "usage_estimated", r.usage.estimated);
    appendBool(out, "batch", r.usage.batch);
    out.key("cost_usd");
    if (r.costUsd) {
        out.number(*r.costUsd);
    } else {
        out.raw("null");
    }
    out.raw(',');
    appendBool(out, "cost_estimated", r.costEstimated);
    appendBool(out, "cached_answer", r.cachedAnswer);
    if (r.learned) {
        out.key("learned");
        out.raw("{\"p_strong\":");
        out.number(r.learned->pStrong);
        out.raw(r.learned->strong ? QByteArrayView(",\"strong\":true},") : QByteArrayView(",\"strong\":false},"));
    }
    if (!r.toolCalls.isEmpty()) {
        out.key("tool_calls");
        out.raw(QJsonDocument(LedgerRows::toolCallsToJsonArray(r.toolCalls)).toJson(QJsonDocument::Compact));
        out.raw(',');
    }
    if (withTools && !r.tools.isEmpty()) {
        out.key("tools");
        out.raw(QJsonDocument(r.tools).toJson(QJsonDocument::Compact));
        out.raw(',');
        if (const QString choice = LedgerRows::toolChoiceToText(r.toolChoice); !choice.isEmpty()) {
            out.key("tool_choice");
            out.raw(choice.toUtf8());
            out.raw(',');
        }
    }
    out.key("attempts");
    out.raw('[');
    for (const AttemptRecord& attempt : r.attempts) {
        appendAttempt(out, attempt);
        out.raw(',');
    }
    closeList(out);
    out.raw(',');
    out.key("failovers");
    out.raw('[');
    for (const FailoverRecord& failover : r.failovers) {
        appendFailover(out, failover);
        out.raw(',');
    }
    closeList(out);
    out.raw('}');
    bytes.append(out.text());
}

RequestRecord LedgerSpill::requestFromJson(const QJsonObject& object)
{
    return requestFrom(object);
}

QString LedgerSpill::spoolPathFor(const QString& ledgerPath, const QString& id)
{
    QString path = pathFor(ledgerPath);
    path.chop(int(qstrlen(".json")));
    return QStringLiteral("%1-%2-%3.json")
        .arg(path)
        .arg(QDateTime::currentMSecsSinceEpoch(), 13, 10, QLatin1Char('0'))
        .arg(id);
}

QStringList LedgerSpill::spoolsFor(const QString& ledgerPath)
{
    const QFileInfo spill(pathFor(ledgerPath));
    QString stem = spill.fileName();
    stem.chop(int(qstrlen(".json")));
    const QDir dir = spill.dir();
    QStringList paths;
    for (const QString& name : dir.entryList({ stem + QStringLiteral("-*.json") }, QDir::Files, QDir::Name)) {
        paths.append(dir.filePath(name));
    }
    return paths;
}

QString LedgerSpill::pathFor(const QString& ledgerPath)
{
    if (LedgerUrl::isUrl(ledgerPath)) {
        // A server has no directory of ours: this machine's data directory, one spill per
        // database (named by the URL without its password).
        const QByteArray id
            = QCryptographicHash::hash(ledgerLocationForDisplay(ledgerPath).toUtf8(), QCryptographicHash::Sha1)
                  .toHex()
                  .left(16);
        return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .filePath(QStringLiteral("ledger-%1.pending.json").arg(QString::fromLatin1(id)));
    }
    return ledgerPath + QStringLiteral(".pending.json");
}

bool LedgerSpill::save(const QString& path, QString* error) const
{
    QJsonArray voteArray;
    for (const VoteRecord& vote : votes) {
        voteArray.append(QJsonObject { { QLatin1String("group"), vote.compareGroup },
                                       { QLatin1String("winner"), vote.winnerModel },
                                       { QLatin1String("tie"), vote.tie },
                                       { QLatin1String("winner_settings"), vote.winnerSettings },
                                       { QLatin1String("tag"), vote.tag },
                                       { QLatin1String("at"), msValue(vote.at) } });
    }
    QByteArray bytes = "{\"format\":\"" + QByteArray(kFormat) + "\",\"version\":" + QByteArray::number(kVersion)
        + ",\"id\":" + JsonText::quoted(id) + ",\"requests\":[";
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (i > 0) {
            bytes += ',';
        }
        appendRequestJson(bytes, requests.at(i));
    }
    bytes += "],\"votes\":" + QJsonDocument(voteArray).toJson(QJsonDocument::Compact) + '}';
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
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
        spill.votes.append(
            { vote.value(QLatin1String("group")).toString(), vote.value(QLatin1String("winner")).toString(),
              vote.value(QLatin1String("tie")).toBool(), fromMsValue(vote.value(QLatin1String("at"))),
              vote.value(QLatin1String("winner_settings")).toString(), vote.value(QLatin1String("tag")).toString() });
    }
    return spill;
}
