#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

struct HttpRequest;

// The providers' batch APIs as documented, for the sandbox's OpenAI, Azure OpenAI, Mistral and
// Anthropic providers:
// - OpenAI: POST files (multipart/form-data, purpose "batch"), GET files/{id}/content, POST
//   batches ({input_file_id, endpoint "/v1/chat/completions", completion_window "24h"}),
//   GET batches/{id}, POST batches/{id}/cancel. The input file is validated when the job is
//   created; a bad line fails the whole job (status "failed", errors.data with the line) and
//   nothing is answered or billed.
// - Anthropic: POST messages/batches ({requests: [{custom_id, params}]}, custom_ids unique and
//   1-64 of [A-Za-z0-9_-], checked at once with a 400), GET messages/batches/{id},
//   GET messages/batches/{id}/results (JSONL, once the batch has ended),
//   POST messages/batches/{id}/cancel.
// - Azure OpenAI (global batch): OpenAI's objects at {endpoint}/openai/files and /openai/batches
//   (?api-version= required, 404 "Resource not found" without, as Azure answers) or the v1 API's
//   /openai/v1/files and /batches; endpoint and each line's url "/chat/completions", each body's
//   model a deployment; Azure's error envelope {"error": {"code", "message"}}.
// - Mistral: POST files (purpose "batch"), POST batch/jobs ({input_files, model, endpoint,
//   metadata}), GET batch/jobs/{id}, POST batch/jobs/{id}/cancel, GET files/{id}/content. Each
//   line {custom_id, body}, the job's model put into each body. QUEUED until the first GET, which
//   checks every line: a bad one fails the job (FAILED, errors [{message: "Line N: ...", count}])
//   and nothing runs; else RUNNING, then SUCCESS with output_file (and error_file for the requests
//   that failed, OpenAI-shaped lines); a cancel CANCELLATION_REQUESTED, then CANCELLED with the
//   first half run. Mistral's error envelope {"object": "error", "message", "type", "param", "code"}.
// - Gemini (sandbox-gemini-native): POST models/{model}:batchGenerateContent ({batch: {displayName,
//   inputConfig: {requests: {requests: [{request, metadata}]}}}}, camelCase or snake_case as
//   Google's JSON parser takes them, an unknown name a 400 INVALID_ARGUMENT naming it, a model not
//   served a 404), GET batches/{id}, POST batches/{id}:cancel (answers {}). Each answer is the
//   batch's long-running Operation: metadata the batch (BATCH_STATE_PENDING until the first GET,
//   then RUNNING, then SUCCEEDED; batchStats counts as int64 strings, zero ones left out as proto3
//   JSON does), once done "done": true and response (mirrored in metadata.output) with
//   inlinedResponses.inlinedResponses, each {response} or {error} (a google.rpc.Status) with its
//   request's metadata. A cancel makes the next GET CANCELLED with the first half run. An unknown
//   batch is Google's 404 {"error": {"code": 404, "message", "status": "NOT_FOUND"}}. A batch of
//   a file (inputConfig.fileName, uploaded through the Files API's resumable upload: start with
//   the size, then "upload, finalize" at the session URL; x-goog-upload-status active, then
//   final) reads its {key, request} lines and answers in a responses file of {key, response |
//   error} lines (response.responsesFile), downloaded with :download?alt=media.
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
    // An answer of Gemini's upload endpoint: its x-goog-upload-* headers besides the reply.
    struct UploadReply
    {
        Reply reply;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    // One request's answer (status and body) as the chat/messages endpoint gives it.
    using Answerer = std::function<std::pair<int, QByteArray>(const QByteArray& body)>;

    // nullopt when the path is no batch path of that API (the server answers its 404 then).
    std::optional<Reply> openAi(const HttpRequest& request, QByteArrayView rest, const Answerer& answer);
    std::optional<Reply> anthropic(const HttpRequest& request, QByteArrayView rest, const QByteArray& resultsBase,
                                   const Answerer& answer);
    // `rest` after the resource's /openai (or /openai/v1): /files..., /batches...
    std::optional<Reply> azure(const HttpRequest& request, QByteArrayView rest, const Answerer& answer);
    std::optional<Reply> mistral(const HttpRequest& request, QByteArrayView rest, const Answerer& answer);
    // One request of a Gemini batch: the batch's model and the GenerateContentRequest, answered as
    // generateContent would (status and body, an error in Google's envelope).
    using GeminiAnswerer = std::function<std::pair<int, QByteArray>(const QString& model, const QByteArray& body)>;
    // `rest` after the API's /v1beta; `models` the ones this provider serves.
    std::optional<Reply> gemini(const HttpRequest& request, QByteArrayView rest, const QStringList& models,
                                const GeminiAnswerer& answer);
    // Gemini's Files API for batch files: `rest` after .../upload/v1beta (POST files, resumable:
    // start, then upload + finalize at the session URL, which is `uploadBase` + "/files?upload_id=N")
    // or .../download/v1beta (GET files/{id}:download?alt=media).
    std::optional<UploadReply> geminiUpload(const HttpRequest& request, QByteArrayView rest,
                                            const QByteArray& uploadBase);
    std::optional<Reply> geminiDownload(const HttpRequest& request, QByteArrayView rest);

    // What reached the server: requests to the batch endpoints, and the requests run in jobs.
    int endpointRequests() const { return m_endpointRequests; }
    int uploads() const { return m_uploads; }
    int jobsCreated() const { return m_jobsCreated; }
    int requestsRun() const { return m_requestsRun; }
    // A job's input as received (OpenAI: the uploaded JSONL; Anthropic, Gemini: the create body).
    QByteArray jobInput(const QString& jobId) const;
    // A fault: the next output file written (OpenAI, Azure, Mistral) has its line `line` (1-based)
    // cut in half, as a truncated download would; 0 turns it off.
    void setMalformedOutputLine(int line) { m_malformedOutputLine = line; }
    // A fault: Gemini's upload start names its session URL on this host instead of 127.0.0.1.
    void setUploadUrlHost(const QByteArray& host) { m_uploadUrlHost = host; }

private:
    struct File
    {
        QByteArray name;
        QByteArray purpose;
        QByteArray bytes;
        qint64 createdAt = 0;
    };
    enum class Api
    {
        OpenAi,
        Azure,
        Mistral,
    };
    struct OpenAiJob
    {
        Api api = Api::OpenAi; // or Azure: the same objects, its own endpoint and error envelope
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

    struct MistralJob
    {
        QString id;
        QStringList inputFiles;
        QString model;
        QJsonObject metadata;
        qint64 createdAt = 0;
        qint64 startedAt = 0;
        qint64 completedAt = 0;
        QByteArray status = "QUEUED";
        int total = 0;
        int succeeded = 0;
        int failed = 0;
        QString outputFile;
        QString errorFile;
        QJsonArray errors; // [{message, count}]
    };

    struct GeminiJob
    {
        QString id; // without "batches/"
        QString model;
        QString displayName;
        QByteArray body; // the create body as received
        QString inputFile; // files/ID when the requests came as a file: the answers go to one too
        QString responsesFile;
        QList<std::pair<QJsonObject, QJsonValue>> requests; // request, metadata
        qint64 createdAt = 0;
        qint64 updatedAt = 0;
        QByteArray state = "BATCH_STATE_PENDING";
        bool cancelRequested = false;
        QJsonArray responses; // inlinedResponses
        int succeeded = 0;
        int failed = 0;
    };

    std::optional<Reply> openAiLike(Api api, const HttpRequest& request, QByteArrayView rest, const Answerer& answer);
    Reply upload(Api api, const HttpRequest& request);
    Reply createOpenAiJob(Api api, const HttpRequest& request);
    void advance(OpenAiJob& job, const Answerer& answer);
    // Answers the job's first `count` requests into its output and error files.
    void run(OpenAiJob& job, const Answerer& answer, int count);
    QByteArray openAiJobJson(const OpenAiJob& job) const;
    Reply createAnthropicJob(const HttpRequest& request);
    void advance(AnthropicJob& job, const Answerer& answer);
    QByteArray anthropicJobJson(const AnthropicJob& job, const QByteArray& resultsBase) const;
    QString nextId(const char* prefix);
    Reply createMistralJob(const HttpRequest& request);
    void advance(MistralJob& job, const Answerer& answer);
    // Answers the job's first `count` requests into its output and error files.
    void run(MistralJob& job, const Answerer& answer, int count);
    QByteArray mistralJobJson(const MistralJob& job) const;
    // The {custom_id, body} lines of the job's input files, the job's model in each body.
    QList<std::pair<QJsonValue, QJsonObject>> mistralRequests(const MistralJob& job) const;

    QHash<QString, File> m_files;
    QHash<QString, OpenAiJob> m_openAiJobs;
    QHash<QString, AnthropicJob> m_anthropicJobs;
    QHash<QString, MistralJob> m_mistralJobs;
    QHash<QString, GeminiJob> m_geminiJobs;
    QHash<QString, QByteArray> m_geminiFiles; // files/ID -> bytes
    QHash<QString, QByteArray> m_geminiUploads; // upload_id -> the started file's display name
    quint64 m_geminiNext = 1;
    QByteArray m_uploadUrlHost;
    Reply createGeminiJob(const HttpRequest& request, const QString& model, const QStringList& models);
    void advance(GeminiJob& job, const GeminiAnswerer& answer);
    QByteArray geminiJobJson(const GeminiJob& job) const;
    quint64 m_next = 1;
    int m_endpointRequests = 0;
    int m_uploads = 0;
    int m_jobsCreated = 0;
    int m_requestsRun = 0;
    int m_malformedOutputLine = 0;
    // Applies setMalformedOutputLine() to an output file's lines, once.
    void malform(QByteArray& output);
};
