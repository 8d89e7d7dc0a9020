#include "core/gateway/GatewayServer.h"

#include "core/common/Clock.h"
#include "core/common/PrometheusText.h"
#include "core/common/TraceContext.h"
#include "core/gateway/EmbeddingsExchange.h"
#include "core/gateway/EmbeddingsRequest.h"
#include "core/gateway/GatewayExchange.h"
#include "core/gateway/GatewayFormat.h"
#include "core/gateway/GatewayJson.h"
#include "core/gateway/GatewayModels.h"
#include "core/gateway/GatewayRequest.h"
#include "core/gateway/ResponsesGatewayFormat.h"
#include "core/gateway/ResponsesRequest.h"
#include "core/gateway/ResponsesStore.h"
#include "core/gateway/TokenCountExchange.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/Router.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <tuple>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");
// After the last request in flight ends, how long answers may take to leave before drained().
constexpr qint64 kDrainFlushMs = 2000;

// The client's own timeouts, which win over the model's, the tier's and the defaults': the
// header's name, or empty when every header present holds a whole number of milliseconds.
QString readTimeoutHeaders(const HttpRequest& request, ChatRequest* chat)
{
    for (const auto& [name, bit, field] :
         { std::tuple { "x-switchyard-timeout-ms", TotalTimeoutField, &Timeouts::totalMs },
           std::tuple { "x-switchyard-first-token-timeout-ms", FirstTokenTimeoutField, &Timeouts::firstTokenMs } }) {
        const QByteArray value = request.header(name);
        if (value.isNull()) {
            continue;
        }
        bool ok = false;
        const int ms = value.trimmed().toInt(&ok);
        if (!ok || ms < 0) {
            return QString::fromLatin1(name);
        }
        chat->timeouts.*field = ms;
        chat->timeoutsSet |= bit;
    }
    return {};
}
constexpr int kDrainPollMs = 20;
} // namespace

GatewayServer::GatewayServer(GatewayDependencies dependencies, QObject* parent)
    : QObject(parent)
    , m_deps(std::move(dependencies))
    , m_gate(&m_keys, m_deps.clientKeySpend, m_deps.sharedLedgerUrl)
    , m_http(new HttpServer(this))
{
    qRegisterMetaType<GatewayTraffic>();
    m_responses = std::make_unique<ResponsesStore>();
    m_http->setMaxBodyBytes(m_options.maxBodyBytes);
    m_http->setHandler([this](const HttpRequest& request, HttpResponder* responder) { handle(request, responder); });
}

GatewayServer::~GatewayServer()
{
    // Exchanges still running report back while this object is whole.
    delete m_http;
    m_http = nullptr;
}

void GatewayServer::setOptions(const GatewayOptions& options)
{
    m_options = options;
    m_admission = GatewayAdmission(options.allowedHosts, options.allowedOrigins);
    m_http->setMaxBodyBytes(options.maxBodyBytes);
    m_http->setLimits(options.limits);
}

bool GatewayServer::listen(const QHostAddress& address, quint16 port)
{
    m_error.clear();
    if (!m_deps.router) {
        m_error = tr("The gateway has no router to send requests through.");
        return false;
    }
    m_keys = ClientKeyStore(m_options.clientKeysFile);
    if (!m_options.clientKeysFile.isEmpty() && !m_keys.load()) {
        m_error = m_keys.errorString();
        return false;
    }
    if (!address.isLoopback() && m_options.apiKey.isEmpty() && m_keys.isEmpty()) {
        m_error = tr("Serving beyond loopback (%1) needs at least one client key (switchyard keys create) or a "
                     "gateway key that clients must send.")
                      .arg(address.toString());
        return false;
    }
    const bool tls = !m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty();
    if (tls && (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty())) {
        m_error = tr("TLS needs both a certificate file and a key file.");
        return false;
    }
    if (!address.isLoopback() && !tls && !m_options.insecureHttp) {
        m_error = tr("Serving beyond loopback (%1) needs TLS (a certificate and key file), or plain HTTP chosen "
                     "explicitly (--insecure-http) when a TLS proxy on this host fronts the gateway.")
                      .arg(address.toString());
        return false;
    }
    if (tls && !m_http->usesTls() && !m_http->setTls(m_options.tlsCertificateFile, m_options.tlsKeyFile)) {
        m_error = m_http->errorString();
        return false;
    }
    if (!m_http->listen(address, port)) {
        m_error = m_http->errorString();
        return false;
    }
    m_address = address;
    return true;
}

void GatewayServer::close()
{
    m_http->close();
}

bool GatewayServer::isListening() const
{
    return m_http->isListening();
}

quint16 GatewayServer::port() const
{
    return m_http->port();
}

bool GatewayServer::requiresKey() const
{
    return m_options.requireKey || !m_options.apiKey.isEmpty() || !m_keys.isEmpty()
        || (!m_address.isNull() && !m_address.isLoopback());
}

void GatewayServer::reject(HttpResponder* responder, bool anthropic, const GatewayError& error,
                           const GatewayTraffic* traffic)
{
    responder->send(error.status, kJson, anthropic ? error.toAnthropicJson() : error.toOpenAiJson());
    if (traffic) {
        GatewayTraffic done = *traffic;
        done.status = error.status;
        done.error = error.message;
        emit requestFinished(done);
    }
}

bool GatewayServer::authenticate(const HttpRequest& request, HttpResponder* responder, bool anthropic,
                                 const ClientKey** key)
{
    *key = nullptr;
    const QByteArray given = ClientKeyGate::presentedKey(request);
    if (!m_options.apiKey.isEmpty() && !given.isEmpty() && GatewayJson::constantTimeEquals(given, m_options.apiKey)) {
        return true; // the gateway's own key: the owner, no per-client limits
    }
    std::optional<GatewayError> refusal;
    if (m_gate.keysRequired()) {
        const ClientKeyGate::Verdict verdict = m_gate.identify(request);
        *key = verdict.key;
        refusal = verdict.refusal;
    } else if (requiresKey()) {
        GatewayError error;
        error.status = 401;
        error.code = given.isEmpty() ? QByteArrayLiteral("missing_api_key") : QByteArrayLiteral("invalid_api_key");
        error.message = given.isEmpty()
            ? tr("This gateway needs its key: send it as \"Authorization: Bearer <key>\" (or x-api-key).")
            : tr("The gateway key sent is not the right one.");
        refusal = error;
    }
    if (!refusal) {
        return true;
    }
    refuse(request, responder, anthropic, *refusal);
    return false;
}

// A refusal before anything is parsed: still a JSON error in the client's format and a line in
// the traffic view, so a blocked web page or misconfigured client is visible, not a silent drop.
void GatewayServer::refuse(const HttpRequest& request, HttpResponder* responder, bool anthropic,
                           const GatewayError& error)
{
    const GatewayTraffic traffic = newTraffic(request, nullptr);
    emit requestStarted(traffic);
    ++m_refused;
    reject(responder, anthropic, error, &traffic);
}

GatewayTraffic GatewayServer::newTraffic(const HttpRequest& request, const ClientKey* key)
{
    GatewayTraffic traffic;
    traffic.id = m_nextId++;
    traffic.endpoint = QString::fromLatin1(request.path.left(200));
    traffic.client = request.peer.toString();
    traffic.clientKey = key ? key->name : QString();
    traffic.startedAt = Clock::instance().currentDateTimeUtc();
    return traffic;
}

std::optional<GatewayTraffic> GatewayServer::admit(const HttpRequest& request, HttpResponder* responder, bool anthropic,
                                                   const ClientKey** key)
{
    if (!authenticate(request, responder, anthropic, key)) {
        return std::nullopt;
    }
    if (m_draining) {
        reject(responder, anthropic,
               GatewayError { 503, "server_shutting_down", {}, tr("The gateway is shutting down."), {} });
        return std::nullopt;
    }
    return newTraffic(request, *key);
}

void GatewayServer::answerOptions(const HttpRequest& request, HttpResponder* responder)
{
    HttpHeaders headers { { QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST, OPTIONS") } };
    if (GatewayAdmission::isPreflight(request)) {
        headers += m_admission.preflightHeaders(request);
    }
    responder->send(204, {}, {}, headers);
}

void GatewayServer::handle(const HttpRequest& request, HttpResponder* responder)
{
    const QByteArray& path = request.path;
    if (const std::optional<GatewayError> refused = m_admission.check(request)) {
        refuse(request, responder, path.startsWith("/v1/messages"), *refused);
        return;
    }
    if (!request.header("origin").isNull()) {
        responder->addDefaultHeaders(m_admission.corsHeaders(request));
    }
    if (request.method == "OPTIONS") {
        answerOptions(request, responder);
        return;
    }
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    if (path == "/v1/chat/completions" || path == "/chat/completions") {
        if (post) {
            handleChat(request, responder, GatewayFormat::Api::OpenAi);
            return;
        }
    } else if (path == "/v1/messages") {
        if (post) {
            handleChat(request, responder, GatewayFormat::Api::Anthropic);
            return;
        }
    } else if (path == "/v1/responses" || path == "/responses") {
        if (post) {
            handleChat(request, responder, GatewayFormat::Api::Responses);
            return;
        }
    } else if (path == "/v1/messages/count_tokens") {
        if (post) {
            handleTokenCount(request, responder);
            return;
        }
    } else if (path == "/v1/embeddings" || path == "/embeddings") {
        if (post) {
            handleEmbeddings(request, responder);
            return;
        }
    } else if (path == "/v1/models" || path == "/models") {
        if (get) {
            const ClientKey* key = nullptr;
            if (authenticate(request, responder, false, &key)) {
                responder->send(200, kJson, GatewayModels::listJson(*m_deps.router));
            }
            return;
        }
    } else if (path == "/metrics") {
        if (get) {
            // Like /v1/models: the Host check above, and a key once the gateway needs one
            // (Prometheus sends it with `authorization: {credentials: ...}`).
            const ClientKey* key = nullptr;
            if (authenticate(request, responder, false, &key)) {
                responder->send(200, PrometheusText::contentType(), metricsText());
            }
            return;
        }
    } else if (path == "/health" || path == "/v1/health") {
        if (get) {
            sendHealth(responder);
            return;
        }
    } else {
        GatewayError error { 404, "not_found", {}, tr("No such endpoint: %1").arg(QString::fromUtf8(path)), {} };
        reject(responder, path.startsWith("/v1/messages"), error);
        return;
    }
    GatewayError error {
        405,
        "method_not_allowed",
        {},
        tr("%1 is not allowed on %2.").arg(QString::fromLatin1(request.method), QString::fromUtf8(path)),
        {}
    };
    reject(responder, path.startsWith("/v1/messages"), error);
}

// Degraded: serving, but on a last-good config or with ledger writes waiting; draining: stopping.
void GatewayServer::sendHealth(HttpResponder* responder)
{
    const QStringList problems = m_deps.healthProblems ? m_deps.healthProblems() : QStringList();
    QJsonObject health;
    health.insert(QLatin1String("status"),
                  m_draining ? QLatin1String("draining")
                             : (problems.isEmpty() ? QLatin1String("ok") : QLatin1String("degraded")));
    if (!problems.isEmpty()) {
        health.insert(QLatin1String("problems"), QJsonArray::fromStringList(problems));
    }
    health.insert(QLatin1String("in_flight"), m_inFlight);
    health.insert(QLatin1String("served"), qint64(m_served));
    health.insert(QLatin1String("refused"), qint64(m_refused));
    responder->send(m_draining ? 503 : 200, kJson, QJsonDocument(health).toJson(QJsonDocument::Compact));
}

QByteArray GatewayServer::metricsText() const
{
    QByteArray text = m_deps.metrics ? m_deps.metrics() : QByteArray();
    text += PrometheusText::header("switchyard_in_flight_requests",
                                   QStringLiteral("Gateway requests being answered now."), "gauge");
    text += PrometheusText::sample("switchyard_in_flight_requests", {}, m_inFlight);
    text += PrometheusText::header("switchyard_gateway_refused_total",
                                   QStringLiteral("Gateway requests refused before routing (host, origin, key, "
                                                  "limits)."),
                                   "counter");
    text += PrometheusText::sample("switchyard_gateway_refused_total", {}, double(m_refused));
    return text;
}

void GatewayServer::handleChat(const HttpRequest& request, HttpResponder* responder, GatewayFormat::Api api)
{
    const bool anthropic = api == GatewayFormat::Api::Anthropic;
    const ClientKey* key = nullptr;
    std::optional<GatewayTraffic> admitted = admit(request, responder, anthropic, &key);
    if (!admitted) {
        return;
    }
    GatewayTraffic traffic = std::move(*admitted);
    const bool large = request.body.size() >= m_options.largeBodyBytes;
    if (large && m_largeInFlight >= m_options.maxLargeInFlight) {
        // Refused before it is parsed: that is where a large body multiplies.
        responder->addDefaultHeaders({ { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") } });
        ++m_refused;
        reject(
            responder, anthropic,
            GatewayError { 503,
                           "large_requests_busy",
                           {},
                           tr("The gateway is busy with %n large request(s) (%1 MiB or more each); try again shortly.",
                              "", m_options.maxLargeInFlight)
                               .arg(double(m_options.largeBodyBytes) / (1024 * 1024), 0, 'g', 3),
                           {} },
            &traffic);
        return;
    }

    GatewayRequest parsed;
    QJsonObject echo; // what a Responses answer repeats of the request
    std::optional<QJsonArray> responsesInput; // a Responses answer to keep: the input it added
    QString responsesPrevious;
    if (api == GatewayFormat::Api::Responses) {
        // Carried as a chat request: every upstream the chat path reaches can answer it.
        ResponsesRequest translated = ResponsesRequest::fromJson(request.body, m_responses.get());
        if (translated.error) {
            parsed.error = translated.error;
        } else {
            parsed = GatewayRequest::fromOpenAi(translated.chatBody);
            echo = std::move(translated.echo);
            echo.insert(QStringLiteral("store"), translated.store);
            if (translated.store) {
                responsesInput = std::move(translated.input);
                responsesPrevious = translated.previousId;
            }
        }
    } else {
        parsed = anthropic ? GatewayRequest::fromAnthropic(request.body) : GatewayRequest::fromOpenAi(request.body);
    }
    traffic.model = parsed.model;
    traffic.stream = parsed.stream;
    emit requestStarted(traffic);
    if (parsed.error) {
        reject(responder, anthropic, *parsed.error, &traffic);
        return;
    }
    const GatewayModels::Target target = GatewayModels::resolve(*m_deps.router, parsed.model);
    if (target.kind == GatewayModels::Kind::Unknown) {
        GatewayError error { 404,
                             "model_not_found",
                             QStringLiteral("model"),
                             tr("The model \"%1\" does not exist here: use \"auto\", a group, a tier or a model "
                                "that GET /v1/models lists.")
                                 .arg(parsed.model),
                             {} };
        reject(responder, anthropic, error, &traffic);
        return;
    }
    RouteOptions options;
    options.source = RequestSource::Gateway;
    const QByteArray tierHeader = request.header("x-switchyard-tier");
    options.forcedTier = tierHeader.isEmpty() ? parsed.tier : QString::fromUtf8(tierHeader);
    if (!options.forcedTier.isEmpty() && !m_deps.router->policy().tier(options.forcedTier)) {
        const GatewayError error = GatewayError::badRequest(
            tr("The tier \"%1\" does not exist in the routing policy.").arg(options.forcedTier), QStringLiteral("tier"),
            QByteArrayLiteral("unknown_tier"));
        reject(responder, anthropic, error, &traffic);
        return;
    }
    if (target.kind != GatewayModels::Kind::Auto) {
        options.forcedModelOrGroup = target.name;
    }
    // A malformed traceparent is ignored, as the W3C spec says: the request starts a trace of its own.
    options.parentTrace = TraceContext::fromTraceparent(request.header("traceparent"));
    if (const QString badHeader = readTimeoutHeaders(request, &parsed.chat); !badHeader.isEmpty()) {
        reject(responder, anthropic,
               GatewayError::badRequest(tr("%1 must be a number of milliseconds.").arg(badHeader), badHeader),
               &traffic);
        return;
    }
    if (m_inFlight >= m_options.maxInFlight) {
        GatewayError error {
            503,
            "server_busy",
            {},
            tr("The gateway is busy (%1 requests in flight); try again shortly.").arg(m_options.maxInFlight),
            {}
        };
        responder->addDefaultHeaders({ { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") } });
        ++m_refused;
        reject(responder, anthropic, error, &traffic);
        return;
    }
    int& running = m_perClient[request.peer];
    if (running >= m_options.maxConcurrentPerClient) {
        responder->addDefaultHeaders({ { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") } });
        GatewayError error { 429,
                             "too_many_concurrent_requests",
                             {},
                             tr("Too many requests in flight from this client (at most %1 at a time).")
                                 .arg(m_options.maxConcurrentPerClient),
                             {} };
        reject(responder, anthropic, error, &traffic);
        return;
    }
    QString keyId;
    GatewayExchange::Recorded charge;
    ClientKeyGate::AttemptHooks keyBudget;
    if (key) {
        const QString checked = target.kind == GatewayModels::Kind::Auto ? QStringLiteral("auto") : target.name;
        const ClientKeyGate::Verdict verdict = m_gate.admit(*key, checked, options.forcedTier);
        if (verdict.refusal) {
            if (verdict.retryAfterSec > 0) {
                responder->addDefaultHeaders(
                    { { QByteArrayLiteral("Retry-After"), QByteArray::number(verdict.retryAfterSec) } });
            }
            ++m_refused;
            reject(responder, anthropic, *verdict.refusal, &traffic);
            return;
        }
        keyId = key->id;
        // The row carries the key (the exchange puts it there), and its cost lands on the key's budget
        // in place of what the request's attempts held there.
        const quint64 requestId = traffic.id;
        charge = [this, keyId, requestId](const RequestRecord& done) {
            m_gate.settle(requestId, keyId, done.startedAt, done.costUsd);
        };
        keyBudget = m_gate.attemptHooks(*key, requestId);
    }
    ++running;
    ++m_inFlight;
    m_largeInFlight += large ? 1 : 0;
    const QHostAddress peer = request.peer;
    std::unique_ptr<GatewayFormat> format;
    if (api == GatewayFormat::Api::Responses) {
        auto responses = std::make_unique<ResponsesGatewayFormat>(traffic.id, std::move(echo));
        if (responsesInput) {
            // Kept for a later previous_response_id (the store lives as long as this server).
            ResponsesStore* store = m_responses.get();
            responses->setCompleted(
                [store, input = std::move(*responsesInput), previous = responsesPrevious](const QJsonObject& response) {
                    store->put(response.value(QLatin1String("id")).toString(), previous, input,
                               response.value(QLatin1String("output")).toArray());
                });
        }
        format = std::move(responses);
    } else {
        format = GatewayFormat::create(api, traffic.id);
    }
    auto* exchange = new GatewayExchange(
        m_deps.router, std::move(parsed), options, std::move(format), responder, traffic, m_deps.recorder, keyId,
        charge, [this, peer, keyId, large](const GatewayTraffic& done) { onExchangeEnded(peer, keyId, done, large); });
    exchange->setKeyBudget(std::move(keyBudget));
    m_exchanges.insert(traffic.id, exchange);
    exchange->start();
}

namespace {
// The text rules match on for "auto": the last user message's text blocks.
QString lastUserText(const QJsonArray& messages)
{
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(QLatin1String("role")).toString() != QLatin1String("user")) {
            continue;
        }
        const QJsonValue content = message.value(QLatin1String("content"));
        if (content.isString()) {
            return content.toString();
        }
        QString text;
        for (const QJsonValue& block : content.toArray()) {
            text += block.toObject().value(QLatin1String("text")).toString();
        }
        return text;
    }
    return {};
}
} // namespace

void GatewayServer::handleTokenCount(const HttpRequest& request, HttpResponder* responder)
{
    const ClientKey* key = nullptr;
    std::optional<GatewayTraffic> admitted = admit(request, responder, true, &key);
    if (!admitted) {
        return;
    }
    GatewayTraffic traffic = std::move(*admitted);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = document.object();
    traffic.model = body.value(QLatin1String("model")).toString();
    emit requestStarted(traffic);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reject(responder, true,
               GatewayError::badRequest(
                   QCoreApplication::translate("GatewayRequest", "The request body must be a JSON object.")),
               &traffic);
        return;
    }
    if (traffic.model.isEmpty()) {
        reject(responder, true,
               GatewayError::badRequest(QCoreApplication::translate("GatewayRequest", "model is required."),
                                        QStringLiteral("model")),
               &traffic);
        return;
    }
    if (!body.value(QLatin1String("messages")).isArray()) {
        reject(responder, true,
               GatewayError::badRequest(tr("messages must be an array of messages."), QStringLiteral("messages")),
               &traffic);
        return;
    }
    const GatewayModels::Target target = GatewayModels::resolve(*m_deps.router, traffic.model);
    if (target.kind == GatewayModels::Kind::Unknown) {
        GatewayError error { 404,
                             "model_not_found",
                             QStringLiteral("model"),
                             tr("The model \"%1\" does not exist here: use \"auto\", a group, a tier or a model "
                                "that GET /v1/models lists.")
                                 .arg(traffic.model),
                             {} };
        reject(responder, true, error, &traffic);
        return;
    }
    QString keyId;
    if (key) {
        const QString checked = target.kind == GatewayModels::Kind::Auto ? QStringLiteral("auto") : target.name;
        const ClientKeyGate::Verdict verdict = m_gate.admit(*key, checked, QString());
        if (verdict.refusal) {
            if (verdict.retryAfterSec > 0) {
                responder->addDefaultHeaders(
                    { { QByteArrayLiteral("Retry-After"), QByteArray::number(verdict.retryAfterSec) } });
            }
            ++m_refused;
            reject(responder, true, *verdict.refusal, &traffic);
            return;
        }
        keyId = key->id;
    }
    RouteOptions options;
    options.source = RequestSource::Gateway;
    if (target.kind != GatewayModels::Kind::Auto) {
        options.forcedModelOrGroup = target.name;
    }
    const ResolvedRoute route
        = m_deps.router->resolve(lastUserText(body.value(QLatin1String("messages")).toArray()), {}, options);
    ++m_inFlight;
    auto* counting = new TokenCountExchange(m_deps.router, request.body, route.chain, responder, traffic,
                                            [this, keyId](const GatewayTraffic& done) {
                                                if (!keyId.isEmpty()) {
                                                    m_gate.finished(keyId);
                                                }
                                                --m_inFlight;
                                                ++m_served;
                                                emit requestFinished(done);
                                            });
    counting->setTrace(TraceContext::fromTraceparent(request.header("traceparent")), m_deps.traced);
    counting->start();
}

void GatewayServer::handleEmbeddings(const HttpRequest& request, HttpResponder* responder)
{
    const ClientKey* key = nullptr;
    std::optional<GatewayTraffic> admitted = admit(request, responder, false, &key);
    if (!admitted) {
        return;
    }
    GatewayTraffic traffic = std::move(*admitted);
    const EmbeddingsRequest parsed = EmbeddingsRequest::parse(request.body);
    traffic.model = parsed.model;
    emit requestStarted(traffic);
    if (parsed.error) {
        reject(responder, false, *parsed.error, &traffic);
        return;
    }
    const GatewayModels::Target target = GatewayModels::resolve(*m_deps.router, parsed.model);
    if (target.kind == GatewayModels::Kind::Unknown || target.kind == GatewayModels::Kind::Auto) {
        GatewayError error { 404,
                             "model_not_found",
                             QStringLiteral("model"),
                             tr("The model \"%1\" does not exist here: name an embeddings model, or a group of them, "
                                "that GET /v1/models lists.")
                                 .arg(parsed.model),
                             {} };
        reject(responder, false, error, &traffic);
        return;
    }
    // The chain's deployments that can embed: an OpenAI-format provider (Anthropic's API has no
    // embeddings) and a model whose data says "embedding"; the rest are listed as skipped.
    RouteOptions options;
    options.source = RequestSource::Gateway;
    options.forcedModelOrGroup = target.name;
    const ResolvedRoute route = m_deps.router->resolve(parsed.firstInput, {}, options);
    QStringList deployments;
    QList<SkipInfo> skipped;
    QStringList chatModels;
    for (const ChainStep& step : route.chain) {
        for (const Deployment& deployment : step.deployments) {
            const ModelConfig* model = m_deps.router->model(deployment.modelId);
            const ProviderConfig* provider = model ? m_deps.router->provider(model->providerId) : nullptr;
            if (!provider) {
                continue;
            }
            const bool embeds = m_deps.modelMode && m_deps.modelMode(*model) == ModelMode::Embedding;
            if (!embeds || provider->kind != ProviderKind::OpenAiCompatible) {
                chatModels.append(model->id);
                skipped.append({ model->id, provider->id,
                                 embeds ? tr("its provider speaks Anthropic's API, which has no embeddings")
                                        : tr("a chat model, not an embeddings model") });
                continue;
            }
            const Availability availability = m_deps.router->availability(model->id, ChatRequest {});
            if (!availability.usable()) {
                skipped.append(
                    { model->id, provider->id, availability.reason, availability.kind == SkipKind::OverBudget });
                continue;
            }
            if (!deployments.contains(model->id)) {
                deployments.append(model->id);
            }
        }
    }
    if (deployments.isEmpty() && skipped.size() == chatModels.size()) {
        reject(responder, false,
               GatewayError::badRequest(tr("\"%1\" has no embeddings model (%2 answer chats only); name a model "
                                           "whose price data has mode \"embedding\".")
                                            .arg(parsed.model, chatModels.join(QStringLiteral(", "))),
                                        QStringLiteral("model"), QByteArrayLiteral("model_not_embeddings")),
               &traffic);
        return;
    }
    QString keyId;
    EmbeddingsExchange::Recorded charge;
    ClientKeyGate::AttemptHooks keyBudget;
    if (key) {
        const ClientKeyGate::Verdict verdict = m_gate.admit(*key, target.name, QString());
        if (verdict.refusal) {
            if (verdict.retryAfterSec > 0) {
                responder->addDefaultHeaders(
                    { { QByteArrayLiteral("Retry-After"), QByteArray::number(verdict.retryAfterSec) } });
            }
            ++m_refused;
            reject(responder, false, *verdict.refusal, &traffic);
            return;
        }
        keyId = key->id;
        const quint64 requestId = traffic.id;
        charge = [this, keyId, requestId](const RequestRecord& done) {
            m_gate.settle(requestId, keyId, done.startedAt, done.costUsd);
        };
        keyBudget = m_gate.attemptHooks(*key, requestId);
    }
    PendingRecord ticket;
    if (m_deps.recorder) {
        ticket = m_deps.recorder->start(
            { RequestSource::Gateway, parsed.firstInput, {}, traffic.startedAt, {}, {}, {}, keyId });
    }
    ++m_inFlight;
    const quint64 id = traffic.id;
    auto* exchange = new EmbeddingsExchange(m_deps.router, request.body, deployments, skipped, responder, traffic,
                                            std::move(ticket), charge, [this, keyId, id](const GatewayTraffic& done) {
                                                if (!keyId.isEmpty()) {
                                                    m_gate.finished(keyId, id);
                                                }
                                                m_embeddings.remove(id);
                                                --m_inFlight;
                                                ++m_served;
                                                emit requestFinished(done);
                                            });
    m_embeddings.insert(id, exchange);
    exchange->setKeyBudget(std::move(keyBudget));
    exchange->setParentTrace(TraceContext::fromTraceparent(request.header("traceparent")));
    exchange->start();
}

void GatewayServer::onExchangeEnded(const QHostAddress& client, const QString& keyId, const GatewayTraffic& traffic,
                                    bool large)
{
    if (large) {
        releaseLargeBody();
    }
    if (!keyId.isEmpty()) {
        m_gate.finished(keyId, traffic.id);
    }
    auto found = m_perClient.find(client);
    if (found != m_perClient.end() && --*found <= 0) {
        m_perClient.erase(found);
    }
    m_exchanges.remove(traffic.id);
    --m_inFlight;
    ++m_served;
    emit requestFinished(traffic);
}

void GatewayServer::releaseLargeBody()
{
    if (--m_largeInFlight > 0) {
        return;
    }
#ifdef __GLIBC__
    // glibc keeps the freed megabytes of large bodies in its arenas; once none is in flight they go
    // back to the system (a turn later, not on the last answer's way out).
    QTimer::singleShot(0, this, [this] {
        if (m_largeInFlight == 0) {
            malloc_trim(0);
        }
    });
#endif
}

void GatewayServer::drain(int graceMs)
{
    if (m_draining) {
        return;
    }
    m_draining = true;
    m_http->close();
    m_graceTimer = new QTimer(this);
    m_graceTimer->setSingleShot(true);
    connect(m_graceTimer, &QTimer::timeout, this, &GatewayServer::cancelInFlight);
    m_graceTimer->start(qMax(0, graceMs));
    // Polled rather than signalled: answers leave through the connections' own write buffers,
    // and idle keep-alive connections must be closed as they become idle.
    m_drainPoll = new QTimer(this);
    connect(m_drainPoll, &QTimer::timeout, this, &GatewayServer::checkDrained);
    m_drainPoll->start(kDrainPollMs);
}

int GatewayServer::cancelInFlight()
{
    const GatewayError error { 503,
                               "server_shutting_down",
                               {},
                               tr("The gateway is shutting down; the request was cancelled before it was complete."),
                               {} };
    // Each exchange removes itself from m_exchanges as it ends.
    const QList<GatewayExchange*> running = m_exchanges.values();
    for (GatewayExchange* exchange : running) {
        exchange->stop(error);
    }
    const QList<EmbeddingsExchange*> embedding = m_embeddings.values();
    for (EmbeddingsExchange* exchange : embedding) {
        exchange->stop(error);
    }
    return int(running.size() + embedding.size());
}

void GatewayServer::checkDrained()
{
    if (!m_drainPoll || !m_drainPoll->isActive()) {
        return;
    }
    m_http->closeIdleConnections();
    if (m_inFlight > 0) {
        return;
    }
    if (!m_flushTimer.isValid()) {
        m_flushTimer.start();
    }
    if (m_http->openConnections() > 0 && !m_flushTimer.hasExpired(kDrainFlushMs)) {
        return;
    }
    m_drainPoll->stop();
    m_graceTimer->stop();
    emit drained();
}
