#pragma once

#include "core/batch/BatchApi.h"
#include "core/batch/BatchInput.h"
#include "core/batch/BatchState.h"
#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A batch job as the provider reports it (OpenAI's and Azure's batch object, Anthropic's
// message_batch, Mistral's batch job, Gemini's batch operation).
struct BatchStatus
{
    QString id;
    BatchState state = BatchState::Validating;
    int total = 0;
    int succeeded = 0;
    int failed = 0; // errored, expired and cancelled requests
    QString outputFileId; // OpenAI, Azure, Mistral: the answers; empty until there are some
    QString errorFileId; // the requests that failed
    QStringList errors; // the input file's validation errors ("line 3: ...")
};

// One request's result.
struct BatchResult
{
    QString customId;
    bool ok = false;
    TokenUsage usage; // batch = true
    QString text;
    QString finishReason;
    QString error; // why it failed ("errored: invalid_request_error: ...", "expired")
    // Anthropic's "canceled" and "expired" results: never run, nothing billed, so no ledger row.
    bool notRun = false;
};

// The batch APIs as pure functions from values to bytes and back:
// - OpenAI (and OpenAI-compatible providers that offer it): the requests as a JSONL file uploaded
//   to POST files (multipart, purpose "batch"), POST batches {input_file_id, endpoint
//   "/v1/chat/completions", completion_window "24h"}, GET batches/{id}, the output and error
//   files from GET files/{id}/content, each line {custom_id, response: {status_code, body}, error}.
// - Azure OpenAI (global batch deployments): the same objects at openai/files and openai/batches
//   (?api-version=, or the v1 API's files and batches), endpoint and each line's url
//   "/chat/completions", each body's model the deployment's name.
// - Mistral: the JSONL of {custom_id, body} (no model: the job names it) uploaded to POST files
//   (purpose "batch"), POST batch/jobs {input_files, model, endpoint "/v1/chat/completions",
//   metadata}, GET batch/jobs/{id} (status QUEUED, RUNNING, SUCCESS, FAILED, TIMEOUT_EXCEEDED,
//   CANCELLATION_REQUESTED, CANCELLED; output_file, error_file, errors [{message, count}]),
//   POST batch/jobs/{id}/cancel, the files' lines shaped as OpenAI's.
// - Anthropic: POST messages/batches {requests: [{custom_id, params}]}, GET messages/batches/{id}
//   (processing_status in_progress, canceling, ended), GET messages/batches/{id}/results, each
//   line {custom_id, result: {type: succeeded|errored|canceled|expired, message|error}}.
// - Gemini (native API): POST models/{model}:batchGenerateContent {batch: {displayName,
//   inputConfig: {requests: {requests: [{request: GenerateContentRequest, metadata: {key}}]}}}}
//   (inline, at most 20 MB), answered with a long-running Operation {name: "batches/ID",
//   metadata: the batch (state BATCH_STATE_PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED,
//   EXPIRED; batchStats with its counts as int64 strings)}; GET batches/{id} the same Operation,
//   once done with response.inlinedResponses.inlinedResponses [{response | error, metadata}];
//   POST batches/{id}:cancel answers {}. The id kept is the part after "batches/". Over 20 MB the
//   requests go as a JSONL file of {key, request} lines uploaded through the Files API (resumable:
//   POST upload/v1beta/files to start, then the session URL to upload and finalize), named by
//   inputConfig.fileName; the answers come as response.responsesFile, a JSONL file of {key,
//   response | error} lines downloaded from download/v1beta/files/{id}:download?alt=media.
// Bedrock's S3 batch inference is not supported.
class BatchWire final
{
    Q_DECLARE_TR_FUNCTIONS(BatchWire)

public:
    // Google's limit for a batch sent inline (the Batch API guide: "total request size under
    // 20MB"); a larger one goes as a file through the Files API.
    static constexpr qsizetype GeminiInlineLimitBytes = 20 * 1000 * 1000;

    // What a provider is sent: the JSONL input file (Gemini's: {key, request} lines), or
    // Anthropic's create body. A line the provider's format cannot carry is refused as
    // FILE:LINE: field: why; nothing is sent then.
    static std::optional<QByteArray> payload(BatchApi api, const QString& upstreamModel, const QList<BatchItem>& items,
                                             const QString& fileName, QString* error);
    // The file upload as multipart/form-data: purpose=batch and the file.
    static QByteArray multipartUpload(const QByteArray& jsonl, const QString& fileName, const QByteArray& boundary);
    // The create body once the file is uploaded (OpenAI, Azure, Mistral).
    static QByteArray createBody(BatchApi api, const QString& inputFileId, const QString& upstreamModel,
                                 const QString& fileName);
    // The id of an uploaded file (a file object); empty + error when it is not one.
    static QString uploadedFileId(const QByteArray& json, QString* error);
    // Gemini's create body: the payload's lines inline ({request, metadata: {key}}), or the name
    // of the uploaded file of them ("files/abc").
    static QByteArray geminiInlineBody(const QByteArray& jsonl, const QString& displayName);
    static QByteArray geminiFileBody(const QString& file, const QString& displayName);
    // The name ("files/abc") of a file the Files API's upload answered ({"file": {...}}); empty +
    // error when it is none.
    static QString geminiUploadedFile(const QByteArray& json, QString* error);

    static std::optional<BatchStatus> parseStatus(BatchApi api, const QByteArray& json, QString* error);
    // Every line of a results file; a line that cannot be read fails the whole file. Gemini: the
    // batch Operation (GET batches/{id}) whose inline responses are the results, or its responses
    // file ({key, response | error} lines); an answer without its key takes the custom id of its
    // place in `customIds` (the input order, as Google writes them).
    static std::optional<QList<BatchResult>> parseResults(BatchApi api, const QByteArray& jsonl, QString* error,
                                                          const QStringList& customIds = {});
    // The provider's error envelope in one line ("HTTP 404: No batch found with id 'batch_x'.").
    static QString errorMessage(int status, const QByteArray& body);
};
