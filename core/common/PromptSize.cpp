#include "core/common/PromptSize.h"

#include "core/common/LeanJsonDocument.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
class Counter
{
public:
    // `source` is the document values come from (long strings are read in the body), or null.
    Counter(ProviderKind format, const LeanJsonDocument* source)
        : m_format(format)
        , m_source(source)
        , m_digest(QCryptographicHash::Sha1)
    {
    }

    QString string(const QJsonValue& value) const { return m_source ? m_source->string(value) : value.toString(); }

    // A string's bytes as Latin-1 (base64, URLs): in place for a long one, else copied to storage.
    QByteArrayView latin1(const QJsonValue& value, QByteArray& storage) const
    {
        if (m_source && m_source->isLong(value)) {
            return m_source->raw(value);
        }
        storage = value.toString().toLatin1();
        return storage;
    }

    // One content value: a string or an array of blocks (text, image, tool_use, tool_result...).
    void content(const QJsonValue& value)
    {
        if (value.isString()) {
            text(string(value));
            return;
        }
        if (value.isArray()) {
            for (const QJsonValue& block : value.toArray()) {
                this->block(block.toObject());
            }
        } else if (!value.isNull() && !value.isUndefined()) {
            json(value);
        }
    }

    void block(const QJsonObject& object)
    {
        const QString type = object.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            text(string(object.value(QLatin1String("text"))));
        } else if (type == QLatin1String("image") || type == QLatin1String("image_url")) {
            image(object);
        } else if (type == QLatin1String("tool_result")) {
            content(object.value(QLatin1String("content")));
        } else if (type == QLatin1String("document") || type == QLatin1String("file")) {
            document(object);
        } else {
            json(object); // tool_use, documents and kinds added later: their JSON as text
        }
        breakpoint(object);
    }

    void text(const QString& text)
    {
        m_size.textTokens += estimateTokens(text);
        m_digest.addData(text.toUtf8());
    }

    void json(const QJsonValue& value)
    {
        if (value.isString()) {
            text(string(value));
        } else if (!value.isObject() && !value.isArray()) {
            text(value.toVariant().toString());
        } else if (m_source) {
            text(QString::fromUtf8(m_source->toJson(value))); // long strings (a file a tool writes) count
        } else {
            text(QString::fromUtf8(value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                    : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
        }
    }

    void image(const QJsonObject& object)
    {
        ++m_size.images;
        const bool low = object.value(QLatin1String("image_url")).toObject().value(QLatin1String("detail")).toString()
            == QLatin1String("low");
        m_size.imageTokens += m_format == ProviderKind::AnthropicMessages ? PromptSize::kAnthropicImageTokens
            : low                                                         ? PromptSize::kOpenAiLowDetailImageTokens
                                                                          : PromptSize::kOpenAiImageTokens;
        digestImage(object);
    }

    // An image enters the prefix digest by its source (URL, data URL or base64 data), read in
    // place: serialising the whole part to JSON first cost three copies of a multi-megabyte image.
    void digestImage(const QJsonObject& object)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            m_digest.addData(QByteArrayView(it.key().toUtf8()));
            const QJsonValue value = it.value();
            if (value.isObject()) {
                digestImage(value.toObject());
            } else if (m_source && m_source->isLong(value)) {
                m_digest.addData(m_source->raw(value));
            } else if (value.isString()) {
                const QString text = value.toString();
                m_digest.addData(QByteArrayView(reinterpret_cast<const char*>(text.constData()),
                                                text.size() * qsizetype(sizeof(QChar))));
            } else {
                m_digest.addData(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
            }
        }
    }

    // Anthropic's {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":...}}
    // and OpenAI's {"type":"file","file":{"file_data":"data:application/pdf;base64,..."}}.
    void document(const QJsonObject& object)
    {
        const QJsonObject source = object.value(QLatin1String("source")).toObject();
        QByteArray storage;
        QByteArrayView base64;
        if (source.value(QLatin1String("type")).toString() == QLatin1String("base64")
            && source.value(QLatin1String("media_type")).toString() == QLatin1String("application/pdf")) {
            base64 = latin1(source.value(QLatin1String("data")), storage);
        } else {
            const QByteArrayView data
                = latin1(object.value(QLatin1String("file")).toObject().value(QLatin1String("file_data")), storage);
            const QByteArrayView prefix("data:application/pdf;base64,");
            if (data.startsWith(prefix)) {
                base64 = data.sliced(prefix.size());
            }
        }
        const qint64 pages = base64.isEmpty()
            ? 0
            : PromptSize::pdfPages(QByteArray::fromBase64(QByteArray::fromRawData(base64.data(), base64.size())));
        if (pages <= 0) {
            json(object);
            return;
        }
        const qint64 pageImage = m_format == ProviderKind::AnthropicMessages ? PromptSize::kAnthropicImageTokens
                                                                             : PromptSize::kOpenAiImageTokens;
        m_size.documentPages += pages;
        m_size.documentTokens += pages * (PromptSize::kPdfPageTextTokens + pageImage);
        m_digest.addData(base64);
    }

    void message() { m_size.textTokens += PromptSize::kMessageOverheadTokens; }

    // A block (or tool) marked with cache_control ends a cacheable prefix.
    void breakpoint(const QJsonObject& object)
    {
        const QJsonValue control = object.value(QLatin1String("cache_control"));
        if (!control.isObject()) {
            return;
        }
        const bool hour = control.toObject().value(QLatin1String("ttl")).toString() == QLatin1String("1h");
        (hour ? m_size.cachePrefix1hTokens : m_size.cachePrefix5mTokens) = m_size.tokens();
        m_size.cachePrefixDigest = m_digest.result();
    }

    PromptSize result()
    {
        // A 5-minute prefix always covers the 1-hour one (the API wants 1-h breakpoints first).
        m_size.cachePrefix5mTokens = std::max(m_size.cachePrefix5mTokens, m_size.cachePrefix1hTokens);
        return m_size;
    }

private:
    ProviderKind m_format;
    const LeanJsonDocument* m_source;
    QCryptographicHash m_digest;
    PromptSize m_size;
};
} // namespace

qint64 PromptSize::pdfPages(const QByteArray& pdf)
{
    if (!pdf.startsWith("%PDF-")) {
        return 0;
    }
    // "/Type /Page" and "/Type/Page", never "/Pages" (the tree's inner nodes).
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![A-Za-z])"));
    qint64 count = 0;
    QRegularExpressionMatchIterator it = page.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

PromptSize PromptSize::ofBody(const QByteArray& body, ProviderKind format)
{
    // Lean: a multi-megabyte image is measured where it is in the body, not copied twice.
    const LeanJsonDocument document = LeanJsonDocument::fromJson(body);
    Counter counter(format, &document);
    if (!document.isObject()) {
        counter.text(QString::fromUtf8(body));
        return counter.result();
    }
    const QJsonObject root = document.object();
    // The order the API caches in: tools, system, messages.
    for (const QJsonValue& tool : root.value(QLatin1String("tools")).toArray()) {
        counter.json(tool);
        counter.breakpoint(tool.toObject());
    }
    if (format == ProviderKind::AnthropicMessages && root.contains(QLatin1String("system"))) {
        counter.content(root.value(QLatin1String("system")));
    }
    for (const QJsonValue& value : root.value(QLatin1String("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        counter.message();
        counter.content(message.value(QLatin1String("content")));
        if (message.contains(QLatin1String("tool_calls"))) {
            counter.json(message.value(QLatin1String("tool_calls")));
        }
    }
    return counter.result();
}

PromptSize PromptSize::ofRequest(const ChatRequest& request)
{
    if (request.hasClientBody()) {
        return ofBody(request.clientBody, request.clientFormat);
    }
    Counter counter(ProviderKind::OpenAiCompatible, nullptr);
    for (const ChatMessage& message : request.messages) {
        counter.message();
        counter.text(message.content);
    }
    return counter.result();
}
