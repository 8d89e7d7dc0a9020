#pragma once

#include "core/gateway/GatewayTypes.h"

#include "core/ledger/LedgerRecords.h"
#include "core/routing/RoutingPolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class HttpExchange;
class HttpResponder;
class Router;
struct GatewayError;

// POST /v1/messages/count_tokens: Anthropic's token count, asked of the first usable deployment
// in the requested model's chain that speaks Anthropic's API, with the client's body passed on
// (only "model" becomes that deployment's name). Counting is free at Anthropic, so nothing is
// recorded as spend. When no deployment in the chain speaks Anthropic's API the client is told
// so with a 400 naming "model": an OpenAI-format provider has no token-count endpoint and a
// made-up number would mislead a client managing its context window.
class TokenCountExchange : public QObject
{
    Q_OBJECT

public:
    using Ended = std::function<void(const GatewayTraffic&)>;
    using Traced = std::function<void(const RequestRecord&)>;

    // Lives as a child of the responder, so it goes when the client does.
    TokenCountExchange(Router* router, QByteArray body, QList<ChainStep> chain, HttpResponder* responder,
                       GatewayTraffic traffic, Ended ended);

    // Before start(): with tracing on, the count gets a span under the client's `traceparent` (and
    // its upstream request a child span in its own), handed to `traced` when it ends.
    void setTrace(const std::optional<TraceContext>& parent, Traced traced);
    void start();

private:
    void onFinished();
    void fail(const GatewayError& error);
    void end(int status, const QString& error);

    Router* m_router;
    QByteArray m_body;
    QList<ChainStep> m_chain;
    QPointer<HttpResponder> m_responder;
    GatewayTraffic m_traffic;
    Ended m_ended;
    HttpExchange* m_upstream = nullptr;
    QString m_upstreamName; // "provider/model", for errors
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    bool m_done = false;
    std::optional<TraceContext> m_parentTrace;
    TraceContext m_span; // the count's (invalid when not traced)
    Traced m_traced;
    AttemptRecord m_attempt; // the upstream request, for the trace
    qint64 m_inputTokens = 0;
};
