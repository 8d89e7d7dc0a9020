#pragma once

#include "core/batch/BatchInput.h"
#include "core/batch/BatchState.h"
#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A batch job as the provider reports it (OpenAI's batch object, Anthropic's message_batch).
struct BatchStatus
{
    QString id;
    BatchState state = BatchState::Validating;
    int total = 0;
    int succeeded = 0;
    int failed = 0; // errored, expired and cancelled requests
    QString outputFileId; // OpenAI: the answers; empty until there are some
    QString errorFileId; // OpenAI: the requests that failed
    QStringList errors; // OpenAI's validation errors of the input file ("line 3: ...")
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

// The two batch APIs as pure functions from values to bytes and back:
// - OpenAI (and OpenAI-compatible providers that offer it): the requests as a JSONL file uploaded
//   to POST files (multipart, purpose "batch"), POST batches {input_file_id, endpoint
//   "/v1/chat/completions", completion_window "24h"}, GET batches/{id}, the output and error
//   files from GET files/{id}/content, each line {custom_id, response: {status_code, body}, error}.
// - Anthropic: POST messages/batches {requests: [{custom_id, params}]}, GET messages/batches/{id}
//   (processing_status in_progress, canceling, ended), GET messages/batches/{id}/results, each
//   line {custom_id, result: {type: succeeded|errored|canceled|expired, message|error}}.
// Azure OpenAI's global batch deployments and Bedrock's S3 batch inference are not supported.
class BatchWire final
{
    Q_DECLARE_TR_FUNCTIONS(BatchWire)

public:
    static bool supports(ProviderKind kind);

    // What a provider is sent: OpenAI's JSONL input file, or Anthropic's create body. A line the
    // provider's format cannot carry is refused as FILE:LINE: field: why; nothing is sent then.
    static std::optional<QByteArray> payload(ProviderKind kind, const QString& upstreamModel,
                                             const QList<BatchItem>& items, const QString& fileName, QString* error);
    // OpenAI's file upload as multipart/form-data: purpose=batch and the file.
    static QByteArray multipartUpload(const QByteArray& jsonl, const QString& fileName, const QByteArray& boundary);
    static QByteArray openAiCreateBody(const QString& inputFileId);
    // The id of an uploaded file (OpenAI's file object); empty + error when it is not one.
    static QString uploadedFileId(const QByteArray& json, QString* error);

    static std::optional<BatchStatus> parseStatus(ProviderKind kind, const QByteArray& json, QString* error);
    // Every line of a results file; a line that cannot be read fails the whole file.
    static std::optional<QList<BatchResult>> parseResults(ProviderKind kind, const QByteArray& jsonl, QString* error);
    // The provider's error envelope in one line ("HTTP 404: No batch found with id 'batch_x'.").
    static QString errorMessage(int status, const QByteArray& body);
};
