#include "MetricsText.h"
#include "core/common/PrometheusText.h"
#include "core/monitoring/MetricHistogram.h"
#include "core/monitoring/MetricsRegistry.h"

#include <QTest>

namespace {
RequestRecord request(const QString& model, RequestStatus status, qint64 in, qint64 out, std::optional<double> cost)
{
    RequestRecord record;
    record.source = RequestSource::Gateway;
    record.finalModel = model;
    record.finalProvider = QStringLiteral("openai");
    record.status = status;
    record.usage.promptTokens = in;
    record.usage.completionTokens = out;
    record.costUsd = cost;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    record.startedAt = start;
    record.latencyMs = 1250;
    AttemptRecord attempt;
    attempt.modelId = model;
    attempt.providerId = QStringLiteral("openai");
    attempt.startedAt = start.addMSecs(2);
    attempt.endedAt = start.addMSecs(1249); // 1.247 s upstream, 3 ms in the gateway
    record.attempts = { attempt };
    return record;
}
} // namespace

class tst_MetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void labelValue_isEscaped_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain") << QStringLiteral("gpt-4.1") << QByteArray("gpt-4.1");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArray("a\\\\b");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"") << QByteArray("say \\\"hi\\\"");
        QTest::newRow("line feed") << QStringLiteral("two\nlines") << QByteArray("two\\nlines");
        QTest::newRow("utf-8 kept") << QStringLiteral("modèle") << QStringLiteral("modèle").toUtf8();
    }
    void labelValue_isEscaped()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, escaped);
        QCOMPARE(PrometheusText::escapeLabelValue(value), escaped);
        const QByteArray line = PrometheusText::sample("m", { { "l", value } }, 1);
        const MetricsText parsed = MetricsText::parse(line);
        QVERIFY2(parsed.ok, qPrintable(parsed.problem));
        QCOMPARE(parsed.samples.value(0).labels.value(QStringLiteral("l")), value);
    }

    void number_readableByPrometheus_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("count") << 42.0 << QByteArray("42");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("fraction") << 0.25 << QByteArray("0.25");
        QTest::newRow("dollars") << 0.0001234 << QByteArray("0.0001234");
        QTest::newRow("infinity") << qInf() << QByteArray("+Inf");
    }
    void number_readableByPrometheus()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(PrometheusText::number(value), text);
    }

    void help_escapesBackslashAndLineFeed()
    {
        QCOMPARE(PrometheusText::header("m", QStringLiteral("a\\b\nc \"q\""), "counter"),
                 QByteArray("# HELP m a\\\\b\\nc \"q\"\n# TYPE m counter\n"));
    }

    void histogram_bucketsAreCumulative()
    {
        MetricHistogram histogram({ 0.1, 1, 10 });
        for (double value : { 0.05, 0.1, 0.5, 5.0, 50.0 }) {
            histogram.observe(value);
        }
        const MetricsText parsed = MetricsText::parse(histogram.write("h", { { "p", QStringLiteral("x") } }));
        QVERIFY2(parsed.ok, qPrintable(parsed.problem));
        QCOMPARE(parsed.sum(QStringLiteral("h_bucket"), { { QStringLiteral("le"), QStringLiteral("0.1") } }), 2.0);
        QCOMPARE(parsed.sum(QStringLiteral("h_bucket"), { { QStringLiteral("le"), QStringLiteral("1") } }), 3.0);
        QCOMPARE(parsed.sum(QStringLiteral("h_bucket"), { { QStringLiteral("le"), QStringLiteral("10") } }), 4.0);
        QCOMPARE(parsed.sum(QStringLiteral("h_bucket"), { { QStringLiteral("le"), QStringLiteral("+Inf") } }), 5.0);
        QCOMPARE(parsed.sum(QStringLiteral("h_count")), 5.0);
        QCOMPARE(parsed.sum(QStringLiteral("h_sum")), 55.65);
    }

    void records_countedByLabels()
    {
        MetricsRegistry registry;
        registry.observe(request(QStringLiteral("gpt-4.1"), RequestStatus::Ok, 100, 20, 0.5));
        registry.observe(request(QStringLiteral("gpt-4.1"), RequestStatus::Ok, 10, 2, 0.25));
        RequestRecord failed = request(QStringLiteral("gpt-5"), RequestStatus::Failed, 0, 0, std::nullopt);
        failed.attempts[0].failureClass = QStringLiteral("server_error");
        failed.attempts.append(failed.attempts[0]);
        failed.attempts[1].failureClass = QStringLiteral("insufficient_quota");
        failed.failovers = { FailoverRecord { failed.startedAt,
                                              QStringLiteral("gpt-5"),
                                              QStringLiteral("gpt-4.1"),
                                              QStringLiteral("server_error"),
                                              {} } };
        failed.clientKey = QStringLiteral("key-1");
        registry.observe(failed);

        const MetricsText parsed = MetricsText::parse(registry.exposition());
        QVERIFY2(parsed.ok, qPrintable(parsed.problem));
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_requests_total")), 3.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_requests_total"),
                            { { QStringLiteral("model"), QStringLiteral("gpt-4.1") },
                              { QStringLiteral("status"), QStringLiteral("ok") },
                              { QStringLiteral("source"), QStringLiteral("gateway") } }),
                 2.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_tokens_total"),
                            { { QStringLiteral("direction"), QStringLiteral("input") } }),
                 110.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_tokens_total"),
                            { { QStringLiteral("direction"), QStringLiteral("output") } }),
                 22.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_cost_usd_total")), 0.75);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_failovers_total"),
                            { { QStringLiteral("from_model"), QStringLiteral("gpt-5") } }),
                 1.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_failures_total"),
                            { { QStringLiteral("class"), QStringLiteral("insufficient_quota") } }),
                 1.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_client_key_requests_total"),
                            { { QStringLiteral("client_key"), QStringLiteral("key-1") } }),
                 1.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_upstream_latency_seconds_count")), 4.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_gateway_overhead_seconds_count")), 3.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_gateway_overhead_seconds_bucket"),
                            { { QStringLiteral("le"), QStringLiteral("0.001") } }),
                 1.0); // the failed request's two attempts overlap the whole latency: 0 s
        for (const MetricsText::Sample& sample : parsed.samples) {
            QString family = sample.name;
            for (const char* suffix : { "_bucket", "_sum", "_count" }) {
                if (!parsed.types.contains(family) && family.endsWith(QLatin1String(suffix))) {
                    family.chop(qstrlen(suffix));
                }
            }
            QVERIFY2(parsed.types.contains(family) && parsed.help.contains(family), qPrintable(sample.name));
        }
    }

    void gauges_readWhenScraped()
    {
        MetricsRegistry registry;
        double open = 0;
        registry.setCircuitSource([&open] {
            return QList<MetricsRegistry::GaugeSample> { { { QStringLiteral("m") }, open } };
        });
        registry.setBudgetSource([] {
            return QList<MetricsRegistry::GaugeSample> { { { QStringLiteral("global/day") }, 0.8 } };
        });
        QCOMPARE(MetricsText::parse(registry.exposition()).sum(QStringLiteral("switchyard_circuit_state")), 0.0);
        open = 2;
        const MetricsText parsed = MetricsText::parse(registry.exposition());
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_circuit_state"),
                            { { QStringLiteral("model"), QStringLiteral("m") } }),
                 2.0);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_budget_used_ratio"),
                            { { QStringLiteral("scope"), QStringLiteral("global/day") } }),
                 0.8);
        QCOMPARE(parsed.types.value(QStringLiteral("switchyard_budget_used_ratio")), QStringLiteral("gauge"));
    }

    // The hot path's share: one finished request's counters (the README quotes this figure).
    void observe_benchmark()
    {
        MetricsRegistry registry;
        const RequestRecord record = request(QStringLiteral("gpt-4.1"), RequestStatus::Ok, 100, 20, 0.5);
        QBENCHMARK
        {
            registry.observe(record);
        }
    }

    void manyLabelValues_boundedSeries()
    {
        MetricsRegistry registry;
        const int models = MetricsRegistry::kMaxSeries + 100;
        for (int i = 0; i < models; ++i) {
            RequestRecord record = request(QStringLiteral("model-%1").arg(i), RequestStatus::Ok, 1, 1, 0.01);
            record.clientKey = QStringLiteral("key-%1").arg(i);
            registry.observe(record);
        }
        const MetricsText parsed = MetricsText::parse(registry.exposition());
        QVERIFY2(parsed.ok, qPrintable(parsed.problem));
        int requestSeries = 0;
        int keySeries = 0;
        for (const MetricsText::Sample& sample : parsed.samples) {
            requestSeries += sample.name == QLatin1String("switchyard_requests_total");
            keySeries += sample.name == QLatin1String("switchyard_client_key_requests_total");
        }
        QCOMPARE(requestSeries, MetricsRegistry::kMaxSeries + 1); // the rest under "other"
        QCOMPARE(keySeries, MetricsRegistry::kMaxClientKeys + 1);
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_requests_total")), double(models)); // nothing lost
        QCOMPARE(parsed.sum(QStringLiteral("switchyard_client_key_requests_total"),
                            { { QStringLiteral("client_key"), QStringLiteral("other") } }),
                 double(models - MetricsRegistry::kMaxClientKeys));
    }
};

QTEST_GUILESS_MAIN(tst_MetricsRegistry)
#include "tst_MetricsRegistry.moc"
