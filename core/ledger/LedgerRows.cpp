#include "core/ledger/LedgerRows.h"

#include "core/ledger/ToolDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QVariant>

namespace {
const char* const kColumns[] = { "rid",
                                 "uuid",
                                 "started_at",
                                 "source",
                                 "prompt",
                                 "tier",
                                 "rule",
                                 "final_model",
                                 "final_provider",
                                 "status",
                                 "ttft_ms",
                                 "latency_ms",
                                 "prompt_tokens",
                                 "completion_tokens",
                                 "cached_tokens",
                                 "reasoning_tokens",
                                 "usage_estimated",
                                 "cost_usd",
                                 "cost_estimated",
                                 "price_version",
                                 "cached_answer",
                                 "compare_group",
                                 "failure_class",
                                 "error_message",
                                 "client_key",
                                 "cache_write_5m_tokens",
                                 "cache_write_1h_tokens",
                                 "images",
                                 "web_searches",
                                 "batch",
                                 "learned_p_strong",
                                 "learned_strong",
                                 "answer",
                                 "reasoning",
                                 "tool_calls",
                                 "settings",
                                 "exchange",
                                 "system_prompt",
                                 "tools_hash",
                                 "tool_choice" };
}

QString LedgerRows::requestColumns(const QString& alias)
{
    QStringList names;
    for (const char* column : kColumns) {
        names << (alias.isEmpty() ? QString::fromLatin1(column) : alias + u'.' + QString::fromLatin1(column));
    }
    return names.join(QStringLiteral(", "));
}

QJsonArray LedgerRows::toolCallsToJsonArray(const QList<ToolCall>& calls)
{
    QJsonArray array;
    for (const ToolCall& call : calls) {
        array.append(QJsonObject { { QLatin1String("id"), call.id },
                                   { QLatin1String("name"), call.name },
                                   { QLatin1String("arguments"), call.arguments } });
    }
    return array;
}

QList<ToolCall> LedgerRows::toolCallsFromJsonArray(const QJsonArray& array)
{
    QList<ToolCall> calls;
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        calls.append({ o.value(QLatin1String("id")).toString(), o.value(QLatin1String("name")).toString(),
                       o.value(QLatin1String("arguments")).toString() });
    }
    return calls;
}

QString LedgerRows::toolCallsToJson(const QList<ToolCall>& calls)
{
    if (calls.isEmpty()) {
        return {};
    }
    return QString::fromUtf8(QJsonDocument(toolCallsToJsonArray(calls)).toJson(QJsonDocument::Compact));
}

QList<ToolCall> LedgerRows::toolCallsFromJson(const QString& json)
{
    if (json.isEmpty()) {
        return {};
    }
    return toolCallsFromJsonArray(QJsonDocument::fromJson(json.toUtf8()).array());
}

QString LedgerRows::toolChoiceToText(const QJsonValue& choice)
{
    if (choice.isUndefined() || choice.isNull()) {
        return {};
    }
    // A JSON text ("\"auto\"", {"type": "function", ...}), so a string and an object read back alike.
    return QString::fromUtf8(QJsonDocument(QJsonArray { choice }).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

QJsonValue LedgerRows::toolChoiceFromText(const QString& text)
{
    if (text.isEmpty()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    const QJsonArray wrapped = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + ']').array();
    return wrapped.isEmpty() ? QJsonValue(QJsonValue::Undefined) : wrapped.first();
}

qint64 LedgerRows::toMs(const QDateTime& at)
{
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

QDateTime LedgerRows::fromMs(const QVariant& ms)
{
    if (ms.isNull()) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

RequestRecord LedgerRows::readRequest(const QSqlQuery& q, qint64* rid, QString* toolsHash)
{
    if (rid) {
        *rid = q.value(0).toLongLong();
    }
    RequestRecord r;
    r.id = q.value(1).toString();
    r.startedAt = fromMs(q.value(2));
    r.source = RequestSources::fromId(q.value(3).toString()).value_or(RequestSource::Workbench);
    r.prompt = q.value(4).toString();
    r.tier = q.value(5).toString();
    r.rule = q.value(6).toString();
    r.finalModel = q.value(7).toString();
    r.finalProvider = q.value(8).toString();
    r.status = RequestStatuses::fromId(q.value(9).toString()).value_or(RequestStatus::Failed);
    r.ttftMs = q.value(10).toLongLong();
    r.latencyMs = q.value(11).toLongLong();
    r.usage.promptTokens = q.value(12).toLongLong();
    r.usage.completionTokens = q.value(13).toLongLong();
    r.usage.cachedTokens = q.value(14).toLongLong();
    r.usage.reasoningTokens = q.value(15).toLongLong();
    r.usage.estimated = q.value(16).toBool();
    if (!q.value(17).isNull()) {
        r.costUsd = q.value(17).toDouble();
    }
    r.costEstimated = q.value(18).toBool();
    r.priceVersion = q.value(19).toInt();
    r.cachedAnswer = q.value(20).toBool();
    r.compareGroup = q.value(21).toString();
    r.failureClass = q.value(22).toString();
    r.errorMessage = q.value(23).toString();
    r.clientKey = q.value(24).toString();
    r.usage.cacheWrite5mTokens = q.value(25).toLongLong();
    r.usage.cacheWrite1hTokens = q.value(26).toLongLong();
    r.usage.images = q.value(27).toLongLong();
    r.usage.webSearches = q.value(28).toLongLong();
    r.usage.batch = q.value(29).toBool();
    if (!q.value(30).isNull()) {
        r.learned = LearnedRouteRecord { q.value(30).toDouble(), q.value(31).toBool() };
    }
    r.answer = q.value(32).toString();
    r.reasoning = q.value(33).toString();
    r.toolCalls = toolCallsFromJson(q.value(34).toString());
    r.settings = q.value(35).toString();
    r.exchange = q.value(36).toString();
    r.system = q.value(37).toString();
    if (toolsHash) {
        *toolsHash = q.value(38).toString();
    }
    r.toolChoice = toolChoiceFromText(q.value(39).toString());
    return r;
}

LedgerRows::DetailsLoader::DetailsLoader(const QSqlDatabase& db, bool withFailovers)
    : m_attempts(db)
    , m_failovers(db)
    , m_tools(db)
    , m_withFailovers(withFailovers)
{
    m_prepared = m_attempts.prepare(QStringLiteral(
                     "SELECT model_id, provider_id, started_at, ended_at, outcome, failure_class, http_status, message"
                     " FROM attempts WHERE request_rid = ? ORDER BY seq"))
        && (!withFailovers
            || m_failovers.prepare(
                QStringLiteral("SELECT at, from_model, to_model, failure_class, message FROM failovers"
                               " WHERE request_rid = ? ORDER BY seq")))
        && m_tools.prepare(QStringLiteral("SELECT tools FROM tool_documents WHERE hash = ?"));
    if (!m_prepared) {
        m_error = m_attempts.lastError().text() + m_failovers.lastError().text() + m_tools.lastError().text();
    }
}

bool LedgerRows::DetailsLoader::load(qint64 rid, RequestRecord* record, const QString& toolsHash)
{
    if (!m_prepared) {
        return false;
    }
    if (!toolsHash.isEmpty()) {
        // Rows of one client name the same document: read and parsed once, then shared.
        auto known = m_toolDocuments.constFind(toolsHash);
        if (known == m_toolDocuments.constEnd()) {
            m_tools.addBindValue(toolsHash);
            if (!m_tools.exec()) {
                m_error = m_tools.lastError().text();
                return false;
            }
            const QJsonArray tools = m_tools.next() ? ToolDocument::parse(m_tools.value(0).toString()) : QJsonArray();
            m_tools.finish();
            known = m_toolDocuments.insert(toolsHash, tools);
        }
        record->tools = *known;
    }
    m_attempts.addBindValue(rid);
    if (!m_attempts.exec()) {
        m_error = m_attempts.lastError().text();
        return false;
    }
    while (m_attempts.next()) {
        AttemptRecord a;
        a.modelId = m_attempts.value(0).toString();
        a.providerId = m_attempts.value(1).toString();
        a.startedAt = fromMs(m_attempts.value(2));
        a.endedAt = fromMs(m_attempts.value(3));
        a.outcome = AttemptOutcomes::fromId(m_attempts.value(4).toString()).value_or(AttemptOutcome::Failed);
        a.failureClass = m_attempts.value(5).toString();
        a.httpStatus = m_attempts.value(6).toInt();
        a.message = m_attempts.value(7).toString();
        record->attempts << a;
    }
    m_attempts.finish();
    if (!m_withFailovers) {
        return true;
    }
    m_failovers.addBindValue(rid);
    if (!m_failovers.exec()) {
        m_error = m_failovers.lastError().text();
        return false;
    }
    while (m_failovers.next()) {
        FailoverRecord f;
        f.at = fromMs(m_failovers.value(0));
        f.fromModel = m_failovers.value(1).toString();
        f.toModel = m_failovers.value(2).toString();
        f.failureClass = m_failovers.value(3).toString();
        f.message = m_failovers.value(4).toString();
        record->failovers << f;
    }
    m_failovers.finish();
    return true;
}
