#include "core/sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// The sandbox's batch APIs as the providers document them, over real loopback HTTP: OpenAI's
// files + batches (multipart upload, the batch object's states, the output and error files, the
// validation that fails a job whole), Anthropic's Message Batches (the message_batch object,
// results JSONL once ended), Mistral's, Azure's and Gemini's (batchGenerateContent, the batch's
// Operation, inline responses), with their error answers. Counted server-side.
namespace {
struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};
} // namespace

class tst_SandboxBatches : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void openAi_uploadCreatePollDownload_answersEachLineOnce();
    void openAi_badLine_failsTheJobWholeAndAnswersNothing();
    void openAi_uploadPurpose_checked();
    void openAi_errorAnswers_data();
    void openAi_errorAnswers();
    void anthropic_createPollResults_answersEachRequestOnce();
    void anthropic_errorAnswers_data();
    void anthropic_errorAnswers();
    void otherProviders_haveNoBatchApi();
    void openAi_cancel_cancellingThenCancelledWithAPartialOutputFile();
    void anthropic_cancel_cancelingThenEndedWithTheRestCanceled();
    void mistral_uploadCreatePollDownload_eachLineAnsweredOnceByTheJobsModel();
    void mistral_badLine_failsTheJobWholeAndAnswersNothing();
    void mistral_cancel_requestedThenCancelledWithAPartialOutputFile();
    void mistral_errorAnswers_data();
    void mistral_errorAnswers();
    void azure_resourceAndV1Paths_answerOpenAisObjectsWithAzuresEnvelope();
    void gemini_createPollResults_eachRequestAnsweredOnceAFailureKeptInline();
    void gemini_cancel_cancelledWithTheFirstHalfAnswered();
    void gemini_errorAnswers_data();
    void gemini_errorAnswers();
    void gemini_fileUploadedResumably_answersInAResponsesFile();

private:
    // sandbox-gemini-native serving gemini-2.5-flash (a context window of 200 tokens, so that a
    // long prompt fails inside a batch), its key required.
    void serveGemini();
    Answer gemini(const QByteArray& method, const QString& path, const QByteArray& body = {},
                  const QByteArray& key = "gemini-key-1");
    QString geminiBatch(const QStringList& prompts);
    Answer uploadTo(const QString& path, const QByteArray& purpose, const QByteArray& file);
    QString mistralJob(const QByteArray& file);
    Answer send(const QByteArray& method, const QString& path, const QByteArray& body = {},
                const QByteArray& contentType = "application/json");
    Answer upload(const QByteArray& purpose, const QByteArray& file);
    QByteArray url(const QString& path) const;

    std::unique_ptr<SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
};

void tst_SandboxBatches::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
}

QByteArray tst_SandboxBatches::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_sandbox->port()).arg(path).toUtf8();
}

Answer tst_SandboxBatches::send(const QByteArray& method, const QString& path, const QByteArray& body,
                                const QByteArray& contentType)
{
    QNetworkRequest request(QUrl(QString::fromUtf8(url(path))));
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(10000);
    }
    Answer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    reply->deleteLater();
    return answer;
}

Answer tst_SandboxBatches::upload(const QByteArray& purpose, const QByteArray& file)
{
    return uploadTo(QStringLiteral("/openai/v1/files"), purpose, file);
}

Answer tst_SandboxBatches::uploadTo(const QString& path, const QByteArray& purpose, const QByteArray& file)
{
    QByteArray body;
    if (!purpose.isEmpty()) {
        body += "--b0undary\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose + "\r\n";
    }
    body += "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"
            "Content-Type: application/jsonl\r\n\r\n"
        + file + "\r\n--b0undary--\r\n";
    return send("POST", path, body, "multipart/form-data; boundary=b0undary");
}

static QByteArray openAiLine(const QString& id, const QString& model, const QString& prompt)
{
    return QJsonDocument(
               QJsonObject {
                   { QStringLiteral("custom_id"), id },
                   { QStringLiteral("method"), QStringLiteral("POST") },
                   { QStringLiteral("url"), QStringLiteral("/v1/chat/completions") },
                   { QStringLiteral("body"),
                     QJsonObject { { QStringLiteral("model"), model },
                                   { QStringLiteral("max_tokens"), 40 },
                                   { QStringLiteral("messages"),
                                     QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                                { QStringLiteral("content"), prompt } } } } } } })
               .toJson(QJsonDocument::Compact)
        + '\n';
}

void tst_SandboxBatches::openAi_uploadCreatePollDownload_answersEachLineOnce()
{
    const QByteArray file = openAiLine(QStringLiteral("q1"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("Hi"))
        + openAiLine(QStringLiteral("q2"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("Name a colour"))
        + openAiLine(QStringLiteral("q3"), QStringLiteral("gpt-0"), QStringLiteral("No such model"));
    const Answer uploaded = upload("batch", file);
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.json().value(QLatin1String("object")).toString(), QStringLiteral("file"));
    QCOMPARE(uploaded.json().value(QLatin1String("purpose")).toString(), QStringLiteral("batch"));
    QCOMPARE(uploaded.json().value(QLatin1String("bytes")).toInt(), file.size());
    const QString fileId = uploaded.json().value(QLatin1String("id")).toString();

    const Answer created
        = send("POST", QStringLiteral("/openai/v1/batches"),
               QJsonDocument(QJsonObject { { QStringLiteral("input_file_id"), fileId },
                                           { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
                                           { QStringLiteral("completion_window"), QStringLiteral("24h") } })
                   .toJson());
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(QLatin1String("object")).toString(), QStringLiteral("batch"));
    QCOMPARE(created.json().value(QLatin1String("status")).toString(), QStringLiteral("validating"));
    const QString id = created.json().value(QLatin1String("id")).toString();
    QCOMPARE(m_sandbox->batches().jobInput(id), file);

    const Answer first = send("GET", QStringLiteral("/openai/v1/batches/") + id);
    QCOMPARE(first.json().value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);
    const Answer second = send("GET", QStringLiteral("/openai/v1/batches/") + id);
    const QJsonObject done = second.json();
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("completed")).toInt(), 2);
    QCOMPARE(done.value(QLatin1String("request_counts")).toObject().value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("gpt-4.1-mini")), 2);

    const Answer output = send(
        "GET",
        QStringLiteral("/openai/v1/files/%1/content").arg(done.value(QLatin1String("output_file_id")).toString()));
    QCOMPARE(output.status, 200);
    const QList<QByteArray> lines = output.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject line = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(line.value(QLatin1String("custom_id")).toString(), QStringLiteral("q1"));
    const QJsonObject response = line.value(QLatin1String("response")).toObject();
    QCOMPARE(response.value(QLatin1String("status_code")).toInt(), 200);
    QCOMPARE(response.value(QLatin1String("body")).toObject().value(QLatin1String("object")).toString(),
             QStringLiteral("chat.completion"));
    QVERIFY(response.value(QLatin1String("body"))
                .toObject()
                .value(QLatin1String("usage"))
                .toObject()
                .value(QLatin1String("prompt_tokens"))
                .toInt()
            > 0);
    const Answer errors = send(
        "GET",
        QStringLiteral("/openai/v1/files/%1/content").arg(done.value(QLatin1String("error_file_id")).toString()));
    const QJsonObject failed = QJsonDocument::fromJson(errors.body.trimmed()).object();
    QCOMPARE(failed.value(QLatin1String("custom_id")).toString(), QStringLiteral("q3"));
    QCOMPARE(failed.value(QLatin1String("response")).toObject().value(QLatin1String("status_code")).toInt(), 404);

    // Polling an ended job answers nothing again.
    send("GET", QStringLiteral("/openai/v1/batches/") + id);
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);
}

void tst_SandboxBatches::openAi_badLine_failsTheJobWholeAndAnswersNothing()
{
    const QByteArray file = openAiLine(QStringLiteral("q1"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("Hi"))
        + "{\"custom_id\":\"q2\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{}}\n";
    const QString fileId = upload("batch", file).json().value(QLatin1String("id")).toString();
    const QString id = send("POST", QStringLiteral("/openai/v1/batches"),
                            "{\"input_file_id\":\"" + fileId.toUtf8()
                                + "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}")
                           .json()
                           .value(QLatin1String("id"))
                           .toString();
    const QJsonObject job = send("GET", QStringLiteral("/openai/v1/batches/") + id).json();
    QCOMPARE(job.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    const QJsonObject error
        = job.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray()[0].toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("invalid_url"));
    QCOMPARE(error.value(QLatin1String("line")).toInt(), 2);
    QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("url"));
    send("GET", QStringLiteral("/openai/v1/batches/") + id);
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);
    QCOMPARE(m_sandbox->totalRequests(), 0);
}

void tst_SandboxBatches::openAi_uploadPurpose_checked()
{
    const QByteArray file = openAiLine(QStringLiteral("q1"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("Hi"));
    const Answer missing = upload({}, file);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.json().value(QLatin1String("error")).toObject().value(QLatin1String("param")).toString(),
             QStringLiteral("purpose"));
    QCOMPARE(missing.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("Missing required parameter: 'purpose'."));
    const Answer unknown = upload("batches", file);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("invalid_value"));
    // A file uploaded for another purpose does not make a batch.
    const QString other = upload("assistants", file).json().value(QLatin1String("id")).toString();
    const Answer refused = send("POST", QStringLiteral("/openai/v1/batches"),
                                "{\"input_file_id\":\"" + other.toUtf8()
                                    + "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}");
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(QLatin1String("error")).toObject().value(QLatin1String("param")).toString(),
             QStringLiteral("input_file_id"));
    QCOMPARE(m_sandbox->batches().uploads(), 1);
    QCOMPARE(m_sandbox->batches().jobsCreated(), 0);
}

void tst_SandboxBatches::openAi_errorAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown batch") << QByteArray("GET") << "/openai/v1/batches/batch_nope" << QByteArray() << 404
                                   << QString() << "No batch found with id 'batch_nope'.";
    QTest::newRow("unknown file") << QByteArray("GET") << "/openai/v1/files/file-nope/content" << QByteArray() << 404
                                  << "id"
                                  << "No such File object: file-nope";
    QTest::newRow("a batch of an unknown file")
        << QByteArray("POST") << "/openai/v1/batches"
        << QByteArray("{\"input_file_id\":\"file-nope\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":"
                      "\"24h\"}")
        << 404 << "id"
        << "No such File object: file-nope";
    QTest::newRow("no input_file_id") << QByteArray("POST") << "/openai/v1/batches"
                                      << QByteArray(
                                             "{\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}")
                                      << 400 << "input_file_id"
                                      << "Missing required parameter: 'input_file_id'.";
    QTest::newRow("a window other than 24h")
        << QByteArray("POST") << "/openai/v1/batches"
        << QByteArray("{\"input_file_id\":\"f\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"1h\"}")
        << 400 << "completion_window"
        << "Invalid value: '1h'. Supported values are: '24h'.";
    QTest::newRow("an endpoint batches do not serve")
        << QByteArray("POST") << "/openai/v1/batches"
        << QByteArray("{\"input_file_id\":\"f\",\"endpoint\":\"/v1/images\",\"completion_window\":\"24h\"}") << 400
        << "endpoint"
        << "Invalid value: '/v1/images'.";
    QTest::newRow("GET of the batches list is not served")
        << QByteArray("PUT") << "/openai/v1/batches" << QByteArray() << 405 << QString() << "Method not allowed";
}

void tst_SandboxBatches::openAi_errorAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, param);
    QFETCH(QString, message);
    const Answer answer = send(method, path, body);
    QCOMPARE(answer.status, status);
    const QJsonObject error = answer.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QVERIFY2(error.value(QLatin1String("message")).toString().startsWith(message), qPrintable(answer.body));
    QCOMPARE(m_sandbox->batches().jobsCreated(), 0);
}

void tst_SandboxBatches::anthropic_createPollResults_answersEachRequestOnce()
{
    const QByteArray body = "{\"requests\":["
                            "{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":40,"
                            "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}},"
                            "{\"custom_id\":\"b\",\"params\":{\"model\":\"claude-haiku-4-5\","
                            "\"messages\":[{\"role\":\"user\",\"content\":\"No max_tokens\"}]}}]}";
    const Answer created = send("POST", QStringLiteral("/anthropic/v1/messages/batches"), body);
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(QLatin1String("type")).toString(), QStringLiteral("message_batch"));
    QCOMPARE(created.json().value(QLatin1String("processing_status")).toString(), QStringLiteral("in_progress"));
    QCOMPARE(
        created.json().value(QLatin1String("request_counts")).toObject().value(QLatin1String("processing")).toInt(), 2);
    QVERIFY(created.json().value(QLatin1String("results_url")).isNull());
    const QString id = created.json().value(QLatin1String("id")).toString();
    QVERIFY(id.startsWith(QLatin1String("msgbatch_")));

    const Answer early = send("GET", QStringLiteral("/anthropic/v1/messages/batches/%1/results").arg(id));
    QCOMPARE(early.status, 400);
    QCOMPARE(send("GET", QStringLiteral("/anthropic/v1/messages/batches/") + id)
                 .json()
                 .value(QLatin1String("processing_status")),
             QJsonValue(QStringLiteral("in_progress")));
    const QJsonObject ended = send("GET", QStringLiteral("/anthropic/v1/messages/batches/") + id).json();
    QCOMPARE(ended.value(QLatin1String("processing_status")).toString(), QStringLiteral("ended"));
    QCOMPARE(ended.value(QLatin1String("request_counts")).toObject().value(QLatin1String("succeeded")).toInt(), 1);
    QCOMPARE(ended.value(QLatin1String("request_counts")).toObject().value(QLatin1String("errored")).toInt(), 1);
    QCOMPARE(ended.value(QLatin1String("results_url")).toString(),
             QString::fromUtf8(url(QStringLiteral("/anthropic/v1/messages/batches/%1/results").arg(id))));

    const Answer results = send("GET", QStringLiteral("/anthropic/v1/messages/batches/%1/results").arg(id));
    QCOMPARE(results.status, 200);
    const QList<QByteArray> lines = results.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject a = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(a.value(QLatin1String("custom_id")).toString(), QStringLiteral("a"));
    QCOMPARE(a.value(QLatin1String("result")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("succeeded"));
    const QJsonObject message = a.value(QLatin1String("result")).toObject().value(QLatin1String("message")).toObject();
    QCOMPARE(message.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    QVERIFY(message.value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens")).toInt() > 0);
    // Anthropic requires max_tokens in each request's params: that one errored, billed nothing.
    const QJsonObject b = QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("result")).toObject();
    QCOMPARE(b.value(QLatin1String("type")).toString(), QStringLiteral("errored"));
    QCOMPARE(b.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("error"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    QCOMPARE(m_sandbox->answered().completionTokens > 0, true);
}

void tst_SandboxBatches::anthropic_errorAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("no requests") << QByteArray("POST") << "/anthropic/v1/messages/batches" << QByteArray("{}") << 400
                                 << "invalid_request_error"
                                 << "requests: Field required";
    QTest::newRow("an empty list") << QByteArray("POST") << "/anthropic/v1/messages/batches"
                                   << QByteArray("{\"requests\":[]}") << 400 << "invalid_request_error"
                                   << "requests: List should have at least 1 item";
    QTest::newRow("a custom_id with a dot")
        << QByteArray("POST") << "/anthropic/v1/messages/batches"
        << QByteArray("{\"requests\":[{\"custom_id\":\"a.b\",\"params\":{}}]}") << 400 << "invalid_request_error"
        << "requests.0.custom_id: String should match pattern";
    QTest::newRow("a custom_id twice")
        << QByteArray("POST") << "/anthropic/v1/messages/batches"
        << QByteArray("{\"requests\":[{\"custom_id\":\"a\",\"params\":{}},{\"custom_id\":\"a\",\"params\":{}}]}") << 400
        << "invalid_request_error"
        << "requests: custom_id values must be unique";
    QTest::newRow("no params") << QByteArray("POST") << "/anthropic/v1/messages/batches"
                               << QByteArray("{\"requests\":[{\"custom_id\":\"a\"}]}") << 400 << "invalid_request_error"
                               << "requests.0.params: Field required";
    QTest::newRow("unknown batch") << QByteArray("GET") << "/anthropic/v1/messages/batches/msgbatch_nope"
                                   << QByteArray() << 404 << "not_found_error"
                                   << "Message batch msgbatch_nope not found.";
}

void tst_SandboxBatches::anthropic_errorAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const Answer answer = send(method, path, body);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.json().value(QLatin1String("type")).toString(), QStringLiteral("error"));
    const QJsonObject error = answer.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), type);
    QVERIFY2(error.value(QLatin1String("message")).toString().startsWith(message), qPrintable(answer.body));
    QCOMPARE(m_sandbox->batches().jobsCreated(), 0);
}

void tst_SandboxBatches::otherProviders_haveNoBatchApi()
{
    // DeepSeek offers no batch API: its sandbox answers these paths as an unknown URL.
    QCOMPARE(send("POST", QStringLiteral("/deepseek/v1/batches"), "{}").status, 404);
    QCOMPARE(send("GET", QStringLiteral("/deepseek/v1/files/file-1/content")).status, 404);
    QCOMPARE(m_sandbox->batches().endpointRequests(), 0);
    // A required key is checked before a job is touched.
    m_sandbox->setRequiredKey(QStringLiteral("sandbox-openai"), QStringLiteral("sk-right"));
    QCOMPARE(upload("batch", "{}\n").status, 401);
    QCOMPARE(m_sandbox->batches().uploads(), 0);
}

// Three lines, cancelled while in progress: "cancelling" with cancelling_at, then "cancelled" with
// the two that finished first in the output file (request_counts.completed 2 of 3); the third
// never ran. Cancelling an ended job changes nothing.
void tst_SandboxBatches::openAi_cancel_cancellingThenCancelledWithAPartialOutputFile()
{
    const QByteArray file = openAiLine(QStringLiteral("q1"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("One"))
        + openAiLine(QStringLiteral("q2"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("Two"))
        + openAiLine(QStringLiteral("q3"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("Three"));
    const QString fileId = upload("batch", file).json().value(QLatin1String("id")).toString();
    const QString id
        = send("POST", QStringLiteral("/openai/v1/batches"),
               QJsonDocument(QJsonObject { { QStringLiteral("input_file_id"), fileId },
                                           { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
                                           { QStringLiteral("completion_window"), QStringLiteral("24h") } })
                   .toJson())
              .json()
              .value(QLatin1String("id"))
              .toString();
    QCOMPARE(send("GET", QStringLiteral("/openai/v1/batches/") + id).json().value(QLatin1String("status")),
             QJsonValue(QStringLiteral("in_progress")));
    QCOMPARE(send("GET", QStringLiteral("/openai/v1/batches/%1/cancel").arg(id)).status, 405);

    const Answer cancelling = send("POST", QStringLiteral("/openai/v1/batches/%1/cancel").arg(id));
    QCOMPARE(cancelling.status, 200);
    QCOMPARE(cancelling.json().value(QLatin1String("status")).toString(), QStringLiteral("cancelling"));
    QVERIFY(cancelling.json().value(QLatin1String("cancelling_at")).isDouble());
    QVERIFY(cancelling.json().value(QLatin1String("cancelled_at")).isNull());
    QVERIFY(cancelling.json().value(QLatin1String("output_file_id")).isNull());
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);

    const QJsonObject cancelled = send("GET", QStringLiteral("/openai/v1/batches/") + id).json();
    QCOMPARE(cancelled.value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
    QVERIFY(cancelled.value(QLatin1String("cancelled_at")).isDouble());
    const QJsonObject counts = cancelled.value(QLatin1String("request_counts")).toObject();
    QCOMPARE(counts.value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(counts.value(QLatin1String("completed")).toInt(), 2);
    QCOMPARE(counts.value(QLatin1String("failed")).toInt(), 0);
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    const Answer output = send(
        "GET",
        QStringLiteral("/openai/v1/files/%1/content").arg(cancelled.value(QLatin1String("output_file_id")).toString()));
    const QList<QByteArray> lines = output.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("custom_id")).toString(),
             QStringLiteral("q2"));

    const Answer again = send("POST", QStringLiteral("/openai/v1/batches/%1/cancel").arg(id));
    QCOMPARE(again.json().value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    QCOMPARE(send("POST", QStringLiteral("/openai/v1/batches/batch_none/cancel")).status, 404);
}

// Anthropic: "canceling" with cancel_initiated_at, then "ended" with request_counts.canceled and
// a "canceled" result for each request that had not run.
void tst_SandboxBatches::anthropic_cancel_cancelingThenEndedWithTheRestCanceled()
{
    QByteArray body = "{\"requests\":[";
    for (const char* id : { "a", "b", "c" }) {
        body += QByteArray("{\"custom_id\":\"") + id
            + "\",\"params\":{\"model\":\"claude-haiku-4-5\",\"max_tokens\":40,"
              "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}}"
            + (id[0] == 'c' ? "" : ",");
    }
    body += "]}";
    const QString id = send("POST", QStringLiteral("/anthropic/v1/messages/batches"), body)
                           .json()
                           .value(QLatin1String("id"))
                           .toString();
    QVERIFY(!id.isEmpty());
    const Answer canceling = send("POST", QStringLiteral("/anthropic/v1/messages/batches/%1/cancel").arg(id));
    QCOMPARE(canceling.status, 200);
    QCOMPARE(canceling.json().value(QLatin1String("processing_status")).toString(), QStringLiteral("canceling"));
    QVERIFY(canceling.json().value(QLatin1String("cancel_initiated_at")).isString());
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);

    const QJsonObject ended = send("GET", QStringLiteral("/anthropic/v1/messages/batches/") + id).json();
    QCOMPARE(ended.value(QLatin1String("processing_status")).toString(), QStringLiteral("ended"));
    const QJsonObject counts = ended.value(QLatin1String("request_counts")).toObject();
    QCOMPARE(counts.value(QLatin1String("succeeded")).toInt(), 2);
    QCOMPARE(counts.value(QLatin1String("canceled")).toInt(), 1);
    QCOMPARE(counts.value(QLatin1String("processing")).toInt(), 0);
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    const QList<QByteArray> lines
        = send("GET", QStringLiteral("/anthropic/v1/messages/batches/%1/results").arg(id)).body.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject c = QJsonDocument::fromJson(lines[2]).object();
    QCOMPARE(c.value(QLatin1String("custom_id")).toString(), QStringLiteral("c"));
    QCOMPARE(c.value(QLatin1String("result")).toObject(),
             QJsonObject({ { QStringLiteral("type"), QStringLiteral("canceled") } }));
}

static QByteArray mistralLine(const QString& id, const QString& prompt)
{
    return QJsonDocument(
               QJsonObject {
                   { QStringLiteral("custom_id"), id },
                   { QStringLiteral("body"),
                     QJsonObject { { QStringLiteral("max_tokens"), 40 },
                                   { QStringLiteral("messages"),
                                     QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                                { QStringLiteral("content"), prompt } } } } } } })
               .toJson(QJsonDocument::Compact)
        + '\n';
}

QString tst_SandboxBatches::mistralJob(const QByteArray& file)
{
    const QString fileId
        = uploadTo(QStringLiteral("/mistral/v1/files"), "batch", file).json().value(QLatin1String("id")).toString();
    return send(
               "POST", QStringLiteral("/mistral/v1/batch/jobs"),
               "{\"input_files\":[\"" + fileId.toUtf8()
                   + "\"],\"model\":\"codestral-latest\",\"endpoint\":\"/v1/chat/completions\",\"metadata\":{\"input\":"
                     "\"in.jsonl\"}}")
        .json()
        .value(QLatin1String("id"))
        .toString();
}

// Mistral: the file of {custom_id, body} lines, the job naming the model; QUEUED, RUNNING (first
// GET), SUCCESS (second GET) with the output file's lines shaped as OpenAI's, each body answered
// as the job's model once.
void tst_SandboxBatches::mistral_uploadCreatePollDownload_eachLineAnsweredOnceByTheJobsModel()
{
    const QByteArray file = mistralLine(QStringLiteral("q1"), QStringLiteral("Hi"))
        + mistralLine(QStringLiteral("q2"), QStringLiteral("Name a colour"));
    const Answer uploaded = uploadTo(QStringLiteral("/mistral/v1/files"), "batch", file);
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.json().value(QLatin1String("object")).toString(), QStringLiteral("file"));
    QCOMPARE(uploaded.json().value(QLatin1String("num_lines")).toInt(), 2);
    QCOMPARE(uploaded.json().value(QLatin1String("purpose")).toString(), QStringLiteral("batch"));
    const Answer created = send("POST", QStringLiteral("/mistral/v1/batch/jobs"),
                                "{\"input_files\":[\"" + uploaded.json().value(QLatin1String("id")).toString().toUtf8()
                                    + "\"],\"model\":\"codestral-latest\",\"endpoint\":\"/v1/chat/completions\","
                                      "\"metadata\":{\"input\":\"in.jsonl\"}}");
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(QLatin1String("status")).toString(), QStringLiteral("QUEUED"));
    QCOMPARE(created.json().value(QLatin1String("model")).toString(), QStringLiteral("codestral-latest"));
    QCOMPARE(created.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("input")).toString(),
             QStringLiteral("in.jsonl"));
    const QString id = created.json().value(QLatin1String("id")).toString();
    QCOMPARE(m_sandbox->batches().jobInput(id), file);

    QCOMPARE(
        send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id).json().value(QLatin1String("status")).toString(),
        QStringLiteral("RUNNING"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);
    const QJsonObject done = send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id).json();
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("SUCCESS"));
    QCOMPARE(done.value(QLatin1String("total_requests")).toInt(), 2);
    QCOMPARE(done.value(QLatin1String("succeeded_requests")).toInt(), 2);
    QCOMPARE(done.value(QLatin1String("failed_requests")).toInt(), 0);
    QVERIFY(done.value(QLatin1String("error_file")).isNull());
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("codestral-latest")), 2);

    const Answer output = send(
        "GET", QStringLiteral("/mistral/v1/files/%1/content").arg(done.value(QLatin1String("output_file")).toString()));
    QCOMPARE(output.status, 200);
    const QList<QByteArray> lines = output.body.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject line = QJsonDocument::fromJson(lines[1]).object();
    QCOMPARE(line.value(QLatin1String("custom_id")).toString(), QStringLiteral("q2"));
    const QJsonObject response = line.value(QLatin1String("response")).toObject();
    QCOMPARE(response.value(QLatin1String("status_code")).toInt(), 200);
    QCOMPARE(response.value(QLatin1String("body")).toObject().value(QLatin1String("model")).toString(),
             QStringLiteral("codestral-latest"));
    send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id);
    QCOMPARE(m_sandbox->batches().requestsRun(), 2); // an ended job is not run again
}

void tst_SandboxBatches::mistral_badLine_failsTheJobWholeAndAnswersNothing()
{
    const QString id = mistralJob(mistralLine(QStringLiteral("q1"), QStringLiteral("Hi")) + "{\"custom_id\":\"q2\"}\n");
    const QJsonObject job = send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id).json();
    QCOMPARE(job.value(QLatin1String("status")).toString(), QStringLiteral("FAILED"));
    const QJsonObject error = job.value(QLatin1String("errors")).toArray()[0].toObject();
    QCOMPARE(error.value(QLatin1String("message")).toString(), QStringLiteral("Line 2: body: Field required"));
    QCOMPARE(error.value(QLatin1String("count")).toInt(), 1);
    send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id);
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);
    QCOMPARE(m_sandbox->totalRequests(), 0);
}

void tst_SandboxBatches::mistral_cancel_requestedThenCancelledWithAPartialOutputFile()
{
    const QString id = mistralJob(mistralLine(QStringLiteral("q1"), QStringLiteral("One"))
                                  + mistralLine(QStringLiteral("q2"), QStringLiteral("Two"))
                                  + mistralLine(QStringLiteral("q3"), QStringLiteral("Three")));
    send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id); // RUNNING
    const Answer cancelled = send("POST", QStringLiteral("/mistral/v1/batch/jobs/%1/cancel").arg(id));
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.json().value(QLatin1String("status")).toString(), QStringLiteral("CANCELLATION_REQUESTED"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);
    const QJsonObject job = send("GET", QStringLiteral("/mistral/v1/batch/jobs/") + id).json();
    QCOMPARE(job.value(QLatin1String("status")).toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(job.value(QLatin1String("succeeded_requests")).toInt(), 2);
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    const Answer output = send(
        "GET", QStringLiteral("/mistral/v1/files/%1/content").arg(job.value(QLatin1String("output_file")).toString()));
    QCOMPARE(output.body.trimmed().split('\n').size(), 2);
    // A cancel of an ended job changes nothing.
    QCOMPARE(send("POST", QStringLiteral("/mistral/v1/batch/jobs/%1/cancel").arg(id))
                 .json()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("CANCELLED"));
}

void tst_SandboxBatches::mistral_errorAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown job") << QByteArray("GET") << "/mistral/v1/batch/jobs/nope" << QByteArray() << 404
                                 << "Batch job nope not found";
    QTest::newRow("unknown file") << QByteArray("GET") << "/mistral/v1/files/nope/content" << QByteArray() << 404
                                  << "File nope not found";
    QTest::newRow("a job of an unknown file")
        << QByteArray("POST") << "/mistral/v1/batch/jobs"
        << QByteArray(
               "{\"input_files\":[\"nope\"],\"model\":\"codestral-latest\",\"endpoint\":\"/v1/chat/completions\"}")
        << 404 << "File nope not found";
    QTest::newRow("no model") << QByteArray("POST") << "/mistral/v1/batch/jobs"
                              << QByteArray("{\"input_files\":[\"f\"],\"endpoint\":\"/v1/chat/completions\"}") << 400
                              << "A model is required";
    QTest::newRow("an endpoint batches do not serve")
        << QByteArray("POST") << "/mistral/v1/batch/jobs"
        << QByteArray("{\"input_files\":[\"f\"],\"model\":\"codestral-latest\",\"endpoint\":\"/v1/images\"}") << 422
        << "endpoint: Input should be one of";
}

void tst_SandboxBatches::mistral_errorAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Answer answer = send(method, path, body);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.json().value(QLatin1String("object")).toString(), QStringLiteral("error"));
    QVERIFY2(answer.json().value(QLatin1String("message")).toString().startsWith(message), qPrintable(answer.body));
    QCOMPARE(m_sandbox->batches().jobsCreated(), 0);
}

// Azure OpenAI's global batch: OpenAI's file and batch objects at the resource's /openai paths
// (an api-version required, as for its deployments) and the v1 API's; "/chat/completions" as the
// endpoint and each line's url; each body's model a deployment; Azure's error envelope.
void tst_SandboxBatches::azure_resourceAndV1Paths_answerOpenAisObjectsWithAzuresEnvelope()
{
    SandboxModel deployment;
    deployment.name = QStringLiteral("batch-mini");
    deployment.providerId = QStringLiteral("sandbox-azure");
    deployment.kind = ProviderKind::AzureOpenAi;
    deployment.contextWindow = 128000;
    m_sandbox->addModel(deployment);
    const auto line = [](const QString& id, const QString& url) {
        return QJsonDocument(
                   QJsonObject { { QStringLiteral("custom_id"), id },
                                 { QStringLiteral("method"), QStringLiteral("POST") },
                                 { QStringLiteral("url"), url },
                                 { QStringLiteral("body"),
                                   QJsonObject { { QStringLiteral("model"), QStringLiteral("batch-mini") },
                                                 { QStringLiteral("messages"),
                                                   QJsonArray { QJsonObject {
                                                       { QStringLiteral("role"), QStringLiteral("user") },
                                                       { QStringLiteral("content"), QStringLiteral("Hi") } } } } } } })
                   .toJson(QJsonDocument::Compact)
            + '\n';
    };
    const QString version = QStringLiteral("?api-version=2024-10-21");
    QCOMPARE(uploadTo(QStringLiteral("/azure/openai/files"), "batch",
                      line(QStringLiteral("q1"), QStringLiteral("/chat/completions")))
                 .status,
             404); // no api-version: Azure's "Resource not found"
    const Answer uploaded = uploadTo(QStringLiteral("/azure/openai/files") + version, "batch",
                                     line(QStringLiteral("q1"), QStringLiteral("/chat/completions")));
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(uploaded.json().value(QLatin1String("status")).toString(), QStringLiteral("processed"));
    const QByteArray create = "{\"input_file_id\":\"" + uploaded.json().value(QLatin1String("id")).toString().toUtf8()
        + "\",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\"}";
    const Answer wrongEndpoint = send("POST", QStringLiteral("/azure/openai/batches") + version,
                                      QByteArray(create).replace("\"/chat/completions\"", "\"/v1/chat/completions\""));
    QCOMPARE(wrongEndpoint.status, 400);
    QCOMPARE(wrongEndpoint.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("invalid_value"));
    const Answer created = send("POST", QStringLiteral("/azure/openai/batches") + version, create);
    QCOMPARE(created.status, 200);
    QCOMPARE(created.json().value(QLatin1String("endpoint")).toString(), QStringLiteral("/chat/completions"));
    const QString id = created.json().value(QLatin1String("id")).toString();
    send("GET", QStringLiteral("/azure/openai/batches/%1%2").arg(id, version));
    const QJsonObject done = send("GET", QStringLiteral("/azure/openai/batches/%1%2").arg(id, version)).json();
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("batch-mini")), 1);
    const Answer output = send("GET",
                               QStringLiteral("/azure/openai/files/%1/content%2")
                                   .arg(done.value(QLatin1String("output_file_id")).toString(), version));
    QCOMPARE(QJsonDocument::fromJson(output.body.trimmed()).object().value(QLatin1String("custom_id")).toString(),
             QStringLiteral("q1"));

    // The v1 API: the same objects, no api-version; a line with OpenAI's url fails the job whole.
    const QString v1File = uploadTo(QStringLiteral("/azure/openai/v1/files"), "batch",
                                    line(QStringLiteral("q1"), QStringLiteral("/v1/chat/completions")))
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
    const QString v1Job = send("POST", QStringLiteral("/azure/openai/v1/batches"),
                               "{\"input_file_id\":\"" + v1File.toUtf8()
                                   + "\",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\"}")
                              .json()
                              .value(QLatin1String("id"))
                              .toString();
    const QJsonObject failed = send("GET", QStringLiteral("/azure/openai/v1/batches/") + v1Job).json();
    QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value(QLatin1String("errors"))
                 .toObject()
                 .value(QLatin1String("data"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("invalid_url"));

    const Answer unknown = send("GET", QStringLiteral("/azure/openai/batches/batch_nope") + version);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json(),
             (QJsonObject { { QStringLiteral("error"),
                              QJsonObject { { QStringLiteral("code"), QStringLiteral("404") },
                                            { QStringLiteral("message"),
                                              QStringLiteral("No batch found with id 'batch_nope'.") } } } }));
    QCOMPARE(m_sandbox->batches().requestsRun(), 1);
}

void tst_SandboxBatches::serveGemini()
{
    SandboxModel flash;
    flash.name = QStringLiteral("gemini-2.5-flash");
    flash.providerId = QStringLiteral("sandbox-gemini-native");
    flash.kind = ProviderKind::Gemini;
    flash.contextWindow = 200;
    m_sandbox->addModel(flash);
    m_sandbox->setRequiredKey(QStringLiteral("sandbox-gemini-native"), QStringLiteral("gemini-key-1"));
}

Answer tst_SandboxBatches::gemini(const QByteArray& method, const QString& path, const QByteArray& body,
                                  const QByteArray& key)
{
    QNetworkRequest request(QUrl(QString::fromUtf8(url(QStringLiteral("/gemini/v1beta") + path))));
    request.setRawHeader("x-goog-api-key", key);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(10000);
    }
    Answer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    reply->deleteLater();
    return answer;
}

static QJsonObject geminiRequest(const QString& key, const QString& prompt)
{
    const QJsonObject part { { QStringLiteral("text"), prompt } };
    const QJsonObject content { { QStringLiteral("role"), QStringLiteral("user") },
                                { QStringLiteral("parts"), QJsonArray { part } } };
    return { { QStringLiteral("request"),
               QJsonObject { { QStringLiteral("contents"), QJsonArray { content } },
                             { QStringLiteral("generationConfig"),
                               QJsonObject { { QStringLiteral("maxOutputTokens"), 40 } } } } },
             { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("key"), key } } } };
}

static QByteArray geminiCreateBody(const QJsonArray& requests)
{
    const QJsonObject input { { QStringLiteral("requests"),
                                QJsonObject { { QStringLiteral("requests"), requests } } } };
    return QJsonDocument(QJsonObject { { QStringLiteral("batch"),
                                         QJsonObject { { QStringLiteral("displayName"), QStringLiteral("in.jsonl") },
                                                       { QStringLiteral("inputConfig"), input } } } })
        .toJson(QJsonDocument::Compact);
}

static QJsonArray inlinedResponses(const QJsonObject& operation)
{
    return operation.value(QLatin1String("response"))
        .toObject()
        .value(QLatin1String("inlinedResponses"))
        .toObject()
        .value(QLatin1String("inlinedResponses"))
        .toArray();
}

QString tst_SandboxBatches::geminiBatch(const QStringList& prompts)
{
    QJsonArray requests;
    for (qsizetype i = 0; i < prompts.size(); ++i) {
        requests.append(geminiRequest(QStringLiteral("q%1").arg(i + 1), prompts[i]));
    }
    const Answer created
        = gemini("POST", QStringLiteral("/models/gemini-2.5-flash:batchGenerateContent"), geminiCreateBody(requests));
    return created.json().value(QLatin1String("name")).toString();
}

// Three requests, the third's prompt over the model's 200 tokens: the batch's Operation PENDING,
// then RUNNING, then SUCCEEDED with the two answers and the failure inline, each with its
// request's metadata key; counts as int64 strings. Each request answered once, however often asked.
void tst_SandboxBatches::gemini_createPollResults_eachRequestAnsweredOnceAFailureKeptInline()
{
    serveGemini();
    const QString longPrompt = QStringLiteral("word ").repeated(400);
    QJsonArray requests { geminiRequest(QStringLiteral("q1"), QStringLiteral("What is 2+2?")),
                          geminiRequest(QStringLiteral("q2"), QStringLiteral("Name a colour.")),
                          geminiRequest(QStringLiteral("q3"), longPrompt) };
    const Answer created
        = gemini("POST", QStringLiteral("/models/gemini-2.5-flash:batchGenerateContent"), geminiCreateBody(requests));
    QCOMPARE(created.status, 200);
    const QString name = created.json().value(QLatin1String("name")).toString();
    QVERIFY2(name.startsWith(QLatin1String("batches/")), created.body.constData());
    const QJsonObject batch = created.json().value(QLatin1String("metadata")).toObject();
    QCOMPARE(batch.value(QLatin1String("state")).toString(), QStringLiteral("BATCH_STATE_PENDING"));
    QCOMPARE(batch.value(QLatin1String("model")).toString(), QStringLiteral("models/gemini-2.5-flash"));
    QCOMPARE(batch.value(QLatin1String("displayName")).toString(), QStringLiteral("in.jsonl"));
    QCOMPARE(batch.value(QLatin1String("batchStats")).toObject().value(QLatin1String("requestCount")),
             QJsonValue(QStringLiteral("3")));
    QVERIFY(!created.json().contains(QLatin1String("done")));
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
    QCOMPARE(m_sandbox->batches().jobInput(name.mid(8)), geminiCreateBody(requests));

    const Answer running = gemini("GET", QLatin1Char('/') + name);
    QCOMPARE(running.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("BATCH_STATE_RUNNING"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);

    const Answer done = gemini("GET", QLatin1Char('/') + name);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(QLatin1String("done")).toBool(), true);
    const QJsonObject ended = done.json().value(QLatin1String("metadata")).toObject();
    QCOMPARE(ended.value(QLatin1String("state")).toString(), QStringLiteral("BATCH_STATE_SUCCEEDED"));
    const QJsonObject stats = ended.value(QLatin1String("batchStats")).toObject();
    QCOMPARE(stats.value(QLatin1String("successfulRequestCount")), QJsonValue(QStringLiteral("2")));
    QCOMPARE(stats.value(QLatin1String("failedRequestCount")), QJsonValue(QStringLiteral("1")));
    QVERIFY(!stats.contains(QLatin1String("pendingRequestCount"))); // 0: left out, as proto3 JSON does
    const QJsonArray inlined = inlinedResponses(done.json());
    QCOMPARE(inlined.size(), 3);
    QCOMPARE(ended.value(QLatin1String("output"))
                 .toObject()
                 .value(QLatin1String("inlinedResponses"))
                 .toObject()
                 .value(QLatin1String("inlinedResponses"))
                 .toArray(),
             inlined);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject entry = inlined[i].toObject();
        QCOMPARE(entry.value(QLatin1String("metadata")).toObject().value(QLatin1String("key")).toString(),
                 QStringLiteral("q%1").arg(i + 1));
        const QJsonObject response = entry.value(QLatin1String("response")).toObject();
        QVERIFY(!response.value(QLatin1String("candidates")).toArray().isEmpty());
        QVERIFY(
            response.value(QLatin1String("usageMetadata")).toObject().value(QLatin1String("promptTokenCount")).toInt()
            > 0);
    }
    const QJsonObject failure = inlined[2].toObject().value(QLatin1String("error")).toObject();
    QCOMPARE(failure.value(QLatin1String("code")).toInt(), 400);
    QCOMPARE(failure.value(QLatin1String("status")).toString(), QStringLiteral("INVALID_ARGUMENT"));
    QVERIFY2(failure.value(QLatin1String("message")).toString().startsWith(QLatin1String("The input token count")),
             qPrintable(failure.value(QLatin1String("message")).toString()));
    QCOMPARE(inlined[2].toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("key")).toString(),
             QStringLiteral("q3"));
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("gemini-2.5-flash")), 3);

    // Asked again: the same answers, nothing run again.
    QCOMPARE(inlinedResponses(gemini("GET", QLatin1Char('/') + name).json()), inlined);
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);
    QCOMPARE(m_sandbox->batches().endpointRequests(), 4);
}

// A cancel answers {} (google.protobuf.Empty); the next GET shows the batch CANCELLED with the
// first half (rounded up) answered. Cancelling it again changes nothing.
void tst_SandboxBatches::gemini_cancel_cancelledWithTheFirstHalfAnswered()
{
    serveGemini();
    const QString name = geminiBatch({ QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three") });
    QVERIFY(!name.isEmpty());
    QCOMPARE(gemini("GET", QLatin1Char('/') + name)
                 .json()
                 .value(QLatin1String("metadata"))
                 .toObject()
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("BATCH_STATE_RUNNING"));
    const Answer cancelled = gemini("POST", QLatin1Char('/') + name + QStringLiteral(":cancel"), "{}");
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.json(), QJsonObject());
    const Answer after = gemini("GET", QLatin1Char('/') + name);
    QCOMPARE(after.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("BATCH_STATE_CANCELLED"));
    QCOMPARE(inlinedResponses(after.json()).size(), 2);
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    QCOMPARE(gemini("POST", QLatin1Char('/') + name + QStringLiteral(":cancel"), "{}").status, 200);
    QCOMPARE(gemini("GET", QLatin1Char('/') + name).json(), after.json());
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
}

void tst_SandboxBatches::gemini_errorAnswers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("googleStatus");
    QTest::addColumn<QString>("message");
    const QByteArray one = geminiCreateBody({ geminiRequest(QStringLiteral("q1"), QStringLiteral("Hi")) });
    const QString create = QStringLiteral("/models/gemini-2.5-flash:batchGenerateContent");
    QTest::newRow("unknown batch") << QByteArray("GET") << "/batches/nope" << QByteArray() << QByteArray("gemini-key-1")
                                   << 404 << "NOT_FOUND"
                                   << "Requested entity was not found.";
    QTest::newRow("cancel of an unknown batch") << QByteArray("POST") << "/batches/nope:cancel" << QByteArray("{}")
                                                << QByteArray("gemini-key-1") << 404 << "NOT_FOUND"
                                                << "Requested entity was not found.";
    QTest::newRow("a model not served") << QByteArray("POST") << "/models/gemini-0:batchGenerateContent" << one
                                        << QByteArray("gemini-key-1") << 404 << "NOT_FOUND"
                                        << "models/gemini-0 is not found for API version v1beta";
    QTest::newRow("no display name")
        << QByteArray("POST") << create
        << QByteArray("{\"batch\":{\"inputConfig\":{\"requests\":{\"requests\":[{\"request\":{}}]}}}}")
        << QByteArray("gemini-key-1") << 400 << "INVALID_ARGUMENT"
        << "batch.display_name is required.";
    QTest::newRow("no requests") << QByteArray("POST") << create
                                 << QByteArray("{\"batch\":{\"display_name\":\"x\",\"input_config\":{}}}")
                                 << QByteArray("gemini-key-1") << 400 << "INVALID_ARGUMENT"
                                 << "batch.input_config is required";
    QTest::newRow("an unknown field is named")
        << QByteArray("POST") << create
        << QByteArray("{\"batch\":{\"displayName\":\"x\",\"completionWindow\":\"24h\"}}") << QByteArray("gemini-key-1")
        << 400 << "INVALID_ARGUMENT"
        << "Invalid JSON payload received. Unknown name \"completionWindow\" at 'batch'";
    QTest::newRow("a request entry without its request")
        << QByteArray("POST") << create
        << QByteArray(
               "{\"batch\":{\"displayName\":\"x\",\"inputConfig\":{\"requests\":{\"requests\":[{\"metadata\":{}}]}}}}")
        << QByteArray("gemini-key-1") << 400 << "INVALID_ARGUMENT"
        << "batch.input_config.requests.requests[0].request is required.";
    QTest::newRow("GET of the create path")
        << QByteArray("GET") << create << QByteArray() << QByteArray("gemini-key-1") << 405 << "INTERNAL"
        << "Method not allowed.";
    QTest::newRow("a wrong key, before anything else")
        << QByteArray("GET") << "/batches/nope" << QByteArray() << QByteArray("wrong") << 400 << "INVALID_ARGUMENT"
        << "API key not valid.";
}

void tst_SandboxBatches::gemini_errorAnswers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, key);
    QFETCH(int, status);
    QFETCH(QString, googleStatus);
    QFETCH(QString, message);
    serveGemini();
    const Answer answer = gemini(method, path, body, key);
    QCOMPARE(answer.status, status);
    // Google's envelope: {"error": {"code": <HTTP status>, "message", "status"}}.
    const QJsonObject error = answer.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), status);
    QCOMPARE(error.value(QLatin1String("status")).toString(), googleStatus);
    QVERIFY2(error.value(QLatin1String("message")).toString().startsWith(message), qPrintable(answer.body));
    QCOMPARE(m_sandbox->batches().jobsCreated(), 0);
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);
}

// Over 20 MB a batch goes as a file: the Files API's resumable upload (start with the size, the
// session URL in x-goog-upload-url, then "upload, finalize" at offset 0, x-goog-upload-status
// active then final), the batch naming it in inputConfig.fileName, its answers in a responses file
// of {key, response | error} lines downloaded with :download?alt=media. Counted server-side.
void tst_SandboxBatches::gemini_fileUploadedResumably_answersInAResponsesFile()
{
    serveGemini();
    auto post = [this](const QUrl& url, const QList<std::pair<QByteArray, QByteArray>>& headers, const QByteArray& body,
                       QByteArray* uploadUrl, QByteArray* uploadStatus) {
        QNetworkRequest request(url);
        request.setRawHeader("x-goog-api-key", "gemini-key-1");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/jsonl"));
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        QNetworkReply* reply = m_network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(10000);
        }
        *uploadUrl = reply->rawHeader("x-goog-upload-url");
        *uploadStatus = reply->rawHeader("x-goog-upload-status");
        Answer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
        reply->deleteLater();
        return answer;
    };
    const QByteArray file = "{\"key\":\"f1\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
                            "\"Name a colour.\"}]}]}}\n"
                            "{\"key\":\"f2\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\""
        + QByteArray("word ").repeated(400) + "\"}]}]}}\n";
    QByteArray session;
    QByteArray status;
    const Answer started = post(QUrl(QString::fromUtf8(url(QStringLiteral("/gemini/upload/v1beta/files")))),
                                { { "X-Goog-Upload-Protocol", "resumable" },
                                  { "X-Goog-Upload-Command", "start" },
                                  { "X-Goog-Upload-Header-Content-Length", QByteArray::number(file.size()) },
                                  { "X-Goog-Upload-Header-Content-Type", "application/jsonl" },
                                  { "Content-Type", "application/json" } },
                                "{\"file\":{\"displayName\":\"big.jsonl\"}}", &session, &status);
    QCOMPARE(started.status, 200);
    QCOMPARE(status, QByteArray("active"));
    QVERIFY2(session.contains("/gemini/upload/v1beta/files?upload_id="), session.constData());
    QCOMPARE(m_sandbox->batches().uploads(), 0);
    QByteArray none;
    const Answer uploaded = post(QUrl::fromEncoded(session),
                                 { { "X-Goog-Upload-Command", "upload, finalize" }, { "X-Goog-Upload-Offset", "0" } },
                                 file, &none, &status);
    QCOMPARE(uploaded.status, 200);
    QCOMPARE(status, QByteArray("final"));
    const QJsonObject uploadedFile = uploaded.json().value(QLatin1String("file")).toObject();
    const QString name = uploadedFile.value(QLatin1String("name")).toString();
    QVERIFY2(name.startsWith(QLatin1String("files/")), uploaded.body.constData());
    QCOMPARE(uploadedFile.value(QLatin1String("sizeBytes")).toString(), QString::number(file.size()));
    QCOMPARE(uploadedFile.value(QLatin1String("displayName")).toString(), QStringLiteral("big.jsonl"));
    QCOMPARE(m_sandbox->batches().uploads(), 1);

    const QByteArray create
        = QJsonDocument(QJsonObject { { QStringLiteral("batch"),
                                        QJsonObject { { QStringLiteral("displayName"), QStringLiteral("big.jsonl") },
                                                      { QStringLiteral("inputConfig"),
                                                        QJsonObject { { QStringLiteral("fileName"), name } } } } } })
              .toJson(QJsonDocument::Compact);
    const Answer created = gemini("POST", QStringLiteral("/models/gemini-2.5-flash:batchGenerateContent"), create);
    QCOMPARE(created.status, 200);
    const QString batch = created.json().value(QLatin1String("name")).toString();
    gemini("GET", QLatin1Char('/') + batch);
    const Answer done = gemini("GET", QLatin1Char('/') + batch);
    QCOMPARE(done.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("BATCH_STATE_SUCCEEDED"));
    const QString responses
        = done.json().value(QLatin1String("response")).toObject().value(QLatin1String("responsesFile")).toString();
    QVERIFY2(responses.startsWith(QLatin1String("files/")), done.body.constData());
    QVERIFY(!done.json().value(QLatin1String("response")).toObject().contains(QLatin1String("inlinedResponses")));
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);

    const QString download = QStringLiteral("/gemini/download/v1beta/") + responses + QStringLiteral(":download");
    const Answer lines = send("GET", download + QStringLiteral("?alt=media&key=gemini-key-1"));
    QCOMPARE(lines.status, 200);
    const QList<QByteArray> answers = lines.body.trimmed().split('\n');
    QCOMPARE(answers.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(answers[0]).object();
    QCOMPARE(first.value(QLatin1String("key")).toString(), QStringLiteral("f1"));
    QVERIFY(first.value(QLatin1String("response")).toObject().contains(QLatin1String("usageMetadata")));
    const QJsonObject second = QJsonDocument::fromJson(answers[1]).object();
    QCOMPARE(second.value(QLatin1String("key")).toString(), QStringLiteral("f2"));
    QCOMPARE(second.value(QLatin1String("error")).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("INVALID_ARGUMENT"));

    // Google's refusals: no alt=media, a file it does not have, an upload that is not resumable.
    QCOMPARE(send("GET", download + QStringLiteral("?key=gemini-key-1")).status, 400);
    QCOMPARE(send("GET", QStringLiteral("/gemini/download/v1beta/files/nope:download?alt=media&key=gemini-key-1"))
                 .json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(send("GET", download + QStringLiteral("?alt=media&key=wrong")).status, 400);
    QByteArray ignored;
    QCOMPARE(
        post(QUrl(QString::fromUtf8(url(QStringLiteral("/gemini/upload/v1beta/files")))), {}, file, &ignored, &ignored)
            .status,
        400);
    QString missing = QString::fromUtf8(create);
    missing.replace(name, QStringLiteral("files/nope"));
    QCOMPARE(gemini("POST", QStringLiteral("/models/gemini-2.5-flash:batchGenerateContent"), missing.toUtf8()).status,
             404);
    QCOMPARE(m_sandbox->batches().uploads(), 1);
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
}

QTEST_GUILESS_MAIN(tst_SandboxBatches)
#include "tst_SandboxBatches.moc"
