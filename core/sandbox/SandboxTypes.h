#pragma once

#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QString>

// A simulated model served by SandboxServer. Prices are USD per 1M tokens.
struct SandboxModel
{
    QString name; // upstream name, e.g. "gpt-4.1-mini"
    QString providerId; // "sandbox-openai"
    ProviderKind kind = ProviderKind::OpenAiCompatible;
    double inputPrice = 0;
    double outputPrice = 0;
    double cachedPrice = 0;
    int contextWindow = 0;
    int firstTokenMs = 0;
    double tokensPerSecond = 50;
    QString role; // "budget", "standard", "coding", "premium"
    bool reasoning = false; // streams reasoning_content before the answer (deepseek-reasoner)
    // What the real model takes besides text (LiteLLM's data); DeepSeek's refuse image parts as its API does.
    ModelCapabilities capabilities = ModelCapabilities::of(
        { ModelCapability::Vision, ModelCapability::Tools, ModelCapability::PdfInput, ModelCapability::JsonSchema });
};

// A simulated embeddings model (POST /embeddings on an OpenAI-format provider). USD per 1M input
// tokens; the answer's vectors have `dimensions` numbers unless the request asks for fewer.
struct SandboxEmbeddingModel
{
    QString name; // "text-embedding-3-small"
    QString providerId; // "sandbox-openai"
    double inputPrice = 0;
    int dimensions = 1536;
    int maxInputTokens = 8191;
    bool shortenable = true; // takes "dimensions" (text-embedding-3-*); ada-002 refuses it
};

// A misbehaviour to simulate for a model or a whole provider.
struct SandboxFault
{
    enum class Kind
    {
        None,
        HttpError, // answer httpStatus with the provider's error envelope
        HangBeforeHeaders, // never answer
        HeadersThenSilence, // 200 and stream headers, then no bytes
        DropMidStream, // cut the connection after afterTokens tokens
        MalformedJson, // a data event with broken JSON, or a broken non-stream body
        SlowTokens, // tokenIntervalMs between tokens
        FailPercent, // fail this share of requests with httpStatus, seeded and repeatable
        IgnoreMaxTokens, // answer answerTokens tokens whatever max_tokens asks, 1 ms apart when streamed
        FilteredAnswer, // Azure: 200, and the content filter withholds the answer (finish_reason content_filter)
        ErrorMidStream, // after afterTokens tokens, the provider's in-stream error for httpStatus (Bedrock:
                        // an exception frame; 429 throttling, 503 unavailable, else internal)
    };

    Kind kind = Kind::None;
    int httpStatus = 500; // HttpError and FailPercent
    QByteArray
        errorCode; // "insufficient_quota", "rate_limit_exceeded", "context_length_exceeded"...; empty = per status
    int retryAfterSec = -1; // >= 0 sends retry-after
    int afterTokens = 5; // DropMidStream
    int tokenIntervalMs = 1000; // SlowTokens
    int percent = 0; // FailPercent
    int answerTokens = 100000; // IgnoreMaxTokens
    quint32 seed = 1; // FailPercent

    static SandboxFault httpError(int status, const QByteArray& code = {}, int retryAfterSec = -1)
    {
        SandboxFault fault;
        fault.kind = Kind::HttpError;
        fault.httpStatus = status;
        fault.errorCode = code;
        fault.retryAfterSec = retryAfterSec;
        return fault;
    }
    static SandboxFault ofKind(Kind kind)
    {
        SandboxFault fault;
        fault.kind = kind;
        return fault;
    }
};
