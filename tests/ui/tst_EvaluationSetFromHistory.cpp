#include "ClippedText.h"
#include "UiFixture.h"
#include "core/evaluation/PromptSet.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "ui/workbench/EvaluationMatrixDialog.h"
#include "ui/workbench/EvaluationRunBar.h"
#include "ui/workbench/EvaluationSetDialog.h"
#include "ui/workbench/HistoryPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// History runs in a real SQLite ledger, selected in the history list: "New evaluation set from
// selection..." writes their prompts as a JSONL set (a chosen model's answers as the expected
// ones), which opens in the evaluation run box and runs over the sandbox.
class tst_EvaluationSetFromHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void selectedRuns_becomeASet_thatRuns();
    void gatewayRow_becomesASetThatOffersItsSystemAndTools();

private:
    void recordRun(const QString& group, const QString& prompt, const QStringList& models, int minutesAgo);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
};

namespace {
const QString kMini = QStringLiteral("sandbox/gpt-4.1-mini");
const QString kHaiku = QStringLiteral("sandbox/claude-haiku-4-5");
} // namespace

void tst_EvaluationSetFromHistory::initTestCase()
{
    UiFixture::initTestCase(QStringLiteral("tst_evaluationsetfromhistory"));
}

void tst_EvaluationSetFromHistory::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QString error;
    m_engine = UiFixture::openSandbox(m_home->path(), 0, &error);
    QVERIFY2(m_engine, qPrintable(error));
}

void tst_EvaluationSetFromHistory::cleanup()
{
    m_engine.reset();
    m_home.reset();
}

void tst_EvaluationSetFromHistory::recordRun(const QString& group, const QString& prompt, const QStringList& models,
                                             int minutesAgo)
{
    for (const QString& model : models) {
        RequestRecord record;
        record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
        record.source = RequestSource::Workbench;
        record.prompt = prompt;
        record.finalModel = model;
        record.finalProvider = model.section(u'/', 0, 0);
        record.compareGroup = group;
        record.answer = QStringLiteral("%1 says: an answer to %2").arg(model, prompt);
        record.costUsd = 0.001;
        m_engine->ledger()->record(record);
    }
}

void tst_EvaluationSetFromHistory::selectedRuns_becomeASet_thatRuns()
{
    recordRun(QStringLiteral("g-sum"), QStringLiteral("What is 2+2?"), { kMini, kHaiku }, 3);
    recordRun(QStringLiteral("g-colour"), QStringLiteral("Name a colour."), { kMini, kHaiku }, 2);
    recordRun(QStringLiteral("g-hello"), QStringLiteral("Say hello."), { kMini }, 1);
    QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
    m_engine->ledger()->flush();
    QVERIFY(flushed.wait(5000));

    // The history list as the main window wires it: the ledger's workbench rows.
    auto queries = std::make_shared<LedgerQueries>(m_engine->ledgerPath());
    HistoryPanel history([queries](const QString& text) { return queries->recentRequests(400, 0, text); },
                         [queries](const QString& group) { return queries->requestsInCompareGroup(group); });
    history.reload();
    QCOMPARE(history.list()->count(), 3); // newest first: hello, colour, sum
    QVERIFY(!history.newEvaluationSetAction()->isEnabled());
    QVERIFY(history.list()->actions().contains(history.newEvaluationSetAction())); // its context menu
    history.list()->item(0)->setSelected(true);
    history.list()->item(2)->setSelected(true);
    QVERIFY(history.newEvaluationSetAction()->isEnabled());
    QSignalSpy requested(&history, &HistoryPanel::evaluationSetRequested);
    history.newEvaluationSetAction()->trigger();
    QCOMPARE(requested.size(), 1);
    const auto records = requested.first().first().value<QList<RequestRecord>>();
    QCOMPARE(records.size(), 3); // hello's one column, sum's two

    // Haiku's answers become the expected ones; "Say hello." had no Haiku column: no expected answer.
    const QString path = QDir(m_home->path()).filePath(QStringLiteral("from-history"));
    EvaluationSetDialog chooser(records, path);
    chooser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chooser));
    QCOMPARE(chooser.expectedFrom()->count(), 3); // none, mini, haiku
    chooser.expectedFrom()->setCurrentIndex(chooser.expectedFrom()->findData(kHaiku));
    const QStringList cut = ClippedText::find(&chooser);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
    QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
    QVERIFY(chooser.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/evaluation-set-from-history.png")));
    chooser.accept();
    QCOMPARE(chooser.result(), int(QDialog::Accepted));
    QCOMPARE(chooser.writtenPath(), path + QStringLiteral(".jsonl"));
    const PromptSet set = PromptSet::read(chooser.writtenPath());
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QCOMPARE(set.size(), 2);
    QCOMPARE(set.items().at(0).prompt, QStringLiteral("Say hello."));
    QCOMPARE(set.items().at(0).expected, QString());
    QCOMPARE(set.items().at(1).prompt, QStringLiteral("What is 2+2?"));
    QCOMPARE(set.items().at(1).expected, QStringLiteral("%1 says: an answer to What is 2+2?").arg(kHaiku));

    // It opens in the run box with the runs' models checked, and runs over the sandbox.
    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    dialog.openSet(chooser.writtenPath(), { kMini, kHaiku });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    EvaluationRunBar* bar = dialog.runBar();
    QCOMPARE(bar->setPath()->text(), chooser.writtenPath());
    bar->graders()->setPlainText(QStringLiteral("regex:\\S"));
    QSignalSpy finished(bar, &EvaluationRunBar::evaluationFinished);
    m_engine->sandbox()->resetCounts();
    QTest::mouseClick(bar->startButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(1).value<EvaluationStatus>(), EvaluationStatus::Complete);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("claude-haiku-4-5")), 2);
}

// An agent's request that came through the gateway, made a set by the dialog: the set asks its
// question with the system prompt and tools the agent sent, and the run offers them to the model.
void tst_EvaluationSetFromHistory::gatewayRow_becomesASetThatOffersItsSystemAndTools()
{
    RequestRecord agent;
    agent.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    agent.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    agent.source = RequestSource::Gateway;
    agent.prompt = QStringLiteral("Rain in Oslo?");
    agent.finalModel = kHaiku;
    agent.finalProvider = QStringLiteral("sandbox");
    agent.costUsd = 0.001;
    agent.system = QStringLiteral("You forecast weather.");
    agent.tools = QJsonArray { QJsonObject {
        { "type", "function" },
        { "function",
          QJsonObject {
              { "name", "get_weather" },
              { "parameters",
                QJsonObject {
                    { "type", "object" },
                    { "properties", QJsonObject { { "city", QJsonObject { { "type", "string" } } } } } } } } } } };
    agent.toolChoice = QStringLiteral("auto");
    m_engine->ledger()->record(agent);
    QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
    m_engine->ledger()->flush();
    QVERIFY(flushed.wait(5000));

    // The row as the ledger gives it back (the History list shows workbench runs; the dialog
    // writes whatever rows it is handed, as `eval import-history` does).
    const QList<RequestRecord> rows = LedgerQueries(m_engine->ledgerPath()).recentRequests(10);
    QCOMPARE(rows.size(), 1);
    EvaluationSetDialog chooser(rows, QDir(m_home->path()).filePath(QStringLiteral("agent")));
    chooser.accept();
    QCOMPARE(chooser.result(), int(QDialog::Accepted));
    const PromptSet set = PromptSet::read(chooser.writtenPath());
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QCOMPARE(set.size(), 1);
    QCOMPARE(set.items().at(0).system, agent.system);
    QCOMPARE(set.items().at(0).tools.tools.toJson(), agent.tools);
    QCOMPARE(set.items().at(0).tools.choice, QJsonValue(QStringLiteral("auto")));

    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    dialog.openSet(chooser.writtenPath(), { kMini });
    EvaluationRunBar* bar = dialog.runBar();
    bar->graders()->setPlainText(QStringLiteral("tool-call:get_weather"));
    QSignalSpy finished(bar, &EvaluationRunBar::evaluationFinished);
    m_engine->sandbox()->resetCounts();
    QTest::mouseClick(bar->startButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 1);
    // What the sandbox received: the agent's system prompt and its tool.
    const QJsonObject sent
        = QJsonDocument::fromJson(m_engine->sandbox()->lastRequestBody(QStringLiteral("gpt-4.1-mini"))).object();
    QCOMPARE(
        sent.value(QLatin1String("messages")).toArray().first().toObject().value(QLatin1String("content")).toString(),
        agent.system);
    QCOMPARE(sent.value(QLatin1String("tools"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("function"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("get_weather"));
    QCOMPARE(sent.value(QLatin1String("tool_choice")).toString(), QStringLiteral("auto"));
}

QTEST_MAIN(tst_EvaluationSetFromHistory)
#include "tst_EvaluationSetFromHistory.moc"
