#pragma once

#include "core/gateway/ClientKeyGate.h"
#include "core/gateway/GatewayTypes.h"

#include "core/recording/PendingRecord.h"
#include "core/routing/RoutedTypes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class HttpExchange;
class HttpResponder;
class Router;
struct GatewayError;

// POST /v1/embeddings: the client's body goes to the first embeddings deployment of the model's
// chain (OpenAI-format providers whose model data says "embedding"), byte for byte with only
// "model" renamed to what that provider calls it, so encoding_format (float or base64),
// dimensions and fields not known yet arrive as sent. A server error, timeout, rate limit or
// broken answer fails over to the next deployment, as a chat call does; the provider's own
// refusal of the request (a 4xx a retry cannot fix) goes back to the client as it came. Recorded
// once, with the input tokens the provider counted and their cost (CallRecorder).
class EmbeddingsExchange : public QObject
{
    Q_OBJECT

public:
    using Ended = std::function<void(const GatewayTraffic&)>;
    using Recorded = std::function<void(const RequestRecord&)>;

    // `deployments`: model ids to try, in order. Lives as a child of the responder.
    // `skipped`: deployments of the chain that cannot answer, listed in a failure's attempts.
    EmbeddingsExchange(Router* router, QByteArray body, QStringList deployments, QList<SkipInfo> skipped,
                       HttpResponder* responder, GatewayTraffic traffic, PendingRecord ticket, Recorded recorded,
                       Ended ended);
    ~EmbeddingsExchange() override;

    // The client's `traceparent`, before start(): with tracing on, the request gets a span under it and
    // each upstream attempt a child span named in its own `traceparent`; off, it is passed on as it came.
    void setParentTrace(const std::optional<TraceContext>& parent);
    // The client key's budget, held for each attempt after the router's (see GatewayExchange).
    void setKeyBudget(ClientKeyGate::AttemptHooks hooks) { m_keyBudget = std::move(hooks); }
    void start();
    // The gateway is stopping: cancels the upstream request, records and answers with `error`.
    void stop(const GatewayError& error);

private:
    void tryNext();
    void onFinished();
    void attemptFailed(const CallError& error, const QByteArray& body);
    void succeed(int status, const QByteArray& body);
    void fail(const GatewayError& error, const QByteArray& upstreamBody = {}, int upstreamStatus = 0);
    void record(FinishedCall call);
    void end(int status, const QString& error);
    void abortUpstream();
    // The request as the budget counts it: each input a message (token id lists a token each).
    ChatRequest budgetRequest() const;
    // Settles the attempt's budget hold with what was billed, or gives it back (nullptr).
    void settleHold(const TokenUsage* usage);

    Router* m_router;
    std::optional<TraceContext> m_parentTrace;
    TraceContext m_span; // the request's (invalid when not traced)
    QByteArray m_body;
    QStringList m_deployments;
    QPointer<HttpResponder> m_responder;
    GatewayTraffic m_traffic;
    PendingRecord m_ticket;
    Recorded m_recorded;
    Ended m_ended;
    HttpExchange* m_upstream = nullptr;
    quint64 m_hold = 0; // the budget hold of the attempt in flight
    quint64 m_keyHold = 0; // the client key's hold of that attempt
    ClientKeyGate::AttemptHooks m_keyBudget;
    ModelConfig m_heldModel;
    qsizetype m_next = 0;
    QList<AttemptInfo> m_attempts;
    QList<SkipInfo> m_skipped;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    bool m_done = false;
};
