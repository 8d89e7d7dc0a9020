#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTextStream>

#include <algorithm>
#include <memory>

// Loopback keep-alive benchmarks for HttpServer with a trivial handler. Client and server share
// one thread and event loop, so the figures include the client's own cost: an upper bound on
// what the server adds.
namespace {

struct Figures
{
    int requests = 0;
    double seconds = 0;
    QList<qint64> latenciesNs;
};

double percentileMs(QList<qint64> values, double p)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype index = qMin(values.size() - 1, qsizetype(p * double(values.size())));
    return double(values[index]) / 1e6;
}

void print(const QString& name, const Figures& figures)
{
    QTextStream(stdout) << QStringLiteral("http  %1  %2 req/s  p50 %3 ms  p99 %4 ms  (%5 requests)\n")
                               .arg(name, -34)
                               .arg(figures.requests / figures.seconds, 9, 'f', 0)
                               .arg(percentileMs(figures.latenciesNs, 0.50), 6, 'f', 3)
                               .arg(percentileMs(figures.latenciesNs, 0.99), 6, 'f', 3)
                               .arg(figures.requests);
}

// Each client sends its next request when the previous answer has arrived.
class QnamClient : public QObject
{
public:
    QnamClient(const QUrl& url, bool post, int count, Figures* figures)
        : m_url(url)
        , m_post(post)
        , m_left(count)
        , m_figures(figures)
    {
    }
    void next()
    {
        if (m_left-- <= 0) {
            return;
        }
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        m_timer.start();
        QNetworkReply* reply
            = m_post ? m_nam.post(request, QByteArrayLiteral("{\"model\":\"m\",\"messages\":[]}")) : m_nam.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            m_figures->latenciesNs.append(m_timer.nsecsElapsed());
            ++m_figures->requests;
            reply->readAll();
            reply->deleteLater();
            next();
        });
    }
    bool done() const { return m_left < 0; }

private:
    QNetworkAccessManager m_nam;
    QUrl m_url;
    bool m_post;
    int m_left;
    Figures* m_figures;
    QElapsedTimer m_timer;
};

// A raw keep-alive client with TCP_NODELAY writing each request in one piece: isolates the server.
class RawClient : public QObject
{
public:
    RawClient(quint16 port, int count, Figures* figures)
        : m_left(count)
        , m_figures(figures)
    {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(&m_socket, &QTcpSocket::connected, this, &RawClient::next);
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            m_in += m_socket.readAll();
            if (m_in.endsWith("{}")) { // the whole response arrived
                m_in.clear();
                m_figures->latenciesNs.append(m_timer.nsecsElapsed());
                ++m_figures->requests;
                next();
            }
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }
    void next()
    {
        if (m_left-- <= 0) {
            return;
        }
        m_timer.start();
        m_socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Content-Length: 27\r\n\r\n{\"model\":\"m\",\"messages\":[]}");
    }
    bool done() const { return m_left < 0; }

private:
    QTcpSocket m_socket;
    QByteArray m_in;
    int m_left;
    Figures* m_figures;
    QElapsedTimer m_timer;
};

template <typename Client, typename... Args>
Figures run(int clients, int perClient, Args... args)
{
    Figures figures;
    std::vector<std::unique_ptr<Client>> all;
    for (int i = 0; i < clients; ++i) {
        all.push_back(std::make_unique<Client>(args..., perClient, &figures));
    }
    QElapsedTimer wall;
    wall.start();
    if constexpr (std::is_same_v<Client, QnamClient>) {
        for (auto& client : all) {
            client->next();
        }
    }
    while (!std::all_of(all.begin(), all.end(), [](const auto& c) { return c->done(); })
           || figures.requests < clients * perClient) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        if (wall.elapsed() > 120000) {
            break;
        }
    }
    figures.seconds = double(wall.nsecsElapsed()) / 1e9;
    return figures;
}

} // namespace

int runHttpBenchmarks(const QStringList& args)
{
    const int total = args.contains(QStringLiteral("--quick")) ? 400 : 4000;
    HttpServer server;
    server.setHandler([](const HttpRequest&, HttpResponder* responder) {
        responder->send(200, QByteArrayLiteral("application/json"), QByteArrayLiteral("{}"));
    });
    if (!server.listen()) {
        QTextStream(stderr) << "http: cannot listen\n";
        return 1;
    }
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(server.port()));
    // Warm-up so connection setup is not measured.
    run<RawClient>(1, 50, server.port());
    run<QnamClient>(1, 50, url, false);

    print(QStringLiteral("raw POST, 1 client"), run<RawClient>(1, total, server.port()));
    print(QStringLiteral("raw POST, 16 clients"), run<RawClient>(16, total / 16, server.port()));
    print(QStringLiteral("QNAM GET, 1 client"), run<QnamClient>(1, total, url, false));
    print(QStringLiteral("QNAM GET, 16 clients"), run<QnamClient>(16, total / 16, url, false));
    print(QStringLiteral("QNAM POST, 1 client"), run<QnamClient>(1, total / 4, url, true));
    print(QStringLiteral("QNAM POST, 16 clients"), run<QnamClient>(16, total / 16, url, true));
    return 0;
}
