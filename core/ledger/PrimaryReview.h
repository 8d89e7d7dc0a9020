#pragma once

#include "core/ledger/FailoverRateRule.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// "Reconsider your primary": per tier, the model its chain tries first, how often the requests it
// took first failed over, and how the chain's fallbacks held up, so the most reliable fallback
// can be promoted from evidence. The chains come from the routing policy (plain ids here: the
// ledger does not know the policy); the counts from the ledger (PrimaryReviewQueries).
class PrimaryReview final
{
public:
    struct Step
    {
        QString model;
        QString provider;
    };
    // One tier's chain, primary first (a step's first deployment).
    struct Chain
    {
        QString tier;
        QList<Step> steps;
    };

    // Requests of a tier that tried a model first, and those of them that failed over.
    struct Counts
    {
        qint64 requests = 0;
        qint64 failedOver = 0;
    };
    // Attempts answered or failed (cancelled and hedge-lost ones say nothing) and those that
    // failed through a provider fault (FailureClasses::isProviderFault), as the uptime chart counts.
    struct AttemptCounts
    {
        qint64 attempts = 0;
        qint64 faults = 0;
    };
    // (tier, model) -> Counts; (provider, model) -> AttemptCounts.
    using PrimaryCounts = QHash<std::pair<QString, QString>, Counts>;
    using ModelAttempts = QHash<std::pair<QString, QString>, AttemptCounts>;

    // How one model of a chain held up over the period, and its provider over all its models.
    struct Health
    {
        QString model;
        QString provider;
        AttemptCounts modelAttempts;
        AttemptCounts providerAttempts;

        // 1 - faults / attempts; nullopt without attempts.
        std::optional<double> successShare() const;
        std::optional<double> providerUptime() const;
        // What "most reliable" compares: the model's own success share, else its provider's
        // uptime; nullopt when neither had an attempt.
        std::optional<double> reliability() const;
    };

    struct Row
    {
        QString tier;
        Health primary;
        qint64 requests = 0; // requests of the tier that tried the primary first
        qint64 failedOver = 0;
        double failoverPercent = 0;
        bool reconsider = false; // FailoverRateRule::exceeded
        QList<Health> fallbacks; // in chain order, the primary's model left out
        int best = -1; // the fallback to promote: the most reliable one; -1 when none has data

        const Health* bestFallback() const { return best >= 0 ? &fallbacks.at(best) : nullptr; }
    };

    // One row per chain with at least one step, in the chains' order.
    static QList<Row> build(const QList<Chain>& chains, const PrimaryCounts& primaries, const ModelAttempts& attempts,
                            const FailoverRateRule& rule);
    // The index of the most reliable fallback whose reliability is known (ties: the earlier in the
    // chain, which the policy already preferred); -1 when none had an attempt.
    static int bestFallback(const QList<Health>& fallbacks);
};
