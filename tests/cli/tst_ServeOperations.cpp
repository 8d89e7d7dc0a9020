#include "../telemetry/OtlpCollector.h"
#include "ServeProcess.h"

#include <QDir>
#include <QTemporaryDir>

#include <csignal>

namespace {
// The ledger's rows by source, read with a connection of our own.
QHash<QString, int> rowsBySource(const QString& ledgerPath)
{
    QHash<QString, int> rows;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(ledgerPath);
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT source, COUNT(*) FROM requests GROUP BY source"), db);
            while (query.next()) {
                rows.insert(query.value(0).toString(), query.value(1).toInt());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

int spanCount(const OtlpCollector& collector)
{
    int count = 0;
    for (int i = 0; i < collector.requests.size(); ++i) {
        for (const QJsonValue& resource : collector.json(i).value(QLatin1String("resourceSpans")).toArray()) {
            for (const QJsonValue& scope : resource.toObject().value(QLatin1String("scopeSpans")).toArray()) {
                count += int(scope.toObject().value(QLatin1String("spans")).toArray().size());
            }
        }
    }
    return count;
}
} // namespace

// The operations options of `serve` as a real process: traces to a collector, and active probes.
class tst_ServeOperations : public QObject
{
    Q_OBJECT

private slots:
    void otlpEndpoint_exportsEachRequestAndDrainsAtStop()
    {
        OtlpCollector collector;
        QVERIFY(collector.start());
        QTemporaryDir home;
        ServeProcess serve;
        // A long batch delay: the spans can only arrive with the drain at SIGTERM.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OTEL_BSP_SCHEDULE_DELAY"), QStringLiteral("600000"));
        environment.insert(QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS"), QStringLiteral("x-collector-token=abc"));
        serve.process().setProcessEnvironment(environment);
        QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") },
                            { QStringLiteral("--otlp-endpoint"), collector.baseUrl().toString() }));
        QVERIFY(serve.standardOutput().contains("Traces (OTLP/HTTP JSON) to 127.0.0.1:"));
        QNetworkAccessManager nam;
        for (int i = 0; i < 3; ++i) {
            ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                               QStringLiteral("sandbox/gpt-5"), i == 1);
            QSignalSpy finished(call.reply, &QNetworkReply::finished);
            QVERIFY(call.reply->isFinished() || finished.wait(30000));
            QCOMPARE(call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            call.reply->deleteLater();
        }
        QCOMPARE(collector.requests.size(), 0);
        ::kill(pid_t(serve.pid()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(collector.requests.size() >= 1, 10000);
        QCOMPARE(serve.waitForExit(10000), 0);
        QCOMPARE(spanCount(collector), 6); // three requests, one attempt each
        QCOMPARE(collector.requests.constFirst().path, QByteArray("/v1/traces"));
        QCOMPARE(collector.requests.constFirst().header("x-collector-token"), QByteArray("abc"));
    }

    void badOtlpEndpoint_isRefusedNamingTheOption()
    {
        QTemporaryDir home;
        QProcess process;
        process.start(QStringLiteral(SWITCHYARD_BINARY),
                      { QStringLiteral("--home"), home.path(), QStringLiteral("--sandbox"), QStringLiteral("serve"),
                        QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--otlp-endpoint"),
                        QStringLiteral("collector:4318") });
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 64);
        QVERIFY2(process.readAllStandardError().contains("--otlp-endpoint"), "the option is named");
    }

    void probes_findAProviderDownBeforeAnyRequest()
    {
        QTemporaryDir home;
        ServeProcess serve;
        QVERIFY(serve.start(
            home.path(),
            { QStringLiteral("--sandbox"), QStringLiteral("--sandbox-fault"), QStringLiteral("sandbox-openai=503") },
            { QStringLiteral("--probe-every"), QStringLiteral("5"), QStringLiteral("--metrics-port"),
              QStringLiteral("0") }));
        QTRY_VERIFY_WITH_TIMEOUT(serve.standardError().contains("probe: sandbox-openai is down (sandbox/gpt-4.1-mini: "
                                                                "server_error)"),
                                 10000);
        QTRY_VERIFY(serve.standardError().contains("probe: sandbox-deepseek answers"));
        // No request was sent, yet the circuits of the provider's models are open.
        const QRegularExpression port(
            QStringLiteral("Metrics for Prometheus on http://127\\.0\\.0\\.1:(\\d+)/metrics"));
        const QRegularExpressionMatch match = port.match(QString::fromUtf8(serve.standardOutput()));
        QVERIFY(match.hasMatch());
        QNetworkAccessManager nam;
        QNetworkReply* reply
            = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(match.captured(1)))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        const QByteArray metrics = reply->readAll();
        reply->deleteLater();
        QVERIFY2(metrics.contains("switchyard_circuit_state{model=\"sandbox/gpt-5\"} 2"), metrics.constData());
        QVERIFY(metrics.contains("switchyard_circuit_state{model=\"sandbox/deepseek-chat\"} 0"));
        QVERIFY(metrics.contains("switchyard_requests_total{source=\"probe\""));
        ::kill(pid_t(serve.pid()), SIGTERM);
        QCOMPARE(serve.waitForExit(15000), 0);
        const QHash<QString, int> rows = rowsBySource(QDir(home.path()).filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(rows.value(QStringLiteral("probe")) >= 5);
        QCOMPARE(rows.value(QStringLiteral("gateway")), 0);
    }

    void probeCap_ofNothing_stopsThemAndSaysSo()
    {
        QTemporaryDir home;
        ServeProcess serve;
        QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") },
                            { QStringLiteral("--probe-every"), QStringLiteral("5"), QStringLiteral("--probe-cap"),
                              QStringLiteral("0") }));
        QTRY_VERIFY_WITH_TIMEOUT(serve.standardError().contains("probe: Probes stopped for today"), 10000);
        ::kill(pid_t(serve.pid()), SIGTERM);
        QCOMPARE(serve.waitForExit(15000), 0);
        QCOMPARE(
            rowsBySource(QDir(home.path()).filePath(QStringLiteral("ledger.sqlite"))).value(QStringLiteral("probe")),
            0);
    }
};

QTEST_GUILESS_MAIN(tst_ServeOperations)
#include "tst_ServeOperations.moc"
