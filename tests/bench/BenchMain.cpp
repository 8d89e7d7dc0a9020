#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <functional>

// `switchyard-bench` runs every area; `switchyard-bench ledger routing` only those. Arguments
// after `--` go to the areas (e.g. `switchyard-bench ledger -- --requests 100000`).
#ifdef SWITCHYARD_BENCH_PROVIDERS
int runProviderBenchmarks(const QStringList& args);
#endif
#ifdef SWITCHYARD_BENCH_CLIENT
int runClientBenchmarks(const QStringList& args);
#endif
#ifdef SWITCHYARD_BENCH_HTTP
int runHttpBenchmarks(const QStringList& args);
#endif
#ifdef SWITCHYARD_BENCH_ROUTING
int runRoutingBenchmarks(const QStringList& args);
#endif
#ifdef SWITCHYARD_BENCH_LEDGER
int runLedgerBenchmarks(const QStringList& args);
#endif
#ifdef SWITCHYARD_BENCH_LEARNING
int runLearningBenchmarks(const QStringList& args);
#endif
#ifdef SWITCHYARD_BENCH_GATEWAY
int runGatewayBenchmarks(const QStringList& args);
#endif

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const std::pair<const char*, std::function<int(const QStringList&)>> areas[] = {
#ifdef SWITCHYARD_BENCH_PROVIDERS
        { "providers", runProviderBenchmarks },
#endif
#ifdef SWITCHYARD_BENCH_CLIENT
        { "client", runClientBenchmarks },
#endif
#ifdef SWITCHYARD_BENCH_HTTP
        { "http", runHttpBenchmarks },
#endif
#ifdef SWITCHYARD_BENCH_ROUTING
        { "routing", runRoutingBenchmarks },
#endif
#ifdef SWITCHYARD_BENCH_LEDGER
        { "ledger", runLedgerBenchmarks },
#endif
#ifdef SWITCHYARD_BENCH_LEARNING
        { "learning", runLearningBenchmarks },
#endif
#ifdef SWITCHYARD_BENCH_GATEWAY
        { "gateway", runGatewayBenchmarks },
#endif
    };
    QStringList wanted = app.arguments().mid(1);
#ifdef SWITCHYARD_BENCH_GATEWAY
    // The gateway benchmark runs its upstream and load generator as child processes of this
    // executable: `switchyard-bench --role upstream|client ...`.
    if (wanted.contains(QStringLiteral("--role"))) {
        return runGatewayBenchmarks(wanted.mid(wanted.indexOf(QStringLiteral("--role"))));
    }
#endif
    QStringList passOn;
    const qsizetype separator = wanted.indexOf(QStringLiteral("--"));
    if (separator >= 0) {
        passOn = wanted.mid(separator + 1);
        wanted = wanted.mid(0, separator);
    }
    QTextStream out(stdout);
    int status = 0;
    for (const auto& [name, run] : areas) {
        if (!wanted.isEmpty() && !wanted.contains(QLatin1String(name))) {
            continue;
        }
        out << "== " << name << " ==\n";
        out.flush();
        status |= run(passOn);
    }
    return status;
}
