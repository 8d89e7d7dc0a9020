#include "core/sandbox/SandboxBatches.h"

#include "core/common/Clock.h"
#include "core/http/HttpRequest.h"
#include "core/sandbox/SandboxGemini.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>
#include <QUuid>

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

qint64 now()
{
    return Clock::instance().currentDateTimeUtc().toSecsSinceEpoch();
}

QString rfc3339(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue orNull(const QString& value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

// OpenAI's error envelope.
SandboxBatches::Reply openAiError(int status, const QString& message, const QString& param = {},
                                  const QString& code = {})
{
    return { status, kJson,
             compact({ { QStringLiteral("error"),
                         QJsonObject { { QStringLiteral("message"), message },
                                       { QStringLiteral("type"), QStringLiteral("invalid_request_error") },
                                       { QStringLiteral("param"), orNull(param) },
                                       { QStringLiteral("code"), orNull(code) } } } }) };
}

// Azure's error envelope: a code and a message, no type.
SandboxBatches::Reply azureError(int status, const QString& code, const QString& message)
{
    return { status, kJson,
             compact(
                 { { QStringLiteral("error"),
                     QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } } }) };
}

// Mistral's error envelope.
SandboxBatches::Reply mistralError(int status, const QString& message,
                                   const QString& type = QStringLiteral("invalid_request_error"))
{
    return { status, kJson,
             compact({ { QStringLiteral("object"), QStringLiteral("error") },
                       { QStringLiteral("message"), message },
                       { QStringLiteral("type"), type },
                       { QStringLiteral("param"), QJsonValue() },
                       { QStringLiteral("code"), QJsonValue() } }) };
}

// OpenAI's envelope, or Azure's for the same refusal (Azure's has a code and a message only).
SandboxBatches::Reply refusal(bool azure, int status, const QString& message, const QString& param = {},
                              const QString& code = {})
{
    return azure ? azureError(status, code.isEmpty() ? QString::number(status) : code, message)
                 : openAiError(status, message, param, code);
}

// Anthropic's error envelope.
SandboxBatches::Reply anthropicError(int status, const QString& type, const QString& message)
{
    return { status, kJson,
             compact(
                 { { QStringLiteral("type"), QStringLiteral("error") },
                   { QStringLiteral("error"),
                     QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("message"), message } } } }) };
}

// The parts of a multipart/form-data body by field name: (filename, content).
QHash<QByteArray, std::pair<QByteArray, QByteArray>> formParts(const HttpRequest& request)
{
    QHash<QByteArray, std::pair<QByteArray, QByteArray>> parts;
    const QByteArray type = request.header("content-type");
    const qsizetype at = type.indexOf("boundary=");
    if (!type.startsWith("multipart/form-data") || at < 0) {
        return parts;
    }
    QByteArray boundary = type.mid(at + 9);
    if (boundary.startsWith('"')) {
        boundary = boundary.mid(1, boundary.indexOf('"', 1) - 1);
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype from = request.body.indexOf(delimiter);
    while (from >= 0) {
        from += delimiter.size();
        if (request.body.mid(from, 2) == "--") {
            break;
        }
        const qsizetype next = request.body.indexOf("\r\n" + delimiter, from);
        if (next < 0) {
            break;
        }
        const QByteArray section = request.body.mid(from + 2, next - from - 2); // after the CRLF
        const qsizetype split = section.indexOf("\r\n\r\n");
        if (split >= 0) {
            const QByteArray head = section.left(split);
            const QByteArray content = section.mid(split + 4);
            static const QRegularExpression name(QStringLiteral("name=\"([^\"]*)\""));
            static const QRegularExpression file(QStringLiteral("filename=\"([^\"]*)\""));
            const QString headText = QString::fromUtf8(head);
            const QByteArray field = name.match(headText).captured(1).toUtf8();
            parts.insert(field, { file.match(headText).captured(1).toUtf8(), content });
        }
        from = next + 2;
    }
    return parts;
}
} // namespace

void SandboxBatches::malform(QByteArray& output)
{
    QList<QByteArray> lines = output.split('\n');
    if (m_malformedOutputLine <= 0 || m_malformedOutputLine > lines.size()
        || lines[m_malformedOutputLine - 1].isEmpty()) {
        return;
    }
    QByteArray& line = lines[m_malformedOutputLine - 1];
    line.truncate(line.size() / 2);
    output = lines.join('\n');
    m_malformedOutputLine = 0;
}

QString SandboxBatches::nextId(const char* prefix)
{
    return QString::fromLatin1(prefix) + QStringLiteral("sandbox%1").arg(m_next++, 8, 10, QLatin1Char('0'));
}

QByteArray SandboxBatches::jobInput(const QString& jobId) const
{
    if (const auto job = m_openAiJobs.constFind(jobId); job != m_openAiJobs.cend()) {
        return m_files.value(job->inputFileId).bytes;
    }
    if (const auto job = m_mistralJobs.constFind(jobId); job != m_mistralJobs.cend()) {
        return m_files.value(job->inputFiles.value(0)).bytes;
    }
    if (const auto job = m_geminiJobs.constFind(jobId); job != m_geminiJobs.cend()) {
        return job->body;
    }
    return m_anthropicJobs.value(jobId).body;
}

std::optional<SandboxBatches::Reply> SandboxBatches::openAi(const HttpRequest& request, QByteArrayView rest,
                                                            const Answerer& answer)
{
    return openAiLike(Api::OpenAi, request, rest, answer);
}

std::optional<SandboxBatches::Reply> SandboxBatches::azure(const HttpRequest& request, QByteArrayView rest,
                                                           const Answerer& answer)
{
    return openAiLike(Api::Azure, request, rest, answer);
}

std::optional<SandboxBatches::Reply> SandboxBatches::openAiLike(Api api, const HttpRequest& request,
                                                                QByteArrayView rest, const Answerer& answer)
{
    const bool azure = api == Api::Azure;
    static const QRegularExpression fileContent(QStringLiteral("^/files/([^/]+)/content$"));
    static const QRegularExpression batch(QStringLiteral("^/batches/([^/]+)(/cancel)?$"));
    const QString path = QString::fromUtf8(rest);
    const QRegularExpressionMatch content = fileContent.match(path);
    const QRegularExpressionMatch job = batch.match(path);
    if (path != QLatin1String("/files") && path != QLatin1String("/batches") && !content.hasMatch()
        && !job.hasMatch()) {
        return std::nullopt;
    }
    ++m_endpointRequests;
    const bool post = request.method == "POST";
    const bool cancel = job.hasMatch() && !job.captured(2).isEmpty();
    if (post != (path == QLatin1String("/files") || path == QLatin1String("/batches") || cancel)) {
        return refusal(azure, 405, QStringLiteral("Method not allowed"));
    }
    if (path == QLatin1String("/files")) {
        return upload(api, request);
    }
    if (path == QLatin1String("/batches")) {
        return createOpenAiJob(api, request);
    }
    if (content.hasMatch()) {
        const auto file = m_files.constFind(content.captured(1));
        if (file == m_files.cend()) {
            return refusal(azure, 404, QStringLiteral("No such File object: %1").arg(content.captured(1)),
                           QStringLiteral("id"));
        }
        return Reply { 200, QByteArrayLiteral("application/octet-stream"), file->bytes };
    }
    const auto found = m_openAiJobs.find(job.captured(1));
    if (found == m_openAiJobs.end()) {
        return refusal(azure, 404, QStringLiteral("No batch found with id '%1'.").arg(job.captured(1)));
    }
    if (cancel) {
        if (found->status == "validating" || found->status == "in_progress") {
            found->status = "cancelling";
            found->cancellingAt = now();
        }
        return Reply { 200, kJson, openAiJobJson(*found) };
    }
    advance(*found, answer);
    return Reply { 200, kJson, openAiJobJson(*found) };
}

SandboxBatches::Reply SandboxBatches::upload(Api api, const HttpRequest& request)
{
    const bool azure = api == Api::Azure;
    const auto parts = formParts(request);
    if (api == Api::Mistral) {
        // Mistral's purposes; its file object counts the lines of a batch file.
        static const QSet<QByteArray> purposes { "fine-tune", "batch", "ocr" };
        if (!parts.contains("file") || !purposes.contains(parts.value("purpose").second)) {
            return mistralError(422,
                                parts.contains("file")
                                    ? QStringLiteral("purpose: Input should be 'fine-tune', 'batch' or 'ocr'")
                                    : QStringLiteral("file: Field required"));
        }
        ++m_uploads;
        const File file { parts.value("file").first, parts.value("purpose").second, parts.value("file").second, now() };
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_files.insert(id, file);
        return { 200, kJson,
                 compact({ { QStringLiteral("id"), id },
                           { QStringLiteral("object"), QStringLiteral("file") },
                           { QStringLiteral("bytes"), file.bytes.size() },
                           { QStringLiteral("created_at"), file.createdAt },
                           { QStringLiteral("filename"), QString::fromUtf8(file.name) },
                           { QStringLiteral("purpose"), QString::fromUtf8(file.purpose) },
                           { QStringLiteral("sample_type"), QStringLiteral("batch_request") },
                           { QStringLiteral("num_lines"), int(file.bytes.trimmed().count('\n') + 1) },
                           { QStringLiteral("source"), QStringLiteral("upload") } }) };
    }
    if (!parts.contains("purpose")) {
        return refusal(azure, 400, QStringLiteral("Missing required parameter: 'purpose'."), QStringLiteral("purpose"),
                       QStringLiteral("missing_required_parameter"));
    }
    if (!parts.contains("file")) {
        return refusal(azure, 400, QStringLiteral("Missing required parameter: 'file'."), QStringLiteral("file"),
                       QStringLiteral("missing_required_parameter"));
    }
    const QByteArray purpose = parts.value("purpose").second;
    static const QSet<QByteArray> purposes { "assistants", "batch", "fine-tune", "vision", "user_data", "evals" };
    if (!purposes.contains(purpose)) {
        return refusal(azure, 400,
                       QStringLiteral("'%1' is not one of ['assistants', 'batch', 'fine-tune', 'vision', "
                                      "'user_data', 'evals'] - 'purpose'")
                           .arg(QString::fromUtf8(purpose)),
                       QStringLiteral("purpose"), QStringLiteral("invalid_value"));
    }
    ++m_uploads;
    File file { parts.value("file").first, purpose, parts.value("file").second, now() };
    const QString id = nextId("file-");
    m_files.insert(id, file);
    return { 200, kJson,
             compact({ { QStringLiteral("id"), id },
                       { QStringLiteral("object"), QStringLiteral("file") },
                       { QStringLiteral("bytes"), file.bytes.size() },
                       { QStringLiteral("created_at"), file.createdAt },
                       { QStringLiteral("filename"), QString::fromUtf8(file.name) },
                       { QStringLiteral("purpose"), QString::fromUtf8(purpose) },
                       // Azure imports the file before a batch may use it; the sandbox has at once.
                       { QStringLiteral("status"), QStringLiteral("processed") } }) };
}

SandboxBatches::Reply SandboxBatches::createOpenAiJob(Api api, const HttpRequest& request)
{
    const bool azure = api == Api::Azure;
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        return refusal(azure, 400,
                       QStringLiteral("We could not parse the JSON body of your request. (HINT: This likely "
                                      "means you aren't using your HTTP library correctly. The OpenAI API "
                                      "expects a JSON payload, but what was sent was not valid JSON."));
    }
    for (const char* field : { "input_file_id", "endpoint", "completion_window" }) {
        if (!body.value(QLatin1String(field)).isString()) {
            return refusal(azure, 400, QStringLiteral("Missing required parameter: '%1'.").arg(QLatin1String(field)),
                           QLatin1String(field), QStringLiteral("missing_required_parameter"));
        }
    }
    const QString endpoint = body.value(QLatin1String("endpoint")).toString();
    static const QStringList endpoints { QStringLiteral("/v1/responses"), QStringLiteral("/v1/chat/completions"),
                                         QStringLiteral("/v1/embeddings"), QStringLiteral("/v1/completions") };
    // Azure's batches name the deployment-relative paths.
    static const QStringList azureEndpoints { QStringLiteral("/chat/completions"), QStringLiteral("/embeddings"),
                                              QStringLiteral("/responses") };
    if (azure && !azureEndpoints.contains(endpoint)) {
        return refusal(azure, 400,
                       QStringLiteral("The endpoint '%1' is not supported. Supported endpoints are "
                                      "'/chat/completions', '/embeddings' and '/responses'.")
                           .arg(endpoint),
                       QStringLiteral("endpoint"), QStringLiteral("invalid_value"));
    }
    if (!azure && !endpoints.contains(endpoint)) {
        return refusal(azure, 400,
                       QStringLiteral("Invalid value: '%1'. Supported values are: '/v1/responses', "
                                      "'/v1/chat/completions', '/v1/embeddings', and '/v1/completions'.")
                           .arg(endpoint),
                       QStringLiteral("endpoint"), QStringLiteral("invalid_value"));
    }
    const QString window = body.value(QLatin1String("completion_window")).toString();
    if (window != QLatin1String("24h")) {
        return refusal(azure, 400, QStringLiteral("Invalid value: '%1'. Supported values are: '24h'.").arg(window),
                       QStringLiteral("completion_window"), QStringLiteral("invalid_value"));
    }
    const QString fileId = body.value(QLatin1String("input_file_id")).toString();
    const auto file = m_files.constFind(fileId);
    if (file == m_files.cend()) {
        return refusal(azure, 404, QStringLiteral("No such File object: %1").arg(fileId), QStringLiteral("id"));
    }
    if (file->purpose != "batch") {
        return refusal(azure, 400,
                       QStringLiteral("The input file %1 was not uploaded with purpose 'batch'.").arg(fileId),
                       QStringLiteral("input_file_id"), QStringLiteral("invalid_value"));
    }
    ++m_jobsCreated;
    OpenAiJob job;
    job.api = api;
    job.id = nextId("batch_");
    job.inputFileId = fileId;
    job.createdAt = now();
    job.errors = "null";
    m_openAiJobs.insert(job.id, job);
    return { 200, kJson, openAiJobJson(job) };
}

// validating -> (first poll) in_progress, or failed when a line is bad -> (second poll) completed.
void SandboxBatches::advance(OpenAiJob& job, const Answerer& answer)
{
    ++job.polls;
    if (job.status == "validating") {
        QJsonArray errors;
        QSet<QString> ids;
        const QList<QByteArray> lines = m_files.value(job.inputFileId).bytes.split('\n');
        for (int index = 0; index < lines.size() && errors.isEmpty(); ++index) {
            if (lines[index].trimmed().isEmpty()) {
                continue;
            }
            auto error = [&](const QString& code, const QString& message, const QJsonValue& param) {
                errors.append(QJsonObject { { QStringLiteral("code"), code },
                                            { QStringLiteral("message"), message },
                                            { QStringLiteral("param"), param },
                                            { QStringLiteral("line"), index + 1 } });
            };
            QJsonParseError parseError;
            const QJsonObject line = QJsonDocument::fromJson(lines[index], &parseError).object();
            if (parseError.error != QJsonParseError::NoError) {
                error(QStringLiteral("invalid_json_line"), QStringLiteral("This line is not parseable as valid JSON."),
                      QJsonValue());
                break;
            }
            for (const char* field : { "custom_id", "method", "url", "body" }) {
                if (!line.contains(QLatin1String(field))) {
                    error(QStringLiteral("missing_required_parameter"),
                          QStringLiteral("Missing required parameter: '%1'.").arg(QLatin1String(field)),
                          QLatin1String(field));
                    break;
                }
            }
            if (!errors.isEmpty()) {
                break;
            }
            const QLatin1String url(job.api == Api::Azure ? "/chat/completions" : "/v1/chat/completions");
            if (line.value(QLatin1String("url")).toString() != url) {
                error(QStringLiteral("invalid_url"),
                      QStringLiteral("The URL provided for this request does not match the batch endpoint."),
                      QStringLiteral("url"));
            } else if (ids.contains(line.value(QLatin1String("custom_id")).toString())) {
                error(QStringLiteral("duplicate_custom_id"),
                      QStringLiteral("The custom_id for this request is a duplicate of another request. The "
                                     "custom_id parameter must be unique for each request in a batch."),
                      QStringLiteral("custom_id"));
            }
            ids.insert(line.value(QLatin1String("custom_id")).toString());
            ++job.total;
        }
        if (!errors.isEmpty()) {
            job.status = "failed";
            job.total = 0;
            job.errors
                = compact({ { QStringLiteral("object"), QStringLiteral("list") }, { QStringLiteral("data"), errors } });
        } else {
            job.status = "in_progress";
        }
        return;
    }
    if (job.status == "cancelling") {
        // What finished before the cancel took effect is in the output file; the rest never ran.
        run(job, answer, (job.total + 1) / 2);
        job.status = "cancelled";
        job.cancelledAt = now();
        return;
    }
    if (job.status != "in_progress") {
        return;
    }
    run(job, answer, job.total);
    job.status = "completed";
}

void SandboxBatches::run(OpenAiJob& job, const Answerer& answer, int count)
{
    QByteArray output;
    QByteArray failures;
    int ran = 0;
    for (const QByteArray& text : m_files.value(job.inputFileId).bytes.split('\n')) {
        if (text.trimmed().isEmpty()) {
            continue;
        }
        if (ran++ == count) {
            break;
        }
        const QJsonObject line = QJsonDocument::fromJson(text).object();
        ++m_requestsRun;
        const auto [status, body] = answer(compact(line.value(QLatin1String("body")).toObject()));
        const QByteArray result
            = compact({ { QStringLiteral("id"), nextId("batch_req_") },
                        { QStringLiteral("custom_id"), line.value(QLatin1String("custom_id")) },
                        { QStringLiteral("response"),
                          QJsonObject { { QStringLiteral("status_code"), status },
                                        { QStringLiteral("request_id"), nextId("req_") },
                                        { QStringLiteral("body"), QJsonDocument::fromJson(body).object() } } },
                        { QStringLiteral("error"), QJsonValue() } })
            + '\n';
        if (status == 200) {
            output += result;
            ++job.completed;
        } else {
            failures += result;
            ++job.failed;
        }
    }
    malform(output);
    for (auto [bytes, id] : { std::pair { &output, &job.outputFileId }, std::pair { &failures, &job.errorFileId } }) {
        if (!bytes->isEmpty()) {
            *id = nextId("file-");
            m_files.insert(*id, File { "batch_" + id->toUtf8() + ".jsonl", "batch_output", *bytes, now() });
        }
    }
}

QByteArray SandboxBatches::openAiJobJson(const OpenAiJob& job) const
{
    const bool done = job.status == "completed";
    const bool failed = job.status == "failed";
    return compact(
        { { QStringLiteral("id"), job.id },
          { QStringLiteral("object"), QStringLiteral("batch") },
          { QStringLiteral("endpoint"),
            job.api == Api::Azure ? QStringLiteral("/chat/completions") : QStringLiteral("/v1/chat/completions") },
          { QStringLiteral("errors"),
            QJsonDocument::fromJson(job.errors).object().isEmpty()
                ? QJsonValue()
                : QJsonValue(QJsonDocument::fromJson(job.errors).object()) },
          { QStringLiteral("input_file_id"), job.inputFileId },
          { QStringLiteral("completion_window"), QStringLiteral("24h") },
          { QStringLiteral("status"), QString::fromLatin1(job.status) },
          { QStringLiteral("output_file_id"), orNull(job.outputFileId) },
          { QStringLiteral("error_file_id"), orNull(job.errorFileId) },
          { QStringLiteral("created_at"), job.createdAt },
          { QStringLiteral("in_progress_at"), job.polls > 0 && !failed ? QJsonValue(job.createdAt) : QJsonValue() },
          { QStringLiteral("expires_at"), job.createdAt + 86400 },
          { QStringLiteral("finalizing_at"), done ? QJsonValue(job.createdAt) : QJsonValue() },
          { QStringLiteral("completed_at"), done ? QJsonValue(now()) : QJsonValue() },
          { QStringLiteral("failed_at"), failed ? QJsonValue(now()) : QJsonValue() },
          { QStringLiteral("expired_at"), QJsonValue() },
          { QStringLiteral("cancelling_at"), job.cancellingAt > 0 ? QJsonValue(job.cancellingAt) : QJsonValue() },
          { QStringLiteral("cancelled_at"), job.cancelledAt > 0 ? QJsonValue(job.cancelledAt) : QJsonValue() },
          { QStringLiteral("request_counts"),
            QJsonObject { { QStringLiteral("total"), job.total },
                          { QStringLiteral("completed"), job.completed },
                          { QStringLiteral("failed"), job.failed } } },
          { QStringLiteral("metadata"), QJsonValue() } });
}

std::optional<SandboxBatches::Reply> SandboxBatches::anthropic(const HttpRequest& request, QByteArrayView rest,
                                                               const QByteArray& resultsBase, const Answerer& answer)
{
    static const QRegularExpression batch(QStringLiteral("^/messages/batches/([^/]+)(/results|/cancel)?$"));
    const QString path = QString::fromUtf8(rest);
    const QRegularExpressionMatch job = batch.match(path);
    if (path != QLatin1String("/messages/batches") && !job.hasMatch()) {
        return std::nullopt;
    }
    ++m_endpointRequests;
    const bool cancel = job.captured(2) == QLatin1String("/cancel");
    if ((request.method == "POST") != (!job.hasMatch() || cancel)) {
        return anthropicError(405, QStringLiteral("invalid_request_error"), QStringLiteral("Method not allowed"));
    }
    if (!job.hasMatch()) {
        return createAnthropicJob(request);
    }
    const auto found = m_anthropicJobs.find(job.captured(1));
    if (found == m_anthropicJobs.end()) {
        return anthropicError(404, QStringLiteral("not_found_error"),
                              QStringLiteral("Message batch %1 not found.").arg(job.captured(1)));
    }
    if (cancel) {
        if (!found->ended && found->cancelInitiatedAt == 0) {
            found->cancelInitiatedAt = now();
        }
        return Reply { 200, kJson, anthropicJobJson(*found, resultsBase) };
    }
    if (job.captured(2).isEmpty()) {
        advance(*found, answer);
        return Reply { 200, kJson, anthropicJobJson(*found, resultsBase) };
    }
    if (!found->ended) {
        return anthropicError(400, QStringLiteral("invalid_request_error"),
                              QStringLiteral("Message batch %1 has not yet ended; its results are available once "
                                             "its processing_status is \"ended\".")
                                  .arg(found->id));
    }
    return Reply { 200, QByteArrayLiteral("application/x-jsonl"), found->results };
}

SandboxBatches::Reply SandboxBatches::createAnthropicJob(const HttpRequest& request)
{
    static const QRegularExpression customIdPattern(QStringLiteral("^[a-zA-Z0-9_-]{1,64}$"));
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        return anthropicError(400, QStringLiteral("invalid_request_error"),
                              QStringLiteral("There was an issue with your request body: invalid JSON"));
    }
    const QJsonValue requests = body.value(QLatin1String("requests"));
    if (!requests.isArray()) {
        return anthropicError(400, QStringLiteral("invalid_request_error"), QStringLiteral("requests: Field required"));
    }
    if (requests.toArray().isEmpty()) {
        return anthropicError(400, QStringLiteral("invalid_request_error"),
                              QStringLiteral("requests: List should have at least 1 item after validation, not 0"));
    }
    AnthropicJob job;
    QSet<QString> ids;
    const QJsonArray list = requests.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject entry = list[i].toObject();
        const QString customId = entry.value(QLatin1String("custom_id")).toString();
        if (!entry.value(QLatin1String("custom_id")).isString()) {
            return anthropicError(400, QStringLiteral("invalid_request_error"),
                                  QStringLiteral("requests.%1.custom_id: Field required").arg(i));
        }
        if (!customIdPattern.match(customId).hasMatch()) {
            return anthropicError(400, QStringLiteral("invalid_request_error"),
                                  QStringLiteral("requests.%1.custom_id: String should match pattern "
                                                 "'^[a-zA-Z0-9_-]{1,64}$'")
                                      .arg(i));
        }
        if (ids.contains(customId)) {
            return anthropicError(
                400, QStringLiteral("invalid_request_error"),
                QStringLiteral("requests: custom_id values must be unique; '%1' is duplicated").arg(customId));
        }
        if (!entry.value(QLatin1String("params")).isObject()) {
            return anthropicError(400, QStringLiteral("invalid_request_error"),
                                  QStringLiteral("requests.%1.params: Field required").arg(i));
        }
        ids.insert(customId);
        job.requests.append({ customId, compact(entry.value(QLatin1String("params")).toObject()) });
    }
    ++m_jobsCreated;
    job.id = nextId("msgbatch_");
    job.body = request.body;
    job.createdAt = now();
    m_anthropicJobs.insert(job.id, job);
    return { 200, kJson, anthropicJobJson(job, {}) };
}

// in_progress -> (second poll) ended, each request answered then.
void SandboxBatches::advance(AnthropicJob& job, const Answerer& answer)
{
    if (job.ended || (++job.polls < 2 && job.cancelInitiatedAt == 0)) {
        return;
    }
    // Cancelled: the first half (rounded up) had finished, the others are canceled.
    const qsizetype finished = job.cancelInitiatedAt > 0 ? (job.requests.size() + 1) / 2 : job.requests.size();
    for (qsizetype i = 0; i < job.requests.size(); ++i) {
        const auto& [customId, params] = job.requests[i];
        if (i >= finished) {
            ++job.canceled;
            job.results += compact({ { QStringLiteral("custom_id"), customId },
                                     { QStringLiteral("result"),
                                       QJsonObject { { QStringLiteral("type"), QStringLiteral("canceled") } } } })
                + '\n';
            continue;
        }
        ++m_requestsRun;
        const auto [status, body] = answer(params);
        QJsonObject result;
        if (status == 200) {
            ++job.succeeded;
            result = { { QStringLiteral("type"), QStringLiteral("succeeded") },
                       { QStringLiteral("message"), QJsonDocument::fromJson(body).object() } };
        } else {
            ++job.errored;
            result = { { QStringLiteral("type"), QStringLiteral("errored") },
                       { QStringLiteral("error"), QJsonDocument::fromJson(body).object() } };
        }
        job.results
            += compact({ { QStringLiteral("custom_id"), customId }, { QStringLiteral("result"), result } }) + '\n';
    }
    job.ended = true;
}

QByteArray SandboxBatches::anthropicJobJson(const AnthropicJob& job, const QByteArray& resultsBase) const
{
    const int processing = job.ended ? 0 : int(job.requests.size());
    const QString status = job.ended ? QStringLiteral("ended")
        : job.cancelInitiatedAt > 0  ? QStringLiteral("canceling")
                                     : QStringLiteral("in_progress");
    return compact({ { QStringLiteral("id"), job.id },
                     { QStringLiteral("type"), QStringLiteral("message_batch") },
                     { QStringLiteral("processing_status"), status },
                     { QStringLiteral("request_counts"),
                       QJsonObject { { QStringLiteral("processing"), processing },
                                     { QStringLiteral("succeeded"), job.succeeded },
                                     { QStringLiteral("errored"), job.errored },
                                     { QStringLiteral("canceled"), job.canceled },
                                     { QStringLiteral("expired"), 0 } } },
                     { QStringLiteral("ended_at"), job.ended ? QJsonValue(rfc3339(now())) : QJsonValue() },
                     { QStringLiteral("created_at"), rfc3339(job.createdAt) },
                     { QStringLiteral("expires_at"), rfc3339(job.createdAt + 86400) },
                     { QStringLiteral("archived_at"), QJsonValue() },
                     { QStringLiteral("cancel_initiated_at"),
                       job.cancelInitiatedAt > 0 ? QJsonValue(rfc3339(job.cancelInitiatedAt)) : QJsonValue() },
                     { QStringLiteral("results_url"),
                       job.ended ? QJsonValue(QString::fromUtf8(resultsBase) + job.id + QStringLiteral("/results"))
                                 : QJsonValue() } });
}

std::optional<SandboxBatches::Reply> SandboxBatches::mistral(const HttpRequest& request, QByteArrayView rest,
                                                             const Answerer& answer)
{
    static const QRegularExpression fileContent(QStringLiteral("^/files/([^/]+)/content$"));
    static const QRegularExpression jobPath(QStringLiteral("^/batch/jobs/([^/]+)(/cancel)?$"));
    const QString path = QString::fromUtf8(rest);
    const QRegularExpressionMatch content = fileContent.match(path);
    const QRegularExpressionMatch job = jobPath.match(path);
    const bool files = path == QLatin1String("/files");
    const bool jobs = path == QLatin1String("/batch/jobs");
    if (!files && !jobs && !content.hasMatch() && !job.hasMatch()) {
        return std::nullopt;
    }
    ++m_endpointRequests;
    const bool cancel = job.hasMatch() && !job.captured(2).isEmpty();
    if ((request.method == "POST") != (files || jobs || cancel)) {
        return mistralError(405, QStringLiteral("Method Not Allowed"));
    }
    if (files) {
        return upload(Api::Mistral, request);
    }
    if (jobs) {
        return createMistralJob(request);
    }
    if (content.hasMatch()) {
        const auto file = m_files.constFind(content.captured(1));
        if (file == m_files.cend()) {
            return mistralError(404, QStringLiteral("File %1 not found").arg(content.captured(1)),
                                QStringLiteral("not_found"));
        }
        return Reply { 200, QByteArrayLiteral("application/octet-stream"), file->bytes };
    }
    const auto found = m_mistralJobs.find(job.captured(1));
    if (found == m_mistralJobs.end()) {
        return mistralError(404, QStringLiteral("Batch job %1 not found").arg(job.captured(1)),
                            QStringLiteral("not_found"));
    }
    if (cancel) {
        if (found->status == "QUEUED" || found->status == "RUNNING") {
            found->status = "CANCELLATION_REQUESTED";
        }
        return Reply { 200, kJson, mistralJobJson(*found) };
    }
    advance(*found, answer);
    return Reply { 200, kJson, mistralJobJson(*found) };
}

SandboxBatches::Reply SandboxBatches::createMistralJob(const HttpRequest& request)
{
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        return mistralError(422, QStringLiteral("body: Input should be a valid JSON object"));
    }
    if (!body.value(QLatin1String("endpoint")).isString()) {
        return mistralError(422, QStringLiteral("endpoint: Field required"));
    }
    static const QStringList endpoints { QStringLiteral("/v1/chat/completions"),    QStringLiteral("/v1/embeddings"),
                                         QStringLiteral("/v1/fim/completions"),     QStringLiteral("/v1/moderations"),
                                         QStringLiteral("/v1/chat/moderations"),    QStringLiteral("/v1/ocr"),
                                         QStringLiteral("/v1/classifications"),     QStringLiteral("/v1/conversations"),
                                         QStringLiteral("/v1/audio/transcriptions") };
    const QString endpoint = body.value(QLatin1String("endpoint")).toString();
    if (!endpoints.contains(endpoint)) {
        return mistralError(422,
                            QStringLiteral("endpoint: Input should be one of %1, got '%2'")
                                .arg(endpoints.join(QStringLiteral(", ")), endpoint));
    }
    if (!body.value(QLatin1String("model")).isString()) {
        return mistralError(400, QStringLiteral("A model is required for a batch job without an agent_id"));
    }
    const QJsonArray inputs = body.value(QLatin1String("input_files")).toArray();
    if (inputs.isEmpty()) {
        return mistralError(422, QStringLiteral("input_files: Field required"));
    }
    MistralJob job;
    for (const QJsonValue& input : inputs) {
        const auto file = m_files.constFind(input.toString());
        if (file == m_files.cend()) {
            return mistralError(404, QStringLiteral("File %1 not found").arg(input.toString()),
                                QStringLiteral("not_found"));
        }
        if (file->purpose != "batch") {
            return mistralError(400,
                                QStringLiteral("File %1 was not uploaded with purpose 'batch'").arg(input.toString()));
        }
        job.inputFiles << input.toString();
    }
    ++m_jobsCreated;
    job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.model = body.value(QLatin1String("model")).toString();
    job.metadata = body.value(QLatin1String("metadata")).toObject();
    job.createdAt = now();
    m_mistralJobs.insert(job.id, job);
    return { 200, kJson, mistralJobJson(job) };
}

QList<std::pair<QJsonValue, QJsonObject>> SandboxBatches::mistralRequests(const MistralJob& job) const
{
    QList<std::pair<QJsonValue, QJsonObject>> requests;
    for (const QString& fileId : job.inputFiles) {
        for (const QByteArray& text : m_files.value(fileId).bytes.split('\n')) {
            if (text.trimmed().isEmpty()) {
                continue;
            }
            const QJsonObject line = QJsonDocument::fromJson(text).object();
            QJsonObject body = line.value(QLatin1String("body")).toObject();
            body.insert(QStringLiteral("model"), job.model); // one model per job
            requests.append({ line.value(QLatin1String("custom_id")), body });
        }
    }
    return requests;
}

// QUEUED -> (first poll) RUNNING, or FAILED when a line is bad -> (second poll) SUCCESS.
void SandboxBatches::advance(MistralJob& job, const Answerer& answer)
{
    if (job.status == "QUEUED") {
        int index = 0;
        for (const QString& fileId : std::as_const(job.inputFiles)) {
            for (const QByteArray& text : m_files.value(fileId).bytes.split('\n')) {
                ++index;
                if (text.trimmed().isEmpty()) {
                    continue;
                }
                QJsonParseError parseError;
                const QJsonObject line = QJsonDocument::fromJson(text, &parseError).object();
                const QString why = parseError.error != QJsonParseError::NoError ? QStringLiteral("invalid JSON")
                    : !line.value(QLatin1String("custom_id")).isString() ? QStringLiteral("custom_id: Field required")
                    : !line.value(QLatin1String("body")).isObject()      ? QStringLiteral("body: Field required")
                                                                         : QString();
                if (!why.isEmpty()) {
                    job.errors.append(
                        QJsonObject { { QStringLiteral("message"), QStringLiteral("Line %1: %2").arg(index).arg(why) },
                                      { QStringLiteral("count"), 1 } });
                }
                ++job.total;
            }
        }
        job.startedAt = now();
        if (!job.errors.isEmpty()) {
            job.status = "FAILED"; // nothing runs, nothing is billed
            job.completedAt = now();
        } else {
            job.status = "RUNNING";
        }
        return;
    }
    if (job.status == "CANCELLATION_REQUESTED") {
        run(job, answer, (job.total + 1) / 2); // what finished before the cancel took effect
        job.status = "CANCELLED";
        job.completedAt = now();
        return;
    }
    if (job.status == "RUNNING") {
        run(job, answer, job.total);
        job.status = "SUCCESS";
        job.completedAt = now();
    }
}

void SandboxBatches::run(MistralJob& job, const Answerer& answer, int count)
{
    QByteArray output;
    QByteArray failures;
    const QList<std::pair<QJsonValue, QJsonObject>> requests = mistralRequests(job);
    for (qsizetype i = 0; i < requests.size() && i < count; ++i) {
        ++m_requestsRun;
        const auto [status, body] = answer(compact(requests[i].second));
        const QByteArray result
            = compact({ { QStringLiteral("id"), QStringLiteral("batch-%1-%2").arg(job.id).arg(i) },
                        { QStringLiteral("custom_id"), requests[i].first },
                        { QStringLiteral("response"),
                          QJsonObject { { QStringLiteral("status_code"), status },
                                        { QStringLiteral("body"), QJsonDocument::fromJson(body).object() } } },
                        { QStringLiteral("error"), QJsonValue() } })
            + '\n';
        if (status == 200) {
            output += result;
            ++job.succeeded;
        } else {
            failures += result;
            ++job.failed;
        }
    }
    malform(output);
    for (auto [bytes, id] : { std::pair { &output, &job.outputFile }, std::pair { &failures, &job.errorFile } }) {
        if (!bytes->isEmpty()) {
            *id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            m_files.insert(*id, File { id->toUtf8() + ".jsonl", "batch_result", *bytes, now() });
        }
    }
}

QByteArray SandboxBatches::mistralJobJson(const MistralJob& job) const
{
    QJsonArray inputs;
    for (const QString& id : job.inputFiles) {
        inputs.append(id);
    }
    return compact(
        { { QStringLiteral("id"), job.id },
          { QStringLiteral("object"), QStringLiteral("batch") },
          { QStringLiteral("input_files"), inputs },
          { QStringLiteral("metadata"), job.metadata },
          { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
          { QStringLiteral("model"), job.model },
          { QStringLiteral("agent_id"), QJsonValue() },
          { QStringLiteral("output_file"), orNull(job.outputFile) },
          { QStringLiteral("error_file"), orNull(job.errorFile) },
          { QStringLiteral("errors"), job.errors },
          { QStringLiteral("status"), QString::fromLatin1(job.status) },
          { QStringLiteral("created_at"), job.createdAt },
          { QStringLiteral("total_requests"), job.total },
          { QStringLiteral("completed_requests"), job.succeeded + job.failed },
          { QStringLiteral("succeeded_requests"), job.succeeded },
          { QStringLiteral("failed_requests"), job.failed },
          { QStringLiteral("started_at"), job.startedAt > 0 ? QJsonValue(job.startedAt) : QJsonValue() },
          { QStringLiteral("completed_at"), job.completedAt > 0 ? QJsonValue(job.completedAt) : QJsonValue() } });
}

namespace {
// Google's error envelope (google.rpc.Status).
SandboxBatches::Reply googleError(int status, const QString& message)
{
    return { status, kJson, SandboxGemini::errorBody(status, {}, message.toUtf8()) };
}

// Google's JSON parser takes a field by its proto name or its JSON (camelCase) name.
QJsonValue field(const QJsonObject& object, const char* camel, const char* snake)
{
    return object.contains(QLatin1String(camel)) ? object.value(QLatin1String(camel))
                                                 : object.value(QLatin1String(snake));
}

// The first name of `object` that is none of `known` (each as camelCase and snake_case), empty if none.
QString unknownName(const QJsonObject& object, const QStringList& known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return it.key();
        }
    }
    return {};
}

SandboxBatches::Reply unknownField(const QString& name, const QString& at)
{
    return googleError(400,
                       QStringLiteral("Invalid JSON payload received. Unknown name \"%1\" at '%2': Cannot find "
                                      "field.")
                           .arg(name, at));
}

QJsonValue int64(int count)
{
    return QString::number(count);
}
} // namespace

std::optional<SandboxBatches::Reply> SandboxBatches::gemini(const HttpRequest& request, QByteArrayView rest,
                                                            const QStringList& models, const GeminiAnswerer& answer)
{
    static const QRegularExpression createPath(QStringLiteral("^/models/([^/:]+):batchGenerateContent$"));
    static const QRegularExpression batchPath(QStringLiteral("^/batches/([^/:]+)(:cancel)?$"));
    const QString path = QString::fromUtf8(rest);
    const QRegularExpressionMatch create = createPath.match(path);
    const QRegularExpressionMatch batch = batchPath.match(path);
    if (!create.hasMatch() && !batch.hasMatch()) {
        return std::nullopt;
    }
    ++m_endpointRequests;
    const bool cancel = batch.hasMatch() && !batch.captured(2).isEmpty();
    if ((request.method == "POST") != (create.hasMatch() || cancel)) {
        return googleError(405, QStringLiteral("Method not allowed."));
    }
    if (create.hasMatch()) {
        return createGeminiJob(request, create.captured(1), models);
    }
    const auto found = m_geminiJobs.find(batch.captured(1));
    if (found == m_geminiJobs.end()) {
        return googleError(404, QStringLiteral("Requested entity was not found."));
    }
    if (cancel) {
        if (found->state == "BATCH_STATE_PENDING" || found->state == "BATCH_STATE_RUNNING") {
            found->cancelRequested = true;
        }
        return Reply { 200, kJson, QByteArrayLiteral("{}\n") }; // google.protobuf.Empty
    }
    advance(*found, answer);
    return Reply { 200, kJson, geminiJobJson(*found) };
}

SandboxBatches::Reply SandboxBatches::createGeminiJob(const HttpRequest& request, const QString& model,
                                                      const QStringList& models)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return googleError(400, QStringLiteral("Invalid JSON payload received. Unexpected token."));
    }
    const QJsonObject root = document.object();
    if (const QString name = unknownName(root, { QStringLiteral("batch") }); !name.isEmpty()) {
        return unknownField(name, QString());
    }
    const QJsonObject batch = root.value(QLatin1String("batch")).toObject();
    if (const QString name
        = unknownName(batch,
                      { QStringLiteral("displayName"), QStringLiteral("display_name"), QStringLiteral("inputConfig"),
                        QStringLiteral("input_config"), QStringLiteral("priority"), QStringLiteral("model"),
                        QStringLiteral("name") });
        !name.isEmpty()) {
        return unknownField(name, QStringLiteral("batch"));
    }
    const QString displayName = field(batch, "displayName", "display_name").toString();
    if (displayName.isEmpty()) {
        return googleError(400, QStringLiteral("batch.display_name is required."));
    }
    const QJsonObject input = field(batch, "inputConfig", "input_config").toObject();
    const QString inputFile = field(input, "fileName", "file_name").toString();
    QJsonArray entries = input.value(QLatin1String("requests")).toObject().value(QLatin1String("requests")).toArray();
    if (!inputFile.isEmpty()) {
        const auto file = m_geminiFiles.constFind(inputFile);
        if (file == m_geminiFiles.cend()) {
            return googleError(404, QStringLiteral("Requested entity was not found."));
        }
        // The file's {key, request} lines, checked as inline entries are, the key as their metadata.
        const QList<QByteArray> lines = file->split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].trimmed().isEmpty()) {
                continue;
            }
            const QJsonObject line = QJsonDocument::fromJson(lines[i]).object();
            if (!line.value(QLatin1String("request")).isObject()) {
                return googleError(400, QStringLiteral("%1 line %2: a request is required.").arg(inputFile).arg(i + 1));
            }
            entries.append(
                QJsonObject { { QStringLiteral("request"), line.value(QLatin1String("request")) },
                              { QStringLiteral("metadata"),
                                QJsonObject { { QStringLiteral("key"), line.value(QLatin1String("key")) } } } });
        }
    }
    if (entries.isEmpty()) {
        return googleError(400, QStringLiteral("batch.input_config is required: inline requests or a file name."));
    }
    if (!models.contains(model)) {
        return googleError(404,
                           QStringLiteral("models/%1 is not found for API version v1beta, or is not supported for "
                                          "batchGenerateContent. Call ListModels to see the list of available "
                                          "models and their supported methods.")
                               .arg(model));
    }
    GeminiJob job;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries[i].toObject();
        const QString at = QStringLiteral("batch.input_config.requests.requests[%1]").arg(i);
        if (const QString name = unknownName(entry, { QStringLiteral("request"), QStringLiteral("metadata") });
            !name.isEmpty()) {
            return unknownField(name, at);
        }
        if (!entry.value(QLatin1String("request")).isObject()) {
            return googleError(400, QStringLiteral("%1.request is required.").arg(at));
        }
        job.requests.append(
            { entry.value(QLatin1String("request")).toObject(), entry.value(QLatin1String("metadata")) });
    }
    ++m_jobsCreated;
    job.id = nextId("");
    job.model = model;
    job.displayName = displayName;
    job.body = request.body;
    job.inputFile = inputFile;
    job.createdAt = job.updatedAt = now();
    m_geminiJobs.insert(job.id, job);
    return { 200, kJson, geminiJobJson(job) };
}

void SandboxBatches::advance(GeminiJob& job, const GeminiAnswerer& answer)
{
    if (job.state != "BATCH_STATE_PENDING" && job.state != "BATCH_STATE_RUNNING") {
        return; // ended: answered as it stands
    }
    if (job.state == "BATCH_STATE_PENDING" && !job.cancelRequested) {
        job.state = "BATCH_STATE_RUNNING";
        job.updatedAt = now();
        return;
    }
    // The first half (rounded up) finished before a cancel took effect.
    const qsizetype count = job.cancelRequested ? (job.requests.size() + 1) / 2 : job.requests.size();
    for (qsizetype i = 0; i < count; ++i) {
        const auto& [request, metadata] = job.requests[i];
        ++m_requestsRun;
        const auto [status, body] = answer(job.model, compact(request));
        QJsonObject entry;
        const QJsonObject answered = QJsonDocument::fromJson(body).object();
        if (status == 200) {
            entry.insert(QStringLiteral("response"), answered);
            ++job.succeeded;
        } else {
            entry.insert(QStringLiteral("error"), answered.value(QLatin1String("error")));
            ++job.failed;
        }
        if (!metadata.isUndefined()) {
            entry.insert(QStringLiteral("metadata"), metadata);
        }
        job.responses.append(entry);
    }
    job.state = job.cancelRequested ? "BATCH_STATE_CANCELLED" : "BATCH_STATE_SUCCEEDED";
    job.updatedAt = now();
    if (!job.inputFile.isEmpty()) {
        // A batch of a file answers in one: {key, response | error} per line.
        QByteArray lines;
        for (const QJsonValue& value : std::as_const(job.responses)) {
            QJsonObject line = value.toObject();
            line.insert(QStringLiteral("key"),
                        line.value(QLatin1String("metadata")).toObject().value(QLatin1String("key")));
            line.remove(QStringLiteral("metadata"));
            lines += compact(line) + '\n';
        }
        job.responsesFile = QStringLiteral("files/sandbox-out-%1").arg(m_geminiNext++);
        m_geminiFiles.insert(job.responsesFile, lines);
    }
}

QByteArray SandboxBatches::geminiJobJson(const GeminiJob& job) const
{
    const QString name = QStringLiteral("batches/") + job.id;
    const bool done = job.state != "BATCH_STATE_PENDING" && job.state != "BATCH_STATE_RUNNING";
    QJsonObject stats { { QStringLiteral("requestCount"), int64(int(job.requests.size())) } };
    // proto3 JSON leaves out a count of 0.
    const int pending = done ? 0 : int(job.requests.size());
    for (const auto& [key, count] :
         { std::pair { "successfulRequestCount", job.succeeded }, std::pair { "failedRequestCount", job.failed },
           std::pair { "pendingRequestCount", pending } }) {
        if (count > 0) {
            stats.insert(QLatin1String(key), int64(count));
        }
    }
    QJsonObject metadata {
        { QStringLiteral("@type"),
          QStringLiteral("type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch") },
        { QStringLiteral("model"), QStringLiteral("models/") + job.model },
        { QStringLiteral("displayName"), job.displayName },
        { QStringLiteral("name"), name },
        { QStringLiteral("createTime"), rfc3339(job.createdAt) },
        { QStringLiteral("updateTime"), rfc3339(job.updatedAt) },
        { QStringLiteral("batchStats"), stats },
        { QStringLiteral("state"), QString::fromLatin1(job.state) },
    };
    QJsonObject operation { { QStringLiteral("name"), name } };
    if (done) {
        const QJsonObject output = job.responsesFile.isEmpty()
            ? QJsonObject { { QStringLiteral("inlinedResponses"),
                              QJsonObject { { QStringLiteral("inlinedResponses"), job.responses } } } }
            : QJsonObject { { QStringLiteral("responsesFile"), job.responsesFile } };
        metadata.insert(QStringLiteral("endTime"), rfc3339(job.updatedAt));
        metadata.insert(QStringLiteral("output"), output);
        QJsonObject response = output;
        response.insert(
            QStringLiteral("@type"),
            QStringLiteral("type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput"));
        operation.insert(QStringLiteral("done"), true);
        operation.insert(QStringLiteral("response"), response);
    }
    operation.insert(QStringLiteral("metadata"), metadata);
    return QJsonDocument(operation).toJson();
}

std::optional<SandboxBatches::UploadReply> SandboxBatches::geminiUpload(const HttpRequest& request, QByteArrayView rest,
                                                                        const QByteArray& uploadBase)
{
    if (rest != "/files") {
        return std::nullopt;
    }
    ++m_endpointRequests;
    if (request.method != "POST") {
        return UploadReply { googleError(405, QStringLiteral("Method not allowed.")), {} };
    }
    const QByteArray command = request.header("x-goog-upload-command");
    const QString uploadId = QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(QStringLiteral("upload_id"));
    if (uploadId.isEmpty()) {
        // The start: the protocol, the command and the size, the file's metadata as JSON.
        if (request.header("x-goog-upload-protocol") != "resumable" || command != "start") {
            return UploadReply { googleError(
                                     400,
                                     QStringLiteral("The sandbox takes resumable uploads only (X-Goog-Upload-Protocol: "
                                                    "resumable, X-Goog-Upload-Command: start).")),
                                 {} };
        }
        const QJsonObject file = QJsonDocument::fromJson(request.body).object().value(QLatin1String("file")).toObject();
        const QString id = QString::number(m_geminiNext++);
        m_geminiUploads.insert(id, field(file, "displayName", "display_name").toString().toUtf8());
        return UploadReply {
            Reply { 200, kJson, {} },
            { { QByteArrayLiteral("x-goog-upload-status"), QByteArrayLiteral("active") },
              { QByteArrayLiteral("x-goog-upload-url"),
                (m_uploadUrlHost.isEmpty() ? uploadBase : QByteArray(uploadBase).replace("127.0.0.1", m_uploadUrlHost))
                    + "/files?upload_id=" + id.toLatin1() + "&upload_protocol=resumable" } }
        };
    }
    if (!m_geminiUploads.contains(uploadId)) {
        return UploadReply { googleError(404, QStringLiteral("Requested entity was not found.")), {} };
    }
    if (command != "upload, finalize" || request.header("x-goog-upload-offset") != "0") {
        return UploadReply { googleError(
                                 400,
                                 QStringLiteral("The sandbox takes a file in one piece (X-Goog-Upload-Command: upload, "
                                                "finalize at offset 0).")),
                             {} };
    }
    ++m_uploads;
    const QString name = QStringLiteral("files/sandbox-in-") + uploadId;
    m_geminiFiles.insert(name, request.body);
    const QString displayName = QString::fromUtf8(m_geminiUploads.take(uploadId));
    const QJsonObject file { { QStringLiteral("name"), name },
                             { QStringLiteral("displayName"), displayName },
                             { QStringLiteral("mimeType"), QStringLiteral("application/jsonl") },
                             { QStringLiteral("sizeBytes"), QString::number(request.body.size()) },
                             { QStringLiteral("createTime"), rfc3339(now()) },
                             { QStringLiteral("state"), QStringLiteral("ACTIVE") },
                             { QStringLiteral("source"), QStringLiteral("UPLOADED") } };
    return UploadReply { Reply { 200, kJson, compact({ { QStringLiteral("file"), file } }) },
                         { { QByteArrayLiteral("x-goog-upload-status"), QByteArrayLiteral("final") } } };
}

std::optional<SandboxBatches::Reply> SandboxBatches::geminiDownload(const HttpRequest& request, QByteArrayView rest)
{
    static const QRegularExpression downloadPath(QStringLiteral("^/(files/[^/:]+):download$"));
    const QRegularExpressionMatch download = downloadPath.match(QString::fromUtf8(rest));
    if (!download.hasMatch()) {
        return std::nullopt;
    }
    ++m_endpointRequests;
    if (request.method != "GET") {
        return googleError(405, QStringLiteral("Method not allowed."));
    }
    if (QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(QStringLiteral("alt")) != QLatin1String("media")) {
        return googleError(400, QStringLiteral("Download requires alt=media."));
    }
    const auto file = m_geminiFiles.constFind(download.captured(1));
    if (file == m_geminiFiles.cend()) {
        return googleError(404, QStringLiteral("Requested entity was not found."));
    }
    return Reply { 200, QByteArrayLiteral("application/octet-stream"), *file };
}
