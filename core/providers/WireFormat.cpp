#include "core/providers/WireFormat.h"

#include "core/common/JsonText.h"
#include "core/providers/AnthropicWire.h"
#include "core/providers/AzureOpenAiWire.h"
#include "core/providers/BedrockWire.h"
#include "core/providers/GeminiWire.h"
#include "core/providers/OpenAiWire.h"
#include "core/providers/RequestTranslator.h"

#include <QLocale>

std::unique_ptr<WireFormat> WireFormat::create(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::AnthropicMessages:
        return std::make_unique<AnthropicWire>();
    case ProviderKind::AzureOpenAi:
        return std::make_unique<AzureOpenAiWire>();
    case ProviderKind::BedrockConverse:
        return std::make_unique<BedrockWire>();
    case ProviderKind::Gemini:
        return std::make_unique<GeminiWire>();
    case ProviderKind::OpenAiCompatible:
        break;
    }
    return std::make_unique<OpenAiWire>();
}

RequestBody WireFormat::requestBody(const QString& upstreamModel, const ChatRequest& request) const
{
    if (!request.hasClientBody()) {
        return { buildRequestBody(upstreamModel, request), std::nullopt };
    }
    if (request.clientFormat == kind()) {
        return { rewriteClientBody(upstreamModel, request.clientBody, request.stream), std::nullopt };
    }
    const RequestTranslator::Result translated
        = RequestTranslator::translate(request.clientBody, request.clientFormat, kind(), upstreamModel);
    if (translated.refusal) {
        return { {}, translated.refusal };
    }
    return { rewriteClientBody(upstreamModel, translated.body, request.stream), std::nullopt };
}

QUrl WireFormat::urlOn(const QUrl& baseUrl, const QString& endpoint)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QLatin1Char('/') + endpoint);
    return url;
}

void WireFormat::beginBody(QByteArray& body, const QString& upstreamModel, const QList<ChatMessage>& messages,
                           bool withSystemMessages)
{
    qsizetype expected = 160 + upstreamModel.size();
    for (const ChatMessage& message : messages) {
        expected += 32 + message.role.size() + message.content.size() * 3 / 2;
    }
    body.reserve(expected);
    body += "{\"model\":";
    JsonText::appendString(body, upstreamModel);
    body += ",\"messages\":[";
    bool first = true;
    for (const ChatMessage& message : messages) {
        if (!withSystemMessages && message.role == QLatin1String("system")) {
            continue;
        }
        body += first ? "{\"role\":" : ",{\"role\":";
        first = false;
        JsonText::appendString(body, message.role);
        body += ",\"content\":";
        JsonText::appendString(body, message.content);
        body += '}';
    }
    body += ']';
}

void WireFormat::appendTemperature(QByteArray& body, double temperature)
{
    body += ",\"temperature\":";
    body += qIsFinite(temperature) ? QByteArray::number(temperature, 'g', QLocale::FloatingPointShortest)
                                   : QByteArray("null");
}
