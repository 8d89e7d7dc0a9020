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
Figures rawClient(quint16 port, const QByteArray& body, int requests)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.waitForConnected();
    const QByteArray head = "POST /openai/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    QList<double> samples;
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
        samples.append(timer.nsecsElapsed() / 1e3);
    }
    return summarize(samples, cpuMs() - cpuStart);
}

Figures providerClient(SandboxServer& sandbox, const ChatRequest& request, int requests,
                       ProviderClient::Transport transport)
{
    ProviderClient client;
    client.setTransport(transport);
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
    QList<double> samples;
    const double cpuStart = cpuMs();
    for (int i = 0; i < requests; ++i) {
        QElapsedTimer timer;
        timer.start();
        QEventLoop loop;
        std::unique_ptr<ProviderCall> call(client.start(provider, model, request));
        QObject::connect(call.get(), &ProviderCall::finished, &loop, &QEventLoop::quit);
        QObject::connect(call.get(), &ProviderCall::failed, &loop, &QEventLoop::quit);
        loop.exec();
        samples.append(timer.nsecsElapsed() / 1e3);
    }
    return summarize(samples, cpuMs() - cpuStart);
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
    rawClient(sandbox.port(), body, 50); // warm-up
    providerClient(sandbox, request, 50, ProviderClient::Transport::Auto);
    const Figures raw = rawClient(sandbox.port(), body, requests);
    const Figures client = providerClient(sandbox, request, requests, ProviderClient::Transport::Auto);
    // What a remote provider's path (Qt's network thread) would add on the same exchange.
    const Figures qnam = providerClient(sandbox, request, requests, ProviderClient::Transport::NetworkAccessManager);
    QTextStream out(stdout);
    out << "streamed request to the in-process sandbox (~60 tokens), " << requests << " sequential requests\n";
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
    out << QStringLiteral("  same through QNAM : p50 +%1 us, CPU +%2 us (the path remote https providers take)\n")
               .arg(qnam.p50Us - raw.p50Us, 0, 'f', 0)
               .arg(qnam.cpuUsPerRequest - raw.cpuUsPerRequest, 0, 'f', 0);
    return 0;
}
