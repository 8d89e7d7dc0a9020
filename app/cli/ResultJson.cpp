#include "app/cli/ResultJson.h"

#include "core/common/Money.h"
#include "core/pricing/CostCalculator.h"

#include <QCoreApplication>
#include <QJsonValue>

QJsonObject ResultJson::usage(const TokenUsage& usage)
{
    return {
        { QStringLiteral("prompt_tokens"), usage.promptTokens },
        { QStringLiteral("completion_tokens"), usage.completionTokens },
        { QStringLiteral("cached_tokens"), usage.cachedTokens },
        { QStringLiteral("reasoning_tokens"), usage.reasoningTokens },
        { QStringLiteral("estimated"), usage.estimated },
    };
}

QJsonObject ResultJson::error(const CallError& error)
{
    QJsonObject object {
        { QStringLiteral("class"), FailureClasses::id(error.failureClass) },
        { QStringLiteral("message"), error.message },
    };
    object.insert(QStringLiteral("http_status"), error.httpStatus > 0 ? QJsonValue(error.httpStatus) : QJsonValue());
    if (!error.providerCode.isEmpty()) {
        object.insert(QStringLiteral("provider_code"), error.providerCode);
    }
    if (error.retryAfterMs >= 0) {
        object.insert(QStringLiteral("retry_after_ms"), error.retryAfterMs);
    }
    return object;
}

QJsonObject ResultJson::result(const CallResult& result, const ModelPrice& price)
{
    const std::optional<double> cost = CostCalculator::cost(price, result.usage);
    QJsonObject object {
        { QStringLiteral("model"), result.modelId },
        { QStringLiteral("provider"), result.providerId },
        { QStringLiteral("text"), result.text },
        { QStringLiteral("finish_reason"), result.finishReason },
        { QStringLiteral("ttft_ms"), result.ttftMs >= 0 ? QJsonValue(result.ttftMs) : QJsonValue() },
        { QStringLiteral("latency_ms"), result.latencyMs },
        { QStringLiteral("usage"), usage(result.usage) },
        { QStringLiteral("cost_usd"), cost ? QJsonValue(*cost) : QJsonValue() },
        { QStringLiteral("cost_estimated"), result.usage.estimated },
    };
    if (!result.reasoning.isEmpty()) {
        object.insert(QStringLiteral("reasoning"), result.reasoning);
    }
    return object;
}

QString ResultJson::summaryLine(const CallResult& result, const ModelPrice& price)
{
    const std::optional<double> cost = CostCalculator::cost(price, result.usage);
    const QString tilde = result.usage.estimated ? QStringLiteral("~") : QString();
    const QString costText
        = cost ? tilde + Money::format(*cost) : QCoreApplication::translate("ResultJson", "unpriced");
    return QCoreApplication::translate("ResultJson",
                                       "[%1 · first token %2 ms · %3 ms · %4%5 in / %4%6 out tokens · %7]")
        .arg(result.modelId)
        .arg(result.ttftMs)
        .arg(result.latencyMs)
        .arg(tilde)
        .arg(result.usage.promptTokens)
        .arg(result.usage.completionTokens)
        .arg(costText);
}
