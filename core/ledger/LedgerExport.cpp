#include "core/ledger/LedgerExport.h"

#include "core/common/Csv.h"
#include "core/common/Money.h"
#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerQueriesSql.h"
#include "core/ledger/LedgerRows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QStringList kCsvHeader = { "id",
                                 "started_at",
                                 "source",
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
                                 "attempts",
                                 "failovers",
                                 "prompt",
                                 "system",
                                 "tools" };

QString iso(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The offered tools' function names, "a;b", for a spreadsheet (the definitions are in JSONL).
QString toolNames(const QJsonArray& tools)
{
    QStringList names;
    for (const QJsonValue& tool : tools) {
        names.append(
            tool.toObject().value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString());
    }
    return names.join(u';');
}

QString csvLine(const RequestRecord& r)
{
    const QStringList fields = { r.id,
                                 iso(r.startedAt),
                                 RequestSources::id(r.source),
                                 r.tier,
                                 r.rule,
                                 r.finalModel,
                                 r.finalProvider,
                                 RequestStatuses::id(r.status),
                                 QString::number(r.ttftMs),
                                 QString::number(r.latencyMs),
                                 QString::number(r.usage.promptTokens),
                                 QString::number(r.usage.completionTokens),
                                 QString::number(r.usage.cachedTokens),
                                 QString::number(r.usage.reasoningTokens),
                                 QString::number(int(r.usage.estimated)),
                                 r.costUsd ? Money::plain(*r.costUsd) : QString(),
                                 QString::number(int(r.costEstimated)),
                                 QString::number(r.priceVersion),
                                 QString::number(int(r.cachedAnswer)),
                                 r.compareGroup,
                                 r.failureClass,
                                 r.errorMessage,
                                 QString::number(r.attempts.size()),
                                 QString::number(r.failovers.size()),
                                 r.prompt,
                                 r.system,
                                 toolNames(r.tools) };
    return Csv::line(fields);
}

QByteArray jsonLine(const RequestRecord& r)
{
    QJsonArray attempts;
    for (const AttemptRecord& a : r.attempts) {
        attempts.append(QJsonObject { { "model", a.modelId },
                                      { "provider", a.providerId },
                                      { "started_at", iso(a.startedAt) },
                                      { "ended_at", iso(a.endedAt) },
                                      { "outcome", AttemptOutcomes::id(a.outcome) },
                                      { "failure_class", a.failureClass },
                                      { "http_status", a.httpStatus },
                                      { "message", a.message } });
    }
    QJsonArray failovers;
    for (const FailoverRecord& f : r.failovers) {
        failovers.append(QJsonObject { { "at", iso(f.at) },
                                       { "from_model", f.fromModel },
                                       { "to_model", f.toModel },
                                       { "failure_class", f.failureClass },
                                       { "message", f.message } });
    }
    QJsonObject object { { "id", r.id },
                         { "started_at", iso(r.startedAt) },
                         { "source", RequestSources::id(r.source) },
                         { "prompt", r.prompt },
                         { "tier", r.tier },
                         { "rule", r.rule },
                         { "final_model", r.finalModel },
                         { "final_provider", r.finalProvider },
                         { "status", RequestStatuses::id(r.status) },
                         { "ttft_ms", r.ttftMs },
                         { "latency_ms", r.latencyMs },
                         { "prompt_tokens", r.usage.promptTokens },
                         { "completion_tokens", r.usage.completionTokens },
                         { "cached_tokens", r.usage.cachedTokens },
                         { "reasoning_tokens", r.usage.reasoningTokens },
                         { "usage_estimated", r.usage.estimated },
                         { "cost_usd", r.costUsd ? QJsonValue(*r.costUsd) : QJsonValue() },
                         { "cost_estimated", r.costEstimated },
                         { "price_version", r.priceVersion },
                         { "cached_answer", r.cachedAnswer },
                         { "compare_group", r.compareGroup },
                         { "failure_class", r.failureClass },
                         { "error_message", r.errorMessage },
                         { "attempts", attempts },
                         { "failovers", failovers } };
    // What the client offered besides its prompt, as the row keeps it (OpenAI's tools form).
    if (!r.system.isEmpty()) {
        object.insert(QStringLiteral("system"), r.system);
    }
    if (!r.tools.isEmpty()) {
        object.insert(QStringLiteral("tools"), r.tools);
    }
    if (!r.toolChoice.isUndefined()) {
        object.insert(QStringLiteral("tool_choice"), r.toolChoice);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}
} // namespace

LedgerExport::LedgerExport(const QString& ledgerPath)
    : m_ledgerPath(ledgerPath)
{
}

bool LedgerExport::exportCsv(const QString& filePath, const LedgerFilter& filter)
{
    return write(filePath, filter, Format::Csv);
}

bool LedgerExport::exportJsonl(const QString& filePath, const LedgerFilter& filter)
{
    return write(filePath, filter, Format::Jsonl);
}

bool LedgerExport::write(const QString& filePath, const LedgerFilter& filter, Format format)
{
    m_error.clear();
    m_rows = 0;
    LedgerConnection connection(m_ledgerPath, QStringLiteral("export"));
    if (!connection.open(5000, &m_error)) {
        return false;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = QCoreApplication::translate("Ledger", "Cannot write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    const SqlWhere where = LedgerQueriesSql::requestWhere(filter);
    {
        QSqlQuery query(connection.database());
        query.setForwardOnly(LedgerDialect::of(connection.database()).nestsForwardOnlyReads());
        if (!query.prepare(QStringLiteral("SELECT %1 FROM requests r%2 ORDER BY r.started_at, r.rid")
                               .arg(LedgerRows::requestColumns(), where.sql()))) {
            m_error = query.lastError().text();
            return false;
        }
        for (const QVariant& bind : where.binds()) {
            query.addBindValue(bind);
        }
        if (!query.exec()) {
            m_error = query.lastError().text();
            return false;
        }
        if (format == Format::Csv) {
            file.write(kCsvHeader.join(u',').toUtf8() + "\r\n");
        }
        LedgerRows::DetailsLoader details(connection.database());
        while (query.next()) {
            qint64 rid = 0;
            QString toolsHash;
            RequestRecord record = LedgerRows::readRequest(query, &rid, &toolsHash);
            details.load(rid, &record, toolsHash);
            file.write(format == Format::Csv ? csvLine(record).toUtf8() : jsonLine(record));
            ++m_rows;
        }
    }
    if (!file.commit()) {
        m_error = QCoreApplication::translate("Ledger", "Cannot write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    return true;
}
