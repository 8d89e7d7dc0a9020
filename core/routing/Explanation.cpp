#include "core/routing/Explanation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Explanation", text);
}

QJsonObject timeoutsJson(const Timeouts& timeouts)
{
    return { { QStringLiteral("connect_ms"), timeouts.connectMs },
             { QStringLiteral("first_token_ms"), timeouts.firstTokenMs },
             { QStringLiteral("idle_ms"), timeouts.idleMs },
             { QStringLiteral("total_ms"), timeouts.totalMs } };
}
} // namespace

QString Availability::kindId(SkipKind kind)
{
    switch (kind) {
    case SkipKind::None:
        return QStringLiteral("usable");
    case SkipKind::UnknownModel:
        return QStringLiteral("unknown_model");
    case SkipKind::UnknownProvider:
        return QStringLiteral("unknown_provider");
    case SkipKind::ProviderDisabled:
        return QStringLiteral("provider_disabled");
    case SkipKind::NoKey:
        return QStringLiteral("no_key");
    case SkipKind::CoolingDown:
        return QStringLiteral("cooling_down");
    case SkipKind::ProbeInUse:
        return QStringLiteral("probe_in_use");
    case SkipKind::OverBudget:
        return QStringLiteral("over_budget");
    case SkipKind::MissingCapability:
        return QStringLiteral("missing_capability");
    }
    return {};
}

bool Explanation::hasUsableModel() const
{
    auto usableIn = [](const QList<ExplainedStep>& steps) {
        for (const ExplainedStep& step : steps) {
            for (const ExplainedDeployment& deployment : step.deployments) {
                if (deployment.availability.usable()) {
                    return true;
                }
            }
        }
        return false;
    };
    if (usableIn(chain)) {
        return true;
    }
    for (const ExplainedDowngrade& downgrade : downgrades) {
        if (usableIn(downgrade.chain)) {
            return true;
        }
    }
    return false;
}

QJsonObject TierSettingsJson::toJson(const TierSettings& settings)
{
    return {
        { QStringLiteral("timeouts"), timeoutsJson(settings.timeouts) },
        { QStringLiteral("rate_limit_wait_cap_ms"), settings.rateLimitWaitCapMs },
        { QStringLiteral("quota_cooldown_sec"), settings.quotaCooldownSec },
        { QStringLiteral("cooldown"),
          QJsonObject { { QStringLiteral("failures"), settings.cooldown.failures },
                        { QStringLiteral("window_sec"), settings.cooldown.windowSec },
                        { QStringLiteral("duration_sec"), settings.cooldown.durationSec } } },
        { QStringLiteral("strategy"), LoadBalanceStrategies::id(settings.strategy) },
        { QStringLiteral("mid_stream"), MidStreamPolicies::id(settings.midStream) },
        { QStringLiteral("hedging"), settings.hedging },
        { QStringLiteral("hedge_after_ms"), settings.hedgeAfterMs },
        { QStringLiteral("cache_enabled"), settings.cacheEnabled },
    };
}

namespace {
QJsonArray chainJson(const QList<ExplainedStep>& chain)
{
    QJsonArray steps;
    for (const ExplainedStep& step : chain) {
        QJsonArray deployments;
        for (const ExplainedDeployment& deployment : step.deployments) {
            QJsonObject entry { { QStringLiteral("model"), deployment.modelId },
                                { QStringLiteral("provider"), deployment.providerId },
                                { QStringLiteral("weight"), deployment.weight },
                                { QStringLiteral("usable"), deployment.availability.usable() },
                                { QStringLiteral("timeouts"), deployment.timeouts.toJson() } };
            if (!deployment.availability.usable()) {
                entry.insert(QStringLiteral("skip"), Availability::kindId(deployment.availability.kind));
                entry.insert(QStringLiteral("reason"), deployment.availability.reason);
            }
            if (deployment.availability.untilMs > 0) {
                entry.insert(QStringLiteral("until_ms"), deployment.availability.untilMs);
            }
            if (!deployment.availability.warning.isEmpty()) {
                entry.insert(QStringLiteral("budget_warning"), deployment.availability.warning);
            }
            deployments.append(entry);
        }
        steps.append(QJsonObject { { QStringLiteral("deployments"), deployments } });
    }
    return steps;
}

void appendChainText(QStringList& lines, const QList<ExplainedStep>& chain)
{
    if (chain.isEmpty()) {
        lines << QCoreApplication::translate("Explanation", "  (empty: no model to call)");
    }
    for (int index = 0; index < chain.size(); ++index) {
        for (const ExplainedDeployment& deployment : chain.at(index).deployments) {
            const QString where = deployment.providerId.isEmpty()
                ? QString()
                : QCoreApplication::translate("Explanation", " on %1").arg(deployment.providerId);
            QString status = deployment.availability.usable()
                ? QCoreApplication::translate("Explanation", "ready")
                : QCoreApplication::translate("Explanation", "skipped: %1").arg(deployment.availability.reason);
            if (!deployment.availability.warning.isEmpty()) {
                status += QCoreApplication::translate("Explanation", " (budget warning: %1)")
                              .arg(deployment.availability.warning);
            }
            lines << QCoreApplication::translate("Explanation", "  %1. %2%3 - %4")
                         .arg(index + 1)
                         .arg(deployment.modelId, where, status);
            lines << QCoreApplication::translate("Explanation", "     timeouts: %1").arg(deployment.timeouts.toText());
        }
    }
}
} // namespace

QJsonObject Explanation::toJson() const
{
    const QJsonArray steps = chainJson(chain);
    QJsonObject json {
        { QStringLiteral("rule"),
          QJsonObject { { QStringLiteral("index"), rule.ruleIndex },
                        { QStringLiteral("name"), rule.ruleName },
                        { QStringLiteral("why"), rule.why } } },
        { QStringLiteral("tier"), tier },
        { QStringLiteral("forced"), forced },
        { QStringLiteral("chain"), steps },
        { QStringLiteral("settings"), TierSettingsJson::toJson(settings) },
    };
    if (!group.isEmpty()) {
        json.insert(QStringLiteral("group"), group);
    }
    if (!wildcard.isEmpty()) {
        json.insert(QStringLiteral("wildcard"), wildcard);
    }
    if (!rule.pinnedModel.isEmpty()) {
        json.insert(QStringLiteral("pinned_model"), rule.pinnedModel);
    }
    if (rule.learned) {
        json.insert(QStringLiteral("learned"), rule.learned->toJson());
    }
    if (!problems.isEmpty()) {
        json.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    }
    if (!downgrades.isEmpty()) {
        QJsonArray moves;
        for (const ExplainedDowngrade& move : downgrades) {
            moves.append(QJsonObject { { QStringLiteral("from"), move.downgrade.fromTier },
                                       { QStringLiteral("to"), move.downgrade.toTier },
                                       { QStringLiteral("limit"), move.downgrade.limit },
                                       { QStringLiteral("text"), move.downgrade.text() },
                                       { QStringLiteral("chain"), chainJson(move.chain) } });
        }
        json.insert(QStringLiteral("downgrades"), moves);
        json.insert(QStringLiteral("final_tier"), finalTier());
    }
    if (!budgetRefusal.isEmpty()) {
        json.insert(QStringLiteral("budget_refusal"), budgetRefusal);
    }
    return json;
}

QString Explanation::toText() const
{
    QStringList lines;
    if (forced) {
        lines << tr("Forced: %1").arg(group.isEmpty() ? tier : group);
    } else if (rule.matchedRule()) {
        lines << tr("Rule %1 \"%2\" fired: %3").arg(rule.ruleIndex + 1).arg(rule.ruleName, rule.why);
    } else {
        lines << tr("No rule fired: %1").arg(rule.why);
    }
    if (!tier.isEmpty()) {
        lines << tr("Tier: %1").arg(tier);
    }
    if (!group.isEmpty()) {
        lines << tr("Group: %1").arg(group);
    }
    if (!wildcard.isEmpty()) {
        lines << tr("Wildcard: %1 matched \"%2\"; the name is passed through to the provider").arg(wildcard, group);
    }
    if (rule.learned) {
        lines << (rule.learned->strong ? tr("Learned router: p_strong %1, threshold %2: strong model %3")
                                       : tr("Learned router: p_strong %1, threshold %2: weak model %3"))
                     .arg(rule.learned->pStrong, 0, 'f', 3)
                     .arg(rule.learned->threshold, 0, 'f', 2)
                     .arg(rule.learned->model);
    } else if (!rule.pinnedModel.isEmpty()) {
        lines << tr("Pinned model: %1").arg(rule.pinnedModel);
    }
    lines << tr("Chain:");
    appendChainText(lines, chain);
    for (const ExplainedDowngrade& move : downgrades) {
        lines << tr("Budget: %1").arg(move.downgrade.text());
        lines << tr("Chain of tier %1:").arg(move.downgrade.toTier);
        appendChainText(lines, move.chain);
    }
    if (!budgetRefusal.isEmpty()) {
        lines << tr("Budget: %1").arg(budgetRefusal);
    }
    const Timeouts& t = settings.timeouts;
    lines << tr("Settings: timeouts connect %1 ms, first token %2 ms, idle %3 ms, total %4 ms")
                 .arg(t.connectMs)
                 .arg(t.firstTokenMs)
                 .arg(t.idleMs)
                 .arg(t.totalMs);
    lines << tr("  rate-limit wait cap %1 ms; quota cooldown %2 s; cooldown after %3 failures in %4 s for %5 s")
                 .arg(settings.rateLimitWaitCapMs)
                 .arg(settings.quotaCooldownSec)
                 .arg(settings.cooldown.failures)
                 .arg(settings.cooldown.windowSec)
                 .arg(settings.cooldown.durationSec);
    lines << tr("  balancing %1; mid-stream %2; hedging %3; cache %4")
                 .arg(LoadBalanceStrategies::id(settings.strategy), MidStreamPolicies::id(settings.midStream),
                      settings.hedging ? tr("after %1 ms").arg(settings.hedgeAfterMs) : tr("off"),
                      settings.cacheEnabled ? tr("on") : tr("off"));
    for (const QString& problem : problems) {
        lines << tr("Problem: %1").arg(problem);
    }
    return lines.join(QLatin1Char('\n'));
}
