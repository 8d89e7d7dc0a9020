#pragma once

#include "core/alerts/Alert.h"
#include "core/alerts/WebhookTarget.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

// Posts alerts to webhooks, off the request path: send() only queues, deliveries run on the event
// loop through one QNetworkAccessManager, each with a transfer timeout. A failed delivery (no
// answer, a timeout, a non-2xx status) is retried with exponential backoff up to a cap; the queue
// is bounded and what does not fit is dropped and counted, so a dead endpoint costs memory and
// sockets only up to that bound.
class WebhookSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSender)

public:
    struct Policy
    {
        int maxAttempts = 5;
        int firstDelayMs = 1000; // doubled after each failure
        int maxDelayMs = 60000;
        int timeoutMs = 10000;
        int maxPending = 100; // deliveries in flight or waiting to retry
    };

    explicit WebhookSender(QList<WebhookTarget> targets = {}, QObject* parent = nullptr);
    ~WebhookSender() override;

    void setTargets(const QList<WebhookTarget>& targets) { m_targets = targets; }
    void setPolicy(const Policy& policy) { m_policy = policy; }

    // One delivery per target; returns at once.
    void send(const Alert& alert);

    int pending() const { return m_pending; }
    quint64 deliveredCount() const { return m_delivered; }
    quint64 droppedCount() const { return m_dropped; }
    quint64 gaveUpCount() const { return m_gaveUp; }

    // The bodies, pure for the tests: Alert::toJson() with "source", or Slack's {"text": ...}.
    static QByteArray body(const Alert& alert, WebhookTarget::Format format);

signals:
    void delivered(const QUrl& url, const QString& alertKey, int attempts);
    void gaveUp(const QUrl& url, const QString& alertKey, const QString& error);

private:
    struct Delivery
    {
        WebhookTarget target;
        QString alertKey;
        QByteArray body;
        int attempts = 0;
    };
    void post(Delivery delivery);
    void onFinished(QNetworkReply* reply, Delivery delivery);

    QList<WebhookTarget> m_targets;
    Policy m_policy;
    QNetworkAccessManager* m_nam;
    int m_pending = 0;
    quint64 m_delivered = 0;
    quint64 m_dropped = 0;
    quint64 m_gaveUp = 0;
};
