#include "WebhookEndpoint.h"
#include "core/alerts/WebhookSender.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

namespace {
Alert sampleAlert(bool firing = true)
{
    Alert alert;
    alert.kind = AlertKind::ProviderDown;
    alert.subject = QStringLiteral("openai");
    alert.firing = firing;
    alert.at = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    alert.summary = QStringLiteral("openai is down: 5 failures in 5 min");
    alert.value = 5;
    alert.threshold = 5;
    alert.count = 5;
    alert.windowSec = 300;
    alert.exampleRequestIds = { QStringLiteral("r1"), QStringLiteral("r2") };
    return alert;
}

WebhookSender::Policy fastPolicy()
{
    WebhookSender::Policy policy;
    policy.maxAttempts = 3;
    policy.firstDelayMs = 60;
    policy.maxDelayMs = 1000;
    policy.timeoutMs = 300;
    return policy;
}
} // namespace

class tst_WebhookSender : public QObject
{
    Q_OBJECT

private slots:
    void format_bodyAsReceived_data()
    {
        QTest::addColumn<WebhookTarget::Format>("format");
        QTest::addColumn<bool>("firing");
        QTest::newRow("generic firing") << WebhookTarget::Format::Generic << true;
        QTest::newRow("generic cleared") << WebhookTarget::Format::Generic << false;
        QTest::newRow("slack firing") << WebhookTarget::Format::Slack << true;
        QTest::newRow("slack cleared") << WebhookTarget::Format::Slack << false;
    }
    void format_bodyAsReceived()
    {
        QFETCH(WebhookTarget::Format, format);
        QFETCH(bool, firing);
        WebhookEndpoint endpoint;
        QVERIFY(endpoint.start());
        WebhookSender sender({ { endpoint.url(), format } });
        QSignalSpy delivered(&sender, &WebhookSender::delivered);
        sender.send(sampleAlert(firing));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(endpoint.bodies.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(endpoint.bodies.first()).object();
        if (format == WebhookTarget::Format::Slack) {
            QCOMPARE(body.keys(), QStringList { QStringLiteral("text") });
            const QString text = body.value(QLatin1String("text")).toString();
            QVERIFY2(text.startsWith(firing ? QLatin1String("[FIRING] Provider down: openai is down")
                                            : QLatin1String("[CLEARED] Provider down")),
                     qPrintable(text));
            QVERIFY(text.contains(QLatin1String("r1, r2")));
        } else {
            QCOMPARE(body.value(QLatin1String("kind")).toString(), QStringLiteral("provider_down"));
            QCOMPARE(body.value(QLatin1String("state")).toString(),
                     firing ? QStringLiteral("firing") : QStringLiteral("cleared"));
            QCOMPARE(body.value(QLatin1String("source")).toString(), QStringLiteral("switchyard"));
            QCOMPARE(body.value(QLatin1String("at")).toString(), QStringLiteral("2026-03-02T09:00:00.000Z"));
            const QJsonObject evidence = body.value(QLatin1String("evidence")).toObject();
            QCOMPARE(evidence.value(QLatin1String("count")).toInt(), 5);
            QCOMPARE(evidence.value(QLatin1String("window_seconds")).toInt(), 300);
            QCOMPARE(evidence.value(QLatin1String("example_request_ids")).toArray().size(), 2);
        }
    }

    void failingEndpoint_retriedWithBackoff()
    {
        WebhookEndpoint endpoint;
        endpoint.answers = { 500, 503 };
        QVERIFY(endpoint.start());
        WebhookSender sender({ { endpoint.url(), WebhookTarget::Format::Generic } });
        sender.setPolicy(fastPolicy());
        QSignalSpy delivered(&sender, &WebhookSender::delivered);
        sender.send(sampleAlert());
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(delivered.first().at(2).toInt(), 3);
        QCOMPARE(endpoint.bodies.size(), 3);
        QVERIFY(endpoint.arrivedMs[1] - endpoint.arrivedMs[0] >= 60); // first delay
        QVERIFY(endpoint.arrivedMs[2] - endpoint.arrivedMs[1] >= 120); // doubled
        QCOMPARE(sender.pending(), 0);
    }

    void deadEndpoint_givesUpAtTheCap_data()
    {
        QTest::addColumn<bool>("hang");
        QTest::newRow("always 500") << false;
        QTest::newRow("never answers: transfer timeout") << true;
    }
    void deadEndpoint_givesUpAtTheCap()
    {
        QFETCH(bool, hang);
        WebhookEndpoint endpoint;
        endpoint.hang = hang;
        endpoint.answers = { 500, 500, 500, 500 };
        QVERIFY(endpoint.start());
        WebhookSender sender({ { endpoint.url(), WebhookTarget::Format::Slack } });
        sender.setPolicy(fastPolicy());
        QSignalSpy gaveUp(&sender, &WebhookSender::gaveUp);
        QElapsedTimer sending;
        sending.start();
        sender.send(sampleAlert());
        QVERIFY(sending.elapsed() < 50); // queued, not sent inline
        QTRY_COMPARE_WITH_TIMEOUT(gaveUp.size(), 1, 10000);
        QCOMPARE(endpoint.bodies.size(), 3);
        QCOMPARE(sender.gaveUpCount(), 1u);
        QCOMPARE(sender.pending(), 0);
    }

    void queue_boundedDropsTheRest()
    {
        WebhookEndpoint endpoint;
        endpoint.hang = true;
        QVERIFY(endpoint.start());
        WebhookSender sender({ { endpoint.url(), WebhookTarget::Format::Generic } });
        WebhookSender::Policy policy = fastPolicy();
        policy.maxPending = 2;
        sender.setPolicy(policy);
        for (int i = 0; i < 5; ++i) {
            sender.send(sampleAlert());
        }
        QCOMPARE(sender.pending(), 2);
        QCOMPARE(sender.droppedCount(), 3u);
    }
};

QTEST_GUILESS_MAIN(tst_WebhookSender)
#include "tst_WebhookSender.moc"
