#pragma once

#include "core/gateway/GatewayAdmission.h"

#include <QObject>

#include <functional>

class HttpServer;

// `serve --metrics-port N`: GET /metrics alone on a loopback port of its own, so Prometheus can
// scrape without a client key while the gateway's port requires one. Loopback only, and the
// Host and Origin checks still apply (a web page cannot read it through DNS rebinding).
class MetricsEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsEndpoint)

public:
    MetricsEndpoint(std::function<QByteArray()> text, QObject* parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    std::function<QByteArray()> m_text;
    GatewayAdmission m_admission;
    HttpServer* m_http;
};
