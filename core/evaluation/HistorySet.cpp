#include "core/evaluation/HistorySet.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

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
        if (seen.contains(row.prompt)) {
            ++result.repeated;
            continue;
        }
        seen.insert(row.prompt);
        QJsonObject line { { QStringLiteral("id"), row.id }, { QStringLiteral("prompt"), row.prompt } };
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
