#include "core/config/ConfigStore.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/pricing/BudgetTracker.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ComparisonRun.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void concurrentRequests_cannotOvershootABudget();
    void concurrentConversations_reserveTheirWholeHistory();
    void concurrentDirectConversations_heldAndCountedOnce();
    void workbenchColumns_heldAgainstTheBudget_data();
    void workbenchColumns_heldAgainstTheBudget();
    void unpricedModel_refusedByABudgetUnlessAllowed();
    void routedCalls_areRecordedOnceWithTheirFailovers();
    void providerLimitReached_actionDecides_data();
    void providerLimitReached_actionDecides();
    void providerBudgetInConfig_limitsThatProvider();
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

// Three agents send 10,000-token conversations at once. Each reserves its whole history (not only
// its last message) plus its max tokens, so the third does not fit under the limit and the spend
// the sandbox actually served stays under it.
void TestEngine::concurrentConversations_reserveTheirWholeHistory()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0.2); // the three requests overlap
    BudgetSettings settings;
    // gpt-4.1-mini at $0.40 / $1.60 per 1M: 10,000 + 40 prompt tokens and 200 out reserve
    // ~$0.00434 each; two fit under $0.010, three do not.
    settings.global.dailyUsd = 0.010;
    settings.action = BudgetAction::Refuse;
    engine.budgets()->setSettings(settings);

    int finished = 0;
    QStringList refusals;
    QList<RoutedCall*> calls;
    RouteOptions options;
    options.forcedModelOrGroup = QStringLiteral("sandbox/gpt-4.1-mini");
    for (int agent = 0; agent < 3; ++agent) {
        ChatRequest conversation;
        for (int turn = 0; turn < 10; ++turn) {
            conversation.messages.append({ turn % 2 ? QStringLiteral("assistant") : QStringLiteral("user"),
                                           QString(4000, QChar(u'a' + agent)) });
        }
        conversation.messages.append({ QStringLiteral("user"), QStringLiteral("and now?") });
        conversation.maxTokens = 200;
        RoutedCall* call = engine.router()->route(conversation, {}, options, this);
        connect(call, &RoutedCall::finished, this, [&] { ++finished; });
        connect(call, &RoutedCall::failed, this, [&](const RoutedError& error) {
            for (const SkipInfo& skip : error.skipped) {
                refusals << skip.reason;
            }
        });
        calls << call;
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished + refusals.size(), 3, 10000);
    QCOMPARE(finished, 2);
    QCOMPARE(refusals.size(), 1);
    // Counted where the money is spent: what the sandbox answered, at its model's prices.
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
    const SandboxServer::Answered served = engine.sandbox()->answered();
    const double servedUsd = (served.promptTokens * 0.40 + served.completionTokens * 1.60) / 1e6;
    QVERIFY2(servedUsd <= settings.global.dailyUsd, qPrintable(QString::number(servedUsd)));
    QVERIFY2(served.promptTokens >= 20000, qPrintable(QString::number(served.promptTokens)));
    QCOMPARE(engine.budgets()->activeReservations(), 0);
    qDeleteAll(calls);
}

// The same three agents, each asking for its model by name (`switchyard ask --model`, a workbench
// column on a chosen model): no router picks the model, but the budget holds the whole request
// all the same, and the spend it counts afterwards is what the sandbox served, once.
void TestEngine::concurrentDirectConversations_heldAndCountedOnce()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0.2); // the three calls overlap
    BudgetSettings settings;
    // As above: ~$0.00434 held per conversation, two fit under $0.010, the third does not.
    settings.global.dailyUsd = 0.010;
    settings.action = BudgetAction::Refuse;
    engine.budgets()->setSettings(settings);
    const ModelConfig model = *engine.model(QStringLiteral("sandbox/gpt-4.1-mini"));
    const ProviderConfig provider = *engine.provider(model.providerId);

    int ended = 0;
    QStringList refusals;
    for (int agent = 0; agent < 3; ++agent) {
        ChatRequest conversation;
        for (int turn = 0; turn < 10; ++turn) {
            conversation.messages.append({ turn % 2 ? QStringLiteral("assistant") : QStringLiteral("user"),
                                           QString(4000, QChar(u'a' + agent)) });
        }
        conversation.messages.append({ QStringLiteral("user"), QStringLiteral("and now?") });
        conversation.maxTokens = 200;
        // What AskCommand does for a model named on the command line.
        const BudgetHold hold = engine.router()->reserveBudget(model, conversation);
        if (!hold.ok) {
            refusals << hold.reason;
            continue;
        }
        ProviderCall* call = engine.client()->start(provider, model, conversation, this);
        call->setBudgetHold(hold.id);
        engine.track(call, RequestSource::Cli);
        connect(call, &ProviderCall::finished, this, [&ended, call] {
            ++ended;
            call->deleteLater();
        });
    }
    QCOMPARE(refusals.size(), 1);
    QVERIFY2(refusals.constFirst().contains(QStringLiteral("daily budget")), qPrintable(refusals.constFirst()));
    QTRY_COMPARE_WITH_TIMEOUT(ended, 2, 10000);
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 2);
    const SandboxServer::Answered served = engine.sandbox()->answered();
    const double servedUsd = (served.promptTokens * 0.40 + served.completionTokens * 1.60) / 1e6;
    QVERIFY2(served.promptTokens >= 20000, qPrintable(QString::number(served.promptTokens)));
    QVERIFY2(servedUsd <= settings.global.dailyUsd, qPrintable(QString::number(servedUsd)));
    // Settled with the real cost when the rows were written, and not counted a second time by them.
    QTRY_COMPARE(engine.budgets()->activeReservations(), 0);
    const QList<ScopeUsage> usage = engine.budgets()->usage();
    QCOMPARE(usage.size(), 1);
    QVERIFY2(qAbs(usage.constFirst().spentUsd - servedUsd) < 1e-12,
             qPrintable(QStringLiteral("%1 counted, %2 served").arg(usage.constFirst().spentUsd).arg(servedUsd)));
}

void TestEngine::workbenchColumns_heldAgainstTheBudget_data()
{
    QTest::addColumn<bool>("allowUnpriced");
    QTest::addColumn<QList<int>>("states"); // ColumnState of: priced column, unpriced column
    QTest::addColumn<int>("served"); // requests the sandbox answered

    QTest::newRow("an unpriced column is refused under a limit, nothing sent for it")
        << false << QList<int> { int(ColumnState::Done), int(ColumnState::Failed) } << 1;
    QTest::newRow("allowed unpriced models: both columns answer")
        << true << QList<int> { int(ColumnState::Done), int(ColumnState::Done) } << 2;
}

// A comparison on chosen models goes through the budget as the app wires it (callStarted ->
// Engine::track): a column whose model has no price cannot be bounded and is refused.
void TestEngine::workbenchColumns_heldAgainstTheBudget()
{
    QFETCH(bool, allowUnpriced);
    QFETCH(QList<int>, states);
    QFETCH(int, served);
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0);
    BudgetSettings settings;
    settings.global.dailyUsd = 1.0;
    settings.action = BudgetAction::Refuse;
    settings.allowUnpriced = allowUnpriced;
    engine.budgets()->setSettings(settings);

    ModelConfig mystery = *engine.model(QStringLiteral("sandbox/gpt-4.1-mini"));
    mystery.id = QStringLiteral("sandbox/mystery"); // the same upstream model, its price unknown
    mystery.price = {};
    QList<ModelConfig> models = engine.models();
    models.append(mystery);
    ComparisonRun run(engine.client());
    run.setRouter(engine.router());
    run.setCatalog({ engine.providers(), models });
    connect(&run, &ComparisonRun::callStarted, &engine, [&engine](ProviderCall* call, const QString& group) {
        engine.track(call, RequestSource::Workbench, group);
    });
    QVERIFY(run.addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") }));
    QVERIFY(run.addColumn({ mystery.id }));
    run.setPrompt({ QStringLiteral("hello there"), {}, std::nullopt, 100, {} });
    QSignalSpy finished(&run, &ComparisonRun::runFinished);
    QVERIFY(run.start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

    QCOMPARE(int(run.column(0)->state()), states[0]);
    QCOMPARE(int(run.column(1)->state()), states[1]);
    if (run.column(1)->state() == ColumnState::Failed) {
        const QString message = run.column(1)->error().message;
        QVERIFY2(message.contains(QStringLiteral("nothing was sent")) && message.contains(mystery.id),
                 qPrintable(message));
    }
    QCOMPARE(engine.sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), served);
    QTRY_COMPARE(engine.budgets()->activeReservations(), 0);
}

void TestEngine::unpricedModel_refusedByABudgetUnlessAllowed()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0);
    BudgetSettings settings;
    settings.global.dailyUsd = 1.0;
    settings.action = BudgetAction::Refuse;
    engine.budgets()->setSettings(settings);
    ModelConfig mystery = *engine.model(QStringLiteral("sandbox/gpt-4.1-mini"));
    mystery.price = {};
    const BudgetCheck refused = engine.budgets()->check(mystery.providerId, QStringLiteral("local/mystery"),
                                                        mystery.price, Engine::budgetRequest(mystery, ChatRequest {}));
    QVERIFY(!refused.allowed);
    QVERIFY2(refused.reason.contains(QStringLiteral("local/mystery")), qPrintable(refused.reason));
    settings.allowUnpriced = true;
    engine.budgets()->setSettings(settings);
    QVERIFY(
        engine.budgets()->check(mystery.providerId, QStringLiteral("local/mystery"), mystery.price, 10, 10).allowed);
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
        engine.track(call, request, RequestSource::Route);
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

void TestEngine::providerLimitReached_actionDecides_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("model"); // empty: nothing sent
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("says"); // in the downgrade, the error or the warning

    // Default sandbox policy: premium = gpt-5 (openai) -> claude-sonnet-4-5 (anthropic); the next
    // cheaper tier by price is budget (gemini-2.5-flash first).
    QTest::newRow("downgrade: premium over its providers' limits, budget tier's gemini answers")
        << int(BudgetAction::DowngradeTier) << "sandbox/gemini-2.5-flash"
        << "budget"
        << "tier premium over budget (daily budget for sandbox-openai, limit $1.00), moved down to tier budget";
    QTest::newRow("refuse: nothing is sent, the error names the limit")
        << int(BudgetAction::Refuse) << ""
        << "premium"
        << "daily budget for sandbox-openai would be exceeded: $1.00 spent";
    QTest::newRow("warn only: gpt-5 answers, the overrun is reported") << int(BudgetAction::WarnOnly) << "sandbox/gpt-5"
                                                                       << "premium"
                                                                       << "Sent anyway (warn only).";
}

void TestEngine::providerLimitReached_actionDecides()
{
    QFETCH(int, action);
    QFETCH(QString, model);
    QFETCH(QString, tier);
    QFETCH(QString, says);
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    engine.sandbox()->setTimeScale(0);
    BudgetSettings settings;
    settings.perProvider.insert(QStringLiteral("sandbox-openai"), { 1.0, 0 });
    settings.perProvider.insert(QStringLiteral("sandbox-anthropic"), { 1.0, 0 });
    settings.action = BudgetAction(action);
    engine.budgets()->setSettings(settings);
    QSignalSpy limitReached(engine.budgets(), &BudgetTracker::limitReached);
    // Earlier today each of the two providers was paid its whole daily limit.
    for (const char* provider : { "sandbox-openai", "sandbox-anthropic" }) {
        RequestRecord earlier;
        earlier.startedAt = QDateTime::currentDateTimeUtc();
        earlier.source = RequestSource::Route;
        earlier.finalProvider = QString::fromLatin1(provider);
        earlier.finalModel = QStringLiteral("earlier");
        earlier.status = RequestStatus::Ok;
        earlier.costUsd = 1.0;
        engine.record(earlier);
    }
    engine.sandbox()->resetCounts();

    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("hello there") } };
    request.maxTokens = 1000;
    RoutedCall* call = engine.router()->route(request, { QStringLiteral("tier=premium") }, {}, this);
    QSignalSpy finished(call, &RoutedCall::finished);
    QSignalSpy failed(call, &RoutedCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 10000);

    if (model.isEmpty()) {
        QCOMPARE(failed.size(), 1);
        const RoutedError error = failed.first().first().value<RoutedError>();
        QVERIFY2(error.message.contains(says), qPrintable(error.message));
        QCOMPARE(error.tier, tier);
        QCOMPARE(engine.sandbox()->totalRequests(), 0);
    } else {
        QCOMPARE(finished.size(), 1);
        const RoutedResult result = finished.first().first().value<RoutedResult>();
        QCOMPARE(result.modelId, model);
        QCOMPARE(result.tier, tier);
        QCOMPARE(result.requestedTier, QStringLiteral("premium"));
        QCOMPARE(engine.sandbox()->totalRequests(), 1);
        if (BudgetAction(action) == BudgetAction::DowngradeTier) {
            QCOMPARE(result.downgrades.size(), 1);
            QCOMPARE(result.downgrades.first().text(), says);
            QCOMPARE(result.attempts.first().reason, AttemptReason::Downgrade);
        } else {
            QCOMPARE(result.budgetWarnings.size(), 1);
            QVERIFY(result.budgetWarnings.first().contains(says));
            QVERIFY(limitReached.size() >= 1);
        }
    }
    // The providers over their limits never saw a request unless the user said "warn only".
    const int overLimit = engine.sandbox()->requestCount(QStringLiteral("gpt-5"))
        + engine.sandbox()->requestCount(QStringLiteral("claude-sonnet-4-5"));
    QCOMPARE(overLimit, BudgetAction(action) == BudgetAction::WarnOnly ? 1 : 0);
    QCOMPARE(engine.budgets()->activeReservations(), 0);
    delete call;
}

void TestEngine::providerBudgetInConfig_limitsThatProvider()
{
    QTemporaryDir home;
    Engine engine;
    QVERIFY(engine.open({ home.path(), true }));
    // A provider of the user's own (the sandbox's OpenAI endpoint) with a tiny daily budget.
    ProviderConfig own = engine.sandbox()->providers().first();
    own.id = QStringLiteral("own");
    own.simulated = false;
    own.dailyBudgetUsd = 0.000001;
    ModelConfig model = engine.sandbox()->models().first();
    for (const ModelConfig& candidate : engine.sandbox()->models()) {
        if (candidate.providerId == engine.sandbox()->providers().first().id) {
            model = candidate;
        }
    }
    model.id = QStringLiteral("own/") + model.upstreamModel;
    model.providerId = own.id;
    SwitchyardConfig config = engine.config();
    config.providers.append(own);
    config.models.append(model);
    QVERIFY(engine.saveConfig(config).isEmpty());
    QCOMPARE(engine.budgets()->settings().perProvider.value(own.id).dailyUsd, 0.000001);

    BudgetSettings settings = engine.budgets()->settings();
    settings.action = BudgetAction::Refuse;
    engine.budgets()->setSettings(settings);
    const int before = engine.sandbox()->totalRequests();
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("hello there") } };
    request.maxTokens = 1000; // its worst case is far above the provider's limit
    RouteOptions options;
    options.forcedModelOrGroup = model.id;
    RoutedCall* call = engine.router()->route(request, {}, options, this);
    QSignalSpy failed(call, &RoutedCall::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(engine.sandbox()->totalRequests(), before);

    // Removing the limit from the provider lifts it.
    config.providers.last().dailyBudgetUsd = 0;
    QVERIFY(engine.saveConfig(config).isEmpty());
    QVERIFY(!engine.budgets()->settings().perProvider.contains(own.id));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_Engine.moc"
