#include "app/cli/RouterCommand.h"

#include "app/cli/Console.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationEvidence.h"
#include "core/learning/LearnedRouter.h"
#include "core/learning/PromptFile.h"
#include "core/learning/RouterTrainer.h"
#include "core/ledger/LedgerQueries.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <memory>

namespace {
QString percent(double share)
{
    return QStringLiteral("%1%").arg(share * 100.0, 0, 'f', 1);
}

// The weak and strong score keys: as given, else the two keys every row has, the one with the
// lower mean being the weak model. Empty with *error set when they cannot be chosen.
bool chooseModels(const PromptFile& file, const QString& path, QString* weak, QString* strong, QString* error)
{
    const QStringList keys = file.commonScoreKeys();
    for (const QString* given : { weak, strong }) {
        if (given->isEmpty() || keys.contains(*given)) {
            continue;
        }
        for (const PromptRow& row : file.rows()) {
            if (!row.scores.contains(*given)) {
                *error = QCoreApplication::translate("RouterCommand", "%1:%2: no score for \"%3\"")
                             .arg(path)
                             .arg(row.line)
                             .arg(*given);
                return false;
            }
        }
    }
    if (weak->isEmpty() != strong->isEmpty()) {
        QStringList others = keys;
        others.removeAll(weak->isEmpty() ? *strong : *weak);
        if (others.size() != 1) {
            *error = QCoreApplication::translate("RouterCommand",
                                                 "cannot tell the other model: every row scores %1; name both "
                                                 "with --weak and --strong")
                         .arg(keys.join(QStringLiteral(", ")));
            return false;
        }
        (weak->isEmpty() ? *weak : *strong) = others.first();
    } else if (weak->isEmpty()) {
        if (keys.size() != 2) {
            *error = QCoreApplication::translate("RouterCommand",
                                                 "expected exactly two score keys in every row, found %1; name "
                                                 "the models with --weak and --strong")
                         .arg(keys.isEmpty() ? QStringLiteral("-") : keys.join(QStringLiteral(", ")));
            return false;
        }
        const bool firstIsWeak = file.meanScore(keys.at(0)) <= file.meanScore(keys.at(1));
        *weak = keys.at(firstIsWeak ? 0 : 1);
        *strong = keys.at(firstIsWeak ? 1 : 0);
    }
    if (*weak == *strong) {
        *error = QCoreApplication::translate("RouterCommand", "the weak and the strong model must differ");
        return false;
    }
    return true;
}
} // namespace

bool RouterCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Train the learned router from prompts scored by a weak and a strong model, or score prompts with it. "
           "Rows are JSON lines {\"id\", \"prompt\", \"scores\": {MODEL: score}}."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("train or score"), QStringLiteral("train|score"));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("A JSONL file of prompts."), QStringLiteral("FILE.jsonl"));
    const QCommandLineOption weak(QStringLiteral("weak"), tr("The score key of the weak (cheap) model."),
                                  QStringLiteral("KEY"));
    const QCommandLineOption strong(QStringLiteral("strong"), tr("The score key of the strong model."),
                                    QStringLiteral("KEY"));
    const QCommandLineOption votes(QStringLiteral("votes"),
                                   tr("Also train on the workbench's votes in the ledger: comparisons of the --weak "
                                      "and --strong models (as the ledger names them), the winner scored 1."));
    const QCommandLineOption evaluation(QStringLiteral("evaluation"),
                                        tr("Also train on evaluation ID in the ledger (repeatable): each prompt both "
                                           "the --weak and the --strong model answered, a pass scored 1."),
                                        QStringLiteral("ID"));
    parser.addOptions({ weak, strong, votes, evaluation });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard router"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    m_votes = parser.isSet(votes);
    m_evaluations.clear();
    for (const QString& value : parser.values(evaluation)) {
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        if (!ok || id <= 0) {
            Console::fail(tr("--evaluation needs an evaluation id, not \"%1\"").arg(value), 64);
            return false;
        }
        m_evaluations.append(id);
    }
    const bool fileOptional = (m_votes || !m_evaluations.isEmpty()) && positional.size() == 1;
    if ((positional.size() != 2 && !fileOptional)
        || (positional.at(0) != QLatin1String("train") && positional.at(0) != QLatin1String("score"))) {
        Console::fail(tr("usage: switchyard router train|score FILE.jsonl, or router train --votes|--evaluation ID "
                         "--weak MODEL --strong MODEL [FILE.jsonl]"),
                      64);
        return false;
    }
    m_action = positional.at(0) == QLatin1String("train") ? Action::Train : Action::Score;
    m_file = positional.size() == 2 ? positional.at(1) : QString();
    m_weak = parser.value(weak);
    m_strong = parser.value(strong);
    if (m_votes && (m_action != Action::Train || m_weak.isEmpty() || m_strong.isEmpty())) {
        Console::fail(tr("--votes is an option of `router train` and needs --weak and --strong"), 64);
        return false;
    }
    if (!m_evaluations.isEmpty() && (m_action != Action::Train || m_weak.isEmpty() || m_strong.isEmpty())) {
        Console::fail(tr("--evaluation is an option of `router train` and needs --weak and --strong"), 64);
        return false;
    }
    if (m_action == Action::Score && (!m_weak.isEmpty() || !m_strong.isEmpty())) {
        Console::fail(tr("--weak and --strong are options of `router train`"), 64);
        return false;
    }
    return true;
}

void RouterCommand::run(Engine&)
{
    if (m_action == Action::Train) {
        train();
    } else {
        score();
    }
}

void RouterCommand::train()
{
    auto examples = std::make_shared<std::vector<TrainingExample>>();
    if (!m_file.isEmpty()) {
        const PromptFile file = PromptFile::read(m_file);
        if (!file.ok()) {
            emit done(Console::fail(file.errorString(), ExitUnparsable));
            return;
        }
        QString error;
        if (!chooseModels(file, m_file, &m_weak, &m_strong, &error)) {
            emit done(Console::fail(error, ExitUnparsable));
            return;
        }
        examples->reserve(std::size_t(file.rows().size()));
        for (const PromptRow& row : file.rows()) {
            examples->push_back({ row.prompt, row.scores.value(m_weak), row.scores.value(m_strong) });
        }
    }
    int fromVotes = 0;
    if (m_votes) {
        // The user's own evidence: each comparison of the two models a vote decided.
        LedgerQueries queries(Engine::ledgerLocation({}, HomeSettings::homeDir()));
        const QList<VotedRun> runs = queries.votedRuns();
        if (!queries.errorString().isEmpty()) {
            emit done(Console::fail(tr("cannot read the votes: %1").arg(queries.errorString())));
            return;
        }
        for (const VotedRun& run : runs) {
            const auto has = [&run](const QString& model) {
                return std::any_of(run.columns.cbegin(), run.columns.cend(),
                                   [&model](const VotedColumn& column) { return column.model == model; });
            };
            const bool weakWon = run.winnerModel == m_weak;
            const bool strongWon = run.winnerModel == m_strong;
            if (run.prompt.isEmpty() || !has(m_weak) || !has(m_strong) || (!run.tie && !weakWon && !strongWon)) {
                continue; // another pair, a third model won, or the prompt was not stored
            }
            examples->push_back({ run.prompt, strongWon ? 0.0 : 1.0, weakWon ? 0.0 : 1.0 });
            ++fromVotes;
        }
    }
    int fromEvaluations = 0;
    if (!m_evaluations.isEmpty()) {
        EvaluationStore store(Engine::ledgerLocation({}, HomeSettings::homeDir()));
        QString error;
        if (!store.open(&error)) {
            emit done(Console::fail(tr("cannot read the evaluations: %1").arg(error)));
            return;
        }
        for (const qint64 id : std::as_const(m_evaluations)) {
            const std::optional<EvaluationInfo> info = store.load(id, &error);
            std::optional<QList<EvaluationCell>> cells;
            if (info) {
                cells = store.cells(id, &error);
            }
            QList<EvaluationEvidence::LabelledPair> pairs;
            if (cells) {
                pairs = EvaluationEvidence::pairs(*info, *cells, m_weak, m_strong, &error);
            }
            if (!error.isEmpty()) {
                emit done(Console::fail(error));
                return;
            }
            for (const EvaluationEvidence::LabelledPair& pair : pairs) {
                examples->push_back({ pair.prompt, pair.weakScore, pair.strongScore });
            }
            fromEvaluations += int(pairs.size());
        }
    }
    Console::err(
        tr("training on %n prompt(s): weak %1, strong %2\n", nullptr, int(examples->size())).arg(m_weak, m_strong));
    if (!m_evaluations.isEmpty()) {
        Console::err(tr("%n of them from evaluations\n", nullptr, fromEvaluations));
    }
    if (m_votes) {
        Console::err(tr("%n of them from workbench votes\n", nullptr, fromVotes));
    }

    // The training runs in a worker thread (its folds on two threads); progress comes back queued.
    struct Outcome
    {
        std::optional<LearnedRouter> router;
        TrainingReport report;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    QThread* worker = QThread::create([this, examples, outcome] {
        RouterTrainer trainer;
        outcome->router = trainer.train(*examples, &outcome->report, &outcome->error, [this](int done, int total) {
            QMetaObject::invokeMethod(this, [done, total] {
                Console::err(
                    QCoreApplication::translate("RouterCommand", "\rcross-validating: %1/%2").arg(done).arg(total));
            });
        });
    });
    connect(worker, &QThread::finished, this, [this, worker, outcome] {
        worker->deleteLater();
        Console::err(QStringLiteral("\n"));
        if (!outcome->router) {
            emit done(Console::fail(outcome->error));
            return;
        }
        LearnedRouter& router = *outcome->router;
        router.setModels(m_weak, m_strong);
        const QString path = LearnedRouter::defaultPath(HomeSettings::homeDir());
        QString error;
        if (!router.save(path, &error)) {
            emit done(Console::fail(error));
            return;
        }
        const TrainingReport& report = outcome->report;
        Console::out(
            tr("Cross-validation (%1 folds; APGR, CPT(50%), CPT(80%) per setting):\n").arg(TrainingOptions().folds));
        for (const CrossValidationPoint& point : report.curve) {
            Console::out(QStringLiteral("  %1 lambda=%2  %3  %4  %5\n")
                             .arg(LabelModes::id(point.labelMode), -13)
                             .arg(point.lambda, -7, 'g', 2)
                             .arg(point.apgr, 0, 'f', 3)
                             .arg(percent(point.cpt50), 6)
                             .arg(percent(point.cpt80), 6));
        }
        const CrossValidationPoint& chosen = report.chosen;
        Console::out(tr("Chosen: labels %1, lambda %2\n").arg(LabelModes::id(chosen.labelMode)).arg(chosen.lambda));
        Console::out(tr("Cross-validated APGR %1, CPT(50%) %2, CPT(80%) %3\n")
                         .arg(chosen.apgr, 0, 'f', 3)
                         .arg(percent(chosen.cpt50), percent(chosen.cpt80)));
        if (!report.boostingCurve.isEmpty()) {
            Console::out(tr("Boosted trees over the linear scores and the prompt's form (same folds; APGR, "
                            "CPT(50%), CPT(80%)):\n"));
            for (const BoostingPoint& point : report.boostingCurve) {
                Console::out(QStringLiteral("  depth %1 rounds %2  %3  %4  %5\n")
                                 .arg(point.depth)
                                 .arg(point.rounds, -4)
                                 .arg(point.apgr, 0, 'f', 3)
                                 .arg(percent(point.cpt50), 6)
                                 .arg(percent(point.cpt80), 6));
            }
            if (report.boosted) {
                Console::out(tr("Kept the trees (depth %1, %2 rounds, averaged with the folds' trees): "
                                "cross-validated APGR %3, CPT(50%) %4, CPT(80%) %5\n")
                                 .arg(report.boosted->depth)
                                 .arg(report.boosted->rounds)
                                 .arg(report.boosted->apgr, 0, 'f', 3)
                                 .arg(percent(report.boosted->cpt50), percent(report.boosted->cpt80)));
            } else {
                Console::out(tr("The trees did not rank better than the linear model; kept the linear model\n"));
            }
        }
        // Which threshold to put in a learned rule: what each one costs and recovers.
        Console::out(tr("Thresholds (cross-validated): share sent to the strong model, share of the quality gap "
                        "recovered\n"));
        for (qsizetype i = 1; i < report.thresholds.size(); i += 2) {
            const QualityPoint& point = report.thresholds.at(i);
            Console::out(QStringLiteral("  p_strong >= %1  %2  %3\n")
                             .arg(point.threshold, 0, 'f', 2)
                             .arg(percent(point.strongShare), 6)
                             .arg(percent(point.gapRecovered), 6));
        }
        Console::out(tr("Saved the router (%1 prompts, %2 s) to %3\n")
                         .arg(report.examples)
                         .arg(report.seconds, 0, 'f', 1)
                         .arg(QDir::toNativeSeparators(path)));
        emit done(0);
    });
    worker->start();
}

void RouterCommand::score()
{
    QString error;
    const std::optional<LearnedRouter> router
        = LearnedRouter::load(LearnedRouter::defaultPath(HomeSettings::homeDir()), &error);
    if (!router) {
        emit done(Console::fail(error));
        return;
    }
    const PromptFile file = PromptFile::read(m_file);
    if (!file.ok()) {
        emit done(Console::fail(file.errorString(), ExitUnparsable));
        return;
    }
    // Everything is scored before anything is printed: a bad row means no output at all.
    TextFeaturizer featurizer(router->features());
    QByteArray out;
    for (const PromptRow& row : file.rows()) {
        const QJsonObject line { { QStringLiteral("id"), row.id },
                                 { QStringLiteral("p_strong"), router->pStrong(row.prompt, featurizer) } };
        out += QJsonDocument(line).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    Console::out(QString::fromUtf8(out));
    emit done(0);
}
