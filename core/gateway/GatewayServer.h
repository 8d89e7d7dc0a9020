#pragma once

#include "core/gateway/ClientKeyGate.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayAdmission.h"
#include "core/gateway/GatewayError.h"
#include "core/gateway/GatewayFormat.h"
#include "core/gateway/GatewayTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <memory>

#include <optional>

class EmbeddingsExchange;
class GatewayExchange;
class HttpResponder;
class HttpServer;
class QTimer;
struct HttpRequest;
struct GatewayRequest;

// `switchyard serve`: the OpenAI API (and Anthropic's /v1/messages) on a local port, answered
// through the app's router, so other programs get the same failover, cooldowns, budgets and
// ledger. Endpoints: POST /v1/chat/completions, POST /v1/messages, POST /v1/messages/count_tokens,
// POST /v1/responses (translated to and from chat), POST /v1/embeddings, GET /v1/models, GET /health,
// GET /metrics (Prometheus).
//
//     GatewayServer gateway({ &router, &recorder }); // recorder: a CallRecorder writing to the ledger
//     gateway.setOptions(options);
//     if (!gateway.listen(QHostAddress::LocalHost, 4141)) { ... gateway.errorString() ... }
class ResponsesStore;

class GatewayServer : public QObject
{
    Q_OBJECT

public:
    explicit GatewayServer(GatewayDependencies dependencies, QObject* parent = nullptr);
    ~GatewayServer() override;

    // Set before listen().
    void setOptions(const GatewayOptions& options);
    const GatewayOptions& options() const { return m_options; }

    // Refuses an address beyond loopback unless options().apiKey is set.
    bool listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const { return m_address; }
    QString errorString() const { return m_error; }
    bool requiresKey() const;
    // Client keys in use (loaded from options().clientKeysFile at listen()).
    const ClientKeyStore& clientKeys() const { return m_keys; }

    int inFlight() const { return m_inFlight; }
    // The HTTP layer, for its connection figures (open, timed out, evicted, refused).
    const HttpServer* httpServer() const { return m_http; }
    // Requests refused before routing (host, origin, content type, key, limits).
    quint64 requestsRefused() const { return m_refused; }
    quint64 requestsServed() const { return m_served; }
    // What GET /metrics answers: GatewayDependencies::metrics and the gateway's own gauges.
    QByteArray metricsText() const;

    // Graceful stop: closes the port, answers new requests on open connections with 503, lets
    // the requests in flight finish for up to graceMs, then cancels the rest (cancelInFlight()).
    // drained() follows once none is in flight and the answers have left (or 2 s later).
    void drain(int graceMs);
    bool isDraining() const { return m_draining; }
    // Cancels every request in flight now: each is recorded, upstream calls are cancelled and the
    // client gets a 503 error (or an error event when its stream has begun). Returns how many.
    int cancelInFlight();

signals:
    void requestStarted(const GatewayTraffic& traffic);
    void requestFinished(const GatewayTraffic& traffic);
    void drained();

private:
    void handle(const HttpRequest& request, HttpResponder* responder);
    void handleChat(const HttpRequest& request, HttpResponder* responder, GatewayFormat::Api api);
    void handleTokenCount(const HttpRequest& request, HttpResponder* responder);
    void handleEmbeddings(const HttpRequest& request, HttpResponder* responder);
    // Who is calling: false when refused (answered). *key is the client key, if one was used.
    bool authenticate(const HttpRequest& request, HttpResponder* responder, bool anthropic, const ClientKey** key);
    // authenticate(), then a 503 while draining; the request's traffic line when it may go on.
    std::optional<GatewayTraffic> admit(const HttpRequest& request, HttpResponder* responder, bool anthropic,
                                        const ClientKey** key);
    GatewayTraffic newTraffic(const HttpRequest& request, const ClientKey* key);
    void refuse(const HttpRequest& request, HttpResponder* responder, bool anthropic, const GatewayError& error);
    void sendHealth(HttpResponder* responder);
    void answerOptions(const HttpRequest& request, HttpResponder* responder);
    void reject(HttpResponder* responder, bool anthropic, const GatewayError& error,
                const GatewayTraffic* traffic = nullptr);
    void onExchangeEnded(const QHostAddress& client, const QString& keyId, const GatewayTraffic& traffic, bool large);
    void releaseLargeBody();
    void checkDrained();

    GatewayDependencies m_deps;
    GatewayOptions m_options;
    GatewayAdmission m_admission;
    ClientKeyStore m_keys;
    ClientKeyGate m_gate;
    HttpServer* m_http;
    QHostAddress m_address;
    QString m_error;
    QHash<QHostAddress, int> m_perClient;
    int m_inFlight = 0;
    int m_largeInFlight = 0; // chat requests with a body of at least GatewayOptions::largeBodyBytes
    QHash<quint64, GatewayExchange*> m_exchanges; // by traffic id; each removes itself when it ends
    QHash<quint64, EmbeddingsExchange*> m_embeddings; // likewise
    std::unique_ptr<ResponsesStore> m_responses; // what previous_response_id continues
    bool m_draining = false;
    QTimer* m_graceTimer = nullptr;
    QTimer* m_drainPoll = nullptr;
    QElapsedTimer m_flushTimer; // started when the last request in flight ended while draining
    quint64 m_nextId = 1;
    quint64 m_served = 0;
    quint64 m_refused = 0;
};
