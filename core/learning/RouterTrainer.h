#pragma once

#include "core/learning/BoostedTrees.h"
#include "core/learning/LearnedRouter.h"
#include "core/learning/RoutingQuality.h"
#include "core/learning/TextFeatures.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

// What a prompt's label is made of.
enum class LabelMode
{
    StrongBetter, // "strong_better": 1 when the strong model scored higher, else 0
    ScoreGap, // "score_gap": (strong - weak + 1) / 2, a soft label that keeps how much better
};

namespace LabelModes {
QString id(LabelMode mode);
std::optional<LabelMode> fromId(const QString& id);
} // namespace LabelModes

namespace Calibration {
// Platt scaling: the slope and intercept of p = sigmoid(slope * margin + intercept) that best fit
// the 0/1 targets (maximum likelihood, by Newton's method with step halving).
std::pair<double, double> fit(const std::vector<double>& margins, const std::vector<double>& targets);
} // namespace Calibration

struct TrainingExample
{
    QString prompt;
    double weak = 0;
    double strong = 0;
};

struct TrainingOptions
{
    FeatureSettings features;
    // The grid cross-validation searches: every label mode x every L2 strength.
    QList<LabelMode> labelModes { LabelMode::StrongBetter, LabelMode::ScoreGap };
    QList<double> lambdas { 3e-5, 1e-4, 3e-4, 1e-3, 3e-3 };
    int folds = 5;
    int epochs = 10;
    double learningRate = 0.5;
    quint32 seed = 1;
    int threads = 2;
    // Boosted trees stacked on the linear score, two more linear scores ("the weak model fails",
    // "the strong model is right", L2 auxiliaryLambda) and the prompt's shape (PromptShape),
    // cross-validated over the depths x the rounds on the same folds; kept only when they beat the
    // linear model there.
    bool boosting = true;
    double auxiliaryLambda = 1e-4;
    QList<int> boostingDepths { 3, 4 };
    QList<int> boostingRounds { 100, 200, 300, 400, 600 };
    BoostingSettings boostingSettings; // its depth and rounds come from the lists above
};

// One grid point of the cross-validation: the mean over the folds of each figure.
struct CrossValidationPoint
{
    LabelMode labelMode = LabelMode::StrongBetter;
    double lambda = 0;
    double apgr = 0;
    double cpt50 = 0;
    double cpt80 = 0;

    QJsonObject toJson() const;
};

// One point of the boosted trees' cross-validation (the same folds as the linear grid's).
struct BoostingPoint
{
    int depth = 0;
    int rounds = 0;
    double apgr = 0;
    double cpt50 = 0;
    double cpt80 = 0;

    QJsonObject toJson() const;
};

struct TrainingReport
{
    QList<CrossValidationPoint> curve; // in grid order
    CrossValidationPoint chosen; // highest APGR
    QList<BoostingPoint> boostingCurve; // depths x rounds; empty when boosting is off
    std::optional<BoostingPoint> boosted; // the trees kept, when they beat `chosen`
    // For thresholds 0.05, 0.10 ... 0.95 on the calibrated out-of-fold estimates of the chosen
    // setting: the share of prompts sent to the strong model and the share of the gap recovered.
    QList<QualityPoint> thresholds;
    int examples = 0;
    double seconds = 0;

    QJsonObject toJson() const;
};

// Trains a LearnedRouter: features and idf over the examples, k-fold cross-validation over the
// grid (folds run on `threads` threads), the chosen point's fold models averaged into the router's
// weights; then the boosted trees over the out-of-fold linear scores, cross-validated on the same
// folds and kept (fitted on all examples, averaged with the fold trees) when they rank better; a
// calibration fitted on the out-of-fold estimates of what is kept.
// Deterministic for a seed, whatever the thread count.
class RouterTrainer final
{
public:
    // done/total grid fits; called from worker threads.
    using Progress = std::function<void(int done, int total)>;

    explicit RouterTrainer(TrainingOptions options = {});

    std::optional<LearnedRouter> train(const std::vector<TrainingExample>& examples, TrainingReport* report,
                                       QString* error, const Progress& progress = {},
                                       const std::atomic_bool* cancel = nullptr) const;

private:
    TrainingOptions m_options;
};
