#include "../gateway/GatewayFixture.h"
#include "../gateway/GatewayHttp.h"
#include "OtlpCollector.h"
#include "core/common/TraceContext.h"
#include "core/telemetry/OtlpExporter.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

// The gateway's other model endpoints traced like chats: POST /v1/embeddings (a ledger row) and
// POST /v1/messages/count_tokens (free, so no ledger row, but a trace), each with a span under
// the client's traceparent, a child per upstream request, and that child's traceparent sent
// upstream. Checked at a loopback OTLP collector and at the sandbox.
class tst_OtlpOtherEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void endpoint_tracedUnderTheClientsTraceparent_data();
    void endpoint_tracedUnderTheClientsTraceparent();

private:
    std::unique_ptr<GatewayFixture> m_fx;
    std::unique_ptr<OtlpCollector> m_collector;
    std::unique_ptr<OtlpExporter> m_exporter;
    QNetworkAccessManager* m_nam = nullptr;
    int m_traced = 0;
};

using namespace OtlpJson;

namespace {
QByteArray headerOf(const QList<std::pair<QByteArray, QByteArray>>& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}
} // namespace

void tst_OtlpOtherEndpoints::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    m_collector = std::make_unique<OtlpCollector>();
    QVERIFY(m_collector->start());
    OtlpSettings settings;
    settings.tracesUrl = OtlpSettings::tracesUrlFor(m_collector->baseUrl());
    settings.intervalMs = 3600000; // the test flushes
    m_exporter = std::make_unique<OtlpExporter>(settings);
    m_traced = 0;
    m_fx->recordHook = [this](const RequestRecord& record) {
        m_fx->records.append(record);
        ++m_traced;
        m_exporter->observe(record);
    };
    m_fx->tracedHook = [this](const RequestRecord& record) {
        ++m_traced;
        m_exporter->observe(record);
    };
    QVERIFY(m_fx->start());
    m_fx->router.setTracing(true);
    m_nam = new QNetworkAccessManager(this);
}

void tst_OtlpOtherEndpoints::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
    m_exporter.reset();
    m_collector.reset();
}

void tst_OtlpOtherEndpoints::endpoint_tracedUnderTheClientsTraceparent_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("operation"); // gen_ai.operation.name
    QTest::addColumn<QString>("upstream"); // the sandbox model the attempt went to
    QTest::addColumn<int>("ledgerRows");

    QTest::newRow("embeddings: a ledger row and a trace")
        << "/v1/embeddings" << QByteArray(R"({"model":"embed","input":"hello"})") << "embeddings"
        << "text-embedding-3-small" << 1;
    QTest::newRow("a token count: free, no ledger row, but a trace")
        << "/v1/messages/count_tokens"
        << QByteArray(R"({"model":"haiku","messages":[{"role":"user","content":"hello"}]})") << "count_tokens"
        << "claude-haiku-4-5" << 0;
}

void tst_OtlpOtherEndpoints::endpoint_tracedUnderTheClientsTraceparent()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, operation);
    QFETCH(QString, upstream);
    QFETCH(int, ledgerRows);
    const QByteArray traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const QByteArray parentSpan = "00f067aa0ba902b7";
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(path), body,
                                       { { "traceparent", "00-" + traceId + '-' + parentSpan + "-01" } });
    QVERIFY2(answer.status == 200, answer.body.constData());
    QTRY_COMPARE(m_traced, 1);
    QCOMPARE(m_fx->records.size(), ledgerRows);
    m_exporter->flush();
    QTRY_COMPARE(m_exporter->exportedSpans(), quint64(2));

    const QList<QJsonObject> spans = spansOf(*m_collector);
    QCOMPARE(spans.size(), 2);
    const QJsonObject& server = spans.at(0);
    const QJsonObject& attempt = spans.at(1);
    QCOMPARE(server.value(QLatin1String("traceId")).toString().toLatin1(), traceId);
    QCOMPARE(server.value(QLatin1String("parentSpanId")).toString().toLatin1(), parentSpan);
    QCOMPARE(server.value(QLatin1String("kind")).toInt(), 2); // SPAN_KIND_SERVER
    QVERIFY2(server.value(QLatin1String("name")).toString().startsWith(operation + u' '),
             qPrintable(server.value(QLatin1String("name")).toString()));
    QCOMPARE(attempt.value(QLatin1String("parentSpanId")), server.value(QLatin1String("spanId")));
    QCOMPARE(attempt.value(QLatin1String("kind")).toInt(), 3); // SPAN_KIND_CLIENT
    for (const QJsonObject& span : spans) {
        QCOMPARE(stringAttribute(span, QStringLiteral("gen_ai.operation.name")), operation);
    }
    QCOMPARE(stringAttribute(attempt, QStringLiteral("server.address")), QStringLiteral("127.0.0.1"));
    // The upstream request carried the attempt's own span in its traceparent.
    const QByteArray sent = headerOf(m_fx->sandbox.lastRequestHeaders(upstream), "traceparent");
    QCOMPARE(sent, "00-" + traceId + '-' + attempt.value(QLatin1String("spanId")).toString().toLatin1() + "-01");
}

QTEST_GUILESS_MAIN(tst_OtlpOtherEndpoints)
#include "tst_OtlpOtherEndpoints.moc"
