#include "../gateway/GatewayFixture.h"
#include "../gateway/GatewayHttp.h"
#include "WebhookEndpoint.h"
#include "core/alerts/AlertMonitor.h"
#include "core/alerts/WebhookSender.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

// Alerts fired by gateway traffic go to a webhook that never answers, and the requests through
// the gateway take no longer than without any webhook.
class tst_GatewayAlerts : public QObject
{
    Q_OBJECT

private slots:
    void hangingWebhook_doesNotSlowRequests()
    {
        const double withoutMs = medianFailoverMs(false, nullptr);
        WebhookEndpoint endpoint;
        endpoint.hang = true;
        QVERIFY(endpoint.start());
        const double withMs = medianFailoverMs(true, &endpoint);
        qInfo("median failover request: %.2f ms without a webhook, %.2f ms with one that never answers", withoutMs,
              withMs);
        QVERIFY(!endpoint.bodies.isEmpty()); // the alerts were on their way while requests went on
        QVERIFY2(withMs < withoutMs + 20, qPrintable(QStringLiteral("%1 vs %2 ms").arg(withMs).arg(withoutMs)));
    }

private:
    // 30 requests to the "chat" group with its primary failing: each fails over; every failure
    // and failover may fire an alert, and the rules are tight so that they do.
    static double medianFailoverMs(bool webhook, WebhookEndpoint* endpoint)
    {
        GatewayFixture fx;
        AlertRules rules;
        rules.providerDownFailures = 1;
        rules.failoverRateMinRequests = 1;
        rules.failoverRatePercent = 1;
        AlertMonitor monitor(rules);
        WebhookSender sender;
        WebhookSender::Policy policy;
        policy.timeoutMs = 5000;
        sender.setPolicy(policy);
        if (webhook) {
            sender.setTargets({ { endpoint->url(), WebhookTarget::Format::Generic },
                                { endpoint->url(), WebhookTarget::Format::Slack } });
        }
        QObject::connect(&monitor, &AlertMonitor::fired, &sender, &WebhookSender::send);
        fx.recordHook = [&](const RequestRecord& record) {
            fx.records.append(record);
            monitor.observe(record);
        };
        if (!fx.start()) {
            return -1;
        }
        fx.sandbox.setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(503));
        QNetworkAccessManager nam;
        QList<double> ms;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer timer;
            timer.start();
            const HttpAnswer answer = httpCall(nam, "POST", fx.url(QStringLiteral("/v1/chat/completions")),
                                               chatBody(QStringLiteral("chat")));
            ms.append(double(timer.nsecsElapsed()) / 1e6);
            if (answer.status != 200) {
                return 1e9;
            }
        }
        if (monitor.active().isEmpty()) {
            return 1e9; // nothing fired: the test would prove nothing
        }
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    }
};

QTEST_GUILESS_MAIN(tst_GatewayAlerts)
#include "tst_GatewayAlerts.moc"
