#pragma once

#include "core/gateway/GatewayFormat.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>

// The OpenAI Responses API's answers, made from a chat call's result: a Response object (output
// items: reasoning with its summary, the message with output_text or refusal parts, function
// calls), or its event stream as the SDKs read it (tests/data/wire-next/openai-responses-*.sse):
// response.created, response.in_progress, then per item output_item.added, its part and delta
// events (output_text, refusal, reasoning_summary_text, function_call_arguments) and their
// .done events, output_item.done (url citations as output_text.annotation.added), and at the end response.completed (or
// response.incomplete when the answer hit max_output_tokens); a failure is an "error" event and response.failed. Every
// event carries its sequence_number.
class ResponsesGatewayFormat : public GatewayFormat
{
public:
    // `echo`: what the Response object repeats of the request (ResponsesRequest::echo).
    ResponsesGatewayFormat(quint64 serial, QJsonObject echo);
    // Called with the final Response object of an answer (whole or streamed), to keep it.
    using Completed = std::function<void(const QJsonObject& response)>;
    void setCompleted(Completed completed) { m_completed = std::move(completed); }

    QByteArray errorBody(const GatewayError& error) const override;
    QByteArray completeBody(const CallResult& result, const QString& model) const override;
    QByteArray streamStart(const QString& model, qint64 promptTokensEstimate) override;
    QByteArray textDelta(const QString& text) override;
    QByteArray reasoningDelta(const QString& text) override;
    QByteArray partDelta(const AnswerPart& part) override;
    QByteArray streamEnd(const CallResult& result, bool includeUsage) override;
    QByteArray streamError(const GatewayError& error) override;

private:
    struct Part
    {
        bool refusal = false;
        QString text;
        QJsonArray logprobs; // output_text: the token log probabilities asked for with include
        QJsonArray annotations; // output_text: url citations of a web search
    };
    struct Item
    {
        enum class Kind
        {
            Reasoning,
            Message,
            Function,
        };
        Kind kind = Kind::Message;
        QByteArray id;
        QString text; // reasoning summary or function arguments
        QList<Part> parts; // a message's content
        QString callId;
        QString name;
        bool open = true;
    };

    QByteArray event(const char* type, QJsonObject data);
    QByteArray openItem(Item::Kind kind, const QString& callId = {}, const QString& name = {});
    QByteArray closeItem(int index);
    QByteArray closeOpenItems();
    QByteArray messagePiece(bool refusal, const QString& text);
    QByteArray closePart(int index);
    QByteArray nextId(const char* prefix);

    static QJsonObject itemJson(const Item& item, bool done);
    static QJsonArray logprobsOf(const QString& entries);
    QByteArray logprobsDelta(const QString& entries);
    static QJsonArray annotationsOf(const QString& citations);
    QByteArray annotationAdded(const QString& citation);
    static QJsonObject partJson(const Part& part);
    static QJsonArray outputOf(const QList<Item>& items);
    QJsonObject response(const QString& model, const char* status, const CallResult* result,
                         const QJsonArray& output) const;

    Completed m_completed;
    QJsonObject m_echo;
    qint64 m_created = 0;
    QString m_model;
    int m_sequence = 0;
    int m_itemSerial = 0;
    QList<Item> m_items;
    int m_current = -1; // the open reasoning or message item
    QHash<int, int> m_functions; // tool call index -> item
    QJsonArray m_pendingAnnotations; // citations that came before any text: the next text part's
};
