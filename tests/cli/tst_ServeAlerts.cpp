#include "../alerts/WebhookEndpoint.h"
#include "ServeProcess.h"

#include <QFile>
#include <QTemporaryDir>

// Headless `serve` sends alerts: alerts.json names a loopback webhook, a sandbox provider fails,
// and the webhook receives the provider-down alert (and stderr shows it).
class tst_ServeAlerts : public QObject
{
    Q_OBJECT

private slots:
    void providerFailing_webhookReceivesAlert_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("generic JSON") << QStringLiteral("generic");
        QTest::newRow("Slack-compatible") << QStringLiteral("slack");
    }
    void providerFailing_webhookReceivesAlert()
    {
        QFETCH(QString, format);
        WebhookEndpoint endpoint;
        QVERIFY(endpoint.start());
        QTemporaryDir home;
        QFile rules(home.filePath(QStringLiteral("alerts.json")));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write(QStringLiteral("{\"provider_down\": {\"failures\": 2, \"window_minutes\": 5},\n"
                                   " \"webhooks\": [{\"url\": \"%1\", \"format\": \"%2\"}]}\n")
                        .arg(endpoint.url().toString(), format)
                        .toUtf8());
        rules.close();
        ServeProcess serve;
        QVERIFY(serve.start(
            home.path(),
            { QStringLiteral("--sandbox"), QStringLiteral("--sandbox-fault"), QStringLiteral("sandbox-openai=503") }));
        QNetworkAccessManager nam;
        for (int i = 0; i < 3; ++i) {
            ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                               QStringLiteral("sandbox/gpt-5"), false);
            QSignalSpy finished(call.reply, &QNetworkReply::finished);
            QVERIFY(call.reply->isFinished() || finished.wait(30000));
            call.reply->deleteLater();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!endpoint.bodies.isEmpty(), 10000);
        const QJsonObject body = QJsonDocument::fromJson(endpoint.bodies.first()).object();
        if (format == QLatin1String("slack")) {
            QVERIFY2(body.value(QLatin1String("text"))
                         .toString()
                         .startsWith(QLatin1String("[FIRING] Provider down: sandbox-openai")),
                     endpoint.bodies.first().constData());
        } else {
            QCOMPARE(body.value(QLatin1String("kind")).toString(), QStringLiteral("provider_down"));
            QCOMPARE(body.value(QLatin1String("subject")).toString(), QStringLiteral("sandbox-openai"));
            QVERIFY(body.value(QLatin1String("evidence")).toObject().value(QLatin1String("count")).toInt() >= 2);
        }
        QTRY_VERIFY(serve.standardError().contains("alert: [FIRING] Provider down: sandbox-openai"));
    }

    void brokenAlertsFile_warnsAndServes()
    {
        QTemporaryDir home;
        QFile rules(home.filePath(QStringLiteral("alerts.json")));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write("{\n \"provider_down\": {\"failures\": \"many\"}\n}\n");
        rules.close();
        ServeProcess serve;
        QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") }));
        QTRY_VERIFY(serve.standardError().contains("alerts.json:2:"));
        QCOMPARE(serve.health().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(tst_ServeAlerts)
#include "tst_ServeAlerts.moc"
