#pragma once

#include <QString>

// Why a provider call ended without an answer. Failover is driven by this class, so each
// value must mean exactly one thing.
enum class FailureClass
{
    None,
    Auth, // 401 / 403
    BadRequest, // 400 and other 4xx a retry cannot fix (context length exceeded is flagged in CallError)
    Unsupported, // this model does not take a parameter or content of the request (400 unsupported_parameter,
                 // or nothing in its wire format carries it); another model may
    RateLimited, // 429 that may clear after retry-after
    QuotaExhausted, // 429 (or 402) whose code says the account is out of credit
    ServerError, // 5xx, Anthropic 529 overloaded, in-band server errors
    ConnectTimeout, // no connection / request not sent in time
    FirstTokenTimeout, // request sent, no first token in time
    IdleTimeout, // gap between tokens too long
    TotalTimeout, // whole call too long
    NetworkError, // refused, reset, DNS, TLS
    StreamBroken, // connection lost mid-stream, or stream ended without its end marker
    MalformedResponse, // not the wire format we expect: bad JSON, bad UTF-8, oversized, wrong shape
    Cancelled,
    ContentFiltered, // the provider's content filter refused the prompt or stopped the answer (Azure
                     // content_filter): the request's content, not the provider's health
};

namespace FailureClasses {
// Stable identifiers used in JSON output, config files and the ledger ("server_error").
QString id(FailureClass failureClass);
FailureClass fromId(const QString& id, bool* ok = nullptr);
// Human readable, translated ("Server error").
QString displayName(FailureClass failureClass);
// Failures that say something about the provider's health (uptime), not about the request.
bool isProviderFault(FailureClass failureClass);
bool isTimeout(FailureClass failureClass);
QList<FailureClass> all();
} // namespace FailureClasses

// A classified failure, keeping what the provider said.
struct CallError
{
    FailureClass failureClass = FailureClass::None;
    int httpStatus = 0;
    QString message; // provider's own message, or ours for transport errors
    QString providerCode; // e.g. "insufficient_quota", "overloaded_error", "RESOURCE_EXHAUSTED"
    qint64 retryAfterMs = -1; // from retry-after / retry-after-ms / body retryDelay; -1 when unknown
    bool contextLengthExceeded = false;
    QString param = {}; // the request field at fault, when known ("temperature", "messages[2].content")

    bool isError() const { return failureClass != FailureClass::None; }
    // One line for logs and CLI: "server_error (HTTP 503): The model is overloaded".
    QString summary() const;
};
