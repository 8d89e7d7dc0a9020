#include "ClippedText.h"
#include "UiFixture.h"
#include "core/evaluation/EvaluationStore.h"
#include "core/ledger/Ledger.h"
#include "ui/common/FileDialogs.h"
#include "ui/workbench/EvaluationMatrixDialog.h"
#include "ui/workbench/EvaluationMatrixModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

// Tools > "Evaluation results...": an evaluation kept in a real SQLite ledger shown as a matrix of
// prompts x models with the totals; exported; every text shown whole, in English and German.
class tst_EvaluationMatrixDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matrix_cellsAndTotals();
    void export_writesTheChosenFormat();
    void matrix_pairwiseCells_showTheVerdictAgainstTheBaseline();
    void screenshot_nothingClipped_data();
    void screenshot_nothingClipped();

private:
    QTemporaryDir m_dir;
    QString m_ledger;
    qint64 m_id = 0;
};

void tst_EvaluationMatrixDialog::initTestCase()
{
    UiFixture::initTestCase(QStringLiteral("tst_evaluationmatrixdialog"));
    m_ledger = m_dir.filePath(QStringLiteral("ledger.sqlite"));
    {
        Ledger ledger;
        QVERIFY2(ledger.open(m_ledger), qPrintable(ledger.errorString()));
    }
    EvaluationStore store(m_ledger);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    EvaluationInfo info;
    info.createdAt = QDateTime::currentDateTimeUtc();
    info.name = QStringLiteral("arithmetic.jsonl");
    QList<PromptItem> items;
    for (int i = 1; i <= 5; ++i) {
        items.append({ QStringLiteral("sum-%1").arg(i),
                       QStringLiteral("What is %1+%1?").arg(i),
                       QString::number(2 * i),
                       {},
                       i });
    }
    info.prompts = PromptSet::of(items);
    info.models = { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-sonnet-4-5") };
    GraderSpec numeric;
    numeric.kind = GraderKind::Numeric;
    GraderSpec phrased;
    phrased.kind = GraderKind::Regex;
    phrased.value = QStringLiteral("^The answer");
    info.graders = { numeric, phrased }; // two graders: each cell keeps both verdicts
    info.status = EvaluationStatus::Incomplete;
    const auto id = store.create(info, &error);
    QVERIFY2(id, qPrintable(error));
    m_id = *id;
    for (int p = 0; p < 5; ++p) {
        for (const QString& model : info.models) {
            EvaluationCell cell;
            cell.promptIndex = p;
            cell.promptId = items.at(p).id;
            cell.model = model;
            const bool mini = model.contains(QLatin1String("mini"));
            if (mini && p == 4) {
                cell.state = CellState::Failed;
                cell.error = QStringLiteral("Server error (HTTP 503)");
                cell.costUsd = 0.0;
            } else {
                cell.state = CellState::Done;
                cell.verdicts
                    = { GraderVerdict::of(numeric,
                                          mini && p % 2 == 1 ? Grade::fail(QStringLiteral("5 is not within 1e-06 of 4"))
                                                             : Grade::pass()),
                        GraderVerdict::of(phrased, Grade::pass()) };
                cell.grade = GraderVerdict::combine(cell.verdicts);
                cell.costUsd = mini ? 0.000213 : 0.00915;
                cell.latencyMs = mini ? 640 + 10 * p : 1830 + 20 * p;
                cell.answer = QStringLiteral("The answer is %1.").arg(2 * (p + 1));
            }
            QVERIFY2(store.saveCell(m_id, cell, &error), qPrintable(error));
        }
    }
}

void tst_EvaluationMatrixDialog::matrix_cellsAndTotals()
{
    EvaluationMatrixDialog dialog(m_ledger);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(dialog.errorText().isEmpty());
    EvaluationMatrixModel* model = dialog.model();
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->rowCount(), 5 + EvaluationMatrixModel::TotalsRowCount);
    QCOMPARE(model->headerData(0, Qt::Vertical).toString(), QStringLiteral("sum-1"));
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("sandbox/claude-sonnet-4-5"));
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("pass · $0.000213 · 640 ms"));
    // A cell two graders judged: how many passed, and each one's verdict and reason as its tooltip.
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("fail, 1 of 2 graders · $0.000213 · 650 ms"));
    QCOMPARE(model->index(1, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("numeric ±1e-06: fail (5 is not within 1e-06 of 4)\nregex ^The answer: pass"));
    QCOMPARE(model->index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("numeric ±1e-06: pass\nregex ^The answer: pass"));
    QCOMPARE(model->index(4, 0).data().toString(), QStringLiteral("call failed"));
    const int totals = model->totalsRow();
    // mini: 2 of 4 graded pass; sonnet 5 of 5.
    QCOMPARE(model->index(totals + EvaluationMatrixModel::PassRateRow, 0).data().toString(),
             QStringLiteral("50.0 % (15.0 % – 85.0 %)"));
    QCOMPARE(model->index(totals + EvaluationMatrixModel::CostRow, 1).data().toString(), QStringLiteral("$0.04575"));
    QCOMPARE(model->index(totals + EvaluationMatrixModel::CostPerPassRow, 1).data().toString(),
             QStringLiteral("$0.00915"));
    QCOMPARE(model->index(totals + EvaluationMatrixModel::LatencyRow, 1).data().toString(),
             QStringLiteral("1870 ms / 1910 ms"));
    QVERIFY2(dialog.summaryText().startsWith(QStringLiteral("Cheapest model that passes:")),
             qPrintable(dialog.summaryText()));
}

void tst_EvaluationMatrixDialog::matrix_pairwiseCells_showTheVerdictAgainstTheBaseline()
{
    EvaluationInfo info;
    info.prompts = PromptSet::of({ { QStringLiteral("a"), QStringLiteral("A?"), {}, {}, 1 },
                                   { QStringLiteral("b"), QStringLiteral("B?"), {}, {}, 2 },
                                   { QStringLiteral("c"), QStringLiteral("C?"), {}, {}, 3 } });
    info.models = { QStringLiteral("cheap"), QStringLiteral("strong") }; // the first is the baseline
    GraderSpec pairwise;
    pairwise.kind = GraderKind::LlmPairwise;
    pairwise.judgeModel = QStringLiteral("judge");
    info.graders = { pairwise };
    QList<EvaluationCell> cells;
    const QList<Grade> verdicts { Grade::pass(1.0), Grade::pass(0.5),
                                  Grade::fail(QStringLiteral("worse than the baseline cheap in both orders"), 0.0) };
    for (int p = 0; p < 3; ++p) {
        for (const QString& model : info.models) {
            EvaluationCell cell;
            cell.promptIndex = p;
            cell.promptId = info.prompts.items().at(p).id;
            cell.model = model;
            cell.state = CellState::Done;
            cell.grade = model == QLatin1String("cheap") ? Grade::pass() : verdicts.at(p);
            cell.costUsd = 0.001;
            cell.latencyMs = 100;
            cells.append(cell);
        }
    }
    EvaluationMatrixModel model;
    model.setEvaluation(info, cells);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("baseline · $0.001 · 100 ms"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("win vs cheap · $0.001 · 100 ms"));
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("tie vs cheap · $0.001 · 100 ms"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("loss vs cheap · $0.001 · 100 ms"));
}

void tst_EvaluationMatrixDialog::export_writesTheChosenFormat()
{
    EvaluationMatrixDialog dialog(m_ledger);
    dialog.show();
    const QString path = m_dir.filePath(QStringLiteral("matrix.html"));
    FileDialogs::setNextSaveFileName(path);
    dialog.findChild<QPushButton*>(QStringLiteral("evaluationExportHtml"))->click();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QCOMPARE(html.count(QStringLiteral("<tr><th>sum-")), 5);
    QVERIFY(html.contains(QStringLiteral("class=\"fail\"")));
    // Each grader's verdict in the cell's title, the failing one named in the cell.
    QVERIFY(html.contains(
        QStringLiteral("title=\"numeric ±1e-06: fail (5 is not within 1e-06 of 4)\nregex ^The answer: pass\">"
                       "fail: numeric ±1e-06: 5 is not within 1e-06 of 4<br>")));
    const QString csv = m_dir.filePath(QStringLiteral("matrix.csv"));
    FileDialogs::setNextSaveFileName(csv);
    dialog.findChild<QPushButton*>(QStringLiteral("evaluationExportCsv"))->click();
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray rows = csvFile.readAll();
    QCOMPARE(rows.count('\n'), 1 + 10);
    QVERIFY(rows.startsWith("prompt_id,model,state,outcome,score,reason,cost_usd,judge_cost_usd,latency_ms,answer,"
                            "tool_calls,graders\r\n"));
    QVERIFY2(rows.contains(R"(""grader"":""numeric ±1e-06"",""outcome"":""fail"",""reason"":""5 is not within)"),
             rows.constData());
}

void tst_EvaluationMatrixDialog::screenshot_nothingClipped_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("German") << QStringLiteral("de");
}

void tst_EvaluationMatrixDialog::screenshot_nothingClipped()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/switchyard_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
    }
    {
        EvaluationMatrixDialog dialog(m_ledger);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList cut = ClippedText::find(&dialog);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        // Each cell and header of the matrix shown whole in its column.
        QTableView* table = dialog.table();
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                const QString text = table->model()->index(row, column).data().toString();
                QFont font = table->font();
                font.setBold(row >= dialog.model()->totalsRow());
                const int needed = QFontMetrics(font).horizontalAdvance(text);
                QVERIFY2(needed <= table->columnWidth(column),
                         qPrintable(QStringLiteral("%1 needs %2 px, has %3")
                                        .arg(text)
                                        .arg(needed)
                                        .arg(table->columnWidth(column))));
            }
        }
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString header = table->model()->headerData(row, Qt::Vertical).toString();
            QVERIFY2(table->verticalHeader()->fontMetrics().horizontalAdvance(header)
                         <= table->verticalHeader()->width(),
                     qPrintable(header));
        }
        QVERIFY2(table->horizontalScrollBar()->isHidden() || !table->horizontalScrollBar()->isVisible(),
                 "the matrix does not fit the dialog");
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(dialog.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/evaluation-matrix%1.png")
                                       .arg(language.isEmpty() ? QString() : u'-' + language)));
    }
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(tst_EvaluationMatrixDialog)
#include "tst_EvaluationMatrixDialog.moc"
