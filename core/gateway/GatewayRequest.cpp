#include "core/gateway/GatewayRequest.h"

#include "core/gateway/GatewayBodyCheck.h"

#include "core/providers/RequestTranslator.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GatewayRequest", text);
}

bool readCommon(const QJsonObject& body, GatewayRequest& out)
{
    const QJsonValue model = body.value(QLatin1String("model"));
    if (!model.isString() || model.toString().isEmpty()) {
        out.error = GatewayError::badRequest(
            model.isUndefined() ? QCoreApplication::translate("GatewayRequest", "model is required.")
                                : QCoreApplication::translate("GatewayRequest", "model must be a non-empty string."),
            QStringLiteral("model"));
        return false;
    }
    out.model = model.toString();
    const QJsonValue stream = body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool()) {
        out.error = GatewayError::badRequest(QCoreApplication::translate("GatewayRequest", "stream must be a boolean."),
                                             QStringLiteral("stream"));
        return false;
    }
    out.stream = stream.toBool(false);
    out.chat.stream = out.stream;
    const QJsonValue temperature = body.value(QLatin1String("temperature"));
    if (temperature.isDouble()) {
        out.chat.temperature = temperature.toDouble();
    } else if (!temperature.isUndefined() && !temperature.isNull()) {
        out.error
            = GatewayError::badRequest(QCoreApplication::translate("GatewayRequest", "temperature must be a number."),
                                       QStringLiteral("temperature"));
        return false;
    }
    const QJsonValue tier = body.value(QLatin1String("tier"));
    if (tier.isString()) {
        out.tier = tier.toString();
    } else if (!tier.isUndefined() && !tier.isNull()) {
        out.error = GatewayError::badRequest(QCoreApplication::translate("GatewayRequest", "tier must be a string."),
                                             QStringLiteral("tier"));
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
        out.error = GatewayError::badRequest(
            QCoreApplication::translate("GatewayRequest", "%1 must be a positive integer.").arg(QLatin1String(field)),
            QLatin1String(field));
        return false;
    }
    out.chat.maxTokens = int(number);
    return true;
}

// Lean: the body goes upstream as it is, so its long strings (images, documents) are read where
// they are instead of being copied into the parsed tree.
std::optional<LeanJsonDocument> parseObject(const QByteArray& bytes, GatewayRequest& out)
{
    QString reason;
    LeanJsonDocument document = WireJson::parseLean(bytes, &reason);
    if (!document.isObject()) {
        out.error = GatewayError::badRequest(
            document.document().isNull()
                ? QCoreApplication::translate("GatewayRequest", "The request body is not valid JSON: %1.").arg(reason)
                : QCoreApplication::translate("GatewayRequest", "The request body must be a JSON object."),
            {}, QByteArrayLiteral("invalid_json"));
        return std::nullopt;
    }
    return document;
}

bool readMessages(const QJsonObject& body, GatewayBodyCheck& check, GatewayRequest& out)
{
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        out.error = GatewayError::badRequest(
            QCoreApplication::translate("GatewayRequest", "messages must be a non-empty array."),
            QStringLiteral("messages"));
        return false;
    }
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto message = check.message(list.at(i), i);
        if (!message) {
            out.error = check.error();
            return false;
        }
        if (!message->role.isEmpty()) {
            out.chat.messages.append(*message);
        }
    }
    return true;
}
// From the tree already parsed (no second parse of the body), unless a tool holds a string longer
// than LeanJsonDocument leaves in the source: then only the tools are parsed again, whole.
void readOffered(const LeanJsonDocument& parsed, const QJsonObject& body, ProviderKind from, GatewayRequest& out)
{
    const QJsonValue tools = body.value(QLatin1String("tools"));
    if (!tools.isArray() || tools.toArray().isEmpty()) {
        return;
    }
    QJsonObject offered { { QStringLiteral("tools"), tools },
                          { QStringLiteral("tool_choice"), body.value(QLatin1String("tool_choice")) } };
    if (parsed.longStringCount() > 0) {
        offered = QJsonDocument::fromJson(parsed.toJson(offered)).object();
    }
    // An agent sends the same tools on every request: the last ones' translation is reused (a
    // deep comparison, 6 us for 40 KB of tools, against 83 us to translate Anthropic's), and the
    // rows share one array, which the ledger writer then recognises without hashing it again.
    struct Memo
    {
        QJsonObject offered;
        ProviderKind from = ProviderKind::OpenAiCompatible;
        RequestTranslator::OfferedTools kept;
    };
    thread_local Memo memo;
    if (memo.offered.isEmpty() || memo.from != from || memo.offered != offered) {
        memo = { offered, from, RequestTranslator::offeredTools(offered, from) };
    }
    out.offeredTools = memo.kept.tools;
    out.offeredToolChoice = memo.kept.choice;
}
} // namespace

GatewayRequest GatewayRequest::fromOpenAi(const QByteArray& bytes)
{
    GatewayRequest out;
    const auto parsed = parseObject(bytes, out);
    if (!parsed || !readCommon(parsed->object(), out)) {
        return out;
    }
    const QJsonObject body = parsed->object();
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
    GatewayBodyCheck check(GatewayBodyCheck::Api::OpenAi, *parsed);
    if (!check.tools(body) || !check.responseFormat(body)) {
        out.error = check.error();
        return out;
    }
    if (readMessages(body, check, out)) {
        out.chat.clientBody = bytes;
        out.chat.clientFormat = ProviderKind::OpenAiCompatible;
        readOffered(*parsed, body, ProviderKind::OpenAiCompatible, out);
    }
    return out;
}

GatewayRequest GatewayRequest::fromAnthropic(const QByteArray& bytes)
{
    GatewayRequest out;
    const auto parsed = parseObject(bytes, out);
    if (!parsed || !readCommon(parsed->object(), out)) {
        return out;
    }
    const QJsonObject body = parsed->object();
    if (!body.contains(QLatin1String("max_tokens"))) {
        out.error = GatewayError::badRequest(tr("max_tokens is required."), QStringLiteral("max_tokens"));
        return out;
    }
    if (!readMaxTokens(body, "max_tokens", out)) {
        return out;
    }
    GatewayBodyCheck check(GatewayBodyCheck::Api::Anthropic, *parsed);
    const QJsonValue system = body.value(QLatin1String("system"));
    if (!system.isUndefined() && !system.isNull()) {
        const auto text = check.systemText(system);
        if (!text) {
            out.error = check.error();
            return out;
        }
        out.chat.messages.append({ QStringLiteral("system"), *text });
    }
    if (!check.tools(body)) {
        out.error = check.error();
        return out;
    }
    if (readMessages(body, check, out)) {
        out.chat.clientBody = bytes;
        out.chat.clientFormat = ProviderKind::AnthropicMessages;
        readOffered(*parsed, body, ProviderKind::AnthropicMessages, out);
    }
    return out;
}
