#pragma once

#include "core/providers/HttpExchange.h"

#include <QNetworkRequest>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

// An HttpExchange over QNetworkAccessManager: TLS, proxies, HTTP/2 and everything else a remote
// provider may need.
class QnamExchange : public HttpExchange
{
    Q_OBJECT

public:
    QnamExchange(QNetworkAccessManager* network, Method method, const QNetworkRequest& request, const QByteArray& body,
                 QObject* parent = nullptr);
    ~QnamExchange() override;

    void start() override;
    int status() const override;
    Headers headers() const override;
    QByteArray readAll() override;
    Failure failure() const override;
    QString errorString() const override;
    void abort() override;

private:
    QNetworkAccessManager* m_network;
    Method m_method;
    QNetworkRequest m_request;
    QByteArray m_body;
    void send();

    QPointer<QNetworkReply> m_reply;
    bool m_aborted = false;
};
