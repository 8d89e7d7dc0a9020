#pragma once

#include "core/common/ProviderTypes.h"

#include <QByteArray>

// How big a request's prompt is, counted before the call from everything it sends: system text,
// every message (text, tool calls and results), tool definitions and images. Budgets reserve on
// it and the sandbox reports it as its usage, so both follow the same counting rules.
//
// The rules are approximations, documented so that they can be checked against an invoice:
// - text (and the JSON of tool definitions, tool calls and results): about 4 characters per
//   token (estimateTokens), plus 4 tokens per message for the role and separators;
// - images, at the most a provider bills for one (we do not decode them): Anthropic 1,600
//   tokens (its cap of ~1.15 megapixels / 750); OpenAI format 1,105 with "detail" high or auto
//   (85 + 170 per 512-px tile, 6 tiles for 768x2048) and 85 with "detail": "low".
// - Anthropic cache_control breakpoints: the tokens up to each breakpoint (tools, then system,
//   then messages, in that order as the API caches them) can be written with its TTL.
struct PromptSize
{
    qint64 textTokens = 0;
    qint64 imageTokens = 0;
    qint64 images = 0;
    qint64 cachePrefix1hTokens = 0; // tokens up to the last breakpoint with "ttl": "1h"
    qint64 cachePrefix5mTokens = 0; // tokens up to the last 5-minute breakpoint (includes the 1-h prefix)
    QByteArray cachePrefixDigest; // SHA-1 of what the last breakpoint covers (the sandbox's cache key)

    qint64 tokens() const { return textTokens + imageTokens; }
    bool asksCacheWrite() const { return cachePrefix5mTokens > 0 || cachePrefix1hTokens > 0; }

    static constexpr qint64 kAnthropicImageTokens = 1600;
    static constexpr qint64 kOpenAiImageTokens = 1105;
    static constexpr qint64 kOpenAiLowDetailImageTokens = 85;
    static constexpr qint64 kMessageOverheadTokens = 4;

    // A client's JSON body in its own wire format (an unreadable body counts as its text).
    static PromptSize ofBody(const QByteArray& body, ProviderKind format);
    // The gateway client's body when there is one, else the request's messages.
    static PromptSize ofRequest(const ChatRequest& request);
};
