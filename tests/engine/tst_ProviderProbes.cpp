#include "core/common/Clock.h"
#include "core/engine/Engine.h"
#include "core/engine/ProviderProbes.h"
#include "core/pricing/BudgetTracker.h"
#include "core/routing/CooldownTracker.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Active probes on the sandbox: what they send, what they do to the router's health, how they
// are recorded, and the daily cap, counted at the sandbox (server side).
class tst_ProviderProbes : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        Clock::setInstance(m_clock.get());
    }
    void cleanup()
    {
        Clock::setInstance(nullptr);
        m_clock.reset();
    }

    void probe_marksADownProviderBeforeAnyUserRequest();
    void probeRows_areRecordedWithTheirCost();
    void dailyCap_stopsTheProbesUntilTheNextDay();
    void budgetSpent_noProbeSent_heldWhileInFlight();

private:
    // Every provider's probe model and how many requests the sandbox got for it.
    static int sandboxProbeRequests(Engine& engine)
    {
        int total = 0;
        for (const ProviderConfig& provider : engine.providers()) {
            if (const ModelConfig* model = ProviderProbes::probeModel(engine, provider.id)) {
                total += engine.sandbox()->requestCount(model->upstreamModel);
            }
        }
        return total;
    }

    std::unique_ptr<MockClock> m_clock;
};

void tst_ProviderProbes::probe_marksADownProviderBeforeAnyUserRequest()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setProviderFault(QStringLiteral("sandbox-openai"), SandboxFault::httpError(503));
    const ModelConfig* probed = ProviderProbes::probeModel(engine, QStringLiteral("sandbox-openai"));
    QVERIFY(probed);
    QCOMPARE(probed->id, QStringLiteral("sandbox/gpt-4.1-mini")); // the provider's cheapest chat model

    ProviderProbes probes(engine);
    probes.setDailyCapUsd(1.0);
    QSignalSpy results(&probes, &ProviderProbes::probed);
    const int sent = probes.probeNow();
    QVERIFY(sent >= 5);
    QTRY_COMPARE(results.size(), sent);
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 1);

    // The one failed probe cooled the whole provider down: every model on it is skipped now.
    CooldownTracker* cooldowns = engine.router()->cooldowns();
    for (const QString& model : { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/gpt-5") }) {
        const CooldownState state = cooldowns->state(model, QStringLiteral("sandbox-openai"));
        QCOMPARE(state.phase, CooldownState::CoolingDown);
        QVERIFY(state.providerWide);
        QCOMPARE(state.reason, QStringLiteral("server_error"));
    }
    QCOMPARE(cooldowns->state(QStringLiteral("sandbox/deepseek-chat"), QStringLiteral("sandbox-deepseek")).phase,
             CooldownState::Available);

    // The first user request for that model is not sent to the provider the probe found down.
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("hello") } };
    RouteOptions options;
    options.forcedModelOrGroup = QStringLiteral("sandbox/gpt-4.1-mini");
    RoutedCall* call = engine.router()->route(request, {}, options, this);
    QSignalSpy failed(call, &RoutedCall::failed);
    QTRY_COMPARE(failed.size(), 1);
    const RoutedError error = failed.at(0).at(0).value<RoutedError>();
    QVERIFY(error.attempts.isEmpty());
    QCOMPARE(error.skipped.size(), 1);
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 1); // only the probe's
    delete call;

    // Back up: once the cooldown is over, the next probe's success closes the circuit.
    engine.sandbox()->clearFaults();
    m_clock->advanceMs(qint64(engine.router()->policy().defaults.cooldown.durationSec) * 1000 + 1);
    results.clear();
    QTRY_COMPARE(probes.inFlight(), 0);
    const int again = probes.probeNow();
    QTRY_COMPARE(results.size(), again);
    QCOMPARE(cooldowns->state(QStringLiteral("sandbox/gpt-5"), QStringLiteral("sandbox-openai")).phase,
             CooldownState::Available);
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
}

void tst_ProviderProbes::probeRows_areRecordedWithTheirCost()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setProviderFault(QStringLiteral("sandbox-deepseek"), SandboxFault::httpError(503));
    QList<RequestRecord> rows;
    connect(&engine, &Engine::requestRecorded, this, [&rows](const RequestRecord& row) { rows.append(row); });
    ProviderProbes probes(engine);
    const int sent = probes.probeNow();
    QTRY_COMPARE(rows.size(), sent);
    QCOMPARE(sandboxProbeRequests(engine), sent);
    int failedRows = 0;
    for (const RequestRecord& row : std::as_const(rows)) {
        QCOMPARE(row.source, RequestSource::Probe);
        QCOMPARE(row.attempts.size(), 1);
        QVERIFY(row.tier.isEmpty()); // not routed: never counted as savings
        if (row.finalProvider == QLatin1String("sandbox-deepseek")) {
            ++failedRows;
            QCOMPARE(row.status, RequestStatus::Failed);
            QCOMPARE(row.failureClass, QStringLiteral("server_error"));
        } else {
            QCOMPARE(row.status, RequestStatus::Ok);
            QVERIFY(row.costUsd && *row.costUsd > 0);
            QVERIFY(row.usage.completionTokens <= 1);
            QVERIFY(*row.costUsd <= ProviderProbes::worstCaseUsd(*engine.model(row.finalModel)));
        }
    }
    QCOMPARE(failedRows, 1);
}

void tst_ProviderProbes::dailyCap_stopsTheProbesUntilTheNextDay()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    double roundWorstCase = 0;
    for (const ProviderConfig& provider : engine.providers()) {
        if (const ModelConfig* model = ProviderProbes::probeModel(engine, provider.id)) {
            roundWorstCase += ProviderProbes::worstCaseUsd(*model);
        }
    }
    QVERIFY(roundWorstCase > 0);
    ProviderProbes probes(engine);
    const double cap = roundWorstCase * 2.5; // probes cost less than their worst case: a few rounds
    probes.setDailyCapUsd(cap);
    QSignalSpy capped(&probes, &ProviderProbes::capReached);

    int sent = 0;
    for (int round = 0; round < 20; ++round) {
        sent += probes.probeNow();
        QTRY_COMPARE(probes.inFlight(), 0);
        m_clock->advanceMs(5 * 60 * 1000);
    }
    QTRY_COMPARE(sandboxProbeRequests(engine), sent); // what went out reached the sandbox, no more
    QVERIFY(sent > 0);
    QCOMPARE(capped.size(), 1); // said once
    QVERIFY(capped.at(0).at(0).toString().contains(QStringLiteral("daily cap")));
    QVERIFY(probes.committedTodayUsd() <= cap);
    QCOMPARE(probes.probeNow(), 0);

    // The next UTC day starts with nothing spent.
    m_clock->setNow(QDateTime(QDate(2026, 3, 3), QTime(0, 0, 1), Qt::UTC));
    QVERIFY(probes.probeNow() > 0);
}

// Issue 19: a probe is a real call. Held against the budgets while in flight (the budget's
// committed spend includes it), and none is sent once the budget has nothing left for its worst
// case, counted at the sandbox.
void tst_ProviderProbes::budgetSpent_noProbeSent_heldWhileInFlight()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(1.0); // probes stay in flight for a while
    BudgetSettings settings;
    settings.global.dailyUsd = 1.0;
    settings.action = BudgetAction::Refuse;
    engine.budgets()->setSettings(settings);
    ProviderProbes probes(engine);
    const int sent = probes.probeNow();
    QVERIFY(sent >= 5);
    QCOMPARE(engine.budgets()->activeReservations(), sent); // each probe's worst case, held until recorded
    QTRY_COMPARE_WITH_TIMEOUT(probes.inFlight(), 0, 20000);
    QTRY_COMPARE(engine.budgets()->activeReservations(), 0);
    const int reached = sandboxProbeRequests(engine);
    QCOMPARE(reached, sent);

    // Nothing left: the next round sends nothing and says why once.
    settings.global.dailyUsd = 0.0000001;
    engine.budgets()->setSettings(settings);
    QSignalSpy said(&probes, &ProviderProbes::capReached);
    m_clock->advanceMs(3600 * 1000);
    QCOMPARE(probes.probeNow(), 0);
    QCOMPARE(probes.probeNow(), 0);
    QCOMPARE(sandboxProbeRequests(engine), reached);
    QCOMPARE(said.size(), 1);
    QVERIFY2(said.first().first().toString().contains(QStringLiteral("budget")),
             qPrintable(said.first().first().toString()));
}

QTEST_GUILESS_MAIN(tst_ProviderProbes)
#include "tst_ProviderProbes.moc"
