#include "core/learning/PromptFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Why a line is not a prompt row, or empty when it is one.
QString parseRow(const QByteArray& line, PromptRow* row)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return QCoreApplication::translate("PromptFile", "invalid JSON at column %1: %2")
            .arg(parseError.offset + 1)
            .arg(parseError.errorString());
    }
    if (!document.isObject()) {
        return QCoreApplication::translate("PromptFile", "expected a JSON object");
    }
    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QStringLiteral("id"));
    if (id.isUndefined()) {
        return QCoreApplication::translate("PromptFile", "missing field \"id\"");
    }
    if (id.isString() && !id.toString().isEmpty()) {
        row->id = id.toString();
    } else if (id.isDouble()) {
        row->id = QString::number(id.toDouble(), 'g', 17);
    } else {
        return QCoreApplication::translate("PromptFile", "field \"id\" must be a non-empty string or a number");
    }
    const QJsonValue prompt = object.value(QStringLiteral("prompt"));
    if (prompt.isUndefined()) {
        return QCoreApplication::translate("PromptFile", "missing field \"prompt\"");
    }
    if (!prompt.isString()) {
        return QCoreApplication::translate("PromptFile", "field \"prompt\" must be a string");
    }
    row->prompt = prompt.toString();
    const QJsonValue source = object.value(QStringLiteral("source"));
    if (!source.isUndefined() && !source.isString()) {
        return QCoreApplication::translate("PromptFile", "field \"source\" must be a string");
    }
    row->source = source.toString();
    const QJsonValue scores = object.value(QStringLiteral("scores"));
    if (!scores.isUndefined()) {
        if (!scores.isObject()) {
            return QCoreApplication::translate("PromptFile", "field \"scores\" must be an object of numbers");
        }
        const QJsonObject scoreObject = scores.toObject();
        for (auto it = scoreObject.begin(); it != scoreObject.end(); ++it) {
            if (!it.value().isDouble()) {
                return QCoreApplication::translate("PromptFile", "field \"scores.%1\" must be a number").arg(it.key());
            }
            row->scores.insert(it.key(), it.value().toDouble());
        }
    }
    return {};
}
} // namespace

PromptFile PromptFile::read(const QString& path, qint64 maxLineBytes)
{
    PromptFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.m_error = QCoreApplication::translate("PromptFile", "%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    QList<PromptRow> rows;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QByteArray line = file.readLine(maxLineBytes + 1);
        if (!line.endsWith('\n') && !file.atEnd()) {
            result.m_error = QCoreApplication::translate("PromptFile", "%1:%2: the line is longer than %3 MiB")
                                 .arg(path)
                                 .arg(lineNumber)
                                 .arg(maxLineBytes / (1024 * 1024));
            return result;
        }
        if (line.size() > maxLineBytes) {
            result.m_error = QCoreApplication::translate("PromptFile", "%1:%2: the line is longer than %3 MiB")
                                 .arg(path)
                                 .arg(lineNumber)
                                 .arg(maxLineBytes / (1024 * 1024));
            return result;
        }
        if (line.trimmed().isEmpty()) {
            continue;
        }
        PromptRow row;
        row.line = lineNumber;
        const QString why = parseRow(line, &row);
        if (!why.isEmpty()) {
            result.m_error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(why);
            return result;
        }
        rows.append(std::move(row));
    }
    if (file.error() != QFileDevice::NoError) {
        result.m_error = QCoreApplication::translate("PromptFile", "%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    result.m_rows = std::move(rows);
    return result;
}

QStringList PromptFile::commonScoreKeys() const
{
    if (m_rows.isEmpty()) {
        return {};
    }
    QStringList keys = m_rows.first().scores.keys();
    std::sort(keys.begin(), keys.end());
    QStringList common;
    for (const QString& key : keys) {
        const bool everywhere
            = std::all_of(m_rows.begin(), m_rows.end(), [&](const PromptRow& row) { return row.scores.contains(key); });
        if (everywhere) {
            common.append(key);
        }
    }
    return common;
}

double PromptFile::meanScore(const QString& key) const
{
    double sum = 0;
    int count = 0;
    for (const PromptRow& row : m_rows) {
        const auto found = row.scores.constFind(key);
        if (found != row.scores.cend()) {
            sum += *found;
            ++count;
        }
    }
    return count ? sum / count : 0;
}
