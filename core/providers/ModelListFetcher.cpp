#include "core/providers/ModelListFetcher.h"

#include "core/providers/ProviderClient.h"
#include "core/providers/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// The largest model lists (OpenRouter) are a few hundred KiB.
constexpr qsizetype MaxBodyBytes = 16 * 1024 * 1024;
} // namespace

ModelListFetcher::ModelListFetcher(ProviderClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(15000);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("%1 did not answer within %2 s.").arg(m_host).arg(m_timeout.interval() / 1000)); });
}

void ModelListFetcher::fetch(const ProviderConfig& provider, const QString& key)
{
    abort();
    const std::unique_ptr<WireFormat> wire = WireFormat::create(provider.kind);
    const QUrl url = wire->modelListUrl(provider);
    m_host = url.isEmpty() ? provider.baseUrl.host() : url.host();
    if (url.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(tr("%1 lists no deployments at this URL; type the deployment name as the model's upstream "
                        "name.")
                         .arg(m_host));
            },
            Qt::QueuedConnection);
        return;
    }

    HttpExchange::Headers headers { { QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") } };
    headers.append(wire->authHeadersFor(provider, key));
    for (auto it = provider.extraHeaders.cbegin(); it != provider.extraHeaders.cend(); ++it) {
        headers.append({ it.key().toUtf8(), it.value().toUtf8() });
    }
    m_body.clear();
    m_exchange = m_client->get(url, headers, this);
    connect(m_exchange, &HttpExchange::readyRead, this, [this] {
        m_body += m_exchange->readAll();
        if (m_body.size() > MaxBodyBytes) {
            fail(tr("The model list is larger than %1 MiB.").arg(MaxBodyBytes / (1024 * 1024)));
        }
    });
    connect(m_exchange, &HttpExchange::finished, this, &ModelListFetcher::exchangeFinished);
    m_timeout.start();
    m_exchange->start();
}

void ModelListFetcher::abort()
{
    m_timeout.stop();
    if (HttpExchange* exchange = m_exchange) {
        m_exchange = nullptr;
        exchange->disconnect(this);
        exchange->abort();
        exchange->deleteLater();
    }
}

void ModelListFetcher::fail(const QString& message)
{
    abort();
    emit fetchFailed(message);
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

void ModelListFetcher::exchangeFinished()
{
    HttpExchange* exchange = m_exchange;
    if (!exchange) {
        return;
    }
    m_body += exchange->readAll();
    const int status = exchange->status();
    const HttpExchange::Failure failure = exchange->failure();
    const QString errorString = exchange->errorString();
    const QByteArray body = std::exchange(m_body, QByteArray());
    abort();
    if (failure != HttpExchange::Failure::None && status == 0) {
        emit fetchFailed(tr("Could not reach %1: %2").arg(m_host, errorString));
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
