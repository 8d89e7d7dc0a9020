#pragma once

#include "core/common/FailureClass.h"
#include "core/common/ModelCapability.h"
#include "core/common/SearchContextSize.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

#include <optional>

// Value types shared by providers, routing, ledger and UI. Plain data, cheap to copy.

enum class ProviderKind
{
    OpenAiCompatible, // POST {base}/chat/completions
    AnthropicMessages, // POST {base}/messages
    AzureOpenAi, // the OpenAI body at POST {base}/openai/deployments/{deployment}/chat/completions?api-version=...
    BedrockConverse, // POST {base}/model/{modelId}/converse[-stream], SigV4-signed
    // Google's own Gemini API: POST {base}/models/{model}:generateContent and
    // :streamGenerateContent?alt=sse, the key in x-goog-api-key. Unlike its OpenAI-compatible
    // endpoint it reports grounding searches, thoughts and thought signatures.
    Gemini,
};

namespace ProviderKinds {
QString id(ProviderKind kind); // "openai", "anthropic", "azure", "bedrock", "gemini"
std::optional<ProviderKind> fromId(const QString& id);
// The body dialect a provider of this kind speaks: Azure OpenAI speaks OpenAI's.
ProviderKind wireFormat(ProviderKind kind);
} // namespace ProviderKinds

// How a call proves who it is. The secret comes from the provider's key variable or the keychain
// either way; only the header that carries it differs.
enum class ProviderAuth
{
    ApiKey, // the kind's own key header (Authorization: Bearer, x-api-key, Azure's api-key)
    EntraIdToken, // Azure: a Microsoft Entra ID access token as Authorization: Bearer
};

namespace ProviderAuths {
QString id(ProviderAuth auth); // "api-key", "entra-id"
std::optional<ProviderAuth> fromId(const QString& id);
} // namespace ProviderAuths

struct ProviderConfig
{
    QString id; // unique, e.g. "openai", "sandbox-openai"
    QString displayName; // "OpenAI"
    ProviderKind kind = ProviderKind::OpenAiCompatible;
    QUrl baseUrl; // e.g. https://api.openai.com/v1
    QString keyEnv; // environment variable holding the key; empty = no key needed
    QMap<QString, QString> extraHeaders;
    int maxConcurrent = 0; // 0 = unlimited; local servers that serve one request at a time use 1
    double dailyBudgetUsd = 0; // this provider's own spending limits; 0 = none
    double monthlyBudgetUsd = 0;
    bool enabled = true;
    bool simulated = false; // the offline sandbox
    // Azure OpenAI: the api-version query parameter of the deployment URLs ("2024-10-21"); not used
    // by the /openai/v1 API (a base URL ending in /openai/v1).
    QString apiVersion;
    ProviderAuth auth = ProviderAuth::ApiKey;
    // Amazon Bedrock: the region (empty = AWS_REGION, AWS_DEFAULT_REGION, the profile's) and the
    // profile of ~/.aws/credentials (empty = the environment's keys, AWS_PROFILE, "default").
    QString awsRegion;
    QString awsProfile;

    bool operator==(const ProviderConfig&) const = default;
};

// Rates of the long-context tier (Gemini 2.5 Pro, Claude Sonnet 4.x): a request whose prompt is
// over aboveTokens is billed at these rates for ALL its tokens. USD per 1M tokens; a rate of 0
// is the base rate scaled by the tier's input (or output) ratio.
struct LongContextRates
{
    qint64 aboveTokens = 0; // 0 = no tier
    double inputPerMTok = 0;
    double outputPerMTok = 0;
    double cachedInputPerMTok = 0;
    double cacheWrite5mPerMTok = 0;
    double cacheWrite1hPerMTok = 0;

    bool operator==(const LongContextRates&) const = default;
};

// USD per one million tokens unless named otherwise. A model without a price is "unpriced",
// never free. Every optional dimension has a 0 that falls back to the rate that never
// under-reports (see CostCalculator).
struct ModelPrice
{
    double inputPerMTok = 0;
    double outputPerMTok = 0;
    double cachedInputPerMTok = 0; // 0 = input rate
    bool known = false;
    double cacheWrite5mPerMTok = 0; // Anthropic 5-minute cache writes (1.25x input); 0 = input rate
    double cacheWrite1hPerMTok = 0; // 1-hour cache writes (2x input); 0 = the 5-minute rate
    double reasoningPerMTok = 0; // reasoning tokens when priced apart; 0 = output rate
    double perImageUsd = 0; // per input image on top of its tokens; 0 = its tokens only
    double batchInputPerMTok = 0; // batch API rates; 0 = the standard rate
    double batchOutputPerMTok = 0;
    double webSearchPerRequestUsd = 0; // per server-side web search (OpenAI: at the default, medium, context size)
    double webSearchLowUsd = 0; // OpenAI per search at search_context_size "low"; 0 = the default rate
    double webSearchHighUsd = 0; // at "high"; 0 = the default rate
    // Gemini 2.x grounding with Google Search bills a grounded prompt once, however many queries it
    // ran (LiteLLM: no web_search_billing_unit); Gemini 3 and the others bill each search.
    bool webSearchPerPrompt = false;
    LongContextRates longContext;

    bool isFree() const { return known && inputPerMTok == 0 && outputPerMTok == 0; }
    bool hasLongContext() const { return longContext.aboveTokens > 0 && longContext.inputPerMTok > 0; }
    // The flat rates that apply to a request with this many prompt tokens (the tier resolved).
    ModelPrice ratesFor(qint64 promptTokens) const;
    bool operator==(const ModelPrice&) const = default;
};

// Per-call timeouts in milliseconds; 0 disables one. Defaults are aggressive on purpose:
// a provider that has not produced a token in 10 s is better skipped than waited for.
struct Timeouts
{
    int connectMs = 5000;
    int firstTokenMs = 10000;
    int idleMs = 15000;
    int totalMs = 180000;

    bool operator==(const Timeouts&) const = default;
};

// The fields of a Timeouts one layer of configuration sets itself, as bits; a field a layer
// leaves unset falls through to the next (request > model > tier > defaults, see
// EffectiveTimeouts in routing).
enum TimeoutField : quint8
{
    ConnectTimeoutField = 1,
    FirstTokenTimeoutField = 2,
    IdleTimeoutField = 4,
    TotalTimeoutField = 8,
};

struct ModelConfig
{
    QString id; // name used everywhere in Switchyard, unique: "gpt-4o-mini" or "openai/gpt-4o-mini"
    QString providerId;
    QString upstreamModel; // what the provider's API calls it; with "*" a template (see ModelNamePattern)
    ModelPrice price;
    int contextWindow = 0; // tokens, 0 = unknown
    int maxOutputTokens = 0;
    Timeouts timeouts;
    quint8 timeoutsSet = 0; // TimeoutField bits this model's config sets (LiteLLM timeout, stream_timeout)
    ModelCapabilities capabilities; // from the config ("supports"), else the price/model data
    // The model this deployment runs when its upstream name does not say (an Azure deployment named
    // "chat-eastus"): its price is that model's. LiteLLM's model_info.base_model ("azure/gpt-4o").
    QString baseModel;

    // A wildcard deployment's template: the upstream name comes from the name a client asks for, so
    // it is never called as it stands (the router makes a model of it per requested name).
    bool passesClientModel() const;
    // The name the price table knows it by: the base model, else the upstream name, else the id.
    QString priceName() const;
    bool operator==(const ModelConfig&) const = default;
};

struct ChatMessage
{
    QString role; // "system", "user", "assistant"
    QString content;

    bool operator==(const ChatMessage&) const = default;
};

struct ChatRequest
{
    QList<ChatMessage> messages; // a leading "system" message is sent the way each wire format wants it
    std::optional<double> temperature;
    int maxTokens = 0; // 0 = provider default
    bool stream = true;
    Timeouts timeouts; // the caller's own, for the fields in timeoutsSet (TimeoutField bits)
    quint8 timeoutsSet = 0;
    // A gateway client's own JSON body (tools, images, response_format, fields not known yet...).
    // When set it is what goes upstream: as it is (model and stream options rewritten) to a
    // provider of the same format, translated or refused for the other one; `messages` then only
    // serve routing rules, estimates and the ledger.
    QByteArray clientBody;
    ProviderKind clientFormat = ProviderKind::OpenAiCompatible;
    // The W3C `traceparent` header the upstream request carries (a routed call sets one per
    // attempt when tracing, or passes a gateway client's on); empty: none is sent.
    QByteArray traceparent;

    bool hasClientBody() const { return !clientBody.isEmpty(); }

    QString lastUserText() const;
    QString systemText() const;
};

struct TokenUsage
{
    qint64 promptTokens = 0; // all input tokens, cached ones and cache writes included
    qint64 completionTokens = 0; // all output tokens, reasoning ones included
    qint64 cachedTokens = 0; // input tokens read from the provider's prompt cache
    qint64 reasoningTokens = 0; // output tokens spent on reasoning
    bool estimated = false; // true when the provider reported nothing and we counted ourselves
    qint64 cacheWrite5mTokens = 0; // input tokens written to a 5-minute cache (Anthropic)
    qint64 cacheWrite1hTokens = 0; // input tokens written to a 1-hour cache (Anthropic)
    qint64 images = 0; // input images (their tokens are in promptTokens)
    qint64 webSearches = 0; // server-side web searches billed per request
    bool batch = false; // billed at the batch rates
    SearchContextSize searchContext = SearchContextSize::Medium; // OpenAI: what the web searches were asked for

    qint64 cacheWriteTokens() const { return cacheWrite5mTokens + cacheWrite1hTokens; }
    bool operator==(const TokenUsage&) const = default;
};

// A tool call the model made, its arguments as the JSON text it wrote.
struct ToolCall
{
    QString id;
    QString name;
    QString arguments;

    bool operator==(const ToolCall&) const = default;
};

// A piece of an answer besides text and reasoning, as it streams: a tool call (its first piece
// carries id and name, later ones more argument text; `index` tells parallel calls apart) or
// refusal text, or what Anthropic sends with thinking (signature, redacted blocks).
struct AnswerPart
{
    enum class Kind
    {
        ToolCall,
        Refusal,
        Signature, // Anthropic's signature of the thinking so far (text)
        RedactedThinking, // an encrypted thinking block (text = its data)
        // OpenAI's token log probabilities (logprobs: true): text = the logprobs.content entries
        // of one chunk as compact JSON objects (members as the provider sent them), comma-separated.
        Logprobs,
        // A source the answer cites (web search): text = one annotation as OpenAI's Chat
        // Completions writes it, compact JSON {"type":"url_citation","url_citation":{"end_index",
        // "start_index","title","url"}}, indices in characters of the whole answer text; id = the
        // citation as Anthropic wrote it (compact JSON) when it came from Anthropic. A streamed
        // Claude citation comes twice: ahead of its block's text as Claude sends it (id only, text
        // empty: the range is not known yet), then whole when the block ends.
        Citation,
        // A block Anthropic's servers ran for the answer (server_tool_use with its whole input,
        // web_search_tool_result, ...): text = the block, compact JSON; index = where in the
        // answer text (characters) it came.
        ServerTool,
        // Claude began a text block of a streamed answer (its web search answers come in several,
        // each with exactly its own citations): name = "cited" when the block comes with a
        // citations list (its citations follow ahead of its text). Not text: only a client of
        // Anthropic's API, which gets the same blocks, has a use for it.
        TextBlock,
    };
    Kind kind = Kind::ToolCall;
    int index = 0;
    QString id;
    QString name;
    QString text; // argument text or refusal text

    bool operator==(const AnswerPart&) const = default;
};

// Rough token count for text when a provider sends no usage (about 4 characters per token).
qint64 estimateTokens(const QString& text);

// What a finished call produced.
struct CallResult
{
    QString modelId;
    QString providerId;
    QString text;
    QString reasoning;
    QString finishReason; // "stop", "length", "tool_calls", "end_turn", ...
    QList<ToolCall> toolCalls;
    QString refusal;
    QString reasoningSignature; // Anthropic: what lets a client send the thinking back
    QStringList redactedThinking;
    QString logprobs; // OpenAI logprobs.content entries (compact JSON objects, comma-separated)
    QString citations; // AnswerPart::Kind::Citation annotations (compact JSON objects, comma-separated)
    // Anthropic's server tool blocks and its own citations (ServerTool and Citation parts with an
    // id), in the order they came, for a client of Anthropic's API.
    QList<AnswerPart> serverParts;
    TokenUsage usage;
    qint64 ttftMs = -1; // request start to first token (text or reasoning)
    qint64 latencyMs = 0; // request start to finish
};

#include <QMetaType>
Q_DECLARE_METATYPE(CallError)
Q_DECLARE_METATYPE(TokenUsage)
Q_DECLARE_METATYPE(CallResult)
Q_DECLARE_METATYPE(AnswerPart)
