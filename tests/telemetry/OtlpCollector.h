#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>

// A loopback OTLP/HTTP collector that keeps every request POSTed to it and answers 200 with an
// empty ExportTraceServiceResponse, or never (hang).
struct OtlpCollector
{
    HttpServer server;
    QList<HttpRequest> requests;
    bool hang = false;
    QList<QPointer<HttpResponder>> held;

    bool start()
    {
        server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            requests.append(request);
            if (hang) {
                held.append(responder);
                return;
            }
            responder->send(200, QByteArrayLiteral("application/json"), QByteArrayLiteral("{}"));
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())); }
    QJsonObject json(int index) const { return QJsonDocument::fromJson(requests.at(index).body).object(); }
};
