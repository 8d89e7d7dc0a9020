#include "core/evaluation/TierAdvice.h"

#include <QTest>

// "Cheapest model that passes" per tier, over hand-made cells: the prompts the policy's rules send
// to the tier are the evidence, the suggestion is EvaluationSummary's, and applying it makes the
// model the tier's primary (moved up, or put first) or changes nothing.
class tst_TierAdvice : public QObject
{
    Q_OBJECT

private slots:
    void advice_data();
    void advice();
    void advice_matchesAliasesAndGroups_data();
    void advice_matchesAliasesAndGroups();
};

namespace {
// Tier "smart" takes prompts with "proof"; "fast" is the default. Chains: fast = strong, weak;
// smart = strong.
RoutingPolicy policy()
{
    RoutingPolicy policy;
    RoutingTier fast;
    fast.name = QStringLiteral("fast");
    for (const char* model : { "strong", "weak" }) {
        ChainStep step;
        step.deployments.append(Deployment { QString::fromLatin1(model), 1 });
        fast.chain.append(step);
    }
    RoutingTier smart;
    smart.name = QStringLiteral("smart");
    smart.chain.append(fast.chain.first());
    RoutingTier empty;
    empty.name = QStringLiteral("unused");
    policy.tiers = { fast, smart, empty };
    RoutingRule proofs;
    proofs.name = QStringLiteral("proofs");
    proofs.kind = RuleKind::Keywords;
    proofs.pattern = QStringLiteral("proof");
    proofs.tier = QStringLiteral("smart");
    policy.rules = { proofs };
    policy.defaultTier = QStringLiteral("fast");
    return policy;
}

// 20 sums (fast) and 20 proofs (smart). strong passes all at $0.01 a prompt; weak passes every
// sum and 5 proofs at $0.0001; "mid" passes every sum at $0.001.
void evaluation(EvaluationInfo* info, QList<EvaluationCell>* cells)
{
    QList<PromptItem> items;
    for (int i = 0; i < 40; ++i) {
        const bool proof = i >= 20;
        items.append(
            { QStringLiteral("p%1").arg(i),
              proof ? QStringLiteral("Give a proof of lemma %1").arg(i) : QStringLiteral("What is %1+1?").arg(i),
              {},
              {},
              i + 1 });
    }
    info->prompts = PromptSet::of(items);
    info->models = { QStringLiteral("strong"), QStringLiteral("weak"), QStringLiteral("mid") };
    for (int i = 0; i < 40; ++i) {
        const bool proof = i >= 20;
        for (const QString& model : std::as_const(info->models)) {
            EvaluationCell cell;
            cell.promptIndex = i;
            cell.promptId = items.at(i).id;
            cell.model = model;
            cell.state = CellState::Done;
            const bool pass = model == QLatin1String("strong") || !proof || (model == QLatin1String("weak") && i < 25);
            cell.grade = pass ? Grade::pass() : Grade::fail(QStringLiteral("wrong"));
            cell.costUsd = model == QLatin1String("strong") ? 0.01 : model == QLatin1String("weak") ? 0.0001 : 0.001;
            cell.latencyMs = 100;
            cells->append(cell);
        }
    }
}

QStringList chain(const RoutingPolicy& policy, const QString& tier)
{
    QStringList models;
    for (const ChainStep& step : policy.tier(tier)->chain) {
        models.append(step.primaryModelId());
    }
    return models;
}
} // namespace

void tst_TierAdvice::advice_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<int>("prompts");
    QTest::addColumn<bool>("allPrompts");
    QTest::addColumn<QString>("suggested");
    QTest::addColumn<QStringList>("chainAfter");
    QTest::newRow("fast: weak passes every sum, cheapest; moved up from fallback")
        << "fast" << 20 << false << "weak" << QStringList { "weak", "strong" };
    QTest::newRow("smart: weak and mid significantly below; strong is the primary already")
        << "smart" << 20 << false << "strong" << QStringList { "strong" };
    // Over all 40 prompts weak passes 25/40 and mid 20/40 against 40/40: strong, put first.
    QTest::newRow("a tier no prompt goes to: judged on every prompt; its empty chain gets the model")
        << "unused" << 40 << true << "strong" << QStringList { "strong" };
}

void tst_TierAdvice::advice()
{
    QFETCH(QString, tier);
    QFETCH(int, prompts);
    QFETCH(bool, allPrompts);
    QFETCH(QString, suggested);
    QFETCH(QStringList, chainAfter);
    EvaluationInfo info;
    QList<EvaluationCell> cells;
    evaluation(&info, &cells);
    const RoutingPolicy before = policy();
    const TierAdvice advice = TierAdvice::of(before, tier, info, cells);
    QCOMPARE(advice.prompts, prompts);
    QCOMPARE(advice.allPrompts, allPrompts);
    QCOMPARE(advice.models.size(), 3);
    QCOMPARE(advice.suggestion.model, suggested);
    QVERIFY2(advice.summary().contains(suggested), qPrintable(advice.summary()));
    const RoutingPolicy after = advice.apply(before);
    QCOMPARE(advice.changesPrimary(), chainAfter != chain(before, tier));
    QCOMPARE(chain(after, tier), chainAfter);
    // Only that tier changed.
    for (const RoutingTier& other : before.tiers) {
        if (other.name != tier) {
            QCOMPARE(*after.tier(other.name), other);
        }
    }
}

void tst_TierAdvice::advice_matchesAliasesAndGroups_data()
{
    QTest::addColumn<QString>("weakName"); // what the evaluation calls the cheap model
    QTest::addColumn<bool>("aliases"); // the engine resolves "strong" to "sandbox/strong", ...
    QTest::addColumn<QStringList>("chainAfter"); // each step's deployments joined with "+"
    QTest::newRow("an alias names the chain's fallback: moved up, nothing added")
        << "weak" << true << QStringList { "sandbox/weak", "sandbox/strong" };
    QTest::newRow("without the aliases the name matches nothing: put first as it is")
        << "weak" << false << QStringList { "weak", "sandbox/strong", "sandbox/weak" };
    QTest::newRow("a group whose deployment is the fallback: that step moved up")
        << "cheap" << true << QStringList { "sandbox/weak", "sandbox/strong" };
    QTest::newRow("a group not in the chain: one step of its deployments put first")
        << "pool" << true << QStringList { "sandbox/x1+sandbox/x2", "sandbox/strong", "sandbox/weak" };
}

void tst_TierAdvice::advice_matchesAliasesAndGroups()
{
    QFETCH(QString, weakName);
    QFETCH(bool, aliases);
    QFETCH(QStringList, chainAfter);
    EvaluationInfo info;
    QList<EvaluationCell> cells;
    evaluation(&info, &cells);
    info.models.replace(1, weakName);
    for (EvaluationCell& cell : cells) {
        if (cell.model == QLatin1String("weak")) {
            cell.model = weakName;
        }
    }
    // The policy names configured ids; groups "cheap" (the weak model) and "pool" (two others).
    RoutingPolicy before = policy();
    for (RoutingTier& tier : before.tiers) {
        for (ChainStep& step : tier.chain) {
            step.deployments.first().modelId.prepend(QStringLiteral("sandbox/"));
        }
    }
    ModelGroup cheap;
    cheap.name = QStringLiteral("cheap");
    cheap.deployments = { Deployment { QStringLiteral("sandbox/weak"), 1 } };
    ModelGroup pool;
    pool.name = QStringLiteral("pool");
    pool.deployments
        = { Deployment { QStringLiteral("sandbox/x1"), 1 }, Deployment { QStringLiteral("sandbox/x2"), 1 } };
    before.groups = { cheap, pool };
    const TierAdvice::ModelIdOf resolve = [](const QString& name) {
        return name == QLatin1String("strong") || name == QLatin1String("weak") || name == QLatin1String("mid")
            ? QStringLiteral("sandbox/") + name
            : QString();
    };
    const TierAdvice advice = TierAdvice::of(before, QStringLiteral("fast"), info, cells, aliases ? resolve : nullptr);
    QCOMPARE(advice.suggestion.model, weakName);
    QVERIFY(advice.changesPrimary());
    const RoutingPolicy after = advice.apply(before);
    QStringList steps;
    for (const ChainStep& step : after.tier(QStringLiteral("fast"))->chain) {
        QStringList ids;
        for (const Deployment& deployment : step.deployments) {
            ids.append(deployment.modelId);
        }
        steps.append(ids.join(u'+'));
    }
    QCOMPARE(steps, chainAfter);
    // Applied once, the advice is the primary already: nothing more to change.
    const TierAdvice again = TierAdvice::of(after, QStringLiteral("fast"), info, cells, aliases ? resolve : nullptr);
    QVERIFY(!again.changesPrimary());
    QCOMPARE(again.apply(after), after);
}

QTEST_GUILESS_MAIN(tst_TierAdvice)
#include "tst_TierAdvice.moc"
