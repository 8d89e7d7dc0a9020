#include "core/gateway/GatewayError.h"

#include "core/routing/RoutedTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonArray attemptsJson(const RoutedError& error)
{
    QJsonArray list;
    for (const AttemptInfo& attempt : error.attempts) {
        QJsonObject item { { QStringLiteral("model"), attempt.modelId },
                           { QStringLiteral("provider"), attempt.providerId },
                           { QStringLiteral("reason"), AttemptReasons::id(attempt.reason) },
                           { QStringLiteral("outcome"), attempt.outcomeId() },
                           { QStringLiteral("latency_ms"), qMax<qint64>(0, attempt.endedMs - attempt.startedMs) } };
        if (attempt.error.isError()) {
            item.insert(QStringLiteral("status"), attempt.error.httpStatus);
            item.insert(QStringLiteral("error"), attempt.error.summary());
        }
        list.append(item);
    }
    for (const SkipInfo& skip : error.skipped) {
        QJsonObject item { { QStringLiteral("model"), skip.modelId },
                           { QStringLiteral("provider"), skip.providerId },
                           { QStringLiteral("outcome"), QStringLiteral("skipped") },
                           { QStringLiteral("error"), skip.reason } };
        if (!skip.field.isEmpty()) {
            item.insert(QStringLiteral("param"), skip.field);
        }
        list.append(item);
    }
    return list;
}
} // namespace

GatewayError GatewayError::badRequest(const QString& message, const QString& param, const QByteArray& code)
{
    return { 400, code, param, message, {} };
}

GatewayError GatewayError::fromRouted(const RoutedError& error)
{
    GatewayError out;
    out.attempts = attemptsJson(error);
    const CallError& last = error.lastError;
    QString message = error.message;
    if (last.isError()) {
        message
            += QLatin1Char(' ') + QCoreApplication::translate("GatewayError", "Last error: %1.").arg(last.summary());
    }
    if (error.attempts.size() > 1 || !error.skipped.isEmpty()) {
        QStringList tried;
        for (const AttemptInfo& attempt : error.attempts) {
            tried.append(attempt.modelId + QLatin1Char(' ') + attempt.outcomeId());
        }
        for (const SkipInfo& skip : error.skipped) {
            tried.append(skip.modelId + QLatin1String(" skipped (") + skip.reason + QLatin1Char(')'));
        }
        message += QLatin1Char(' ')
            + QCoreApplication::translate("GatewayError", "Attempts: %1.").arg(tried.join(QStringLiteral("; ")));
    }
    out.message = message;
    if (error.attempts.isEmpty() && error.onlyIncapable()) {
        // Every model's data says it cannot take something the client sent: the client's to change.
        out.status = 400;
        out.code = "model_not_capable";
        out.param = error.skipped.constFirst().field;
    } else if (error.attempts.isEmpty()) {
        out.status = 503;
        out.code = "no_model_available";
    } else if (last.failureClass == FailureClass::Unsupported) {
        // No model in the chain takes a field the client sent: the client's to change.
        out.status = 400;
        out.code = "unsupported_parameter";
        out.param = last.param;
    } else if (last.failureClass == FailureClass::ContentFiltered) {
        // As Azure answers it: the client's content, so a 400 with the provider's code and field.
        out.status = 400;
        out.code = "content_filter";
        out.param = last.param;
    } else if (last.failureClass == FailureClass::BadRequest) {
        out.status = 400;
        out.code = last.contextLengthExceeded ? QByteArrayLiteral("context_length_exceeded")
                                              : QByteArrayLiteral("upstream_rejected_request");
    } else if (FailureClasses::isTimeout(last.failureClass)) {
        out.status = 504;
        out.code = "upstream_timeout";
    } else {
        out.status = 502;
        out.code = "upstream_failed";
    }
    return out;
}

QByteArray GatewayError::openAiType() const
{
    switch (status) {
    case 401:
        return "authentication_error";
    case 404:
    case 400:
    case 413:
        return "invalid_request_error";
    case 429:
        return "rate_limit_error";
    default:
        return status >= 500 ? QByteArrayLiteral("upstream_error") : QByteArrayLiteral("invalid_request_error");
    }
}

QByteArray GatewayError::anthropicType() const
{
    switch (status) {
    case 401:
        return "authentication_error";
    case 403:
        return "permission_error";
    case 404:
        return "not_found_error";
    case 413:
        return "request_too_large";
    case 429:
        return "rate_limit_error";
    case 503:
        return "overloaded_error";
    default:
        return status >= 500 ? QByteArrayLiteral("api_error") : QByteArrayLiteral("invalid_request_error");
    }
}

QByteArray GatewayError::toOpenAiJson() const
{
    QJsonObject error { { QStringLiteral("message"), message },
                        { QStringLiteral("type"), QString::fromLatin1(openAiType()) },
                        { QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param) },
                        { QStringLiteral("code"),
                          code.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(code)) } };
    if (!attempts.isEmpty()) {
        error.insert(QStringLiteral("attempts"), attempts);
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact);
}

QByteArray GatewayError::toAnthropicJson() const
{
    QJsonObject error { { QStringLiteral("type"), QString::fromLatin1(anthropicType()) },
                        { QStringLiteral("message"), message } };
    if (!attempts.isEmpty()) {
        error.insert(QStringLiteral("attempts"), attempts);
    }
    return QJsonDocument(
               QJsonObject { { QStringLiteral("type"), QStringLiteral("error") }, { QStringLiteral("error"), error } })
        .toJson(QJsonDocument::Compact);
}
