#include "core/alerts/WebhookSender.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

WebhookSender::WebhookSender(QList<WebhookTarget> targets, QObject* parent)
    : QObject(parent)
    , m_targets(std::move(targets))
    , m_nam(new QNetworkAccessManager(this))
{
}

WebhookSender::~WebhookSender() = default;

QByteArray WebhookSender::body(const Alert& alert, WebhookTarget::Format format)
{
    if (format == WebhookTarget::Format::Generic) {
        QJsonObject object = alert.toJson();
        object.insert(QStringLiteral("source"), QStringLiteral("switchyard"));
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    QString text = (alert.firing ? tr("[FIRING] %1: %2") : tr("[CLEARED] %1: %2"))
                       .arg(AlertKinds::displayName(alert.kind), alert.summary);
    if (!alert.exampleRequestIds.isEmpty()) {
        text += QLatin1Char('\n') + tr("Requests: %1").arg(alert.exampleRequestIds.join(QStringLiteral(", ")));
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("text"), text } }).toJson(QJsonDocument::Compact);
}

void WebhookSender::send(const Alert& alert)
{
    for (const WebhookTarget& target : std::as_const(m_targets)) {
        if (m_pending >= m_policy.maxPending) {
            ++m_dropped;
            continue;
        }
        ++m_pending;
        post({ target, alert.key(), body(alert, target.format), 0 });
    }
}

void WebhookSender::post(Delivery delivery)
{
    ++delivery.attempts;
    QNetworkRequest request(delivery.target.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Switchyard"));
    request.setTransferTimeout(m_policy.timeoutMs);
    QNetworkReply* reply = m_nam->post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery] { onFinished(reply, delivery); });
}

void WebhookSender::onFinished(QNetworkReply* reply, Delivery delivery)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        --m_pending;
        ++m_delivered;
        emit delivered(delivery.target.url, delivery.alertKey, delivery.attempts);
        return;
    }
    const QString error = status > 0 ? tr("HTTP %1").arg(status) : reply->errorString();
    if (delivery.attempts >= m_policy.maxAttempts) {
        --m_pending;
        ++m_gaveUp;
        emit gaveUp(delivery.target.url, delivery.alertKey, error);
        return;
    }
    const qint64 delay
        = qMin<qint64>(qint64(m_policy.firstDelayMs) << qMin(delivery.attempts - 1, 20), m_policy.maxDelayMs);
    QTimer::singleShot(int(delay), this, [this, delivery] { post(delivery); });
}
