#include "ModelListFetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

ModelListFetcher::ModelListFetcher(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

void ModelListFetcher::fetch(const ProviderConfig& provider, const QString& key)
{
    abort();
    QUrl url = provider.baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/'))) {
        path += QLatin1Char('/');
    }
    url.setPath(path + QStringLiteral("models"));
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    if (!key.isEmpty()) {
        if (provider.kind == ProviderKind::AnthropicMessages) {
            request.setRawHeader("x-api-key", key.toUtf8());
        } else {
            request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        }
    }
    if (provider.kind == ProviderKind::AnthropicMessages) {
        request.setRawHeader("anthropic-version", "2023-06-01");
    }
    for (auto it = provider.extraHeaders.cbegin(); it != provider.extraHeaders.cend(); ++it) {
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    }
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListFetcher::replyFinished);
}

void ModelListFetcher::abort()
{
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QStringList ModelListFetcher::parseModelList(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue data = doc.object().value(QLatin1String("data"));
    if (parseError.error != QJsonParseError::NoError || !data.isArray()) {
        if (error) {
            *error = tr("The model list is not the expected JSON (no \"data\" array).");
        }
        return {};
    }
    QStringList ids;
    for (const QJsonValue& entry : data.toArray()) {
        const QString id = entry.toObject().value(QLatin1String("id")).toString();
        if (!id.isEmpty() && !ids.contains(id)) {
            ids << id;
        }
    }
    ids.sort();
    return ids;
}

void ModelListFetcher::replyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply) {
        return;
    }
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        emit fetchFailed(tr("Could not reach %1: %2").arg(reply->url().host(), reply->errorString()));
        return;
    }
    if (status == 401 || status == 403) {
        emit fetchFailed(tr("The provider refused the key (HTTP %1).").arg(status));
        return;
    }
    if (status == 404) {
        emit fetchFailed(tr("This provider has no model list endpoint (HTTP 404)."));
        return;
    }
    if (status >= 400) {
        emit fetchFailed(tr("The model list request failed (HTTP %1).").arg(status));
        return;
    }
    QString error;
    const QStringList ids = parseModelList(body, &error);
    if (!error.isEmpty()) {
        emit fetchFailed(error);
        return;
    }
    emit modelsFetched(ids);
}
