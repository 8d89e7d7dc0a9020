#pragma once

#include "core/common/AwsSigV4.h"
#include "core/sandbox/SandboxBatches.h"
#include "core/sandbox/SandboxCatalogue.h"
#include "core/sandbox/SandboxEntra.h"
#include "core/sandbox/SandboxTypes.h"
#include "core/sandbox/SandboxWire.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>

#include <optional>

class HttpResponder;
class HttpServer;
struct HttpRequest;

// An in-process server on 127.0.0.1 speaking the real OpenAI chat-completions and Anthropic
// Messages wire formats, streaming and not, for several simulated providers. The offline default
// (`switchyard --sandbox`) and the fixture for tests: deterministic replies, realistic prices and
// pacing, and injectable faults (errors, hangs, drops, malformed JSON, slow tokens).
//
// Endpoints per provider prefix (e.g. /openai/v1): POST chat/completions and POST embeddings
// (OpenAI wire) or POST messages and messages/count_tokens (Anthropic wire), GET models; the batch
// APIs on sandbox-openai (files, batches), sandbox-anthropic (messages/batches), sandbox-mistral,
// sandbox-azure and sandbox-gemini-native (batchGenerateContent, batches), see SandboxBatches.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(QObject* parent = nullptr);
    ~SandboxServer() override;

    bool start(quint16 port = 0); // 127.0.0.1 only
    quint16 port() const;

    static QList<SandboxModel> catalogue();
    // Ready-made configs pointing at this server (simulated = true, no key), for the providers
    // that serve at least one model.
    QList<ProviderConfig> providers() const;
    // id "sandbox/<name>", upstreamModel "<name>", prices, context window.
    QList<ModelConfig> models() const;
    // The embedding models (POST /embeddings on the OpenAI-format providers), configured as models()
    // are; kept apart so that tiers, the workbench and chat tests see the chat models only.
    QList<ModelConfig> embeddingModels() const;

    // Serves one more model on one of the catalogue's providers (tests of models the default
    // catalogue leaves out, so that the default routing stays as documented).
    void addModel(const SandboxModel& model) { m_models.append(model); }

    // modelName without the "sandbox/" prefix. A model's fault wins over its provider's.
    void setFault(const QString& modelName, const SandboxFault& fault);
    void setProviderFault(const QString& providerId, const SandboxFault& fault);
    void clearFaults();
    // The faults switched on now: by model name, and by provider id.
    QHash<QString, SandboxFault> modelFaults() const;
    QHash<QString, SandboxFault> providerFaults() const;

    // Requests to this provider must carry this key (Azure: the api-key header, or an Entra ID token
    // as Authorization: Bearer); others get the provider's 401. Empty = any or none.
    void setRequiredKey(const QString& providerId, const QString& key) { m_requiredKeys.insert(providerId, key); }
    // Microsoft Entra ID at /entra (AZURE_AUTHORITY_HOST = http://127.0.0.1:<port>/entra) for one app
    // registration; the tokens it issues are accepted as Azure bearers until they expire or are revoked.
    void setEntraApp(const SandboxEntra::App& app) { m_entra.setApp(app); }
    void revokeEntraTokens() { m_entra.revokeAll(); }
    int entraTokenRequests() const { return m_entra.tokenRequests(); }
    // The target (path and query) of the last call request for a model (tests check the URL a client used).
    QByteArray lastRequestTarget(const QString& modelName) const { return m_lastTargets.value(modelName); }
    // The headers of the last call, embeddings or token-count request for a model, names lower-cased.
    QList<std::pair<QByteArray, QByteArray>> lastRequestHeaders(const QString& modelName) const
    {
        return m_lastHeaders.value(modelName);
    }

    // Multiplies every simulated delay; 0 answers at once.
    void setTimeScale(double factor) { m_timeScale = qMax(0.0, factor); }
    double timeScale() const { return m_timeScale; }

    // false: the model sends no usage, so clients must estimate.
    void setReportsUsage(const QString& modelName, bool reports);
    // false: offered tools under tool_choice "auto" (or none given), the model answers in text, as
    // a real model that decides no tool is needed does; a forced choice ("required", a named tool,
    // Anthropic's "any") is still obeyed. Default true: every model calls the first tool offered.
    void setCallsToolsWhenFree(const QString& modelName, bool calls);
    // OpenAI's automatic prompt caching on the sandbox-openai models: a prompt of 1,024 tokens or
    // more whose prefix was sent within five minutes reads it from the cache (in 128-token steps,
    // prompt_tokens_details.cached_tokens). Off by default, so repeated prompts cost the same.
    void setAutomaticPromptCaching(bool on) { m_automaticCaching = on; }

    // Upstream requests received for a model (tests count "no hidden retries").
    int requestCount(const QString& modelName) const { return m_requestCounts.value(modelName); }
    int totalRequests() const { return m_totalRequests; }
    // What the answered calls' prompts held, counted the way the sandbox bills them (tests compare
    // a client's budget with what the server saw).
    struct Answered
    {
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        qint64 images = 0;
        qint64 webSearches = 0; // server-side web searches made (Anthropic's web_search tool)
    };
    Answered answered() const { return m_answered; }
    // TCP connections accepted so far (keep-alive reuse shows as requests without new connections).
    int connectionCount() const;
    void closeIdleConnections();
    void resetCounts();
    // The body of the last call request received for a model (tests check what a client sent).
    QByteArray lastRequestBody(const QString& modelName) const { return m_lastBodies.value(modelName); }
    // Bedrock: "<access key id>/<region>" of the last verified signature for a model, and how many
    // signatures were checked and refused (tests see SigV4 verified server-side).
    QString lastAwsScope(const QString& modelName) const { return m_lastAwsScopes.value(modelName); }
    int signatureChecks() const { return m_signatureChecks; }
    int signatureFailures() const { return m_signatureFailures; }
    // The test credentials the Bedrock route accepts.
    static AwsCredentials awsCredentials();

    // The batch APIs' counts (requests to their endpoints, uploads, jobs, requests run in jobs).
    const SandboxBatches& batches() const { return m_batches; }
    SandboxBatches& batches() { return m_batches; } // its faults

    HttpServer* httpServer() const { return m_http; }

signals:
    void requestReceived(const QString& modelName, const QByteArray& path);
    void faultsChanged();

private:
    struct FaultState
    {
        SandboxFault fault;
        QRandomGenerator random;
    };

    void handle(const HttpRequest& request, HttpResponder* responder);
    void handleCall(const SandboxCatalogue::Provider& provider, const HttpRequest& request, HttpResponder* responder,
                    const std::optional<QString>& deployment = std::nullopt, const QString& pathModel = {},
                    bool pathStream = false);
    void handleAzure(const SandboxCatalogue::Provider& provider, const HttpRequest& request, HttpResponder* responder,
                     QByteArrayView rest);
    bool keyAccepted(const SandboxCatalogue::Provider& provider, const HttpRequest& request) const;
    void handleBedrock(const SandboxCatalogue::Provider& provider, const HttpRequest& request, QByteArrayView rest,
                       HttpResponder* responder);
    void handleGemini(const SandboxCatalogue::Provider& provider, const HttpRequest& request, QByteArrayView rest,
                      HttpResponder* responder);
    void handleModels(const SandboxCatalogue::Provider& provider, HttpResponder* responder);
    void handleEmbeddings(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                          HttpResponder* responder);
    void handleTokenCount(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                          HttpResponder* responder);
    // One request of a batch job, answered whole as the provider's endpoint would (no faults).
    std::pair<int, QByteArray> batchAnswer(const SandboxCatalogue::Provider& provider, const QByteArray& body);
    // Gemini's Files API (upload/ and download/ beside v1beta); false when the path is none of it.
    bool handleGeminiFiles(const SandboxCatalogue::Provider& provider, const HttpRequest& request,
                           HttpResponder* responder);
    // One request of a Gemini batch for `model`, answered as generateContent would.
    std::pair<int, QByteArray> geminiBatchAnswer(const SandboxCatalogue::Provider& provider, const QString& model,
                                                 const QByteArray& body);
    SandboxFault activeFault(const SandboxModel& model);
    void sendError(HttpResponder* responder, ProviderKind kind, int status, const QByteArray& code,
                   const QByteArray& message = {}, int retryAfterSec = -1);
    int scaled(double ms) const;
    SandboxWire::PromptUsage promptUsage(SandboxWire::Wire wire, const SandboxWire::Call& call,
                                         const QString& providerId, const QString& modelName);
    qint64 automaticCacheRead(const QString& modelName, const SandboxWire::Call& call);

    HttpServer* m_http;
    QList<SandboxCatalogue::Provider> m_providers;
    QList<SandboxModel> m_models;
    QList<SandboxEmbeddingModel> m_embeddingModels;
    QHash<QString, FaultState> m_modelFaults;
    QHash<QString, FaultState> m_providerFaults;
    QHash<QString, bool> m_reportsUsage;
    QHash<QString, bool> m_callsToolsWhenFree;
    QHash<QString, int> m_requestCounts;
    QHash<QString, QByteArray> m_lastBodies;
    QHash<QString, QByteArray> m_lastTargets;
    QHash<QString, QList<std::pair<QByteArray, QByteArray>>> m_lastHeaders;
    QHash<QString, QString> m_requiredKeys;
    SandboxEntra m_entra;
    QHash<QString, QString> m_lastAwsScopes;
    int m_signatureChecks = 0;
    int m_signatureFailures = 0;
    int m_totalRequests = 0;
    Answered m_answered;
    QHash<QByteArray, QDateTime> m_promptCache; // cache prefix digest -> expiry (UTC)
    bool m_automaticCaching = false;
    SandboxBatches m_batches;
    quint64 m_nextId = 1;
    double m_timeScale = 1.0;
};
