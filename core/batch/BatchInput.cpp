#include "core/batch/BatchInput.h"

#include "core/common/TextPosition.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
QString textOf(const QJsonValue& content)
{
    if (content.isString()) {
        return content.toString();
    }
    QStringList parts;
    for (const QJsonValue& part : content.toArray()) {
        if (part.toObject().value(QLatin1String("type")).toString() == QLatin1String("text")) {
            parts << part.toObject().value(QLatin1String("text")).toString();
        }
    }
    return parts.join(QLatin1Char('\n'));
}
} // namespace

std::optional<QList<BatchItem>> BatchInput::parse(const QByteArray& jsonl, const QString& fileName, QString* error)
{
    static const QRegularExpression customIdPattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    QList<BatchItem> items;
    QHash<QString, int> lineOfId;
    const QList<QByteArray> lines = jsonl.split('\n');
    auto fail = [&](int line, int column, const QString& message) {
        *error = column > 0 ? QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(line).arg(column).arg(message)
                            : QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(message);
        return std::nullopt;
    };
    for (int index = 0; index < lines.size(); ++index) {
        const int line = index + 1;
        const QByteArray text = lines[index].trimmed();
        if (text.isEmpty()) {
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(lines[index], &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return fail(line, TextPosition::ofJsonError(lines[index], parseError).column,
                        tr("not valid JSON (%1)").arg(parseError.errorString()));
        }
        if (!document.isObject()) {
            return fail(line, 0, tr("expected a JSON object with \"messages\""));
        }
        QJsonObject object = document.object();
        auto fieldError = [&](const char* field, const QString& message) {
            return fail(line, 0, QStringLiteral("\"%1\": %2").arg(QLatin1String(field), message));
        };
        if (object.contains(QLatin1String("model"))) {
            return fieldError("model", tr("the model is chosen for the whole batch with --model; remove it"));
        }
        if (object.value(QLatin1String("stream")).toBool()) {
            return fieldError("stream", tr("a batch answers whole, it cannot stream; remove it"));
        }
        const QJsonValue messages = object.value(QLatin1String("messages"));
        if (!messages.isArray() || messages.toArray().isEmpty()) {
            return fieldError("messages", tr("expected a non-empty array of messages"));
        }
        QString prompt;
        const QJsonArray list = messages.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject message = list[i].toObject();
            if (!list[i].isObject() || !message.value(QLatin1String("role")).isString()) {
                return fail(
                    line, 0,
                    QStringLiteral("\"messages[%1]\": %2").arg(i).arg(tr("expected an object with a \"role\"")));
            }
            if (message.value(QLatin1String("role")).toString() == QLatin1String("user")) {
                prompt = textOf(message.value(QLatin1String("content")));
            }
        }
        BatchItem item;
        item.line = line;
        for (const char* field : { "max_tokens", "max_completion_tokens" }) {
            const QJsonValue value = object.value(QLatin1String(field));
            if (value.isUndefined()) {
                continue;
            }
            if (!value.isDouble() || value.toDouble() < 1 || value.toDouble() != double(value.toInt())) {
                return fieldError(field, tr("expected a whole number of tokens, 1 or more"));
            }
            item.maxTokens = value.toInt();
        }
        const QJsonValue customId = object.value(QLatin1String("custom_id"));
        if (customId.isUndefined()) {
            item.customId = QStringLiteral("request-%1").arg(line);
        } else if (!customId.isString() || !customIdPattern.match(customId.toString()).hasMatch()) {
            return fieldError("custom_id", tr("expected 1 to 64 letters, digits, '-' or '_'"));
        } else {
            item.customId = customId.toString();
        }
        if (const int first = lineOfId.value(item.customId); first > 0) {
            return fieldError("custom_id", tr("\"%1\" is already used on line %2").arg(item.customId).arg(first));
        }
        if (items.size() >= MaxRequests) {
            return fail(line, 0, tr("a batch holds at most %1 requests").arg(MaxRequests));
        }
        lineOfId.insert(item.customId, line);
        object.remove(QLatin1String("custom_id"));
        item.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        item.prompt = prompt;
        items.append(item);
    }
    if (items.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(fileName, tr("no requests (one JSON object per line)"));
        return std::nullopt;
    }
    return items;
}

std::optional<QList<BatchItem>> BatchInput::read(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), QFileInfo(path).fileName(), error);
}
