#include "RoutedCallFixture.h"
#include "core/common/Clock.h"

using Kind = SandboxFault::Kind;
Q_DECLARE_METATYPE(SandboxFault)

namespace {
SandboxFault fault(Kind kind)
{
    return SandboxFault::ofKind(kind);
}

SandboxFault slowTokens(int intervalMs)
{
    SandboxFault result = SandboxFault::ofKind(Kind::SlowTokens);
    result.tokenIntervalMs = intervalMs;
    return result;
}

SandboxFault dropAfter(int tokens)
{
    SandboxFault result = SandboxFault::ofKind(Kind::DropMidStream);
    result.afterTokens = tokens;
    return result;
}
} // namespace

class TestRoutedCall : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void failureClass_decidesNextModel_data();
    void failureClass_decidesNextModel();
    void refusedConnection_isNetworkError_andSkipsProvider();
    void rateLimitRetry_waitsRetryAfter();
    void contextTooLong_forcedGroup_triesContextWindowFallbacksFirst();
    void midStreamDrop_restartsOnFallback();
    void midStreamDrop_continuesWithoutDuplicating();
    void midStreamDrop_stopsIncomplete();
    void hedge_fasterFallbackWins_loserRecorded();
    void cooldown_afterKFailures_skipsThenProbes();
    void everyModelFails_cacheAnswers();
    void everyModelFails_errorListsEveryAttempt();
    void overBudget_isSkippedWithReason();
    void callerBudget_heldPerAttempt_refusalSkips_unbilledGivenBack();
    void cancel_emitsNothingAndStopsUpstream();
    void unfinishedAttempt_billsWhatCameBack_data();
    void unfinishedAttempt_billsWhatCameBack();
    void success_reportsDecisionAndUsage();
    void load_1000Requests_noneLostOrDuplicated();

private:
    RoutedCallFixture m_fx;
};

void TestRoutedCall::init()
{
    QVERIFY(m_fx.start());
}

void TestRoutedCall::cleanup()
{
    m_fx.router.reset();
    m_fx.client.reset();
    m_fx.server.reset();
}

void TestRoutedCall::failureClass_decidesNextModel_data()
{
    QTest::addColumn<SandboxFault>("primaryFault");
    QTest::addColumn<double>("timeScale");
    QTest::addColumn<int>("totalMs");
    QTest::addColumn<QString>("attempts");
    QTest::addColumn<bool>("answered");

    // Chain: gpt-4.1-mini -> gpt-4.1 (same provider) -> deepseek-chat -> claude-haiku-4-5.
    const QString skipProvider = "gpt-4.1-mini:%1, deepseek-chat:ok";
    QTest::newRow("500 skips the provider")
        << SandboxFault::httpError(500) << 0.0 << 0 << skipProvider.arg("server_error") << true;
    QTest::newRow("503 skips the provider")
        << SandboxFault::httpError(503) << 0.0 << 0 << skipProvider.arg("server_error") << true;
    QTest::newRow("529 overloaded skips the provider")
        << SandboxFault::httpError(529, "overloaded_error") << 0.0 << 0 << skipProvider.arg("server_error") << true;
    QTest::newRow("429 retry-after below cap retries same model once, then switches model")
        << SandboxFault::httpError(429, "rate_limit_exceeded", 0) << 0.0 << 0
        << "gpt-4.1-mini:rate_limited, gpt-4.1-mini:rate_limited, gpt-4.1:ok" << true;
    QTest::newRow("429 retry-after above cap switches to the next model at once")
        << SandboxFault::httpError(429, "rate_limit_exceeded", 30) << 0.0 << 0
        << "gpt-4.1-mini:rate_limited, gpt-4.1:ok" << true;
    QTest::newRow("429 insufficient_quota cools the provider and switches")
        << SandboxFault::httpError(429, "insufficient_quota") << 0.0 << 0 << skipProvider.arg("quota_exhausted")
        << true;
    QTest::newRow("401 skips the provider")
        << SandboxFault::httpError(401) << 0.0 << 0 << skipProvider.arg("auth") << true;
    QTest::newRow("400 ends without burning the chain")
        << SandboxFault::httpError(400) << 0.0 << 0 << "gpt-4.1-mini:bad_request" << false;
    QTest::newRow("400 context_length_exceeded moves to a larger window")
        << SandboxFault::httpError(400, "context_length_exceeded") << 0.0 << 0 << "gpt-4.1-mini:bad_request, gpt-4.1:ok"
        << true;
    QTest::newRow("hang before headers: first-token timeout")
        << fault(Kind::HangBeforeHeaders) << 0.0 << 0 << skipProvider.arg("first_token_timeout") << true;
    QTest::newRow("headers then silence: first-token timeout")
        << fault(Kind::HeadersThenSilence) << 0.0 << 0 << skipProvider.arg("first_token_timeout") << true;
    QTest::newRow("drop mid-stream: stream broken")
        << dropAfter(3) << 0.0 << 0 << skipProvider.arg("stream_broken") << true;
    QTest::newRow("malformed JSON") << fault(Kind::MalformedJson) << 0.0 << 0 << skipProvider.arg("malformed_response")
                                    << true;
    QTest::newRow("tokens stop coming: idle timeout")
        << slowTokens(60000) << 0.05 << 0 << skipProvider.arg("idle_timeout") << true;
    QTest::newRow("answer too slow overall: total timeout")
        << slowTokens(4000) << 0.05 << 1500 << skipProvider.arg("total_timeout") << true;
}

void TestRoutedCall::failureClass_decidesNextModel()
{
    QFETCH(SandboxFault, primaryFault);
    QFETCH(double, timeScale);
    QFETCH(int, totalMs);
    QFETCH(QString, attempts);
    QFETCH(bool, answered);

    QList<ModelConfig> models = m_fx.server->models();
    for (ModelConfig& model : models) {
        if (model.upstreamModel == "gpt-4.1-mini") {
            model.contextWindow = 100000; // gpt-4.1 (1M) is larger, deepseek-chat (128k) is not smaller
        }
    }
    m_fx.router->setModels(models);
    TierSettings settings = RoutedCallFixture::fastSettings();
    if (totalMs > 0) {
        settings.timeouts.totalMs = totalMs; // fastSettings() sets every timeout as the tier's
    }
    m_fx.setChain({ "gpt-4.1-mini", "gpt-4.1", "deepseek-chat", "claude-haiku-4-5" }, settings);
    m_fx.server->setTimeScale(timeScale);
    m_fx.server->setFault("gpt-4.1-mini", primaryFault);

    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), 10000);
    QCOMPARE(recorder.finished.count() + recorder.failed.count(), 1);
    QCOMPARE(recorder.finished.count() == 1, answered);
    const QList<AttemptInfo> reported = answered ? recorder.result().attempts : recorder.error().attempts;
    QCOMPARE(RoutedCallFixture::attemptsText(reported), attempts);
    // No hidden retries: every reported attempt is one upstream request, and nothing else was sent.
    QCOMPARE(m_fx.server->totalRequests(), reported.size());
    if (answered) {
        int switches = 0;
        for (qsizetype i = 1; i < reported.size(); ++i) {
            switches += reported.at(i).reason == AttemptReason::RateLimitRetry ? 0 : 1;
        }
        QCOMPARE(recorder.result().failovers, switches);
        QCOMPARE(recorder.failedOver.count(), switches);
        QVERIFY(!recorder.result().text.isEmpty());
        QCOMPARE(recorder.text, recorder.result().text);
    } else {
        QVERIFY(recorder.error().message.contains("gpt-4.1-mini"));
        QVERIFY(!recorder.error().incomplete);
    }
    const bool quota = primaryFault.errorCode == "insufficient_quota";
    const CooldownState openai = m_fx.router->cooldowns()->state("sandbox/gpt-4.1", "sandbox-openai");
    QCOMPARE(openai.phase == CooldownState::CoolingDown && openai.providerWide, quota);
}

void TestRoutedCall::refusedConnection_isNetworkError_andSkipsProvider()
{
    QList<ProviderConfig> providers = m_fx.server->providers();
    ProviderConfig dead = providers.first();
    dead.id = "dead";
    dead.baseUrl = QUrl("http://127.0.0.1:1/v1");
    providers.append(dead);
    QList<ModelConfig> models = m_fx.server->models();
    ModelConfig ghost = models.first();
    ghost.id = "sandbox/ghost";
    ghost.providerId = "dead";
    models.append(ghost);
    m_fx.router->setProviders(providers);
    m_fx.router->setModels(models);
    m_fx.setChain({ "ghost", "deepseek-chat" });
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    QCOMPARE(RoutedCallFixture::attemptsText(recorder.result().attempts),
             QStringLiteral("ghost:network_error, deepseek-chat:ok"));
}

void TestRoutedCall::rateLimitRetry_waitsRetryAfter()
{
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.rateLimitWaitCapMs = 1000;
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" }, settings);
    m_fx.server->setFault("gpt-4.1-mini", SandboxFault::httpError(429, "rate_limit_exceeded", 1));
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), 5000);
    const QList<AttemptInfo> attempts = recorder.result().attempts;
    QCOMPARE(RoutedCallFixture::attemptsText(attempts),
             QStringLiteral("gpt-4.1-mini:rate_limited, gpt-4.1-mini:rate_limited, deepseek-chat:ok"));
    QCOMPARE(attempts.at(1).reason, AttemptReason::RateLimitRetry);
    QVERIFY2(attempts.at(1).startedMs - attempts.at(0).endedMs >= 990,
             qPrintable(QString::number(attempts.at(1).startedMs - attempts.at(0).endedMs)));
    QCOMPARE(m_fx.server->requestCount("gpt-4.1-mini"), 2);
}

void TestRoutedCall::contextTooLong_forcedGroup_triesContextWindowFallbacksFirst()
{
    QList<ModelConfig> models = m_fx.server->models();
    for (ModelConfig& model : models) {
        if (model.upstreamModel == "gpt-4.1-mini") {
            model.contextWindow = 100000; // deepseek-chat (128k) is larger too, but comes later
        }
    }
    m_fx.router->setModels(models);
    m_fx.setChain({ "deepseek-chat" });
    RoutingPolicy policy = m_fx.router->policy();
    ModelGroup group;
    group.name = "small";
    group.deployments = { { "sandbox/gpt-4.1-mini", 1 } };
    group.fallbacks = { "sandbox/deepseek-chat" };
    group.contextWindowFallbacks = { "sandbox/gpt-4.1" };
    policy.groups.append(group);
    m_fx.router->setPolicy(policy);
    m_fx.server->setFault("gpt-4.1-mini", SandboxFault::httpError(400, "context_length_exceeded"));

    RouteOptions options;
    options.forcedModelOrGroup = "small";
    CallRecorder recorder(m_fx.router->route(RoutedCallFixture::request(), {}, options, m_fx.router.get()));
    QTRY_VERIFY(recorder.done());
    QCOMPARE(RoutedCallFixture::attemptsText(recorder.result().attempts),
             QStringLiteral("gpt-4.1-mini:bad_request, gpt-4.1:ok"));
}

void TestRoutedCall::midStreamDrop_restartsOnFallback()
{
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" });
    m_fx.server->setFault("gpt-4.1-mini", dropAfter(4));
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    QCOMPARE(recorder.restarted.count(), 1);
    QCOMPARE(recorder.restarted.first().first().toString(), QStringLiteral("sandbox/deepseek-chat"));
    const int restartAt = int(recorder.events.indexOf("restarted"));
    QVERIFY(restartAt > 0); // text was shown before the restart
    QCOMPARE(recorder.text, recorder.result().text); // the recorder cleared at the restart
    QCOMPARE(recorder.result().modelId, QStringLiteral("sandbox/deepseek-chat"));
    QCOMPARE(RoutedCallFixture::attemptsText(recorder.result().attempts),
             QStringLiteral("gpt-4.1-mini:stream_broken, deepseek-chat:ok"));
}

void TestRoutedCall::midStreamDrop_continuesWithoutDuplicating()
{
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.midStream = MidStreamPolicy::Continue;
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" }, settings);
    m_fx.server->setFault("gpt-4.1-mini", dropAfter(4));
    RoutedCall* call = m_fx.route();
    QString beforeBreak;
    connect(call, &RoutedCall::attemptStarted, this, [&](const QString& model, const QString&, AttemptReason) {
        if (model == "sandbox/deepseek-chat") {
            beforeBreak = call->textSoFar();
        }
    });
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    QCOMPARE(recorder.restarted.count(), 0);
    QVERIFY(!beforeBreak.isEmpty());
    const RoutedResult result = recorder.result();
    QVERIFY(result.text.startsWith(beforeBreak));
    QVERIFY(result.text.size() > beforeBreak.size());
    QCOMPARE(recorder.text, result.text); // every character shown once
    QCOMPARE(result.attempts.last().reason, AttemptReason::Continue);
}

void TestRoutedCall::midStreamDrop_stopsIncomplete()
{
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.midStream = MidStreamPolicy::StopIncomplete;
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" }, settings);
    m_fx.server->setFault("gpt-4.1-mini", dropAfter(4));
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    QCOMPARE(recorder.finished.count(), 0);
    const RoutedError error = recorder.error();
    QVERIFY(error.incomplete);
    QVERIFY(!error.partialText.isEmpty());
    QCOMPARE(error.partialText, recorder.text);
    QCOMPARE(error.attempts.size(), 1);
    QCOMPARE(m_fx.server->requestCount("deepseek-chat"), 0);
}

void TestRoutedCall::hedge_fasterFallbackWins_loserRecorded()
{
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.hedging = true;
    settings.hedgeAfterMs = 50;
    settings.timeouts.firstTokenMs = 5000;
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" }, settings);
    m_fx.server->setFault("gpt-4.1-mini", fault(Kind::HeadersThenSilence));
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    const RoutedResult result = recorder.result();
    QCOMPARE(RoutedCallFixture::attemptsText(result.attempts),
             QStringLiteral("gpt-4.1-mini:hedge_lost, deepseek-chat:ok"));
    QCOMPARE(result.attempts.at(1).reason, AttemptReason::Hedge);
    QVERIFY(result.hedgeCostUsd > 0);
    QCOMPARE(result.attempts.at(0).costUsd, result.hedgeCostUsd);
    QCOMPARE(m_fx.server->totalRequests(), 2);
    QVERIFY(result.ttftMs < 5000); // not waiting for the primary's timeout
    QCOMPARE(m_fx.router->inFlight("sandbox/gpt-4.1-mini"), 0);
}

void TestRoutedCall::cooldown_afterKFailures_skipsThenProbes()
{
    MockClock clock(QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC));
    Clock::setInstance(&clock);
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.cooldown = { 2, 60, 30 };
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" }, settings);
    m_fx.server->setFault("gpt-4.1-mini", SandboxFault::httpError(500));

    const auto runOnce = [this] {
        CallRecorder recorder(m_fx.route());
        if (!QTest::qWaitFor([&recorder] { return recorder.done(); }, 5000) || recorder.finished.isEmpty()) {
            return QStringLiteral("no answer");
        }
        return RoutedCallFixture::attemptsText(recorder.result().attempts);
    };
    QCOMPARE(runOnce(), QStringLiteral("gpt-4.1-mini:server_error, deepseek-chat:ok"));
    clock.advanceMs(10'000);
    QCOMPARE(runOnce(), QStringLiteral("gpt-4.1-mini:server_error, deepseek-chat:ok"));
    // K = 2 failures within W: cooling down for C, skipped without a request.
    QCOMPARE(runOnce(), QStringLiteral("deepseek-chat:ok"));
    QCOMPARE(m_fx.router->explain("x").chain.first().deployments.first().availability.kind, SkipKind::CoolingDown);
    clock.advanceMs(29'999);
    QCOMPARE(runOnce(), QStringLiteral("deepseek-chat:ok"));
    QCOMPARE(m_fx.server->requestCount("gpt-4.1-mini"), 2);
    // C over: one probe; it fails, so the cooldown re-opens.
    clock.advanceMs(1);
    QCOMPARE(runOnce(), QStringLiteral("gpt-4.1-mini:server_error, deepseek-chat:ok"));
    QCOMPARE(runOnce(), QStringLiteral("deepseek-chat:ok"));
    // Next probe succeeds and closes the breaker.
    m_fx.server->clearFaults();
    clock.advanceMs(30'000);
    QCOMPARE(runOnce(), QStringLiteral("gpt-4.1-mini:ok"));
    QCOMPARE(runOnce(), QStringLiteral("gpt-4.1-mini:ok"));
    Clock::setInstance(nullptr);
}

void TestRoutedCall::everyModelFails_cacheAnswers()
{
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.cacheEnabled = true;
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" }, settings);
    QString first;
    {
        CallRecorder recorder(m_fx.route());
        QTRY_VERIFY(recorder.done());
        first = recorder.result().text;
        QVERIFY(!recorder.result().cached);
    }
    m_fx.server->setProviderFault("sandbox-openai", SandboxFault::httpError(503));
    m_fx.server->setProviderFault("sandbox-deepseek", SandboxFault::httpError(500));
    m_fx.server->resetCounts();
    // Whitespace differences still hit the exact-match cache.
    CallRecorder recorder(m_fx.route(RoutedCallFixture::request("  Tell me   about rivers ")));
    QTRY_VERIFY(recorder.done());
    QCOMPARE(recorder.cacheAnswered.count(), 1);
    const RoutedResult result = recorder.result();
    QVERIFY(result.cached);
    QCOMPARE(result.text, first);
    QCOMPARE(recorder.text, first);
    QCOMPARE(RoutedCallFixture::attemptsText(result.attempts),
             QStringLiteral("gpt-4.1-mini:server_error, deepseek-chat:server_error"));
    QCOMPARE(m_fx.server->totalRequests(), 2);
}

void TestRoutedCall::everyModelFails_errorListsEveryAttempt()
{
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat", "claude-haiku-4-5" });
    m_fx.server->setFault("gpt-4.1-mini", SandboxFault::httpError(500));
    m_fx.server->setFault("deepseek-chat", fault(Kind::MalformedJson));
    m_fx.server->setFault("claude-haiku-4-5", SandboxFault::httpError(529, "overloaded_error"));
    CallRecorder recorder(m_fx.route());
    QTRY_VERIFY(recorder.done());
    QCOMPARE(recorder.finished.count(), 0);
    const RoutedError error = recorder.error();
    QCOMPARE(RoutedCallFixture::attemptsText(error.attempts),
             QStringLiteral("gpt-4.1-mini:server_error, deepseek-chat:malformed_response, "
                            "claude-haiku-4-5:server_error"));
    QCOMPARE(error.lastError.failureClass, FailureClass::ServerError);
    const QString details = error.details();
    for (const char* expected : { "gpt-4.1-mini", "deepseek-chat", "claude-haiku-4-5", "malformed_response" }) {
        QVERIFY2(details.contains(QLatin1String(expected)), qPrintable(details));
    }
    QCOMPARE(m_fx.server->totalRequests(), 3);
    QCOMPARE(recorder.failedOver.count(), 2);
}

void TestRoutedCall::overBudget_isSkippedWithReason()
{
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" });
    m_fx.router->setBudgetCheck([](const ModelConfig& model, const ChatRequest&) {
        return model.id == "sandbox/gpt-4.1-mini" ? BudgetVerdict { false, "monthly cap reached" } : BudgetVerdict {};
    });
    CallRecorder recorder(m_fx.route());
    QTRY_VERIFY(recorder.done());
    const RoutedResult result = recorder.result();
    QCOMPARE(RoutedCallFixture::attemptsText(result.attempts), QStringLiteral("deepseek-chat:ok"));
    QCOMPARE(result.skipped.size(), 1);
    QCOMPARE(result.skipped.first().modelId, QStringLiteral("sandbox/gpt-4.1-mini"));
    QVERIFY(result.skipped.first().reason.contains("monthly cap reached"));
    QCOMPARE(m_fx.server->requestCount("gpt-4.1-mini"), 0);
}

void TestRoutedCall::callerBudget_heldPerAttempt_refusalSkips_unbilledGivenBack()
{
    // The caller's own budget (a gateway client key's) is asked for each deployment after the
    // router's; it refuses deepseek-chat. gpt-4.1-mini fails with a 503 and bills nothing.
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat", "claude-haiku-4-5" });
    m_fx.server->setFault("gpt-4.1-mini", SandboxFault::httpError(503));
    QHash<quint64, QString> routerHeld; // the router's holds not yet settled
    quint64 nextRouterHold = 100;
    m_fx.router->setBudgetReservation(
        [&](const ModelConfig& model, const ChatRequest&) {
            routerHeld.insert(nextRouterHold, model.id);
            return BudgetHold { true, nextRouterHold++ };
        },
        [&](quint64 holdId, const ModelConfig&, const TokenUsage*) { routerHeld.remove(holdId); });
    QStringList asked;
    QStringList settled;
    RoutedCall* call = m_fx.route();
    call->setCallerBudget(
        [&](const ModelConfig& model, const ChatRequest&) {
            asked.append(model.id);
            if (model.id == QLatin1String("sandbox/deepseek-chat")) {
                return BudgetHold { false, 0, QStringLiteral("the key's daily budget is spent") };
            }
            return BudgetHold { true, quint64(asked.size()) };
        },
        [&](quint64 holdId, const ModelConfig& model, const TokenUsage* usage) {
            settled.append(QStringLiteral("%1 %2 %3").arg(holdId).arg(model.id, usage ? "billed" : "unbilled"));
        });
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    const RoutedResult result = recorder.result();
    QCOMPARE(RoutedCallFixture::attemptsText(result.attempts),
             QStringLiteral("gpt-4.1-mini:server_error, claude-haiku-4-5:ok"));
    QCOMPARE(asked, QStringList({ "sandbox/gpt-4.1-mini", "sandbox/deepseek-chat", "sandbox/claude-haiku-4-5" }));
    QCOMPARE(settled, QStringList({ "1 sandbox/gpt-4.1-mini unbilled", "3 sandbox/claude-haiku-4-5 billed" }));
    QCOMPARE(result.skipped.size(), 1);
    QCOMPARE(result.skipped.first().kind, SkipKind::OverBudget);
    QVERIFY(result.skipped.first().reason.contains(QLatin1String("the key's daily budget is spent")));
    QCOMPARE(m_fx.server->requestCount("deepseek-chat"), 0);
    QVERIFY2(routerHeld.isEmpty(), qPrintable(QStringList(routerHeld.values()).join(u','))); // deepseek's given back
}

void TestRoutedCall::cancel_emitsNothingAndStopsUpstream()
{
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" });
    m_fx.server->setFault("gpt-4.1-mini", fault(Kind::HeadersThenSilence));
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QSignalSpy anyText(call, &RoutedCall::textReceived);
    QTRY_COMPARE(m_fx.server->requestCount("gpt-4.1-mini"), 1);
    call->cancel();
    QVERIFY(call->isDone());
    QCOMPARE(m_fx.router->inFlight("sandbox/gpt-4.1-mini"), 0);
    // A second call going through the same event loop is the barrier: by its end, anything the
    // cancelled call could still emit (the first-token timeout is 1 s) would have arrived.
    m_fx.setChain({ "claude-haiku-4-5" });
    m_fx.server->setFault("claude-haiku-4-5", fault(Kind::HangBeforeHeaders));
    CallRecorder barrier(m_fx.route());
    QTRY_VERIFY_WITH_TIMEOUT(barrier.done(), 10000);
    QCOMPARE(recorder.finished.count() + recorder.failed.count(), 0);
    QCOMPARE(anyText.count(), 0);
    QCOMPARE(m_fx.server->requestCount("deepseek-chat"), 0);
}

enum class Ending
{
    CallerStops,
    TotalTimeout,
    BrokeOff,
    NothingCame,
};
Q_DECLARE_METATYPE(Ending)

void TestRoutedCall::unfinishedAttempt_billsWhatCameBack_data()
{
    QTest::addColumn<Ending>("ending");
    QTest::addColumn<bool>("billed");
    QTest::newRow("stopped by the caller mid-stream: billed from the estimate") << Ending::CallerStops << true;
    QTest::newRow("cut by the total timeout mid-stream: billed from the estimate") << Ending::TotalTimeout << true;
    QTest::newRow("broke off mid-stream: billed from the estimate") << Ending::BrokeOff << true;
    QTest::newRow("nothing came back: the hold is given back") << Ending::NothingCame << false;
}

// Nothing used goes unbilled: an attempt that produced output and did not finish settles its
// budget hold with the usage estimated from that output, and the call reports that usage and its
// first token; one that produced nothing gives its hold back.
void TestRoutedCall::unfinishedAttempt_billsWhatCameBack()
{
    QFETCH(Ending, ending);
    QFETCH(bool, billed);
    QList<std::optional<TokenUsage>> settled;
    quint64 nextHold = 0;
    m_fx.router->setBudgetReservation(
        [&nextHold](const ModelConfig&, const ChatRequest&) {
            return BudgetHold { true, ++nextHold };
        },
        [&settled](quint64, const ModelConfig&, const TokenUsage* usage) {
            settled.append(usage ? std::optional(*usage) : std::nullopt);
        });
    TierSettings settings = RoutedCallFixture::fastSettings();
    settings.midStream = MidStreamPolicy::StopIncomplete;
    m_fx.server->setTimeScale(1);
    switch (ending) {
    case Ending::CallerStops:
        m_fx.server->setFault("gpt-4.1-mini", slowTokens(40));
        break;
    case Ending::TotalTimeout:
        settings.timeouts.idleMs = 5000;
        settings.timeouts.totalMs = 1500;
        m_fx.server->setFault("gpt-4.1-mini", slowTokens(100));
        break;
    case Ending::BrokeOff:
        m_fx.server->setFault("gpt-4.1-mini", dropAfter(6));
        break;
    case Ending::NothingCame:
        settings.timeouts.firstTokenMs = 300;
        m_fx.server->setFault("gpt-4.1-mini", fault(Kind::HeadersThenSilence));
        break;
    }
    m_fx.setChain({ "gpt-4.1-mini" }, settings);
    RoutedCall* call = m_fx.route();
    CallRecorder recorder(call);
    QSignalSpy cancelled(call, &RoutedCall::cancelled);
    RoutedError ended;
    if (ending == Ending::CallerStops) {
        QTRY_VERIFY_WITH_TIMEOUT(recorder.text.size() >= 20, 10000);
        call->cancel();
        QCOMPARE(cancelled.count(), 1);
        ended = cancelled.first().first().value<RoutedError>();
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), 10000);
        QCOMPARE(recorder.finished.count(), 0);
        ended = recorder.error();
    }
    QCOMPARE(settled.size(), 1);
    QCOMPARE(settled.first().has_value(), billed);
    if (!billed) {
        QCOMPARE(ended.usage, TokenUsage {});
        QCOMPARE(ended.ttftMs, -1);
        return;
    }
    const TokenUsage usage = *settled.first();
    QVERIFY(usage.estimated);
    QVERIFY(usage.promptTokens > 0);
    QVERIFY2(usage.completionTokens >= estimateTokens(recorder.text),
             qPrintable(QStringLiteral("%1 < %2").arg(usage.completionTokens).arg(estimateTokens(recorder.text))));
    QCOMPARE(ended.usage, usage);
    QVERIFY(ended.ttftMs >= 0);
}

void TestRoutedCall::success_reportsDecisionAndUsage()
{
    m_fx.setChain({ "deepseek-chat" });
    RoutedCall* call = m_fx.route();
    QSignalSpy decided(call, &RoutedCall::decided);
    QSignalSpy usage(call, &RoutedCall::usageReported);
    QSignalSpy sent(call, &RoutedCall::requestSent);
    CallRecorder recorder(call);
    QTRY_VERIFY(recorder.done());
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.first().first().toString(), QStringLiteral("t"));
    QCOMPARE(sent.count(), 1);
    QVERIFY(usage.count() >= 1);
    const RoutedResult result = recorder.result();
    QCOMPARE(result.tier, QStringLiteral("t"));
    QCOMPARE(result.failovers, 0);
    QVERIFY(result.usage.completionTokens > 0);
    QCOMPARE(result.attempts.first().reason, AttemptReason::Primary);
    QVERIFY(result.ttftMs >= 0 && result.ttftMs <= result.latencyMs);
}

void TestRoutedCall::load_1000Requests_noneLostOrDuplicated()
{
    m_fx.setChain({ "gpt-4.1-mini", "deepseek-chat" });
    SandboxFault flaky = SandboxFault::ofKind(Kind::FailPercent);
    flaky.percent = 30;
    flaky.httpStatus = 503;
    flaky.seed = 2024;
    m_fx.server->setFault("gpt-4.1-mini", flaky);

    constexpr int kTotal = 1000;
    constexpr int kParallel = 20;
    int started = 0;
    int answered = 0;
    int errors = 0;
    int endings = 0;
    int attempts = 0;
    int primaryFailures = 0;
    QSet<int> ended;
    std::function<void()> launch = [&] {
        const int id = started++;
        RoutedCall* call = m_fx.route(RoutedCallFixture::request(QStringLiteral("question %1").arg(id)));
        const auto end = [&, id, call](const QList<AttemptInfo>& reported) {
            ++endings;
            QVERIFY2(!ended.contains(id), "a request ended twice");
            ended.insert(id);
            attempts += reported.size();
            primaryFailures += reported.first().outcomeId() == QLatin1String("server_error") ? 1 : 0;
            call->deleteLater();
            if (started < kTotal) {
                launch();
            }
        };
        connect(call, &RoutedCall::finished, this, [&, end](const RoutedResult& result) {
            ++answered;
            end(result.attempts);
        });
        connect(call, &RoutedCall::failed, this, [&, end](const RoutedError& error) {
            ++errors;
            QVERIFY(!error.message.isEmpty());
            end(error.attempts);
        });
    };
    for (int i = 0; i < kParallel; ++i) {
        launch();
    }
    QTRY_VERIFY_WITH_TIMEOUT(endings == kTotal, 120000);
    QCOMPARE(ended.size(), kTotal);
    QCOMPARE(answered + errors, kTotal);
    QCOMPARE(errors, 0); // the fallback never fails, so every request gets its answer
    QCOMPARE(attempts, m_fx.server->totalRequests());
    QCOMPARE(attempts, kTotal + primaryFailures);
    QCOMPARE(m_fx.server->requestCount("gpt-4.1-mini"), kTotal);
    QVERIFY2(primaryFailures > 240 && primaryFailures < 360, qPrintable(QString::number(primaryFailures)));
    QCOMPARE(m_fx.router->inFlight("sandbox/gpt-4.1-mini") + m_fx.router->inFlight("sandbox/deepseek-chat"), 0);
}

QTEST_GUILESS_MAIN(TestRoutedCall)
#include "tst_RoutedCall.moc"
