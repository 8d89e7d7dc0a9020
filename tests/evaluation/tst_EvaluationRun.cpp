#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationPlan.h"
#include "core/evaluation/EvaluationRun.h"
#include "core/ledger/Ledger.h"
#include "core/sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// Evaluations over the sandbox's providers, through the engine as the app and the CLI wire it:
// each cell's call is a ledger request of source "evaluation", named by the cell before it is sent, a
// fault mid-run leaves failed cells that a resume asks again, a run torn down mid-cell leaves
// answers in the ledger that a resume grades without asking again, and what was paid for is paid
// for once.
class tst_EvaluationRun : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void faultMidRun_resumeAsksOnlyTheRest();
    void judge_failureIsAGradeNotARetry_data();
    void judge_failureIsAGradeNotARetry();
    void pauseThenResume_andCancel();
    void tornDownWhileJudging_resumeGradesRecordedAnswers();
    void cancelledWhileJudging_resumeAsksOnlyTheJudge();
    void unknownModel_refusedBeforeAnythingIsSent();
    void tools_offeredToEveryModel_toolCallGraded_data();
    void tools_offeredToEveryModel_toolCallGraded();
    void severalGraders_eachVerdictKept_passOnlyWhenAllPass_data();
    void severalGraders_eachVerdictKept_passOnlyWhenAllPass();
    void toolOnlyAnswers_tornDownWhileJudging_resumeAsksNoModelAgain_data();
    void toolOnlyAnswers_tornDownWhileJudging_resumeAsksNoModelAgain();
    void promptfooProviderTools_offeredToThatModelOnly();

private:
    PromptSet prompts(int count) const;
    EvaluationInfo info(const QStringList& models, const QList<GraderSpec>& graders, int count) const;
    // Waits for the ledger to hold every row recorded so far.
    void flushLedger();
    QVariant scalar(const QString& sql);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EvaluationStore> m_store;
};

namespace {
const QString kMini = QStringLiteral("sandbox/gpt-4.1-mini");
const QString kHaiku = QStringLiteral("sandbox/claude-haiku-4-5");

GraderSpec grader(const QString& text)
{
    QString error;
    return GraderSpec::parse(text, &error).value();
}

QList<GraderSpec> graders(const QStringList& texts)
{
    QList<GraderSpec> specs;
    for (const QString& text : texts) {
        specs.append(grader(text));
    }
    return specs;
}

PromptTools weatherTools()
{
    QString error;
    return PromptTools::parse(R"([{"type": "function", "function": {"name": "get_weather", "parameters":
        {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}])",
                              &error)
        .value();
}

// The last user message of the last request a sandbox model received: what a judge was shown.
QString lastUserMessage(SandboxServer* sandbox, const QString& model)
{
    const QJsonArray messages
        = QJsonDocument::fromJson(sandbox->lastRequestBody(model)).object().value(QLatin1String("messages")).toArray();
    return messages.isEmpty() ? QString() : messages.last().toObject().value(QLatin1String("content")).toString();
}
} // namespace

void tst_EvaluationRun::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_engine = std::make_unique<Engine>();
    QVERIFY(m_engine->open({ m_home->path(), true }));
    m_engine->sandbox()->setTimeScale(0);
    m_store = std::make_unique<EvaluationStore>(m_engine->ledgerPath());
    QString error;
    QVERIFY2(m_store->open(&error), qPrintable(error));
}

void tst_EvaluationRun::cleanup()
{
    m_store.reset();
    m_engine.reset();
    m_home.reset();
}

PromptSet tst_EvaluationRun::prompts(int count) const
{
    QList<PromptItem> items;
    for (int i = 0; i < count; ++i) {
        items.append({ QStringLiteral("p%1").arg(i), QStringLiteral("Question number %1?").arg(i), {}, {}, i + 1 });
    }
    return PromptSet::of(items);
}

EvaluationInfo tst_EvaluationRun::info(const QStringList& models, const QList<GraderSpec>& graders, int count) const
{
    EvaluationInfo info;
    info.name = QStringLiteral("test");
    info.prompts = prompts(count);
    info.models = models;
    info.graders = graders;
    return info;
}

void tst_EvaluationRun::flushLedger()
{
    QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
    m_engine->ledger()->flush();
    QVERIFY(flushed.wait(5000));
}

QVariant tst_EvaluationRun::scalar(const QString& sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(m_engine->ledgerPath());
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next()) {
                value = query.value(0);
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return value;
}

void tst_EvaluationRun::faultMidRun_resumeAsksOnlyTheRest()
{
    const int count = 6;
    qint64 id = 0;
    int failedInFirstRun = 0;
    {
        EvaluationRun run(*m_engine, *m_store);
        run.setConcurrency(2);
        // Claude's provider goes down once three cells are in.
        int finishedCells = 0;
        connect(&run, &EvaluationRun::cellFinished, this, [&] {
            if (++finishedCells == 3) {
                m_engine->sandbox()->setFault(QStringLiteral("claude-haiku-4-5"), SandboxFault::httpError(503));
            }
        });
        QSignalSpy finished(&run, &EvaluationRun::finished);
        QSignalSpy progressed(&run, &EvaluationRun::progressed);
        QString error;
        QVERIFY2(run.start(info({ kMini, kHaiku }, { grader(QStringLiteral("regex:\\S")) }, count), &error),
                 qPrintable(error));
        id = run.evaluationId();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Incomplete);
        QCOMPARE(progressed.last().at(1).toInt(), 2 * count);
        QVERIFY(progressed.last().at(2).toLongLong() >= 0);
        for (const EvaluationCell& cell : run.cells()) {
            if (cell.state == CellState::Failed) {
                ++failedInFirstRun;
                QCOMPARE(cell.model, kHaiku);
                QVERIFY(!cell.error.isEmpty());
            } else {
                QCOMPARE(cell.state, CellState::Done);
                QVERIFY(cell.grade.passed());
                QVERIFY(cell.costUsd.value_or(0) > 0);
            }
        }
        QVERIFY(failedInFirstRun >= 1);
        QVERIFY(failedInFirstRun <= count);
    }
    m_engine->sandbox()->setFault(QStringLiteral("claude-haiku-4-5"), SandboxFault {});
    const int servedBefore = m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini"))
        + m_engine->sandbox()->requestCount(QStringLiteral("claude-haiku-4-5"));
    QCOMPARE(servedBefore, 2 * count); // every cell asked once; the failed ones got their 503
    {
        EvaluationRun run(*m_engine, *m_store);
        QSignalSpy finished(&run, &EvaluationRun::finished);
        QString error;
        QVERIFY2(run.resumeEvaluation(id, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Complete);
        QCOMPARE(run.doneCount(), 2 * count);
    }
    // Server side: only the failed cells were asked again, none that was answered.
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), count);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("claude-haiku-4-5")), count + failedInFirstRun);
    flushLedger();
    // Each cell is one answered ledger request, and what the sandbox billed is what the ledger holds.
    // (The home is new: every request in its ledger is the evaluation's, recorded under its source.)
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE source = 'evaluation' AND status = 'ok'")).toInt(),
        2 * count);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests")).toInt(), 2 * count + failedInFirstRun);
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(prompt_tokens) FROM requests")).toLongLong(),
             m_engine->sandbox()->answered().promptTokens);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM evaluation_cells c JOIN requests r ON r.uuid = c.request_uuid"
                                   " WHERE c.evaluation_id = %1 AND c.state = 'done' AND r.status = 'ok'")
                        .arg(id))
                 .toInt(),
             2 * count);
    const double ledgerCost = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM requests")).toDouble();
    const double cellsCost = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM evaluation_cells")).toDouble();
    QVERIFY(ledgerCost > 0);
    QVERIFY2(std::abs(ledgerCost - cellsCost) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(ledgerCost).arg(cellsCost)));
}

void tst_EvaluationRun::judge_failureIsAGradeNotARetry_data()
{
    QTest::addColumn<bool>("judgeDown");
    QTest::addColumn<QString>("reason");
    // The sandbox writes prose, never "SCORE: N": an unreadable verdict.
    QTest::newRow("unparsable judge reply") << false << "the judge's reply has no \"SCORE: N\"";
    QTest::newRow("judge unreachable") << true << "the judge sandbox/gpt-4.1 could not be asked";
}

void tst_EvaluationRun::judge_failureIsAGradeNotARetry()
{
    QFETCH(bool, judgeDown);
    QFETCH(QString, reason);
    if (judgeDown) {
        m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"), SandboxFault::httpError(500));
    }
    EvaluationRun run(*m_engine, *m_store);
    QSignalSpy finished(&run, &EvaluationRun::finished);
    QString error;
    QVERIFY2(run.start(info({ kMini }, { grader(QStringLiteral("llm-judge:sandbox/gpt-4.1")) }, 2), &error),
             qPrintable(error));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Complete);
    for (const EvaluationCell& cell : run.cells()) {
        QCOMPARE(cell.state, CellState::Done);
        QCOMPARE(cell.grade.outcome, GradeOutcome::Error);
        QVERIFY2(cell.grade.reason.startsWith(reason), qPrintable(cell.grade.reason));
        QVERIFY(!cell.judgeRequestId.isEmpty());
        QVERIFY(!cell.answer.isEmpty());
    }
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1")), 2);
    flushLedger();
    // The judge's calls are ledger requests like any other; the cells carry their cost.
    const double judged = scalar(QStringLiteral("SELECT COALESCE(SUM(cost_usd), 0) FROM requests WHERE"
                                                " final_model = 'sandbox/gpt-4.1'"))
                              .toDouble();
    const double cellsJudged
        = scalar(QStringLiteral("SELECT COALESCE(SUM(judge_cost_usd), 0) FROM evaluation_cells")).toDouble();
    QVERIFY(std::abs(judged - cellsJudged) < 1e-12);
    QCOMPARE(judged > 0, !judgeDown);
}

void tst_EvaluationRun::pauseThenResume_andCancel()
{
    m_engine->sandbox()->setTimeScale(0.2); // a call takes about 100-200 ms
    EvaluationRun run(*m_engine, *m_store);
    run.setConcurrency(1);
    QSignalSpy cells(&run, &EvaluationRun::cellFinished);
    QSignalSpy finished(&run, &EvaluationRun::finished);
    QString error;
    QVERIFY(run.start(info({ kMini }, { grader(QStringLiteral("regex:\\S")) }, 8), &error));
    QVERIFY(cells.wait(10000));
    run.pause();
    QVERIFY(run.isPaused());
    // The cell in flight may finish; nothing new starts.
    QTest::qWait(300);
    const int whilePaused = int(cells.size());
    QVERIFY(whilePaused <= 2);
    QTest::qWait(300);
    QCOMPARE(int(cells.size()), whilePaused);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), whilePaused);
    run.resume();
    QTRY_VERIFY_WITH_TIMEOUT(cells.size() > whilePaused, 10000);
    run.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Incomplete);
    QVERIFY(run.doneCount() < 8);
    for (const EvaluationCell& cell : run.cells()) {
        QVERIFY(cell.state != CellState::Done || cell.grade.passed());
    }
}

void tst_EvaluationRun::tornDownWhileJudging_resumeGradesRecordedAnswers()
{
    // The judge never answers: every model answer is in the ledger, no cell is done, when the run
    // is torn down as a crash would stop it.
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"),
                                  SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    const int count = 3;
    qint64 id = 0;
    {
        EvaluationRun run(*m_engine, *m_store);
        run.setConcurrency(count);
        QString error;
        QVERIFY2(
            run.start(info({ kMini },
                           { grader(QStringLiteral("regex:\\S")), grader(QStringLiteral("llm-judge:sandbox/gpt-4.1")) },
                           count),
                      &error),
            qPrintable(error));
        id = run.evaluationId();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1")), count, 10000);
        QCOMPARE(run.doneCount(), 0);
    }
    QString error;
    const auto stored = m_store->cells(id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->size(), count);
    QStringList answeredBy;
    for (const EvaluationCell& cell : *stored) {
        // Saved before each call went out: the cell names the model's call and the judge's.
        QCOMPARE(cell.state, CellState::Pending);
        QVERIFY(!cell.requestId.isEmpty());
        QVERIFY(!cell.judgeRequestId.isEmpty());
        answeredBy.append(cell.requestId);
    }
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"), SandboxFault {});
    {
        EvaluationRun run(*m_engine, *m_store);
        QSignalSpy finished(&run, &EvaluationRun::finished);
        QVERIFY2(run.resumeEvaluation(id, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Complete);
        for (const EvaluationCell& cell : run.cells()) {
            QCOMPARE(cell.state, CellState::Done);
            QVERIFY(!cell.answer.isEmpty());
            QVERIFY(answeredBy.contains(cell.requestId)); // the first run's answer, graded as it was
            // The torn-down judge call and the one that answered.
            QCOMPARE(cell.judgeRequestId.count(u','), 1);
        }
    }
    // Server side: each prompt's answer asked once over both runs; the judge twice (never answered, then again).
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), count);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1")), 2 * count);
    flushLedger();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE final_model = 'sandbox/gpt-4.1-mini'")).toInt(),
             count);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE source <> 'evaluation'")).toInt(), 0);
    // What the ledger holds is what the cells say they cost, judges included.
    const double ledgerCost = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM requests")).toDouble();
    const double cellsCost
        = scalar(QStringLiteral("SELECT SUM(cost_usd) + SUM(COALESCE(judge_cost_usd, 0)) FROM evaluation_cells"))
              .toDouble();
    QVERIFY(ledgerCost > 0);
    QVERIFY2(std::abs(ledgerCost - cellsCost) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(ledgerCost).arg(cellsCost)));
}

void tst_EvaluationRun::cancelledWhileJudging_resumeAsksOnlyTheJudge()
{
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"),
                                  SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    const int count = 2;
    qint64 id = 0;
    {
        EvaluationRun run(*m_engine, *m_store);
        run.setConcurrency(count);
        QSignalSpy finished(&run, &EvaluationRun::finished);
        QString error;
        QVERIFY(run.start(info({ kMini }, { grader(QStringLiteral("llm-judge:sandbox/gpt-4.1")) }, count), &error));
        id = run.evaluationId();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1")), count, 10000);
        run.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Incomplete);
    }
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"), SandboxFault {});
    {
        EvaluationRun run(*m_engine, *m_store);
        QSignalSpy finished(&run, &EvaluationRun::finished);
        QString error;
        QVERIFY2(run.resumeEvaluation(id, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Complete);
    }
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), count);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1")), 2 * count);
}

void tst_EvaluationRun::unknownModel_refusedBeforeAnythingIsSent()
{
    EvaluationRun run(*m_engine, *m_store);
    QString error;
    QVERIFY(
        !run.start(info({ kMini, QStringLiteral("no-such-model") }, { grader(QStringLiteral("equals")) }, 2), &error));
    QVERIFY2(error.contains(QStringLiteral("no-such-model")), qPrintable(error));
    QVERIFY(!run.start(info({ kMini }, { grader(QStringLiteral("llm-judge:missing-judge")) }, 2), &error));
    QVERIFY2(error.contains(QStringLiteral("missing-judge")), qPrintable(error));
    QCOMPARE(m_engine->sandbox()->totalRequests(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM evaluations")).toInt(), 0);
}

void tst_EvaluationRun::tools_offeredToEveryModel_toolCallGraded_data()
{
    QTest::addColumn<QString>("model"); // the sandbox's name
    QTest::addColumn<QJsonValue>("choice"); // tool_choice; undefined: not sent
    QTest::addColumn<bool>("callsWhenFree"); // the sandbox model calls a tool under "auto"
    QTest::addColumn<QByteArray>("toolsOnTheWire"); // how the provider received the tool
    QTest::addColumn<bool>("passes");
    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("openai model calls the tool it is offered")
        << "gpt-4.1-mini" << none << true << QByteArray("\"parameters\"") << true;
    QTest::newRow("anthropic model gets the tool translated and calls it")
        << "claude-haiku-4-5" << none << true << QByteArray("\"input_schema\"") << true;
    QTest::newRow("a model that answers in text under auto fails the grader")
        << "gpt-4.1-mini" << QJsonValue(QStringLiteral("auto")) << false << QByteArray("\"parameters\"") << false;
    QTest::newRow("tool_choice required makes that model call")
        << "gpt-4.1-mini" << QJsonValue(QStringLiteral("required")) << false << QByteArray("\"parameters\"") << true;
    QTest::newRow("anthropic: required becomes any, and it calls")
        << "claude-haiku-4-5" << QJsonValue(QStringLiteral("required")) << false << QByteArray("\"type\":\"any\"")
        << true;
    QTest::newRow("tool_choice none: no call, the grader fails")
        << "claude-haiku-4-5" << QJsonValue(QStringLiteral("none")) << true << QByteArray("\"input_schema\"") << false;
}

void tst_EvaluationRun::tools_offeredToEveryModel_toolCallGraded()
{
    QFETCH(QString, model);
    QFETCH(QJsonValue, choice);
    QFETCH(bool, callsWhenFree);
    QFETCH(QByteArray, toolsOnTheWire);
    QFETCH(bool, passes);
    m_engine->sandbox()->setCallsToolsWhenFree(model, callsWhenFree);
    QString error;
    const QJsonArray tools { QJsonObject {
        { QStringLiteral("type"), QStringLiteral("function") },
        { QStringLiteral("function"),
          QJsonObject {
              { QStringLiteral("name"), QStringLiteral("get_weather") },
              { QStringLiteral("parameters"),
                QJsonObject {
                    { QStringLiteral("type"), QStringLiteral("object") },
                    { QStringLiteral("properties"),
                      QJsonObject { { QStringLiteral("city"),
                                      QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } } } },
                    { QStringLiteral("required"), QJsonArray { QStringLiteral("city") } } } } } } } };
    const auto offered = PromptTools::fromJson(tools, choice, &error);
    QVERIFY2(offered, qPrintable(error));
    PromptItem item { QStringLiteral("w"), QStringLiteral("What is the weather in Paris?"), {}, {}, 1 };
    item.system = QStringLiteral("Use the tools you have.");
    item.tools = *offered;
    EvaluationInfo evaluation;
    evaluation.name = QStringLiteral("tools");
    evaluation.prompts = PromptSet::of({ item });
    evaluation.models = { QStringLiteral("sandbox/") + model };
    // The sandbox fills a string argument with "example".
    GraderSpec toolCall;
    toolCall.kind = GraderKind::ToolCall;
    toolCall.toolName = QStringLiteral("get_weather");
    toolCall.toolArguments = QJsonObject { { QStringLiteral("city"), QStringLiteral("example") } };
    evaluation.graders = { toolCall };
    EvaluationRun run(*m_engine, *m_store);
    QSignalSpy finished(&run, &EvaluationRun::finished);
    QVERIFY2(run.start(evaluation, &error), qPrintable(error));
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_engine->sandbox()->requestCount(model), 1);
    const QByteArray body = m_engine->sandbox()->lastRequestBody(model);
    QVERIFY2(body.contains("\"get_weather\"") && body.contains(toolsOnTheWire), body.constData());
    QVERIFY2(body.contains("Use the tools you have."), body.constData());
    const EvaluationCell& cell = run.cells().first();
    QCOMPARE(cell.state, CellState::Done);
    QVERIFY2(cell.grade.passed() == passes, qPrintable(cell.grade.reason));
    if (!passes) {
        QCOMPARE(cell.grade.reason, QStringLiteral("no tool was called (expected get_weather)"));
    }
}

void tst_EvaluationRun::severalGraders_eachVerdictKept_passOnlyWhenAllPass_data()
{
    QTest::addColumn<QStringList>("setGraders");
    QTest::addColumn<QStringList>("ownGraders"); // the first prompt's own, from its file
    QTest::addColumn<bool>("firstPasses");
    QTest::addColumn<bool>("secondPasses");
    QTest::addColumn<int>("verdictsOfTheSecond");
    QTest::addColumn<QString>("reasonOfTheSecond"); // how it starts
    // The sandbox answers every question in prose: something non-blank, never the bare word "x".
    QTest::newRow("two graders, both pass")
        << QStringList { "regex:\\S", "regex:[a-z]" } << QStringList {} << true << true << 2 << QString();
    QTest::newRow("two graders, one fails: the cell fails, naming it")
        << QStringList { "regex:\\S", "equals:x" } << QStringList {} << false << false << 2
        << "equals x: expected \"x\", got \"";
    QTest::newRow("a prompt's own grader replaces the set's two for it")
        << QStringList { "regex:\\S", "equals:x" } << QStringList { "regex:\\S" } << true << false << 2
        << "equals x: expected \"x\", got \"";
    QTest::newRow("a prompt's own two graders, the set's one")
        << QStringList { "regex:\\S" } << QStringList { "regex:\\S", "equals:x" } << false << true << 0 << QString();
}

void tst_EvaluationRun::severalGraders_eachVerdictKept_passOnlyWhenAllPass()
{
    QFETCH(QStringList, setGraders);
    QFETCH(QStringList, ownGraders);
    QFETCH(bool, firstPasses);
    QFETCH(bool, secondPasses);
    QFETCH(int, verdictsOfTheSecond);
    QFETCH(QString, reasonOfTheSecond);
    EvaluationInfo evaluation = info({ kMini }, graders(setGraders), 2);
    QList<PromptItem> items = evaluation.prompts.items();
    items[0].graders = graders(ownGraders);
    evaluation.prompts = PromptSet::of(items);
    EvaluationRun run(*m_engine, *m_store);
    QSignalSpy finished(&run, &EvaluationRun::finished);
    QString error;
    QVERIFY2(run.start(evaluation, &error), qPrintable(error));
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
    const EvaluationCell& first = run.cells().at(0);
    const EvaluationCell& second = run.cells().at(1);
    QVERIFY2(first.grade.passed() == firstPasses, qPrintable(first.grade.reason));
    QVERIFY2(second.grade.passed() == secondPasses, qPrintable(second.grade.reason));
    QCOMPARE(first.verdicts.size(),
             (ownGraders.isEmpty() ? setGraders : ownGraders).size() > 1
                 ? (ownGraders.isEmpty() ? setGraders : ownGraders).size()
                 : 0);
    QCOMPARE(second.verdicts.size(), verdictsOfTheSecond);
    QVERIFY2(second.grade.reason.startsWith(reasonOfTheSecond)
                 && reasonOfTheSecond.isEmpty() == second.grade.reason.isEmpty(),
             qPrintable(second.grade.reason));
    for (int v = 0; v < second.verdicts.size(); ++v) {
        QCOMPARE(second.verdicts.at(v).grader, grader(setGraders.at(v)).describe());
    }
    // The ledger keeps each grader's verdict with its cell, as the run had it.
    const auto stored = m_store->cells(run.evaluationId(), &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(*stored, run.cells());
}

void tst_EvaluationRun::toolOnlyAnswers_tornDownWhileJudging_resumeAsksNoModelAgain_data()
{
    QTest::addColumn<bool>("storePrompts");
    QTest::addColumn<QString>("judge");
    QTest::addColumn<int>("shownPerJudgeCall"); // tool calls the judge's last request showed
    QTest::newRow("prompt storage on, 1-10 judge: the calls are read from the ledger")
        << true << "llm-judge:sandbox/gpt-4.1" << 1;
    QTest::newRow("prompt storage off, 1-10 judge: the calls are read from the cell")
        << false << "llm-judge:sandbox/gpt-4.1" << 1;
    QTest::newRow("prompt storage on, pairwise: both answers' calls shown")
        << true << "llm-pairwise:sandbox/gpt-4.1" << 2;
    QTest::newRow("prompt storage off, pairwise: both answers' calls shown")
        << false << "llm-pairwise:sandbox/gpt-4.1" << 2;
}

// Every model answers with a tool call only; the judge never answers, and the run is torn down as
// a crash would stop it. The resume grades the calls the first run paid for (with prompt storage
// off the ledger keeps none: the cells do) and asks the judges again, which are shown the calls.
void tst_EvaluationRun::toolOnlyAnswers_tornDownWhileJudging_resumeAsksNoModelAgain()
{
    QFETCH(bool, storePrompts);
    QFETCH(QString, judge);
    QFETCH(int, shownPerJudgeCall);
    m_engine->setStorePrompts(storePrompts);
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"),
                                  SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    const int count = 2;
    const bool pairwise = judge.startsWith(QLatin1String("llm-pairwise"));
    EvaluationInfo evaluation = info({ kMini, kHaiku }, graders({ "tool-call:get_weather", judge }), count);
    evaluation.prompts = evaluation.prompts.withTools(weatherTools());
    qint64 id = 0;
    {
        EvaluationRun run(*m_engine, *m_store);
        run.setConcurrency(4);
        QString error;
        QVERIFY2(run.start(evaluation, &error), qPrintable(error));
        id = run.evaluationId();
        // Every judged cell has its first judge call out (pairwise: only the model against the baseline).
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1")),
                                  pairwise ? count : 2 * count, 10000);
        QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), count);
        QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("claude-haiku-4-5")), count);
    }
    flushLedger();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE tool_calls <> ''")).toInt() > 0, storePrompts);
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1"), SandboxFault {});
    {
        EvaluationRun run(*m_engine, *m_store);
        QSignalSpy finished(&run, &EvaluationRun::finished);
        QString error;
        QVERIFY2(run.resumeEvaluation(id, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<EvaluationStatus>(), EvaluationStatus::Complete);
        for (const EvaluationCell& cell : run.cells()) {
            QCOMPARE(cell.state, CellState::Done);
            QCOMPARE(cell.toolCalls.size(), 1);
            QCOMPARE(cell.toolCalls.first().name, QStringLiteral("get_weather"));
            QCOMPARE(cell.verdicts.size(), 2);
            QCOMPARE(cell.verdicts.first().grade, Grade::pass()); // the tool-call grader, on the calls kept
        }
    }
    // Server side: each model answered each prompt once over both runs.
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), count);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("claude-haiku-4-5")), count);
    // The judge was shown the calls, not an empty answer (the sandbox fills a string with "example").
    const QString shown = lastUserMessage(m_engine->sandbox(), QStringLiteral("gpt-4.1"));
    QVERIFY2(shown.count(QStringLiteral("[tool call] get_weather {\"city\":\"example\"}")) == shownPerJudgeCall,
             qPrintable(shown));
}

// A promptfoo file in its documented form: the tools one provider entry sets in its config go to
// that model's cells only; another model, without an entry, is asked without tools.
void tst_EvaluationRun::promptfooProviderTools_offeredToThatModelOnly()
{
    const QString path = QDir(m_home->path()).filePath(QStringLiteral("promptfooconfig.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"(prompts:
  - 'What is the weather in {{city}}?'
providers:
  - id: openai:chat:gpt-4.1-mini
    config:
      temperature: 0
      tools:
        - type: function
          function:
            name: get_weather
            parameters:
              type: object
              properties:
                city: { type: string }
              required: [city]
      tool_choice: required
  - anthropic:messages:claude-haiku-4-5
tests:
  - vars: { city: Paris }
    assert:
      - type: tool-call
        tool: get_weather
)");
    file.close();
    const PromptSet set = PromptSet::read(path);
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QString error;
    const auto planned = EvaluationPlan::of(path, set, {}, { kMini, kHaiku }, &error);
    QVERIFY2(planned, qPrintable(error));
    EvaluationRun run(*m_engine, *m_store);
    QSignalSpy finished(&run, &EvaluationRun::finished);
    QVERIFY2(run.start(*planned, &error), qPrintable(error));
    QVERIFY(finished.wait(20000));
    const QByteArray mini = m_engine->sandbox()->lastRequestBody(QStringLiteral("gpt-4.1-mini"));
    const QByteArray haiku = m_engine->sandbox()->lastRequestBody(QStringLiteral("claude-haiku-4-5"));
    QVERIFY2(mini.contains("\"get_weather\"") && mini.contains("\"required\""), mini.constData());
    QVERIFY2(!haiku.contains("get_weather") && !haiku.contains("\"tools\""), haiku.constData());
    QVERIFY2(run.cells().at(0).grade.passed(), qPrintable(run.cells().at(0).grade.reason));
    QCOMPARE(run.cells().at(1).grade.reason, QStringLiteral("no tool was called (expected get_weather)"));
    // Kept with the evaluation: a resume offers the same tools to the same model.
    const auto loaded = m_store->load(run.evaluationId(), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->prompts.items().first().toolsFor(kMini).tools.size(), 1);
    QVERIFY(loaded->prompts.items().first().toolsFor(kHaiku).isEmpty());
}

QTEST_GUILESS_MAIN(tst_EvaluationRun)
#include "tst_EvaluationRun.moc"
