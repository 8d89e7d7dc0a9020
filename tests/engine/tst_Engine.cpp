#include "engine/Engine.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerQueries.h"
#include "pricing/BudgetTracker.h"
#include "routing/RoutedCall.h"
#include "routing/Router.h"
#include "sandbox/SandboxServer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void concurrentRequests_cannotOvershootABudget();
    void routedCalls_areRecordedOnceWithTheirFailovers();
};

void TestEngine::concurrentRequests_cannotOvershootABudget()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0.2); // the three requests overlap
    BudgetSettings settings;
    // gpt-4.1-mini: $0.40 in / $1.60 out per 1M; 1,000 max tokens reserve ~$0.0016 each.
    settings.global.dailyUsd = 0.0025;
    settings.action = BudgetAction::Refuse;
    engine.budgets()->setSettings(settings);

    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("hello there") } };
    request.maxTokens = 1000;
    RouteOptions options;
    options.forcedModelOrGroup = QStringLiteral("sandbox/gpt-4.1-mini");
    int finished = 0;
    QStringList refusals;
    QList<RoutedCall*> calls;
    for (int i = 0; i < 3; ++i) {
        RoutedCall* call = engine.router()->route(request, {}, options, this);
        connect(call, &RoutedCall::finished, this, [&] { ++finished; });
        connect(call, &RoutedCall::failed, this, [&](const RoutedError& error) {
            for (const SkipInfo& skip : error.skipped) {
                refusals << skip.reason;
            }
        });
        calls << call;
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished + refusals.size(), 3, 10000);
    QCOMPARE(finished, 1);
    QCOMPARE(refusals.size(), 2);
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 1);
    // After the answer the hold became the real (much smaller) cost: the next request fits again.
    RoutedCall* next = engine.router()->route(request, {}, options, this);
    QSignalSpy nextFinished(next, &RoutedCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(nextFinished.size(), 1, 10000);
    QCOMPARE(engine.budgets()->activeReservations(), 0);
    qDeleteAll(calls);
}

void TestEngine::routedCalls_areRecordedOnceWithTheirFailovers()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0);
    engine.sandbox()->setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(503));
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("hello there") } };
    QSignalSpy recorded(&engine, &Engine::requestRecorded);
    for (int i = 0; i < 5; ++i) {
        RoutedCall* call = engine.router()->route(request, {}, {}, this);
        engine.track(call, request, QStringLiteral("route"));
        connect(call, &RoutedCall::finished, call, &QObject::deleteLater);
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 5, 10000);
    QTest::qWait(100);
    QCOMPARE(recorded.size(), 5); // destroyed calls are not recorded a second time
    QSignalSpy flushed(engine.ledger(), &Ledger::flushed);
    engine.ledger()->flush();
    QTRY_COMPARE(flushed.size(), 1);
    LedgerQueries queries(engine.ledgerPath());
    const LedgerTotals totals = queries.totals(
        { QDateTime::currentDateTimeUtc().addDays(-1), QDateTime::currentDateTimeUtc().addSecs(3600), {}, {}, {}, {} });
    QCOMPARE(totals.requests, qint64(5));
    QCOMPARE(totals.failedOverRequests, qint64(5));
    QCOMPARE(queries
                 .failoverEvents({ QDateTime::currentDateTimeUtc().addDays(-1),
                                   QDateTime::currentDateTimeUtc().addSecs(3600),
                                   {},
                                   {},
                                   {},
                                   {} })
                 .size(),
             5);
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_Engine.moc"
