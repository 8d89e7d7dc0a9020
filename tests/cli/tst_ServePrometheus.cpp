#include "ServeProcess.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrlQuery>

// A real Prometheus (Debian's `prometheus` package) scrapes `switchyard --sandbox serve` on
// loopback, and a counter read back through its HTTP query API equals the requests sent.
// Without the binary the test fails: CI installs it through packaging/debian-deps.sh.
class tst_ServePrometheus : public QObject
{
    Q_OBJECT

private slots:
    void scrapedCounter_equalsRequestsSent_data()
    {
        QTest::addColumn<bool>("metricsPort");
        QTest::addColumn<int>("requests");
        QTest::newRow("scraped on the gateway's port") << false << 5;
        QTest::newRow("scraped on --metrics-port") << true << 3;
    }
    void scrapedCounter_equalsRequestsSent()
    {
        QFETCH(bool, metricsPort);
        QFETCH(int, requests);
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        if (prometheus.isEmpty()) {
            QFAIL("The prometheus binary is not installed: run packaging/debian-deps.sh (Debian package "
                  "\"prometheus\").");
        }
        QTemporaryDir home;
        QTemporaryDir data;
        ServeProcess serve;
        QStringList serveArguments;
        if (metricsPort) {
            serveArguments = { QStringLiteral("--metrics-port"), QStringLiteral("0") };
        }
        QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") }, serveArguments));
        quint16 target = serve.url({}).port();
        if (metricsPort) {
            static const QRegularExpression banner(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/metrics"));
            const QRegularExpressionMatch match = banner.match(QString::fromUtf8(serve.standardOutput()));
            QVERIFY2(match.hasMatch(), serve.standardOutput().constData());
            target = quint16(match.captured(1).toUInt());
            QVERIFY(target != serve.url({}).port());
        }

        const quint16 webPort = freePort();
        QVERIFY(webPort != 0);
        const QString config = data.filePath(QStringLiteral("prometheus.yml"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("global:\n"
                                  "  scrape_interval: 1s\n"
                                  "  scrape_timeout: 1s\n"
                                  "scrape_configs:\n"
                                  "  - job_name: switchyard\n"
                                  "    static_configs:\n"
                                  "      - targets: ['127.0.0.1:%1']\n")
                       .arg(target)
                       .toUtf8());
        file.close();
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(prometheus,
                     { QStringLiteral("--config.file=") + config,
                       QStringLiteral("--storage.tsdb.path=") + data.filePath(QStringLiteral("tsdb")),
                       QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(webPort),
                       QStringLiteral("--log.level=warn") });
        QVERIFY2(server.waitForStarted(10000), qPrintable(server.errorString()));

        QNetworkAccessManager nam;
        for (int i = 0; i < requests; ++i) {
            ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                               QStringLiteral("auto"), i % 2 == 1);
            QSignalSpy finished(call.reply, &QNetworkReply::finished);
            QVERIFY(call.reply->isFinished() || finished.wait(30000));
            QCOMPARE(outcomeOf(call.reply, call.stream), ClientOutcome::Complete);
            call.reply->deleteLater();
        }

        // Prometheus scrapes every second; the sum appears once a scrape saw every request.
        const QUrl query = queryUrl(webPort, QStringLiteral("sum(switchyard_requests_total)"));
        double seen = -1;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 60000 && seen != requests) {
            QTest::qWait(250);
            QVERIFY2(server.state() == QProcess::Running, server.readAll().constData());
            seen = instantValue(nam, query);
        }
        QCOMPARE(seen, double(requests));
        QCOMPARE(instantValue(nam, queryUrl(webPort, QStringLiteral("up{job=\"switchyard\"}"))), 1.0);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

private:
    static quint16 freePort()
    {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
    }

    static QUrl queryUrl(quint16 port, const QString& promql)
    {
        QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query").arg(port));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("query"), promql);
        url.setQuery(query);
        return url;
    }

    // The first result's value of an instant query; -1 while Prometheus has none (or is starting).
    static double instantValue(QNetworkAccessManager& nam, const QUrl& url)
    {
        QNetworkReply* reply = nam.get(QNetworkRequest(url));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(5000)) {
            reply->abort();
        }
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        const QJsonArray result
            = answer.value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
        if (answer.value(QLatin1String("status")).toString() != QLatin1String("success") || result.isEmpty()) {
            return -1;
        }
        // [ <unix time>, "<value>" ]
        return result.first().toObject().value(QLatin1String("value")).toArray().at(1).toString().toDouble();
    }
};

QTEST_GUILESS_MAIN(tst_ServePrometheus)
#include "tst_ServePrometheus.moc"
