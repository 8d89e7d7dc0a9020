#include "core/sandbox/SandboxBedrock.h"

#include "core/common/AwsEventStream.h"
#include "core/common/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace SandboxBedrock {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Bedrock pads every event payload with "p": a run of the alphabet of varying length.
QByteArray padded(QJsonObject payload)
{
    static const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0");
    static int turn = 0;
    turn = (turn + 7) % alphabet.size();
    payload.insert(QStringLiteral("p"), alphabet.left(qMax(1, turn)));
    return compact(payload);
}

QString stopReason(const SandboxText::Reply& reply)
{
    if (!reply.toolName.isEmpty()) {
        return QStringLiteral("tool_use");
    }
    return reply.truncated ? QStringLiteral("max_tokens") : QStringLiteral("end_turn");
}

QJsonObject usage(const SandboxText::Reply& reply, const SandboxWire::PromptUsage& prompt)
{
    const qint64 input = prompt.tokens - prompt.cacheRead - prompt.cacheWrite5m - prompt.cacheWrite1h;
    const qint64 output = reply.tokenCount();
    return { { QStringLiteral("inputTokens"), input },
             { QStringLiteral("outputTokens"), output },
             { QStringLiteral("totalTokens"), prompt.tokens + output },
             { QStringLiteral("cacheReadInputTokens"), prompt.cacheRead },
             { QStringLiteral("cacheWriteInputTokens"), prompt.cacheWrite5m + prompt.cacheWrite1h } };
}

QString textOf(const QJsonArray& content)
{
    QString text;
    for (const QJsonValue& block : content) {
        text += block.toObject().value(QLatin1String("text")).toString();
    }
    return text;
}

} // namespace

AwsCredentials credentials()
{
    return { QStringLiteral("AKIDSANDBOXEXAMPLE01"),
             QStringLiteral("sandbox/Secret+Key/not-known-to-AWS/0000000"),
             {},
             QStringLiteral("sandbox") };
}

bool parsePath(QByteArrayView rest, QString* model, bool* stream)
{
    if (!rest.startsWith("/model/")) {
        return false;
    }
    const QByteArrayView tail = rest.sliced(7);
    for (const auto& [suffix, streamed] :
         { std::pair { QByteArrayView("/converse-stream"), true }, std::pair { QByteArrayView("/converse"), false } }) {
        if (tail.endsWith(suffix) && tail.size() > suffix.size()) {
            *model = QString::fromUtf8(QByteArray::fromPercentEncoding(tail.chopped(suffix.size()).toByteArray()));
            *stream = streamed;
            return !model->contains(QLatin1Char('/')) || model->startsWith(QLatin1String("arn:"));
        }
    }
    return false;
}

bool parseRequest(const QByteArray& body, const QString& model, bool stream, SandboxWire::Call* call,
                  QByteArray* errorMessage)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *errorMessage = "Malformed input request, please reformat your input and try again.";
        return false;
    }
    const QJsonObject root = document.object();
    call->model = model;
    call->stream = stream;
    for (const char* field : { "model", "stream", "max_tokens", "modelId" }) {
        if (root.contains(QLatin1String(field))) {
            *errorMessage = QByteArray("Malformed input request: extraneous key [") + field
                + "] is not permitted, please reformat your input and try again.";
            return false;
        }
    }
    const QJsonValue messages = root.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        *errorMessage = "A conversation must start with a user message. Try again with a conversation that starts "
                        "with a user message.";
        return false;
    }
    // The Anthropic-shaped view SandboxAnswer reads: tools, tool choice, images, tool results.
    QJsonArray anthropicMessages;
    call->promptText.clear();
    call->lastUserText.clear();
    int images = 0;
    for (const QJsonValue& value : messages.toArray()) {
        const QJsonObject message = value.toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        const QJsonValue content = message.value(QLatin1String("content"));
        if ((role != QLatin1String("user") && role != QLatin1String("assistant")) || !content.isArray()) {
            *errorMessage = "1 validation error detected: Value at 'messages.member.role' failed to satisfy "
                            "constraint: Member must satisfy enum value set: [user, assistant]";
            return false;
        }
        QJsonArray blocks;
        for (const QJsonValue& part : content.toArray()) {
            const QJsonObject block = part.toObject();
            if (block.contains(QLatin1String("image"))) {
                ++images;
                blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("image") } });
            } else if (block.contains(QLatin1String("toolResult"))) {
                blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_result") } });
            }
        }
        anthropicMessages.append(
            QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), blocks } });
        const QString text = textOf(content.toArray());
        call->promptText += text;
        if (role == QLatin1String("user")) {
            call->lastUserText = text;
        }
    }
    call->promptText.prepend(textOf(root.value(QLatin1String("system")).toArray()));
    const QJsonObject inference = root.value(QLatin1String("inferenceConfig")).toObject();
    call->maxTokens = inference.value(QLatin1String("maxTokens")).toInt(0);
    call->sentMaxTokens = false;
    const QJsonValue temperature = inference.value(QLatin1String("temperature"));
    call->temperature = temperature.isDouble() ? std::optional<double>(temperature.toDouble()) : std::nullopt;
    const QJsonValue topP = inference.value(QLatin1String("topP"));
    call->topP = topP.isDouble() ? std::optional<double>(topP.toDouble()) : std::nullopt;
    call->size = PromptSize();
    call->size.images = images;
    call->promptTokens = estimateTokens(call->promptText) + images * 1600;

    QJsonObject view { { QStringLiteral("messages"), anthropicMessages } };
    const QJsonObject toolConfig = root.value(QLatin1String("toolConfig")).toObject();
    QJsonArray tools;
    for (const QJsonValue& value : toolConfig.value(QLatin1String("tools")).toArray()) {
        const QJsonObject spec = value.toObject().value(QLatin1String("toolSpec")).toObject();
        if (!spec.isEmpty()) {
            tools.append(
                QJsonObject { { QStringLiteral("name"), spec.value(QLatin1String("name")) },
                              { QStringLiteral("input_schema"),
                                spec.value(QLatin1String("inputSchema")).toObject().value(QLatin1String("json")) } });
        }
    }
    view.insert(QStringLiteral("tools"), tools);
    const QJsonObject choice = toolConfig.value(QLatin1String("toolChoice")).toObject();
    if (choice.contains(QLatin1String("tool"))) {
        view.insert(QStringLiteral("tool_choice"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("tool") },
                                  { QStringLiteral("name"),
                                    choice.value(QLatin1String("tool")).toObject().value(QLatin1String("name")) } });
    }
    call->ask = SandboxAnswer::read(view, true);
    return true;
}

Error errorFor(int status, const QByteArray& code)
{
    if (!code.isEmpty() && code.endsWith("Exception")) {
        return { code, "Simulated " + code + " (sandbox)" };
    }
    switch (status) {
    case 400:
        return { "ValidationException", "Invalid request (sandbox)" };
    case 403:
        return { "AccessDeniedException", "You don't have access to the model with the specified model ID." };
    case 404:
        return { "ResourceNotFoundException",
                 "Could not resolve the foundation model from the provided model "
                 "identifier." };
    case 408:
        return { "ModelTimeoutException", "Model has timed out in processing the request. (sandbox)" };
    case 424:
        return { "ModelErrorException", "The model failed to process the request. (sandbox)" };
    case 429:
        return { "ThrottlingException", "Too many requests, please wait before trying again." };
    case 503:
        return { "ServiceUnavailableException", "Bedrock is unable to process your request." };
    default:
        break;
    }
    if (status >= 500) {
        return { "InternalServerException", "The server encountered an internal error. (sandbox)" };
    }
    return { "ValidationException", "Invalid request (sandbox)" };
}

QByteArray errorBody(const QByteArray& message)
{
    return compact({ { QStringLiteral("message"), QString::fromUtf8(message) } });
}

QByteArray errorTypeHeader(const QByteArray& type)
{
    return type + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
}

QByteArray converseResponse(const SandboxText::Reply& reply, const SandboxWire::PromptUsage& prompt, bool withUsage)
{
    QJsonArray content;
    if (!reply.reasoning.isEmpty()) {
        content.append(QJsonObject { { QStringLiteral("reasoningContent"),
                                       QJsonObject { { QStringLiteral("reasoningText"),
                                                       QJsonObject { { QStringLiteral("text"), reply.reasoningText() },
                                                                     { QStringLiteral("signature"),
                                                                       QStringLiteral("sandbox-signature") } } } } } });
    }
    if (!reply.toolName.isEmpty()) {
        content.append(QJsonObject {
            { QStringLiteral("toolUse"),
              QJsonObject { { QStringLiteral("toolUseId"), reply.toolCallId },
                            { QStringLiteral("name"), reply.toolName },
                            { QStringLiteral("input"), QJsonDocument::fromJson(reply.text().toUtf8()).object() } } } });
    } else {
        content.append(QJsonObject { { QStringLiteral("text"), reply.text() } });
    }
    QJsonObject root {
        { QStringLiteral("metrics"), QJsonObject { { QStringLiteral("latencyMs"), 1 } } },
        { QStringLiteral("output"),
          QJsonObject { { QStringLiteral("message"),
                          QJsonObject { { QStringLiteral("content"), content },
                                        { QStringLiteral("role"), QStringLiteral("assistant") } } } } },
        { QStringLiteral("stopReason"), stopReason(reply) },
    };
    if (withUsage) {
        root.insert(QStringLiteral("usage"), usage(reply, prompt));
    }
    return compact(root);
}

QByteArray messageStart()
{
    return AwsEventStream::encodeEvent("messageStart",
                                       padded({ { QStringLiteral("role"), QStringLiteral("assistant") } }));
}

QByteArray toolStart(const SandboxText::Reply& reply)
{
    const QJsonObject start { { QStringLiteral("toolUse"),
                                QJsonObject { { QStringLiteral("name"), reply.toolName },
                                              { QStringLiteral("toolUseId"), reply.toolCallId } } } };
    return AwsEventStream::encodeEvent(
        "contentBlockStart",
        padded({ { QStringLiteral("contentBlockIndex"), reply.reasoning.isEmpty() ? 0 : 1 },
                 { QStringLiteral("start"), start } }));
}

QByteArray textDelta(const QString& piece, int block)
{
    return AwsEventStream::encodeEvent(
        "contentBlockDelta",
        padded({ { QStringLiteral("contentBlockIndex"), block },
                 { QStringLiteral("delta"), QJsonObject { { QStringLiteral("text"), piece } } } }));
}

QByteArray reasoningDelta(const QString& piece)
{
    return AwsEventStream::encodeEvent(
        "contentBlockDelta",
        padded({ { QStringLiteral("contentBlockIndex"), 0 },
                 { QStringLiteral("delta"),
                   QJsonObject { { QStringLiteral("reasoningContent"),
                                   QJsonObject { { QStringLiteral("text"), piece } } } } } }));
}

QByteArray toolDelta(const QString& piece, int block)
{
    return AwsEventStream::encodeEvent(
        "contentBlockDelta",
        padded(
            { { QStringLiteral("contentBlockIndex"), block },
              { QStringLiteral("delta"),
                QJsonObject { { QStringLiteral("toolUse"), QJsonObject { { QStringLiteral("input"), piece } } } } } }));
}

QByteArray blockStop(int block)
{
    return AwsEventStream::encodeEvent("contentBlockStop", padded({ { QStringLiteral("contentBlockIndex"), block } }));
}

QByteArray messageStop(const SandboxText::Reply& reply)
{
    return AwsEventStream::encodeEvent("messageStop", padded({ { QStringLiteral("stopReason"), stopReason(reply) } }));
}

QByteArray metadata(const SandboxText::Reply& reply, const SandboxWire::PromptUsage& prompt)
{
    return AwsEventStream::encodeEvent(
        "metadata",
        padded({ { QStringLiteral("usage"), usage(reply, prompt) },
                 { QStringLiteral("metrics"), QJsonObject { { QStringLiteral("latencyMs"), 1 } } } }));
}

QByteArray exceptionFrame(int status)
{
    const QByteArray type = status == 429 ? "throttlingException"
        : status == 503                   ? "serviceUnavailableException"
                                          : "internalServerException";
    const Error error = errorFor(status, {});
    return AwsEventStream::encodeException(type, errorBody(error.message));
}

AwsSigV4::Verification verify(const QByteArray& method, const QByteArray& path, const QByteArray& query,
                              const QList<std::pair<QByteArray, QByteArray>>& headers, const QByteArray& body)
{
    const AwsSigV4::Request request { method, path, query, headers, body };
    return AwsSigV4::verify(
        request,
        [](const QString& accessKeyId) {
            const AwsCredentials own = credentials();
            return accessKeyId == own.accessKeyId ? own.secretAccessKey : QString();
        },
        Clock::instance().currentDateTimeUtc());
}

} // namespace SandboxBedrock
