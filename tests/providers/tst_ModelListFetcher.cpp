#include "core/providers/ModelListFetcher.h"
#include "core/providers/ProviderClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {
// A one-shot HTTP server on 127.0.0.1 that keeps the request it got and answers with `response`
// (nothing at all when it is empty).
class RecordingServer : public QTcpServer
{
public:
    explicit RecordingServer(QByteArray response)
        : m_response(std::move(response))
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                request += socket->readAll();
                if (request.contains("\r\n\r\n") && !m_response.isEmpty()) {
                    socket->write(m_response);
                    socket->disconnectFromHost();
                }
            });
        });
    }

    static QByteArray answer(int status, const QByteArray& body)
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(serverPort())); }
    // The request's header lines, lower-cased names.
    QByteArray headerLines() const
    {
        QByteArray lines;
        for (const QByteArray& line : request.left(request.indexOf("\r\n\r\n")).split('\n').mid(1)) {
            const qsizetype colon = line.indexOf(':');
            lines += line.left(colon).toLower() + line.mid(colon).trimmed() + '\n';
        }
        return lines;
    }

    QByteArray request;

private:
    QByteArray m_response;
};

ProviderConfig provider(ProviderKind kind, const QUrl& baseUrl)
{
    ProviderConfig p;
    p.id = QStringLiteral("p");
    p.kind = kind;
    p.baseUrl = baseUrl;
    return p;
}
} // namespace

class tst_ModelListFetcher : public QObject
{
    Q_OBJECT

private slots:
    void fetch_sendsTheWireFormatsHeaders_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArrayList>("present");
        QTest::addColumn<QByteArrayList>("absent");
        const int openAi = int(ProviderKind::OpenAiCompatible);
        const int anthropic = int(ProviderKind::AnthropicMessages);
        const int direct = int(ProviderClient::Transport::Direct);
        const int qnam = int(ProviderClient::Transport::NetworkAccessManager);
        QTest::newRow("OpenAI: a bearer token, loopback transport")
            << openAi << direct << "sk-1" << QByteArrayList { "authorization: Bearer sk-1" }
            << QByteArrayList { "x-api-key", "anthropic-version" };
        QTest::newRow("OpenAI: a bearer token over Qt's network stack")
            << openAi << qnam << "sk-1" << QByteArrayList { "authorization: Bearer sk-1" }
            << QByteArrayList { "x-api-key" };
        QTest::newRow("Anthropic: x-api-key and the API version")
            << anthropic << direct << "ak-2" << QByteArrayList { "x-api-key: ak-2", "anthropic-version: 2023-06-01" }
            << QByteArrayList { "authorization" };
        QTest::newRow("no key: no auth header")
            << openAi << direct << "" << QByteArrayList() << QByteArrayList { "authorization", "x-api-key" };
    }
    void fetch_sendsTheWireFormatsHeaders()
    {
        QFETCH(int, kind);
        QFETCH(int, transport);
        QFETCH(QString, key);
        QFETCH(QByteArrayList, present);
        QFETCH(QByteArrayList, absent);
        RecordingServer server(RecordingServer::answer(200, R"({"data":[{"id":"b"},{"id":"a"}]})"));
        ProviderClient client;
        client.setTransport(ProviderClient::Transport(transport));
        ModelListFetcher fetcher(&client);
        QSignalSpy fetched(&fetcher, &ModelListFetcher::modelsFetched);
        QSignalSpy failed(&fetcher, &ModelListFetcher::fetchFailed);
        ProviderConfig p = provider(ProviderKind(kind), server.baseUrl());
        p.extraHeaders.insert(QStringLiteral("X-Team"), QStringLiteral("blue"));
        fetcher.fetch(p, key);
        QTRY_COMPARE(fetched.size() + failed.size(), 1);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(fetched.first().first().toStringList(), QStringList({ "a", "b" }));
        QVERIFY2(server.request.startsWith("GET /v1/models HTTP/1.1\r\n"), server.request.constData());
        const QByteArray headers = server.headerLines();
        for (const QByteArray& header : present + QByteArrayList { "x-team: blue" }) {
            QVERIFY2(headers.contains(header + '\n'), qPrintable(header + " missing in\n" + headers));
        }
        for (const QByteArray& name : absent) {
            QVERIFY2(!headers.contains(name + ':'), qPrintable(name + " sent in\n" + headers));
        }
        QVERIFY(!fetcher.isRunning());
    }

    void fetch_saysWhatWentWrong_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("message");
        QTest::newRow("a refused key") << RecordingServer::answer(401, "{}") << "refused the key (HTTP 401)";
        QTest::newRow("no list endpoint") << RecordingServer::answer(404, "{}") << "no model list endpoint";
        QTest::newRow("a server error") << RecordingServer::answer(503, "{}") << "failed (HTTP 503)";
        QTest::newRow("not a model list") << RecordingServer::answer(200, "<html/>") << "no \"data\" array";
        QTest::newRow("no answer at all") << QByteArray() << "did not answer within";
    }
    void fetch_saysWhatWentWrong()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, message);
        RecordingServer server(response);
        ProviderClient client;
        ModelListFetcher fetcher(&client);
        fetcher.setTimeoutMs(300);
        QSignalSpy fetched(&fetcher, &ModelListFetcher::modelsFetched);
        QSignalSpy failed(&fetcher, &ModelListFetcher::fetchFailed);
        fetcher.fetch(provider(ProviderKind::OpenAiCompatible, server.baseUrl()), QStringLiteral("sk-secret"));
        QTRY_COMPARE(failed.size(), 1);
        const QString text = failed.first().first().toString();
        QVERIFY2(text.contains(message), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("sk-secret")), qPrintable(text));
        QCOMPARE(fetched.size(), 0);
    }

    void fetch_unreachableHost_namesIt()
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost);
        const quint16 port = closed.serverPort();
        closed.close();
        ProviderClient client;
        ModelListFetcher fetcher(&client);
        QSignalSpy failed(&fetcher, &ModelListFetcher::fetchFailed);
        fetcher.fetch(provider(ProviderKind::OpenAiCompatible, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))),
                      QString());
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().startsWith(QStringLiteral("Could not reach 127.0.0.1")),
                 qPrintable(failed.first().first().toString()));
    }

    void parseModelList_data();
    void parseModelList();
};

void tst_ModelListFetcher::parseModelList_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<bool>("ok");
    QTest::newRow("openai list, sorted") << QByteArray(
        R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},{"id":"gpt-4.1-mini"}]})")
                                         << QStringList { "gpt-4.1-mini", "gpt-4o" } << true;
    QTest::newRow("anthropic list with has_more")
        << QByteArray(R"({"data":[{"type":"model","id":"claude-haiku-4-5"}],"has_more":false})")
        << QStringList { "claude-haiku-4-5" } << true;
    QTest::newRow("duplicates and entries without id are dropped")
        << QByteArray(R"({"data":[{"id":"a"},{"id":"a"},{"name":"b"}]})") << QStringList { "a" } << true;
    QTest::newRow("empty data is an empty list") << QByteArray(R"({"data":[]})") << QStringList {} << true;
    QTest::newRow("an html error page is an error") << QByteArray("<html>502</html>") << QStringList {} << false;
    QTest::newRow("json without data is an error") << QByteArray(R"({"object":"list"})") << QStringList {} << false;
    QTest::newRow("gemini names models/..., lists its chat models")
        << QByteArray(R"({"models":[{"name":"models/gemini-2.5-pro","supportedGenerationMethods":["generateContent"]},)"
                      R"({"name":"models/gemini-embedding-001","supportedGenerationMethods":["embedContent"]},)"
                      R"({"name":"models/gemini-2.0-flash"}],"nextPageToken":"Ch1t"})")
        << QStringList { "gemini-2.0-flash", "gemini-2.5-pro" } << true;
    QTest::newRow("gemini's empty page") << QByteArray(R"({"models":[]})") << QStringList {} << true;
}

void tst_ModelListFetcher::parseModelList()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, ids);
    QFETCH(bool, ok);
    QString error;
    QCOMPARE(ModelListFetcher::parseModelList(json, &error), ids);
    QCOMPARE(error.isEmpty(), ok);
}

QTEST_GUILESS_MAIN(tst_ModelListFetcher)
#include "tst_ModelListFetcher.moc"
