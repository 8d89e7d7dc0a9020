#include "GatewayBenchRoles.h"

#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

QByteArray completionBody()
{
    return QByteArrayLiteral(
        "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"m\","
        "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello from the bench upstream, "
        "answering at once.\"},\"finish_reason\":\"stop\"}],"
        "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}}");
}

QByteArray streamBody()
{
    QByteArray out;
    auto chunk = [&out](const QByteArray& delta, const QByteArray& finish) {
        out += "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
               "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
            + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    };
    chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null");
    for (const char* word : { "Hello", " from", " the", " bench", " upstream,", " answering", " at", " once." }) {
        chunk("{\"content\":\"" + QByteArray(word) + "\"}", "null");
    }
    chunk("{}", "\"stop\"");
    out += "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
           "\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}}\n\n"
           "data: [DONE]\n\n";
    return out;
}

struct Figures
{
    int requests = 0;
    int ok = 0;
    std::vector<qint64> latenciesNs;
};

// One keep-alive connection sending its next request when the previous answer is complete.
class RawClient : public QObject
{
public:
    RawClient(quint16 port, const QByteArray& request, int count, Figures* figures, std::function<void()> done)
        : m_request(request)
        , m_left(count)
        , m_figures(figures)
        , m_done(std::move(done))
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] {
            m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
            next();
        });
        connect(&m_socket, &QTcpSocket::readyRead, this, &RawClient::onRead);
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (m_finished) {
                return;
            }
            m_finished = true;
            m_figures->requests += m_left + (m_waiting ? 1 : 0); // lost
            m_left = 0;
            m_waiting = false;
            m_done();
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

private:
    void next()
    {
        if (m_left-- <= 0) {
            m_finished = true;
            m_done();
            return;
        }
        m_in.clear();
        m_waiting = true;
        m_timer.start();
        m_socket.write(m_request);
    }
    void onRead()
    {
        m_in += m_socket.readAll();
        const qsizetype headEnd = m_in.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        bool complete = false;
        const qsizetype lengthAt = m_in.indexOf("Content-Length: ");
        if (lengthAt >= 0 && lengthAt < headEnd) {
            const qsizetype lineEnd = m_in.indexOf("\r\n", lengthAt);
            const qint64 length = m_in.mid(lengthAt + 16, lineEnd - lengthAt - 16).toLongLong();
            complete = m_in.size() - headEnd - 4 >= length;
        } else {
            complete = m_in.endsWith("\r\n0\r\n\r\n");
        }
        if (!complete) {
            return;
        }
        m_waiting = false;
        m_figures->latenciesNs.push_back(m_timer.nsecsElapsed());
        ++m_figures->requests;
        if (m_in.startsWith("HTTP/1.1 200") && (m_in.contains("[DONE]") || m_in.contains("\"chat.completion\""))) {
            ++m_figures->ok;
        }
        next();
    }

    QTcpSocket m_socket;
    QByteArray m_request;
    QByteArray m_in;
    int m_left;
    bool m_waiting = false;
    bool m_finished = false;
    Figures* m_figures;
    std::function<void()> m_done;
    QElapsedTimer m_timer;
};

double percentileMs(std::vector<qint64>& values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return double(values[std::min(values.size() - 1, size_t(p * double(values.size())))]) / 1e6;
}

QString option(const QStringList& args, const QString& name, const QString& fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

} // namespace

namespace GatewayBenchRoles {

int runUpstream(bool sandbox)
{
    if (sandbox) {
        SandboxServer simulated;
        simulated.setTimeScale(0);
        if (!simulated.start()) {
            return 1;
        }
        QTextStream(stdout) << "PORT " << simulated.port() << Qt::endl;
        return QCoreApplication::exec();
    }
    HttpServer server;
    const QByteArray completion = completionBody();
    const QByteArray stream = streamBody();
    server.setHandler([&](const HttpRequest& request, HttpResponder* responder) {
        if (request.body.contains("\"stream\":true")) {
            responder->beginStream(200, QByteArrayLiteral("text/event-stream"));
            responder->writeChunk(stream);
            responder->endStream();
        } else {
            responder->send(200, QByteArrayLiteral("application/json"), completion);
        }
    });
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 1;
    }
    QTextStream(stdout) << "PORT " << server.port() << Qt::endl;
    return QCoreApplication::exec();
}

int runClient(const QStringList& args)
{
    const quint16 port = option(args, QStringLiteral("--port"), QStringLiteral("0")).toUShort();
    const int clients = option(args, QStringLiteral("--clients"), QStringLiteral("1")).toInt();
    const int requests = option(args, QStringLiteral("--requests"), QStringLiteral("1000")).toInt();
    const bool streamed = option(args, QStringLiteral("--stream"), QStringLiteral("0")) == QLatin1String("1");
    const QByteArray model = option(args, QStringLiteral("--model"), QStringLiteral("m")).toUtf8();
    const QByteArray body = "{\"model\":\"" + model + "\",\"stream\":" + (streamed ? "true" : "false")
        + (streamed ? ",\"stream_options\":{\"include_usage\":true}" : "")
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in five words.\"}]}";
    const QByteArray path = option(args, QStringLiteral("--path"), QStringLiteral("/v1/chat/completions")).toUtf8();
    const QByteArray key = option(args, QStringLiteral("--key"), QString()).toUtf8();
    const QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (key.isEmpty() ? QByteArray() : "Authorization: Bearer " + key + "\r\n")
        + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    Figures figures;
    figures.latenciesNs.reserve(size_t(requests));
    int running = clients;
    std::vector<std::unique_ptr<RawClient>> all;
    QElapsedTimer wall;
    wall.start();
    qint64 elapsedNs = 0;
    for (int i = 0; i < clients; ++i) {
        const int share = requests / clients + (i < requests % clients ? 1 : 0);
        all.push_back(std::make_unique<RawClient>(port, request, share, &figures, [&] {
            if (--running == 0) {
                elapsedNs = wall.nsecsElapsed();
                QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
            }
        }));
    }
    QCoreApplication::exec();
    const QJsonObject out { { QStringLiteral("requests"), figures.requests },
                            { QStringLiteral("ok"), figures.ok },
                            { QStringLiteral("seconds"), double(elapsedNs) / 1e9 },
                            { QStringLiteral("p50"), percentileMs(figures.latenciesNs, 0.50) },
                            { QStringLiteral("p99"), percentileMs(figures.latenciesNs, 0.99) } };
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

} // namespace GatewayBenchRoles
