#include "core/gateway/MetricsEndpoint.h"

#include "core/common/PrometheusText.h"
#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

MetricsEndpoint::MetricsEndpoint(std::function<QByteArray()> text, QObject* parent)
    : QObject(parent)
    , m_text(std::move(text))
    , m_http(new HttpServer(this))
{
    m_http->setHandler([this](const HttpRequest& request, HttpResponder* responder) {
        if (const std::optional<GatewayError> refused = m_admission.check(request)) {
            responder->send(refused->status, QByteArrayLiteral("application/json"), refused->toOpenAiJson());
        } else if (request.path != "/metrics") {
            responder->send(404, QByteArrayLiteral("text/plain"), QByteArrayLiteral("Only /metrics is served here.\n"));
        } else if (request.method != "GET" && request.method != "HEAD") {
            responder->send(405, QByteArrayLiteral("text/plain"), QByteArrayLiteral("GET /metrics\n"),
                            { { QByteArrayLiteral("Allow"), QByteArrayLiteral("GET") } });
        } else {
            responder->send(200, PrometheusText::contentType(), m_text());
        }
    });
}

bool MetricsEndpoint::listen(quint16 port)
{
    return m_http->listen(QHostAddress::LocalHost, port);
}

quint16 MetricsEndpoint::port() const
{
    return m_http->port();
}

QString MetricsEndpoint::errorString() const
{
    return m_http->errorString();
}
