#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/common/HomeSettings.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ColumnSpec.h"
#include "ui/MainWindow.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/HistoryPanel.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Issue 22 item 2: one run, one cost. A run with an answered column, a column stopped mid-answer
// and a column refused with HTTP 503: the stopped column is charged for what it generated, marked
// as estimated ("~"), and stored so; the workbench's total, the History entry and the dashboard's
// spend read the same amount, and the dashboard counts nothing as "unpriced" (every model here
// has a price; the refused call cost nothing).
class tst_OneRunOneCost : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Engine> m_engine;

    static QString labelText(QWidget* root, const QString& name)
    {
        auto* label = root->findChild<QLabel*>(name);
        return label ? label->text() : QStringLiteral("(no label %1)").arg(name);
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_onerunonecost"));
        QString error;
        m_engine = UiFixture::openSandbox(m_home.path(), 0.05, &error);
        QVERIFY2(m_engine, qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        HomeSettings::open()->clear();
    }

    void stoppedColumn_chargedAlikeInEveryView()
    {
        SandboxFault slow = SandboxFault::ofKind(SandboxFault::Kind::SlowTokens);
        slow.tokenIntervalMs = 40; // the time scale does not shorten it
        m_engine->sandbox()->setFault(QStringLiteral("claude-haiku-4-5"), slow);
        m_engine->sandbox()->setFault(QStringLiteral("deepseek-chat"), SandboxFault::httpError(503));

        MainWindow window(*m_engine);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        while (!workbench->comparison()->columns().isEmpty()) {
            workbench->comparison()->removeColumn(0);
        }
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench->addColumn({ QStringLiteral("sandbox/claude-haiku-4-5") });
        workbench->addColumn({ QStringLiteral("sandbox/deepseek-chat") });
        workbench->addColumn({ QStringLiteral("sandbox/gpt-5") }); // stopped before its first token
        m_engine->sandbox()->setFault(QStringLiteral("gpt-5"),
                                      SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
        WorkbenchDriver::typeAndSend(workbench, QStringLiteral("Explain how a hash map handles collisions."));
        ColumnRun* answered = workbench->comparison()->column(0);
        ColumnRun* stopped = workbench->comparison()->column(1);
        ColumnRun* refused = workbench->comparison()->column(2);
        QTRY_VERIFY_WITH_TIMEOUT(!answered->isActive() && !refused->isActive(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(stopped->text().size() > 40, 20000);
        workbench->stopAction()->trigger(); // Esc
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 10000);
        QCOMPARE(answered->state(), ColumnState::Done);
        QCOMPARE(stopped->state(), ColumnState::Incomplete);
        QCOMPARE(refused->state(), ColumnState::Failed);
        // Item 13: Esc reads "Stopped" in both stopped columns, begun or not.
        QCOMPARE(stopped->statusText(), QStringLiteral("Stopped"));
        QCOMPARE(workbench->comparison()->column(3)->state(), ColumnState::Cancelled);
        QCOMPARE(workbench->comparison()->column(3)->statusText(), QStringLiteral("Stopped"));
        const QList<ColumnView*> views = workbench->columnViews();
        for (auto* view : views) {
            view->flush();
        }

        // The columns: the stopped one says "~" and an amount, the refused one "—".
        const QString stoppedCost = views.at(1)->figureText(ColumnView::FigureId::Cost);
        QVERIFY2(stoppedCost.startsWith(QStringLiteral("~$")), qPrintable(stoppedCost));
        QCOMPARE(views.at(2)->figureText(ColumnView::FigureId::Cost), QStringLiteral("\u2014"));
        QCOMPARE(views.at(3)->figureText(ColumnView::FigureId::Cost), QStringLiteral("\u2014"));

        // What was stored: the stopped call priced from its estimate, marked so; the refused one $0.
        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        QTRY_VERIFY(!flushed.isEmpty());
        LedgerQueries queries(m_engine->ledgerPath());
        QList<RequestRecord> rows;
        QTRY_COMPARE((rows = queries.requestsInCompareGroup(workbench->comparison()->compareGroup())).size(), 4);
        double stored = 0;
        for (const RequestRecord& row : std::as_const(rows)) {
            QVERIFY2(row.costUsd.has_value(), qPrintable(row.finalModel + QStringLiteral(" stored unpriced")));
            stored += *row.costUsd;
            if (row.finalModel == QLatin1String("sandbox/claude-haiku-4-5")) {
                QCOMPARE(row.status, RequestStatus::Cancelled);
                QVERIFY(row.costEstimated);
                QCOMPARE(QStringLiteral("~") + Money::format(*row.costUsd), stoppedCost);
            } else if (row.finalModel == QLatin1String("sandbox/deepseek-chat")
                       || row.finalModel == QLatin1String("sandbox/gpt-5")) {
                QCOMPARE(*row.costUsd, 0.0); // refused, or stopped before anything came back
            } else {
                QVERIFY(!row.costEstimated);
                QCOMPARE(Money::format(*row.costUsd), views.at(0)->figureText(ColumnView::FigureId::Cost));
            }
        }
        const QString total = QStringLiteral("~") + Money::format(stored);

        // The workbench's summary line.
        const QString summary = labelText(workbench, QStringLiteral("runSummary"));
        QVERIFY2(summary.contains(total), qPrintable(summary + QStringLiteral(" lacks ") + total));
        QVERIFY2(summary.contains(QStringLiteral("2 stopped")), qPrintable(summary));

        // The History entry of this run.
        HistoryPanel* history = window.history();
        QVERIFY(history);
        history->reload();
        auto* list = history->findChild<QListWidget*>();
        QVERIFY(list && list->count() >= 1);
        const QString entry = list->item(0)->text();
        QVERIFY2(entry.contains(total), qPrintable(entry + QStringLiteral(" lacks ") + total));

        // The dashboard: the same spend, nothing "unpriced".
        window.showPage(MainWindow::DashboardPage);
        auto* dashboard = window.findChild<DashboardView*>();
        QVERIFY(dashboard);
        dashboard->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->isUpToDate(), 10000);
        QTRY_COMPARE(dashboard->result().totals.requests, qint64(4));
        QCOMPARE(labelText(dashboard, QStringLiteral("spendCardValue")), Money::format(stored));
        const QString detail = labelText(dashboard, QStringLiteral("spendCardDetail"));
        QVERIFY2(!detail.contains(QStringLiteral("unpriced")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("estimated")), qPrintable(detail));

        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        window.showPage(MainWindow::WorkbenchPage);
        QTest::qWait(50);
        QVERIFY(window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/workbench-stopped-cost.png")));
        m_engine->sandbox()->clearFaults();
    }

    // Issue 22 item 9: a run reopened from History reads as it did live: the same columns in the
    // same order (the "Route it" column, which fails over and so finishes last, stays first), the
    // refused column keeps "(HTTP 503)" and "—" for its cost (not "unpriced"), the answered ones
    // their cost, tokens and route line.
    void reopenedRun_readsAsTheLiveRun()
    {
        // The standard tier's primary fails: "Route it" fails over and finishes after the others.
        m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(503));
        m_engine->sandbox()->setFault(QStringLiteral("deepseek-chat"), SandboxFault::httpError(503));
        MainWindow window(*m_engine);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        while (!workbench->comparison()->columns().isEmpty()) {
            workbench->comparison()->removeColumn(0);
        }
        workbench->addColumn(ColumnSpec::routeIt());
        workbench->addColumn({ QStringLiteral("sandbox/claude-haiku-4-5") });
        workbench->addColumn({ QStringLiteral("sandbox/deepseek-chat") });
        WorkbenchDriver::typeAndSend(workbench, QStringLiteral("Name three rivers in France."));
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 20000);
        // What each column shows, left to right: title, status, cost, tokens, route line.
        auto shown = [workbench] {
            QList<QStringList> columns;
            for (ColumnView* view : workbench->columnViews()) {
                view->flush();
                columns.append({ view->run()->title(), view->statusText(), view->figureText(ColumnView::FigureId::Cost),
                                 view->figureText(ColumnView::FigureId::Tokens), view->routeText() });
            }
            return columns;
        };
        const QList<QStringList> live = shown();
        QCOMPARE(live.size(), 3);
        QVERIFY2(live[0][4].contains(QStringLiteral("HTTP 503")), qPrintable(live[0][4]));
        QCOMPARE(live[1][0], QStringLiteral("sandbox/claude-haiku-4-5"));
        QCOMPARE(live[2][0], QStringLiteral("sandbox/deepseek-chat"));
        QVERIFY2(live[2][1].endsWith(QStringLiteral("(HTTP 503)")), qPrintable(live[2][1]));
        QCOMPARE(live[2][2], QStringLiteral("\u2014"));

        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        QTRY_VERIFY(!flushed.isEmpty());
        HistoryPanel* history = window.history();
        history->reload();
        history->open(0);
        QTRY_COMPARE(shown().size(), 3);
        const QList<QStringList> reopened = shown();
        for (int i = 0; i < live.size(); ++i) {
            QCOMPARE(reopened.value(i), live[i]);
        }
        m_engine->sandbox()->clearFaults();
    }
};

QTEST_MAIN(tst_OneRunOneCost)
#include "tst_OneRunOneCost.moc"
