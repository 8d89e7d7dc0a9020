#include "core/providers/ProviderClient.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/routing/RuleEngine.h"
#include "core/sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

// Figures for the router: rule matching time with a 50-rule policy, and how long a failover
// takes from an upstream 5xx to the fallback's request reaching the server.
namespace {

struct Figures
{
    double medianUs = 0;
    double p99Us = 0;
    double maxUs = 0;
};

Figures summarise(std::vector<qint64> nanos)
{
    std::sort(nanos.begin(), nanos.end());
    Figures figures;
    if (nanos.empty()) {
        return figures;
    }
    figures.medianUs = double(nanos[nanos.size() / 2]) / 1000.0;
    figures.p99Us = double(nanos[std::min(nanos.size() - 1, nanos.size() * 99 / 100)]) / 1000.0;
    figures.maxUs = double(nanos.back()) / 1000.0;
    return figures;
}

RoutingRule makeRule(const QString& name, RuleKind kind, const QString& pattern, const QString& tier)
{
    RoutingRule rule;
    rule.name = name;
    rule.kind = kind;
    rule.pattern = pattern;
    rule.tier = tier;
    return rule;
}

// 50 rules: 4 tags, a code block rule, 38 keyword rules of 4-6 words or phrases each, 5 regexes,
// a length rule and the default. The prompt matches none but the default, so all are evaluated.
RoutingPolicy fiftyRules()
{
    RoutingPolicy policy;
    const QStringList tiers { "budget", "standard", "coding", "premium" };
    for (const QString& tier : tiers) {
        policy.rules.append(makeRule("tag " + tier, RuleKind::Tag, "tier=" + tier, tier));
    }
    policy.rules.append(makeRule("code", RuleKind::HasCodeBlock, {}, "coding"));
    for (int i = 0; i < 38; ++i) {
        const QString pattern = QStringLiteral("alpha%1, beta%1 gamma, delta%1, epsilon%1 zeta%1, theta%1").arg(i);
        policy.rules.append(makeRule(QStringLiteral("kw %1").arg(i), RuleKind::Keywords, pattern, tiers.at(i % 4)));
    }
    const QStringList regexes { "\\bselect\\s+\\*\\s+from\\b", "\\b\\d{3}-\\d{4}\\b", "(?:translate|traduire)\\s+to",
                                "\\bv\\d+\\.\\d+\\.\\d+\\b", "^\\s*/\\w+" };
    for (const QString& regex : regexes) {
        policy.rules.append(makeRule("re " + regex, RuleKind::Regex, regex, "standard"));
    }
    policy.rules.append(makeRule("long", RuleKind::MinChars, "20000", "premium"));
    policy.rules.append(makeRule("default", RuleKind::Default, {}, "standard"));
    return policy;
}

const QString kPrompt = QStringLiteral(
    "I am planning a two week trip through northern Portugal in late spring and would like some help. "
    "We will arrive in Porto, rent a car, and want to see the Douro valley, a few smaller towns, and "
    "spend some days near the coast. Could you suggest a rough itinerary, where to stay each night, and "
    "which places are worth booking ahead? We enjoy food markets, walking, and quiet evenings.");

void benchRules(QTextStream& out, bool withRegexes)
{
    RoutingPolicy policy = fiftyRules();
    if (!withRegexes) {
        policy.rules.removeIf([](const RoutingRule& rule) { return rule.kind == RuleKind::Regex; });
    }
    const RuleEngine engine(policy);
    const QStringList tags;
    // Warm up caches and the regex JIT.
    for (int i = 0; i < 2000; ++i) {
        engine.match(kPrompt, tags);
    }
    std::vector<qint64> nanos;
    nanos.reserve(20000);
    QElapsedTimer timer;
    int fired = 0;
    for (int i = 0; i < 20000; ++i) {
        timer.start();
        const RuleMatch match = engine.match(kPrompt, tags);
        nanos.push_back(timer.nsecsElapsed());
        fired += match.ruleIndex;
    }
    const Figures figures = summarise(nanos);
    out << QStringLiteral("routing.rules%7: %1 rules, prompt %2 chars (default rule fires, all evaluated): "
                          "median %3 us, p99 %4 us, max %5 us (target median < 20 us) [%6]\n")
               .arg(policy.rules.size())
               .arg(kPrompt.size())
               .arg(figures.medianUs, 0, 'f', 2)
               .arg(figures.p99Us, 0, 'f', 2)
               .arg(figures.maxUs, 0, 'f', 1)
               .arg(fired / 20000 == policy.rules.size() - 1 ? QStringLiteral("ok") : QStringLiteral("WRONG RULE"))
               .arg(withRegexes ? QString() : QStringLiteral(" (no regex rules)"));
}

void benchFailover(QTextStream& out, int rounds)
{
    SandboxServer server;
    if (!server.start()) {
        out << "routing.failover: sandbox did not start\n";
        return;
    }
    server.setTimeScale(0);
    server.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(503));
    ProviderClient client;
    Router router(&client);
    router.setProviders(server.providers());
    router.setModels(server.models());
    RoutingPolicy policy;
    RoutingTier tier;
    tier.name = QStringLiteral("t");
    tier.chain = { ChainStep { { Deployment { QStringLiteral("sandbox/gpt-4.1-mini"), 1 } } },
                   ChainStep { { Deployment { QStringLiteral("sandbox/deepseek-chat"), 1 } } } };
    TierSettings settings;
    settings.cooldown.failures = 1 << 30; // measure failover, not the cooldown skipping the primary
    tier.settings = settings;
    policy.tiers.append(tier);
    router.setPolicy(policy);

    QElapsedTimer clock;
    clock.start();
    qint64 failingAt = -1;
    std::vector<qint64> nanos;
    QObject::connect(&server, &SandboxServer::requestReceived, &server, [&](const QString& model, const QByteArray&) {
        if (model == QLatin1String("gpt-4.1-mini")) {
            failingAt = clock.nsecsElapsed();
        } else if (failingAt >= 0) {
            nanos.push_back(clock.nsecsElapsed() - failingAt);
            failingAt = -1;
        }
    });
    RouteOptions options;
    options.forcedTier = QStringLiteral("t");
    ChatRequest request;
    request.messages.append({ QStringLiteral("user"), QStringLiteral("hello") });
    int failures = 0;
    for (int i = 0; i < rounds + 20; ++i) {
        if (i == 20) {
            nanos.clear(); // the first rounds warm up connections
        }
        QEventLoop loop;
        RoutedCall* call = router.route(request, {}, options);
        QObject::connect(call, &RoutedCall::finished, &loop, &QEventLoop::quit);
        QObject::connect(call, &RoutedCall::failed, &loop, [&] {
            ++failures;
            loop.quit();
        });
        loop.exec();
        delete call;
    }
    const Figures figures = summarise(nanos);
    out << QStringLiteral("routing.failover: upstream 503 -> fallback request at the server, %1 rounds: "
                          "median %2 ms, p99 %3 ms, max %4 ms (target < 2 ms)%5\n")
               .arg(nanos.size())
               .arg(figures.medianUs / 1000.0, 0, 'f', 3)
               .arg(figures.p99Us / 1000.0, 0, 'f', 3)
               .arg(figures.maxUs / 1000.0, 0, 'f', 3)
               .arg(failures ? QStringLiteral(" [%1 calls failed]").arg(failures) : QString());
}

} // namespace

int runRoutingBenchmarks(const QStringList& args)
{
    QTextStream out(stdout);
    bool ok = false;
    const int rounds = args.isEmpty() ? 0 : args.first().toInt(&ok);
    benchRules(out, true);
    benchRules(out, false);
    benchFailover(out, ok && rounds > 0 ? rounds : 500);
    return 0;
}
