#include "core/ledger/PrimaryReview.h"

namespace {
std::optional<double> share(const PrimaryReview::AttemptCounts& counts)
{
    if (counts.attempts <= 0) {
        return std::nullopt;
    }
    return 1.0 - double(counts.faults) / double(counts.attempts);
}

PrimaryReview::Health healthOf(const PrimaryReview::Step& step, const PrimaryReview::ModelAttempts& attempts)
{
    PrimaryReview::Health health;
    health.model = step.model;
    health.provider = step.provider;
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        if (it.key().first != step.provider) {
            continue;
        }
        health.providerAttempts.attempts += it->attempts;
        health.providerAttempts.faults += it->faults;
        if (it.key().second == step.model) {
            health.modelAttempts.attempts += it->attempts;
            health.modelAttempts.faults += it->faults;
        }
    }
    return health;
}
} // namespace

std::optional<double> PrimaryReview::Health::successShare() const
{
    return share(modelAttempts);
}

std::optional<double> PrimaryReview::Health::providerUptime() const
{
    return share(providerAttempts);
}

std::optional<double> PrimaryReview::Health::reliability() const
{
    const std::optional<double> own = successShare();
    return own ? own : providerUptime();
}

QList<PrimaryReview::Row> PrimaryReview::build(const QList<Chain>& chains, const PrimaryCounts& primaries,
                                               const ModelAttempts& attempts, const FailoverRateRule& rule)
{
    QList<Row> rows;
    for (const Chain& chain : chains) {
        if (chain.steps.isEmpty()) {
            continue;
        }
        Row row;
        row.tier = chain.tier;
        row.primary = healthOf(chain.steps.first(), attempts);
        const Counts counts = primaries.value({ chain.tier, row.primary.model });
        row.requests = counts.requests;
        row.failedOver = counts.failedOver;
        row.failoverPercent = FailoverRateRule::ratePercent(row.requests, row.failedOver);
        row.reconsider = rule.exceeded(row.requests, row.failedOver);
        QStringList seen { row.primary.model };
        for (qsizetype i = 1; i < chain.steps.size(); ++i) {
            // A model listed twice is one fallback; the primary listed again is no alternative to itself.
            if (seen.contains(chain.steps.at(i).model)) {
                continue;
            }
            seen << chain.steps.at(i).model;
            row.fallbacks << healthOf(chain.steps.at(i), attempts);
        }
        row.best = bestFallback(row.fallbacks);
        rows << row;
    }
    return rows;
}

int PrimaryReview::bestFallback(const QList<Health>& fallbacks)
{
    int best = -1;
    double bestReliability = -1;
    for (int i = 0; i < fallbacks.size(); ++i) {
        const std::optional<double> reliability = fallbacks.at(i).reliability();
        if (reliability && *reliability > bestReliability) {
            best = i;
            bestReliability = *reliability;
        }
    }
    return best;
}
