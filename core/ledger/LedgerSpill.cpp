#include "core/ledger/LedgerSpill.h"

#include "core/ledger/LedgerRows.h"
#include "core/ledger/LedgerUrl.h"

#include "core/common/AttemptOutcome.h"
#include "core/common/JsonText.h"
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

#include <algorithm>
#include <charconv>
#include <cstring>

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

// Rows are written by hand: the crash journal writes two per request on the gateway's path,
// where a QJsonObject of 30 members cost ~20 us. Read back with QJsonDocument (requestFrom).
// Room for `more` bytes with geometric growth (a row is built by many small appends).
char* grow(QByteArray& out, qsizetype more)
{
    const qsizetype at = out.size();
    if (out.capacity() - at < more) {
        out.reserve(std::max(at + more, out.capacity() * 2));
    }
    out.resize(at + more);
    return out.data() + at;
}

void appendKey(QByteArray& out, const char* key)
{
    const qsizetype length = qsizetype(std::strlen(key));
    char* data = grow(out, length + 3);
    data[0] = '"';
    std::memcpy(data + 1, key, size_t(length));
    data[length + 1] = '"';
    data[length + 2] = ':';
}

// A number and its comma without a temporary QByteArray.
void appendInteger(QByteArray& out, qint64 value)
{
    char digits[24];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, value);
    const qsizetype length = end.ptr - digits;
    char* data = grow(out, length + 1);
    std::memcpy(data, digits, size_t(length));
    data[length] = ',';
}

void appendText(QByteArray& out, const char* key, const QString& value)
{
    appendKey(out, key);
    JsonText::appendString(out, value);
    out += ',';
}

void appendNumber(QByteArray& out, const char* key, qint64 value)
{
    appendKey(out, key);
    appendInteger(out, value);
}

void appendBool(QByteArray& out, const char* key, bool value)
{
    appendKey(out, key);
    out += value ? "true," : "false,";
}

void appendMs(QByteArray& out, const char* key, const QDateTime& at)
{
    appendKey(out, key);
    if (at.isValid()) {
        appendInteger(out, at.toMSecsSinceEpoch());
    } else {
        out += "null,";
    }
}

// Ends an object whose last member left a comma.
void close(QByteArray& out, char bracket)
{
    out.back() = bracket;
}

// Ends an array whose items each left a comma (or none).
void closeList(QByteArray& out)
{
    if (out.back() == ',') {
        out.back() = ']';
    } else {
        out += ']';
    }
}

void appendAttempt(QByteArray& out, const AttemptRecord& a)
{
    out += '{';
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

void appendFailover(QByteArray& out, const FailoverRecord& f)
{
    out += '{';
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
    return r;
}
} // namespace

void LedgerSpill::appendRequestJson(QByteArray& out, const RequestRecord& r)
{
    out += '{';
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
    appendKey(out, "cost_usd");
    out += r.costUsd && qIsFinite(*r.costUsd) ? QByteArray::number(*r.costUsd, 'g', QLocale::FloatingPointShortest)
                                              : QByteArrayLiteral("null");
    out += ',';
    appendBool(out, "cost_estimated", r.costEstimated);
    appendBool(out, "cached_answer", r.cachedAnswer);
    if (r.learned) {
        appendKey(out, "learned");
        out += "{\"p_strong\":" + QByteArray::number(r.learned->pStrong, 'g', QLocale::FloatingPointShortest)
            + ",\"strong\":" + (r.learned->strong ? "true" : "false") + "},";
    }
    if (!r.toolCalls.isEmpty()) {
        appendKey(out, "tool_calls");
        out += QJsonDocument(LedgerRows::toolCallsToJsonArray(r.toolCalls)).toJson(QJsonDocument::Compact);
        out += ',';
    }
    appendKey(out, "attempts");
    out += '[';
    for (const AttemptRecord& attempt : r.attempts) {
        appendAttempt(out, attempt);
        out += ',';
    }
    closeList(out);
    out += ',';
    appendKey(out, "failovers");
    out += '[';
    for (const FailoverRecord& failover : r.failovers) {
        appendFailover(out, failover);
        out += ',';
    }
    closeList(out);
    out += '}';
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
