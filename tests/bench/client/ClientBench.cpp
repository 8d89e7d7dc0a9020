#include "providers/ProviderCall.h"
#include "providers/ProviderClient.h"
#include "providers/WireFormat.h"
#include "sandbox/SandboxServer.h"

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
void rawClient(QTcpSocket& socket, const QByteArray& body, int requests, Samples& into)
{
    const QByteArray head = "POST /openai/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
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

void providerClient(ProviderClient& client, SandboxServer& sandbox, const ChatRequest& request, int requests,
                    Samples& into)
{
    ProviderConfig provider;
    ModelConfig model;
    for (const ModelConfig& candidate : sandbox.models()) {
        if (candidate.upstreamModel == QLatin1String("gpt-4.1-mini")) {
            model = candidate;
        }
    }
    for (const ProviderConfig& candidate : sandbox.providers()) {
        if (candidate.id == model.providerId) {
            provider = candidate;
        }
    }
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
} // namespace

int runClientBenchmarks(const QStringList& args)
{
    const int requests = args.contains(QStringLiteral("--quick")) ? 300 : 2000;
    SandboxServer sandbox;
    sandbox.start();
    sandbox.setTimeScale(0);
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("Tell me about failover in two sentences.") } };
    request.maxTokens = 60;

    const QByteArray body
        = WireFormat::create(ProviderKind::OpenAiCompatible)->buildRequestBody(QStringLiteral("gpt-4.1-mini"), request);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sandbox.port());
    socket.waitForConnected();
    ProviderClient direct; // Auto: loopback goes over the in-thread socket
    ProviderClient qnamClient;
    qnamClient.setTransport(ProviderClient::Transport::NetworkAccessManager);
    Samples rawSamples, directSamples, qnamSamples, warmUp;
    rawClient(socket, body, 50, warmUp);
    providerClient(direct, sandbox, request, 50, warmUp);
    providerClient(qnamClient, sandbox, request, 50, warmUp);
    // --only raw|direct|qnam runs one kind alone, to profile it (e.g. under callgrind).
    const int onlyAt = args.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt >= 0 ? args.value(onlyAt + 1) : QString();
    auto runs = [&](const char* kind) { return only.isEmpty() || only == QLatin1String(kind); };
    constexpr int kRounds = 20;
    // Each round's own p50 difference: a burst of load elsewhere spoils one round, not the figure.
    QList<double> roundOverheadUs;
    auto roundP50 = [](const QList<double>& samples, qsizetype from) {
        QList<double> round = samples.mid(from);
        std::sort(round.begin(), round.end());
        return round.at(round.size() / 2);
    };
    for (int round = 0; round < kRounds; ++round) {
        const qsizetype rawFrom = rawSamples.us.size();
        const qsizetype directFrom = directSamples.us.size();
        if (runs("raw")) {
            rawClient(socket, body, requests / kRounds, rawSamples);
        }
        if (runs("direct")) {
            providerClient(direct, sandbox, request, requests / kRounds, directSamples);
        }
        if (only.isEmpty()) {
            roundOverheadUs.append(roundP50(directSamples.us, directFrom) - roundP50(rawSamples.us, rawFrom));
        }
        if (runs("qnam")) {
            providerClient(qnamClient, sandbox, request, requests / kRounds, qnamSamples);
        }
    }
    if (!only.isEmpty()) {
        const Samples& ran = only == QLatin1String("raw") ? rawSamples
            : only == QLatin1String("direct")             ? directSamples
                                                          : qnamSamples;
        const Figures figures = summarize(ran.us, ran.cpuMs);
        QTextStream(stdout) << only
                            << QStringLiteral(": p50 %1 us, CPU %2 us/request\n")
                                   .arg(figures.p50Us, 0, 'f', 0)
                                   .arg(figures.cpuUsPerRequest, 0, 'f', 0);
        return 0;
    }
    const Figures raw = summarize(rawSamples.us, rawSamples.cpuMs);
    const Figures client = summarize(directSamples.us, directSamples.cpuMs);
    // What a remote provider's path (Qt's network thread) would add on the same exchange.
    const Figures qnam = summarize(qnamSamples.us, qnamSamples.cpuMs);
    QTextStream out(stdout);
    out << "streamed request to the in-process sandbox (~60 tokens), " << requests
        << " sequential requests per client, interleaved in " << kRounds << " rounds\n";
    out << QStringLiteral("  raw socket client : p50 %1 us, mean %2 us, CPU %3 us/request\n")
               .arg(raw.p50Us, 0, 'f', 0)
               .arg(raw.meanUs, 0, 'f', 0)
               .arg(raw.cpuUsPerRequest, 0, 'f', 0);
    out << QStringLiteral("  ProviderClient    : p50 %1 us, mean %2 us, CPU %3 us/request\n")
               .arg(client.p50Us, 0, 'f', 0)
               .arg(client.meanUs, 0, 'f', 0)
               .arg(client.cpuUsPerRequest, 0, 'f', 0);
    out << QStringLiteral("  client overhead   : p50 %1 us, CPU %2 us per streamed request (target < 100 us)\n")
               .arg(client.p50Us - raw.p50Us, 0, 'f', 0)
               .arg(client.cpuUsPerRequest - raw.cpuUsPerRequest, 0, 'f', 0);
    std::sort(roundOverheadUs.begin(), roundOverheadUs.end());
    out << QStringLiteral(
               "  per round         : median %1 us, best %2 us, worst %3 us (p50 differences of %4 rounds)\n")
               .arg(roundOverheadUs.at(roundOverheadUs.size() / 2), 0, 'f', 0)
               .arg(roundOverheadUs.first(), 0, 'f', 0)
               .arg(roundOverheadUs.last(), 0, 'f', 0)
               .arg(kRounds);
    out << QStringLiteral("  same through QNAM : p50 +%1 us, CPU +%2 us (the path remote https providers take)\n")
               .arg(qnam.p50Us - raw.p50Us, 0, 'f', 0)
               .arg(qnam.cpuUsPerRequest - raw.cpuUsPerRequest, 0, 'f', 0);
    return 0;
}
