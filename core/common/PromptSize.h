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
// - PDF documents sent inline (Anthropic document blocks, OpenAI file parts, base64): each page at
//   the most the provider bills for one, its text (up to 3,000 tokens) plus the page as an image
//   (the image rule above); a PDF whose pages cannot be counted (pages inside compressed object
//   streams, not a PDF) counts as its JSON text, as other blocks do.
// - Anthropic cache_control breakpoints: the tokens up to each breakpoint (tools, then system,
//   then messages, in that order as the API caches them) can be written with its TTL.
struct PromptSize
{
    qint64 textTokens = 0;
    qint64 imageTokens = 0;
    qint64 images = 0;
    qint64 documentTokens = 0; // PDF pages, text and image (the rule above)
    qint64 documentPages = 0;
    qint64 cachePrefix1hTokens = 0; // tokens up to the last breakpoint with "ttl": "1h"
    qint64 cachePrefix5mTokens = 0; // tokens up to the last 5-minute breakpoint (includes the 1-h prefix)
    QByteArray cachePrefixDigest; // SHA-1 of what the last breakpoint covers (the sandbox's cache key)

    qint64 tokens() const { return textTokens + imageTokens + documentTokens; }
    bool asksCacheWrite() const { return cachePrefix5mTokens > 0 || cachePrefix1hTokens > 0; }

    static constexpr qint64 kAnthropicImageTokens = 1600;
    static constexpr qint64 kOpenAiImageTokens = 1105;
    static constexpr qint64 kOpenAiLowDetailImageTokens = 85;
    static constexpr qint64 kMessageOverheadTokens = 4;
    static constexpr qint64 kPdfPageTextTokens = 3000;

    // The pages of a PDF (the bytes, not base64), counted by their page objects; 0 when it is not
    // a PDF or its pages cannot be seen (compressed object streams).
    static qint64 pdfPages(const QByteArray& pdf);

    // A client's JSON body in its own wire format (an unreadable body counts as its text).
    static PromptSize ofBody(const QByteArray& body, ProviderKind format);
    // The gateway client's body when there is one, else the request's messages.
    static PromptSize ofRequest(const ChatRequest& request);
};
