#include "../gateway/GatewayHttp.h"
#include "../gateway/RecordingUpstream.h"
#include "OtlpCollector.h"
#include "core/gateway/GatewayServer.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"
#include "core/telemetry/OtlpExporter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace OtlpJson;

namespace {
const QByteArray kUpstreamKey = "sk-upstream-secret-7c1f";
const QByteArray kGatewayKey = "sk-gateway-secret-93ab";
const QByteArray kCollectorToken = "collector-token-5d2e";
const QByteArray kPrompt = "Say hello";

ModelConfig model(const QString& id, const QString& provider, const QString& upstream)
{
    ModelConfig config;
    config.id = id;
    config.providerId = provider;
    config.upstreamModel = upstream;
    config.price = { 1.0, 2.0, 0.5, true };
    config.contextWindow = 128000;
    return config;
}
} // namespace

// Gateway requests traced and exported to a loopback OTLP collector: the JSON is checked against
// the OTLP/HTTP JSON encoding, a failover is one request span over two attempt spans, a client's
// traceparent is honoured and each attempt's goes upstream, no secret or prompt reaches the
// collector, and a collector that is down or never answers slows no request.
class tst_OtlpExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void gatewayRequest_payloadHasTheOtlpJsonShape();
    void failover_oneRequestSpanOverTwoAttemptSpans();
    void clientTraceparent_data();
    void clientTraceparent();
    void untraced_clientTraceparentPassedOnUnchanged();
    void payload_carriesNoSecretsAndNoPrompt();
    void deadCollector_dropsSpansAndSlowsNothing_data();
    void deadCollector_dropsSpansAndSlowsNothing();

private:
    HttpAnswer post(const QByteArray& group, const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    // Median ms of `count` failover requests, with spans going to `exporter` (null: not traced).
    double medianFailoverMs(int count);

    std::unique_ptr<RecordingUpstream> m_upstream;
    std::unique_ptr<ProviderClient> m_client;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<GatewayServer> m_gateway;
    PriceTable m_prices = PriceTable::bundled();
    std::unique_ptr<CallRecorder> m_recorder;
    std::unique_ptr<OtlpCollector> m_collector;
    std::unique_ptr<OtlpExporter> m_exporter;
    int m_recorded = 0;
    QNetworkAccessManager* m_nam = nullptr;
};

void tst_OtlpExport::init()
{
    qputenv("SWITCHYARD_TEST_OTLP_KEY", kUpstreamKey);
    m_upstream = std::make_unique<RecordingUpstream>(false);
    m_upstream->failingModels.insert(QStringLiteral("up-primary"));
    QVERIFY(m_upstream->start());
    m_client = std::make_unique<ProviderClient>();
    m_router = std::make_unique<Router>(m_client.get());
    // Two providers on the one upstream: a server error skips the rest of a provider.
    ProviderConfig primary;
    primary.id = QStringLiteral("rec-primary");
    primary.baseUrl = m_upstream->baseUrl();
    primary.keyEnv = QStringLiteral("SWITCHYARD_TEST_OTLP_KEY");
    ProviderConfig backup = primary;
    backup.id = QStringLiteral("rec-openai");
    m_router->setProviders({ primary, backup });
    const QList<ModelConfig> models { model(QStringLiteral("rec/primary"), primary.id, QStringLiteral("up-primary")),
                                      model(QStringLiteral("rec/backup"), backup.id, QStringLiteral("up-backup")) };
    m_router->setModels(models);
    RoutingPolicy policy = DefaultPolicy::create(models);
    ModelGroup chat;
    chat.name = QStringLiteral("chat");
    chat.deployments = { Deployment { QStringLiteral("rec/primary"), 1 } };
    chat.fallbacks = { QStringLiteral("rec/backup") };
    ModelGroup solo;
    solo.name = QStringLiteral("solo");
    solo.deployments = { Deployment { QStringLiteral("rec/backup"), 1 } };
    policy.groups = { chat, solo };
    policy.defaults.cooldown.failures = 1000000; // every failover request tries the primary again
    m_router->setPolicy(policy);
    m_router->setTracing(true);

    m_collector = std::make_unique<OtlpCollector>();
    QVERIFY(m_collector->start());
    OtlpSettings settings;
    settings.tracesUrl = OtlpSettings::tracesUrlFor(m_collector->baseUrl());
    settings.headers = { { "Authorization", "Bearer " + kCollectorToken } };
    settings.intervalMs = 3600000; // the tests flush
    m_exporter = std::make_unique<OtlpExporter>(settings);
    m_recorder = std::make_unique<CallRecorder>(
        m_prices,
        [this](const QString& modelId) {
            const ModelConfig* found = m_router->model(modelId);
            return found ? found->price : ModelPrice {};
        },
        [this](const RequestRecord& record, bool) {
            ++m_recorded;
            if (m_exporter) {
                m_exporter->observe(record);
            }
        });
    GatewayDependencies dependencies { m_router.get(), m_recorder.get() };
    dependencies.metrics = [this] { return m_exporter ? m_exporter->metricsText() : QByteArray(); };
    m_gateway = std::make_unique<GatewayServer>(dependencies);
    GatewayOptions options;
    options.apiKey = kGatewayKey;
    options.requireKey = true;
    m_gateway->setOptions(options);
    QVERIFY(m_gateway->listen(QHostAddress::LocalHost, 0));
    m_nam = new QNetworkAccessManager(this);
    m_recorded = 0;
}

void tst_OtlpExport::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_gateway.reset();
    m_exporter.reset();
    m_recorder.reset();
    m_router.reset();
    m_client.reset();
    m_collector.reset();
    m_upstream.reset();
}

HttpAnswer tst_OtlpExport::post(const QByteArray& group, const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QList<std::pair<QByteArray, QByteArray>> all { { "Authorization", "Bearer " + kGatewayKey } };
    all += headers;
    return httpCall(*m_nam, "POST",
                    QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_gateway->port())),
                    chatBody(QString::fromLatin1(group), false, ",\"max_tokens\":64"), all);
}

void tst_OtlpExport::gatewayRequest_payloadHasTheOtlpJsonShape()
{
    QCOMPARE(post("solo").status, 200);
    QTRY_COMPARE(m_recorded, 1);
    m_exporter->flush();
    QTRY_COMPARE(m_collector->requests.size(), 1);
    QTRY_COMPARE(m_exporter->exportedSpans(), quint64(2));

    const HttpRequest& request = m_collector->requests.constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/v1/traces"));
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    QCOMPARE(request.header("authorization"), "Bearer " + kCollectorToken);

    const QJsonObject body = m_collector->json(0);
    const QJsonArray resourceSpans = body.value(QLatin1String("resourceSpans")).toArray();
    QCOMPARE(resourceSpans.size(), 1);
    const QJsonObject resource = resourceSpans.at(0).toObject().value(QLatin1String("resource")).toObject();
    QCOMPARE(stringAttribute(resource, QStringLiteral("service.name")), QStringLiteral("switchyard"));
    const QJsonArray scopeSpans = resourceSpans.at(0).toObject().value(QLatin1String("scopeSpans")).toArray();
    QCOMPARE(scopeSpans.size(), 1);
    QCOMPARE(scopeSpans.at(0).toObject().value(QLatin1String("scope")).toObject().value(QLatin1String("name")),
             QJsonValue(QStringLiteral("switchyard")));
    const QJsonArray spans = scopeSpans.at(0).toObject().value(QLatin1String("spans")).toArray();
    QCOMPARE(spans.size(), 2);

    const QRegularExpression traceId(QStringLiteral("^[0-9a-f]{32}$"));
    const QRegularExpression spanId(QStringLiteral("^[0-9a-f]{16}$"));
    const QRegularExpression nanos(QStringLiteral("^[0-9]{19}$")); // a 2020s time in unix nanoseconds
    for (const QJsonValue& value : spans) {
        const QJsonObject span = value.toObject();
        QVERIFY(traceId.match(span.value(QLatin1String("traceId")).toString()).hasMatch());
        QVERIFY(spanId.match(span.value(QLatin1String("spanId")).toString()).hasMatch());
        QVERIFY(span.value(QLatin1String("startTimeUnixNano")).isString());
        QVERIFY(nanos.match(span.value(QLatin1String("startTimeUnixNano")).toString()).hasMatch());
        QVERIFY(span.value(QLatin1String("endTimeUnixNano")).toString().toLongLong()
                >= span.value(QLatin1String("startTimeUnixNano")).toString().toLongLong());
        QVERIFY(span.value(QLatin1String("kind")).isDouble()); // an enum's integer value
        QCOMPARE(stringAttribute(span, QStringLiteral("gen_ai.operation.name")), QStringLiteral("chat"));
        QCOMPARE(attribute(span, QStringLiteral("gen_ai.request.max_tokens")).value(QLatin1String("intValue")),
                 QJsonValue(QStringLiteral("64"))); // int64 as a string
        QVERIFY(!span.contains(QLatin1String("status"))); // nothing failed
        for (const QJsonValue& entry : span.value(QLatin1String("attributes")).toArray()) {
            QCOMPARE(entry.toObject().value(QLatin1String("value")).toObject().size(), 1); // one AnyValue field
        }
    }
    const QJsonObject server = spans.at(0).toObject();
    const QJsonObject attempt = spans.at(1).toObject();
    QCOMPARE(server.value(QLatin1String("kind")).toInt(), 2); // SPAN_KIND_SERVER
    QVERIFY(!server.contains(QLatin1String("parentSpanId"))); // no traceparent came: a root
    QCOMPARE(server.value(QLatin1String("name")).toString(), QStringLiteral("chat rec/backup"));
    QCOMPARE(stringAttribute(server, QStringLiteral("switchyard.source")), QStringLiteral("gateway"));
    QCOMPARE(attribute(server, QStringLiteral("switchyard.failovers")).value(QLatin1String("intValue")),
             QJsonValue(QStringLiteral("0")));
    QCOMPARE(attempt.value(QLatin1String("kind")).toInt(), 3); // SPAN_KIND_CLIENT
    QCOMPARE(attempt.value(QLatin1String("traceId")), server.value(QLatin1String("traceId")));
    QCOMPARE(attempt.value(QLatin1String("parentSpanId")), server.value(QLatin1String("spanId")));
    QCOMPARE(stringAttribute(attempt, QStringLiteral("gen_ai.provider.name")), QStringLiteral("rec-openai"));
    QCOMPARE(stringAttribute(attempt, QStringLiteral("gen_ai.request.model")), QStringLiteral("rec/backup"));
    QCOMPARE(stringAttribute(attempt, QStringLiteral("gen_ai.response.model")), QStringLiteral("rec/backup"));
    QCOMPARE(stringAttribute(attempt, QStringLiteral("server.address")), QStringLiteral("127.0.0.1"));
    QCOMPARE(attribute(attempt, QStringLiteral("server.port")).value(QLatin1String("intValue")).toString().toInt(),
             m_upstream->baseUrl().port());
    // The canned answer's usage and finish reason (RecordingUpstream::openAiWhole).
    QCOMPARE(attribute(attempt, QStringLiteral("gen_ai.usage.input_tokens")).value(QLatin1String("intValue")),
             QJsonValue(QStringLiteral("20")));
    QCOMPARE(attribute(attempt, QStringLiteral("gen_ai.usage.output_tokens")).value(QLatin1String("intValue")),
             QJsonValue(QStringLiteral("10")));
    const QJsonArray reasons = attribute(attempt, QStringLiteral("gen_ai.response.finish_reasons"))
                                   .value(QLatin1String("arrayValue"))
                                   .toObject()
                                   .value(QLatin1String("values"))
                                   .toArray();
    QCOMPARE(reasons, QJsonArray({ QJsonObject { { QStringLiteral("stringValue"), QStringLiteral("tool_calls") } } }));

    // The upstream request carried the attempt span's traceparent.
    QCOMPARE(m_upstream->requests.size(), 1);
    QCOMPARE(m_upstream->requests.constFirst().header("traceparent"),
             "00-" + server.value(QLatin1String("traceId")).toString().toLatin1() + '-'
                 + attempt.value(QLatin1String("spanId")).toString().toLatin1() + "-01");
}

void tst_OtlpExport::failover_oneRequestSpanOverTwoAttemptSpans()
{
    QCOMPARE(post("chat").status, 200);
    QTRY_COMPARE(m_recorded, 1);
    m_exporter->flush();
    QTRY_COMPARE(m_exporter->exportedSpans(), quint64(3));
    const QList<QJsonObject> spans = spansOf(*m_collector);
    QCOMPARE(spans.size(), 3);
    const QJsonObject request = spans.at(0);
    QCOMPARE(attribute(request, QStringLiteral("switchyard.failovers")).value(QLatin1String("intValue")),
             QJsonValue(QStringLiteral("1")));
    QVERIFY(!request.contains(QLatin1String("status"))); // the request itself succeeded

    const QJsonObject failed = spans.at(1);
    const QJsonObject answered = spans.at(2);
    for (const QJsonObject& attempt : { failed, answered }) {
        QCOMPARE(attempt.value(QLatin1String("parentSpanId")), request.value(QLatin1String("spanId"))); // siblings
        QCOMPARE(attempt.value(QLatin1String("kind")).toInt(), 3);
    }
    QVERIFY(failed.value(QLatin1String("spanId")) != answered.value(QLatin1String("spanId")));
    QCOMPARE(stringAttribute(failed, QStringLiteral("gen_ai.request.model")), QStringLiteral("rec/primary"));
    QCOMPARE(stringAttribute(failed, QStringLiteral("error.type")), QStringLiteral("server_error"));
    QCOMPARE(attribute(failed, QStringLiteral("http.response.status_code")).value(QLatin1String("intValue")),
             QJsonValue(QStringLiteral("503")));
    QCOMPARE(failed.value(QLatin1String("status")).toObject().value(QLatin1String("code")).toInt(), 2); // ERROR
    QVERIFY(attribute(failed, QStringLiteral("gen_ai.usage.output_tokens")).isEmpty());
    QCOMPARE(stringAttribute(answered, QStringLiteral("gen_ai.request.model")), QStringLiteral("rec/backup"));
    QVERIFY(!answered.contains(QLatin1String("status")));
    QVERIFY(attribute(answered, QStringLiteral("error.type")).isEmpty());

    // Each upstream request carried its own attempt's span id.
    QCOMPARE(m_upstream->requests.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject attempt = spans.at(i + 1);
        QCOMPARE(m_upstream->requests.at(i).header("traceparent"),
                 "00-" + request.value(QLatin1String("traceId")).toString().toLatin1() + '-'
                     + attempt.value(QLatin1String("spanId")).toString().toLatin1() + "-01");
    }
}

void tst_OtlpExport::clientTraceparent_data()
{
    QTest::addColumn<QByteArray>("traceparent");
    QTest::addColumn<bool>("honoured");
    QTest::addColumn<bool>("exported");

    const QByteArray trace = "0af7651916cd43dd8448eb211c80319c";
    QTest::newRow("a valid header: the request span joins the client's trace")
        << "00-" + trace + "-b7ad6b7169203331-01" << true << true;
    QTest::newRow("not sampled by the client: passed on, not exported")
        << "00-" + trace + "-b7ad6b7169203331-00" << true << false;
    QTest::newRow("upper-case hex is malformed: a trace of our own")
        << "00-" + trace.toUpper() + "-b7ad6b7169203331-01" << false << true;
    QTest::newRow("an all-zero trace id is malformed: a trace of our own")
        << "00-" + QByteArray(32, '0') + "-b7ad6b7169203331-01" << false << true;
    QTest::newRow("version ff is malformed: a trace of our own")
        << "ff-" + trace + "-b7ad6b7169203331-01" << false << true;
}

void tst_OtlpExport::clientTraceparent()
{
    QFETCH(QByteArray, traceparent);
    QFETCH(bool, honoured);
    QFETCH(bool, exported);

    QCOMPARE(post("solo", { { "traceparent", traceparent } }).status, 200);
    QTRY_COMPARE(m_recorded, 1);
    m_exporter->flush();
    QCOMPARE(m_upstream->requests.size(), 1);
    const QByteArray upstream = m_upstream->requests.constFirst().header("traceparent");
    const std::optional<TraceContext> sent = TraceContext::fromTraceparent(upstream);
    QVERIFY2(sent, upstream.constData());
    QCOMPARE(sent->traceId.toHex() == traceparent.mid(3, 32), honoured);
    QVERIFY(sent->spanId.toHex() != "b7ad6b7169203331"); // the attempt's own span, never the client's
    if (!exported) {
        QCOMPARE(sent->flags, quint8(0)); // the client's decision travels on
        QTest::qWait(50);
        QCOMPARE(m_collector->requests.size(), 0);
        return;
    }
    QTRY_COMPARE(m_exporter->exportedSpans(), quint64(2));
    const QList<QJsonObject> spans = spansOf(*m_collector);
    const QJsonObject request = spans.at(0);
    QCOMPARE(request.value(QLatin1String("traceId")).toString().toLatin1() == traceparent.mid(3, 32), honoured);
    QCOMPARE(request.value(QLatin1String("parentSpanId")).toString(),
             honoured ? QStringLiteral("b7ad6b7169203331") : QString());
    QCOMPARE(spans.at(1).value(QLatin1String("spanId")).toString().toLatin1(), sent->spanId.toHex());
}

void tst_OtlpExport::untraced_clientTraceparentPassedOnUnchanged()
{
    m_router->setTracing(false);
    const QByteArray traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    QCOMPARE(post("chat", { { "traceparent", traceparent } }).status, 200);
    QCOMPARE(post("solo").status, 200);
    QTRY_COMPARE(m_recorded, 2);
    QCOMPARE(m_upstream->requests.size(), 3);
    // Both attempts of the traced request carry the client's header as it came; nothing else does.
    QCOMPARE(m_upstream->requests.at(0).header("traceparent"), traceparent);
    QCOMPARE(m_upstream->requests.at(1).header("traceparent"), traceparent);
    QVERIFY(m_upstream->requests.at(2).header("traceparent").isNull());
}

void tst_OtlpExport::payload_carriesNoSecretsAndNoPrompt()
{
    QCOMPARE(post("chat").status, 200);
    QCOMPARE(post("solo").status, 200);
    QTRY_COMPARE(m_recorded, 2);
    // The upstream did get the key: the test would prove nothing otherwise.
    QCOMPARE(m_upstream->requests.constFirst().header("authorization"), "Bearer " + kUpstreamKey);
    m_exporter->flush();
    QTRY_COMPARE(m_exporter->exportedSpans(), quint64(5));
    const QByteArray body = m_collector->requests.constFirst().body;
    QVERIFY(!body.isEmpty());
    for (const QByteArray& secret : { kUpstreamKey, kGatewayKey, kCollectorToken, kPrompt }) {
        QVERIFY2(!body.contains(secret), secret.constData());
    }
    QVERIFY(!body.contains("Paris")); // the answer's tool arguments
}

void tst_OtlpExport::deadCollector_dropsSpansAndSlowsNothing_data()
{
    QTest::addColumn<bool>("hang");
    QTest::newRow("nothing listens on the port") << false;
    QTest::newRow("the collector accepts and never answers") << true;
}

double tst_OtlpExport::medianFailoverMs(int count)
{
    QList<double> ms;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (post("chat").status != 200) {
            return 1e9;
        }
        ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

void tst_OtlpExport::deadCollector_dropsSpansAndSlowsNothing()
{
    QFETCH(bool, hang);

    m_router->setTracing(false);
    std::unique_ptr<OtlpExporter> live = std::move(m_exporter);
    const double untracedMs = medianFailoverMs(30);

    OtlpSettings settings = live->settings();
    if (hang) {
        m_collector->hang = true;
        settings.timeoutMs = 60000; // longer than the test: the export stays stuck
    } else {
        m_collector.reset(); // the port closes
    }
    settings.batchSize = 4;
    settings.maxQueue = 8;
    settings.intervalMs = 10;
    m_exporter = std::make_unique<OtlpExporter>(settings);
    m_router->setTracing(true);
    m_recorded = 0;
    const double tracedMs = medianFailoverMs(30);
    qInfo("median failover request: %.2f ms untraced, %.2f ms traced to a dead collector", untracedMs, tracedMs);
    QTRY_COMPARE(m_recorded, 30);
    QVERIFY2(tracedMs < untracedMs + 20, qPrintable(QStringLiteral("%1 vs %2 ms").arg(tracedMs).arg(untracedMs)));

    // 30 requests of 3 spans each: every one is exported (none), dropped, queued or on its way.
    QTRY_VERIFY(m_exporter->droppedSpans() > 0);
    QCOMPARE(m_exporter->exportedSpans(), quint64(0));
    QCOMPARE(m_exporter->droppedSpans() + quint64(m_exporter->queuedSpans() + m_exporter->sendingSpans()), quint64(90));
    QVERIFY(m_exporter->queuedSpans() <= settings.maxQueue);
    if (hang) {
        QVERIFY(m_exporter->isExporting());
        QCOMPARE(m_collector->requests.size(), 1); // one export at a time, the first never answered
    } else {
        QTRY_VERIFY(m_exporter->failedExports() > 0); // refused connections end on the event loop
    }

    // The dropped spans are counted where Prometheus reads them.
    const HttpAnswer metrics
        = httpCall(*m_nam, "GET", QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_gateway->port())), {},
                   { { "Authorization", "Bearer " + kGatewayKey } });
    QCOMPARE(metrics.status, 200);
    const QRegularExpression dropped(QStringLiteral("^switchyard_otlp_spans_dropped_total (\\d+)$"),
                                     QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = dropped.match(QString::fromUtf8(metrics.body));
    QVERIFY2(match.hasMatch(), metrics.body.constData());
    QVERIFY(match.captured(1).toULongLong() > 0);
    QVERIFY(match.captured(1).toULongLong() <= m_exporter->droppedSpans());
}

QTEST_GUILESS_MAIN(tst_OtlpExport)
#include "tst_OtlpExport.moc"
