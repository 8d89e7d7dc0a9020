#include "app/cli/RouteCommand.h"

#include "app/cli/AskCommand.h"
#include "app/cli/Console.h"
#include "app/cli/ResultJson.h"
#include "core/engine/Engine.h"
#include "core/pricing/CostCalculator.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
QJsonArray attemptsJson(const QList<AttemptInfo>& attempts)
{
    QJsonArray array;
    for (const AttemptInfo& attempt : attempts) {
        QJsonObject object {
            { QStringLiteral("model"), attempt.modelId },
            { QStringLiteral("provider"), attempt.providerId },
            { QStringLiteral("reason"), AttemptReasons::id(attempt.reason) },
            { QStringLiteral("tier"), attempt.tier },
            { QStringLiteral("outcome"), attempt.outcomeId() },
            { QStringLiteral("ms"), attempt.endedMs - attempt.startedMs },
        };
        object.insert(QStringLiteral("failure_class"),
                      attempt.error.isError() ? QJsonValue(FailureClasses::id(attempt.error.failureClass))
                                              : QJsonValue());
        object.insert(QStringLiteral("http_status"),
                      attempt.error.httpStatus > 0 ? QJsonValue(attempt.error.httpStatus) : QJsonValue());
        if (attempt.error.isError()) {
            object.insert(QStringLiteral("message"), attempt.error.message);
        }
        array.append(object);
    }
    return array;
}

QJsonArray skippedJson(const QList<SkipInfo>& skipped)
{
    QJsonArray array;
    for (const SkipInfo& skip : skipped) {
        array.append(QJsonObject { { QStringLiteral("model"), skip.modelId },
                                   { QStringLiteral("provider"), skip.providerId },
                                   { QStringLiteral("reason"), skip.reason },
                                   { QStringLiteral("over_budget"), skip.overBudget } });
    }
    return array;
}

// What budgets did to the request: the tier asked for, the moves to cheaper tiers, warnings.
void insertBudget(QJsonObject& object, const QString& requestedTier, const QList<TierDowngrade>& downgrades,
                  const QStringList& warnings)
{
    object.insert(QStringLiteral("requested_tier"), requestedTier);
    QJsonArray moves;
    for (const TierDowngrade& downgrade : downgrades) {
        moves.append(QJsonObject { { QStringLiteral("from"), downgrade.fromTier },
                                   { QStringLiteral("to"), downgrade.toTier },
                                   { QStringLiteral("limit"), downgrade.limit },
                                   { QStringLiteral("text"), downgrade.text() } });
    }
    object.insert(QStringLiteral("downgrades"), moves);
    object.insert(QStringLiteral("budget_warnings"), QJsonArray::fromStringList(warnings));
}

ModelPrice priceOf(const Engine& engine, const QString& modelId)
{
    const ModelConfig* model = engine.model(modelId);
    return model ? model->price : ModelPrice {};
}
} // namespace

bool RouteCommand::parse(const QStringList& arguments)
{
    return parseChatOptions(QStringLiteral("route"), arguments, m_request, m_json, &m_model, &m_tags);
}

void RouteCommand::run(Engine& engine)
{
    RouteOptions options;
    options.source = RequestSource::Route;
    options.forcedModelOrGroup = m_model;
    start(this, engine, m_request, m_tags, options, m_json);
}

void RouteCommand::start(CliCommand* owner, Engine& engine, const ChatRequest& request, const QStringList& tags,
                         const RouteOptions& options, bool json)
{
    RoutedCall* call = engine.router()->route(request, tags, options, owner);
    engine.track(call, request, options.source);
    Engine* enginePtr = &engine;
    if (!json) {
        QObject::connect(
            call, &RoutedCall::decided, owner, [](const QString& tier, const QString& rule, const QString& why) {
                Console::err(
                    QCoreApplication::translate("RouteCommand", "→ tier %1 (rule %2: %3)\n").arg(tier, rule, why));
            });
        QObject::connect(call, &RoutedCall::attemptStarted, owner,
                         [](const QString& model, const QString& provider, AttemptReason reason) {
                             Console::err(QCoreApplication::translate("RouteCommand", "  trying %1 @ %2 (%3)\n")
                                              .arg(model, provider, AttemptReasons::id(reason)));
                         });
        QObject::connect(call, &RoutedCall::failedOver, owner,
                         [](const QString& from, const QString& to, const CallError& error) {
                             Console::err(QCoreApplication::translate("RouteCommand", "\n  failover %1 → %2: %3\n")
                                              .arg(from, to, error.summary()));
                         });
        QObject::connect(call, &RoutedCall::restarted, owner, [](const QString& next) {
            Console::err(
                QCoreApplication::translate("RouteCommand", "\n  (the answer so far is discarded; restarting on %1)\n")
                    .arg(next));
        });
        QObject::connect(call, &RoutedCall::downgraded, owner, [](const TierDowngrade& downgrade) {
            Console::err(QCoreApplication::translate("RouteCommand", "  budget: %1\n").arg(downgrade.text()));
        });
        QObject::connect(call, &RoutedCall::budgetWarning, owner, [](const QString& model, const QString& warning) {
            Console::err(
                QCoreApplication::translate("RouteCommand", "  budget warning (%1): %2\n").arg(model, warning));
        });
        QObject::connect(call, &RoutedCall::cacheAnswered, owner, [] {
            Console::err(
                QCoreApplication::translate("RouteCommand", "  every model failed; answering from the cache\n"));
        });
        QObject::connect(call, &RoutedCall::textReceived, owner, [](const QString& delta) { Console::out(delta); });
    }
    QObject::connect(call, &RoutedCall::finished, owner, [owner, enginePtr, json](const RoutedResult& result) {
        const ModelPrice price = priceOf(*enginePtr, result.modelId);
        if (json) {
            QJsonObject object = ResultJson::result(result, price);
            object.insert(QStringLiteral("tier"), result.tier);
            object.insert(QStringLiteral("rule"), result.ruleName);
            object.insert(QStringLiteral("cached"), result.cached);
            if (result.learned) {
                object.insert(QStringLiteral("learned"), result.learned->toJson());
            }
            object.insert(QStringLiteral("attempts"), attemptsJson(result.attempts));
            object.insert(QStringLiteral("skipped"), skippedJson(result.skipped));
            insertBudget(object, result.requestedTier, result.downgrades, result.budgetWarnings);
            Console::printJson(object);
        } else {
            Console::out(QStringLiteral("\n"));
            Console::err(ResultJson::summaryLine(result, price) + QLatin1Char('\n'));
        }
        emit owner->done(0);
    });
    QObject::connect(call, &RoutedCall::failed, owner, [owner, enginePtr, json](const RoutedError& error) {
        if (json) {
            // What the attempts that produced output used is billed (estimated), as in the ledger.
            const ModelPrice price
                = error.attempts.isEmpty() ? ModelPrice {} : priceOf(*enginePtr, error.attempts.constLast().modelId);
            const std::optional<double> cost
                = error.usage == TokenUsage {} ? std::nullopt : CostCalculator::cost(price, error.usage);
            QJsonObject object {
                { QStringLiteral("tier"), error.tier },
                { QStringLiteral("rule"), error.ruleName },
                { QStringLiteral("text"), error.partialText },
                { QStringLiteral("incomplete"), error.incomplete },
                { QStringLiteral("ttft_ms"), error.ttftMs >= 0 ? QJsonValue(error.ttftMs) : QJsonValue() },
                { QStringLiteral("usage"), ResultJson::usage(error.usage) },
                { QStringLiteral("cost_usd"), cost ? QJsonValue(*cost) : QJsonValue() },
                { QStringLiteral("cost_estimated"), error.usage.estimated },
                { QStringLiteral("attempts"), attemptsJson(error.attempts) },
                { QStringLiteral("skipped"), skippedJson(error.skipped) },
            };
            if (error.learned) {
                object.insert(QStringLiteral("learned"), error.learned->toJson());
            }
            insertBudget(object, error.requestedTier, error.downgrades, error.budgetWarnings);
            QJsonObject errorObject = ResultJson::error(error.lastError);
            errorObject.insert(QStringLiteral("message"), error.message);
            object.insert(QStringLiteral("error"), errorObject);
            Console::printJson(object);
        } else {
            if (!error.partialText.isEmpty()) {
                Console::out(QStringLiteral("\n"));
            }
            Console::err(error.details() + QLatin1Char('\n'));
        }
        emit owner->done(2);
    });
}
