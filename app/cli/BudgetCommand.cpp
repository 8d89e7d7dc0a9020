#include "app/cli/BudgetCommand.h"

#include "app/cli/Console.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/pricing/BudgetTracker.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

bool BudgetCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show where each budget stands: spent, held by running batch jobs, and the limit."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(jsonOption);
    if (!Console::parseArguments(parser, QStringLiteral("switchyard budget"), arguments)) {
        return false;
    }
    m_json = parser.isSet(jsonOption);
    return true;
}

void BudgetCommand::run(Engine& engine)
{
    const BudgetTracker* budgets = engine.budgets();
    QList<ScopeUsage> scopes = budgets->usage();
    const QStringList providers = budgets->settings().perProvider.keys();
    for (const QString& provider : providers) {
        for (const ScopeUsage& scope : budgets->usage(provider)) {
            if (scope.scope.providerId == provider) {
                scopes.append(scope);
            }
        }
    }
    if (m_json) {
        QJsonArray list;
        for (const ScopeUsage& scope : std::as_const(scopes)) {
            list.append(QJsonObject { { QStringLiteral("scope"), scope.scope.id() },
                                      { QStringLiteral("limit_usd"), scope.limitUsd },
                                      { QStringLiteral("spent_usd"), scope.spentUsd },
                                      { QStringLiteral("batch_held_usd"), scope.batchHeldUsd },
                                      { QStringLiteral("used_fraction"), scope.usedFraction() } });
        }
        Console::printJson({ { QStringLiteral("budgets"), list } });
        emit done(0);
        return;
    }
    if (scopes.isEmpty()) {
        Console::out(tr("No budget limit is set (Settings > Budgets, or a provider's own limits).\n"));
        emit done(0);
        return;
    }
    QString text;
    for (const ScopeUsage& scope : std::as_const(scopes)) {
        const QString percent = QString::number(qRound(scope.usedFraction() * 100));
        text += (scope.batchHeldUsd > 0
                     ? tr("%1: %2 spent + %3 held by running batch jobs of %4 (%5 %)")
                           .arg(scope.scope.displayName(), Money::format(scope.spentUsd),
                                Money::format(scope.batchHeldUsd), Money::format(scope.limitUsd), percent)
                     : tr("%1: %2 spent of %3 (%4 %)")
                           .arg(scope.scope.displayName(), Money::format(scope.spentUsd), Money::format(scope.limitUsd),
                                percent))
            + QLatin1Char('\n');
    }
    Console::out(text);
    emit done(0);
}
