#include "GatewayRequest.h"

#include "providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GatewayRequest", text);
}

// Text from a string, or from an array of {"type":"text","text":...} parts. Other parts (images,
// audio, tool results) cannot be carried by ChatRequest: refused rather than silently dropped.
std::optional<QString> contentText(const QJsonValue& value, const QString& param, std::optional<GatewayError>& error)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isArray()) {
        QString text;
        const QJsonArray parts = value.toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QJsonObject part = parts.at(i).toObject();
            const QString partParam = QStringLiteral("%1[%2]").arg(param).arg(i);
            if (part.value(QLatin1String("type")).toString() != QLatin1String("text")
                || !part.value(QLatin1String("text")).isString()) {
                error = GatewayError::badRequest(
                    tr("Only text content parts are supported (%1 is not {\"type\": \"text\", \"text\": \"...\"}).")
                        .arg(partParam),
                    partParam);
                return std::nullopt;
            }
            text += part.value(QLatin1String("text")).toString();
        }
        return text;
    }
    error = GatewayError::badRequest(tr("%1 must be a string or an array of text parts.").arg(param), param);
    return std::nullopt;
}

bool readCommon(const QJsonObject& body, GatewayRequest& out)
{
    const QJsonValue model = body.value(QLatin1String("model"));
    if (!model.isString() || model.toString().isEmpty()) {
        out.error = GatewayError::badRequest(model.isUndefined() ? tr("model is required.")
                                                                 : tr("model must be a non-empty string."),
                                             QStringLiteral("model"));
        return false;
    }
    out.model = model.toString();
    const QJsonValue stream = body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool()) {
        out.error = GatewayError::badRequest(tr("stream must be a boolean."), QStringLiteral("stream"));
        return false;
    }
    out.stream = stream.toBool(false);
    out.chat.stream = out.stream;
    const QJsonValue temperature = body.value(QLatin1String("temperature"));
    if (temperature.isDouble()) {
        out.chat.temperature = temperature.toDouble();
    } else if (!temperature.isUndefined() && !temperature.isNull()) {
        out.error = GatewayError::badRequest(tr("temperature must be a number."), QStringLiteral("temperature"));
        return false;
    }
    const QJsonValue tier = body.value(QLatin1String("tier"));
    if (tier.isString()) {
        out.tier = tier.toString();
    } else if (!tier.isUndefined() && !tier.isNull()) {
        out.error = GatewayError::badRequest(tr("tier must be a string."), QStringLiteral("tier"));
        return false;
    }
    return true;
}

bool readMaxTokens(const QJsonObject& body, const char* field, GatewayRequest& out)
{
    const QJsonValue value = body.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull()) {
        return true;
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number != double(qint64(number)) || number > 1e9) {
        out.error = GatewayError::badRequest(tr("%1 must be a positive integer.").arg(QLatin1String(field)),
                                             QLatin1String(field));
        return false;
    }
    out.chat.maxTokens = int(number);
    return true;
}

std::optional<QJsonObject> parseObject(const QByteArray& bytes, GatewayRequest& out)
{
    QString reason;
    const QJsonDocument document = WireJson::parse(bytes, &reason);
    if (!document.isObject()) {
        out.error
            = GatewayError::badRequest(document.isNull() ? tr("The request body is not valid JSON: %1.").arg(reason)
                                                         : tr("The request body must be a JSON object."),
                                       {}, QByteArrayLiteral("invalid_json"));
        return std::nullopt;
    }
    return document.object();
}

bool refuseTools(const QJsonObject& body, GatewayRequest& out)
{
    for (const char* field : { "tools", "functions" }) {
        const QJsonValue value = body.value(QLatin1String(field));
        if (value.isArray() && !value.toArray().isEmpty()) {
            out.error = GatewayError::badRequest(tr("Tool calling is not supported by the Switchyard gateway."),
                                                 QLatin1String(field), QByteArrayLiteral("unsupported_parameter"));
            return false;
        }
    }
    return true;
}
} // namespace

GatewayRequest GatewayRequest::fromOpenAi(const QByteArray& bytes)
{
    GatewayRequest out;
    const auto parsed = parseObject(bytes, out);
    if (!parsed || !readCommon(*parsed, out) || !refuseTools(*parsed, out)) {
        return out;
    }
    const QJsonObject& body = *parsed;
    const bool hasCompletionTokens = body.contains(QLatin1String("max_completion_tokens"));
    if (!readMaxTokens(body, hasCompletionTokens ? "max_completion_tokens" : "max_tokens", out)) {
        return out;
    }
    const QJsonValue n = body.value(QLatin1String("n"));
    if (!n.isUndefined() && !n.isNull() && n.toDouble() != 1) {
        out.error = GatewayError::badRequest(tr("Only n = 1 is supported."), QStringLiteral("n"));
        return out;
    }
    const QJsonValue options = body.value(QLatin1String("stream_options"));
    if (options.isObject()) {
        out.includeUsage = options.toObject().value(QLatin1String("include_usage")).toBool(false);
    } else if (!options.isUndefined() && !options.isNull()) {
        out.error = GatewayError::badRequest(tr("stream_options must be an object."), QStringLiteral("stream_options"));
        return out;
    }
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        out.error = GatewayError::badRequest(tr("messages must be a non-empty array."), QStringLiteral("messages"));
        return out;
    }
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString param = QStringLiteral("messages[%1]").arg(i);
        if (!list.at(i).isObject()) {
            out.error = GatewayError::badRequest(tr("%1 must be an object.").arg(param), param);
            return out;
        }
        const QJsonObject message = list.at(i).toObject();
        QString role = message.value(QLatin1String("role")).toString();
        if (role == QLatin1String("developer")) {
            role = QStringLiteral("system");
        }
        if (role != QLatin1String("system") && role != QLatin1String("user") && role != QLatin1String("assistant")) {
            out.error = GatewayError::badRequest(
                tr("%1.role must be \"system\", \"developer\", \"user\" or \"assistant\".").arg(param),
                param + QStringLiteral(".role"));
            return out;
        }
        const QJsonValue content = message.value(QLatin1String("content"));
        if (role == QLatin1String("assistant") && content.isNull()) {
            continue;
        }
        const auto text = contentText(content, param + QStringLiteral(".content"), out.error);
        if (!text) {
            return out;
        }
        out.chat.messages.append({ role, *text });
    }
    return out;
}

GatewayRequest GatewayRequest::fromAnthropic(const QByteArray& bytes)
{
    GatewayRequest out;
    const auto parsed = parseObject(bytes, out);
    if (!parsed || !readCommon(*parsed, out) || !refuseTools(*parsed, out)) {
        return out;
    }
    const QJsonObject& body = *parsed;
    if (!body.contains(QLatin1String("max_tokens"))) {
        out.error = GatewayError::badRequest(tr("max_tokens is required."), QStringLiteral("max_tokens"));
        return out;
    }
    if (!readMaxTokens(body, "max_tokens", out)) {
        return out;
    }
    const QJsonValue system = body.value(QLatin1String("system"));
    if (!system.isUndefined() && !system.isNull()) {
        const auto text = contentText(system, QStringLiteral("system"), out.error);
        if (!text) {
            return out;
        }
        out.chat.messages.append({ QStringLiteral("system"), *text });
    }
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        out.error = GatewayError::badRequest(tr("messages must be a non-empty array."), QStringLiteral("messages"));
        return out;
    }
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString param = QStringLiteral("messages.%1").arg(i);
        const QJsonObject message = list.at(i).toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        if (!list.at(i).isObject() || (role != QLatin1String("user") && role != QLatin1String("assistant"))) {
            out.error = GatewayError::badRequest(tr("%1.role must be \"user\" or \"assistant\".").arg(param),
                                                 param + QStringLiteral(".role"));
            return out;
        }
        const auto text
            = contentText(message.value(QLatin1String("content")), param + QStringLiteral(".content"), out.error);
        if (!text) {
            return out;
        }
        out.chat.messages.append({ role, *text });
    }
    return out;
}
