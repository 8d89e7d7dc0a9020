#pragma once

#include "core/gateway/GatewayTypes.h"

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

    // Lives as a child of the responder, so it goes when the client does.
    TokenCountExchange(Router* router, QByteArray body, QList<ChainStep> chain, HttpResponder* responder,
                       GatewayTraffic traffic, Ended ended);

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
};
