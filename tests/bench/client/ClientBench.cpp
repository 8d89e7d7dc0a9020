#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/providers/WireFormat.h"
#include "core/sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTextStream>

#include <algorithm>
#include <sys/resource.h>

namespace {
double cpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

struct Figures
{
    double p50Us = 0;
    double meanUs = 0;
    double cpuUsPerRequest = 0;
};

// Samples of one kind of client, gathered over interleaved rounds so that machine noise (other
// processes, frequency changes) falls on every kind alike.
struct Samples
{
    QList<double> us;
    double cpuMs = 0;
};

Figures summarize(QList<double> samplesUs, double cpuMsTotal)
{
    std::sort(samplesUs.begin(), samplesUs.end());
    double sum = 0;
    for (double sample : samplesUs) {
        sum += sample;
    }
    return { samplesUs.at(samplesUs.size() / 2), sum / samplesUs.size(), cpuMsTotal * 1e3 / samplesUs.size() };
}

// The same HTTP exchange as the client's, over one keep-alive socket, reading until the last chunk.
void rawClient(QTcpSocket& socket, const QByteArray& path, const QByteArray& body, int requests, Samples& into)
{
    const QByteArray head = "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          "Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    const double cpuStart = cpuMs();
    for (int i = 0; i < requests; ++i) {
        QElapsedTimer timer;
        timer.start();
        QByteArray received;
        QEventLoop loop;
        auto connection = QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
            received += socket.readAll();
            if (received.endsWith("\r\n0\r\n\r\n")) {
                loop.quit();
            }
        });
        socket.write(head + body);
        loop.exec();
        QObject::disconnect(connection);
        into.us.append(timer.nsecsElapsed() / 1e3);
    }
    into.cpuMs += cpuMs() - cpuStart;
}

void providerClient(ProviderClient& client, const ProviderConfig& provider, const ModelConfig& model,
                    const ChatRequest& request, int requests, Samples& into)
{
    const double cpuStart = cpuMs();
    for (int i = 0; i < requests; ++i) {
        QElapsedTimer timer;
        timer.start();
        QEventLoop loop;
        std::unique_ptr<ProviderCall> call(client.start(provider, model, request));
        QObject::connect(call.get(), &ProviderCall::finished, &loop, &QEventLoop::quit);
        QObject::connect(call.get(), &ProviderCall::failed, &loop, &QEventLoop::quit);
        loop.exec();
        into.us.append(timer.nsecsElapsed() / 1e3);
    }
    into.cpuMs += cpuMs() - cpuStart;
}

double roundP50(const QList<double>& samples, qsizetype from)
{
    QList<double> round = samples.mid(from);
    std::sort(round.begin(), round.end());
    return round.at(round.size() / 2);
}

// One wire format: a sandbox model, its raw request and the figures gathered for it.
struct WireCase
{
    QString label;
    QString upstreamModel;
    ProviderConfig provider;
    ModelConfig model;
    QByteArray path;
    QByteArray body;
    Samples raw;
    Samples direct;
    Samples qnam;
    QList<double> roundOverheadUs; // each round's own p50 difference: a burst of load spoils one round only
};

WireCase wireCase(const SandboxServer& sandbox, const QString& label, const QString& upstreamModel,
                  const ChatRequest& request)
{
    WireCase wire;
    wire.label = label;
    wire.upstreamModel = upstreamModel;
    for (const ModelConfig& candidate : sandbox.models()) {
        if (candidate.upstreamModel == upstreamModel) {
            wire.model = candidate;
        }
    }
    for (const ProviderConfig& candidate : sandbox.providers()) {
        if (candidate.id == wire.model.providerId) {
            wire.provider = candidate;
        }
    }
    const std::unique_ptr<WireFormat> format = WireFormat::create(wire.provider.kind);
    wire.path = format->endpointUrl(wire.provider.baseUrl).path().toLatin1();
    wire.body = format->buildRequestBody(upstreamModel, request);
    return wire;
}

void printCase(QTextStream& out, const WireCase& wire)
{
    const Figures raw = summarize(wire.raw.us, wire.raw.cpuMs);
    const Figures client = summarize(wire.direct.us, wire.direct.cpuMs);
    QList<double> rounds = wire.roundOverheadUs;
    std::sort(rounds.begin(), rounds.end());
    out << "  " << wire.label << " (" << wire.upstreamModel << "):\n";
    out << QStringLiteral("    raw socket client : p50 %1 us, mean %2 us, CPU %3 us/request\n")
               .arg(raw.p50Us, 0, 'f', 0)
               .arg(raw.meanUs, 0, 'f', 0)
               .arg(raw.cpuUsPerRequest, 0, 'f', 0);
    out << QStringLiteral("    ProviderClient    : p50 %1 us, mean %2 us, CPU %3 us/request\n")
               .arg(client.p50Us, 0, 'f', 0)
               .arg(client.meanUs, 0, 'f', 0)
               .arg(client.cpuUsPerRequest, 0, 'f', 0);
    out << QStringLiteral("    client overhead   : p50 %1 us, CPU %2 us per streamed request (target < 100 us)\n")
               .arg(client.p50Us - raw.p50Us, 0, 'f', 0)
               .arg(client.cpuUsPerRequest - raw.cpuUsPerRequest, 0, 'f', 0);
    out << QStringLiteral(
               "    per round         : median %1 us, best %2 us, worst %3 us (p50 differences of %4 rounds)\n")
               .arg(rounds.at(rounds.size() / 2), 0, 'f', 0)
               .arg(rounds.first(), 0, 'f', 0)
               .arg(rounds.last(), 0, 'f', 0)
               .arg(rounds.size());
    if (!wire.qnam.us.isEmpty()) {
        // What a remote provider's path (Qt's network thread) would add on the same exchange.
        const Figures qnam = summarize(wire.qnam.us, wire.qnam.cpuMs);
        out << QStringLiteral("    same through QNAM : p50 +%1 us, CPU +%2 us (the path remote https providers take)\n")
                   .arg(qnam.p50Us - raw.p50Us, 0, 'f', 0)
                   .arg(qnam.cpuUsPerRequest - raw.cpuUsPerRequest, 0, 'f', 0);
    }
}
} // namespace

int runClientBenchmarks(const QStringList& args)
{
    const int requests = args.contains(QStringLiteral("--quick")) ? 300 : 2000;
    // --only raw|direct|qnam runs one kind of client alone, to profile it (e.g. under callgrind).
    const int onlyAt = args.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt >= 0 ? args.value(onlyAt + 1) : QString();
    auto runs = [&](const char* kind) { return only.isEmpty() || only == QLatin1String(kind); };

    SandboxServer sandbox;
    sandbox.start();
    sandbox.setTimeScale(0);
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("Tell me about failover in two sentences.") } };
    request.maxTokens = 60;
    // --wire openai|anthropic measures one wire format only (with --only: OpenAI unless told).
    const int wireAt = args.indexOf(QStringLiteral("--wire"));
    const QString wanted = wireAt >= 0 ? args.value(wireAt + 1) : QString();
    QList<WireCase> cases;
    if (wanted != QLatin1String("anthropic")) {
        cases.append(
            wireCase(sandbox, QStringLiteral("OpenAI chat completions"), QStringLiteral("gpt-4.1-mini"), request));
    }
    if (wanted == QLatin1String("anthropic") || (wanted.isEmpty() && only.isEmpty())) {
        cases.append(
            wireCase(sandbox, QStringLiteral("Anthropic messages"), QStringLiteral("claude-haiku-4-5"), request));
    }
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sandbox.port());
    socket.waitForConnected();
    ProviderClient direct; // Auto: loopback goes over the in-thread socket
    ProviderClient qnamClient;
    qnamClient.setTransport(ProviderClient::Transport::NetworkAccessManager);
    Samples warmUp;
    for (const WireCase& wire : std::as_const(cases)) {
        rawClient(socket, wire.path, wire.body, 50, warmUp);
        providerClient(direct, wire.provider, wire.model, request, 50, warmUp);
        providerClient(qnamClient, wire.provider, wire.model, request, 50, warmUp);
    }
    constexpr int kRounds = 20;
    const int perRound = requests / kRounds;
    for (int round = 0; round < kRounds; ++round) {
        for (WireCase& wire : cases) {
            const qsizetype rawFrom = wire.raw.us.size();
            const qsizetype directFrom = wire.direct.us.size();
            if (runs("raw")) {
                rawClient(socket, wire.path, wire.body, perRound, wire.raw);
            }
            if (runs("direct")) {
                providerClient(direct, wire.provider, wire.model, request, perRound, wire.direct);
            }
            if (runs("qnam") && &wire == &cases.first()) {
                providerClient(qnamClient, wire.provider, wire.model, request, perRound, wire.qnam);
            }
            if (only.isEmpty()) {
                wire.roundOverheadUs.append(roundP50(wire.direct.us, directFrom) - roundP50(wire.raw.us, rawFrom));
            }
        }
    }
    QTextStream out(stdout);
    if (!only.isEmpty()) {
        const WireCase& wire = cases.first();
        const Samples& ran = only == QLatin1String("raw") ? wire.raw
            : only == QLatin1String("direct")             ? wire.direct
                                                          : wire.qnam;
        const Figures figures = summarize(ran.us, ran.cpuMs);
        out << only
            << QStringLiteral(": p50 %1 us, CPU %2 us/request\n")
                   .arg(figures.p50Us, 0, 'f', 0)
                   .arg(figures.cpuUsPerRequest, 0, 'f', 0);
        return 0;
    }
    out << "streamed request to the in-process sandbox (~60 tokens), " << requests
        << " sequential requests per client, interleaved in " << kRounds << " rounds\n";
    for (const WireCase& wire : std::as_const(cases)) {
        printCase(out, wire);
    }
    return 0;
}
