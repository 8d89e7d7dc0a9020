#include "MainWindow.h"
#include "UiFixture.h"
#include "common/FileDialogs.h"
#include "common/ProviderStatusBar.h"
#include "workbench/ColumnView.h"
#include "workbench/ColumnsArea.h"
#include "workbench/DiffDialog.h"
#include "workbench/ModelPickerDialog.h"
#include "workbench/PromptEditor.h"
#include "workbench/WorkbenchView.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

namespace {
const QStringList ThreeModels { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5"),
                                QStringLiteral("sandbox/gemini-2.5-flash") };
}

// Drives the real widgets against the sandbox: type, Ctrl+Enter, watch the columns.
class tst_WorkbenchView : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;

    WorkbenchView* workbench() const { return m_window->workbench(); }
    void openWindow(const QStringList& models)
    {
        m_window = std::make_unique<MainWindow>(m_fixture.catalog(), m_fixture.client);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        for (const auto& model : models) {
            workbench()->addColumn({ model });
        }
    }
    void typeAndSend(const QString& prompt)
    {
        QPlainTextEdit* edit = workbench()->promptEditor()->promptEdit();
        edit->setFocus();
        QTest::keyClicks(edit, prompt);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    }
    bool allEnded() const
    {
        for (const auto* column : workbench()->comparison()->columns()) {
            if (column->isActive() || column->state() == ColumnState::Idle) {
                return false;
            }
        }
        return true;
    }

private slots:
    void initTestCase() { UiFixture::initTestCase(); }
    void init() { QVERIFY(m_fixture.start(0.05)); }
    void cleanup()
    {
        m_window.reset();
        m_fixture.stop();
    }

    void ctrlEnter_threeColumnsStreamAndFinishWithFigures()
    {
        m_fixture.sandbox->setTimeScale(0.3); // slow enough that tokens arrive over time, so rates exist
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Explain TCP slow start in two paragraphs."));
        QVERIFY(workbench()->comparison()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);

        const auto views = workbench()->columnViews();
        QCOMPARE(views.size(), 3);
        for (ColumnView* view : views) {
            QCOMPARE(view->run()->state(), ColumnState::Done);
            view->flush();
            QVERIFY(!view->answerView()->toPlainText().isEmpty());
            QVERIFY2(view->figureText(QStringLiteral("ttft")).endsWith(QStringLiteral("ms"))
                         || view->figureText(QStringLiteral("ttft")).endsWith(QStringLiteral("s")),
                     qPrintable(view->figureText(QStringLiteral("ttft"))));
            QVERIFY(view->figureText(QStringLiteral("latency")) != QStringLiteral("\u2014"));
            QVERIFY(view->figureText(QStringLiteral("tokens")).contains(QStringLiteral(" / ")));
            QVERIFY2(view->figureText(QStringLiteral("rate")).contains(QStringLiteral("tok/s")),
                     qPrintable(view->figureText(QStringLiteral("rate"))
                                + QStringLiteral(" ttft %1 latency %2 out %3")
                                      .arg(view->run()->figures().ttftMs)
                                      .arg(view->run()->figures().latencyMs)
                                      .arg(view->run()->figures().usage.completionTokens)));
            QVERIFY(view->figureText(QStringLiteral("cost")).startsWith(QStringLiteral("$")));
        }
        QVERIFY(!workbench()->stopAction()->isEnabled());
        QVERIFY(m_window->providerStatus()->summary().contains(QStringLiteral("Sandbox OpenAI: healthy")));
    }

    void failingModel_showsItsFailureClass_othersFinish()
    {
        m_fixture.sandbox->setFault(QStringLiteral("claude-haiku-4-5"), SandboxFault::httpError(503));
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Hello"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);

        const auto views = workbench()->columnViews();
        QCOMPARE(views[0]->run()->state(), ColumnState::Done);
        QCOMPARE(views[2]->run()->state(), ColumnState::Done);
        QCOMPARE(views[1]->run()->state(), ColumnState::Failed);
        QVERIFY(views[1]->statusText().contains(FailureClasses::displayName(FailureClass::ServerError)));
        QVERIFY(views[1]->statusText().contains(QStringLiteral("503")));
        QVERIFY(views[1]->findChild<QWidget*>(QStringLiteral("errorBanner"))->isVisible());
        QVERIFY(m_window->providerStatus()->summary().contains(QStringLiteral("Sandbox Anthropic: failing")));
    }

    void stopButton_cancelsEveryColumn()
    {
        m_fixture.sandbox->setTimeScale(1.0);
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Write a long essay about trains."));
        QTRY_VERIFY(workbench()->comparison()->column(0)->state() == ColumnState::Streaming);
        QPushButton* stop = workbench()->promptEditor()->stopButton();
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!workbench()->comparison()->isRunning());
        for (auto* view : workbench()->columnViews()) {
            const ColumnState state = view->run()->state();
            QVERIFY(state == ColumnState::Incomplete || state == ColumnState::Cancelled);
        }
        QVERIFY(!stop->isEnabled());
    }

    void escape_cancelsEveryColumn()
    {
        m_fixture.sandbox->setTimeScale(1.0);
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Another long essay."));
        QVERIFY(workbench()->comparison()->isRunning());
        QTest::keyClick(workbench()->promptEditor()->promptEdit(), Qt::Key_Escape);
        QVERIFY(!workbench()->comparison()->isRunning());
    }

    void rerun_runsOneColumnAgain()
    {
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Hi"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        m_fixture.sandbox->resetCounts();
        ColumnView* second = workbench()->columnViews()[1];
        second->findChild<QToolButton*>()->click(); // the first tool button is "run again"
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QCOMPARE(m_fixture.sandbox->totalRequests(), 1);
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("claude-haiku-4-5")), 1);
    }

    void columns_rememberedAcrossRestarts()
    {
        openWindow({});
        const ColumnSpec hot { QStringLiteral("sandbox/gpt-4.1-mini"), 1.2, 64, QStringLiteral("Be terse.") };
        workbench()->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench()->addColumn(hot);
        workbench()->setLayoutMode(WorkbenchSettings::Layout::Tabs);
        m_window.reset();

        openWindow({});
        const QList<ColumnSpec> expected { { QStringLiteral("sandbox/gpt-4.1-mini") }, hot };
        QCOMPARE(workbench()->comparison()->specs(), expected);
        QCOMPARE(workbench()->columnsArea()->layoutMode(), WorkbenchSettings::Layout::Tabs);
        QCOMPARE(workbench()->columnsArea()->tabs()->count(), 2);
    }

    void ctrlT_opensThePicker_andLayoutsRearrangeColumns()
    {
        openWindow(ThreeModels);
        workbench()->setLayoutMode(WorkbenchSettings::Layout::Grid);
        for (auto* view : workbench()->columnViews()) {
            QVERIFY(view->isVisible());
        }
        workbench()->setLayoutMode(WorkbenchSettings::Layout::Tabs);
        QCOMPARE(workbench()->columnsArea()->tabs()->count(), 3);
        workbench()->setLayoutMode(WorkbenchSettings::Layout::SideBySide);
        QCOMPARE(workbench()->columnsArea()->tabs()->count(), 0);

        QTimer::singleShot(0, this, [] {
            auto* picker = qobject_cast<ModelPickerDialog*>(QApplication::activeModalWidget());
            QVERIFY(picker);
            picker->setChosen(QStringLiteral("sandbox/deepseek-chat"), true);
            picker->accept();
        });
        QTest::keyClick(workbench()->promptEditor()->promptEdit(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(workbench()->comparison()->columns().size(), 4);
        QCOMPARE(workbench()->comparison()->column(3)->spec().modelId, QStringLiteral("sandbox/deepseek-chat"));
    }

    void modelPicker_searchesAndGroupsByProvider()
    {
        ModelPickerDialog picker(m_fixture.catalog(), 8);
        QCOMPARE(picker.proxy()->rowCount(), 5); // five sandbox providers
        picker.setFilterText(QStringLiteral("HAIKU"));
        QCOMPARE(picker.proxy()->rowCount(), 1);
        const QModelIndex group = picker.proxy()->index(0, 0);
        QCOMPARE(group.data().toString(), QStringLiteral("Sandbox Anthropic"));
        QCOMPARE(picker.proxy()->rowCount(group), 1);
        QCOMPARE(picker.proxy()->index(0, 1, group).data().toString(), QStringLiteral("$1.00"));
        picker.setChosen(QStringLiteral("sandbox/claude-haiku-4-5"), true);
        picker.setChosen(QStringLiteral("sandbox/gpt-5"), true);
        QCOMPARE(picker.chosenModels(),
                 (QStringList { QStringLiteral("sandbox/claude-haiku-4-5"), QStringLiteral("sandbox/gpt-5") }));
    }

    void modelPicker_neverOffersMoreThanTheFreeColumns()
    {
        ModelPickerDialog picker(m_fixture.catalog(), 1);
        picker.setChosen(QStringLiteral("sandbox/gpt-5"), true);
        picker.setChosen(QStringLiteral("sandbox/gpt-4.1"), true);
        QCOMPARE(picker.chosenModels(), QStringList { QStringLiteral("sandbox/gpt-5") });
    }

    void export_writesTheComparison()
    {
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Hi"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QTemporaryDir dir;
        FileDialogs::setNextSaveFileName(dir.filePath(QStringLiteral("run.html")));
        QVERIFY(workbench()->exportAction()->isEnabled());
        workbench()->exportAction()->trigger();
        QFile file(dir.filePath(QStringLiteral("run.html")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains("sandbox/claude-haiku-4-5"));
        QCOMPARE(html.count("<section"), 3);
    }

    void diff_marksDifferentWords()
    {
        DiffDialog dialog({ QStringLiteral("a"), QStringLiteral("b") },
                          { QStringLiteral("the sky is blue"), QStringLiteral("the sky is grey") }, 0, 1);
        const QString html = dialog.diffHtml();
        QVERIFY(html.contains(QStringLiteral("line-through")));
        QVERIFY(html.contains(QStringLiteral("grey")));
    }

    void syncScrolling_movesTheOtherAnswers()
    {
        openWindow(ThreeModels.mid(0, 2));
        workbench()->syncScrollAction()->setChecked(true);
        m_window->resize(1000, 600);
        const auto views = workbench()->columnViews();
        QString longText;
        for (int i = 0; i < 400; ++i) {
            longText += QStringLiteral("line %1\n").arg(i);
        }
        for (auto* view : views) {
            view->run()->restore(ColumnState::Done, longText, {}, {});
        }
        QTRY_VERIFY(views[0]->answerScrollBar()->maximum() > 0);
        views[0]->answerScrollBar()->setValue(views[0]->answerScrollBar()->maximum() / 2);
        QVERIFY(qAbs(views[1]->answerScrollBar()->value() - views[1]->answerScrollBar()->maximum() / 2) <= 2);
    }
};

QTEST_MAIN(tst_WorkbenchView)
#include "tst_WorkbenchView.moc"
