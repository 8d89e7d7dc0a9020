#include "RoutedCallFixture.h"
#include "core/pricing/BudgetTracker.h"
#include "core/routing/DefaultPolicy.h"

#include <QJsonArray>

// Budget actions as the router carries them out, against the real sandbox and a real
// BudgetTracker wired the way Engine wires it.
class TestBudgetDowngrade : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void overLimit_actionDecides_data();
    void overLimit_actionDecides();
    void overLimit_explainShowsTheSame_data();
    void overLimit_explainShowsTheSame();
    void freeModel_isExempt_noDowngrade();
    void cheaperTiers_followPriceNotPolicyOrder_data();
    void cheaperTiers_followPriceNotPolicyOrder();

private:
    void wireBudgets();
    void setLimits(BudgetAction action, double openaiDaily, double globalDaily, double openaiSpent);
    static ChatRequest request();
    int openAiRequests() const;

    RoutedCallFixture m_fx;
    std::unique_ptr<BudgetTracker> m_budgets;
};

namespace {
ChainStep step(const QString& name)
{
    return ChainStep { { Deployment { QStringLiteral("sandbox/") + name, 1 } } };
}

RoutingTier tier(const QString& name, const QStringList& models)
{
    RoutingTier result;
    result.name = name;
    for (const QString& model : models) {
        result.chain.append(step(model));
    }
    result.settings = RoutedCallFixture::fastSettings();
    return result;
}

// Listed out of price order on purpose: "cheaper" comes from the prices, not from this order.
// Blended (3 in : 1 out) $/1M: premium gpt-5 3.44, mixed gpt-5 3.44, coding claude-sonnet 6.00,
// standard gpt-4.1-mini 0.70, budget deepseek-chat 0.315.
RoutingPolicy policy()
{
    RoutingPolicy result;
    result.tiers = {
        tier("premium", { "gpt-5", "gpt-4.1" }),         tier("budget", { "deepseek-chat" }),
        tier("coding", { "claude-sonnet-4-5" }),         tier("standard", { "gpt-4.1-mini", "deepseek-chat" }),
        tier("mixed", { "gpt-5", "claude-sonnet-4-5" }),
    };
    result.defaults = RoutedCallFixture::fastSettings();
    result.defaultTier = QStringLiteral("standard");
    return result;
}

QString movesText(const QList<TierDowngrade>& downgrades)
{
    QStringList parts;
    for (const TierDowngrade& downgrade : downgrades) {
        parts.append(downgrade.fromTier + QLatin1Char('>') + downgrade.toTier);
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

void TestBudgetDowngrade::init()
{
    QVERIFY(m_fx.start());
    m_fx.router->setPolicy(policy());
    m_budgets = std::make_unique<BudgetTracker>();
    wireBudgets();
}

void TestBudgetDowngrade::cleanup()
{
    m_fx.router.reset();
    m_budgets.reset();
    m_fx.client.reset();
    m_fx.server.reset();
}

// Engine::open's adapter, kept in step with it.
void TestBudgetDowngrade::wireBudgets()
{
    BudgetTracker* budgets = m_budgets.get();
    auto tokens = [](const ModelConfig& model, const ChatRequest& chat) {
        return std::pair<qint64, qint64> { estimateTokens(chat.lastUserText()) + estimateTokens(chat.systemText()),
                                           chat.maxTokens > 0 ? chat.maxTokens : model.maxOutputTokens };
    };
    m_fx.router->setBudgetCheck([budgets, tokens](const ModelConfig& model, const ChatRequest& chat) {
        const auto [prompt, max] = tokens(model, chat);
        const BudgetCheck check = budgets->check(model.providerId, model.id, model.price, prompt, max);
        return BudgetVerdict { check.allowed, check.reason, check.shouldDowngrade(),
                               check.allowed && check.overLimit ? check.reason : QString(), check.exceededLimit() };
    });
    m_fx.router->setBudgetReservation(
        [budgets, tokens](const ModelConfig& model, const ChatRequest& chat) {
            const auto [prompt, max] = tokens(model, chat);
            const Reservation reservation = budgets->reserve(model.providerId, model.id, model.price, prompt, max);
            const BudgetCheck& check = reservation.check;
            return BudgetHold { reservation.ok,
                                reservation.id,
                                reservation.refusalReason,
                                check.shouldDowngrade(),
                                reservation.ok && check.overLimit ? check.reason : QString(),
                                check.exceededLimit() };
        },
        [budgets](quint64 holdId, const ModelConfig&, const TokenUsage* usage) {
            usage ? budgets->commit(holdId, 0.0) : budgets->release(holdId);
        });
}

void TestBudgetDowngrade::setLimits(BudgetAction action, double openaiDaily, double globalDaily, double openaiSpent)
{
    BudgetSettings settings;
    settings.action = action;
    settings.global.dailyUsd = globalDaily;
    if (openaiDaily > 0) {
        settings.perProvider.insert(QStringLiteral("sandbox-openai"), { openaiDaily, 0 });
    }
    m_budgets->setSettings(settings);
    m_budgets->setSpendSource([openaiSpent](const QString& providerId, const QDateTime&, const QDateTime&) {
        return providerId.isEmpty() || providerId == QLatin1String("sandbox-openai") ? openaiSpent : 0.0;
    });
}

ChatRequest TestBudgetDowngrade::request()
{
    ChatRequest chat = RoutedCallFixture::request();
    // Worst cases: gpt-5 ~$0.0100, gpt-4.1 ~$0.0080, claude-sonnet ~$0.0150, gpt-4.1-mini ~$0.0016,
    // deepseek-chat ~$0.0004.
    chat.maxTokens = 1000;
    return chat;
}

int TestBudgetDowngrade::openAiRequests() const
{
    return m_fx.server->requestCount("gpt-5") + m_fx.server->requestCount("gpt-4.1")
        + m_fx.server->requestCount("gpt-4.1-mini");
}

void TestBudgetDowngrade::overLimit_actionDecides_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<int>("action");
    QTest::addColumn<double>("openaiDaily");
    QTest::addColumn<double>("globalDaily");
    QTest::addColumn<double>("openaiSpent");
    QTest::addColumn<QString>("model"); // empty: nothing sent
    QTest::addColumn<QString>("finalTier");
    QTest::addColumn<QString>("moves");
    QTest::addColumn<QString>("firstMove"); // TierDowngrade::text() of the first move
    QTest::addColumn<QStringList>("errorSays");
    QTest::addColumn<bool>("warned");

    const int downgrade = int(BudgetAction::DowngradeTier);
    const int refuse = int(BudgetAction::Refuse);
    const int warn = int(BudgetAction::WarnOnly);
    QTest::newRow("openai daily limit reached, downgrade: premium moves to standard, deepseek-chat answers")
        << "premium" << downgrade << 5.0 << 0.0 << 5.0 << "deepseek-chat"
        << "standard"
        << "premium>standard"
        << "tier premium over budget (daily budget for sandbox-openai, limit $5.00), moved down to tier standard"
        << QStringList() << false;
    QTest::newRow("openai daily limit reached, refuse: nothing sent, the error names the limit")
        << "premium" << refuse << 5.0 << 0.0 << 5.0 << ""
        << "premium"
        << ""
        << "" << QStringList { "Refused by the budget", "daily budget for sandbox-openai", "limit $5.00" } << false;
    QTest::newRow("openai daily limit reached, warn only: gpt-5 answers with a warning")
        << "premium" << warn << 5.0 << 0.0 << 5.0 << "gpt-5"
        << "premium"
        << ""
        << "" << QStringList() << true;
    QTest::newRow("global limit fits standard, not premium: one tier down, gpt-4.1-mini answers")
        << "premium" << downgrade << 0.0 << 0.005 << 0.0 << "gpt-4.1-mini"
        << "standard"
        << "premium>standard"
        << "tier premium over budget (daily budget, limit $0.005), moved down to tier standard" << QStringList()
        << false;
    QTest::newRow("global limit below every tier: refused after trying each cheaper tier")
        << "premium" << downgrade << 0.0 << 0.0002 << 0.0 << ""
        << "budget"
        << "premium>standard, standard>budget"
        << "tier premium over budget (daily budget, limit $0.0002), moved down to tier standard"
        << QStringList { "tier premium is over budget (daily budget, limit $0.0002)",
                         "no cheaper tier has a model within budget" }
        << false;
    QTest::newRow("cheapest tier over its limit: refused, there is no cheaper tier")
        << "budget" << downgrade << 0.0 << 0.0002 << 0.0 << ""
        << "budget"
        << ""
        << "" << QStringList { "tier budget is over budget", "no cheaper tier to move down to" } << false;
    QTest::newRow("openai limit, the tier has a fallback on another provider: stays in the tier")
        << "mixed" << downgrade << 5.0 << 0.0 << 5.0 << "claude-sonnet-4-5"
        << "mixed"
        << ""
        << "" << QStringList() << false;
}

void TestBudgetDowngrade::overLimit_actionDecides()
{
    QFETCH(QString, tier);
    QFETCH(int, action);
    QFETCH(double, openaiDaily);
    QFETCH(double, globalDaily);
    QFETCH(double, openaiSpent);
    QFETCH(QString, model);
    QFETCH(QString, finalTier);
    QFETCH(QString, moves);
    QFETCH(QString, firstMove);
    QFETCH(QStringList, errorSays);
    QFETCH(bool, warned);
    setLimits(BudgetAction(action), openaiDaily, globalDaily, openaiSpent);

    RouteOptions options;
    options.forcedTier = tier;
    RoutedCall* call = m_fx.router->route(request(), {}, options, m_fx.router.get());
    CallRecorder recorder(call);
    QSignalSpy downgraded(call, &RoutedCall::downgraded);
    QSignalSpy warnings(call, &RoutedCall::budgetWarning);
    QTRY_VERIFY(recorder.done());

    if (model.isEmpty()) {
        QCOMPARE(recorder.failed.count(), 1);
        const RoutedError error = recorder.error();
        for (const QString& part : errorSays) {
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        }
        QVERIFY(error.attempts.isEmpty());
        QCOMPARE(m_fx.server->totalRequests(), 0);
        QCOMPARE(error.tier, finalTier);
        QCOMPARE(error.requestedTier, tier);
        QCOMPARE(movesText(error.downgrades), moves);
        if (!firstMove.isEmpty()) {
            QVERIFY(error.details().contains(firstMove));
        }
    } else {
        QCOMPARE(recorder.finished.count(), 1);
        const RoutedResult result = recorder.result();
        QCOMPARE(result.modelId, QStringLiteral("sandbox/") + model);
        QCOMPARE(result.tier, finalTier);
        QCOMPARE(result.requestedTier, tier);
        QCOMPARE(movesText(result.downgrades), moves);
        QCOMPARE(result.attempts.size(), 1);
        QCOMPARE(result.attempts.first().tier, finalTier);
        QCOMPARE(result.attempts.first().reason, moves.isEmpty() ? AttemptReason::Primary : AttemptReason::Downgrade);
        if (!firstMove.isEmpty()) {
            QCOMPARE(result.downgrades.first().text(), firstMove);
        }
        QCOMPARE(result.budgetWarnings.size(), warned ? 1 : 0);
        QCOMPARE(m_fx.server->totalRequests(), 1);
        QCOMPARE(m_fx.server->requestCount(model), 1);
    }
    QCOMPARE(downgraded.count(), moves.isEmpty() ? 0 : int(moves.count(QLatin1Char('>'))));
    QCOMPARE(warnings.count(), warned ? 1 : 0);
    if (openaiDaily > 0 && action != int(BudgetAction::WarnOnly)) {
        QCOMPARE(openAiRequests(), 0); // the provider over its limit never saw a request
    }
    QCOMPARE(m_budgets->activeReservations(), 0);
}

void TestBudgetDowngrade::overLimit_explainShowsTheSame_data()
{
    overLimit_actionDecides_data();
}

void TestBudgetDowngrade::overLimit_explainShowsTheSame()
{
    QFETCH(QString, tier);
    QFETCH(int, action);
    QFETCH(double, openaiDaily);
    QFETCH(double, globalDaily);
    QFETCH(double, openaiSpent);
    QFETCH(QString, model);
    QFETCH(QString, finalTier);
    QFETCH(QString, moves);
    QFETCH(QString, firstMove);
    QFETCH(QStringList, errorSays);
    QFETCH(bool, warned);
    setLimits(BudgetAction(action), openaiDaily, globalDaily, openaiSpent);

    RouteOptions options;
    options.forcedTier = tier;
    const ChatRequest chat = request();
    const Explanation explanation
        = m_fx.router->explainRoute(m_fx.router->resolve(chat.lastUserText(), {}, options), chat);
    const QString text = explanation.toText();
    const QJsonObject json = explanation.toJson();

    QStringList explainedMoves;
    for (const ExplainedDowngrade& move : explanation.downgrades) {
        explainedMoves.append(move.downgrade.fromTier + QLatin1Char('>') + move.downgrade.toTier);
        QVERIFY2(text.contains(move.downgrade.text()), qPrintable(text));
    }
    QCOMPARE(explainedMoves.join(QStringLiteral(", ")), moves);
    QCOMPARE(explanation.finalTier(), finalTier);
    QCOMPARE(explanation.hasUsableModel(), !model.isEmpty());
    if (!firstMove.isEmpty()) {
        QCOMPARE(explanation.downgrades.first().downgrade.text(), firstMove);
        QCOMPARE(json["downgrades"].toArray().first()["text"].toString(), firstMove);
        QCOMPARE(json["final_tier"].toString(), finalTier);
    }
    for (const QString& part : errorSays) {
        QVERIFY2(explanation.budgetRefusal.contains(part), qPrintable(explanation.budgetRefusal));
        QVERIFY(text.contains(part));
    }
    QCOMPARE(json.contains("budget_refusal"), !errorSays.isEmpty());
    QCOMPARE(text.contains("budget warning:"), warned);
    QCOMPARE(m_fx.server->totalRequests(), 0); // explain never sends
}

void TestBudgetDowngrade::freeModel_isExempt_noDowngrade()
{
    QList<ModelConfig> models = m_fx.server->models();
    for (ModelConfig& model : models) {
        if (model.id == QLatin1String("sandbox/deepseek-chat")) {
            model.price = { 0, 0, 0, true }; // a free (or local) model
        }
    }
    m_fx.router->setModels(models);
    setLimits(BudgetAction::DowngradeTier, 0, 0.0002, 0.0002);

    RouteOptions options;
    options.forcedTier = QStringLiteral("budget");
    CallRecorder recorder(m_fx.router->route(request(), {}, options, m_fx.router.get()));
    QTRY_VERIFY(recorder.done());
    QCOMPARE(recorder.finished.count(), 1);
    QCOMPARE(recorder.result().modelId, QStringLiteral("sandbox/deepseek-chat"));
    QVERIFY(recorder.result().downgrades.isEmpty());
    QVERIFY(recorder.result().skipped.isEmpty());
}

void TestBudgetDowngrade::cheaperTiers_followPriceNotPolicyOrder_data()
{
    QTest::addColumn<bool>("defaultPolicy");
    QTest::addColumn<QString>("name"); // a tier, or a group / model chosen by name
    QTest::addColumn<QStringList>("cheaper");

    QTest::newRow("premium: standard (0.70) before budget (0.315), coding (6.00) never")
        << false << "premium" << QStringList { "standard", "budget" };
    QTest::newRow("same primary price is not cheaper") << false << "mixed" << QStringList { "standard", "budget" };
    QTest::newRow("cheapest tier: nothing") << false << "budget" << QStringList();
    QTest::newRow("model chosen by name: never moved") << false << "sandbox/gpt-5" << QStringList();
    QTest::newRow("default sandbox policy, premium (gpt-5 3.44): budget (0.85), standard (0.70), coding (0.45)")
        << true << "premium" << QStringList { "budget", "standard", "coding" };
    QTest::newRow("default sandbox policy, coding (codestral 0.45) is the cheapest")
        << true << "coding" << QStringList();
}

void TestBudgetDowngrade::cheaperTiers_followPriceNotPolicyOrder()
{
    QFETCH(bool, defaultPolicy);
    QFETCH(QString, name);
    QFETCH(QStringList, cheaper);
    if (defaultPolicy) {
        m_fx.router->setPolicy(DefaultPolicy::create(m_fx.server->models()));
    }
    QCOMPARE(m_fx.router->cheaperTiers(m_fx.router->resolveGroup(name)), cheaper);
}

QTEST_GUILESS_MAIN(TestBudgetDowngrade)
#include "tst_BudgetDowngrade.moc"
