#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QUrl>

// A loopback webhook endpoint that records what it received: it answers with the statuses
// queued in `answers` (then 200), or never (hang).
struct WebhookEndpoint
{
    HttpServer server;
    QList<QByteArray> bodies;
    QList<qint64> arrivedMs;
    QList<int> answers;
    bool hang = false;
    QList<QPointer<HttpResponder>> held;
    QElapsedTimer clock;

    bool start()
    {
        clock.start();
        server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            bodies.append(request.body);
            arrivedMs.append(clock.elapsed());
            if (hang) {
                held.append(responder);
                return;
            }
            const int status = answers.isEmpty() ? 200 : answers.takeFirst();
            responder->send(status, QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok"));
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(server.port())); }
};
