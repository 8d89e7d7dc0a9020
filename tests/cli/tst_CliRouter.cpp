#include "CliRun.h"
#include "LearningFixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "core/evaluation/EvaluationStore.h"
#include "core/ledger/Ledger.h"

namespace {
const QString kProof = QStringLiteral("Prove that the integral of cos x over the unit interval converges");
const QString kHello = QStringLiteral("Say hello to my friend Bea in a cheerful way");

QByteArray jsonLine(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// What a router trained in `home` learned: a proof needs the strong model more than a greeting.
void verifyProofNeedsTheStrongModelMore(const QString& home)
{
    const QString prompts = QDir(home).filePath(QStringLiteral("prompts.jsonl"));
    QVERIFY(writeFile(prompts,
                      jsonLine({ { "id", "proof" }, { "prompt", kProof } })
                          + jsonLine({ { "id", "hello" }, { "prompt", kHello } })));
    const CliRun scored
        = CliRun::of({ QStringLiteral("--home"), home, QStringLiteral("router"), QStringLiteral("score"), prompts },
                     QProcessEnvironment::systemEnvironment(), 60000);
    QVERIFY2(scored.exitCode == 0, scored.err.constData());
    const QList<QByteArray> lines = scored.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const double proof = QJsonDocument::fromJson(lines.at(0)).object().value(QStringLiteral("p_strong")).toDouble();
    const double hello = QJsonDocument::fromJson(lines.at(1)).object().value(QStringLiteral("p_strong")).toDouble();
    QVERIFY2(proof > hello, qPrintable(QStringLiteral("%1 vs %2").arg(proof).arg(hello)));
}
} // namespace

// `switchyard router train|score` and the learned rule, through the real binary: the model file
// in the home directory, scores for every row or none, and the decision in explain, route --json
// and the ledger.
class TestCliRouter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void train_savesRouterAndPrintsCrossValidatedFigures();
    void score_printsEveryRowInOrder();
    void badFile_refusedNamingTheLineWithNoOutput_data();
    void badFile_refusedNamingTheLineWithNoOutput();
    void damagedModel_refused_data();
    void damagedModel_refused();
    void learnedRule_inExplainRouteAndLedger_data();
    void learnedRule_inExplainRouteAndLedger();
    void learnedRule_failingChoice_fallsBackToTheOtherModel();
    void trainFromVotes_learnsWhichPromptsTheStrongModelWins();
    void trainFromEvaluation_andTheLeaderboardCountsItsGames();

private:
    CliRun run(const QStringList& arguments, int timeoutMs = 120000)
    {
        return CliRun::of(QStringList { QStringLiteral("--home"), m_home.path() } + arguments,
                          QProcessEnvironment::systemEnvironment(), timeoutMs);
    }
    QString path(const QString& name) const { return QDir(m_home.path()).filePath(name); }

    QTemporaryDir m_home;
    QTemporaryDir m_settings;
    QString m_trainFile;
    QStringList m_ids;
};

void TestCliRouter::initTestCase()
{
    QVERIFY(m_home.isValid() && m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    QByteArray rows;
    int index = 0;
    for (const TrainingExample& example : LearningFixtures::topicExamples(400, 31)) {
        const QString id = QStringLiteral("row-%1").arg(index++);
        m_ids << id;
        rows += jsonLine({ { QStringLiteral("id"), id },
                           { QStringLiteral("prompt"), example.prompt },
                           { QStringLiteral("scores"),
                             QJsonObject { { QStringLiteral("small"), example.weak },
                                           { QStringLiteral("big"), example.strong } } } });
    }
    m_trainFile = path(QStringLiteral("train.jsonl"));
    QVERIFY(writeFile(m_trainFile, rows));
}

void TestCliRouter::train_savesRouterAndPrintsCrossValidatedFigures()
{
    const CliRun result = run({ QStringLiteral("router"), QStringLiteral("train"), m_trainFile });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    // The weak model is the key with the lower mean score.
    QVERIFY2(result.err.contains(": weak small, strong big"), result.err.constData());
    QVERIFY2(result.out.contains("Cross-validated APGR 0."), result.out.constData());
    QVERIFY(result.out.contains("CPT(50%)"));
    QVERIFY(result.out.contains("CPT(80%)"));
    QCOMPARE(result.out.count("lambda="), 10); // the curve: 2 label modes x 5 strengths
    QVERIFY(result.out.contains(QDir::toNativeSeparators(path(QStringLiteral("router.model"))).toUtf8()));
    QVERIFY(QFileInfo(path(QStringLiteral("router.model"))).size() > 0);
}

void TestCliRouter::score_printsEveryRowInOrder()
{
    const CliRun result = run({ QStringLiteral("router"), QStringLiteral("score"), m_trainFile });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    QCOMPARE(lines.size(), m_ids.size());
    double hard = 0;
    double easy = 0;
    int hardCount = 0;
    const std::vector<TrainingExample> examples = LearningFixtures::topicExamples(400, 31);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(object.keys(), (QStringList { QStringLiteral("id"), QStringLiteral("p_strong") }));
        QCOMPARE(object.value(QStringLiteral("id")).toString(), m_ids.at(i));
        const double p = object.value(QStringLiteral("p_strong")).toDouble(-1);
        QVERIFY(p >= 0 && p <= 1);
        const bool isHard = examples[std::size_t(i)].prompt.contains(QLatin1String("rove"))
            || examples[std::size_t(i)].prompt.contains(QLatin1String("eigen"));
        (isHard ? hard : easy) += p;
        hardCount += isHard;
    }
    QVERIFY(hardCount > 0 && hardCount < lines.size());
    QVERIFY(hard / hardCount > easy / (lines.size() - hardCount) + 0.3);
}

void TestCliRouter::badFile_refusedNamingTheLineWithNoOutput_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");

    const QByteArray good = jsonLine(
        { { QStringLiteral("id"), QStringLiteral("a") },
          { QStringLiteral("prompt"), kHello },
          { QStringLiteral("scores"), QJsonObject { { QStringLiteral("small"), 1 }, { QStringLiteral("big"), 1 } } } });
    for (const char* command : { "score", "train" }) {
        QTest::addRow("%s: missing id on line 3", command) << command << good + good + R"({"prompt": "x"})"
                                                           << ":3: missing field \"id\"";
        QTest::addRow("%s: prompt of the wrong type on line 2", command)
            << command << good + R"({"id": "b", "prompt": ["x"]})"
            << ":2: field \"prompt\" must be a string";
        QTest::addRow("%s: invalid JSON on line 2", command) << command << good + "{\"id\": \"b\",\n"
                                                             << ":2: invalid JSON at column";
    }
    QTest::newRow("train: a row without the strong model's score")
        << "train" << good + R"({"id": "b", "prompt": "x", "scores": {"small": 1}})" + "\n"
        << "expected exactly two score keys in every row, found small";
}

void TestCliRouter::badFile_refusedNamingTheLineWithNoOutput()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("bad.jsonl"));
    QVERIFY(writeFile(file, content));
    const QByteArray modelBefore = [this] {
        QFile model(path(QStringLiteral("router.model")));
        return model.open(QIODevice::ReadOnly) ? model.readAll() : QByteArray();
    }();
    const CliRun result = run({ QStringLiteral("router"), command, file });
    QCOMPARE(result.exitCode, 65);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QCOMPARE(result.out, QByteArray());
    QFile model(path(QStringLiteral("router.model")));
    QVERIFY(model.open(QIODevice::ReadOnly));
    QCOMPARE(model.readAll(), modelBefore); // a refused training leaves the saved router alone
}

void TestCliRouter::damagedModel_refused_data()
{
    QTest::addColumn<int>("offset"); // -1: the version field
    QTest::addColumn<QString>("message");
    QTest::newRow("a byte flipped in the weights") << 5000 << "the model file is corrupt (checksum mismatch)";
    QTest::newRow("an unknown format version") << -1 << "model format version 9 is not supported";
}

void TestCliRouter::damagedModel_refused()
{
    QFETCH(int, offset);
    QFETCH(QString, message);
    QTemporaryDir home;
    QFile original(path(QStringLiteral("router.model")));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    if (offset >= 0) {
        bytes[offset] = char(bytes.at(offset) ^ 0x01);
    } else {
        const quint32 nine = qToLittleEndian(quint32(9));
        bytes.replace(8, 4, reinterpret_cast<const char*>(&nine), 4);
    }
    QVERIFY(writeFile(QDir(home.path()).filePath(QStringLiteral("router.model")), bytes));
    const CliRun result = CliRun::of(
        { QStringLiteral("--home"), home.path(), QStringLiteral("router"), QStringLiteral("score"), m_trainFile });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QCOMPARE(result.out, QByteArray());
}

void TestCliRouter::learnedRule_inExplainRouteAndLedger_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("model");
    QTest::newRow("a proof: the strong model") << kProof << "strong"
                                               << "sandbox/claude-sonnet-4-5";
    QTest::newRow("small talk: the weak model") << kHello << "weak"
                                                << "sandbox/gpt-4.1-mini";
}

void TestCliRouter::learnedRule_inExplainRouteAndLedger()
{
    QFETCH(QString, prompt);
    QFETCH(QString, choice);
    QFETCH(QString, model);
    const QJsonObject routing {
        { QStringLiteral("format"), QStringLiteral("switchyard-routing") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("defaultTier"), QStringLiteral("standard") },
        { QStringLiteral("tiers"),
          QJsonArray {
              QJsonObject { { QStringLiteral("name"), QStringLiteral("standard") },
                            { QStringLiteral("chain"), QJsonArray { QStringLiteral("sandbox/gpt-4.1") } } } } },
        { QStringLiteral("rules"),
          QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("weak or strong") },
                                     { QStringLiteral("kind"), QStringLiteral("learned") },
                                     { QStringLiteral("tier"), QStringLiteral("standard") },
                                     { QStringLiteral("weakModel"), QStringLiteral("sandbox/gpt-4.1-mini") },
                                     { QStringLiteral("strongModel"), QStringLiteral("sandbox/claude-sonnet-4-5") },
                                     { QStringLiteral("threshold"), 0.5 } } } },
    };
    QVERIFY(writeFile(path(QStringLiteral("routing.json")), QJsonDocument(routing).toJson()));
    // The models as the desktop app saves a sandbox setup: a simulated provider the live sandbox serves.
    auto sandboxModel = [](const QString& name, const QString& provider = QStringLiteral("sandbox-openai")) {
        return QJsonObject { { QStringLiteral("id"), QStringLiteral("sandbox/") + name },
                             { QStringLiteral("provider"), provider },
                             { QStringLiteral("upstreamModel"), name },
                             { QStringLiteral("contextWindow"), 128000 },
                             { QStringLiteral("maxOutputTokens"), 4096 } };
    };
    const QJsonObject providers {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("providers"),
          QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("sandbox-openai") },
                                     { QStringLiteral("displayName"), QStringLiteral("Sandbox OpenAI") },
                                     { QStringLiteral("kind"), QStringLiteral("openai") },
                                     { QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1") },
                                     { QStringLiteral("simulated"), true } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("sandbox-anthropic") },
                                     { QStringLiteral("displayName"), QStringLiteral("Sandbox Anthropic") },
                                     { QStringLiteral("kind"), QStringLiteral("anthropic") },
                                     { QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9") },
                                     { QStringLiteral("simulated"), true } } } },
        { QStringLiteral("models"),
          QJsonArray { sandboxModel(QStringLiteral("gpt-4.1-mini")),
                       sandboxModel(QStringLiteral("claude-sonnet-4-5"), QStringLiteral("sandbox-anthropic")),
                       sandboxModel(QStringLiteral("gpt-4.1")) } },
    };
    QVERIFY(writeFile(path(QStringLiteral("providers.json")), QJsonDocument(providers).toJson()));

    const CliRun explain
        = run({ QStringLiteral("--sandbox"), QStringLiteral("explain"), QStringLiteral("--json"), prompt });
    QVERIFY2(explain.exitCode == 0, explain.err.constData());
    const QJsonObject explained = QJsonDocument::fromJson(explain.out).object();
    const QJsonObject learned = explained.value(QStringLiteral("learned")).toObject();
    QCOMPARE(learned.value(QStringLiteral("choice")).toString(), choice);
    QCOMPARE(learned.value(QStringLiteral("model")).toString(), model);
    QCOMPARE(learned.value(QStringLiteral("threshold")).toDouble(), 0.5);
    const double pStrong = learned.value(QStringLiteral("p_strong")).toDouble(-1);
    QVERIFY(choice == QLatin1String("strong") ? pStrong >= 0.5 : (pStrong >= 0 && pStrong < 0.5));
    QCOMPARE(explained.value(QStringLiteral("rule")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("weak or strong"));

    const CliRun text = run({ QStringLiteral("--sandbox"), QStringLiteral("explain"), prompt });
    QVERIFY2(text.out.contains(QStringLiteral("Learned router: p_strong %1, threshold 0.50: %2 model %3")
                                   .arg(pStrong, 0, 'f', 3)
                                   .arg(choice, model)
                                   .toUtf8()),
             text.out.constData());

    const CliRun route
        = run({ QStringLiteral("--sandbox"), QStringLiteral("route"), QStringLiteral("--json"), prompt });
    QVERIFY2(route.exitCode == 0, route.err.constData());
    const QJsonObject routed = QJsonDocument::fromJson(route.out).object();
    QCOMPARE(routed.value(QStringLiteral("model")).toString(), model);
    QCOMPARE(routed.value(QStringLiteral("learned")).toObject().value(QStringLiteral("choice")).toString(), choice);
    QCOMPARE(routed.value(QStringLiteral("learned")).toObject().value(QStringLiteral("p_strong")).toDouble(), pStrong);

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path(QStringLiteral("ledger.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT final_model, learned_p_strong, learned_strong FROM requests"
                                          " ORDER BY rid DESC LIMIT 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), model);
        QCOMPARE(query.value(1).toDouble(), pStrong);
        QCOMPARE(query.value(2).toInt(), choice == QLatin1String("strong") ? 1 : 0);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestCliRouter::learnedRule_failingChoice_fallsBackToTheOtherModel()
{
    // routing.json and providers.json as the previous test left them.
    const CliRun route = run({ QStringLiteral("--sandbox-fault"), QStringLiteral("gpt-4.1-mini=503"),
                               QStringLiteral("route"), QStringLiteral("--json"), kHello });
    QVERIFY2(route.exitCode == 0, route.err.constData());
    const QJsonObject routed = QJsonDocument::fromJson(route.out).object();
    QCOMPARE(routed.value(QStringLiteral("learned")).toObject().value(QStringLiteral("choice")).toString(),
             QStringLiteral("weak"));
    QCOMPARE(routed.value(QStringLiteral("model")).toString(), QStringLiteral("sandbox/claude-sonnet-4-5"));
    const QJsonArray attempts = routed.value(QStringLiteral("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("model")).toString(),
             QStringLiteral("sandbox/gpt-4.1-mini"));
}

void TestCliRouter::trainFromVotes_learnsWhichPromptsTheStrongModelWins()
{
    // A home of its own whose ledger holds workbench comparisons of the two models with votes: the
    // strong model won the maths, the weak one (or a tie) the small talk; one comparison of other
    // models, which must not count.
    QTemporaryDir home;
    const QString weak = QStringLiteral("sandbox/gpt-4.1-mini");
    const QString strong = QStringLiteral("sandbox/gpt-5");
    int hard = 0;
    {
        Ledger ledger;
        QVERIFY(ledger.open(QDir(home.path()).filePath(QStringLiteral("ledger.sqlite"))));
        const QDateTime at = QDateTime::currentDateTimeUtc().addDays(-1);
        int n = 0;
        const auto column = [&](const QString& group, const QString& model, const QString& prompt) {
            RequestRecord row;
            row.id = QStringLiteral("vote-row-%1").arg(n++);
            row.startedAt = at.addSecs(n);
            row.source = RequestSource::Workbench;
            row.prompt = prompt;
            row.finalModel = model;
            row.finalProvider = QStringLiteral("sandbox-openai");
            row.compareGroup = group;
            row.usage.promptTokens = 20;
            row.usage.completionTokens = 10;
            row.costUsd = 0.0001;
            ledger.record(row);
        };
        int g = 0;
        for (const TrainingExample& example : LearningFixtures::topicExamples(60, 7)) {
            const QString group = QStringLiteral("cmp-%1").arg(g++);
            column(group, weak, example.prompt);
            column(group, strong, example.prompt);
            const bool strongNeeded = example.weak < example.strong;
            hard += strongNeeded ? 1 : 0;
            ledger.recordVote({ group, strongNeeded ? strong : QString(), !strongNeeded, at.addSecs(3600 + g) });
        }
        column(QStringLiteral("other"), QStringLiteral("sandbox/deepseek-chat"), kProof);
        column(QStringLiteral("other"), QStringLiteral("sandbox/claude-haiku-4-5"), kProof);
        ledger.recordVote({ QStringLiteral("other"), QStringLiteral("sandbox/deepseek-chat"), false, at.addDays(1) });
        ledger.flush();
        ledger.close();
    }
    QVERIFY(hard > 5 && hard < 55);
    const CliRun trained
        = CliRun::of({ QStringLiteral("--home"), home.path(), QStringLiteral("router"), QStringLiteral("train"),
                       QStringLiteral("--votes"), QStringLiteral("--weak"), weak, QStringLiteral("--strong"), strong },
                     QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(trained.exitCode == 0, trained.err.constData());
    QVERIFY2(trained.err.contains("training on 60 prompts: weak sandbox/gpt-4.1-mini, strong sandbox/gpt-5"),
             trained.err.constData());
    QVERIFY2(trained.err.contains("60 of them from workbench votes"), trained.err.constData());

    verifyProofNeedsTheStrongModelMore(home.path());
    if (QTest::currentTestFailed()) {
        return;
    }

    // --votes needs the model pair.
    const CliRun bare = CliRun::of({ QStringLiteral("--home"), home.path(), QStringLiteral("router"),
                                     QStringLiteral("train"), QStringLiteral("--votes") },
                                   QProcessEnvironment::systemEnvironment());
    QCOMPARE(bare.exitCode, 64);
}

void TestCliRouter::trainFromEvaluation_andTheLeaderboardCountsItsGames()
{
    // An evaluation of the two models (and a third) kept in a home's ledger: the strong model passes
    // every prompt, the weak one only those that do not need the strong one.
    QTemporaryDir home;
    const QString weak = QStringLiteral("sandbox/gpt-4.1-mini");
    const QString strong = QStringLiteral("sandbox/gpt-5");
    const QString other = QStringLiteral("sandbox/deepseek-chat");
    const QString ledgerPath = QDir(home.path()).filePath(QStringLiteral("ledger.sqlite"));
    {
        Ledger ledger;
        QVERIFY(ledger.open(ledgerPath));
    }
    EvaluationStore store(ledgerPath);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const std::vector<TrainingExample> examples = LearningFixtures::topicExamples(60, 7);
    EvaluationInfo info;
    info.createdAt = QDateTime::currentDateTimeUtc().addDays(-1);
    info.name = QStringLiteral("topics.jsonl");
    QList<PromptItem> items;
    for (const TrainingExample& example : examples) {
        items.append({ QStringLiteral("t%1").arg(items.size()),
                       example.prompt,
                       QStringLiteral("x"),
                       {},
                       int(items.size()) + 1 });
    }
    info.prompts = PromptSet::of(items);
    info.models = { weak, strong, other };
    info.status = EvaluationStatus::Complete;
    const auto id = store.create(info, &error);
    QVERIFY2(id, qPrintable(error));
    int hard = 0;
    for (int p = 0; p < items.size(); ++p) {
        const bool strongNeeded = examples.at(std::size_t(p)).weak < examples.at(std::size_t(p)).strong;
        hard += strongNeeded ? 1 : 0;
        for (const QString& model : info.models) {
            EvaluationCell cell;
            cell.promptIndex = p;
            cell.promptId = items.at(p).id;
            cell.model = model;
            cell.state = CellState::Done;
            const bool pass = model == strong || (model == weak && !strongNeeded);
            cell.grade = pass ? Grade::pass() : Grade::fail(QStringLiteral("wrong"));
            cell.costUsd = 0.001;
            QVERIFY2(store.saveCell(*id, cell, &error), qPrintable(error));
        }
    }
    QVERIFY(hard > 5 && hard < 55);

    const CliRun trained = CliRun::of({ QStringLiteral("--home"), home.path(), QStringLiteral("router"),
                                        QStringLiteral("train"), QStringLiteral("--evaluation"), QString::number(*id),
                                        QStringLiteral("--weak"), weak, QStringLiteral("--strong"), strong },
                                      QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(trained.exitCode == 0, trained.err.constData());
    QVERIFY2(trained.err.contains("training on 60 prompts: weak sandbox/gpt-4.1-mini, strong sandbox/gpt-5"),
             trained.err.constData());
    QVERIFY2(trained.err.contains("60 of them from evaluations"), trained.err.constData());
    verifyProofNeedsTheStrongModelMore(home.path());
    if (QTest::currentTestFailed()) {
        return;
    }

    // A model the evaluation did not ask is named; nothing is trained.
    const CliRun wrongPair
        = CliRun::of({ QStringLiteral("--home"), home.path(), QStringLiteral("router"), QStringLiteral("train"),
                       QStringLiteral("--evaluation"), QString::number(*id), QStringLiteral("--weak"),
                       QStringLiteral("sandbox/claude-haiku-4-5"), QStringLiteral("--strong"), strong });
    QCOMPARE(wrongPair.exitCode, 1);
    QVERIFY2(wrongPair.err.contains("did not ask sandbox/claude-haiku-4-5"), wrongPair.err.constData());

    // The leaderboard counts the evaluation's games: on each prompt every two models, a pass beating
    // a fail. strong: `hard` wins over weak, 60 over other; weak: 60 - hard over other.
    const CliRun board
        = CliRun::of({ QStringLiteral("--home"), home.path(), QStringLiteral("leaderboard"), QStringLiteral("--tag"),
                       QStringLiteral("evaluation"), QStringLiteral("--json") });
    QVERIFY2(board.exitCode == 0, board.err.constData());
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue& row : QJsonDocument::fromJson(board.out).object().value(QStringLiteral("rows")).toArray()) {
        rows.insert(row.toObject().value(QStringLiteral("model")).toString(), row.toObject());
    }
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.value(strong).value(QStringLiteral("wins")).toInt(), hard + 60);
    QCOMPARE(rows.value(strong).value(QStringLiteral("losses")).toInt(), 0);
    QCOMPARE(rows.value(strong).value(QStringLiteral("ties")).toInt(), 60 - hard);
    QCOMPARE(rows.value(weak).value(QStringLiteral("wins")).toInt(), 60 - hard);
    QCOMPARE(rows.value(weak).value(QStringLiteral("losses")).toInt(), hard);
    QCOMPARE(rows.value(other).value(QStringLiteral("losses")).toInt(), 60 + 60 - hard);
    QCOMPARE(QJsonDocument::fromJson(board.out)
                 .object()
                 .value(QStringLiteral("rows"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("model"))
                 .toString(),
             strong);
}

QTEST_GUILESS_MAIN(TestCliRouter)
#include "tst_CliRouter.moc"
