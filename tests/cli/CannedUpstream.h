#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// An upstream on loopback that answers every request with the same status and JSON body, and
// counts what reached it (the gateway tests count server-side).
class CannedUpstream
{
public:
    CannedUpstream(int status, QByteArray body)
        : m_status(status)
        , m_body(std::move(body))
    {
        m_server.setHandler([this](const HttpRequest&, HttpResponder* responder) {
            ++received;
            responder->send(m_status, "application/json", m_body);
        });
        m_listening = m_server.listen(QHostAddress::LocalHost);
    }
    // A chat completion with `completionTokens` output tokens of `content`.
    static QByteArray completion(const QByteArray& content, int completionTokens, const QByteArray& finishReason)
    {
        return R"({"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":")"
            + content + R"("},"finish_reason":")" + finishReason
            + R"("}],"usage":{"prompt_tokens":12,"completion_tokens":)" + QByteArray::number(completionTokens)
            + R"(,"total_tokens":)" + QByteArray::number(12 + completionTokens) + "}}";
    }

    // The providers.json of a home whose one model "m" (provider "up") is this upstream, at these
    // prices per 1M tokens.
    bool writeProviders(const QString& home, double inputPerMTok, double outputPerMTok) const
    {
        const QJsonObject providers {
            { "format", "switchyard-providers" },
            { "version", 1 },
            { "providers",
              QJsonArray { QJsonObject { { "id", "up" },
                                         { "displayName", "up" },
                                         { "kind", "openai" },
                                         { "baseUrl", QStringLiteral("http://127.0.0.1:%1/v1").arg(port()) },
                                         { "keyEnv", QString() },
                                         { "enabled", true },
                                         { "simulated", false } } } },
            { "models",
              QJsonArray { QJsonObject {
                  { "id", "m" },
                  { "provider", "up" },
                  { "upstreamModel", "m" },
                  { "price",
                    QJsonObject { { "inputPerMTok", inputPerMTok }, { "outputPerMTok", outputPerMTok } } } } } },
        };
        QFile file(QDir(home).filePath("providers.json"));
        const QByteArray bytes = QJsonDocument(providers).toJson();
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server.port(); }
    int received = 0;

private:
    int m_status;
    QByteArray m_body;
    HttpServer m_server;
    bool m_listening = false;
};
