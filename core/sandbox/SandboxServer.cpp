#include "core/sandbox/SandboxServer.h"

#include "core/common/AzureEndpoint.h"
#include "core/common/Clock.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/sandbox/SandboxBedrock.h"
#include "core/sandbox/SandboxEmbeddings.h"
#include "core/sandbox/SandboxGemini.h"
#include "core/sandbox/SandboxStream.h"
#include "core/sandbox/SandboxText.h"
#include "core/sandbox/SandboxWire.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>

using SandboxWire::Wire;

namespace {

Wire wireOf(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::AnthropicMessages:
        return Wire::Anthropic;
    case ProviderKind::AzureOpenAi:
        return Wire::Azure;
    case ProviderKind::BedrockConverse:
        return Wire::Bedrock;
    case ProviderKind::Gemini:
        return Wire::Gemini;
    case ProviderKind::OpenAiCompatible:
        break;
    }
    return Wire::OpenAi;
}

const QByteArray kJson = QByteArrayLiteral("application/json");

} // namespace

SandboxServer::SandboxServer(QObject* parent)
    : QObject(parent)
    , m_http(new HttpServer(this))
    , m_providers(SandboxCatalogue::providers())
    , m_models(SandboxCatalogue::models())
    , m_embeddingModels(SandboxCatalogue::embeddingModels())
{
    m_http->setHandler([this](const HttpRequest& request, HttpResponder* responder) { handle(request, responder); });
    // Batch files: over Gemini's 20 MB inline limit a batch goes as a file, which must fit.
    m_http->setMaxBodyBytes(64 * 1024 * 1024);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(quint16 port)
{
    return m_http->listen(QHostAddress::LocalHost, port);
}

quint16 SandboxServer::port() const
{
    return m_http->port();
}

QList<SandboxModel> SandboxServer::catalogue()
{
    return SandboxCatalogue::models();
}

QList<ProviderConfig> SandboxServer::providers() const
{
    QList<ProviderConfig> configs;
    for (const auto& provider : m_providers) {
        const bool served = std::any_of(m_models.cbegin(), m_models.cend(),
                                        [&](const SandboxModel& model) { return model.providerId == provider.id; });
        if (!served) {
            continue; // Azure and Bedrock until a test adds a model: the default catalogue stays as documented
        }
        ProviderConfig config;
        config.id = provider.id;
        config.displayName = provider.displayName;
        config.kind = provider.kind;
        config.baseUrl
            = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(QLatin1String(provider.pathPrefix)));
        config.simulated = true;
        if (provider.kind == ProviderKind::AzureOpenAi) {
            config.apiVersion = AzureEndpoint::defaultApiVersion();
        }
        configs.append(config);
    }
    return configs;
}

QList<ModelConfig> SandboxServer::models() const
{
    QList<ModelConfig> configs;
    for (const SandboxModel& model : m_models) {
        ModelConfig config;
        config.id = QStringLiteral("sandbox/") + model.name;
        config.providerId = model.providerId;
        config.upstreamModel = model.name;
        config.price = ModelPrice { model.inputPrice, model.outputPrice, model.cachedPrice, true };
        config.contextWindow = model.contextWindow;
        config.capabilities = model.capabilities;
        configs.append(config);
    }
    return configs;
}

QList<ModelConfig> SandboxServer::embeddingModels() const
{
    QList<ModelConfig> configs;
    for (const SandboxEmbeddingModel& model : m_embeddingModels) {
        ModelConfig config;
        config.id = QStringLiteral("sandbox/") + model.name;
        config.providerId = model.providerId;
        config.upstreamModel = model.name;
        config.price = ModelPrice { model.inputPrice, 0, 0, true };
        config.contextWindow = model.maxInputTokens;
        configs.append(config);
    }
    return configs;
}

void SandboxServer::setFault(const QString& modelName, const SandboxFault& fault)
{
    m_modelFaults.insert(modelName, FaultState { fault, QRandomGenerator(fault.seed) });
    emit faultsChanged();
}

void SandboxServer::setProviderFault(const QString& providerId, const SandboxFault& fault)
{
    m_providerFaults.insert(providerId, FaultState { fault, QRandomGenerator(fault.seed) });
    emit faultsChanged();
}

void SandboxServer::clearFaults()
{
    m_modelFaults.clear();
    m_providerFaults.clear();
    emit faultsChanged();
}

QHash<QString, SandboxFault> SandboxServer::modelFaults() const
{
    QHash<QString, SandboxFault> faults;
    for (auto it = m_modelFaults.cbegin(); it != m_modelFaults.cend(); ++it) {
        if (it->fault.kind != SandboxFault::Kind::None) {
            faults.insert(it.key(), it->fault);
        }
    }
    return faults;
}

QHash<QString, SandboxFault> SandboxServer::providerFaults() const
{
    QHash<QString, SandboxFault> faults;
    for (auto it = m_providerFaults.cbegin(); it != m_providerFaults.cend(); ++it) {
        if (it->fault.kind != SandboxFault::Kind::None) {
            faults.insert(it.key(), it->fault);
        }
    }
    return faults;
}

SandboxWire::PromptUsage SandboxServer::promptUsage(SandboxWire::Wire wire, const SandboxWire::Call& call,
                                                    const QString& providerId, const QString& modelName)
{
    SandboxWire::PromptUsage prompt;
    prompt.tokens = call.promptTokens;
    m_answered.promptTokens += call.promptTokens;
    m_answered.images += call.size.images;
    if (wire == SandboxWire::Wire::OpenAi && m_automaticCaching && providerId == QLatin1String("sandbox-openai")) {
        prompt.cacheRead = automaticCacheRead(modelName, call);
        return prompt;
    }
    if (wire != SandboxWire::Wire::Anthropic || !call.size.asksCacheWrite()) {
        return prompt; // nothing is read from a cache
    }
    // Anthropic caches the prefix up to the last breakpoint: a repeat within its TTL reads it,
    // anything else writes it (the 1-hour part at the 1-hour rate).
    const qint64 prefix = qMin(call.size.cachePrefix5mTokens, call.promptTokens);
    const qint64 hour = qMin(call.size.cachePrefix1hTokens, prefix);
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    const auto cached = m_promptCache.constFind(call.size.cachePrefixDigest);
    if (cached != m_promptCache.cend() && *cached > now) {
        prompt.cacheRead = prefix;
    } else {
        prompt.cacheWrite1h = hour;
        prompt.cacheWrite5m = prefix - hour;
    }
    m_promptCache.insert(call.size.cachePrefixDigest, now.addSecs(hour > 0 ? 3600 : 300));
    return prompt;
}

qint64 SandboxServer::automaticCacheRead(const QString& modelName, const SandboxWire::Call& call)
{
    // OpenAI caches prompts of 1,024 tokens and more by prefix, in steps of 128 tokens, per model,
    // for at least five minutes of inactivity. A prefix of n tokens is its first 4n characters
    // (estimateTokens). Reported as usage.prompt_tokens_details.cached_tokens.
    constexpr qint64 kMinimum = 1024;
    constexpr qint64 kStep = 128;
    if (call.promptTokens < kMinimum || call.size.images > 0) {
        return 0;
    }
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    qint64 read = 0;
    for (qint64 prefix = kMinimum; prefix <= call.promptTokens; prefix += kStep) {
        const QByteArray key = modelName.toUtf8() + '\0'
            + QCryptographicHash::hash(QStringView(call.promptText).left(prefix * 4).toUtf8(),
                                       QCryptographicHash::Sha1);
        const auto cached = m_promptCache.constFind(key);
        if (cached != m_promptCache.cend() && *cached > now) {
            read = prefix;
        }
        m_promptCache.insert(key, now.addSecs(300));
    }
    return read;
}

void SandboxServer::setReportsUsage(const QString& modelName, bool reports)
{
    m_reportsUsage.insert(modelName, reports);
}

void SandboxServer::setCallsToolsWhenFree(const QString& modelName, bool calls)
{
    m_callsToolsWhenFree.insert(modelName, calls);
}

void SandboxServer::resetCounts()
{
    m_requestCounts.clear();
    m_lastBodies.clear();
    m_lastTargets.clear();
    m_lastHeaders.clear();
    m_lastAwsScopes.clear();
    m_signatureChecks = 0;
    m_signatureFailures = 0;
    m_totalRequests = 0;
    m_answered = {};
}

int SandboxServer::scaled(double ms) const
{
    return int(std::lround(ms * m_timeScale));
}

SandboxFault SandboxServer::activeFault(const SandboxModel& model)
{
    auto it = m_modelFaults.find(model.name);
    if (it == m_modelFaults.end() || it->fault.kind == SandboxFault::Kind::None) {
        it = m_providerFaults.find(model.providerId);
        if (it == m_providerFaults.end()) {
            return {};
        }
    }
    SandboxFault fault = it->fault;
    if (fault.kind == SandboxFault::Kind::FailPercent) {
        // One draw per request from the fault's own seeded generator: the same sequence every run.
        const bool fail = int(it->random.bounded(100)) < fault.percent;
        fault.kind = fail ? SandboxFault::Kind::HttpError : SandboxFault::Kind::None;
    }
    return fault;
}

void SandboxServer::handle(const HttpRequest& request, HttpResponder* responder)
{
    if (request.path.startsWith("/entra/")) {
        const SandboxEntra::Answer answer = m_entra.tokenRequest(request, QByteArrayView(request.path).sliced(6));
        responder->send(answer.status, kJson, answer.body);
        return;
    }
    for (const auto& provider : m_providers) {
        const QByteArray& prefix = provider.pathPrefix;
        if (provider.kind == ProviderKind::Gemini && handleGeminiFiles(provider, request, responder)) {
            return;
        }
        if (!request.path.startsWith(prefix) || request.path.size() <= prefix.size()
            || request.path[prefix.size()] != '/') {
            continue;
        }
        const QByteArrayView rest = QByteArrayView(request.path).sliced(prefix.size());
        if (provider.kind == ProviderKind::AzureOpenAi) {
            handleAzure(provider, request, responder, rest);
            return;
        }
        if (provider.kind == ProviderKind::BedrockConverse) {
            handleBedrock(provider, request, rest, responder);
            return;
        }
        if (provider.kind == ProviderKind::Gemini) {
            handleGemini(provider, request, rest, responder);
            return;
        }
        const QByteArrayView callPath
            = provider.kind == ProviderKind::AnthropicMessages ? "/messages" : "/chat/completions";
        if (provider.kind == ProviderKind::AnthropicMessages && rest == "/messages/count_tokens") {
            if (request.method != "POST") {
                sendError(responder, provider.kind, 405, {}, "Method not allowed");
                return;
            }
            handleTokenCount(provider, request, responder);
            return;
        }
        if (provider.kind == ProviderKind::OpenAiCompatible && rest == "/embeddings") {
            if (request.method != "POST") {
                sendError(responder, provider.kind, 405, {}, "Method not allowed");
                return;
            }
            handleEmbeddings(provider, request, responder);
            return;
        }
        const bool batchPath = rest.startsWith("/files") || rest.startsWith("/batches") || rest.startsWith("/batch/")
            || rest.startsWith("/messages/batches");
        if (batchPath && !keyAccepted(provider, request)) {
            sendError(responder, provider.kind, 401, {});
            return;
        }
        const SandboxBatches::Answerer answerer
            = [this, &provider](const QByteArray& body) { return batchAnswer(provider, body); };
        std::optional<SandboxBatches::Reply> batchReply;
        if (provider.id == QLatin1String("sandbox-openai")) {
            batchReply = m_batches.openAi(request, rest, answerer);
        } else if (provider.id == QLatin1String("sandbox-mistral")) {
            batchReply = m_batches.mistral(request, rest, answerer);
        } else if (provider.kind == ProviderKind::AnthropicMessages) {
            const QByteArray resultsBase
                = "http://127.0.0.1:" + QByteArray::number(port()) + prefix + "/messages/batches/";
            batchReply = m_batches.anthropic(request, rest, resultsBase, answerer);
        }
        if (batchReply) {
            responder->send(batchReply->status, batchReply->contentType, batchReply->body);
            return;
        }
        if (rest == callPath || rest == "/models") {
            const bool isCall = rest == callPath;
            if (request.method != (isCall ? "POST" : "GET")) {
                sendError(responder, provider.kind, 405, {}, "Method not allowed");
                return;
            }
            if (isCall) {
                handleCall(provider, request, responder);
            } else {
                handleModels(provider, responder);
            }
            return;
        }
        sendError(responder, provider.kind, 404,
                  provider.kind == ProviderKind::AnthropicMessages ? "not_found_error" : "unknown_url",
                  "Invalid URL (" + request.method + ' ' + request.path + ')');
        return;
    }
    sendError(responder, ProviderKind::OpenAiCompatible, 404, "unknown_url",
              "Invalid URL (" + request.method + ' ' + request.path + ')');
}

bool SandboxServer::keyAccepted(const SandboxCatalogue::Provider& provider, const HttpRequest& request) const
{
    if (provider.kind == ProviderKind::AzureOpenAi && m_entra.isConfigured() && m_entra.carriesBearer(request)) {
        return m_entra.accepts(request);
    }
    const QString required = m_requiredKeys.value(provider.id);
    if (required.isEmpty()) {
        return true;
    }
    return request.header("api-key") == required.toUtf8()
        || request.header("authorization") == "Bearer " + required.toUtf8();
}

// Azure OpenAI's data plane as a resource endpoint answers it: a deployment URL needs an
// api-version (404 "Resource not found" without one, as Azure answers), a key in api-key (or an
// Entra ID token), and names a deployment of the resource; the v1 API takes the deployment as the
// body's model and no api-version.
void SandboxServer::handleAzure(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                                HttpResponder* responder, QByteArrayView rest)
{
    const QByteArrayView deployments = "/openai/deployments/";
    const QByteArrayView completions = "/chat/completions";
    const auto notFound = [&] { sendError(responder, provider.kind, 404, {}); };
    const bool hasVersion
        = QByteArrayView(request.query).startsWith("api-version=") || request.query.contains("&api-version=");
    // Global batch: files and batches under /openai (with an api-version) or the v1 API's /openai/v1.
    const bool v1 = rest.startsWith("/openai/v1/");
    const QByteArrayView batchRest = v1 ? rest.sliced(10)
        : rest.startsWith("/openai/")   ? rest.sliced(7)
                                        : QByteArrayView();
    if (batchRest.startsWith("/files") || batchRest.startsWith("/batches")) {
        if (!v1 && !hasVersion) {
            notFound();
            return;
        }
        if (!keyAccepted(provider, request)) {
            sendError(responder, provider.kind, 401, m_entra.carriesBearer(request) ? "invalid_token" : QByteArray());
            return;
        }
        const std::optional<SandboxBatches::Reply> reply = m_batches.azure(
            request, batchRest, [this, &provider](const QByteArray& body) { return batchAnswer(provider, body); });
        if (reply) {
            responder->send(reply->status, reply->contentType, reply->body);
            return;
        }
    }
    std::optional<QString> deployment; // none: the v1 API, where the body's model names it
    if (rest == "/openai/v1/chat/completions") {
    } else if (rest.startsWith(deployments) && rest.endsWith(completions)
               && rest.size() > deployments.size() + completions.size()) {
        deployment
            = QString::fromUtf8(rest.sliced(deployments.size(), rest.size() - deployments.size() - completions.size()));
        if (!hasVersion || deployment->contains(QLatin1Char('/'))) {
            notFound();
            return;
        }
    } else if (rest == "/openai/v1/models" && request.method == "GET") {
        if (!keyAccepted(provider, request)) {
            sendError(responder, provider.kind, 401, {});
            return;
        }
        handleModels(provider, responder);
        return;
    } else {
        notFound();
        return;
    }
    if (request.method != "POST") {
        sendError(responder, provider.kind, 405, {}, "Method not allowed");
        return;
    }
    if (!keyAccepted(provider, request)) {
        ++m_totalRequests;
        sendError(responder, provider.kind, 401, m_entra.carriesBearer(request) ? "invalid_token" : QByteArray());
        return;
    }
    handleCall(provider, request, responder, deployment);
}

void SandboxServer::handleModels(const SandboxCatalogue::Provider& provider, HttpResponder* responder)
{
    QList<SandboxModel> own;
    for (const SandboxModel& model : m_models) {
        if (model.providerId == provider.id) {
            own.append(model);
        }
    }
    responder->send(200, kJson,
                    provider.kind == ProviderKind::AnthropicMessages ? SandboxWire::anthropicModelList(own)
                                                                     : SandboxWire::openAiModelList(own));
}

// OpenAI's embeddings: vectors for each input, billed as its prompt tokens; the faults of the model
// (or its provider) apply as to a chat call that is not streamed.
void SandboxServer::handleEmbeddings(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                                     HttpResponder* responder)
{
    ++m_totalRequests;
    SandboxEmbeddings::Request call;
    SandboxEmbeddings::Refusal refusal;
    const QByteArray errorType = QByteArrayLiteral("application/json; charset=utf-8");
    if (!SandboxEmbeddings::parse(request.body, &call, &refusal)) {
        emit requestReceived(call.model, request.path);
        responder->send(refusal.status, errorType, refusal.body);
        return;
    }
    ++m_requestCounts[call.model];
    m_lastBodies.insert(call.model, request.body);
    m_lastHeaders.insert(call.model, request.headers);
    emit requestReceived(call.model, request.path);
    const auto found
        = std::find_if(m_embeddingModels.cbegin(), m_embeddingModels.cend(), [&](const SandboxEmbeddingModel& model) {
              return model.name == call.model && model.providerId == provider.id;
          });
    const SandboxEmbeddingModel* model = found == m_embeddingModels.cend() ? nullptr : &*found;
    const bool chatModel = std::any_of(m_models.cbegin(), m_models.cend(), [&](const SandboxModel& chat) {
        return chat.name == call.model && chat.providerId == provider.id;
    });
    if (!SandboxEmbeddings::check(call, model, chatModel, &refusal)) {
        responder->send(refusal.status, errorType, refusal.body);
        return;
    }
    // Faults are set by name, as for chat models.
    SandboxModel asChat;
    asChat.name = model->name;
    asChat.providerId = model->providerId;
    const SandboxFault fault = activeFault(asChat);
    using Kind = SandboxFault::Kind;
    if (fault.kind == Kind::HttpError) {
        sendError(responder, provider.kind, fault.httpStatus, fault.errorCode, {}, fault.retryAfterSec);
        return;
    }
    if (fault.kind == Kind::HangBeforeHeaders) {
        return;
    }
    m_answered.promptTokens += SandboxEmbeddings::promptTokens(call);
    const QByteArray body = SandboxEmbeddings::response(call, *model);
    const HttpHeaders headers { { QByteArrayLiteral("x-request-id"), "req_sandbox_" + QByteArray::number(m_nextId++) },
                                { QByteArrayLiteral("openai-model"), model->name.toUtf8() } };
    if (fault.kind == Kind::MalformedJson) {
        responder->send(200, kJson, body.left(body.size() / 2), headers);
        return;
    }
    responder->send(200, kJson, body, headers);
}

// Anthropic's token count: free, no answer generated, the same count messages reports as
// usage.input_tokens; an unknown model is a 404 as for messages.
void SandboxServer::handleTokenCount(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                                     HttpResponder* responder)
{
    ++m_totalRequests;
    SandboxWire::Call call;
    QByteArray parseError;
    const bool parsed = SandboxWire::parseRequest(Wire::Anthropic, request.body, &call, &parseError,
                                                  SandboxWire::Purpose::CountTokens);
    emit requestReceived(call.model, request.path);
    m_lastHeaders.insert(call.model, request.headers);
    if (!parsed) {
        sendError(responder, provider.kind, 400, "invalid_request_error", parseError);
        return;
    }
    const bool known = std::any_of(m_models.cbegin(), m_models.cend(), [&](const SandboxModel& model) {
        return model.name == call.model && model.providerId == provider.id;
    });
    if (!known) {
        sendError(responder, provider.kind, 404, "model_not_found", "model: " + call.model.toUtf8());
        return;
    }
    responder->send(200, kJson, SandboxWire::anthropicTokenCount(call.promptTokens));
}

// Converse over SigV4: the path names model and stream; a request whose signature does not
// verify with the sandbox's test credentials is refused as AWS refuses it, before anything is counted.
void SandboxServer::handleBedrock(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                                  QByteArrayView rest, HttpResponder* responder)
{
    QString model;
    bool stream = false;
    if (!SandboxBedrock::parsePath(rest, &model, &stream)) {
        sendError(responder, provider.kind, 404, "UnknownOperationException", "UnknownOperationException");
        return;
    }
    if (request.method != "POST") {
        sendError(responder, provider.kind, 405, {}, "Method not allowed");
        return;
    }
    const AwsSigV4::Verification check
        = SandboxBedrock::verify(request.method, request.path, request.query, request.headers, request.body);
    ++m_signatureChecks;
    if (check.outcome != AwsSigV4::Verification::Outcome::Valid || check.service != QLatin1String("bedrock")) {
        ++m_signatureFailures;
        using Outcome = AwsSigV4::Verification::Outcome;
        const QByteArray type = check.outcome == Outcome::Missing ? "MissingAuthenticationTokenException"
            : check.outcome == Outcome::UnknownKey                ? "UnrecognizedClientException"
            : check.outcome == Outcome::Valid                     ? "InvalidSignatureException"
                                                                  : "InvalidSignatureException";
        const QString reason = check.outcome == Outcome::Valid
            ? QStringLiteral("Credential should be scoped to correct service: 'bedrock'.")
            : check.reason;
        sendError(responder, provider.kind, 403, type, reason.toUtf8());
        return;
    }
    m_lastAwsScopes.insert(model, check.accessKeyId + QLatin1Char('/') + check.region);
    handleCall(provider, request, responder, std::nullopt, model, stream);
}

// Google's Gemini API: the key in x-goog-api-key (or ?key=), checked before anything is counted:
// a wrong key is Google's 400 API_KEY_INVALID, none at all a 403; GET models pages with pageSize.
void SandboxServer::handleGemini(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                                 QByteArrayView rest, HttpResponder* responder)
{
    QString model;
    bool stream = false;
    const bool list = rest == "/models";
    // The Batch API: models/{model}:batchGenerateContent, batches/{id}[:cancel] (SandboxBatches).
    const bool batch
        = rest.startsWith("/batches/") || (rest.startsWith("/models/") && rest.endsWith(":batchGenerateContent"));
    if (!list && !batch && !SandboxGemini::parsePath(rest, &model, &stream)) {
        responder->send(404, kJson, SandboxGemini::errorBody(404, {}, "Method not found."));
        return;
    }
    if (!batch && request.method != (list ? "GET" : "POST")) {
        sendError(responder, provider.kind, 405, {}, "Method not allowed");
        return;
    }
    const QUrlQuery query(QString::fromUtf8(request.query));
    QByteArray key = request.header("x-goog-api-key");
    if (key.isEmpty()) {
        key = query.queryItemValue(QStringLiteral("key")).toUtf8();
    }
    const QString required = m_requiredKeys.value(provider.id);
    if (!required.isEmpty() && key != required.toUtf8()) {
        if (!list && !batch) {
            ++m_totalRequests;
        }
        sendError(responder, provider.kind, key.isEmpty() ? 403 : 400,
                  key.isEmpty() ? QByteArray() : "API_KEY_INVALID");
        return;
    }
    if (batch) {
        QStringList served;
        for (const SandboxModel& candidate : std::as_const(m_models)) {
            if (candidate.providerId == provider.id) {
                served << candidate.name;
            }
        }
        const std::optional<SandboxBatches::Reply> reply
            = m_batches.gemini(request, rest, served, [this, &provider](const QString& name, const QByteArray& body) {
                  return geminiBatchAnswer(provider, name, body);
              });
        if (!reply) {
            responder->send(404, kJson, SandboxGemini::errorBody(404, {}, "Method not found."));
            return;
        }
        responder->send(reply->status, reply->contentType, reply->body);
        return;
    }
    if (list) {
        QList<SandboxModel> own;
        for (const SandboxModel& served : std::as_const(m_models)) {
            if (served.providerId == provider.id) {
                own.append(served);
            }
        }
        // Google's page size: 50 unless asked, at most 1,000.
        const int asked = query.queryItemValue(QStringLiteral("pageSize")).toInt();
        const int pageSize = asked <= 0 ? 50 : qMin(asked, 1000);
        responder->send(
            200, kJson,
            SandboxGemini::modelList(own, pageSize, query.queryItemValue(QStringLiteral("pageToken")).toInt()));
        return;
    }
    if (stream && query.queryItemValue(QStringLiteral("alt")) != QLatin1String("sse")) {
        // Without alt=sse Gemini streams one JSON array; the sandbox speaks the SSE form only.
        responder->send(400, kJson, SandboxGemini::errorBody(400, {}, "The sandbox streams with alt=sse only."));
        return;
    }
    handleCall(provider, request, responder, std::nullopt, model, stream);
}

// Gemini's Files API beside the API's version (/gemini/upload/v1beta/files,
// /gemini/download/v1beta/files/ID:download), its key checked as for calls.
bool SandboxServer::handleGeminiFiles(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                                      HttpResponder* responder)
{
    const QByteArray& prefix = provider.pathPrefix;
    const qsizetype version = prefix.lastIndexOf('/');
    for (const QByteArray& service : { QByteArrayLiteral("/upload"), QByteArrayLiteral("/download") }) {
        const QByteArray sibling = prefix.left(version) + service + prefix.mid(version);
        if (!request.path.startsWith(sibling + '/')) {
            continue;
        }
        QByteArray key = request.header("x-goog-api-key");
        if (key.isEmpty()) {
            key = QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(QStringLiteral("key")).toUtf8();
        }
        const QString required = m_requiredKeys.value(provider.id);
        if (!required.isEmpty() && key != required.toUtf8()) {
            sendError(responder, provider.kind, key.isEmpty() ? 403 : 400,
                      key.isEmpty() ? QByteArray() : "API_KEY_INVALID");
            return true;
        }
        const QByteArrayView rest = QByteArrayView(request.path).sliced(sibling.size());
        if (service == "/upload") {
            const std::optional<SandboxBatches::UploadReply> upload
                = m_batches.geminiUpload(request, rest, "http://127.0.0.1:" + QByteArray::number(port()) + sibling);
            if (upload) {
                responder->send(upload->reply.status, upload->reply.contentType, upload->reply.body, upload->headers);
                return true;
            }
        } else if (const std::optional<SandboxBatches::Reply> download = m_batches.geminiDownload(request, rest)) {
            responder->send(download->status, download->contentType, download->body);
            return true;
        }
        responder->send(404, kJson, SandboxGemini::errorBody(404, {}, "Method not found."));
        return true;
    }
    return false;
}

void SandboxServer::sendError(HttpResponder* responder, ProviderKind kind, int status, const QByteArray& code,
                              const QByteArray& message, int retryAfterSec)
{
    HttpHeaders headers;
    if (retryAfterSec >= 0) {
        headers.append({ QByteArrayLiteral("retry-after"), QByteArray::number(retryAfterSec) });
    }
    if (kind == ProviderKind::AzureOpenAi) {
        if (retryAfterSec >= 0) {
            headers.append({ QByteArrayLiteral("retry-after-ms"), QByteArray::number(qint64(retryAfterSec) * 1000) });
        }
        if (status == 429) {
            headers.append({ QByteArrayLiteral("x-ratelimit-remaining-requests"), QByteArrayLiteral("0") });
            headers.append({ QByteArrayLiteral("policy-id"), QByteArrayLiteral("DeploymentRatelimit-Token") });
        }
        headers.append({ QByteArrayLiteral("apim-request-id"), QByteArrayLiteral("sandbox-apim-request") });
        // Azure's own envelopes where it has them; the rest (context length, 5xx) are OpenAI's.
        const bool azureShaped = status == 401 || status == 404 || status == 429 || code == "content_filter";
        responder->send(status, kJson,
                        azureShaped ? SandboxWire::azureErrorBody(status, code, retryAfterSec)
                                    : SandboxWire::errorBody(Wire::OpenAi, status, code, message),
                        headers);
        return;
    }
    if (kind == ProviderKind::Gemini) {
        responder->send(status, kJson, SandboxGemini::errorBody(status, code, message, retryAfterSec), headers);
        return;
    }
    if (kind == ProviderKind::BedrockConverse) {
        const SandboxBedrock::Error error = SandboxBedrock::errorFor(status, code);
        headers.append({ QByteArrayLiteral("x-amzn-errortype"), SandboxBedrock::errorTypeHeader(error.type) });
        headers.append({ QByteArrayLiteral("x-amzn-requestid"), "sandbox-" + QByteArray::number(m_nextId++) });
        responder->send(status, kJson, SandboxBedrock::errorBody(message.isEmpty() ? error.message : message), headers);
        return;
    }
    responder->send(status, kJson, SandboxWire::errorBody(wireOf(kind), status, code, message), headers);
}

// deployment: Azure's, from the URL; none for the other APIs (and Azure's v1), where the body names the model.
void SandboxServer::handleCall(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                               HttpResponder* responder, const std::optional<QString>& deployment,
                               const QString& pathModel, bool pathStream)
{
    const Wire wire = wireOf(provider.kind);
    ++m_totalRequests;
    SandboxWire::Call call;
    QByteArray parseError;
    SandboxGemini::Extras gemini;
    const bool parsed = wire == Wire::Bedrock
        ? SandboxBedrock::parseRequest(request.body, pathModel, pathStream, &call, &parseError)
        : wire == Wire::Gemini
        ? SandboxGemini::parseRequest(request.body, pathModel, pathStream, &call, &gemini, &parseError)
        : SandboxWire::parseRequest(wire, request.body, &call, &parseError);
    if (!parsed) {
        if (!call.model.isEmpty()) {
            ++m_requestCounts[call.model];
            m_lastBodies.insert(call.model, request.body);
        }
        emit requestReceived(call.model, request.path);
        if (wire == Wire::Gemini) {
            responder->send(400, kJson, parseError); // the whole google.rpc.Status body
            return;
        }
        sendError(responder, provider.kind, 400, "invalid_request_error", parseError);
        return;
    }
    if (deployment) {
        call.model = *deployment; // Azure ignores the body's model on a deployment URL
    }
    ++m_requestCounts[call.model];
    m_lastBodies.insert(call.model, request.body);
    m_lastTargets.insert(call.model, request.query.isEmpty() ? request.path : request.path + '?' + request.query);
    m_lastHeaders.insert(call.model, request.headers);
    emit requestReceived(call.model, request.path);

    const auto found = std::find_if(m_models.cbegin(), m_models.cend(), [&](const SandboxModel& model) {
        return model.name == call.model && model.providerId == provider.id;
    });
    if (found == m_models.cend() && wire == Wire::Azure) {
        sendError(responder, provider.kind, 404, "DeploymentNotFound");
        return;
    }
    const bool embeddingModel = wire == Wire::OpenAi
        && std::any_of(m_embeddingModels.cbegin(), m_embeddingModels.cend(), [&](const SandboxEmbeddingModel& model) {
                                    return model.name == call.model && model.providerId == provider.id;
                                });
    if (found == m_models.cend() && embeddingModel) {
        // OpenAI's answer to a chat request for an embeddings model.
        responder->send(404, kJson,
                        SandboxEmbeddings::errorBody(
                            QStringLiteral("This is not a chat model and thus not supported in the "
                                           "v1/chat/completions endpoint. Did you mean to use v1/completions?"),
                            "invalid_request_error", QStringLiteral("model"), {}));
        return;
    }
    if (found == m_models.cend()) {
        const QByteArray name = call.model.toUtf8();
        sendError(responder, provider.kind, wire == Wire::Bedrock ? 400 : 404, "model_not_found",
                  wire == Wire::Bedrock      ? QByteArray("The provided model identifier is invalid.")
                      : wire == Wire::Gemini ? "models/" + name
                          + " is not found for API version v1beta, or is not supported for generateContent. Call "
                            "ListModels to see the list of available models and their supported methods."
                      : wire == Wire::Anthropic
                      ? "model: " + name
                      : "The model `" + name + "` does not exist or you do not have access to it.");
        return;
    }
    const SandboxModel& model = *found;
    if (wire != Wire::Anthropic) {
        if (const QByteArray refusal = SandboxWire::reasoningModelRefusal(model.name, call); !refusal.isEmpty()) {
            responder->send(400, kJson, refusal);
            return;
        }
        if (!model.capabilities.has(ModelCapability::Vision) && call.size.images > 0) {
            responder->send(400, kJson, SandboxWire::textOnlyRefusal(request.body));
            return;
        }
        if (call.ask.webSearches > 0 && provider.id == QLatin1String("sandbox-gemini")) {
            // Gemini's OpenAI-compatible endpoint does not know the field (Google's error shape:
            // an array of google.rpc.Status, tests/data/wire/gemini-openai-compat-error-400.json).
            const QString message = QStringLiteral(
                "Invalid JSON payload received. Unknown name \"web_search_options\": Cannot find field.");
            const QJsonObject violation { { QStringLiteral("description"), message } };
            const QJsonObject detail { { QStringLiteral("@type"),
                                         QStringLiteral("type.googleapis.com/google.rpc.BadRequest") },
                                       { QStringLiteral("fieldViolations"), QJsonArray { violation } } };
            const QJsonObject error { { QStringLiteral("code"), 400 },
                                      { QStringLiteral("message"), message },
                                      { QStringLiteral("status"), QStringLiteral("INVALID_ARGUMENT") },
                                      { QStringLiteral("details"), QJsonArray { detail } } };
            responder->send(400, kJson,
                            QJsonDocument(QJsonArray { QJsonObject { { QStringLiteral("error"), error } } })
                                .toJson(QJsonDocument::Compact));
            return;
        }
        if (call.ask.webSearches > 0 && !model.name.contains(QLatin1String("-search"))) {
            // What OpenAI answers web_search_options for a model that is not a search model.
            const QJsonObject error { { QStringLiteral("message"),
                                        QStringLiteral("Web search options not supported with this model.") },
                                      { QStringLiteral("type"), QStringLiteral("invalid_request_error") },
                                      { QStringLiteral("param"), QStringLiteral("web_search_options") },
                                      { QStringLiteral("code"), QJsonValue::Null } };
            responder->send(
                400, kJson,
                QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact));
            return;
        }
    }
    const SandboxFault fault = activeFault(model);
    using Kind = SandboxFault::Kind;

    if (fault.kind == Kind::HttpError || fault.kind == Kind::FailPercent) {
        QByteArray message;
        if (fault.errorCode == "context_length_exceeded") {
            message = wire == Wire::Anthropic
                ? QByteArray("prompt is too long: %1 tokens > %2 maximum")
                : QByteArray("This model's maximum context length is %2 tokens. However, your messages resulted in "
                             "%1 tokens. Please reduce the length of the messages.");
            message = QString::fromLatin1(message).arg(call.promptTokens).arg(model.contextWindow).toUtf8();
        }
        sendError(responder, provider.kind, fault.httpStatus, fault.errorCode, message, fault.retryAfterSec);
        return;
    }
    if (call.promptTokens > model.contextWindow) {
        const QString message = wire == Wire::Bedrock ? QStringLiteral("Input is too long for requested model.")
            : wire == Wire::Gemini
            ? QStringLiteral("The input token count (%1) exceeds the maximum number of tokens allowed (%2).")
                  .arg(call.promptTokens)
                  .arg(model.contextWindow)
            : wire == Wire::Anthropic
            ? QStringLiteral("prompt is too long: %1 tokens > %2 maximum")
                  .arg(call.promptTokens)
                  .arg(model.contextWindow)
            : QStringLiteral("This model's maximum context length is %1 tokens. However, your messages resulted in %2 "
                             "tokens. Please reduce the length of the messages.")
                  .arg(model.contextWindow)
                  .arg(call.promptTokens);
        sendError(responder, provider.kind, 400, "context_length_exceeded", message.toUtf8());
        return;
    }
    if (fault.kind == Kind::HangBeforeHeaders) {
        return; // the responder stays open until the client gives up
    }
    const HttpHeaders headers { { wire == Wire::Bedrock         ? QByteArrayLiteral("x-amzn-requestid")
                                      : wire == Wire::Anthropic ? QByteArrayLiteral("request-id")
                                                                : QByteArrayLiteral("x-request-id"),
                                  "req_sandbox_" + QByteArray::number(m_nextId) },
                                { QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache") } };
    if (fault.kind == Kind::HeadersThenSilence) {
        responder->beginStream(200, call.stream ? QByteArrayLiteral("text/event-stream; charset=utf-8") : kJson,
                               headers);
        return;
    }

    const QByteArray id
        = (wire == Wire::Anthropic ? QByteArrayLiteral("msg_sandbox") : QByteArrayLiteral("chatcmpl-sandbox"))
        + QByteArray::number(m_nextId++).rightJustified(8, '0');
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const bool reportsUsage = m_reportsUsage.value(model.name, true);
    const SandboxWire::PromptUsage prompt = promptUsage(wire, call, model.providerId, model.name);
    const bool ignoresMaxTokens = fault.kind == Kind::IgnoreMaxTokens;
    SandboxText::Reply reply
        = SandboxText::generate(call.promptText, call.lastUserText, model.name, ignoresMaxTokens ? 0 : call.maxTokens,
                                model.reasoning || call.thinkingBudget > 0);
    if (call.thinkingBudget > 0) {
        // Claude thinks longer with a larger budget: about a twentieth of it, in words.
        const QStringList once = reply.reasoning;
        while (!once.isEmpty() && reply.reasoning.size() < call.thinkingBudget / 20) {
            reply.reasoning.append(once);
        }
    }
    if (SandboxWire::isOpenAiReasoningModel(model.name)
        && SandboxWire::hiddenReasoningTokens(call.reasoningEffort) > 0) {
        reply.hiddenReasoningTokens = SandboxWire::hiddenReasoningTokens(call.reasoningEffort);
    }
    if (ignoresMaxTokens) {
        // A runaway answer: the reply's own text over and over, far past what was asked for.
        const QStringList once = reply.pieces;
        while (!once.isEmpty() && reply.tokenCount() < fault.answerTokens) {
            reply.pieces.append(once.mid(0, fault.answerTokens - reply.tokenCount()));
        }
    }
    if (!call.ask.toolForced && !m_callsToolsWhenFree.value(model.name, true)) {
        call.ask.toolName.clear(); // free to choose, this model answers in text
    }
    SandboxAnswer::shape(call.ask,
                         (wire == Wire::Bedrock         ? QStringLiteral("tooluse_")
                              : wire == Wire::Anthropic ? QStringLiteral("toolu_")
                                                        : QStringLiteral("call_"))
                             + QString::fromLatin1(id),
                         reply);
    if (reply.webSearches > 0) {
        reply.searchQuery = call.lastUserText.left(100);
        m_answered.webSearches += reply.webSearches;
    }
    // Google Search grounding: the model searches unless it calls a function of the client's.
    const QStringList searches = wire == Wire::Gemini && gemini.googleSearch && reply.toolName.isEmpty()
        ? SandboxGemini::searchQueries(call.lastUserText)
        : QStringList();
    m_answered.webSearches += searches.size();
    m_answered.completionTokens += reply.tokenCount() + reply.hiddenReasoningTokens;
    const int firstMs = scaled(model.firstTokenMs);
    const int intervalMs = ignoresMaxTokens
        ? 1
        : scaled(fault.kind == Kind::SlowTokens ? double(fault.tokenIntervalMs)
                                                : 1000.0 / qMax(1.0, model.tokensPerSecond));

    if (call.stream) {
        SandboxStream::Plan plan;
        plan.wire = wire;
        plan.id = id;
        plan.model = model.name;
        plan.created = created;
        plan.reply = reply;
        plan.prompt = prompt;
        plan.includeUsage = call.includeUsage && reportsUsage;
        plan.topLogprobs = call.topLogprobs;
        plan.reportsUsage = reportsUsage;
        plan.firstTokenMs = firstMs;
        plan.intervalMs = intervalMs;
        plan.dropAfterTokens = fault.kind == Kind::DropMidStream ? qMax(0, fault.afterTokens) : -1;
        plan.malformed = fault.kind == Kind::MalformedJson;
        plan.filtered = fault.kind == Kind::FilteredAnswer;
        plan.errorAfterTokens = fault.kind == Kind::ErrorMidStream ? qMax(0, fault.afterTokens) : -1;
        plan.errorStatus = fault.httpStatus;
        plan.headers = headers;
        plan.searchQueries = searches;
        (new SandboxStream(responder, std::move(plan)))->start();
        return;
    }

    const QByteArray body = wire == Wire::Gemini
        ? SandboxGemini::response(model.name, id, reply, prompt, searches, reportsUsage,
                                  fault.kind == Kind::FilteredAnswer)
        : wire == Wire::Bedrock   ? SandboxBedrock::converseResponse(reply, prompt, reportsUsage)
        : wire == Wire::Anthropic ? SandboxWire::anthropicMessage(id, model.name, reply, prompt, reportsUsage)
        : wire == Wire::Azure     ? SandboxWire::azureCompletion(id, model.name, created, reply, call.promptTokens,
                                                                 reportsUsage, fault.kind == Kind::FilteredAnswer)
                                  : SandboxWire::openAiCompletion(id, model.name, created, reply, call.promptTokens,
                                                                  reportsUsage, call.topLogprobs, prompt.cacheRead);
    const Kind kind = fault.kind;
    auto answer = [responder, body, headers, kind] {
        if (kind == Kind::MalformedJson) {
            responder->send(200, kJson, body.left(body.size() / 2), headers);
        } else if (kind == Kind::DropMidStream) {
            responder->beginStream(200, kJson, headers);
            responder->writeChunk(QByteArrayView(body).first(body.size() / 2));
            responder->abortConnection();
        } else {
            responder->send(200, kJson, body, headers);
        }
    };
    const int delayMs = firstMs + (ignoresMaxTokens ? 0 : intervalMs * reply.tokenCount());
    if (delayMs <= 0) {
        answer();
    } else {
        QTimer::singleShot(delayMs, responder, answer); // the responder as context: no answer to a client that left
    }
}

std::pair<int, QByteArray> SandboxServer::batchAnswer(const SandboxCatalogue::Provider& provider,
                                                      const QByteArray& body)
{
    const Wire wire = wireOf(provider.kind);
    ++m_totalRequests;
    SandboxWire::Call call;
    QByteArray parseError;
    if (!SandboxWire::parseRequest(wire, body, &call, &parseError)) {
        return { 400, SandboxWire::errorBody(wire, 400, "invalid_request_error", parseError) };
    }
    ++m_requestCounts[call.model];
    m_lastBodies.insert(call.model, body);
    emit requestReceived(call.model, QByteArrayLiteral("batch"));
    const auto found = std::find_if(m_models.cbegin(), m_models.cend(), [&](const SandboxModel& model) {
        return model.name == call.model && model.providerId == provider.id;
    });
    if (found == m_models.cend()) {
        const QByteArray name = call.model.toUtf8();
        return { 404,
                 SandboxWire::errorBody(wire, 404, "model_not_found",
                                        wire == Wire::Anthropic ? "model: " + name
                                                                : "The model `" + name
                                                + "` does not exist or you do not have access to it.") };
    }
    const SandboxModel& model = *found;
    if (wire != Wire::Anthropic) {
        if (const QByteArray refusal = SandboxWire::reasoningModelRefusal(model.name, call); !refusal.isEmpty()) {
            return { 400, refusal };
        }
    }
    if (call.promptTokens > model.contextWindow) {
        return { 400, SandboxWire::errorBody(wire, 400, "context_length_exceeded") };
    }
    const SandboxWire::PromptUsage prompt = promptUsage(wire, call, model.providerId, model.name);
    SandboxText::Reply reply = SandboxText::generate(call.promptText, call.lastUserText, model.name, call.maxTokens,
                                                     model.reasoning || call.thinkingBudget > 0);
    if (SandboxWire::isOpenAiReasoningModel(model.name)
        && SandboxWire::hiddenReasoningTokens(call.reasoningEffort) > 0) {
        reply.hiddenReasoningTokens = SandboxWire::hiddenReasoningTokens(call.reasoningEffort);
    }
    const QByteArray id
        = (wire == Wire::Anthropic ? QByteArrayLiteral("msg_sandbox") : QByteArrayLiteral("chatcmpl-sandbox"))
        + QByteArray::number(m_nextId++).rightJustified(8, '0');
    if (!call.ask.toolForced && !m_callsToolsWhenFree.value(model.name, true)) {
        call.ask.toolName.clear(); // free to choose, this model answers in text
    }
    SandboxAnswer::shape(call.ask,
                         (wire == Wire::Anthropic ? QStringLiteral("toolu_") : QStringLiteral("call_"))
                             + QString::fromLatin1(id),
                         reply);
    if (reply.webSearches > 0) {
        reply.searchQuery = call.lastUserText.left(100);
        m_answered.webSearches += reply.webSearches;
    }
    m_answered.completionTokens += reply.tokenCount() + reply.hiddenReasoningTokens;
    return { 200,
             wire == Wire::Anthropic
                 ? SandboxWire::anthropicMessage(id, model.name, reply, prompt, true)
                 : SandboxWire::openAiCompletion(id, model.name, QDateTime::currentSecsSinceEpoch(), reply,
                                                 call.promptTokens, true, call.topLogprobs, prompt.cacheRead) };
}

std::pair<int, QByteArray> SandboxServer::geminiBatchAnswer(const SandboxCatalogue::Provider& provider,
                                                            const QString& modelName, const QByteArray& body)
{
    ++m_totalRequests;
    SandboxWire::Call call;
    SandboxGemini::Extras extras;
    QByteArray errorBody;
    if (!SandboxGemini::parseRequest(body, modelName, false, &call, &extras, &errorBody)) {
        return { 400, errorBody }; // the whole google.rpc.Status body
    }
    ++m_requestCounts[call.model];
    m_lastBodies.insert(call.model, body);
    emit requestReceived(call.model, QByteArrayLiteral("batch"));
    const auto found = std::find_if(m_models.cbegin(), m_models.cend(), [&](const SandboxModel& model) {
        return model.name == call.model && model.providerId == provider.id;
    });
    if (found == m_models.cend()) {
        return { 404, SandboxGemini::errorBody(404, {}, "models/" + call.model.toUtf8() + " is not found.") };
    }
    const SandboxModel& model = *found;
    if (call.promptTokens > model.contextWindow) {
        return { 400,
                 SandboxGemini::errorBody(
                     400, {},
                     QStringLiteral("The input token count (%1) exceeds the maximum number of tokens allowed (%2).")
                         .arg(call.promptTokens)
                         .arg(model.contextWindow)
                         .toUtf8()) };
    }
    const SandboxWire::PromptUsage prompt = promptUsage(Wire::Gemini, call, model.providerId, model.name);
    SandboxText::Reply reply = SandboxText::generate(call.promptText, call.lastUserText, model.name, call.maxTokens,
                                                     model.reasoning || call.thinkingBudget > 0);
    const QByteArray id = QByteArrayLiteral("sandbox") + QByteArray::number(m_nextId++).rightJustified(8, '0');
    if (!call.ask.toolForced && !m_callsToolsWhenFree.value(model.name, true)) {
        call.ask.toolName.clear();
    }
    SandboxAnswer::shape(call.ask, QStringLiteral("call_") + QString::fromLatin1(id), reply);
    const QStringList searches = extras.googleSearch && reply.toolName.isEmpty()
        ? SandboxGemini::searchQueries(call.lastUserText)
        : QStringList();
    m_answered.webSearches += searches.size();
    m_answered.completionTokens += reply.tokenCount();
    return { 200, SandboxGemini::response(model.name, id, reply, prompt, searches, true) };
}

int SandboxServer::connectionCount() const
{
    return m_http->acceptedConnections();
}

void SandboxServer::closeIdleConnections()
{
    m_http->closeIdleConnections();
}

AwsCredentials SandboxServer::awsCredentials()
{
    return SandboxBedrock::credentials();
}
