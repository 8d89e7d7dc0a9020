#pragma once

#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QTimer>

// One upstream host on its own loopback address: answers OpenAI chat completions, Anthropic
// messages and Bedrock Converse (3 prompt tokens, 1 completion token), and remembers every request
// it received.
class RecordingUpstream final
{
public:
    explicit RecordingUpstream(const QString& address)
    {
        m_server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            requests.append(request);
            if (hang) {
                return; // never answers: the caller's timeout has to end the wait
            }
            if (delayMs > 0) {
                // Answers later, so that requests sent meanwhile find this one busy.
                QPointer<HttpResponder> later(responder);
                const HttpRequest copy = request;
                QTimer::singleShot(delayMs, [this, later, copy] {
                    if (later) {
                        answer(copy, later);
                    }
                });
                return;
            }
            answer(request, responder);
        });
        m_listening = m_server.listen(QHostAddress(address));
        m_address = address;
    }
    bool isListening() const { return m_listening; }
    QString hostPort() const { return QStringLiteral("%1:%2").arg(m_address).arg(m_server.port()); }
    // "SWITCHYARD_KEY_127_0_0_2_41234"
    QString keyVariable() const
    {
        return QStringLiteral("SWITCHYARD_KEY_%1_%2").arg(QString(m_address).replace(u'.', u'_')).arg(m_server.port());
    }

    // The model name the last request's body asked for.
    QString lastModel() const
    {
        return requests.isEmpty()
            ? QString()
            : QJsonDocument::fromJson(requests.last().body).object().value(QLatin1String("model")).toString();
    }

    QList<HttpRequest> requests;
    int status = 200;
    QByteArray errorBody; // sent with a status other than 200; a generic server error when empty
    int delayMs = 0;
    bool hang = false;

private:
    void answer(const HttpRequest& request, HttpResponder* responder)
    {
        if (status != 200) {
            responder->send(status, "application/json",
                            errorBody.isEmpty()
                                ? QByteArray(R"({"error":{"message":"overloaded","type":"server_error"}})")
                                : errorBody);
            return;
        }
        const bool anthropic = request.path.endsWith("/messages");
        if (request.path.endsWith("/converse")) {
            responder->send(200, "application/json",
                            R"({"output":{"message":{"role":"assistant","content":[{"text":"hello"}]}},)"
                            R"("stopReason":"end_turn","usage":{"inputTokens":3,"outputTokens":1,)"
                            R"("totalTokens":4},"metrics":{"latencyMs":1}})");
            return;
        }
        const QByteArray body = anthropic
            ? QByteArray(R"({"id":"msg_1","type":"message","role":"assistant","model":"m",)"
                         R"("content":[{"type":"text","text":"hello"}],"stop_reason":"end_turn",)"
                         R"("usage":{"input_tokens":3,"output_tokens":1}})")
            : QByteArray(R"({"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,)"
                         R"("message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],)"
                         R"("usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})");
        responder->send(200, "application/json", body);
    }

    HttpServer m_server;
    QString m_address;
    bool m_listening = false;
};
