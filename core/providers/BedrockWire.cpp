#include "core/providers/BedrockWire.h"

#include "core/common/AwsSigV4.h"
#include "core/common/Clock.h"
#include "core/common/JsonText.h"
#include "core/providers/BedrockStreamDecoder.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray headerValue(const QList<std::pair<QByteArray, QByteArray>>& headers, QByteArrayView lowerName)
{
    for (const auto& [name, value] : headers) {
        if (name.toLower() == lowerName) {
            return value;
        }
    }
    return {};
}

void setHeader(QList<std::pair<QByteArray, QByteArray>>& headers, const QByteArray& name, const QByteArray& value)
{
    headers.removeIf([&](const auto& header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({ name, value });
}

} // namespace

QList<std::pair<QByteArray, QByteArray>> BedrockWire::authHeaders(const QString& apiKey) const
{
    if (apiKey.isEmpty()) {
        return {};
    }
    return { { QByteArrayLiteral("Authorization"), "Bearer " + apiKey.toUtf8() } };
}

QString BedrockWire::modelPath(const QString& upstreamModel, bool stream)
{
    // Model ids hold ':' ("us.amazon.nova-micro-v1:0") and ARNs '/': each goes percent-encoded,
    // as the AWS SDKs send them.
    const QString encoded = QString::fromLatin1(upstreamModel.toUtf8().toPercentEncoding());
    return QStringLiteral("model/") + encoded
        + (stream ? QStringLiteral("/converse-stream") : QStringLiteral("/converse"));
}

QString BedrockWire::regionOf(const ProviderConfig& provider)
{
    if (provider.awsRegion.isEmpty()) {
        // A base URL on a regional endpoint says which region to sign for.
        const QStringList labels = provider.baseUrl.host().split(QLatin1Char('.'));
        if (labels.size() == 4 && labels.at(0) == QLatin1String("bedrock-runtime")
            && labels.at(2) == QLatin1String("amazonaws")) {
            return labels.at(1);
        }
    }
    return AwsCredentialChain::region(provider.awsRegion, provider.awsProfile);
}

QUrl BedrockWire::regionEndpoint(const QString& region)
{
    return QUrl(QStringLiteral("https://bedrock-runtime.%1.amazonaws.com").arg(region));
}

std::optional<CallError> BedrockWire::finishRequest(const OutgoingContext& context, QUrl& url,
                                                    QList<std::pair<QByteArray, QByteArray>>& headers) const
{
    const QString region = regionOf(context.provider);
    const QUrl base
        = context.provider.baseUrl.isEmpty() && !region.isEmpty() ? regionEndpoint(region) : context.provider.baseUrl;
    // The path goes in already encoded: the model id's ':' must reach the server as %3A, as signed.
    url = base;
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QLatin1Char('/') + modelPath(context.upstreamModel, context.stream), QUrl::TolerantMode);
    if (context.stream) {
        setHeader(headers, QByteArrayLiteral("Accept"), QByteArrayLiteral("application/vnd.amazon.eventstream"));
    } else {
        setHeader(headers, QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    }
    if (context.hasApiKey) {
        return std::nullopt; // a Bedrock API key: the bearer header is all the authorisation there is
    }
    const QString name = context.provider.displayName.isEmpty() ? context.provider.id : context.provider.displayName;
    if (region.isEmpty()) {
        return CallError { FailureClass::Auth,
                           0,
                           QCoreApplication::translate("BedrockWire",
                                                       "No AWS region for %1: set the provider's region, AWS_REGION "
                                                       "or the profile's region in ~/.aws/config.")
                               .arg(name),
                           QStringLiteral("no_region"),
                           -1,
                           false };
    }
    const AwsCredentialChain::Result found = context.awsCredentials
        ? context.awsCredentials()
        : AwsCredentialChain::credentials(context.provider.awsProfile);
    if (!found.credentials.isValid()) {
        return CallError { FailureClass::Auth,       0,  QStringLiteral("%1: %2").arg(name, found.problem),
                           QStringLiteral("no_key"), -1, false };
    }
    AwsSigV4::Request request;
    request.method = QByteArrayLiteral("POST");
    request.path = url.path(QUrl::FullyEncoded).toLatin1();
    request.query = url.query(QUrl::FullyEncoded).toLatin1();
    request.body = context.body.join(); // signed whole (a Bedrock body is never spliced)
    // Host as both transports write it: the port only when the URL names one.
    request.headers.append({ QByteArrayLiteral("Host"),
                             url.host(QUrl::FullyEncoded).toLatin1()
                                 + (url.port() > 0 ? ':' + QByteArray::number(url.port()) : QByteArray()) });
    request.headers.append({ QByteArrayLiteral("Content-Type"), headerValue(headers, "content-type") });
    AwsSigV4::sign(request, found.credentials, region, QStringLiteral("bedrock"),
                   Clock::instance().currentDateTimeUtc());
    for (const auto& header : std::as_const(request.headers)) {
        const QByteArray lower = header.first.toLower();
        if (lower.startsWith("x-amz-") || lower == "authorization") {
            setHeader(headers, header.first, header.second);
        }
    }
    return std::nullopt;
}

QByteArray BedrockWire::buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const
{
    Q_UNUSED(upstreamModel); // it travels in the path
    QByteArray body;
    body.reserve(128 + request.lastUserText().size() * 2);
    body += "{\"messages\":[";
    bool first = true;
    QStringList system;
    for (const ChatMessage& message : request.messages) {
        if (message.role == QLatin1String("system")) {
            system.append(message.content);
            continue;
        }
        body += first ? "{\"role\":" : ",{\"role\":";
        first = false;
        JsonText::appendString(body, message.role);
        body += ",\"content\":[{\"text\":";
        JsonText::appendString(body, message.content);
        body += "}]}";
    }
    body += ']';
    if (!system.isEmpty()) {
        body += ",\"system\":[{\"text\":";
        JsonText::appendString(body, system.join(QStringLiteral("\n\n")));
        body += "}]";
    }
    body += ",\"inferenceConfig\":{\"maxTokens\":"
        + QByteArray::number(request.maxTokens > 0 ? request.maxTokens : kDefaultMaxTokens);
    if (request.temperature) {
        appendTemperature(body, *request.temperature);
    }
    body += "}}";
    return body;
}

BodyPieces BedrockWire::rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const
{
    Q_UNUSED(upstreamModel);
    Q_UNUSED(stream);
    return body;
}

std::unique_ptr<StreamDecoder> BedrockWire::createStreamDecoder() const
{
    return std::make_unique<BedrockStreamDecoder>();
}

QString BedrockWire::finishReason(const QString& stopReason)
{
    if (stopReason == QLatin1String("guardrail_intervened") || stopReason == QLatin1String("content_filtered")) {
        return QStringLiteral("content_filter");
    }
    if (stopReason == QLatin1String("model_context_window_exceeded")) {
        return QStringLiteral("length");
    }
    return stopReason;
}

TokenUsage BedrockWire::usageFrom(const QJsonObject& usage)
{
    TokenUsage out;
    const qint64 input = WireJson::toInt64(usage.value(QLatin1String("inputTokens")));
    out.cachedTokens = WireJson::toInt64(usage.value(QLatin1String("cacheReadInputTokens")),
                                         WireJson::toInt64(usage.value(QLatin1String("cacheReadInputTokenCount"))));
    out.cacheWrite5mTokens
        = WireJson::toInt64(usage.value(QLatin1String("cacheWriteInputTokens")),
                            WireJson::toInt64(usage.value(QLatin1String("cacheWriteInputTokenCount"))));
    out.promptTokens = input + out.cachedTokens + out.cacheWrite5mTokens;
    out.completionTokens = WireJson::toInt64(usage.value(QLatin1String("outputTokens")));
    return out;
}

void BedrockWire::readContent(const QJsonArray& content, WireDelta& delta)
{
    int toolIndex = 0;
    for (const QJsonValue& value : content) {
        const QJsonObject block = value.toObject();
        if (block.contains(QLatin1String("text"))) {
            delta.text += block.value(QLatin1String("text")).toString();
        } else if (block.value(QLatin1String("toolUse")).isObject()) {
            const QJsonObject use = block.value(QLatin1String("toolUse")).toObject();
            AnswerPart part;
            part.index = toolIndex++;
            part.id = use.value(QLatin1String("toolUseId")).toString();
            part.name = use.value(QLatin1String("name")).toString();
            part.text = QString::fromUtf8(
                QJsonDocument(use.value(QLatin1String("input")).toObject()).toJson(QJsonDocument::Compact));
            delta.parts.append(part);
        } else if (block.value(QLatin1String("reasoningContent")).isObject()) {
            const QJsonObject reasoning = block.value(QLatin1String("reasoningContent")).toObject();
            const QJsonObject text = reasoning.value(QLatin1String("reasoningText")).toObject();
            delta.reasoning += text.value(QLatin1String("text")).toString();
            const QString signature = text.value(QLatin1String("signature")).toString();
            if (!signature.isEmpty()) {
                delta.parts.append({ AnswerPart::Kind::Signature, 0, {}, {}, signature });
            }
            if (reasoning.contains(QLatin1String("redactedContent"))) {
                delta.parts.append({ AnswerPart::Kind::RedactedThinking,
                                     0,
                                     {},
                                     {},
                                     reasoning.value(QLatin1String("redactedContent")).toString() });
            }
        }
    }
}

WireDelta BedrockWire::decodeResponse(const QByteArray& body) const
{
    WireDelta delta;
    QString reason;
    const QJsonDocument document = WireJson::parse(body, &reason);
    const QJsonObject message
        = document.object().value(QLatin1String("output")).toObject().value(QLatin1String("message")).toObject();
    if (!document.isObject() || !message.value(QLatin1String("content")).isArray()) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("BedrockWire", "Response is not a Converse answer (%1): %2")
                .arg(reason.isEmpty() ? QStringLiteral("no output.message.content") : reason,
                     WireJson::excerpt(body, 120)));
        return delta;
    }
    const QJsonObject object = document.object();
    readContent(message.value(QLatin1String("content")).toArray(), delta);
    delta.finishReason = finishReason(object.value(QLatin1String("stopReason")).toString());
    if (object.value(QLatin1String("usage")).isObject()) {
        delta.usage = usageFrom(object.value(QLatin1String("usage")).toObject());
    }
    delta.endOfStream = true;
    return delta;
}
