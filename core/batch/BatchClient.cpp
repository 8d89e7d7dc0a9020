#include "core/batch/BatchClient.h"

#include "core/common/AzureEndpoint.h"
#include "core/providers/EntraTokenSource.h"
#include "core/providers/ProviderClient.h"
#include "core/providers/WireFormat.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QUrlQuery>

#include <QUuid>

namespace {
QByteArray headerOf(const HttpExchange::Headers& headers, const char* lowerName)
{
    for (const auto& [name, value] : headers) {
        if (name.compare(lowerName, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}
} // namespace

BatchClient::BatchClient(ProviderClient* client, const ProviderConfig& provider, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_provider(provider)
    , m_api(BatchApis::of(provider).value_or(BatchApi::OpenAi))
{
    if (m_api == BatchApi::Azure && !AzureEndpoint::isV1Base(m_provider.baseUrl)) {
        // The resource endpoint's files and batches take the api-version as its deployments do;
        // the request paths are set on this base URL, which keeps its query.
        QUrl base = m_provider.baseUrl;
        QUrlQuery query(base);
        query.removeAllQueryItems(QStringLiteral("api-version"));
        query.addQueryItem(QStringLiteral("api-version"),
                           m_provider.apiVersion.isEmpty() ? AzureEndpoint::defaultApiVersion()
                                                           : m_provider.apiVersion);
        base.setQuery(query);
        m_provider.baseUrl = base;
    }
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(120000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (HttpExchange* exchange = m_exchange) {
            m_exchange = nullptr;
            exchange->disconnect(this);
            exchange->abort();
            exchange->deleteLater();
        }
        emit failed(tr("%1 did not answer within %2 s.").arg(m_provider.displayName).arg(m_timeout.interval() / 1000));
    });
}

void BatchClient::request(HttpExchange::Method method, const QString& path, const QByteArray& body,
                          const QByteArray& contentType, Then then)
{
    requestUrl(method, WireFormat::urlOn(m_provider.baseUrl, path), body, contentType, {},
               [then = std::move(then)](const QByteArray& answer, const HttpExchange::Headers&) { then(answer); });
}

void BatchClient::requestUrl(HttpExchange::Method method, const QUrl& url, const QByteArray& body,
                             const QByteArray& contentType, const HttpExchange::Headers& extraHeaders,
                             ThenWithHeaders then)
{
    // Azure with Microsoft Entra ID: the token is fetched (or taken from the cache) first, as calls do.
    EntraTokenSource* entra = m_client->entraTokens();
    if (m_provider.auth == ProviderAuth::EntraIdToken && entra->isConfigured() && entra->cachedToken().isEmpty()) {
        entra->token(this,
                     [this, method, url, body, contentType, extraHeaders,
                      then = std::move(then)](const QString& token, const std::optional<CallError>& error) mutable {
                         if (token.isEmpty()) {
                             emit failed(tr("%1 could not be reached: %2")
                                             .arg(m_provider.displayName, error ? error->message : QString()));
                             return;
                         }
                         requestUrl(method, url, body, contentType, extraHeaders, std::move(then));
                     });
        return;
    }
    m_body.clear();
    m_exchange = m_client->send(m_provider, method, url, body, contentType, extraHeaders, this);
    connect(m_exchange, &HttpExchange::readyRead, this, [this] { m_body += m_exchange->readAll(); });
    connect(m_exchange, &HttpExchange::finished, this, [this, then = std::move(then)] {
        m_timeout.stop();
        HttpExchange* exchange = m_exchange;
        m_exchange = nullptr;
        m_body += exchange->readAll();
        const HttpExchange::Headers headers = exchange->headers();
        exchange->deleteLater();
        if (exchange->failure() != HttpExchange::Failure::None) {
            emit failed(tr("%1 could not be reached: %2").arg(m_provider.displayName, exchange->errorString()));
            return;
        }
        if (exchange->status() < 200 || exchange->status() >= 300) {
            emit failed(tr("%1 refused it: %2")
                            .arg(m_provider.displayName, BatchWire::errorMessage(exchange->status(), m_body)));
            return;
        }
        then(m_body, headers);
    });
    m_timeout.start();
    m_exchange->start();
}

QString BatchClient::path(const QString& relative) const
{
    // Azure's resource endpoint has them under openai/; its v1 base URL ends in /openai/v1 already.
    return m_api == BatchApi::Azure && !AzureEndpoint::isV1Base(m_provider.baseUrl)
        ? QStringLiteral("openai/") + relative
        : relative;
}

void BatchClient::submit(const QByteArray& payload, const QString& fileName, const QString& upstreamModel)
{
    if (m_api == BatchApi::Anthropic) {
        request(HttpExchange::Method::Post, QStringLiteral("messages/batches"), payload,
                QByteArrayLiteral("application/json"), [this](const QByteArray& body) { readStatus(body); });
        return;
    }
    if (m_api == BatchApi::Gemini) {
        // The model is in the path; the requests inline in the body up to Google's limit, else a file.
        QString model = upstreamModel;
        if (model.startsWith(QLatin1String("models/"))) {
            model = model.mid(7);
        }
        const QString create = QStringLiteral("models/%1:batchGenerateContent").arg(model);
        const QByteArray inlineBody = BatchWire::geminiInlineBody(payload, fileName);
        if (inlineBody.size() <= BatchWire::GeminiInlineLimitBytes) {
            request(HttpExchange::Method::Post, create, inlineBody, QByteArrayLiteral("application/json"),
                    [this](const QByteArray& body) { readStatus(body); });
            return;
        }
        uploadGeminiFile(payload, fileName, [this, create, fileName](const QString& file) {
            request(HttpExchange::Method::Post, create, BatchWire::geminiFileBody(file, fileName),
                    QByteArrayLiteral("application/json"), [this](const QByteArray& body) { readStatus(body); });
        });
        return;
    }
    const QByteArray boundary = "switchyard-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    request(HttpExchange::Method::Post, path(QStringLiteral("files")),
            BatchWire::multipartUpload(payload, fileName, boundary), "multipart/form-data; boundary=" + boundary,
            [this, fileName, upstreamModel](const QByteArray& body) {
                QString error;
                const QString fileId = BatchWire::uploadedFileId(body, &error);
                if (fileId.isEmpty()) {
                    emit failed(QStringLiteral("%1: %2").arg(m_provider.displayName, error));
                    return;
                }
                request(HttpExchange::Method::Post,
                        path(m_api == BatchApi::Mistral ? QStringLiteral("batch/jobs") : QStringLiteral("batches")),
                        BatchWire::createBody(m_api, fileId, upstreamModel, fileName),
                        QByteArrayLiteral("application/json"), [this](const QByteArray& job) { readStatus(job); });
            });
}

void BatchClient::poll(const QString& jobId)
{
    const QString jobs = m_api == BatchApi::Anthropic ? QStringLiteral("messages/batches/")
        : m_api == BatchApi::Mistral                  ? QStringLiteral("batch/jobs/")
                                                      : QStringLiteral("batches/"); // Gemini's too
    request(HttpExchange::Method::Get, path(jobs + jobId), {}, {},
            [this](const QByteArray& body) { readStatus(body); });
}

void BatchClient::cancel(const QString& jobId)
{
    if (m_api == BatchApi::Gemini) {
        // Gemini answers a cancel with an empty object: the batch's state comes from a GET after it.
        request(HttpExchange::Method::Post, QStringLiteral("batches/%1:cancel").arg(jobId), QByteArrayLiteral("{}"),
                QByteArrayLiteral("application/json"), [this, jobId](const QByteArray&) { poll(jobId); });
        return;
    }
    const QString jobs = m_api == BatchApi::Anthropic ? QStringLiteral("messages/batches/%1/cancel")
        : m_api == BatchApi::Mistral                  ? QStringLiteral("batch/jobs/%1/cancel")
                                                      : QStringLiteral("batches/%1/cancel");
    request(HttpExchange::Method::Post, path(jobs.arg(jobId)), {}, {},
            [this](const QByteArray& body) { readStatus(body); });
}

void BatchClient::readStatus(const QByteArray& body)
{
    QString error;
    const std::optional<BatchStatus> status = BatchWire::parseStatus(m_api, body, &error);
    if (!status) {
        emit failed(QStringLiteral("%1: %2").arg(m_provider.displayName, error));
        return;
    }
    emit statusReceived(*status);
}

QUrl BatchClient::geminiFilesUrl(const char* service, const QString& relative) const
{
    // Google serves the Files API's uploads and downloads beside the API's version:
    // .../upload/v1beta/files, .../download/v1beta/files/{id}:download.
    QUrl url = m_provider.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    const qsizetype version = path.lastIndexOf(QLatin1Char('/'));
    url.setPath(path.left(version) + QLatin1Char('/') + QLatin1String(service) + path.mid(version));
    return WireFormat::urlOn(url, relative);
}

void BatchClient::uploadGeminiFile(const QByteArray& jsonl, const QString& displayName,
                                   std::function<void(const QString& file)> then)
{
    // Google's resumable upload: a start naming the size and type answers with the session's URL
    // (x-goog-upload-url), which takes the bytes and finalizes in one request.
    const HttpExchange::Headers start {
        { QByteArrayLiteral("X-Goog-Upload-Protocol"), QByteArrayLiteral("resumable") },
        { QByteArrayLiteral("X-Goog-Upload-Command"), QByteArrayLiteral("start") },
        { QByteArrayLiteral("X-Goog-Upload-Header-Content-Length"), QByteArray::number(jsonl.size()) },
        { QByteArrayLiteral("X-Goog-Upload-Header-Content-Type"), QByteArrayLiteral("application/jsonl") },
    };
    const QByteArray file
        = QJsonDocument(
              QJsonObject { { QStringLiteral("file"),
                              QJsonObject { { QStringLiteral("displayName"), displayName },
                                            { QStringLiteral("mimeType"), QStringLiteral("application/jsonl") } } } })
              .toJson(QJsonDocument::Compact);
    requestUrl(HttpExchange::Method::Post, geminiFilesUrl("upload", QStringLiteral("files")), file,
               QByteArrayLiteral("application/json"), start,
               [this, jsonl, then = std::move(then)](const QByteArray&, const HttpExchange::Headers& headers) {
                   const QUrl session = QUrl::fromEncoded(headerOf(headers, "x-goog-upload-url"));
                   if (!session.isValid() || session.isEmpty()) {
                       emit failed(QStringLiteral("%1: %2").arg(
                           m_provider.displayName, tr("the Files API answered the upload's start without its URL")));
                       return;
                   }
                   // The key goes with the bytes: only to the provider's own host.
                   if (session.scheme() != m_provider.baseUrl.scheme() || session.host() != m_provider.baseUrl.host()
                       || session.port() != m_provider.baseUrl.port()) {
                       emit failed(QStringLiteral("%1: %2").arg(
                           m_provider.displayName,
                           tr("the Files API named an upload URL on another host (%1); nothing was sent there")
                               .arg(session.host())));
                       return;
                   }
                   const HttpExchange::Headers finalize {
                       { QByteArrayLiteral("X-Goog-Upload-Command"), QByteArrayLiteral("upload, finalize") },
                       { QByteArrayLiteral("X-Goog-Upload-Offset"), QByteArrayLiteral("0") },
                   };
                   requestUrl(HttpExchange::Method::Post, session, jsonl, QByteArrayLiteral("application/jsonl"),
                              finalize, [this, then](const QByteArray& body, const HttpExchange::Headers& answered) {
                                  QString error;
                                  const QString name = BatchWire::geminiUploadedFile(body, &error);
                                  if (headerOf(answered, "x-goog-upload-status") != "final" || name.isEmpty()) {
                                      emit failed(QStringLiteral("%1: %2").arg(
                                          m_provider.displayName,
                                          error.isEmpty() ? tr("the Files API did not finish the upload") : error));
                                      return;
                                  }
                                  then(name);
                              });
               });
}

void BatchClient::fetchResults(const BatchStatus& status, const QStringList& customIds)
{
    if (m_api == BatchApi::Gemini && !status.outputFileId.isEmpty()) {
        // A batch sent as a file answers in a file (files/ID), downloaded as it is.
        QUrl url = geminiFilesUrl("download", status.outputFileId + QStringLiteral(":download"));
        url.setQuery(QStringLiteral("alt=media"));
        requestUrl(
            HttpExchange::Method::Get, url, {}, {}, {},
            [this, customIds](const QByteArray& body, const HttpExchange::Headers&) { readResults(body, customIds); });
        return;
    }
    if (m_api == BatchApi::Gemini) {
        // The answers are inline in the batch's operation.
        request(HttpExchange::Method::Get, QStringLiteral("batches/%1").arg(status.id), {}, {},
                [this, customIds](const QByteArray& body) { readResults(body, customIds); });
        return;
    }
    if (m_api == BatchApi::Anthropic) {
        request(HttpExchange::Method::Get, QStringLiteral("messages/batches/%1/results").arg(status.id), {}, {},
                [this](const QByteArray& body) { readResults(body); });
        return;
    }
    QStringList files;
    for (const QString& id : { status.outputFileId, status.errorFileId }) {
        if (!id.isEmpty()) {
            files << id;
        }
    }
    fetchFiles(files, {});
}

void BatchClient::readResults(const QByteArray& body, const QStringList& customIds)
{
    QString error;
    const auto results = BatchWire::parseResults(m_api, body, &error, customIds);
    if (!results) {
        emit failed(QStringLiteral("%1: %2").arg(m_provider.displayName, error));
        return;
    }
    emit resultsReceived(*results);
}

void BatchClient::fetchFiles(QStringList fileIds, QByteArray collected)
{
    if (fileIds.isEmpty()) {
        readResults(collected);
        return;
    }
    const QString id = fileIds.takeFirst();
    request(HttpExchange::Method::Get, path(QStringLiteral("files/%1/content").arg(id)), {}, {},
            [this, fileIds, collected](const QByteArray& body) {
                QByteArray all = collected + body;
                if (!all.isEmpty() && !all.endsWith('\n')) {
                    all += '\n';
                }
                fetchFiles(fileIds, all);
            });
}
