#pragma once

#include "core/batch/BatchWire.h"
#include "core/common/ProviderTypes.h"
#include "core/providers/HttpExchange.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class ProviderClient;

// The batch APIs over the provider client's transport (auth and extra headers as for calls):
// submit a job, ask for its status, download its results. One operation at a time; each ends in
// exactly one signal. Nothing is retried: a batch job costs money, a second submit is a second job.
class BatchClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchClient)

public:
    BatchClient(ProviderClient* client, const ProviderConfig& provider, QObject* parent = nullptr);

    // OpenAI, Azure, Mistral: uploads `payload` (BatchWire::payload) as `fileName` and creates the
    // job for `upstreamModel` (Mistral names it on the job); Anthropic: creates it with `payload` as
    // the body; Gemini: POST models/{upstreamModel}:batchGenerateContent with the payload's requests
    // inline, or over 20 MB uploaded through the Files API first and named by the batch.
    void submit(const QByteArray& payload, const QString& fileName, const QString& upstreamModel);
    void poll(const QString& jobId);
    // Asks the provider to cancel the job (OpenAI: POST batches/{id}/cancel, then "cancelling" until
    // "cancelled" with what finished in its output file; Anthropic: POST messages/batches/{id}/cancel,
    // "canceling" until "ended" with the unfinished requests "canceled"; Gemini: POST batches/{id}:cancel,
    // which answers {}, then GET batches/{id}); statusReceived() follows.
    void cancel(const QString& jobId);
    // The results of a job that has them (BatchStates::hasResults); the output and error files
    // (Gemini: its responses file, or the inline responses of GET batches/{id}, matched to
    // `customIds` by place when Google leaves their keys out).
    void fetchResults(const BatchStatus& status, const QStringList& customIds = {});
    // Default 120 s per HTTP request; then failed().
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }

signals:
    void statusReceived(const BatchStatus& status); // after submit(), poll() and cancel()
    void resultsReceived(const QList<BatchResult>& results);
    void failed(const QString& message);

private:
    using Then = std::function<void(const QByteArray& body)>;
    using ThenWithHeaders = std::function<void(const QByteArray& body, const HttpExchange::Headers& headers)>;
    void request(HttpExchange::Method method, const QString& path, const QByteArray& body,
                 const QByteArray& contentType, Then then);
    void requestUrl(HttpExchange::Method method, const QUrl& url, const QByteArray& body, const QByteArray& contentType,
                    const HttpExchange::Headers& extraHeaders, ThenWithHeaders then);
    // Gemini's Files API beside the base URL's version: service "upload" or "download".
    QUrl geminiFilesUrl(const char* service, const QString& relative) const;
    // Uploads a batch's JSONL through the Files API; `then` gets its name (files/ID).
    void uploadGeminiFile(const QByteArray& jsonl, const QString& displayName,
                          std::function<void(const QString& file)> then);
    void readStatus(const QByteArray& body);
    void fetchFiles(QStringList fileIds, QByteArray collected);
    // Results read from what the api answered (customIds: the submitted order, for Gemini's
    // answers without their key); resultsReceived() or failed() naming the line.
    void readResults(const QByteArray& body, const QStringList& customIds = {});
    // The api's path for a job ("batches/ID", "batch/jobs/ID", "openai/batches/ID"), a file, ...
    QString path(const QString& relative) const;

    ProviderClient* m_client;
    ProviderConfig m_provider;
    BatchApi m_api = BatchApi::OpenAi;
    QPointer<HttpExchange> m_exchange;
    QByteArray m_body;
    QTimer m_timeout;
};
