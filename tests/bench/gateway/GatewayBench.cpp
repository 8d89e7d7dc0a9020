#include "GatewayBenchRoles.h"

#include "core/gateway/ClientKeyGate.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayServer.h"
#include "core/http/HttpRequest.h"
#include "core/monitoring/MetricsRegistry.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallJournal.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <sys/resource.h>

// Gateway overhead: the same load straight at a local upstream that answers at once, then through
// the gateway (routing, failover bookkeeping and the recording hook included), at 1, 16 and 64
// concurrent keep-alive clients, streaming and not. The upstream and the load generator run in
// processes of their own, so getrusage() of this process is the gateway's CPU alone.
//
//   bench-gateway [--quick] [--upstream minimal|sandbox|both]   (or: switchyard-bench gateway ...)
//                 [--mode whole|stream|both] [--clients 1,16,64] [--table-only]
//
// --mode, --clients and --table-only narrow a run to one row of the table (to profile that path
// alone: `valgrind --tool=callgrind bench-gateway --mode stream --clients 1 --table-only`).
//
// "minimal" is a fixed-answer HttpServer handler (the cheapest possible upstream), "sandbox" the
// simulated providers with timeScale 0 (an upstream about as costly as a small real server).
namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run
{
    int requests = 0;
    int ok = 0;
    double seconds = 0;
    double p50 = 0;
    double p99 = 0;
    double rps() const { return seconds > 0 ? requests / seconds : 0; }
};

// This executable again, with the arguments that selected the gateway benchmarks.
QStringList selfPrefix(const QStringList& args)
{
    const QStringList all = QCoreApplication::arguments().mid(1);
    return all.mid(0, qMax<qsizetype>(0, all.size() - args.size()));
}

Run runClients(const QStringList& prefix, quint16 port, int clients, int requests, bool stream, const QString& model,
               const QString& path, const QByteArray& key = {})
{
    QProcess process;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    process.start(
        QCoreApplication::applicationFilePath(),
        prefix
            + QStringList { QStringLiteral("--role"), QStringLiteral("client"), QStringLiteral("--port"),
                            QString::number(port), QStringLiteral("--clients"), QString::number(clients),
                            QStringLiteral("--requests"), QString::number(requests), QStringLiteral("--stream"),
                            stream ? QStringLiteral("1") : QStringLiteral("0"), QStringLiteral("--model"), model,
                            QStringLiteral("--path"), path }
            + (key.isEmpty() ? QStringList() : QStringList { QStringLiteral("--key"), QString::fromLatin1(key) }));
    loop.exec(); // a benchmark driver: the gateway under test keeps running in this loop
    const QJsonObject figures = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed()).object();
    return { figures.value(QLatin1String("requests")).toInt(), figures.value(QLatin1String("ok")).toInt(),
             figures.value(QLatin1String("seconds")).toDouble(), figures.value(QLatin1String("p50")).toDouble(),
             figures.value(QLatin1String("p99")).toDouble() };
}

struct Upstream
{
    bool sandbox = false;
    QString path() const
    {
        return sandbox ? QStringLiteral("/openai/v1/chat/completions") : QStringLiteral("/v1/chat/completions");
    }
    QString model() const { return sandbox ? QStringLiteral("gpt-4.1-mini") : QStringLiteral("m"); }
    QString name() const { return sandbox ? QStringLiteral("sandbox") : QStringLiteral("minimal"); }
};

void configure(Router& router, quint16 upstreamPort, const Upstream& upstream)
{
    ProviderConfig provider;
    provider.id = QStringLiteral("bench");
    provider.displayName = QStringLiteral("Bench upstream");
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                                .arg(upstreamPort)
                                .arg(upstream.sandbox ? QStringLiteral("/openai/v1") : QStringLiteral("/v1")));
    ModelConfig model;
    model.id = QStringLiteral("bench/m");
    model.providerId = provider.id;
    model.upstreamModel = upstream.model();
    model.price = { 0.4, 1.6, 0.1, true };
    RoutingPolicy policy;
    policy.tiers
        = { RoutingTier { QStringLiteral("standard"), {}, { ChainStep { { Deployment { model.id, 1 } } } }, {} } };
    RoutingRule rule;
    rule.name = QStringLiteral("default");
    rule.tier = QStringLiteral("standard");
    policy.rules = { rule };
    router.setProviders({ provider });
    router.setModels({ model });
    router.setPolicy(policy);
}

// CPU per call of the layers under the gateway alone, in this process and without an HTTP front:
// `concurrency` calls kept in flight, `count` in all.
double layerCpuMsPerCall(int count, int concurrency, const std::function<void(std::function<void()>)>& startOne)
{
    QEventLoop loop;
    int started = 0;
    int finished = 0;
    std::function<void()> next = [&] {
        if (++finished == count) {
            loop.quit();
        } else if (started < count) {
            ++started;
            startOne(next);
        }
    };
    const double before = cpuSeconds();
    for (; started < qMin(count, concurrency);) {
        ++started;
        startOne(next);
    }
    loop.exec();
    return (cpuSeconds() - before) * 1000.0 / count;
}

} // namespace

namespace {

struct Scope
{
    bool quick = false;
    QList<bool> streams { false, true };
    QList<int> clients { 1, 16, 64 };
    bool tableOnly = false; // the latency table alone: no key, journal or layer figures
};

int benchAgainst(const Upstream& kind, const QStringList& prefix, const Scope& scope, QTextStream& out)
{
    const bool quick = scope.quick;
    QProcess upstream;
    upstream.start(QCoreApplication::applicationFilePath(),
                   prefix
                       + QStringList { QStringLiteral("--role"), QStringLiteral("upstream"),
                                       QStringLiteral("--upstream"), kind.name() });
    QByteArray line;
    while (!line.contains('\n') && upstream.waitForReadyRead(10000)) {
        line += upstream.readAllStandardOutput();
    }
    const quint16 upstreamPort = line.startsWith("PORT ") ? line.mid(5).trimmed().toUShort() : 0;
    if (upstreamPort == 0) {
        out << "gateway bench: the upstream process did not start\n";
        return 1;
    }

    ProviderClient client;
    Router router(&client);
    configure(router, upstreamPort, kind);
    qint64 recorded = 0;
    MetricsRegistry metrics;
    const PriceTable prices = PriceTable::bundled();
    CallRecorder recorder(
        prices,
        [&router](const QString& modelId) {
            const ModelConfig* model = router.model(modelId);
            return model ? model->price : ModelPrice {};
        },
        // The metrics counters are fed as the engine feeds them, so their cost is in the figures.
        [&recorded, &metrics](const RequestRecord& record, bool) {
            ++recorded;
            metrics.observe(record);
        });
    // The crash journal as serve writes it: two appends per request, compacted every thousand
    // rows (here each flush is confirmed at once: there is no ledger to wait for).
    QTemporaryDir journalDir;
    CallJournal journal(journalDir.filePath(QStringLiteral("ledger.sqlite")));
    journal.setFlushRequest([&journal] { journal.ledgerFlushed(true); });
    if (qEnvironmentVariableIsEmpty("BENCH_NO_JOURNAL")) { // to measure what the journal adds
        recorder.setJournal(&journal);
    }
    GatewayServer gateway(
        GatewayDependencies { &router, &recorder, {}, {}, [&metrics] { return metrics.exposition(); } });
    GatewayOptions options;
    options.maxConcurrentPerClient = 1000;
    gateway.setOptions(options);
    if (!gateway.listen(QHostAddress::LocalHost, 0)) {
        out << "gateway bench: " << gateway.errorString() << "\n";
        return 1;
    }
    // Warm both paths (connections, allocations) before measuring.
    runClients(prefix, upstreamPort, 4, 400, false, kind.model(), kind.path());
    runClients(prefix, gateway.port(), 4, 400, true, QStringLiteral("bench/m"), QStringLiteral("/v1/chat/completions"));

    out << "\nupstream: " << kind.name() << "\n";
    out << "gateway  mode    clients  direct p50/p99 ms   gateway p50/p99 ms   added p50/p99 ms   direct req/s  "
           "gateway "
           "req/s  ratio  gw CPU ms/req  lost\n";
    int lostTotal = 0;
    for (const bool stream : scope.streams) {
        for (const int clients : scope.clients) {
            const int requests = (clients == 1 ? 3000 : 8000) / (quick ? 4 : 1);
            const Run direct = runClients(prefix, upstreamPort, clients, requests, stream, kind.model(), kind.path());
            const qint64 recordedBefore = recorded;
            const double cpuBefore = cpuSeconds();
            const Run via = runClients(prefix, gateway.port(), clients, requests, stream, QStringLiteral("bench/m"),
                                       QStringLiteral("/v1/chat/completions"));
            const double cpuMs = (cpuSeconds() - cpuBefore) * 1000.0;
            const int lost = (requests - via.ok) + int(requests - (recorded - recordedBefore)) + (requests - direct.ok);
            lostTotal += lost;
            out << QStringLiteral("gateway  %1  %2  %3 / %4    %5 / %6     %7 / %8   %9  %10  %11  %12  %13\n")
                       .arg(stream ? QStringLiteral("stream") : QStringLiteral("whole "))
                       .arg(clients, 7)
                       .arg(direct.p50, 7, 'f', 3)
                       .arg(direct.p99, 7, 'f', 3)
                       .arg(via.p50, 7, 'f', 3)
                       .arg(via.p99, 7, 'f', 3)
                       .arg(via.p50 - direct.p50, 7, 'f', 3)
                       .arg(via.p99 - direct.p99, 7, 'f', 3)
                       .arg(direct.rps(), 12, 'f', 0)
                       .arg(via.rps(), 13, 'f', 0)
                       .arg(direct.rps() > 0 ? via.rps() / direct.rps() : 0, 5, 'f', 2)
                       .arg(via.requests > 0 ? cpuMs / via.requests : 0, 13, 'f', 3)
                       .arg(lost, 4);
            out.flush();
        }
    }

    if (scope.tableOnly) {
        upstream.kill();
        upstream.waitForFinished(2000);
        return lostTotal == 0 ? 0 : 2;
    }

    // Client key checking (hash, limits, rate window, the per-request stat of the key file): the
    // same 1-client load through a second gateway that requires a key, alternating rounds so both
    // see the same machine.
    {
        QTemporaryDir keyDir;
        ClientKeyStore store(keyDir.filePath(ClientKeyStore::fileName()));
        ClientKey settings;
        settings.name = QStringLiteral("bench");
        settings.requestsPerMinute = 100000000;
        settings.dailyBudgetUsd = 1e12;
        const std::optional<IssuedClientKey> issued = store.create(settings, QDateTime::currentDateTimeUtc());
        GatewayServer keyed(GatewayDependencies { &router, &recorder });
        GatewayOptions keyedOptions = options;
        keyedOptions.clientKeysFile = store.filePath();
        keyed.setOptions(keyedOptions);
        if (!issued || !keyed.listen(QHostAddress::LocalHost, 0)) {
            out << "gateway bench: the keyed gateway did not start\n";
            return 1;
        }
        const QString model = QStringLiteral("bench/m");
        const QString path = QStringLiteral("/v1/chat/completions");
        runClients(prefix, keyed.port(), 1, 400, false, model, path, issued->secret);
        QList<double> plain;
        QList<double> withKey;
        const int requests = quick ? 500 : 2000;
        for (int round = 0; round < 5; ++round) {
            plain.append(runClients(prefix, gateway.port(), 1, requests, false, model, path).p50);
            const Run keyedRun = runClients(prefix, keyed.port(), 1, requests, false, model, path, issued->secret);
            withKey.append(keyedRun.p50);
            lostTotal += requests - keyedRun.ok;
        }
        std::sort(plain.begin(), plain.end());
        std::sort(withKey.begin(), withKey.end());
        out << QStringLiteral("keys     whole  1 client, p50 ms (median of 5 alternating rounds): without a client key "
                              "%1, with one %2, added %3\n")
                   .arg(plain.at(2), 0, 'f', 4)
                   .arg(withKey.at(2), 0, 'f', 4)
                   .arg(withKey.at(2) - plain.at(2), 0, 'f', 4);

        // The check alone, as the gateway runs it for each request (reload test, identify, admit,
        // finish, charge): the CPU it adds, which the wall-clock difference above cannot resolve
        // on a busy machine.
        ClientKeyGate gate(&store, nullptr);
        HttpRequest request;
        request.headers.append({ QByteArray("authorization"), "Bearer " + issued->secret });
        const QDateTime startedAt = QDateTime::currentDateTimeUtc();
        const int checks = quick ? 20000 : 100000;
        int admitted = 0;
        const double cpuBefore = cpuSeconds();
        for (int i = 0; i < checks; ++i) {
            if (!gate.keysRequired()) {
                break;
            }
            const ClientKeyGate::Verdict who = gate.identify(request);
            if (!who.key || !gate.admit(*who.key, model, QString()).key) {
                break;
            }
            gate.finished(who.key->id);
            gate.charge(who.key->id, startedAt, 0.000001);
            ++admitted;
        }
        const double checkUs = (cpuSeconds() - cpuBefore) * 1e6 / qMax(1, admitted);
        out << QStringLiteral("keys     check  CPU per request of the client key check alone: %1 us (%2 of %3 "
                              "checks admitted)\n")
                   .arg(checkUs, 0, 'f', 2)
                   .arg(admitted)
                   .arg(checks);
        lostTotal += checks - admitted;

        // What a key with a budget adds to each request: the hold of its attempt's worst case
        // (BudgetEstimate of the request body, as the client sent it) and the settle when its row
        // is recorded.
        ChatRequest chat;
        chat.clientBody = R"({"model":"bench/m","stream":false,"max_tokens":64,"messages":[{"role":"user",)"
                          R"("content":"Say hello in five words."}]})";
        chat.maxTokens = 64;
        const ModelConfig* benchModel = router.model(model);
        const QString keyId = issued->key.id;
        int held = 0;
        const double holdBefore = cpuSeconds();
        for (int i = 0; i < checks; ++i) {
            const quint64 requestId = quint64(i) + 1;
            if (!benchModel || !gate.hold(keyId, requestId, *benchModel, chat).ok) {
                break;
            }
            gate.settle(requestId, keyId, startedAt, 0.000001);
            gate.finished(keyId, requestId);
            ++held;
        }
        const double holdUs = (cpuSeconds() - holdBefore) * 1e6 / qMax(1, held);
        out << QStringLiteral("keys     hold   CPU per request of a key budget's hold and settle: %1 us (%2 of %3 "
                              "held)\n")
                   .arg(holdUs, 0, 'f', 2)
                   .arg(held)
                   .arg(checks);
        lostTotal += checks - held;
    }

    // The crash journal alone: one start and one finished row per request, as serve writes them.
    {
        QTemporaryDir dir;
        CallJournal alone(dir.filePath(QStringLiteral("ledger.sqlite")));
        alone.setFlushRequest([&alone] { alone.ledgerFlushed(true); });
        RecordContext context;
        context.source = RequestSource::Gateway;
        context.prompt = QStringLiteral("Say hello in five words.");
        RequestRecord row;
        row.source = RequestSource::Gateway;
        row.finalModel = QStringLiteral("bench/m");
        row.finalProvider = QStringLiteral("bench");
        row.usage.promptTokens = 12;
        row.usage.completionTokens = 8;
        row.costUsd = 0.00001;
        row.attempts.append({ row.finalModel,
                              row.finalProvider,
                              QDateTime::currentDateTimeUtc(),
                              QDateTime::currentDateTimeUtc(),
                              AttemptOutcome::Ok,
                              {},
                              200,
                              {} });
        const int calls = quick ? 20000 : 100000;
        const double cpuBefore = cpuSeconds();
        for (int i = 0; i < calls; ++i) {
            context.requestId = QString::number(i);
            context.startedAt = QDateTime::currentDateTimeUtc();
            alone.started(context);
            row.id = context.requestId;
            row.startedAt = context.startedAt;
            alone.finished(row);
        }
        out << QStringLiteral("journal  write  CPU per request of the crash journal (start + row): %1 us\n")
                   .arg((cpuSeconds() - cpuBefore) * 1e6 / calls, 0, 'f', 2);
    }

    // The layers under the gateway, for scale: what the gateway's own code adds is the difference.
    const int floorCalls = quick ? 1000 : 4000;
    for (const bool stream : { false, true }) {
        ChatRequest request;
        request.stream = stream;
        request.messages.append({ QStringLiteral("user"), QStringLiteral("Say hello in five words.") });
        const ProviderConfig provider = router.providers().first();
        const ModelConfig model = router.models().first();
        const double providerMs = layerCpuMsPerCall(floorCalls, 16, [&](std::function<void()> done) {
            ProviderCall* call = client.start(provider, model, request);
            QObject::connect(call, &ProviderCall::finished, call, [call, done] {
                call->deleteLater();
                done();
            });
            QObject::connect(call, &ProviderCall::failed, call, [call, done] {
                call->deleteLater();
                done();
            });
        });
        const double routedMs = layerCpuMsPerCall(floorCalls, 16, [&](std::function<void()> done) {
            RoutedCall* call = router.route(request);
            QObject::connect(call, &RoutedCall::finished, call, [call, done] {
                call->deleteLater();
                done();
            });
            QObject::connect(call, &RoutedCall::failed, call, [call, done] {
                call->deleteLater();
                done();
            });
        });
        out << QStringLiteral("layers   %1  CPU ms/call, 16 in flight: ProviderClient alone %2, Router (+failover "
                              "bookkeeping) %3\n")
                   .arg(stream ? QStringLiteral("stream") : QStringLiteral("whole "))
                   .arg(providerMs, 0, 'f', 3)
                   .arg(routedMs, 0, 'f', 3);
    }
    upstream.kill();
    upstream.waitForFinished(2000);
    return lostTotal == 0 ? 0 : 2;
}

} // namespace

int runGatewayBenchmarks(const QStringList& args)
{
    auto option = [&args](const QString& name, const QString& fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const QString role = option(QStringLiteral("--role"), {});
    const QString upstreamKind = option(QStringLiteral("--upstream"), QStringLiteral("both"));
    if (role == QLatin1String("upstream")) {
        return GatewayBenchRoles::runUpstream(upstreamKind == QLatin1String("sandbox"));
    }
    if (role == QLatin1String("client")) {
        return GatewayBenchRoles::runClient(args);
    }
    QTextStream out(stdout);
    Scope scope;
    scope.quick = args.contains(QStringLiteral("--quick"));
    scope.tableOnly = args.contains(QStringLiteral("--table-only"));
    const QString mode = option(QStringLiteral("--mode"), QStringLiteral("both"));
    if (mode == QLatin1String("whole") || mode == QLatin1String("stream")) {
        scope.streams = { mode == QLatin1String("stream") };
    }
    const QString clients = option(QStringLiteral("--clients"), {});
    if (!clients.isEmpty()) {
        scope.clients.clear();
        for (const QString& count : clients.split(QLatin1Char(','))) {
            if (count.toInt() > 0) {
                scope.clients.append(count.toInt());
            }
        }
    }
    const QStringList prefix = selfPrefix(args);
    int status = 0;
    if (upstreamKind != QLatin1String("sandbox")) {
        status = qMax(status, benchAgainst(Upstream { false }, prefix, scope, out));
    }
    if (upstreamKind != QLatin1String("minimal")) {
        status = qMax(status, benchAgainst(Upstream { true }, prefix, scope, out));
    }
    return status;
}
