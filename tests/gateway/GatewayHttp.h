#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// A plain QNAM client for the gateway tests: one request, its status, headers and body.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject error() const { return json().value(QLatin1String("error")).toObject(); }
    QHash<QByteArray, QByteArray> headers;
};

inline HttpAnswer httpCall(QNetworkAccessManager& nam, const QByteArray& method, const QUrl& url,
                           const QByteArray& body = {}, const QList<std::pair<QByteArray, QByteArray>>& headers = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& [name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QNetworkReply* reply = nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpAnswer answer;
    if (!finished.wait(20000) && !reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        answer.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return answer;
}

inline QByteArray chatBody(const QString& model, bool stream = false, const QByteArray& extra = {})
{
    return "{\"model\":\"" + model.toUtf8() + "\",\"stream\":" + (stream ? "true" : "false") + extra
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
}

// The first output item of a Responses API answer with this type ("message", "function_call");
// empty when there is none.
inline QJsonObject responsesItem(const QJsonObject& response, const QString& type)
{
    for (const QJsonValue& item : response.value(QLatin1String("output")).toArray()) {
        if (item.toObject().value(QLatin1String("type")).toString() == type) {
            return item.toObject();
        }
    }
    return {};
}
