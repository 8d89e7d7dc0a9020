#include "../gateway/GatewayFixture.h"
#include "../gateway/GatewayHttp.h"
#include "MetricsText.h"
#include "core/common/Clock.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/monitoring/MetricsRegistry.h"

#include <QTemporaryDir>
#include <QTest>

// GET /metrics on a real gateway over loopback, its counters checked against what the sandbox
// upstream and the ledger hook saw.
class tst_GatewayMetrics : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fx = std::make_unique<GatewayFixture>();
        m_registry = std::make_unique<MetricsRegistry>();
        m_fx->recordHook = [this](const RequestRecord& record) {
            m_fx->records.append(record);
            m_registry->observe(record);
        };
        m_fx->metrics = [this] { return m_registry->exposition(); };
    }
    void cleanup()
    {
        m_fx.reset();
        m_registry.reset();
    }

    void requests_matchCounters_data()
    {
        QTest::addColumn<int>("ok");
        QTest::addColumn<int>("streamed");
        QTest::addColumn<int>("failedOver");
        QTest::addColumn<int>("failed");
        QTest::newRow("whole answers only") << 5 << 0 << 0 << 0;
        QTest::newRow("streams and whole") << 3 << 4 << 0 << 0;
        QTest::newRow("failovers counted") << 2 << 1 << 3 << 0;
        QTest::newRow("failures counted") << 1 << 0 << 0 << 2;
    }
    void requests_matchCounters()
    {
        QFETCH(int, ok);
        QFETCH(int, streamed);
        QFETCH(int, failedOver);
        QFETCH(int, failed);
        QVERIFY(m_fx->start());
        QNetworkAccessManager nam;
        const QUrl chat = m_fx->url(QStringLiteral("/v1/chat/completions"));
        for (int i = 0; i < ok; ++i) {
            QCOMPARE(httpCall(nam, "POST", chat, chatBody(QStringLiteral("chat"))).status, 200);
        }
        for (int i = 0; i < streamed; ++i) {
            QCOMPARE(httpCall(nam, "POST", chat, chatBody(QStringLiteral("chat"), true)).status, 200);
        }
        m_fx->sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(503));
        for (int i = 0; i < failedOver; ++i) {
            QCOMPARE(httpCall(nam, "POST", chat, chatBody(QStringLiteral("chat"))).status, 200);
        }
        m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), SandboxFault::httpError(400));
        for (int i = 0; i < failed; ++i) {
            QCOMPARE(httpCall(nam, "POST", chat, chatBody(QStringLiteral("solo"))).status, 400);
        }
        const int sent = ok + streamed + failedOver + failed;
        QTRY_COMPARE(m_fx->records.size(), sent);

        const HttpAnswer answer = httpCall(nam, "GET", m_fx->url(QStringLiteral("/metrics")));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        const MetricsText metrics = MetricsText::parse(answer.body);
        QVERIFY2(metrics.ok, qPrintable(metrics.problem));
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_requests_total")), double(sent));
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_requests_total"),
                             { { QStringLiteral("status"), QStringLiteral("failed") } }),
                 double(failed));
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_failovers_total"),
                             { { QStringLiteral("from_model"), QStringLiteral("sandbox/gpt-4.1-mini") } }),
                 double(failedOver));
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_failures_total"),
                             { { QStringLiteral("class"), QStringLiteral("server_error") } }),
                 double(failedOver));
        qint64 input = 0;
        for (const RequestRecord& record : std::as_const(m_fx->records)) {
            input += record.usage.promptTokens;
        }
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_tokens_total"),
                             { { QStringLiteral("direction"), QStringLiteral("input") } }),
                 double(input));
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_gateway_overhead_seconds_count")), double(sent));
        QCOMPARE(metrics.sum(QStringLiteral("switchyard_in_flight_requests")), 0.0);
        QCOMPARE(metrics.types.value(QStringLiteral("switchyard_upstream_latency_seconds")),
                 QStringLiteral("histogram"));
    }

    void wrongHost_refused()
    {
        QVERIFY(m_fx->start());
        QNetworkAccessManager nam;
        const HttpAnswer answer
            = httpCall(nam, "GET", m_fx->url(QStringLiteral("/metrics")), {}, { { "Host", "evil.example" } });
        QCOMPARE(answer.status, 403);
        QVERIFY(!answer.body.contains("switchyard_requests_total"));
    }

    void clientKeys_metricsNeedOne_data()
    {
        QTest::addColumn<bool>("sendKey");
        QTest::addColumn<int>("status");
        QTest::newRow("without a key: 401") << false << 401;
        QTest::newRow("with a client key: 200") << true << 200;
    }
    void clientKeys_metricsNeedOne()
    {
        QFETCH(bool, sendKey);
        QFETCH(int, status);
        QTemporaryDir home;
        ClientKeyStore store(home.filePath(ClientKeyStore::fileName()));
        ClientKey settings;
        settings.name = QStringLiteral("prometheus");
        const std::optional<IssuedClientKey> issued = store.create(settings, Clock::instance().currentDateTimeUtc());
        QVERIFY(issued);
        GatewayOptions options;
        options.clientKeysFile = store.filePath();
        QVERIFY(m_fx->start(options));
        QNetworkAccessManager nam;
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (sendKey) {
            headers.append({ "Authorization", "Bearer " + issued->secret });
        }
        const HttpAnswer answer = httpCall(nam, "GET", m_fx->url(QStringLiteral("/metrics")), {}, headers);
        QCOMPARE(answer.status, status);
        QVERIFY(!answer.body.contains(issued->secret)); // never the secret, whatever the answer
    }

private:
    std::unique_ptr<GatewayFixture> m_fx;
    std::unique_ptr<MetricsRegistry> m_registry;
};

QTEST_GUILESS_MAIN(tst_GatewayMetrics)
#include "tst_GatewayMetrics.moc"
