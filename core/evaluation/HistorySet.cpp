#include "core/evaluation/HistorySet.h"

#include "core/evaluation/PromptTools.h"
#include "core/workbench/ColumnExchange.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStringList>

QList<RequestRecord> HistorySet::runsAnsweredBy(const QList<RequestRecord>& records, const QString& model)
{
    QList<RequestRecord> rows;
    QHash<QString, qsizetype> runAt; // run -> its row in `rows`
    QSet<QString> answeredByModel;
    for (const RequestRecord& record : records) {
        const QString run = record.compareGroup.isEmpty() ? record.id : record.compareGroup;
        const bool byModel = !model.isEmpty() && record.finalModel == model;
        if (!runAt.contains(run)) {
            runAt.insert(run, rows.size());
            rows.append(record);
            if (!byModel) {
                rows.last().answer.clear();
            } else {
                answeredByModel.insert(run);
            }
        } else if (byModel && !answeredByModel.contains(run)) {
            rows[runAt.value(run)] = record;
            answeredByModel.insert(run);
        }
    }
    return rows;
}

HistorySet::Result HistorySet::of(const QList<RequestRecord>& rows, bool answersAsExpected)
{
    Result result;
    QSet<QString> seen;
    for (const RequestRecord& row : rows) {
        if (row.prompt.trimmed().isEmpty()) {
            ++result.withoutPrompt;
            continue;
        }
        // What the row asked: its system prompt and tools with the question (a workbench row keeps
        // them in its exchange, a gateway, `ask` or `route` row in its own columns). The same
        // question asked with another system prompt or other tools is another prompt of the set.
        const ColumnExchange exchange = ColumnExchange::fromJson(row.exchange);
        const QString system = exchange.system.isEmpty() ? row.system : exchange.system;
        const bool exchangeTools = !exchange.tools.isEmpty();
        QString problem;
        const std::optional<PromptTools> tools = exchangeTools
            ? PromptTools::fromJson(exchange.tools.toJson(), exchange.toolChoice, &problem)
            : PromptTools::fromJson(row.tools.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(row.tools),
                                    row.tools.isEmpty() ? QJsonValue(QJsonValue::Undefined) : row.toolChoice, &problem);
        if (!tools) {
            // Asked without them, the prompt would not be the one the row asked.
            ++result.toolsRefused;
            continue;
        }
        const QJsonArray toolsJson = tools->tools.toJson();
        const QString key = QStringList { system, row.prompt,
                                          QString::fromUtf8(QJsonDocument(toolsJson).toJson(QJsonDocument::Compact)) }
                                .join(QChar(0x1f));
        if (seen.contains(key)) {
            ++result.repeated;
            continue;
        }
        seen.insert(key);
        QJsonObject line { { QStringLiteral("id"), row.id }, { QStringLiteral("prompt"), row.prompt } };
        if (!system.isEmpty()) {
            line.insert(QStringLiteral("system"), system);
        }
        if (!tools->isEmpty()) {
            // As the row was sent them, so the set offers every model the same tools.
            line.insert(QStringLiteral("tools"), toolsJson);
            if (!tools->choice.isUndefined() && !tools->choice.isNull()) {
                line.insert(QStringLiteral("tool_choice"), tools->choice);
            }
        }
        const bool answered = row.status == RequestStatus::Ok || row.status == RequestStatus::Cached;
        if (answersAsExpected && answered && !row.answer.trimmed().isEmpty()) {
            line.insert(QStringLiteral("expected"), row.answer);
        }
        result.jsonl += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        ++result.written;
    }
    return result;
}

QString HistorySet::describe(const Result& result)
{
    QString text = tr("%n prompt(s) written", nullptr, result.written);
    if (result.withoutPrompt > 0) {
        text += tr("; %n row(s) without a prompt left out (prompt storage was off)", nullptr, result.withoutPrompt);
    }
    if (result.repeated > 0) {
        text += tr("; %n repeated prompt(s) left out", nullptr, result.repeated);
    }
    if (result.toolsRefused > 0) {
        text += tr("; %n row(s) whose tools cannot be offered to a model left out", nullptr, result.toolsRefused);
    }
    return text;
}

bool HistorySet::save(const QString& path, const QByteArray& jsonl, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(jsonl) != jsonl.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
