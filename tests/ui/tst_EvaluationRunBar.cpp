#include "ClippedText.h"
#include "UiFixture.h"
#include "core/evaluation/EvaluationRun.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/common/FileDialogs.h"
#include "ui/workbench/EvaluationMatrixDialog.h"
#include "ui/workbench/EvaluationMatrixModel.h"
#include "ui/workbench/EvaluationRunBar.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

// The evaluation dialog running evaluations on a sandboxed engine (real loopback providers, a real
// SQLite ledger): a set picked with Browse and two models checked run to the end while the matrix
// fills in; Pause stops new cells, Resume goes on, Cancel stops, "Resume evaluation" asks only the
// rest; a set it cannot read is refused naming its line, with nothing sent.
class tst_EvaluationRunBar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void browseCheckStart_runsToTheEnd_matrixFillsIn();
    void pauseResumeCancel_thenResumeEvaluation_asksOnlyTheRest();
    void badSet_refusedNamingTheLine_nothingSent();
    void toolsFile_offeredToEveryModel_badOneRefused();
    void severalGraders_eachVerdictInTheMatrix_screenshots_data();
    void severalGraders_eachVerdictInTheMatrix_screenshots();
    void badGraderLine_refusedNamingTheLine_nothingSent();

private:
    QString writeSet(const QString& name, int prompts);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
};

namespace {
const QString kMini = QStringLiteral("sandbox/gpt-4.1-mini");
const QString kHaiku = QStringLiteral("sandbox/claude-haiku-4-5");

int served(Engine& engine, const QString& model)
{
    return engine.sandbox()->requestCount(model.mid(model.indexOf(u'/') + 1));
}
} // namespace

void tst_EvaluationRunBar::initTestCase()
{
    UiFixture::initTestCase(QStringLiteral("tst_evaluationrunbar"));
}

void tst_EvaluationRunBar::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QString error;
    m_engine = UiFixture::openSandbox(m_home->path(), 0, &error);
    QVERIFY2(m_engine, qPrintable(error));
}

void tst_EvaluationRunBar::cleanup()
{
    m_engine.reset();
    m_home.reset();
}

QString tst_EvaluationRunBar::writeSet(const QString& name, int prompts)
{
    QByteArray lines;
    for (int i = 1; i <= prompts; ++i) {
        lines
            += QStringLiteral("{\"id\": \"q%1\", \"prompt\": \"Question %1?\", \"expected\": \"x\"}\n").arg(i).toUtf8();
    }
    const QString path = QDir(m_home->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size()) {
        return {};
    }
    return path;
}

void tst_EvaluationRunBar::browseCheckStart_runsToTheEnd_matrixFillsIn()
{
    const QString set = writeSet(QStringLiteral("questions.jsonl"), 3);
    QVERIFY(!set.isEmpty());
    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    EvaluationRunBar* bar = dialog.runBar();
    QVERIFY(bar);
    FileDialogs::setNextOpenFileName(set);
    QTest::mouseClick(bar->findChild<QPushButton*>(QStringLiteral("evaluationBrowse")), Qt::LeftButton);
    QCOMPARE(bar->setPath()->text(), set);
    bar->checkModels({ kMini, kHaiku });
    bar->graders()->setPlainText(QStringLiteral("regex:\\S"));
    QSignalSpy started(bar, &EvaluationRunBar::evaluationStarted);
    QSignalSpy finished(bar, &EvaluationRunBar::evaluationFinished);
    QTest::mouseClick(bar->startButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.first().at(1).value<EvaluationStatus>(), EvaluationStatus::Complete);
    const qint64 id = started.first().first().toLongLong();
    QCOMPARE(dialog.model()->info().id, id);
    QCOMPARE(bar->progress()->value(), 6);
    QCOMPARE(bar->progress()->maximum(), 6);
    QVERIFY2(bar->statusText().startsWith(QStringLiteral("Evaluation %1 complete").arg(id)),
             qPrintable(bar->statusText()));
    // The matrix shows the cells the run answered, and what it suggests.
    QCOMPARE(dialog.model()->cells().size(), 6);
    for (const EvaluationCell& cell : dialog.model()->cells()) {
        QCOMPARE(cell.state, CellState::Done);
    }
    QVERIFY2(dialog.summaryText().startsWith(QStringLiteral("Cheapest model that passes: ")),
             qPrintable(dialog.summaryText()));
    QVERIFY(!dialog.resumeButton()->isEnabled());
    // Server side: each prompt asked of each model once.
    QCOMPARE(served(*m_engine, kMini), 3);
    QCOMPARE(served(*m_engine, kHaiku), 3);

    QTest::qWait(50); // let the layout settle after the last texts changed
    const QStringList cut = ClippedText::find(&dialog);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
    QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
    QVERIFY(dialog.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/evaluation-run.png")));
}

void tst_EvaluationRunBar::pauseResumeCancel_thenResumeEvaluation_asksOnlyTheRest()
{
    m_engine->sandbox()->setTimeScale(0.2); // a call takes about 100-200 ms
    const int count = 8;
    const QString set = writeSet(QStringLiteral("slow.jsonl"), count);
    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    EvaluationRunBar* bar = dialog.runBar();
    bar->setPath()->setText(set);
    bar->checkModels({ kMini });
    bar->concurrency()->setValue(1);
    QSignalSpy finished(bar, &EvaluationRunBar::evaluationFinished);
    QTest::mouseClick(bar->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(bar->progress()->value() >= 1, 10000);
    QVERIFY2(bar->statusText().contains(QStringLiteral("left")), qPrintable(bar->statusText()));
    QVERIFY(!bar->startButton()->isEnabled());

    QTest::mouseClick(bar->pauseButton(), Qt::LeftButton);
    QCOMPARE(bar->pauseButton()->text(), QStringLiteral("&Resume"));
    // The cell in flight may finish; then nothing new is sent.
    QTRY_VERIFY_WITH_TIMEOUT(served(*m_engine, kMini) == bar->progress()->value(), 5000);
    const int whilePaused = served(*m_engine, kMini);
    QTest::qWait(500);
    QCOMPARE(served(*m_engine, kMini), whilePaused);
    QVERIFY2(bar->statusText().startsWith(QStringLiteral("Paused")), qPrintable(bar->statusText()));

    QTest::mouseClick(bar->pauseButton(), Qt::LeftButton);
    QCOMPARE(bar->pauseButton()->text(), QStringLiteral("&Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->progress()->value() > whilePaused, 10000);
    QTest::mouseClick(bar->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(1).value<EvaluationStatus>(), EvaluationStatus::Incomplete);
    const int doneBeforeCancel = bar->progress()->value();
    QVERIFY(doneBeforeCancel < count);
    QVERIFY2(bar->statusText().contains(QStringLiteral("resume it")), qPrintable(bar->statusText()));
    const int sentBeforeResume = served(*m_engine, kMini);

    // The evaluation shown is incomplete: "Resume evaluation" asks the cells not done, and only them.
    QVERIFY(dialog.resumeButton()->isEnabled());
    m_engine->sandbox()->setTimeScale(0);
    QTest::mouseClick(dialog.resumeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(finished.last().at(1).value<EvaluationStatus>(), EvaluationStatus::Complete);
    QCOMPARE(bar->progress()->value(), count);
    QCOMPARE(served(*m_engine, kMini), sentBeforeResume + (count - doneBeforeCancel));
    QVERIFY(!dialog.resumeButton()->isEnabled());
}

void tst_EvaluationRunBar::badSet_refusedNamingTheLine_nothingSent()
{
    const QString path = QDir(m_home->path()).filePath(QStringLiteral("bad.jsonl"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": 1, \"prompt\": \"fine\", \"expected\": \"x\"}\n{\"id\": 2, \"prompt\": 3}\n");
    }
    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    EvaluationRunBar* bar = dialog.runBar();
    bar->setPath()->setText(path);
    bar->checkModels({ kMini });
    QSignalSpy failed(bar, &EvaluationRunBar::failed);
    QSignalSpy started(bar, &EvaluationRunBar::evaluationStarted);
    bar->start();
    QVERIFY(failed.wait(10000));
    QVERIFY2(bar->statusText().startsWith(path + QStringLiteral(":2: ")), qPrintable(bar->statusText()));
    QCOMPARE(started.size(), 0);
    QCOMPARE(m_engine->sandbox()->totalRequests(), 0);
    QVERIFY(bar->startButton()->isEnabled());
}

// The run box's tools file, as `eval run --tools`: offered to both models (Haiku's translated),
// one of which answers in text under "auto"; a tools file that is no JSON is refused naming its
// line and column, with nothing sent.
void tst_EvaluationRunBar::toolsFile_offeredToEveryModel_badOneRefused()
{
    const QString set = writeSet(QStringLiteral("weather.jsonl"), 2);
    const QString tools = QDir(m_home->path()).filePath(QStringLiteral("tools.json"));
    {
        QFile file(tools);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"parameters\": "
                   "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}}], \"tool_choice\": "
                   "\"auto\"}\n");
    }
    m_engine->sandbox()->setCallsToolsWhenFree(QStringLiteral("claude-haiku-4-5"), false);
    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    EvaluationRunBar* bar = dialog.runBar();
    bar->setPath()->setText(set);
    bar->toolsPath()->setText(tools);
    bar->checkModels({ kMini, kHaiku });
    bar->graders()->setPlainText(QStringLiteral("tool-call:get_weather"));
    QSignalSpy finished(bar, &EvaluationRunBar::evaluationFinished);
    bar->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(served(*m_engine, kMini), 2);
    QCOMPARE(served(*m_engine, kHaiku), 2);
    QVERIFY(m_engine->sandbox()->lastRequestBody(QStringLiteral("gpt-4.1-mini")).contains("\"get_weather\""));
    QVERIFY(m_engine->sandbox()->lastRequestBody(QStringLiteral("claude-haiku-4-5")).contains("\"input_schema\""));
    int passes = 0;
    for (const EvaluationCell& cell : dialog.model()->cells()) {
        QCOMPARE(cell.grade.passed(), cell.model == kMini);
        passes += cell.grade.passed() ? 1 : 0;
    }
    QCOMPARE(passes, 2);

    {
        QFile file(tools);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[{\"type\": \"function\",\n \"function\": {\"name\": }}]\n");
    }
    m_engine->sandbox()->resetCounts();
    QSignalSpy failed(bar, &EvaluationRunBar::failed);
    bar->start();
    QVERIFY(failed.wait(10000));
    QVERIFY2(bar->statusText().startsWith(tools + QStringLiteral(":2:")), qPrintable(bar->statusText()));
    QCOMPARE(m_engine->sandbox()->totalRequests(), 0);
}

void tst_EvaluationRunBar::severalGraders_eachVerdictInTheMatrix_screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en"); // its plural forms, as the app loads them
    QTest::newRow("German") << QStringLiteral("de");
}

// Two graders in the run box, one a line (a pattern with a comma among them), and a prompt of the
// set that names its own: a cell passes only when both pass, the matrix says how many passed and
// shows each verdict as the tooltip, the prompt's own grader replaces the box's for it, and the
// status says so. Screenshots of the run box and the matrix, nothing clipped, in both languages.
void tst_EvaluationRunBar::severalGraders_eachVerdictInTheMatrix_screenshots()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/switchyard_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
    }
    const QString set = QDir(m_home->path()).filePath(QStringLiteral("graded.jsonl"));
    {
        QFile file(set);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": \"q1\", \"prompt\": \"Question 1?\"}\n"
                   "{\"id\": \"q2\", \"prompt\": \"Question 2?\"}\n"
                   "{\"id\": \"own\", \"prompt\": \"Question 3?\", \"grader\": \"regex:\\\\S\"}\n");
    }
    {
        EvaluationMatrixDialog dialog(m_engine->ledgerPath());
        dialog.enableRuns(*m_engine);
        dialog.resize(1100, 760);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        EvaluationRunBar* bar = dialog.runBar();
        bar->setPath()->setText(set);
        bar->checkModels({ kMini, kHaiku });
        bar->graders()->setPlainText(QStringLiteral("regex:\\S{1,}\nequals:x\n"));
        QSignalSpy finished(bar, &EvaluationRunBar::evaluationFinished);
        QTest::mouseClick(bar->startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(1).value<EvaluationStatus>(), EvaluationStatus::Complete);
        QCOMPARE(served(*m_engine, kMini), 3);
        QCOMPARE(served(*m_engine, kHaiku), 3);
        const EvaluationInfo& info = dialog.model()->info();
        QCOMPARE(info.graders.size(), 2);
        QCOMPARE(info.graders.first().value, QStringLiteral("\\S{1,}"));
        for (const EvaluationCell& cell : dialog.model()->cells()) {
            if (cell.promptId == QLatin1String("own")) {
                QVERIFY2(cell.grade.passed(), qPrintable(cell.grade.reason)); // its own grader only
                QVERIFY(cell.verdicts.isEmpty());
                continue;
            }
            QVERIFY(!cell.grade.passed());
            QCOMPARE(cell.verdicts.size(), 2);
            QVERIFY2(cell.verdicts.at(0).grade.passed(), qPrintable(cell.verdicts.at(0).grade.reason));
            QCOMPARE(cell.verdicts.at(1).grade.outcome, GradeOutcome::Fail);
        }
        EvaluationMatrixModel* model = dialog.model();
        const QStringList tooltip = model->index(0, 0).data(Qt::ToolTipRole).toString().split(u'\n');
        QCOMPARE(tooltip.size(), 2);
        QVERIFY2(tooltip.at(0).startsWith(QStringLiteral("regex \\S{1,}: ")), qPrintable(tooltip.at(0)));
        QVERIFY2(tooltip.at(1).startsWith(QStringLiteral("equals x: ")), qPrintable(tooltip.at(1)));
        if (language == QLatin1String("en")) {
            QVERIFY2(model->index(0, 0).data().toString().startsWith(QStringLiteral("fail, 1 of 2 graders · ")),
                     qPrintable(model->index(0, 0).data().toString()));
            QVERIFY2(bar->statusText().contains(
                         QStringLiteral("Graders: regex \\S{1,}, equals x; a cell passes when every one passes. "
                                        "1 of 3 prompts names its own graders, which replace these for it.")),
                     qPrintable(bar->statusText()));
        }
        QTest::qWait(50); // let the layout settle after the last texts changed
        const QStringList cut = ClippedText::find(&dialog);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        QTableView* table = dialog.table();
        for (int column = 0; column < model->columnCount(); ++column) {
            const QString text = model->index(0, column).data().toString();
            QVERIFY2(table->fontMetrics().horizontalAdvance(text) <= table->columnWidth(column), qPrintable(text));
        }
        const QString suffix = language == QLatin1String("en") ? QString() : u'-' + language;
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(
            dialog.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/evaluation-run-graders%1.png").arg(suffix)));
        QVERIFY(bar->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/evaluation-run-box%1.png").arg(suffix)));
    }
    QCoreApplication::removeTranslator(&translator);
}

void tst_EvaluationRunBar::badGraderLine_refusedNamingTheLine_nothingSent()
{
    const QString set = writeSet(QStringLiteral("questions.jsonl"), 2);
    EvaluationMatrixDialog dialog(m_engine->ledgerPath());
    dialog.enableRuns(*m_engine);
    EvaluationRunBar* bar = dialog.runBar();
    bar->setPath()->setText(set);
    bar->checkModels({ kMini });
    bar->graders()->setPlainText(QStringLiteral("regex:\\S\nbogus:1\n"));
    QSignalSpy failed(bar, &EvaluationRunBar::failed);
    bar->start();
    QVERIFY(failed.wait(10000));
    QVERIFY2(bar->statusText().startsWith(QStringLiteral("Graders, line 2: ")), qPrintable(bar->statusText()));
    QCOMPARE(m_engine->sandbox()->totalRequests(), 0);
}

QTEST_MAIN(tst_EvaluationRunBar)
#include "tst_EvaluationRunBar.moc"
