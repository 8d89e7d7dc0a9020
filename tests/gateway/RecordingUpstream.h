#pragma once

#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

// A minimal provider on loopback that keeps every request it gets and answers with a canned
// tool-call answer in its wire format (OpenAI or Anthropic), whole or streamed with the
// arguments in pieces; or with a canned error when `errorStatus` is set.
class RecordingUpstream
{
public:
    explicit RecordingUpstream(bool anthropic)
        : m_anthropic(anthropic)
    {
        m_server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            requests.append(request);
            const QString model
                = QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString();
            if (failingModels.contains(model)) {
                responder->send(
                    503, "application/json",
                    R"({"error":{"message":"The server is overloaded.","type":"server_error","param":null,"code":null}})");
                return;
            }
            if (errorStatus) {
                responder->send(errorStatus, "application/json", errorBody);
                return;
            }
            const bool stream = QJsonDocument::fromJson(request.body).object().value(QLatin1String("stream")).toBool();
            if (!stream) {
                responder->send(200, "application/json",
                                !wholeAnswer.isEmpty() ? wholeAnswer
                                    : m_anthropic      ? anthropicWhole()
                                                       : openAiWhole());
                return;
            }
            responder->beginStream(200, "text/event-stream");
            responder->writeChunk(!streamAnswer.isEmpty() ? streamAnswer
                                      : m_anthropic       ? anthropicStream()
                                                          : openAiStream());
            responder->endStream();
        });
    }

    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.port())); }
    QJsonObject lastJson() const
    {
        return requests.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(requests.last().body).object();
    }

    QStringList models() const
    {
        QStringList out;
        for (const HttpRequest& request : requests) {
            out.append(QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString());
        }
        return out;
    }

    QList<HttpRequest> requests;
    QSet<QString> failingModels; // answered with a 503
    QByteArray wholeAnswer; // replace the canned answers when set
    QByteArray streamAnswer;
    int errorStatus = 0;
    QByteArray errorBody;

    static QByteArray openAiWhole()
    {
        return R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"up","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}],"refusal":null},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":20,"completion_tokens":10,"total_tokens":30,"prompt_tokens_details":{"cached_tokens":5},"completion_tokens_details":{"reasoning_tokens":4}}})";
    }
    static QByteArray openAiStream()
    {
        const QByteArray head
            = R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"up","choices":[{"index":0,"delta":)";
        return head
            + R"({"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]})"
              "\n\n"
            + head + R"({"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}]})"
            + "\n\n" + head
            + R"({"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"finish_reason":null}]})" + "\n\n"
            + head + R"({},"finish_reason":"tool_calls"}]})" + "\n\n"
            + R"(data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"up","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":10,"total_tokens":30,"prompt_tokens_details":{"cached_tokens":5},"completion_tokens_details":{"reasoning_tokens":4}}})"
            + "\n\ndata: [DONE]\n\n";
    }
    static QByteArray anthropicWhole()
    {
        return R"({"id":"msg_1","type":"message","role":"assistant","model":"up","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":15,"cache_read_input_tokens":5,"output_tokens":10}})";
    }
    static QByteArray anthropicStream()
    {
        auto event = [](const char* name, const QByteArray& data) {
            return QByteArray("event: ") + name + "\ndata: " + data + "\n\n";
        };
        return event(
                   "message_start",
                   R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"up","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":15,"cache_read_input_tokens":5,"output_tokens":1}}})")
            + event("content_block_start",
                    R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})")
            + event("content_block_delta",
                    R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking."}})")
            + event("content_block_stop", R"({"type":"content_block_stop","index":0})")
            + event(
                   "content_block_start",
                   R"({"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{}}})")
            + event(
                   "content_block_delta",
                   R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\":"}})")
            + event(
                   "content_block_delta",
                   R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}})")
            + event("content_block_stop", R"({"type":"content_block_stop","index":1})")
            + event(
                   "message_delta",
                   R"({"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":10}})")
            + event("message_stop", R"({"type":"message_stop"})");
    }

private:
    bool m_anthropic;
    HttpServer m_server;
};
