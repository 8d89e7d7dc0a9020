#include "core/telemetry/OtlpSettings.h"

#include <QTest>

// Which endpoint, headers and batch figures the exporter takes from `serve --otlp-endpoint` and
// the OpenTelemetry environment variables, and the errors that name the variable at fault.
class tst_OtlpSettings : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QStringList>("environment"); // NAME=value
        QTest::addColumn<QString>("url"); // empty: export off
        QTest::addColumn<QString>("error"); // a part of the error; empty: none

        QTest::newRow("nothing set: export off") << QString() << QStringList() << QString() << QString();
        QTest::newRow("the option is a base URL") << QStringLiteral("http://127.0.0.1:4318") << QStringList()
                                                  << QStringLiteral("http://127.0.0.1:4318/v1/traces") << QString();
        QTest::newRow("a base URL's trailing slash is not doubled")
            << QStringLiteral("http://collector:4318/otlp/") << QStringList()
            << QStringLiteral("http://collector:4318/otlp/v1/traces") << QString();
        QTest::newRow("a base already ending in /v1/traces is kept")
            << QStringLiteral("https://c.example/v1/traces") << QStringList()
            << QStringLiteral("https://c.example/v1/traces") << QString();
        QTest::newRow("the option wins over the environment")
            << QStringLiteral("http://a:1") << QStringList { QStringLiteral("SWITCHYARD_OTLP_ENDPOINT=http://b:2") }
            << QStringLiteral("http://a:1/v1/traces") << QString();
        QTest::newRow("SWITCHYARD_OTLP_ENDPOINT wins over OTEL_*")
            << QString()
            << QStringList { QStringLiteral("SWITCHYARD_OTLP_ENDPOINT=http://b:2"),
                             QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://c:3") }
            << QStringLiteral("http://b:2/v1/traces") << QString();
        QTest::newRow("the traces endpoint is used as it is")
            << QString()
            << QStringList { QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://c:3/custom"),
                             QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://d:4") }
            << QStringLiteral("http://c:3/custom") << QString();
        QTest::newRow("the generic endpoint gets /v1/traces")
            << QString() << QStringList { QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://d:4") }
            << QStringLiteral("http://d:4/v1/traces") << QString();
        QTest::newRow("OTEL_SDK_DISABLED turns the environment's endpoint off")
            << QString()
            << QStringList { QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://d:4"),
                             QStringLiteral("OTEL_SDK_DISABLED=true") }
            << QString() << QString();
        QTest::newRow("a URL without http is refused, naming the variable")
            << QString() << QStringList { QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=collector:4318") } << QString()
            << QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT");
        QTest::newRow("a bad option is refused, naming the option")
            << QStringLiteral("ftp://x") << QStringList() << QString() << QStringLiteral("--otlp-endpoint");
        QTest::newRow("gRPC is refused: only OTLP/HTTP is spoken")
            << QStringLiteral("http://a:4317") << QStringList { QStringLiteral("OTEL_EXPORTER_OTLP_PROTOCOL=grpc") }
            << QString() << QStringLiteral("OTEL_EXPORTER_OTLP_PROTOCOL");
        QTest::newRow("a header without = is refused")
            << QStringLiteral("http://a:1") << QStringList { QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS=token") }
            << QString() << QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS");
        QTest::newRow("a batch size that is no number is refused")
            << QStringLiteral("http://a:1") << QStringList { QStringLiteral("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=lots") }
            << QString() << QStringLiteral("OTEL_BSP_MAX_EXPORT_BATCH_SIZE");
    }

    void resolve()
    {
        QFETCH(QString, option);
        QFETCH(QStringList, environment);
        QFETCH(QString, url);
        QFETCH(QString, error);

        QString problem;
        const std::optional<OtlpSettings> settings = OtlpSettings::resolve(option, env(environment), &problem);
        QCOMPARE(settings ? settings->tracesUrl.toString() : QString(), url);
        if (error.isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        } else {
            QVERIFY2(problem.contains(error), qPrintable(problem));
        }
    }

    void headersAndBatchFigures_comeFromTheStandardVariables()
    {
        QString problem;
        const std::optional<OtlpSettings> settings = OtlpSettings::resolve(
            QStringLiteral("http://a:1"),
            env({ QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20abc,x-tenant=one"),
                  QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_HEADERS=X-Tenant=two"),
                  QStringLiteral("OTEL_BSP_SCHEDULE_DELAY=250"), QStringLiteral("OTEL_BSP_MAX_QUEUE_SIZE=100"),
                  QStringLiteral("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=500"),
                  QStringLiteral("OTEL_EXPORTER_OTLP_TIMEOUT=3000"), QStringLiteral("OTEL_SERVICE_NAME=gw-eu") }),
            &problem);
        QVERIFY2(settings, qPrintable(problem));
        const QList<std::pair<QByteArray, QByteArray>> expected {
            { "Authorization", "Bearer abc" }, // percent-decoded
            { "X-Tenant", "two" }, // the traces variable replaces the generic one's entry
        };
        QCOMPARE(settings->headers, expected);
        QCOMPARE(settings->intervalMs, 250);
        QCOMPARE(settings->maxQueue, 100);
        QCOMPARE(settings->batchSize, 100); // never more than the queue holds
        QCOMPARE(settings->timeoutMs, 3000);
        QCOMPARE(settings->serviceName, QStringLiteral("gw-eu"));
    }

    void defaults_areTheBatchSpanProcessors()
    {
        QString problem;
        const std::optional<OtlpSettings> settings
            = OtlpSettings::resolve(QStringLiteral("http://a:1"), env({}), &problem);
        QVERIFY(settings);
        QCOMPARE(settings->batchSize, 512);
        QCOMPARE(settings->intervalMs, 5000);
        QCOMPARE(settings->maxQueue, 2048);
        QCOMPARE(settings->timeoutMs, 10000);
        QCOMPARE(settings->serviceName, QStringLiteral("switchyard"));
        QVERIFY(settings->headers.isEmpty());
    }

private:
    static QProcessEnvironment env(const QStringList& entries)
    {
        QProcessEnvironment environment;
        for (const QString& entry : entries) {
            const qsizetype equals = entry.indexOf(QLatin1Char('='));
            environment.insert(entry.left(equals), entry.mid(equals + 1));
        }
        return environment;
    }
};

QTEST_GUILESS_MAIN(tst_OtlpSettings)
#include "tst_OtlpSettings.moc"
