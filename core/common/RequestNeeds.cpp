#include "core/common/RequestNeeds.h"

#include "core/common/LeanJsonDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <string_view>

namespace {
class Reader
{
public:
    explicit Reader(ProviderKind format)
        : m_anthropic(format == ProviderKind::AnthropicMessages || format == ProviderKind::BedrockConverse)
    {
    }

    void need(ModelCapability capability, const QString& field)
    {
        for (const RequestNeeds::Need& known : std::as_const(m_needs.needs)) {
            if (known.capability == capability) {
                return;
            }
        }
        m_needs.needs.append({ capability, field });
    }

    void root(const QJsonObject& root)
    {
        const QJsonArray messages = root.value(QLatin1String("messages")).toArray();
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const QJsonValue content = messages.at(i).toObject().value(QLatin1String("content"));
            blocks(content, QStringLiteral("messages[%1].content").arg(i));
        }
        for (const char* key : { "tools", "functions" }) {
            const QJsonValue tools = root.value(QLatin1String(key));
            if (tools.isArray() && !tools.toArray().isEmpty()) {
                need(ModelCapability::Tools, QLatin1String(key));
            }
        }
        // OpenAI's response_format; Anthropic's structured outputs put it in output_format.
        for (const char* key : { "response_format", "output_format" }) {
            if (root.value(QLatin1String(key)).toObject().value(QLatin1String("type")).toString()
                == QLatin1String("json_schema")) {
                need(ModelCapability::JsonSchema, QLatin1String(key));
            }
        }
    }

    void blocks(const QJsonValue& content, const QString& path)
    {
        if (!content.isArray()) {
            return;
        }
        const QJsonArray array = content.toArray();
        for (qsizetype j = 0; j < array.size(); ++j) {
            const QJsonObject block = array.at(j).toObject();
            const QString type = block.value(QLatin1String("type")).toString();
            const QString at = QStringLiteral("%1[%2]").arg(path).arg(j);
            if (type == QLatin1String(m_anthropic ? "image" : "image_url")) {
                need(ModelCapability::Vision, at);
            } else if (m_anthropic && type == QLatin1String("document") && isPdf(block)) {
                need(ModelCapability::PdfInput, at);
            } else if (!m_anthropic && type == QLatin1String("file")) {
                need(ModelCapability::PdfInput, at);
            } else if (m_anthropic && type == QLatin1String("tool_result")) {
                blocks(block.value(QLatin1String("content")), at + QLatin1String(".content"));
            }
        }
    }

    // A document block whose source is a PDF (base64 or URL); plain-text documents need nothing.
    static bool isPdf(const QJsonObject& block)
    {
        const QJsonObject source = block.value(QLatin1String("source")).toObject();
        const QString type = source.value(QLatin1String("type")).toString();
        return type == QLatin1String("url")
            || source.value(QLatin1String("media_type")).toString() == QLatin1String("application/pdf");
    }

    RequestNeeds result() { return std::move(m_needs); }

private:
    bool m_anthropic;
    RequestNeeds m_needs;
};

// Every need is spelled by one of these quoted words in the body; most requests have none of
// them and are not parsed at all (the gateway's per-request cost). One pass over the body's
// quotes, not one search per word.
bool mayNeed(const QByteArray& body)
{
    static constexpr std::string_view words[]
        = { "\"tools\"", "\"functions\"", "\"json_schema\"", "\"image", "\"file\"", "\"document\"" };
    const char* at = body.constData();
    const char* const end = at + body.size();
    while ((at = static_cast<const char*>(std::memchr(at, '"', size_t(end - at)))) != nullptr) {
        const std::string_view rest(at, size_t(end - at));
        if (rest.size() < 2 || std::memchr("tfjid", rest[1], 5) == nullptr) {
            ++at; // no word starts with this letter: most quotes end here
            continue;
        }
        for (const std::string_view word : words) {
            if (rest.starts_with(word)) {
                return true;
            }
        }
        ++at;
    }
    return false;
}
} // namespace

const RequestNeeds::Need* RequestNeeds::missingFrom(const ModelCapabilities& capabilities) const
{
    for (const Need& need : needs) {
        if (!capabilities.allows(need.capability)) {
            return &need;
        }
    }
    return nullptr;
}

RequestNeeds RequestNeeds::ofBody(const QByteArray& body, ProviderKind format)
{
    if (!mayNeed(body)) {
        return {};
    }
    // Only structure and short fields are read: long strings stay in the body.
    const LeanJsonDocument document = LeanJsonDocument::fromJson(body);
    Reader reader(format);
    if (document.isObject()) {
        reader.root(document.object());
    }
    return reader.result();
}

RequestNeeds RequestNeeds::ofRequest(const ChatRequest& request)
{
    return request.hasClientBody() ? ofBody(request.clientBody, request.clientFormat) : RequestNeeds {};
}
