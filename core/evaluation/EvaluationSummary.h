#pragma once

#include "core/evaluation/EvaluationCell.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// One model's figures over an evaluation's graded cells.
struct ModelSummary
{
    QString model;
    int graded = 0; // cells answered and graded
    int passes = 0;
    int errors = 0; // cells a grader could not judge (counted as not passed)
    int failedCalls = 0; // cells whose call failed (not graded; asked again on resume)
    double passRate = 0;
    double wilsonLow = 0; // 95 % Wilson score interval of the pass rate
    double wilsonHigh = 0;
    double costUsd = 0; // the model's calls (priced ones)
    int unpricedCalls = 0;
    double judgeCostUsd = 0; // what judging its answers cost
    std::optional<double> costPerPass; // nullopt without a pass or with unpriced calls
    std::optional<double> costPerPrompt;
    qint64 p50LatencyMs = 0;
    qint64 p95LatencyMs = 0;

    bool operator==(const ModelSummary&) const = default;
};

// Totals per model, and the cheapest model whose pass rate is not significantly below the best's
// (a one-sided two-proportion z-test at 5 %), by cost per prompt. Pure functions over cells.
class EvaluationSummary final
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationSummary)

public:
    static constexpr double kZ95 = 1.959963984540054; // two-sided 95 %
    static constexpr double kZOneSided95 = 1.6448536269514722;

    // In the order of `models`.
    static QList<ModelSummary> of(const QList<EvaluationCell>& cells, const QStringList& models);
    // The 95 % Wilson score interval of passes out of n ({0, 1} for n = 0).
    static std::pair<double, double> wilson(int passes, int n);
    // Nearest-rank percentile (q in (0, 1]) of the values; 0 for none.
    static qint64 percentile(QList<qint64> values, double q);
    // Whether a's pass rate is significantly below b's.
    static bool significantlyBelow(const ModelSummary& a, const ModelSummary& b);

    struct Suggestion
    {
        QString model; // empty: nothing graded, or no model priced
        QString best; // the model with the highest pass rate
        QString reason; // one translated sentence
    };
    static Suggestion cheapestPassing(const QList<ModelSummary>& summaries);
};
