#pragma once

#include "core/sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

// Plain QNetworkAccessManager plumbing for the sandbox tests (the real provider client is tested
// elsewhere): request bodies in both wire formats, a reply that collects its bytes as they arrive,
// and a minimal SSE splitter.

struct SseEvent
{
    QByteArray event;
    QByteArray data;
    QJsonObject json() const { return QJsonDocument::fromJson(data).object(); }
    bool isJson() const { return QJsonDocument::fromJson(data).isObject(); }
};

inline QList<SseEvent> parseSse(const QByteArray& bytes)
{
    QList<SseEvent> events;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf("\n\n", start);
        if (end < 0) {
            end = bytes.size();
        }
        SseEvent event;
        for (const QByteArray& line : bytes.mid(start, end - start).split('\n')) {
            if (line.startsWith("event: ")) {
                event.event = line.mid(7);
            } else if (line.startsWith("data: ")) {
                event.data += (event.data.isEmpty() ? QByteArray() : QByteArray("\n")) + line.mid(6);
            }
        }
        if (!event.event.isEmpty() || !event.data.isEmpty()) {
            events.append(event);
        }
        start = end + 2;
    }
    return events;
}

// Collects a reply's body incrementally and remembers whether headers arrived.
class Exchange : public QObject
{
public:
    explicit Exchange(QNetworkReply* reply)
        : reply(reply)
    {
        reply->setParent(this);
        connect(reply, &QNetworkReply::metaDataChanged, this, [this] { gotHeaders = true; });
        connect(reply, &QNetworkReply::readyRead, this, [this] {
            body += this->reply->readAll();
            ++reads;
        });
        connect(reply, &QNetworkReply::finished, this, [this] {
            if (this->reply->isOpen()) {
                body += this->reply->readAll();
            }
            finished = true;
        });
    }
    int status() const { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QList<SseEvent> events() const { return parseSse(body); }

    QNetworkReply* reply;
    QByteArray body;
    bool gotHeaders = false;
    bool finished = false;
    int reads = 0;
};

inline QJsonObject openAiBody(const QString& model, const QString& prompt, bool stream, bool includeUsage = false,
                              int maxTokens = 0)
{
    QJsonObject body { { "model", model },
                       { "messages",
                         QJsonArray { QJsonObject { { "role", "system" }, { "content", "You are terse." } },
                                      QJsonObject { { "role", "user" }, { "content", prompt } } } },
                       { "stream", stream } };
    if (includeUsage) {
        body.insert("stream_options", QJsonObject { { "include_usage", true } });
    }
    if (maxTokens > 0) {
        // The current name; the reasoning models (gpt-5) refuse max_tokens as OpenAI's do.
        body.insert("max_completion_tokens", maxTokens);
    }
    return body;
}

inline QJsonObject anthropicBody(const QString& model, const QString& prompt, bool stream, int maxTokens = 1024)
{
    return { { "model", model },
             { "system", "You are terse." },
             { "max_tokens", maxTokens },
             { "messages", QJsonArray { QJsonObject { { "role", "user" }, { "content", prompt } } } },
             { "stream", stream } };
}

inline QUrl callUrl(const SandboxServer& server, const QString& providerId)
{
    for (const ProviderConfig& provider : server.providers()) {
        if (provider.id == providerId) {
            const QString path = provider.kind == ProviderKind::AnthropicMessages ? "/messages" : "/chat/completions";
            return QUrl(provider.baseUrl.toString() + path);
        }
    }
    return {};
}

inline QString providerOf(const QString& modelName)
{
    for (const SandboxModel& model : SandboxServer::catalogue()) {
        if (model.name == modelName) {
            return model.providerId;
        }
    }
    return {};
}

inline bool isAnthropic(const QString& modelName)
{
    return providerOf(modelName) == QLatin1String("sandbox-anthropic");
}

// A chat request for the model in its provider's wire format.
inline Exchange* chat(QNetworkAccessManager& nam, const SandboxServer& server, const QString& model,
                      const QString& prompt, bool stream, int maxTokens = 0, bool includeUsage = false)
{
    QNetworkRequest request(callUrl(server, providerOf(model)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    const QJsonObject body = isAnthropic(model) ? anthropicBody(model, prompt, stream, maxTokens > 0 ? maxTokens : 1024)
                                                : openAiBody(model, prompt, stream, includeUsage, maxTokens);
    return new Exchange(nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

// The streamed answer text (OpenAI content deltas or Anthropic text_delta) and how many pieces.
inline QString streamedText(const QList<SseEvent>& events, int* pieces = nullptr)
{
    QString text;
    int count = 0;
    for (const SseEvent& event : events) {
        const QJsonObject json = event.json();
        if (event.event == "content_block_delta") {
            text += json["delta"].toObject()["text"].toString();
            ++count;
            continue;
        }
        const QJsonValue content = json["choices"].toArray().at(0).toObject()["delta"].toObject()["content"];
        if (content.isString() && !content.toString().isEmpty()) {
            text += content.toString();
            ++count;
        }
    }
    if (pieces) {
        *pieces = count;
    }
    return text;
}
