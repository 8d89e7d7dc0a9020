#include "core/batch/BatchWire.h"

#include "core/providers/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

int count(const QJsonObject& counts, const char* key)
{
    return counts.value(QLatin1String(key)).toInt();
}

std::optional<BatchState> openAiState(const QString& status)
{
    static const std::pair<const char*, BatchState> kStates[] = {
        { "validating", BatchState::Validating }, { "in_progress", BatchState::InProgress },
        { "finalizing", BatchState::Finalizing }, { "completed", BatchState::Ended },
        { "failed", BatchState::Failed },         { "expired", BatchState::Expired },
        { "cancelling", BatchState::Cancelling }, { "cancelled", BatchState::Cancelled },
    };
    for (const auto& [id, state] : kStates) {
        if (status == QLatin1String(id)) {
            return state;
        }
    }
    return std::nullopt;
}

std::optional<BatchState> mistralState(const QString& status)
{
    static const std::pair<const char*, BatchState> kStates[] = {
        { "QUEUED", BatchState::Queued },
        { "RUNNING", BatchState::InProgress },
        { "SUCCESS", BatchState::Ended },
        { "FAILED", BatchState::Failed },
        { "TIMEOUT_EXCEEDED", BatchState::Expired },
        { "CANCELLATION_REQUESTED", BatchState::Cancelling },
        { "CANCELLED", BatchState::Cancelled },
    };
    for (const auto& [id, state] : kStates) {
        if (status == QLatin1String(id)) {
            return state;
        }
    }
    return std::nullopt;
}

// The REST API's BATCH_STATE_* words; the SDKs' JOB_STATE_* names (which the Batch API guide's
// shell example compares with) read the same.
std::optional<BatchState> geminiState(const QString& state)
{
    static const std::pair<const char*, BatchState> kStates[] = {
        { "PENDING", BatchState::Queued }, { "RUNNING", BatchState::InProgress },  { "SUCCEEDED", BatchState::Ended },
        { "FAILED", BatchState::Failed },  { "CANCELLED", BatchState::Cancelled }, { "EXPIRED", BatchState::Expired },
    };
    for (const char* prefix : { "BATCH_STATE_", "JOB_STATE_" }) {
        if (!state.startsWith(QLatin1String(prefix))) {
            continue;
        }
        const QStringView word = QStringView(state).sliced(qsizetype(qstrlen(prefix)));
        for (const auto& [id, value] : kStates) {
            if (word == QLatin1String(id)) {
                return value;
            }
        }
    }
    return std::nullopt;
}

// Gemini's batchStats counts are int64, which proto3 JSON writes as strings ("3").
int int64Count(const QJsonObject& stats, const char* key)
{
    const QJsonValue value = stats.value(QLatin1String(key));
    return value.isString() ? value.toString().toInt() : value.toInt();
}

std::optional<BatchState> anthropicState(const QString& status, const QJsonObject& counts)
{
    if (status == QLatin1String("in_progress")) {
        return BatchState::InProgress;
    }
    if (status == QLatin1String("canceling")) {
        return BatchState::Cancelling;
    }
    if (status != QLatin1String("ended")) {
        return std::nullopt;
    }
    // An ended batch that was cancelled, or ran out of time, says so in its counts.
    if (count(counts, "canceled") > 0) {
        return BatchState::Cancelled;
    }
    return count(counts, "expired") > 0 ? BatchState::Expired : BatchState::Ended;
}

// The chat dialect of a batch API's request and answer bodies.
ProviderKind bodyKind(BatchApi api)
{
    return api == BatchApi::Gemini    ? ProviderKind::Gemini
        : BatchApis::isAnthropic(api) ? ProviderKind::AnthropicMessages
                                      : ProviderKind::OpenAiCompatible;
}

// A decoded answer body's text and usage, billed at the batch rates.
BatchResult answered(BatchApi api, const QString& customId, const QJsonObject& body)
{
    const WireDelta delta = WireFormat::create(bodyKind(api))->decodeResponse(compact(body));
    BatchResult result;
    result.customId = customId;
    result.ok = !delta.error;
    result.text = delta.text;
    result.finishReason = delta.finishReason;
    result.usage = delta.usage.value_or(TokenUsage {});
    result.usage.batch = true;
    if (delta.error) {
        result.error = delta.error->message;
    }
    return result;
}

QString envelopeMessage(const QJsonObject& body)
{
    // OpenAI: {"error": {"message", "type", "code"}}; Anthropic: {"type": "error", "error": {"type", "message"}};
    // Azure: {"error": {"code", "message"}}; Mistral: {"object": "error", "message", "type", "code"}.
    const QJsonObject error
        = body.value(QLatin1String("error")).isObject() ? body.value(QLatin1String("error")).toObject() : body;
    // Google's google.rpc.Status names its kind in "status" ("NOT_FOUND").
    const QString type
        = error.value(QLatin1String(error.contains(QLatin1String("type")) ? "type" : "status")).toString();
    const QString message = error.value(QLatin1String("message")).toString();
    return type.isEmpty() || message.startsWith(type) ? message : type + QStringLiteral(": ") + message;
}
} // namespace

std::optional<QByteArray> BatchWire::payload(BatchApi api, const QString& upstreamModel, const QList<BatchItem>& items,
                                             const QString& fileName, QString* error)
{
    const std::unique_ptr<WireFormat> wire = WireFormat::create(bodyKind(api));
    QByteArray jsonl;
    QJsonArray requests;
    for (const BatchItem& item : items) {
        ChatRequest request;
        request.clientBody = item.body;
        request.clientFormat = ProviderKind::OpenAiCompatible;
        request.stream = false;
        request.maxTokens = item.maxTokens;
        const RequestBody body = wire->requestBody(upstreamModel, request);
        if (body.refusal) {
            *error = body.refusal->param.isEmpty()
                ? QStringLiteral("%1:%2: %3").arg(fileName).arg(item.line).arg(body.refusal->message)
                : QStringLiteral("%1:%2: \"%3\": %4")
                      .arg(fileName)
                      .arg(item.line)
                      .arg(body.refusal->param, body.refusal->message);
            return std::nullopt;
        }
        QJsonObject params = QJsonDocument::fromJson(body.bytes.join()).object();
        switch (api) {
        case BatchApi::Gemini:
            // The input file's lines: the custom id as the key Google gives back with each answer.
            jsonl
                += compact({ { QStringLiteral("key"), item.customId }, { QStringLiteral("request"), params } }) + '\n';
            break;
        case BatchApi::Anthropic:
            requests.append(
                QJsonObject { { QStringLiteral("custom_id"), item.customId }, { QStringLiteral("params"), params } });
            break;
        case BatchApi::Mistral:
            params.remove(QStringLiteral("model")); // one model per job, named by the job
            jsonl += compact({ { QStringLiteral("custom_id"), item.customId }, { QStringLiteral("body"), params } })
                + '\n';
            break;
        case BatchApi::OpenAi:
        case BatchApi::Azure:
            // Azure's lines name the deployment-relative path; the body's model is the deployment.
            jsonl += compact({ { QStringLiteral("custom_id"), item.customId },
                               { QStringLiteral("method"), QStringLiteral("POST") },
                               { QStringLiteral("url"),
                                 api == BatchApi::Azure ? QStringLiteral("/chat/completions")
                                                        : QStringLiteral("/v1/chat/completions") },
                               { QStringLiteral("body"), params } })
                + '\n';
            break;
        }
    }
    if (api == BatchApi::Anthropic) {
        return compact({ { QStringLiteral("requests"), requests } });
    }
    return jsonl;
}

QByteArray BatchWire::geminiInlineBody(const QByteArray& jsonl, const QString& displayName)
{
    QJsonArray requests;
    for (const QByteArray& line : jsonl.split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.isEmpty()) {
            continue;
        }
        // Inline, the key rides in the request's metadata, which Google gives back with its answer.
        requests.append(
            QJsonObject { { QStringLiteral("request"), entry.value(QLatin1String("request")) },
                          { QStringLiteral("metadata"),
                            QJsonObject { { QStringLiteral("key"), entry.value(QLatin1String("key")) } } } });
    }
    const QJsonObject input { { QStringLiteral("requests"),
                                QJsonObject { { QStringLiteral("requests"), requests } } } };
    return compact({ { QStringLiteral("batch"),
                       QJsonObject { { QStringLiteral("displayName"), displayName },
                                     { QStringLiteral("inputConfig"), input } } } });
}

QByteArray BatchWire::geminiFileBody(const QString& file, const QString& displayName)
{
    return compact({ { QStringLiteral("batch"),
                       QJsonObject { { QStringLiteral("displayName"), displayName },
                                     { QStringLiteral("inputConfig"),
                                       QJsonObject { { QStringLiteral("fileName"), file } } } } } });
}

QString BatchWire::geminiUploadedFile(const QByteArray& json, QString* error)
{
    const QString name = QJsonDocument::fromJson(json)
                             .object()
                             .value(QLatin1String("file"))
                             .toObject()
                             .value(QLatin1String("name"))
                             .toString();
    if (!name.startsWith(QLatin1String("files/"))) {
        *error = tr("the upload was not answered with a file named files/ID");
        return {};
    }
    return name;
}

QByteArray BatchWire::multipartUpload(const QByteArray& jsonl, const QString& fileName, const QByteArray& boundary)
{
    QByteArray name = fileName.toUtf8();
    name.replace('"', "%22");
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/jsonl\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
}

QByteArray BatchWire::createBody(BatchApi api, const QString& inputFileId, const QString& upstreamModel,
                                 const QString& fileName)
{
    if (api == BatchApi::Mistral) {
        return compact({ { QStringLiteral("input_files"), QJsonArray { inputFileId } },
                         { QStringLiteral("model"), upstreamModel },
                         { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
                         { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("input"), fileName } } } });
    }
    return compact(
        { { QStringLiteral("input_file_id"), inputFileId },
          { QStringLiteral("endpoint"),
            api == BatchApi::Azure ? QStringLiteral("/chat/completions") : QStringLiteral("/v1/chat/completions") },
          { QStringLiteral("completion_window"), QStringLiteral("24h") } });
}

QString BatchWire::uploadedFileId(const QByteArray& json, QString* error)
{
    const QJsonObject file = QJsonDocument::fromJson(json).object();
    if (file.value(QLatin1String("object")).toString() != QLatin1String("file")
        || file.value(QLatin1String("id")).toString().isEmpty()) {
        *error = tr("the upload was not answered with a file object");
        return {};
    }
    return file.value(QLatin1String("id")).toString();
}

std::optional<BatchStatus> BatchWire::parseStatus(BatchApi api, const QByteArray& json, QString* error)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    BatchStatus status;
    status.id = object.value(QLatin1String("id")).toString();
    const QJsonObject counts = object.value(QLatin1String("request_counts")).toObject();
    std::optional<BatchState> state;
    if (api == BatchApi::Gemini) {
        // The create answer and GET batches/{id} are both the batch's Operation, the batch in its metadata.
        const QJsonObject batch = object.value(QLatin1String("metadata")).toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        status.id = name.startsWith(QLatin1String("batches/")) ? name.mid(8) : QString();
        state = geminiState(batch.value(QLatin1String("state")).toString());
        const QJsonObject stats = batch.value(QLatin1String("batchStats")).toObject();
        status.total = int64Count(stats, "requestCount");
        status.succeeded = int64Count(stats, "successfulRequestCount");
        status.failed = int64Count(stats, "failedRequestCount");
        if (const QJsonObject failure = object.value(QLatin1String("error")).toObject(); !failure.isEmpty()) {
            status.errors << envelopeMessage(failure);
        }
        // A batch sent as a file answers in a file; its operation's response names it (metadata.output mirrors it).
        status.outputFileId
            = object.value(QLatin1String("response")).toObject().value(QLatin1String("responsesFile")).toString();
        if (status.outputFileId.isEmpty()) {
            status.outputFileId
                = batch.value(QLatin1String("output")).toObject().value(QLatin1String("responsesFile")).toString();
        }
    } else if (api == BatchApi::Mistral) {
        state = mistralState(object.value(QLatin1String("status")).toString());
        status.total = count(object, "total_requests");
        status.succeeded = count(object, "succeeded_requests");
        status.failed = count(object, "failed_requests");
        status.outputFileId = object.value(QLatin1String("output_file")).toString();
        status.errorFileId = object.value(QLatin1String("error_file")).toString();
        for (const QJsonValue& value : object.value(QLatin1String("errors")).toArray()) {
            const QJsonObject entry = value.toObject();
            const int times = entry.value(QLatin1String("count")).toInt(1);
            status.errors << (times > 1
                                  ? tr("%1 (%2 times)").arg(entry.value(QLatin1String("message")).toString()).arg(times)
                                  : entry.value(QLatin1String("message")).toString());
        }
    } else if (api == BatchApi::Anthropic) {
        state = object.value(QLatin1String("type")).toString() == QLatin1String("message_batch")
            ? anthropicState(object.value(QLatin1String("processing_status")).toString(), counts)
            : std::nullopt;
        status.succeeded = count(counts, "succeeded");
        status.failed = count(counts, "errored") + count(counts, "canceled") + count(counts, "expired");
        status.total = status.succeeded + status.failed + count(counts, "processing");
    } else {
        state = object.value(QLatin1String("object")).toString() == QLatin1String("batch")
            ? openAiState(object.value(QLatin1String("status")).toString())
            : std::nullopt;
        status.total = count(counts, "total");
        status.succeeded = count(counts, "completed");
        status.failed = count(counts, "failed");
        status.outputFileId = object.value(QLatin1String("output_file_id")).toString();
        status.errorFileId = object.value(QLatin1String("error_file_id")).toString();
        for (const QJsonValue& value :
             object.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray()) {
            const QJsonObject entry = value.toObject();
            const QString message = entry.value(QLatin1String("message")).toString();
            status.errors << (entry.value(QLatin1String("line")).isDouble()
                                  ? tr("line %1: %2").arg(entry.value(QLatin1String("line")).toInt()).arg(message)
                                  : message);
        }
    }
    if (!state || status.id.isEmpty()) {
        *error = api == BatchApi::Anthropic ? tr("expected a message_batch object with a processing_status")
            : api == BatchApi::Gemini       ? tr("expected a batch operation named batches/ID with a state")
                                            : tr("expected a batch object with a status");
        return std::nullopt;
    }
    status.state = *state;
    return status;
}

std::optional<QList<BatchResult>> BatchWire::parseResults(BatchApi api, const QByteArray& jsonl, QString* error,
                                                          const QStringList& customIds)
{
    QList<BatchResult> results;
    if (api == BatchApi::Gemini) {
        // One answer: {response} or {error} (a google.rpc.Status), with its key; without one (python-genai
        // #2008) the custom id of its place, as Google answers in the input's order.
        auto read = [&](const QJsonObject& item, const QString& itemKey, qsizetype index, const QString& place) {
            const QString key = itemKey.isEmpty() ? customIds.value(index) : itemKey;
            if (key.isEmpty()) {
                *error = tr("%1: no key to tell which request it answers").arg(place);
                return false;
            }
            if (item.value(QLatin1String("response")).isObject()) {
                results.append(answered(api, key, item.value(QLatin1String("response")).toObject()));
                return true;
            }
            if (!item.value(QLatin1String("error")).isObject()) {
                *error = tr("%1: expected a response or an error").arg(place);
                return false;
            }
            BatchResult result;
            result.customId = key;
            result.usage.batch = true;
            const QJsonObject failure = item.value(QLatin1String("error")).toObject();
            const QString message = envelopeMessage(failure);
            result.error = failure.contains(QLatin1String("status"))
                ? message
                : QStringLiteral("%1: %2").arg(failure.value(QLatin1String("code")).toInt()).arg(message);
            results.append(result);
            return true;
        };
        const QJsonDocument document = QJsonDocument::fromJson(jsonl);
        if (!document.object().contains(QLatin1String("name"))) {
            // The responses file: one {key, response | error} per line.
            const QList<QByteArray> lines = jsonl.split('\n');
            qsizetype answers = 0;
            for (qsizetype index = 0; index < lines.size(); ++index) {
                if (lines[index].trimmed().isEmpty()) {
                    continue;
                }
                const QJsonObject item = QJsonDocument::fromJson(lines[index]).object();
                if (!read(item, item.value(QLatin1String("key")).toString(), answers++,
                          tr("results line %1").arg(index + 1))) {
                    return std::nullopt;
                }
            }
            return results;
        }
        const QJsonObject operation = document.object();
        // The operation's response is the output; its metadata.output mirrors it.
        QJsonObject output = operation.value(QLatin1String("response")).toObject();
        if (!output.contains(QLatin1String("inlinedResponses"))) {
            output = operation.value(QLatin1String("metadata")).toObject().value(QLatin1String("output")).toObject();
        }
        const QJsonArray inlined = output.value(QLatin1String("inlinedResponses"))
                                       .toObject()
                                       .value(QLatin1String("inlinedResponses"))
                                       .toArray();
        for (qsizetype index = 0; index < inlined.size(); ++index) {
            const QJsonObject item = inlined[index].toObject();
            if (!read(item, item.value(QLatin1String("metadata")).toObject().value(QLatin1String("key")).toString(),
                      index, tr("inline response %1").arg(index + 1))) {
                return std::nullopt;
            }
        }
        return results;
    }
    const QList<QByteArray> lines = jsonl.split('\n');
    for (int index = 0; index < lines.size(); ++index) {
        const QByteArray line = lines[index].trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const QString customId = object.value(QLatin1String("custom_id")).toString();
        if (customId.isEmpty()) {
            *error = tr("results line %1: expected an object with a custom_id").arg(index + 1);
            return std::nullopt;
        }
        BatchResult result;
        result.customId = customId;
        result.usage.batch = true;
        if (api == BatchApi::Anthropic) {
            const QJsonObject outcome = object.value(QLatin1String("result")).toObject();
            const QString type = outcome.value(QLatin1String("type")).toString();
            if (type == QLatin1String("succeeded")) {
                result = answered(api, customId, outcome.value(QLatin1String("message")).toObject());
            } else if (type == QLatin1String("errored")) {
                result.error = envelopeMessage(outcome.value(QLatin1String("error")).toObject());
            } else if (type == QLatin1String("canceled") || type == QLatin1String("expired")) {
                result.error = type;
                result.notRun = true;
            } else {
                *error = tr("results line %1: unknown result type \"%2\"").arg(index + 1).arg(type);
                return std::nullopt;
            }
        } else {
            const QJsonObject response = object.value(QLatin1String("response")).toObject();
            const int statusCode = response.value(QLatin1String("status_code")).toInt();
            const QJsonObject body = response.value(QLatin1String("body")).toObject();
            if (statusCode >= 200 && statusCode < 300) {
                result = answered(api, customId, body);
            } else if (!response.isEmpty()) {
                result.error = QStringLiteral("HTTP %1: %2").arg(statusCode).arg(envelopeMessage(body));
            } else {
                const QJsonObject failure = object.value(QLatin1String("error")).toObject();
                result.error = failure.value(QLatin1String("code")).toString() + QStringLiteral(": ")
                    + failure.value(QLatin1String("message")).toString();
            }
        }
        results.append(result);
    }
    return results;
}

QString BatchWire::errorMessage(int status, const QByteArray& body)
{
    const QString message = envelopeMessage(QJsonDocument::fromJson(body).object());
    return message.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                             : QStringLiteral("HTTP %1: %2").arg(status).arg(message);
}
