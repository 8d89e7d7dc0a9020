#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

struct HttpRequest;

// The providers' batch APIs as documented, for the sandbox's OpenAI and Anthropic providers:
// - OpenAI: POST files (multipart/form-data, purpose "batch"), GET files/{id}/content, POST
//   batches ({input_file_id, endpoint "/v1/chat/completions", completion_window "24h"}),
//   GET batches/{id}, POST batches/{id}/cancel. The input file is validated when the job is
//   created; a bad line fails the whole job (status "failed", errors.data with the line) and
//   nothing is answered or billed.
// - Anthropic: POST messages/batches ({requests: [{custom_id, params}]}, custom_ids unique and
//   1-64 of [A-Za-z0-9_-], checked at once with a 400), GET messages/batches/{id},
//   GET messages/batches/{id}/results (JSONL, once the batch has ended),
//   POST messages/batches/{id}/cancel.
// A job runs when it is polled: the first GET shows it in progress, the second one ended, each
// request then answered through the Answerer exactly as the provider's own endpoint would.
// A cancel of a running job answers it "cancelling" (Anthropic "canceling"); the next GET shows it
// cancelled (Anthropic: ended) with the first half of its requests (rounded up) answered, those
// that finished before the cancel took effect: OpenAI's output file holds only those, Anthropic's
// results name the others "canceled". A job that has ended already is answered as it stands.
class SandboxBatches final
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };
    // One request's answer (status and body) as the chat/messages endpoint gives it.
    using Answerer = std::function<std::pair<int, QByteArray>(const QByteArray& body)>;

    // nullopt when the path is no batch path of that API (the server answers its 404 then).
    std::optional<Reply> openAi(const HttpRequest& request, QByteArrayView rest, const Answerer& answer);
    std::optional<Reply> anthropic(const HttpRequest& request, QByteArrayView rest, const QByteArray& resultsBase,
                                   const Answerer& answer);

    // What reached the server: requests to the batch endpoints, and the requests run in jobs.
    int endpointRequests() const { return m_endpointRequests; }
    int uploads() const { return m_uploads; }
    int jobsCreated() const { return m_jobsCreated; }
    int requestsRun() const { return m_requestsRun; }
    // A job's input as received (OpenAI: the uploaded JSONL; Anthropic: the create body).
    QByteArray jobInput(const QString& jobId) const;

private:
    struct File
    {
        QByteArray name;
        QByteArray purpose;
        QByteArray bytes;
        qint64 createdAt = 0;
    };
    struct OpenAiJob
    {
        QString id;
        QString inputFileId;
        qint64 createdAt = 0;
        int polls = 0;
        QByteArray status = "validating";
        int total = 0;
        int completed = 0;
        int failed = 0;
        QString outputFileId;
        QString errorFileId;
        QByteArray errors; // errors.data as JSON, "null" when none
        qint64 cancellingAt = 0;
        qint64 cancelledAt = 0;
    };
    struct AnthropicJob
    {
        QString id;
        QByteArray body;
        QList<std::pair<QString, QByteArray>> requests; // custom_id, params
        qint64 createdAt = 0;
        int polls = 0;
        bool ended = false;
        int succeeded = 0;
        int errored = 0;
        int canceled = 0;
        qint64 cancelInitiatedAt = 0;
        QByteArray results;
    };

    Reply upload(const HttpRequest& request);
    Reply createOpenAiJob(const HttpRequest& request);
    void advance(OpenAiJob& job, const Answerer& answer);
    // Answers the job's first `count` requests into its output and error files.
    void run(OpenAiJob& job, const Answerer& answer, int count);
    QByteArray openAiJobJson(const OpenAiJob& job) const;
    Reply createAnthropicJob(const HttpRequest& request);
    void advance(AnthropicJob& job, const Answerer& answer);
    QByteArray anthropicJobJson(const AnthropicJob& job, const QByteArray& resultsBase) const;
    QString nextId(const char* prefix);

    QHash<QString, File> m_files;
    QHash<QString, OpenAiJob> m_openAiJobs;
    QHash<QString, AnthropicJob> m_anthropicJobs;
    quint64 m_next = 1;
    int m_endpointRequests = 0;
    int m_uploads = 0;
    int m_jobsCreated = 0;
    int m_requestsRun = 0;
};
