#include "core/learning/LearnedRouter.h"
#include "core/learning/PromptFile.h"
#include "core/learning/RouterTrainer.h"
#include "core/learning/RoutingQuality.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <ctime>

// The split is fixed and independent of any setting: a row is held out when the first 8 hex
// digits of its id (itself a sha1 prefix) are 0, 1 or 2 mod 10, i.e. 30% of the pool. Training
// and cross-validation see only the other 70%; the held-out rows are scored once, at the end.
namespace {
constexpr auto kWeak = "mixtral-8x7b-instruct";
constexpr auto kStrong = "gpt-4-1106-preview";

bool heldOut(const QString& id)
{
    return id.left(8).toULongLong(nullptr, 16) % 10 < 3;
}

TrainingExample example(const PromptRow& row)
{
    return { row.prompt, row.scores.value(QLatin1String(kWeak)), row.scores.value(QLatin1String(kStrong)) };
}

QString percent(double share)
{
    return QStringLiteral("%1%").arg(share * 100, 0, 'f', 1);
}

void printHeldOut(QTextStream& out, const QString& name, const LearnedRouter& router,
                  const std::vector<TrainingExample>& test)
{
    std::vector<ScoredPrompt> scored;
    for (const TrainingExample& e : test) {
        scored.push_back({ router.pStrong(e.prompt), e.weak, e.strong });
    }
    const RoutingQuality quality(std::move(scored));
    out << QStringLiteral("%1 held-out (%2 prompts): APGR %3  CPT(50%) %4  CPT(80%) %5\n")
               .arg(name, -26)
               .arg(quality.size())
               .arg(quality.apgr(), 0, 'f', 3)
               .arg(percent(quality.cpt(0.5)), percent(quality.cpt(0.8)));
}
} // namespace

int runLearningBenchmarks(const QStringList& args)
{
    QTextStream out(stdout);
    const qsizetype fileAt = args.indexOf(QStringLiteral("--file"));
    const QString path
        = fileAt >= 0 && fileAt + 1 < args.size() ? args.at(fileAt + 1) : QStringLiteral(SWITCHYARD_ROUTER_TRAIN);
    const PromptFile file = PromptFile::read(path);
    if (!file.ok()) {
        out << file.errorString() << '\n';
        return 1;
    }
    std::vector<TrainingExample> train;
    std::vector<TrainingExample> test;
    std::vector<TrainingExample> all;
    for (const PromptRow& row : file.rows()) {
        (heldOut(row.id) ? test : train).push_back(example(row));
        all.push_back(example(row));
    }
    out << QStringLiteral("pool %1 prompts: %2 for training, %3 held out\n")
               .arg(file.rows().size())
               .arg(train.size())
               .arg(test.size());
    out.flush();

    // The router as `switchyard router train` builds it; `-- --seed N` trains with another seed
    // (shuffles, folds and SGD order), to see how far the figures move by chance alone.
    TrainingOptions options;
    const qsizetype seedAt = args.indexOf(QStringLiteral("--seed"));
    if (seedAt >= 0 && seedAt + 1 < args.size()) {
        options.seed = args.at(seedAt + 1).toUInt();
    }
    out << QStringLiteral("seed %1\n").arg(options.seed);
    TrainingReport report;
    QString error;
    const auto router = RouterTrainer(options).train(train, &report, &error);
    if (!router) {
        out << error << '\n';
        return 1;
    }
    out << QStringLiteral("cross-validation on the training part (5 folds; APGR, CPT(50%), CPT(80%)):\n");
    for (const CrossValidationPoint& point : report.curve) {
        out << QStringLiteral("  %1 lambda=%2  %3  %4  %5%6\n")
                   .arg(LabelModes::id(point.labelMode), -13)
                   .arg(point.lambda, -7, 'g', 2)
                   .arg(point.apgr, 0, 'f', 3)
                   .arg(percent(point.cpt50), 6)
                   .arg(percent(point.cpt80), 6)
                   .arg(point.labelMode == report.chosen.labelMode && point.lambda == report.chosen.lambda
                            ? QStringLiteral("  <- chosen")
                            : QString());
    }
    if (!report.boostingCurve.isEmpty()) {
        out << QStringLiteral("boosted trees over the out-of-fold scores and the prompt's shape, same folds:\n");
        for (const BoostingPoint& point : report.boostingCurve) {
            const bool kept
                = report.boosted && report.boosted->depth == point.depth && report.boosted->rounds == point.rounds;
            out << QStringLiteral("  depth %1 rounds %2  %3  %4  %5%6\n")
                       .arg(point.depth)
                       .arg(point.rounds, -4)
                       .arg(point.apgr, 0, 'f', 3)
                       .arg(percent(point.cpt50), 6)
                       .arg(percent(point.cpt80), 6)
                       .arg(kept ? QStringLiteral("  <- kept") : QString());
        }
        if (!report.boosted) {
            out << QStringLiteral("  (not kept: the linear router cross-validates better)\n");
        }
    }
    printHeldOut(out, QStringLiteral("learned router"), *router, test);

    // The plain baseline the issue names: word unigram TF-IDF, logistic regression on "strong
    // scored higher", the same split and cross-validated L2 strength.
    TrainingOptions baseline;
    baseline.boosting = false;
    baseline.features.wordBigrams = false;
    baseline.features.charWeight = 0;
    baseline.features.shapeWeight = 0;
    baseline.features.wordWeight = 1;
    baseline.labelModes = { LabelMode::StrongBetter };
    const auto plain = RouterTrainer(baseline).train(train, nullptr, &error);
    if (plain) {
        printHeldOut(out, QStringLiteral("baseline (TF-IDF words)"), *plain, test);
    }
    out.flush();

    // Decision time: one featurizer, as the rule engine uses per thread.
    std::vector<qint64> nanos;
    nanos.reserve(test.size());
    TextFeaturizer featurizer(router->features());
    double sink = 0;
    for (const TrainingExample& e : test) {
        QElapsedTimer timer;
        timer.start();
        sink += router->pStrong(e.prompt, featurizer);
        nanos.push_back(timer.nsecsElapsed());
    }
    std::sort(nanos.begin(), nanos.end());
    out << QStringLiteral("decision: median %1 us, p95 %2 us, max %3 us (%4 prompts, checksum %5)\n")
               .arg(double(nanos[nanos.size() / 2]) / 1000.0, 0, 'f', 1)
               .arg(double(nanos[nanos.size() * 95 / 100]) / 1000.0, 0, 'f', 1)
               .arg(double(nanos.back()) / 1000.0, 0, 'f', 1)
               .arg(nanos.size())
               .arg(sink, 0, 'f', 3);
    out << QStringLiteral("model file: %1 MB\n").arg(double(router->serialize().size()) / 1e6, 0, 'f', 2);
    out.flush();

    // Training time on 10,000 prompts with cross-validation, two threads.
    std::vector<TrainingExample> tenThousand(all.begin(), all.begin() + std::min<std::size_t>(10000, all.size()));
    // CPU time too: on the shared 2-core host the wall clock mostly measures the other builds.
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const auto full = RouterTrainer().train(tenThousand, nullptr, &error);
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    out << QStringLiteral("training %1 prompts (2 threads, %2 grid points x 5 folds, 2 extra linear scores x 5 "
                          "folds, then %3 depths of boosted trees x 5 folds + the trees on all prompts): %4 s "
                          "wall, %5 s CPU (both threads)\n")
               .arg(tenThousand.size())
               .arg(report.curve.size())
               .arg(options.boostingDepths.size())
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
               .arg(cpuSeconds, 0, 'f', 1);
    return full ? 0 : 1;
}
