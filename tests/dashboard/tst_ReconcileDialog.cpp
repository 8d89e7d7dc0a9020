// "Reconcile with invoice..." from the dashboard, on the offscreen platform, over a ledger the
// Ledger writer filled (tests/reconcile/ReconcileFixture.h) and the samples in tests/data/reconcile.
#include "../reconcile/ReconcileFixture.h"

#include "ui/common/FileDialogs.h"
#include "ui/common/StatusColors.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/ReconcileDialog.h"
#include "ui/dashboard/ReconcileModel.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class tst_ReconcileDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dashboardButton_opensDialog_fileFromPicker();
    void sample_rowsAndHighlights_data();
    void sample_rowsAndHighlights();
    void threshold_changesWhatIsHighlighted();
    void malformedFile_showsThePlaceAndNoRows();
    void screenshot();

private:
    ReconcileDialog::Sources sources() const { return { m_ledgerPath, {}, {} }; }

    QTemporaryDir m_dir;
    QString m_ledgerPath;
};

void tst_ReconcileDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ledgerPath = m_dir.filePath(QStringLiteral("ledger.sqlite"));
    QVERIFY(ReconcileFixture::fill(m_ledgerPath));
}

void tst_ReconcileDialog::dashboardButton_opensDialog_fileFromPicker()
{
    DashboardView::Sources dashboardSources;
    dashboardSources.ledgerPath = m_ledgerPath;
    DashboardView view(dashboardSources);
    view.resize(1200, 800);
    view.show();
    auto* button = view.findChild<QPushButton*>(QStringLiteral("reconcileButton"));
    QVERIFY(button);
    button->click();
    auto* dialog = view.findChild<ReconcileDialog*>(QStringLiteral("reconcileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    FileDialogs::setNextOpenFileName(ReconcileFixture::sample(QStringLiteral("openai-costs.json")));
    dialog->findChild<QPushButton*>(QStringLiteral("reconcileChoose"))->click();
    QCOMPARE(dialog->model()->rowCount(), 5);
    QVERIFY(dialog->errorText().isEmpty());
    QVERIFY2(dialog->summaryText().contains(QLatin1String("3 matched")), qPrintable(dialog->summaryText()));
    dialog->close();
}

void tst_ReconcileDialog::sample_rowsAndHighlights_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("drift");
    QTest::addColumn<int>("tone"); // StatusTone of the status and drift text
    QTest::addColumn<bool>("highlighted"); // the drift cell's problem background

    // Rows are by day, then canonical model: d1 gpt-4o, d1 gpt-4o-mini, d2 gpt-4-1, d2 gpt-4o, d2 o3-mini.
    QTest::newRow("matched within the threshold") << "openai-costs.json" << 0 << "matched"
                                                  << "0.0 %" << int(StatusTone::Good) << false;
    QTest::newRow("spend outside Switchyard") << "openai-costs.json" << 2 << "missing in ledger"
                                              << "-" << int(StatusTone::Bad) << true;
    QTest::newRow("drift of -25 % above 5 %") << "openai-costs.json" << 3 << "matched"
                                              << "-25.0 %" << int(StatusTone::Warning) << true;
    QTest::newRow("recorded, not billed") << "openai-costs.json" << 4 << "missing at provider"
                                          << "-" << int(StatusTone::Warning) << true;
    QTest::newRow("OpenRouter CSV, matched") << "openrouter-activity.csv" << 0 << "matched"
                                             << "0.0 %" << int(StatusTone::Good) << false;
}

void tst_ReconcileDialog::sample_rowsAndHighlights()
{
    QFETCH(QString, file);
    QFETCH(int, row);
    QFETCH(QString, status);
    QFETCH(QString, drift);
    QFETCH(int, tone);
    QFETCH(bool, highlighted);

    ReconcileDialog dialog(sources());
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(dialog.openFile(ReconcileFixture::sample(file)));
    const ReconcileModel* model = dialog.model();
    QCOMPARE(model->index(row, ReconcileModel::Status).data().toString(), status);
    QCOMPARE(model->index(row, ReconcileModel::Drift).data().toString(), drift);
    QCOMPARE(model->index(row, ReconcileModel::Drift).data(Qt::ForegroundRole).value<QColor>(),
             StatusColors::color(StatusTone(tone)));
    QCOMPARE(model->index(row, ReconcileModel::Drift).data(Qt::BackgroundRole).isValid(), highlighted);
}

void tst_ReconcileDialog::threshold_changesWhatIsHighlighted()
{
    ReconcileDialog dialog(sources());
    QVERIFY(dialog.openFile(ReconcileFixture::sample(QStringLiteral("openai-costs.json"))));
    QCOMPARE(dialog.model()->report().flagged, 3);
    dialog.setThresholdPercent(30);
    QCOMPARE(dialog.model()->report().flagged, 2);
    QVERIFY(!dialog.model()->index(3, ReconcileModel::Drift).data(Qt::BackgroundRole).isValid());
}

void tst_ReconcileDialog::malformedFile_showsThePlaceAndNoRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("usage.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("start_time,model,input_tokens,output_tokens,num_model_requests\n1793664000,gpt-4o,12x,5,1\n");
    file.close();
    ReconcileDialog dialog(sources());
    QVERIFY(dialog.openFile(ReconcileFixture::sample(QStringLiteral("openai-costs.json"))));
    QVERIFY(!dialog.openFile(path));
    QVERIFY2(dialog.errorText().contains(path + QStringLiteral(":2: input_tokens: expected a number, found \"12x\"")),
             qPrintable(dialog.errorText()));
    QCOMPARE(dialog.model()->rowCount(), 0);
}

void tst_ReconcileDialog::screenshot()
{
    ReconcileDialog dialog(sources());
    dialog.resize(1180, 360);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.openFile(ReconcileFixture::sample(QStringLiteral("openai-costs.json"))));
    QTest::qWait(50); // let the table lay out before grabbing
    QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
    const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/reconcile-dialog.png");
    QVERIFY(dialog.grab().save(path));
    qInfo("wrote %s", qPrintable(path));
}

QTEST_MAIN(tst_ReconcileDialog)
#include "tst_ReconcileDialog.moc"
