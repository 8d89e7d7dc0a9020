#pragma once

#include "core/http/HttpRequest.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"

#include <QJsonArray>
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

namespace OtlpJson {
// An attribute's AnyValue by key, or an empty object.
inline QJsonObject attribute(const QJsonObject& span, const QString& key)
{
    for (const QJsonValue& entry : span.value(QLatin1String("attributes")).toArray()) {
        if (entry.toObject().value(QLatin1String("key")).toString() == key) {
            return entry.toObject().value(QLatin1String("value")).toObject();
        }
    }
    return {};
}

inline QString stringAttribute(const QJsonObject& span, const QString& key)
{
    return attribute(span, key).value(QLatin1String("stringValue")).toString();
}

// The spans of every export the collector received, in order.
inline QList<QJsonObject> spansOf(const OtlpCollector& collector)
{
    QList<QJsonObject> spans;
    for (int i = 0; i < collector.requests.size(); ++i) {
        for (const QJsonValue& resource : collector.json(i).value(QLatin1String("resourceSpans")).toArray()) {
            for (const QJsonValue& scope : resource.toObject().value(QLatin1String("scopeSpans")).toArray()) {
                for (const QJsonValue& span : scope.toObject().value(QLatin1String("spans")).toArray()) {
                    spans.append(span.toObject());
                }
            }
        }
    }
    return spans;
}
} // namespace OtlpJson
