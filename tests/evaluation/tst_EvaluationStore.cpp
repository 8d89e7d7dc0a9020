#include "PostgresServer.h"
#include "core/evaluation/EvaluationStore.h"
#include "core/ledger/Ledger.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(ToolCall)
Q_DECLARE_METATYPE(GraderVerdict)

// The evaluations' tables (ledger schema 9) on both backends: an evaluation and its cells kept,
// a cell written again replacing the earlier one (a resumed cell), an unknown id named; a cell's
// tool calls and its graders' verdicts kept in the answer and reason columns (no new column), and
// every text, even one that reads like that form, coming back as it went in.
class tst_EvaluationStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createSaveReload_data();
    void createSaveReload();
    void cellVerdictsAndToolCalls_roundTrip_data();
    void cellVerdictsAndToolCalls_roundTrip();

private:
    QTemporaryDir m_dir;
    PostgresServer m_server;
    bool m_postgres = false;
};

void tst_EvaluationStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_postgres = m_server.start();
    if (!m_postgres) {
        qWarning("PostgreSQL rows skipped: %s", qPrintable(m_server.skipReason()));
    }
}

void tst_EvaluationStore::createSaveReload_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgresql") << true;
}

void tst_EvaluationStore::createSaveReload()
{
    QFETCH(bool, postgres);
    if (postgres && !m_postgres) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
    const QString location = postgres ? m_server.createDatabase() : m_dir.filePath(QStringLiteral("ledger.sqlite"));
    {
        Ledger ledger; // creates the schema, as the engine does
        QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
    }
    EvaluationStore store(location);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));

    EvaluationInfo info;
    info.createdAt = QDateTime::fromMSecsSinceEpoch(1767225600000, Qt::UTC);
    info.name = QStringLiteral("set.jsonl");
    GraderSpec judge;
    judge.kind = GraderKind::LlmJudge;
    judge.judgeModel = QStringLiteral("sandbox/gpt-5");
    judge.rubric = QStringLiteral("Correct?");
    GraderSpec numeric;
    numeric.kind = GraderKind::Numeric;
    numeric.tolerance = 0.5;
    info.prompts = PromptSet::of({ { QStringLiteral("a"), QStringLiteral("2+2?"), QStringLiteral("4"), { numeric }, 1 },
                                   { QStringLiteral("b"), QStringLiteral("Name a colour."), {}, {}, 2 } });
    info.models = { QStringLiteral("m1"), QStringLiteral("m2") };
    info.graders = { judge };
    const auto id = store.create(info, &error);
    QVERIFY2(id, qPrintable(error));
    const auto second = store.create(info, &error);
    QVERIFY2(second && *second != *id, qPrintable(error));

    EvaluationCell failed;
    failed.promptIndex = 1;
    failed.promptId = QStringLiteral("b");
    failed.model = QStringLiteral("m2");
    failed.state = CellState::Failed;
    failed.grade = Grade::error(QStringLiteral("Server error (HTTP 503)"));
    failed.error = QStringLiteral("Server error (HTTP 503)");
    failed.requestId = QStringLiteral("r-1");
    failed.costUsd = 0.0;
    QVERIFY2(store.saveCell(*id, failed, &error), qPrintable(error));
    EvaluationCell done = failed;
    done.state = CellState::Done;
    done.grade = Grade::fail(QStringLiteral("the judge scored 4, below 7"), 4);
    done.error.clear();
    done.answer = QStringLiteral("Blue.");
    done.requestId = QStringLiteral("r-2");
    done.judgeRequestId = QStringLiteral("r-3");
    done.costUsd = 0.00125;
    done.judgeCostUsd = 0.0003;
    done.latencyMs = 812;
    QVERIFY2(store.saveCell(*id, done, &error), qPrintable(error)); // the resumed cell replaces it
    EvaluationCell unpriced;
    unpriced.promptId = QStringLiteral("a");
    unpriced.model = QStringLiteral("m1");
    unpriced.state = CellState::Done;
    unpriced.grade = Grade::pass();
    QVERIFY2(store.saveCell(*id, unpriced, &error), qPrintable(error));
    QVERIFY(store.setStatus(*id, EvaluationStatus::Incomplete, &error));

    const auto loaded = store.load(*id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->name, info.name);
    QCOMPARE(loaded->createdAt, info.createdAt);
    QCOMPARE(loaded->prompts.items(), info.prompts.items());
    QCOMPARE(loaded->models, info.models);
    QVERIFY(loaded->graders == info.graders);
    QCOMPARE(loaded->status, EvaluationStatus::Incomplete);
    const auto cells = store.cells(*id, &error);
    QVERIFY2(cells, qPrintable(error));
    QCOMPARE(cells->size(), 2);
    QCOMPARE(cells->at(0), unpriced);
    QCOMPARE(cells->at(1), done);
    QCOMPARE(store.cells(*second, &error)->size(), 0);
    QVERIFY(!store.load(*second + 100, &error));
    QCOMPARE(error, QStringLiteral("there is no evaluation %1 in the ledger").arg(*second + 100));
}

void tst_EvaluationStore::cellVerdictsAndToolCalls_roundTrip_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QList<ToolCall>>("toolCalls");
    QTest::addColumn<QList<GraderVerdict>>("verdicts");
    QTest::addColumn<QString>("reason");
    const QList<ToolCall> none;
    const QList<ToolCall> weather { { QStringLiteral("call_1"), QStringLiteral("get_weather"),
                                      QStringLiteral("{\"city\":\"Paris\"}") } };
    const QList<GraderVerdict> one;
    const QList<GraderVerdict> two { { QStringLiteral("regex \\d"), Grade::pass() },
                                     { QStringLiteral("equals 4"),
                                       Grade::fail(QStringLiteral("the answer is not 4")) } };
    QTest::newRow("plain text, one grader") << "Four." << none << one << "the answer is not 4";
    QTest::newRow("only tool calls") << QString() << weather << one << QString();
    QTest::newRow("text and tool calls") << "Let me look." << weather << one << QString();
    QTest::newRow("two graders, each verdict kept") << "Four." << none << two << "equals 4: the answer is not 4";
    QTest::newRow("tool calls and two graders") << QString() << weather << two << "equals 4: the answer is not 4";
    QTest::newRow("a text answer that reads like the kept form")
        << R"({"switchyard_answer":{"text":"x","tool_calls":[]}})" << none << one
        << R"({"switchyard_verdicts":{"reason":"r","graders":[]}})";
}

void tst_EvaluationStore::cellVerdictsAndToolCalls_roundTrip()
{
    QFETCH(QString, answer);
    QFETCH(QList<ToolCall>, toolCalls);
    QFETCH(QList<GraderVerdict>, verdicts);
    QFETCH(QString, reason);
    const QString location = m_dir.filePath(QStringLiteral("cells-%1.sqlite").arg(QTest::currentDataTag()));
    {
        Ledger ledger;
        QVERIFY2(ledger.open(location), qPrintable(ledger.errorString()));
    }
    EvaluationStore store(location);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    EvaluationInfo info;
    info.createdAt = QDateTime::currentDateTimeUtc();
    info.name = QStringLiteral("set.jsonl");
    info.prompts = PromptSet::of({ { QStringLiteral("a"), QStringLiteral("2+2?"), QStringLiteral("4"), {}, 1 } });
    info.models = { QStringLiteral("m1") };
    const auto id = store.create(info, &error);
    QVERIFY2(id, qPrintable(error));
    EvaluationCell cell;
    cell.promptId = QStringLiteral("a");
    cell.model = QStringLiteral("m1");
    cell.state = CellState::Done;
    cell.answer = answer;
    cell.toolCalls = toolCalls;
    cell.verdicts = verdicts;
    cell.grade = verdicts.isEmpty() ? Grade::fail(reason) : GraderVerdict::combine(verdicts);
    if (reason.isEmpty()) {
        cell.grade = Grade::pass();
    }
    QCOMPARE(cell.grade.reason, reason);
    QVERIFY2(store.saveCell(*id, cell, &error), qPrintable(error));
    const auto cells = store.cells(*id, &error);
    QVERIFY2(cells, qPrintable(error));
    QCOMPARE(cells->size(), 1);
    QCOMPARE(cells->first().answer, answer);
    QCOMPARE(cells->first().toolCalls, toolCalls);
    QCOMPARE(cells->first().verdicts, verdicts);
    QCOMPARE(cells->first().grade, cell.grade);
}

QTEST_GUILESS_MAIN(tst_EvaluationStore)
#include "tst_EvaluationStore.moc"
