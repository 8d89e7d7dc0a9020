#include "core/providers/ErrorClassifier.h"

#include "core/common/Clock.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace {
// The parts of any provider's error envelope that classification needs.
struct Envelope
{
    QString message;
    QString code; // string code: "insufficient_quota", "context_length_exceeded"
    QString type; // OpenAI / Anthropic type: "server_error", "overloaded_error"
    QString status; // Gemini status: "RESOURCE_EXHAUSTED"
    int numericCode = 0; // OpenRouter / Gemini integer code (an HTTP status)
    QString param; // OpenAI: the request field at fault
    QJsonArray details; // Gemini details[]
    QJsonObject innerError; // Azure: innererror {code, content_filter_result}

    QString providerCode() const
    {
        if (!code.isEmpty()) {
            return code;
        }
        if (!type.isEmpty()) {
            return type;
        }
        if (!status.isEmpty()) {
            return status;
        }
        return numericCode ? QString::number(numericCode) : QString();
    }
    QStringList tokens() const { return { code.toLower(), type.toLower(), status.toLower() }; }
};

Envelope readEnvelope(const QJsonValue& root)
{
    Envelope envelope;
    // Gemini wraps its google.rpc.Status in a one-element array on some endpoints.
    QJsonObject object = root.toObject();
    if (root.isArray() && !root.toArray().isEmpty()) {
        object = root.toArray().first().toObject();
    }
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject()) {
        const QJsonObject inner = error.toObject();
        envelope.message = inner.value(QLatin1String("message")).toString();
        const QJsonValue code = inner.value(QLatin1String("code"));
        if (code.isString()) {
            envelope.code = code.toString();
        } else if (code.isDouble()) {
            envelope.numericCode = int(WireJson::toInt64(code));
        }
        envelope.type = inner.value(QLatin1String("type")).toString();
        envelope.param = inner.value(QLatin1String("param")).toString();
        envelope.status = inner.value(QLatin1String("status")).toString();
        envelope.details = inner.value(QLatin1String("details")).toArray();
        envelope.innerError = inner.value(QLatin1String("innererror")).toObject();
    } else if (error.isString()) {
        envelope.message = error.toString(); // Ollama native
    }
    if (envelope.message.isEmpty()) {
        envelope.message = object.value(QLatin1String("message")).toString();
    }
    if (envelope.message.isEmpty()) {
        envelope.message = object.value(QLatin1String("Message")).toString(); // some AWS services
    }
    if (envelope.code.isEmpty() && object.value(QLatin1String("__type")).isString()) {
        // AWS JSON protocol: "com.amazon.coral.service#ThrottlingException" or the bare name.
        envelope.code = object.value(QLatin1String("__type")).toString().section(QLatin1Char('#'), -1);
    }
    return envelope;
}

bool anyOf(const QStringList& tokens, std::initializer_list<const char*> names)
{
    for (const QString& token : tokens) {
        for (const char* name : names) {
            if (!token.isEmpty() && token == QLatin1String(name)) {
                return true;
            }
        }
    }
    return false;
}

// Out of credit (don't retry) as opposed to a rate limit that clears by itself.
bool saysQuotaExhausted(const Envelope& envelope)
{
    if (anyOf(envelope.tokens(),
              { "insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "insufficient_credits",
                "payment_required", "servicequotaexceededexception" })) {
        return true;
    }
    const QString message = envelope.message.toLower();
    return message.contains(QLatin1String("billing")) || message.contains(QLatin1String("credit balance"))
        || message.contains(QLatin1String("insufficient credits"))
        || message.contains(QLatin1String("insufficient balance"));
}

// Gemini answers a bad key with 400 INVALID_ARGUMENT; only the ErrorInfo reason says it is auth.
bool saysKeyInvalid(const Envelope& envelope)
{
    for (const QJsonValue& detail : envelope.details) {
        if (detail.toObject().value(QLatin1String("reason")).toString() == QLatin1String("API_KEY_INVALID")) {
            return true;
        }
    }
    return envelope.message.contains(QLatin1String("API key not valid"), Qt::CaseInsensitive);
}

bool saysContextTooLong(const Envelope& envelope)
{
    if (anyOf(envelope.tokens(), { "context_length_exceeded" })) {
        return true;
    }
    const QString message = envelope.message.toLower();
    static const char* const phrases[]
        = { "maximum context length", "context length",    "context window",   "prompt is too long",
            "exceeds the context",    "input token count", "input is too long" };
    for (const char* phrase : phrases) {
        if (message.contains(QLatin1String(phrase))) {
            return true;
        }
    }
    return false;
}

// Azure's 400 for a prompt its content filter refused: code content_filter, innererror
// ResponsibleAIPolicyViolation (OpenAI's own moderation uses the same code).
bool saysContentFiltered(const Envelope& envelope)
{
    return anyOf(envelope.tokens(), { "content_filter", "content_policy_violation" })
        || envelope.innerError.value(QLatin1String("code")).toString() == QLatin1String("ResponsibleAIPolicyViolation");
}

QJsonObject filterResultsOf(const QJsonObject& object)
{
    // Azure writes the singular on some answers and errors, the plural on others.
    const QJsonValue plural = object.value(QLatin1String("content_filter_results"));
    return plural.isObject() ? plural.toObject() : object.value(QLatin1String("content_filter_result")).toObject();
}

// OpenAI's answer to a parameter this model does not take (max_tokens or temperature on a
// reasoning model): another model takes the same request.
bool saysModelRefusesParameter(const Envelope& envelope)
{
    return anyOf(envelope.tokens(), { "unsupported_parameter", "unsupported_value" });
}

FailureClass classFromStatus(int status, const Envelope& envelope)
{
    if (status == 401 || status == 403) {
        return FailureClass::Auth;
    }
    if (status == 402) {
        return FailureClass::QuotaExhausted;
    }
    if (status == 429) {
        return saysQuotaExhausted(envelope) ? FailureClass::QuotaExhausted : FailureClass::RateLimited;
    }
    if (status == 408 || status == 425) {
        return FailureClass::ServerError; // the server gave up waiting; a retry can succeed
    }
    if (status >= 400 && status < 500) {
        if (saysKeyInvalid(envelope)) {
            return FailureClass::Auth;
        }
        if (saysModelRefusesParameter(envelope)) {
            return FailureClass::Unsupported;
        }
        if (saysContentFiltered(envelope)) {
            return FailureClass::ContentFiltered;
        }
        return saysQuotaExhausted(envelope) ? FailureClass::QuotaExhausted : FailureClass::BadRequest;
    }
    if (status >= 500 && status < 600) {
        return FailureClass::ServerError;
    }
    return FailureClass::None;
}

// In-band errors carry no HTTP status: map the provider's type/code strings instead.
FailureClass classFromTokens(const Envelope& envelope)
{
    const QStringList tokens = envelope.tokens();
    if (saysQuotaExhausted(envelope)) {
        return FailureClass::QuotaExhausted;
    }
    if (saysKeyInvalid(envelope)
        || anyOf(tokens,
                 { "invalid_api_key", "authentication_error", "permission_error", "unauthenticated",
                   "permission_denied", "invalid_authentication", "accessdeniedexception",
                   "unrecognizedclientexception", "invalidsignatureexception", "expiredtokenexception" })) {
        return FailureClass::Auth;
    }
    if (anyOf(tokens,
              { "rate_limit_error", "rate_limit_exceeded", "resource_exhausted", "too_many_requests",
                "throttlingexception", "modelnotreadyexception" })) {
        return FailureClass::RateLimited;
    }
    if (saysModelRefusesParameter(envelope)) {
        return FailureClass::Unsupported;
    }
    if (saysContentFiltered(envelope)) {
        return FailureClass::ContentFiltered;
    }
    if (anyOf(tokens,
              { "invalid_request_error", "not_found_error", "request_too_large", "invalid_argument", "not_found",
                "context_length_exceeded", "model_not_found", "invalid_value", "validationexception",
                "resourcenotfoundexception" })) {
        return FailureClass::BadRequest;
    }
    if (envelope.numericCode >= 400) {
        const FailureClass byStatus = classFromStatus(envelope.numericCode, envelope);
        if (byStatus != FailureClass::None) {
            return byStatus;
        }
    }
    // overloaded_error, server_error, api_error, UNAVAILABLE and anything unknown: a stream that
    // broke off with an error after HTTP 200 is the provider's fault.
    return FailureClass::ServerError;
}

QByteArray header(const QList<std::pair<QByteArray, QByteArray>>& headers, const char* name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value.trimmed();
        }
    }
    return {};
}

QDateTime parseTimestamp(QByteArrayView text)
{
    QString string = QString::fromLatin1(text).trimmed();
    // HTTP dates end in "GMT", which Qt 6.4's RFC 2822 parser does not accept.
    if (string.endsWith(QLatin1String(" GMT"))) {
        string = string.chopped(3) + QLatin1String("+0000");
    }
    QDateTime time = QDateTime::fromString(string, Qt::RFC2822Date);
    if (!time.isValid()) {
        time = QDateTime::fromString(string, Qt::ISODateWithMs);
    }
    return time;
}

// Go-style durations ("6m0s", "1.574s", "172.799999ms") and plain seconds ("20", "1.5").
qint64 parseRelativeDuration(QByteArrayView text)
{
    static const QRegularExpression plain(QStringLiteral("^\\d+(\\.\\d+)?$"));
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|us|\\x{00B5}s|ns|h|m|s)"));
    const QString string = QString::fromUtf8(text).trimmed();
    if (string.isEmpty() || string.size() > 64) {
        return -1;
    }
    if (plain.match(string).hasMatch()) {
        const double ms = string.toDouble() * 1000.0;
        return ms <= 1e15 ? qint64(std::ceil(ms - 1e-6)) : -1; // absurd values would overflow the cast
    }
    double ms = 0;
    qsizetype consumed = 0;
    auto it = part.globalMatch(string);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedStart() != consumed) {
            return -1;
        }
        consumed = match.capturedEnd();
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        if (unit == QLatin1String("h")) {
            ms += value * 3600000.0;
        } else if (unit == QLatin1String("m")) {
            ms += value * 60000.0;
        } else if (unit == QLatin1String("s")) {
            ms += value * 1000.0;
        } else if (unit == QLatin1String("ms")) {
            ms += value;
        } else if (unit == QLatin1String("ns")) {
            ms += value / 1e6;
        } else {
            ms += value / 1000.0;
        }
    }
    if (consumed != string.size() || ms > 1e15) {
        return -1;
    }
    return qint64(std::ceil(ms - 1e-6));
}

// Seconds, a duration, or an absolute time measured from `now`.
qint64 parseDurationAt(QByteArrayView text, const QDateTime& now)
{
    const qint64 relative = parseRelativeDuration(text);
    if (relative >= 0) {
        return relative;
    }
    const QDateTime time = parseTimestamp(text);
    if (!time.isValid()) {
        return -1;
    }
    return qMax<qint64>(0, now.msecsTo(time));
}

qint64 retryHintFromBody(const Envelope& envelope)
{
    // Gemini: details[{"@type": ".../google.rpc.RetryInfo", "retryDelay": "34.4s"}]
    for (const QJsonValue& detail : envelope.details) {
        const QString delay = detail.toObject().value(QLatin1String("retryDelay")).toString();
        if (!delay.isEmpty()) {
            const qint64 ms = parseRelativeDuration(delay.toUtf8());
            if (ms >= 0) {
                return ms;
            }
        }
    }
    // OpenAI: "... Please try again in 1.574s."
    static const QRegularExpression tryAgain(QStringLiteral("try again in (\\d+(?:\\.\\d+)?(?:ms|s|m))"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = tryAgain.match(envelope.message);
    if (match.hasMatch()) {
        return parseRelativeDuration(match.captured(1).toUtf8());
    }
    // Azure OpenAI: "Please retry after 86400 seconds." / "Try again in 50 seconds."
    static const QRegularExpression retryAfter(QStringLiteral("(?:retry after|try again in) (\\d+) seconds?"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch azure = retryAfter.match(envelope.message);
    return azure.hasMatch() ? azure.captured(1).toLongLong() * 1000 : -1;
}

// x-ratelimit-reset-* (OpenAI, Groq) and anthropic-ratelimit-*-reset: wait for the exhausted
// dimensions; when none reads 0, for the longest reset.
qint64 retryHintFromRateLimitHeaders(const QList<std::pair<QByteArray, QByteArray>>& headers, const QDateTime& now)
{
    qint64 exhausted = -1;
    qint64 longest = -1;
    for (const auto& [key, value] : headers) {
        const QByteArray name = key.toLower();
        QByteArray remainingName;
        if (name.startsWith("x-ratelimit-reset-")) {
            remainingName = "x-ratelimit-remaining-" + name.mid(int(qstrlen("x-ratelimit-reset-")));
        } else if (name.startsWith("x-rate-limit-reset-")) {
            // Azure OpenAI's spelling (seconds), next to its x-ratelimit-remaining-* headers.
            remainingName = "x-ratelimit-remaining-" + name.mid(int(qstrlen("x-rate-limit-reset-")));
        } else if (name.startsWith("anthropic-ratelimit-") && name.endsWith("-reset")) {
            remainingName = name.chopped(int(qstrlen("reset"))) + "remaining";
        } else {
            continue;
        }
        const qint64 ms = parseDurationAt(value.trimmed(), now);
        if (ms < 0) {
            continue;
        }
        longest = qMax(longest, ms);
        if (header(headers, remainingName.constData()) == "0") {
            exhausted = qMax(exhausted, ms);
        }
    }
    return exhausted >= 0 ? exhausted : longest;
}
} // namespace

CallError ErrorClassifier::classifyHttpError(int httpStatus, const QList<std::pair<QByteArray, QByteArray>>& headers,
                                             const QByteArray& body)
{
    CallError error;
    error.httpStatus = httpStatus;
    QString parseError;
    const QJsonDocument document = WireJson::parse(body, &parseError);
    Envelope envelope;
    if (!document.isNull()) {
        envelope = readEnvelope(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    }
    // AWS puts the error's name in x-amzn-errortype ("ThrottlingException:http://internal.amazon.com/...")
    // and only {"message"} in the body.
    if (const QByteArray awsType = header(headers, "x-amzn-errortype"); !awsType.isEmpty()) {
        envelope.code
            = QString::fromLatin1(awsType.left(awsType.indexOf(':') < 0 ? awsType.size() : awsType.indexOf(':')));
    }
    error.message = envelope.message.isEmpty() ? WireJson::excerpt(body) : envelope.message;
    if (error.message.isEmpty()) {
        error.message
            = QCoreApplication::translate("ErrorClassifier", "HTTP status %1 with an empty body").arg(httpStatus);
    }
    error.providerCode = envelope.providerCode();
    error.param = envelope.param;
    error.failureClass = classFromStatus(httpStatus, envelope);
    if (error.failureClass == FailureClass::None) {
        // A status we never expect from an API (1xx, 3xx): not the protocol we speak.
        error.failureClass = FailureClass::MalformedResponse;
    }
    error.contextLengthExceeded = error.failureClass == FailureClass::BadRequest && saysContextTooLong(envelope);
    if (error.failureClass == FailureClass::ContentFiltered) {
        const CallError filtered
            = contentFiltered(true, filteredCategories(filterResultsOf(envelope.innerError)), envelope.message);
        error.message = filtered.message;
        if (error.param.isEmpty()) {
            error.param = QStringLiteral("prompt");
        }
    }

    const QByteArray date = header(headers, "date");
    QDateTime now = date.isEmpty() ? QDateTime() : parseTimestamp(date);
    if (!now.isValid()) {
        now = Clock::instance().currentDateTimeUtc();
    }
    bool ok = false;
    const double retryAfterMs = QString::fromLatin1(header(headers, "retry-after-ms")).toDouble(&ok);
    if (ok && retryAfterMs >= 0 && retryAfterMs < 1e15) {
        error.retryAfterMs = qint64(std::ceil(retryAfterMs));
    } else if (const QByteArray retryAfter = header(headers, "retry-after"); !retryAfter.isEmpty()) {
        error.retryAfterMs = parseDurationAt(retryAfter, now);
    }
    if (error.retryAfterMs < 0 && httpStatus == 429) {
        error.retryAfterMs = retryHintFromRateLimitHeaders(headers, now);
    }
    if (error.retryAfterMs < 0) {
        error.retryAfterMs = retryHintFromBody(envelope);
    }
    return error;
}

CallError ErrorClassifier::classifyInBandError(const QJsonObject& payload)
{
    const Envelope envelope = readEnvelope(payload);
    CallError error;
    error.failureClass = classFromTokens(envelope);
    error.httpStatus = envelope.numericCode >= 100 && envelope.numericCode < 600 ? envelope.numericCode : 0;
    error.message = envelope.message.isEmpty()
        ? QCoreApplication::translate("ErrorClassifier", "The provider reported an error in the stream")
        : envelope.message;
    error.providerCode = envelope.providerCode();
    error.param = envelope.param;
    error.contextLengthExceeded = error.failureClass == FailureClass::BadRequest && saysContextTooLong(envelope);
    error.retryAfterMs = retryHintFromBody(envelope);
    return error;
}

QStringList ErrorClassifier::filteredCategories(const QJsonObject& results)
{
    QStringList categories;
    for (auto it = results.constBegin(); it != results.constEnd(); ++it) {
        const QJsonObject category = it.value().toObject();
        if (category.value(QLatin1String("filtered")).toBool()) {
            categories.append(it.key());
        }
    }
    return categories;
}

CallError ErrorClassifier::contentFiltered(bool prompt, const QStringList& categories, const QString& providerMessage)
{
    CallError error;
    error.failureClass = FailureClass::ContentFiltered;
    error.providerCode = QStringLiteral("content_filter");
    error.param = prompt ? QStringLiteral("prompt") : QString();
    const QString which = categories.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(categories.join(u", "));
    error.message = prompt
        ? QCoreApplication::translate("ErrorClassifier",
                                      "The provider's content filter refused the prompt%1: a "
                                      "judgement of the content, not an outage.")
              .arg(which)
        : QCoreApplication::translate("ErrorClassifier",
                                      "The provider's content filter withheld the answer%1 (finish_reason "
                                      "content_filter).")
              .arg(which);
    if (!providerMessage.isEmpty()) {
        error.message += QLatin1Char(' ') + providerMessage;
    }
    return error;
}

qint64 ErrorClassifier::parseDuration(QByteArrayView text)
{
    return parseDurationAt(text, Clock::instance().currentDateTimeUtc());
}
