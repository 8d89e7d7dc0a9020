#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/common/HomeSettings.h"
#include "core/config/ConfigStore.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/pricing/BudgetTracker.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "core/secrets/KeyStore.h"
#include "ui/MainWindow.h"
#include "ui/common/ProviderStatusBar.h"
#include "ui/settings/ProvidersDialog.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/HistoryPanel.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

// The workbench on a real Engine (sandbox, router, budgets, ledger in a temporary home): "Route it"
// columns with failover, the status bar's cooldown and budget states, and the per-provider
// concurrency limit set in the providers dialog.
class tst_WorkbenchRouting : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;

    WorkbenchView* workbench() const { return m_window->workbench(); }
    void openWindow(const QList<ColumnSpec>& columns)
    {
        m_window = std::make_unique<MainWindow>(*m_engine);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        workbench()->comparison()->setColumns(columns);
    }
    void typeAndSend(const QString& prompt) { WorkbenchDriver::typeAndSend(workbench(), prompt); }
    bool allEnded() const { return WorkbenchDriver::allEnded(workbench()); }
    // For a look at the result: PNGs in the build tree's screenshots folder.
    void saveScreenshot(const QString& fileName)
    {
        m_window->resize(1400, 820);
        for (ColumnView* view : workbench()->columnViews()) {
            view->flush();
        }
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(m_window->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/") + fileName));
    }
    static QStringList messagesOf(const QByteArray& body)
    {
        QStringList lines;
        for (const QJsonValue& value :
             QJsonDocument::fromJson(body).object().value(QStringLiteral("messages")).toArray()) {
            const QJsonObject message = value.toObject();
            lines.append(message.value(QStringLiteral("role")).toString() + QStringLiteral(": ")
                         + message.value(QStringLiteral("content")).toString());
        }
        return lines;
    }
    QList<RequestRecord> recordedInGroup(const QString& group)
    {
        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        if (!QTest::qWaitFor([&] { return !flushed.isEmpty(); }, 10000)) {
            return {};
        }
        return LedgerQueries(m_engine->ledgerPath()).requestsInCompareGroup(group);
    }

private slots:
    void initTestCase() { UiFixture::initTestCase(QStringLiteral("tst_workbenchrouting")); }
    void init()
    {
        HomeSettings::open()->clear();
        m_home = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>();
        Engine::Options options = UiFixture::sandboxEngine(m_home->path());
        // As `--sandbox-fault gpt-4.1-mini=503` does: the standard tier's primary model fails.
        options.sandboxFaults = { { QStringLiteral("sandbox/gpt-4.1-mini"), SandboxFault::httpError(503) } };
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        QVERIFY(m_engine->ledger());
        m_engine->sandbox()->setTimeScale(0.05);
    }
    void cleanup()
    {
        m_window.reset();
        m_engine.reset();
        m_home.reset();
        HomeSettings::open()->clear();
    }

    void routeIt_primaryFails_showsTierRuleAndFailover_andLedgerRecordsIt()
    {
        const QString prompt = QStringLiteral("What is the capital of France?");
        const ResolvedRoute expected = m_engine->router()->resolve(prompt, {});
        QVERIFY(expected.chain.size() >= 2);
        const QString primary = expected.chain[0].primaryModelId();
        const QString fallback = expected.chain[1].primaryModelId();
        QCOMPARE(primary, QStringLiteral("sandbox/gpt-4.1-mini"));

        openWindow({ ColumnSpec::routeIt(), { QStringLiteral("sandbox/claude-haiku-4-5") } });
        ColumnView* routed = workbench()->columnViews()[0];
        QCOMPARE(routed->run()->title(), QStringLiteral("Route it"));
        typeAndSend(prompt);
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);

        ColumnRun* run = routed->run();
        QCOMPARE(run->state(), ColumnState::Done);
        QCOMPARE(run->route().tier, expected.tier);
        QCOMPARE(run->route().ruleName, expected.rule.ruleName);
        QCOMPARE(run->title(), fallback);
        QCOMPARE(run->model().id, fallback);
        QCOMPARE(run->route().failovers.size(), 1);
        QCOMPARE(run->route().failovers[0].error.failureClass, FailureClass::ServerError);

        routed->flush();
        const QString shown = routed->routeText();
        QVERIFY2(shown.contains(QStringLiteral("Tier %1").arg(expected.tier)), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("rule \u201c%1\u201d").arg(expected.rule.ruleName)), qPrintable(shown));
        QVERIFY2(
            shown.contains(QStringLiteral("Failed over from %1 (Server error, HTTP 503) to %2").arg(primary, fallback)),
            qPrintable(shown));
        QVERIFY(routed->findChild<QLabel*>(QStringLiteral("routeLabel"))->isVisible());
        QVERIFY(!routed->answerView()->toPlainText().isEmpty());
        QVERIFY(routed->figureText(ColumnView::FigureId::Latency) != QStringLiteral("\u2014"));
        QVERIFY(routed->figureText(ColumnView::FigureId::Tokens).contains(QStringLiteral(" / ")));
        QVERIFY2(routed->figureText(ColumnView::FigureId::Cost).startsWith(QStringLiteral("$")),
                 qPrintable(routed->figureText(ColumnView::FigureId::Cost)));

        const QList<RequestRecord> records = recordedInGroup(workbench()->comparison()->compareGroup());
        QCOMPARE(records.size(), 2);
        const auto routedRecord
            = std::find_if(records.cbegin(), records.cend(), [](const RequestRecord& r) { return !r.tier.isEmpty(); });
        QVERIFY(routedRecord != records.cend());
        QCOMPARE(routedRecord->source, RequestSource::Workbench);
        QCOMPARE(routedRecord->tier, expected.tier);
        QCOMPARE(routedRecord->rule, expected.rule.ruleName);
        QCOMPARE(routedRecord->finalModel, fallback);
        QCOMPARE(routedRecord->status, RequestStatus::Ok);
        QCOMPARE(routedRecord->failovers.size(), 1);
        QCOMPARE(routedRecord->attempts.size(), 2);
        saveScreenshot(QStringLiteral("workbench-route-it.png"));

        // Reopened from the history, the column is a routed one again, with its tier and failover.
        const QString group = workbench()->comparison()->compareGroup();
        workbench()->comparison()->setColumns({ { QStringLiteral("sandbox/deepseek-chat") } });
        HistoryPanel* history = m_window->history();
        history->setSearchText(QStringLiteral("capital of France"));
        QCOMPARE(history->list()->count(), 1);
        history->open(0);
        QCOMPARE(workbench()->comparison()->compareGroup(), group);
        const auto& reopened = workbench()->comparison()->columns();
        const auto routedAgain = std::find_if(reopened.cbegin(), reopened.cend(),
                                              [](const ColumnRun* column) { return column->spec().routed; });
        QVERIFY(routedAgain != reopened.cend());
        QCOMPARE((*routedAgain)->title(), fallback);
        QCOMPARE((*routedAgain)->route().tier, expected.tier);
        QCOMPARE((*routedAgain)->route().failovers.size(), 1);
        QCOMPARE((*routedAgain)->state(), ColumnState::Done);
    }

    void continueWithRoutedColumn_sendsTheEarlierTurnsThroughTheRouter()
    {
        openWindow({ ColumnSpec::routeIt(), { QStringLiteral("sandbox/claude-haiku-4-5") } });
        typeAndSend(QStringLiteral("Name a river in France."));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        ColumnRun* routed = workbench()->comparison()->column(0);
        const QString firstAnswer = routed->text();
        const QString answeredBy = routed->model().id.section(QLatin1Char('/'), -1);
        QVERIFY(!firstAnswer.isEmpty());

        workbench()->continueWith(0);
        m_engine->sandbox()->resetCounts();
        typeAndSend(QStringLiteral("How long is it?"));
        QTRY_VERIFY_WITH_TIMEOUT(!workbench()->comparison()->isRunning(), 20000);
        QCOMPARE(routed->state(), ColumnState::Done);
        QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("claude-haiku-4-5")), 0); // did not follow
        const QStringList expected { QStringLiteral("user: Name a river in France."),
                                     QStringLiteral("assistant: ") + firstAnswer,
                                     QStringLiteral("user: How long is it?") };
        QCOMPARE(messagesOf(m_engine->sandbox()->lastRequestBody(answeredBy)), expected);
        saveScreenshot(QStringLiteral("workbench-route-it-continued.png"));
    }

    void statusBar_showsCoolingDown_afterA503()
    {
        // One failure is enough to cool a deployment down here (the default waits for three).
        RoutingPolicy policy = m_engine->router()->policy();
        policy.defaults.cooldown.failures = 1;
        for (RoutingTier& tier : policy.tiers) {
            if (tier.settings) {
                tier.settings->cooldown.failures = 1;
            }
        }
        m_engine->router()->setPolicy(policy);
        openWindow({ ColumnSpec::routeIt() });
        QVERIFY(!m_window->providerStatus()->summary().contains(QStringLiteral("cooling down")));
        typeAndSend(QStringLiteral("What is the capital of Italy?"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        const QString summary = m_window->providerStatus()->summary();
        QVERIFY2(summary.contains(QStringLiteral("Sandbox OpenAI: cooling down, 1 min left"))
                     || summary.contains(QStringLiteral("Sandbox OpenAI: cooling down, 59 s left")),
                 qPrintable(summary));
        QCOMPARE(m_window->providerHealth()->state(QStringLiteral("sandbox-openai")),
                 ProviderHealth::State::CoolingDown);
        // The provider that answered in its place is healthy.
        QVERIFY2(!summary.contains(QStringLiteral("Sandbox DeepSeek: cooling")), qPrintable(summary));
    }

    void statusBar_showsOverBudget_afterTheLimitIsSpent()
    {
        BudgetSettings budgets;
        budgets.perProvider.insert(QStringLiteral("sandbox-anthropic"), BudgetLimits { 0.000001, 0 });
        m_engine->budgets()->setSettings(budgets);
        openWindow({ { QStringLiteral("sandbox/claude-haiku-4-5") }, { QStringLiteral("sandbox/deepseek-chat") } });
        QVERIFY(!m_window->providerStatus()->summary().contains(QStringLiteral("over budget")));
        typeAndSend(QStringLiteral("Write a haiku about budgets."));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QTRY_COMPARE(m_window->providerHealth()->state(QStringLiteral("sandbox-anthropic")),
                     ProviderHealth::State::OverBudget);
        const QString summary = m_window->providerStatus()->summary();
        QVERIFY2(summary.contains(QStringLiteral("Sandbox Anthropic: over budget")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Sandbox DeepSeek: up")), qPrintable(summary));
    }

    void concurrencyLimit_roundTripsThroughConfig_andLimitsParallelCalls_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("expectedParallel");
        QTest::newRow("0 = unlimited: both columns at once") << 0 << 2;
        QTest::newRow("1: the second column waits for the first") << 1 << 1;
    }

    void concurrencyLimit_roundTripsThroughConfig_andLimitsParallelCalls()
    {
        QFETCH(int, limit);
        QFETCH(int, expectedParallel);
        m_engine->sandbox()->clearFaults();
        m_engine->sandbox()->setTimeScale(0.3); // answers take long enough to overlap
        KeyStore keys;
        {
            ProvidersDialog dialog(*m_engine, keys);
            dialog.addFromPreset(QStringLiteral("custom"));
            const ProviderConfig* sandboxOpenAi = m_engine->provider(QStringLiteral("sandbox-openai"));
            dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->setText(sandboxOpenAi->baseUrl.toString());
            auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("modelTable"));
            table->setRowCount(1);
            table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("gpt-4.1-mini")));
            dialog.findChild<QSpinBox*>(QStringLiteral("maxConcurrent"))->setValue(limit);
            QVERIFY(dialog.save());
        }
        QCOMPARE(m_engine->provider(QStringLiteral("custom"))->maxConcurrent, limit);
        const ConfigLoadResult reloaded = ConfigStore(m_home->path()).load();
        QVERIFY(reloaded.ok);
        QCOMPARE(reloaded.config.provider(QStringLiteral("custom"))->maxConcurrent, limit);
        {
            ProvidersDialog reopened(*m_engine, keys);
            reopened.selectProvider(QStringLiteral("custom"));
            QCOMPARE(reopened.findChild<QSpinBox*>(QStringLiteral("maxConcurrent"))->value(), limit);
        }

        openWindow({ { QStringLiteral("custom/gpt-4.1-mini") }, { QStringLiteral("custom/gpt-4.1-mini") } });
        int mostInFlight = 0;
        connect(m_engine->sandbox(), &SandboxServer::requestReceived, this,
                [&] { mostInFlight = qMax(mostInFlight, m_engine->client()->inFlight(QStringLiteral("custom"))); });
        typeAndSend(QStringLiteral("Count to twenty."));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 30000);
        QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
        QCOMPARE(mostInFlight, expectedParallel);
        for (ColumnRun* column : workbench()->comparison()->columns()) {
            QCOMPARE(column->state(), ColumnState::Done);
        }
    }
};

QTEST_MAIN(tst_WorkbenchRouting)
#include "tst_WorkbenchRouting.moc"
