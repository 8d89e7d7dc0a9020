#pragma once

#include "core/common/ModelMode.h"
#include "core/common/ProviderTypes.h"
#include "core/http/HttpServer.h"
#include "core/ledger/LedgerRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class CallRecorder;
class Router;

// How the gateway serves. Plain data: `switchyard serve` fills it from the command line, the GUI
// from its settings.
struct GatewayOptions
{
    // Required from clients when set. Bound beyond loopback the gateway refuses to listen without
    // one; on loopback it is optional (requireKey forces the check there too, for tests).
    QByteArray apiKey;
    bool requireKey = false;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    // Requests in flight per client (peer address, or the key's holder when keys are used);
    // the next one gets 429.
    int maxConcurrentPerClient = 64;
    // Requests in flight in all; the next one gets 503 with Retry-After.
    int maxInFlight = 512;
    // Chat requests with a body this large or larger: at most maxLargeInFlight at a time (the next
    // gets 503 with Retry-After). Each costs several times its size while parsed, translated and
    // sent, so this bounds the gateway's memory; when the last one ends the heap is given back.
    qint64 largeBodyBytes = 1024 * 1024;
    int maxLargeInFlight = 8;
    // Host names clients may address the gateway by, beyond loopback names and IP addresses
    // ("gpu-box.lan", "*.corp.example"). Any other Host is refused: DNS rebinding.
    QStringList allowedHosts;
    // Browser origins allowed to call ("https://app.example"; "*" for any). None by default: a
    // request with any other Origin header is refused, and CORS answers allow only these.
    QStringList allowedOrigins;
    // Connection cap and idle / slow-request deadlines.
    HttpLimits limits;
    // HTTPS from a PEM certificate (chain) and unencrypted PEM key. Beyond loopback the gateway
    // refuses to listen without TLS unless insecureHttp says plain HTTP is meant (e.g. behind a
    // TLS-terminating proxy on the same host).
    QString tlsCertificateFile;
    QString tlsKeyFile;
    bool insecureHttp = false;
    // The client keys file (ClientKeyStore); once it holds a key, every request needs one.
    QString clientKeysFile;
};

// What the gateway runs on. The router (with its provider client, policy, models, cooldowns and
// budget hook) is shared with the rest of the app, and so is the recorder: a gateway request
// becomes the same ledger row as the same call made from the CLI or the workbench.
struct GatewayDependencies
{
    Router* router = nullptr;
    CallRecorder* recorder = nullptr; // null: nothing is recorded
    // What a client key spent since a moment (UTC), from the ledger; empty: counts start at 0.
    std::function<double(const QString& keyId, const QDateTime& sinceUtc)> clientKeySpend = {};
    // Why the gateway serves in a degraded state (a last-good config, ledger writes waiting);
    // /health reports "degraded" with these. Optional.
    std::function<QStringList()> healthProblems = {};
    // The Prometheus text for GET /metrics (MetricsRegistry); the gateway adds its own gauges.
    std::function<QByteArray()> metrics = {};
    // What a model answers, from the price/model data (LiteLLM's "mode"): POST /v1/embeddings
    // goes only to embedding models. Unset: every model is a chat model.
    std::function<ModelMode(const ModelConfig&)> modelMode = {};
    // A request that is no spend (a token count) as a trace exporter takes it; never a ledger row.
    // Optional.
    std::function<void(const RequestRecord&)> traced = {};
    // The team's ledger database (a PostgreSQL URL) where client keys' budgets are held together
    // with the other gateways on it (SharedKeyBudget); empty: each gateway counts on its own.
    QString sharedLedgerUrl = {};
};

// One request as the live traffic view shows it.
struct GatewayTraffic
{
    quint64 id = 0;
    QString endpoint; // "/v1/chat/completions", "/v1/messages"
    QString client; // peer address
    QString clientKey; // the client key's name, when the request carried one
    QString model; // as the client asked for it
    QString finalModel; // what answered, when something did
    bool stream = false;
    int status = 0; // HTTP status sent, 0 while running; 499 when the client went away
    qint64 latencyMs = 0;
    QString error; // one line, empty when ok
    // Filled when the request ends (from what the ledger records), for the live traffic view.
    QDateTime startedAt; // UTC, set when the request starts
    QString tier;
    int failovers = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    bool tokensEstimated = false;
    std::optional<double> costUsd;
};

Q_DECLARE_METATYPE(GatewayTraffic)
