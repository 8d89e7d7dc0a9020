#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/MainWindow.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/HistoryPanel.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// The window as the app builds it, on an Engine with the sandbox and a ledger in a temporary
// home: calls are recorded, a vote is stored, and a history entry reopens.
class tst_EngineWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Engine> m_engine;

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_enginewindow"));
        HomeSettings::open()->clear();
        m_engine = std::make_unique<Engine>();
        Engine::Options options = UiFixture::sandboxEngine(m_home.path());
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        QVERIFY(m_engine->ledger());
        m_engine->sandbox()->setTimeScale(0.05);
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        HomeSettings::open()->clear();
    }

    // The menu bar as the app builds it: each menu once, Help last, and the one Tools menu holds
    // the evaluation results and the gateway's actions.
    void menuBar_eachMenuOnceHelpLast()
    {
        MainWindow window(*m_engine);
        QStringList titles;
        QMenu* tools = nullptr;
        for (QAction* menu : window.menuBar()->actions()) {
            titles.append(menu->text());
            if (menu->menu() && menu->menu()->objectName() == QLatin1String("toolsMenu")) {
                tools = menu->menu();
            }
        }
        QCOMPARE(titles.size(), QSet<QString>(titles.cbegin(), titles.cend()).size());
        QCOMPARE(titles.last(), QStringLiteral("&Help"));
        QVERIFY(tools);
        QStringList names;
        for (QAction* action : tools->actions()) {
            names.append(action->objectName());
        }
        QVERIFY2(names.contains(QStringLiteral("evaluationResultsAction")), qPrintable(names.join(',')));
        QVERIFY2(names.contains(QStringLiteral("gatewayCopyAction")), qPrintable(names.join(',')));
    }

    // Issue 22 item 13: the History dock is the workbench's: it leaves with it for Routing and
    // the Dashboard and is back when the workbench is.
    void historyDock_followsTheWorkbench()
    {
        MainWindow window(*m_engine);
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::WorkbenchPage);
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("historyDock"));
        QVERIFY(dock);
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY(dock->isVisible());
        window.showPage(MainWindow::RoutingPage);
        QTRY_VERIFY(!dock->isVisible());
        window.showPage(MainWindow::DashboardPage);
        QVERIFY(!dock->isVisible());
        window.showPage(MainWindow::WorkbenchPage);
        QTRY_VERIFY(dock->isVisible());
        // Closed on the workbench, it stays closed when the workbench comes back.
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY(!dock->isVisible());
        window.showPage(MainWindow::DashboardPage);
        window.showPage(MainWindow::WorkbenchPage);
        QTest::qWait(20);
        QVERIFY(!dock->isVisible());
    }

    void voteIsStored_andHistoryEntryReopens()
    {
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench->addColumn({ QStringLiteral("sandbox/claude-haiku-4-5") });
        QPlainTextEdit* edit = workbench->promptEditor()->promptEdit();
        QTest::keyClicks(edit, QStringLiteral("Which sorting algorithm is stable?"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 20000);
        const QString group = workbench->comparison()->compareGroup();

        ColumnView* second = workbench->columnViews()[1];
        auto* voteButton = second->findChild<QToolButton*>(QStringLiteral("voteButton"));
        QVERIFY(voteButton->isEnabled());
        QTest::mouseClick(voteButton, Qt::LeftButton);
        QVERIFY(second->isWinner());

        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        QTRY_VERIFY(!flushed.isEmpty());
        LedgerQueries queries(m_engine->ledgerPath());
        QTRY_COMPARE(queries.requestsInCompareGroup(group).size(), 2);
        const QList<VoteRecord> votes = queries.votesInCompareGroup(group);
        QCOMPARE(votes.size(), 1);
        QCOMPARE(votes.first().winnerModel, QStringLiteral("sandbox/claude-haiku-4-5"));
        QVERIFY(!votes.first().tie);

        // Start something else, then reopen the run from the history panel.
        workbench->comparison()->setColumns({ { QStringLiteral("sandbox/deepseek-chat") } });
        HistoryPanel* history = window.history();
        QVERIFY(history);
        history->setSearchText(QStringLiteral("sorting"));
        QCOMPARE(history->list()->count(), 1);
        history->open(0);
        QCOMPARE(workbench->comparison()->compareGroup(), group);
        QCOMPARE(workbench->comparison()->columns().size(), 2);
        QStringList models { workbench->comparison()->column(0)->spec().modelId,
                             workbench->comparison()->column(1)->spec().modelId };
        models.sort();
        QCOMPARE(models,
                 (QStringList { QStringLiteral("sandbox/claude-haiku-4-5"), QStringLiteral("sandbox/gpt-4.1-mini") }));
        QCOMPARE(workbench->comparison()->column(0)->state(), ColumnState::Done);
        QVERIFY(workbench->comparison()->column(0)->figures().latencyMs > 0);
        QVERIFY(workbench->columnViews()[1]->figureText(ColumnView::FigureId::Cost).startsWith(QStringLiteral("$")));
    }
};

QTEST_MAIN(tst_EngineWindow)
#include "tst_EngineWindow.moc"
