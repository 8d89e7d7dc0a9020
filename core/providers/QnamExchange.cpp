#include "core/providers/QnamExchange.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
bool isTransportLoss(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}
} // namespace

QnamExchange::QnamExchange(QNetworkAccessManager* network, Method method, const QNetworkRequest& request,
                           const QByteArray& body, QObject* parent)
    : HttpExchange(parent)
    , m_network(network)
    , m_method(method)
    , m_request(request)
    , m_body(body)
{
}

void QnamExchange::start()
{
    // A loop turn later: Qt's network thread sends at once, and a call cancelled right after it
    // was started must not reach the provider (nor be billed).
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_aborted) {
                send();
            }
        },
        Qt::QueuedConnection);
}

void QnamExchange::send()
{
    m_reply = m_method == Method::Get ? m_network->get(m_request) : m_network->post(m_request, m_body);
    m_body.clear();
    connect(m_reply, &QNetworkReply::requestSent, this, &HttpExchange::requestSent);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::headersReceived);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::readyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::finished);
}

QnamExchange::~QnamExchange()
{
    abort();
}

int QnamExchange::status() const
{
    return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
}

HttpExchange::Headers QnamExchange::headers() const
{
    Headers headers;
    if (m_reply) {
        for (const auto& pair : m_reply->rawHeaderPairs()) {
            headers.append({ pair.first.toLower(), pair.second });
        }
    }
    return headers;
}

QByteArray QnamExchange::readAll()
{
    return m_reply ? m_reply->readAll() : QByteArray();
}

HttpExchange::Failure QnamExchange::failure() const
{
    if (!m_reply || m_reply->error() == QNetworkReply::NoError) {
        return Failure::None;
    }
    return isTransportLoss(m_reply->error()) ? Failure::TransportLoss : Failure::Network;
}

QString QnamExchange::errorString() const
{
    return m_reply ? m_reply->errorString() : QString();
}

void QnamExchange::abort()
{
    m_aborted = true;
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning()) {
            reply->abort();
        }
        reply->deleteLater();
    }
}
