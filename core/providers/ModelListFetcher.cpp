#include "core/providers/ModelListFetcher.h"

#include "core/providers/ProviderClient.h"
#include "core/providers/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace {
// The largest model lists (OpenRouter) are a few hundred KiB.
constexpr qsizetype MaxBodyBytes = 16 * 1024 * 1024;
constexpr int kMaxPages = 50;
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
    m_url = url;
    m_headers = headers;
    m_ids.clear();
    m_pages = 0;
    get(url);
}

void ModelListFetcher::get(const QUrl& url)
{
    m_body.clear();
    m_exchange = m_client->get(url, m_headers, this);
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

QStringList ModelListFetcher::parseModelList(const QByteArray& json, QString* error, QString* nextPageToken)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonValue data = doc.object().value(QLatin1String("data"));
    const QJsonValue gemini = doc.object().value(QLatin1String("models"));
    if (parseError.error != QJsonParseError::NoError || (!data.isArray() && !gemini.isArray())) {
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
    for (const QJsonValue& entry : gemini.toArray()) {
        const QJsonObject model = entry.toObject();
        const QJsonValue methods = model.value(QLatin1String("supportedGenerationMethods"));
        if (methods.isArray() && !methods.toArray().contains(QStringLiteral("generateContent"))) {
            continue; // embedding and other non-chat models
        }
        QString id = model.value(QLatin1String("name")).toString();
        if (id.startsWith(QLatin1String("models/"))) {
            id = id.mid(7);
        }
        if (!id.isEmpty() && !ids.contains(id)) {
            ids << id;
        }
    }
    if (nextPageToken) {
        *nextPageToken = doc.object().value(QLatin1String("nextPageToken")).toString();
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
    QString nextPage;
    const QStringList ids = parseModelList(body, &error, &nextPage);
    if (!error.isEmpty()) {
        emit fetchFailed(error);
        return;
    }
    for (const QString& id : ids) {
        if (!m_ids.contains(id)) {
            m_ids.append(id);
        }
    }
    // A bound on the pages: a server that always says "more" must not keep the dialog busy.
    if (!nextPage.isEmpty() && ++m_pages < kMaxPages) {
        QUrl url = m_url;
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("pageToken"));
        query.addQueryItem(QStringLiteral("pageToken"), nextPage);
        url.setQuery(query);
        get(url);
        return;
    }
    m_ids.sort();
    emit modelsFetched(std::exchange(m_ids, {}));
}
