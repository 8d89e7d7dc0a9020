#include "core/batch/BatchWire.h"
#include "core/pricing/CostCalculator.h"
#include "core/pricing/PriceTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Both batch APIs as documented (OpenAI's Batch API: the JSONL input file, the batch object and
// the output file; Anthropic's Message Batches: the create body, the message_batch object and the
// results JSONL; Mistral's, Azure's and Gemini's own forms), and what their results cost at the
// batch rates, computed by hand.
namespace {
// A real generateContent answer (tests/data/wire, gemini-2.5-flash: 3 in, 2 + 17 thoughts out).
QJsonObject geminiAnswer()
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire/gemini-generatecontent.json"));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// GET batches/{id} of an ended batch as the API reference documents it: the Operation with the
// batch in its metadata and the GenerateContentBatchOutput as its response.
QByteArray geminiOperation(const QJsonArray& inlined)
{
    const QJsonObject output { { QStringLiteral("@type"),
                                 QStringLiteral("type.googleapis.com/"
                                                "google.ai.generativelanguage.v1main.GenerateContentBatchOutput") },
                               { QStringLiteral("inlinedResponses"),
                                 QJsonObject { { QStringLiteral("inlinedResponses"), inlined } } } };
    const QJsonObject metadata { { QStringLiteral("name"), QStringLiteral("batches/abc123") },
                                 { QStringLiteral("state"), QStringLiteral("BATCH_STATE_SUCCEEDED") } };
    return QJsonDocument(QJsonObject { { QStringLiteral("name"), QStringLiteral("batches/abc123") },
                                       { QStringLiteral("metadata"), metadata },
                                       { QStringLiteral("done"), true },
                                       { QStringLiteral("response"), output } })
        .toJson(QJsonDocument::Compact);
}

QList<BatchItem> items(const QByteArray& jsonl)
{
    QString error;
    const auto parsed = BatchInput::parse(jsonl, QStringLiteral("in.jsonl"), &error);
    return parsed.value_or(QList<BatchItem>());
}

const QByteArray kTwoLines = "{\"custom_id\":\"q1\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                             "{\"role\":\"user\",\"content\":\"What is 2+2?\"}],\"max_tokens\":50,"
                             "\"temperature\":0.5}\n"
                             "{\"custom_id\":\"q2\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n";
} // namespace

class tst_BatchWire : public QObject
{
    Q_OBJECT

private slots:
    void openAiPayload_isTheDocumentedInputFile();
    void anthropicPayload_translatesEachLineIntoParams();
    void anthropicPayload_lineWithNoEquivalent_refusedNamingLineAndField_data();
    void anthropicPayload_lineWithNoEquivalent_refusedNamingLineAndField();
    void multipartUpload_carriesPurposeBatchAndTheFile();
    void status_readsBothProvidersObjects_data();
    void status_readsBothProvidersObjects();
    void results_failedRequestsSayWhyAndBillNothing();
    void batchCost_handComputed_data();
    void batchCost_handComputed();
    void api_ofEachProvider_data();
    void api_ofEachProvider();
    void mistralPayload_customIdAndBodyTheJobNamesTheModel();
    void azurePayload_deploymentRelativeUrlAndTheDeploymentAsModel();
    void results_aMalformedLineFailsTheWholeFileNamingIt_data();
    void results_aMalformedLineFailsTheWholeFileNamingIt();
    void errorMessage_readsEachProvidersEnvelope_data();
    void errorMessage_readsEachProvidersEnvelope();
    void geminiPayload_inlineRequestsKeyedByCustomId();
    void geminiFile_createBodyAndUploadAnswer();
    void geminiResults_keyedByMetadataEachFailureKept_data();
    void geminiResults_keyedByMetadataEachFailureKept();
    void geminiResults_costedAtHalfTheRates();
};

void tst_BatchWire::openAiPayload_isTheDocumentedInputFile()
{
    QString error;
    const auto file = BatchWire::payload(BatchApi::OpenAi, QStringLiteral("gpt-4.1-mini"), items(kTwoLines),
                                         QStringLiteral("in.jsonl"), &error);
    QVERIFY2(file, qPrintable(error));
    const QList<QByteArray> lines = file->trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value(QLatin1String("custom_id")).toString(), QStringLiteral("q1"));
    QCOMPARE(first.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(first.value(QLatin1String("url")).toString(), QStringLiteral("/v1/chat/completions"));
    const QJsonObject body = first.value(QLatin1String("body")).toObject();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 50);
    QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.5);
    QCOMPARE(body.value(QLatin1String("messages")).toArray().size(), 2);
    QVERIFY(!body.value(QLatin1String("stream")).toBool());
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("custom_id")).toString(),
             QStringLiteral("q2"));
}

void tst_BatchWire::anthropicPayload_translatesEachLineIntoParams()
{
    QString error;
    const auto body = BatchWire::payload(BatchApi::Anthropic, QStringLiteral("claude-haiku-4-5"), items(kTwoLines),
                                         QStringLiteral("in.jsonl"), &error);
    QVERIFY2(body, qPrintable(error));
    const QJsonArray requests = QJsonDocument::fromJson(*body).object().value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 2);
    const QJsonObject params = requests[0].toObject().value(QLatin1String("params")).toObject();
    QCOMPARE(requests[0].toObject().value(QLatin1String("custom_id")).toString(), QStringLiteral("q1"));
    QCOMPARE(params.value(QLatin1String("model")).toString(), QStringLiteral("claude-haiku-4-5"));
    QCOMPARE(params.value(QLatin1String("max_tokens")).toInt(), 50);
    QVERIFY(params.contains(QLatin1String("system"))); // the system message moves out of messages
    QCOMPARE(params.value(QLatin1String("messages")).toArray().size(), 1);
    // Anthropic requires max_tokens: a line without one gets the wire's default.
    QVERIFY(requests[1].toObject().value(QLatin1String("params")).toObject().value(QLatin1String("max_tokens")).toInt()
            > 0);
}

void tst_BatchWire::anthropicPayload_lineWithNoEquivalent_refusedNamingLineAndField_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("logprobs") << QByteArray("{\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                              << QStringLiteral("in.jsonl:2: \"logprobs\"");
    QTest::newRow("temperature above 1") << QByteArray(
        "{\"temperature\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                                         << QStringLiteral("in.jsonl:2: \"temperature\"");
}

void tst_BatchWire::anthropicPayload_lineWithNoEquivalent_refusedNamingLineAndField()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    const QByteArray file = "{\"messages\":[{\"role\":\"user\",\"content\":\"fine\"}]}\n" + line + '\n';
    QString message;
    QVERIFY(!BatchWire::payload(BatchApi::Anthropic, QStringLiteral("claude-haiku-4-5"), items(file),
                                QStringLiteral("in.jsonl"), &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
    // The same line goes to OpenAI as it is.
    QVERIFY(BatchWire::payload(BatchApi::OpenAi, QStringLiteral("gpt-4.1-mini"), items(file),
                               QStringLiteral("in.jsonl"), &message));
}

void tst_BatchWire::multipartUpload_carriesPurposeBatchAndTheFile()
{
    const QByteArray body = BatchWire::multipartUpload("{\"a\":1}\n", QStringLiteral("in.jsonl"), "XyZ");
    QVERIFY(body.startsWith("--XyZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"));
    QVERIFY(body.contains("Content-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"));
    QVERIFY(body.contains("\r\n\r\n{\"a\":1}\n\r\n--XyZ--\r\n"));
    QCOMPARE(QJsonDocument::fromJson(BatchWire::createBody(BatchApi::OpenAi, QStringLiteral("file-1"),
                                                           QStringLiteral("gpt-4.1-mini"), QStringLiteral("in.jsonl")))
                 .object(),
             (QJsonObject { { QStringLiteral("input_file_id"), QStringLiteral("file-1") },
                            { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
                            { QStringLiteral("completion_window"), QStringLiteral("24h") } }));
}

void tst_BatchWire::status_readsBothProvidersObjects_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("state"); // "" = refused
    QTest::addColumn<int>("succeeded");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QString>("outputFile");
    QTest::addColumn<QString>("firstError");
    QTest::newRow("openai validating") << "openai"
                                       << QByteArray(
                                              "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"validating\","
                                              "\"request_counts\":{\"total\":0,\"completed\":0,\"failed\":0},"
                                              "\"output_file_id\":null,\"error_file_id\":null,\"errors\":null}")
                                       << "validating" << 0 << 0 << QString() << QString();
    QTest::newRow("openai completed with an output file")
        << "openai"
        << QByteArray(
               "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\",\"request_counts\":{\"total\":3,"
               "\"completed\":2,\"failed\":1},\"output_file_id\":\"file-out\",\"error_file_id\":\"file-err\"}")
        << "ended" << 2 << 1 << "file-out" << QString();
    QTest::newRow("openai failed validation names the line")
        << "openai"
        << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"failed\",\"errors\":{\"object\":\"list\","
                      "\"data\":[{\"code\":\"invalid_url\",\"message\":\"The URL provided for this request does not "
                      "match the batch endpoint.\",\"param\":\"url\",\"line\":4}]}}")
        << "failed" << 0 << 0 << QString()
        << "line 4: The URL provided for this request does not match the batch endpoint.";
    QTest::newRow("openai expired") << "openai"
                                    << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"expired\"}")
                                    << "expired" << 0 << 0 << QString() << QString();
    QTest::newRow("anthropic in progress")
        << "anthropic"
        << QByteArray("{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"in_progress\","
                      "\"request_counts\":{\"processing\":2,\"succeeded\":0,\"errored\":0,\"canceled\":0,"
                      "\"expired\":0},\"results_url\":null}")
        << "in_progress" << 0 << 0 << QString() << QString();
    QTest::newRow("anthropic ended")
        << "anthropic"
        << QByteArray("{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                      "\"request_counts\":{\"processing\":0,\"succeeded\":5,\"errored\":1,\"canceled\":0,"
                      "\"expired\":0},\"results_url\":\"https://api.anthropic.com/v1/messages/batches/msgbatch_1/"
                      "results\"}")
        << "ended" << 5 << 1 << QString() << QString();
    QTest::newRow("anthropic ended after a cancel")
        << "anthropic"
        << QByteArray("{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                      "\"request_counts\":{\"processing\":0,\"succeeded\":1,\"errored\":0,\"canceled\":3,"
                      "\"expired\":0}}")
        << "cancelled" << 1 << 3 << QString() << QString();
    QTest::newRow("an error envelope is no status") << "openai"
                                                    << QByteArray("{\"error\":{\"message\":\"No batch found with id "
                                                                  "'batch_x'.\",\"type\":\"invalid_request_error\"}}")
                                                    << QString() << 0 << 0 << QString() << QString();
    QTest::newRow("an OpenAI batch is no Anthropic one")
        << "anthropic" << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\"}") << QString()
        << 0 << 0 << QString() << QString();
    // Mistral's batch job: statuses in capitals, counts at the top level, errors as {message, count}.
    QTest::newRow("mistral queued")
        << "mistral"
        << QByteArray("{\"id\":\"b6d4a1e2-0c1f-4c7e-9b0a-1f2e3d4c5b6a\",\"object\":\"batch\",\"input_files\":["
                      "\"f1\"],\"endpoint\":\"/v1/chat/completions\",\"model\":\"codestral-latest\",\"errors\":[],"
                      "\"status\":\"QUEUED\",\"created_at\":1765090800,\"total_requests\":3,\"completed_requests\":0,"
                      "\"succeeded_requests\":0,\"failed_requests\":0}")
        << "queued" << 0 << 0 << QString() << QString();
    QTest::newRow("mistral success with an output file")
        << "mistral"
        << QByteArray("{\"id\":\"b6d4\",\"object\":\"batch\",\"input_files\":[\"f1\"],\"endpoint\":\"/v1/chat/"
                      "completions\",\"errors\":[],\"status\":\"SUCCESS\",\"output_file\":\"f2\",\"error_file\":"
                      "\"f3\",\"created_at\":1,\"total_requests\":3,\"completed_requests\":3,\"succeeded_requests\":2,"
                      "\"failed_requests\":1}")
        << "ended" << 2 << 1 << "f2" << QString();
    QTest::newRow("mistral failed names the line and how often")
        << "mistral"
        << QByteArray("{\"id\":\"b6d4\",\"object\":\"batch\",\"input_files\":[\"f1\"],\"endpoint\":\"/v1/chat/"
                      "completions\",\"errors\":[{\"message\":\"Line 2: invalid JSON\",\"count\":2}],\"status\":"
                      "\"FAILED\",\"created_at\":1,\"total_requests\":0,\"completed_requests\":0,"
                      "\"succeeded_requests\":0,\"failed_requests\":0}")
        << "failed" << 0 << 0 << QString() << "Line 2: invalid JSON (2 times)";
    QTest::newRow("mistral timeout exceeded is expired")
        << "mistral" << QByteArray("{\"id\":\"b6d4\",\"status\":\"TIMEOUT_EXCEEDED\",\"succeeded_requests\":1}")
        << "expired" << 1 << 0 << QString() << QString();
    QTest::newRow("mistral cancellation requested")
        << "mistral" << QByteArray("{\"id\":\"b6d4\",\"status\":\"CANCELLATION_REQUESTED\"}") << "cancelling" << 0 << 0
        << QString() << QString();
    QTest::newRow("an OpenAI status word is no Mistral one")
        << "mistral" << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\"}") << QString()
        << 0 << 0 << QString() << QString();
    QTest::newRow("azure: OpenAI's batch object")
        << "azure"
        << QByteArray("{\"object\":\"batch\",\"id\":\"batch_72a2792ef7d24ba7b82c7fe4a37e379f\",\"endpoint\":\"/chat/"
                      "completions\",\"errors\":null,\"input_file_id\":\"file-b4fa\",\"completion_window\":\"24h\","
                      "\"status\":\"completed\",\"output_file_id\":\"file-out\",\"error_file_id\":null,"
                      "\"request_counts\":{\"total\":2,\"completed\":2,\"failed\":0}}")
        << "ended" << 2 << 0 << "file-out" << QString();
    // Gemini: the batch's Operation, the batch in metadata, int64 counts as strings (0 left out).
    QTest::newRow("gemini pending, as batchGenerateContent answers")
        << "gemini"
        << QByteArray("{\"name\":\"batches/abc123\",\"metadata\":{\"@type\":\"type.googleapis.com/google.ai."
                      "generativelanguage.v1main.GenerateContentBatch\",\"model\":\"models/gemini-2.5-flash\","
                      "\"displayName\":\"in.jsonl\",\"name\":\"batches/abc123\",\"batchStats\":{\"requestCount\":"
                      "\"3\",\"pendingRequestCount\":\"3\"},\"state\":\"BATCH_STATE_PENDING\"}}")
        << "queued" << 0 << 0 << QString() << QString();
    QTest::newRow("gemini running")
        << "gemini" << QByteArray("{\"name\":\"batches/abc123\",\"metadata\":{\"state\":\"BATCH_STATE_RUNNING\"}}")
        << "in_progress" << 0 << 0 << QString() << QString();
    QTest::newRow("gemini succeeded with counts as strings")
        << "gemini"
        << QByteArray("{\"name\":\"batches/abc123\",\"done\":true,\"metadata\":{\"state\":"
                      "\"BATCH_STATE_SUCCEEDED\",\"batchStats\":{\"requestCount\":\"3\",\"successfulRequestCount\":"
                      "\"2\",\"failedRequestCount\":\"1\"}},\"response\":{}}")
        << "ended" << 2 << 1 << QString() << QString();
    QTest::newRow("gemini: the SDKs' JOB_STATE_ name reads the same")
        << "gemini" << QByteArray("{\"name\":\"batches/abc123\",\"metadata\":{\"state\":\"JOB_STATE_SUCCEEDED\"}}")
        << "ended" << 0 << 0 << QString() << QString();
    QTest::newRow("gemini failed keeps the operation's error")
        << "gemini"
        << QByteArray("{\"name\":\"batches/abc123\",\"done\":true,\"metadata\":{\"state\":"
                      "\"BATCH_STATE_FAILED\"},\"error\":{\"code\":3,\"message\":\"Invalid request.\"}}")
        << "failed" << 0 << 0 << QString() << "Invalid request.";
    QTest::newRow("gemini cancelled") << "gemini"
                                      << QByteArray("{\"name\":\"batches/abc123\",\"metadata\":{\"state\":"
                                                    "\"BATCH_STATE_CANCELLED\"}}")
                                      << "cancelled" << 0 << 0 << QString() << QString();
    QTest::newRow("gemini expired") << "gemini"
                                    << QByteArray("{\"name\":\"batches/abc123\",\"metadata\":{\"state\":"
                                                  "\"BATCH_STATE_EXPIRED\"}}")
                                    << "expired" << 0 << 0 << QString() << QString();
    QTest::newRow("gemini's error envelope is no status")
        << "gemini"
        << QByteArray("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":"
                      "\"NOT_FOUND\"}}")
        << QString() << 0 << 0 << QString() << QString();
    QTest::newRow("an OpenAI batch is no Gemini one")
        << "gemini" << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\"}") << QString()
        << 0 << 0 << QString() << QString();
}

void tst_BatchWire::status_readsBothProvidersObjects()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, json);
    QFETCH(QString, state);
    QFETCH(int, succeeded);
    QFETCH(int, failed);
    QFETCH(QString, outputFile);
    QFETCH(QString, firstError);
    QString error;
    const auto status = BatchWire::parseStatus(*BatchApis::fromId(api), json, &error);
    if (state.isEmpty()) {
        QVERIFY(!status);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(status, qPrintable(error));
    QCOMPARE(BatchStates::id(status->state), state);
    QCOMPARE(status->succeeded, succeeded);
    QCOMPARE(status->failed, failed);
    QCOMPARE(status->outputFileId, outputFile);
    QCOMPARE(status->errors.value(0), firstError);
}

void tst_BatchWire::results_failedRequestsSayWhyAndBillNothing()
{
    QString error;
    const auto openAi = BatchWire::parseResults(
        BatchApi::OpenAi,
        "{\"id\":\"batch_req_2\",\"custom_id\":\"q2\",\"response\":{\"status_code\":404,\"request_id\":\"req_2\","
        "\"body\":{\"error\":{\"message\":\"The model `gpt-0` does not exist or you do not have access to it.\","
        "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}},\"error\":null}\n",
        &error);
    QVERIFY2(openAi, qPrintable(error));
    QCOMPARE(openAi->size(), 1);
    QCOMPARE(openAi->at(0).customId, QStringLiteral("q2"));
    QVERIFY(!openAi->at(0).ok);
    QVERIFY2(openAi->at(0).error.startsWith(QLatin1String("HTTP 404: invalid_request_error: The model `gpt-0`")),
             qPrintable(openAi->at(0).error));
    QCOMPARE(openAi->at(0).usage.promptTokens, 0);

    const auto anthropic = BatchWire::parseResults(
        BatchApi::Anthropic,
        "{\"custom_id\":\"a\",\"result\":{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":{\"type\":"
        "\"invalid_request_error\",\"message\":\"max_tokens: Field required\"}}}}\n"
        "{\"custom_id\":\"b\",\"result\":{\"type\":\"expired\"}}\n",
        &error);
    QVERIFY2(anthropic, qPrintable(error));
    QCOMPARE(anthropic->size(), 2);
    QCOMPARE(anthropic->at(0).error, QStringLiteral("invalid_request_error: max_tokens: Field required"));
    QCOMPARE(anthropic->at(1).error, QStringLiteral("expired"));
    QVERIFY(!anthropic->at(1).ok);

    QVERIFY(!BatchWire::parseResults(BatchApi::Anthropic, "{\"result\":{}}\n", &error));
    QVERIFY2(error.contains(QLatin1String("line 1")), qPrintable(error));
}

void tst_BatchWire::batchCost_handComputed_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("resultLine");
    QTest::addColumn<double>("expectedUsd");
    // codestral-latest: 0.30 / 0.90 per 1M; Mistral's batch jobs bill half: 0.15 / 0.45.
    QTest::newRow("Mistral codestral-latest: 1000 in, 500 out = 1000 x 0.15 + 500 x 0.45 per 1M")
        << false << "codestral-latest"
        << QByteArray("{\"id\":\"batch-b6d4-0\",\"custom_id\":\"q1\",\"response\":{\"status_code\":200,\"body\":{"
                      "\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"codestral-latest\","
                      "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                      "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":500,"
                      "\"total_tokens\":1500}}},\"error\":null}")
        << 0.000375;
    // gpt-4.1-mini: 0.40 / 1.60 per 1M, cached 0.10; batch 0.20 / 0.80 (half, cache reads too).
    QTest::newRow("gpt-4.1-mini: 1200 in, 300 out = 1200 x 0.20 + 300 x 0.80 per 1M")
        << false << "gpt-4.1-mini"
        << QByteArray("{\"id\":\"r1\",\"custom_id\":\"q1\",\"response\":{\"status_code\":200,\"request_id\":\"x\","
                      "\"body\":{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":"
                      "\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                      "\"4\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300,"
                      "\"total_tokens\":1500}}},\"error\":null}")
        << 0.00048;
    QTest::newRow("gpt-4.1-mini: 2048 in of which 1024 cached, 100 out = 1024 x 0.20 + 1024 x 0.05 + 100 x 0.80")
        << false << "gpt-4.1-mini"
        << QByteArray("{\"id\":\"r1\",\"custom_id\":\"q1\",\"response\":{\"status_code\":200,\"body\":{\"id\":\"c\","
                      "\"object\":\"chat.completion\",\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,"
                      "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":{"
                      "\"prompt_tokens\":2048,\"completion_tokens\":100,\"total_tokens\":2148,"
                      "\"prompt_tokens_details\":{\"cached_tokens\":1024}}}},\"error\":null}")
        << 0.000336;
    // gpt-5: 1.25 / 10 per 1M; batch 0.625 / 5; reasoning tokens are output tokens.
    QTest::newRow("gpt-5: 500 in, 1000 out of which 600 reasoning = 500 x 0.625 + 1000 x 5")
        << false << "gpt-5"
        << QByteArray("{\"id\":\"r1\",\"custom_id\":\"q1\",\"response\":{\"status_code\":200,\"body\":{\"id\":\"c\","
                      "\"object\":\"chat.completion\",\"model\":\"gpt-5\",\"choices\":[{\"index\":0,\"message\":{"
                      "\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":{"
                      "\"prompt_tokens\":500,\"completion_tokens\":1000,\"total_tokens\":1500,"
                      "\"completion_tokens_details\":{\"reasoning_tokens\":600}}}},\"error\":null}")
        << 0.0053125;
    // claude-haiku-4-5: 1 / 5 per 1M; batch 0.50 / 2.50.
    QTest::newRow("claude-haiku-4-5: 900 in, 250 out = 900 x 0.50 + 250 x 2.50")
        << true << "claude-haiku-4-5"
        << QByteArray("{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_1\",\"type\":"
                      "\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\",\"content\":[{\"type\":"
                      "\"text\",\"text\":\"Hi\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{"
                      "\"input_tokens\":900,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
                      "\"output_tokens\":250}}}}")
        << 0.001075;
    // claude-sonnet-4-5: 3 / 15 per 1M, 5-minute writes 3.75; batch 1.50 / 7.50, writes at half too.
    QTest::newRow("claude-sonnet-4-5: 100 in + 2000 written (5 min), 400 out = 100 x 1.5 + 2000 x 1.875 + 400 x 7.5")
        << true << "claude-sonnet-4-5"
        << QByteArray("{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_1\",\"type\":"
                      "\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":"
                      "\"text\",\"text\":\"Hi\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":100,"
                      "\"cache_creation_input_tokens\":2000,\"cache_read_input_tokens\":0,\"cache_creation\":{"
                      "\"ephemeral_5m_input_tokens\":2000,\"ephemeral_1h_input_tokens\":0},\"output_tokens\":400}}}}")
        << 0.0069;
}

void tst_BatchWire::batchCost_handComputed()
{
    QFETCH(bool, anthropic);
    QFETCH(QString, model);
    QFETCH(QByteArray, resultLine);
    QFETCH(double, expectedUsd);
    QString error;
    const auto results
        = BatchWire::parseResults(anthropic ? BatchApi::Anthropic : BatchApi::OpenAi, resultLine, &error);
    QVERIFY2(results && results->size() == 1, qPrintable(error));
    const BatchResult& result = results->first();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.usage.batch);
    const auto entry = PriceTable::bundled().lookup(model);
    QVERIFY(entry);
    const std::optional<double> cost = CostCalculator::cost(*entry, result.usage);
    QVERIFY(cost);
    QVERIFY2(qAbs(*cost - expectedUsd) < 1e-12, qPrintable(QString::number(*cost, 'g', 12)));
    // The same usage outside a batch costs twice as much at these providers.
    TokenUsage standard = result.usage;
    standard.batch = false;
    QVERIFY(qAbs(*CostCalculator::cost(*entry, standard) - 2 * expectedUsd) < 1e-12);
}

void tst_BatchWire::api_ofEachProvider_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("api"); // "" = none
    QTest::newRow("OpenAI") << "openai"
                            << "openai"
                            << "https://api.openai.com/v1"
                            << "openai";
    QTest::newRow("an OpenAI-compatible provider") << "deepseek"
                                                   << "openai"
                                                   << "https://api.deepseek.com/v1"
                                                   << "openai";
    QTest::newRow("Mistral's host, whatever the id") << "la-plateforme"
                                                     << "openai"
                                                     << "https://API.mistral.ai/v1"
                                                     << "mistral";
    QTest::newRow("the Mistral preset's id behind a proxy") << "mistral"
                                                            << "openai"
                                                            << "http://127.0.0.1:4000/mistral/v1"
                                                            << "mistral";
    QTest::newRow("the sandbox's Mistral") << "sandbox-mistral"
                                           << "openai"
                                           << "http://127.0.0.1:1/mistral/v1"
                                           << "mistral";
    QTest::newRow("Anthropic") << "anthropic"
                               << "anthropic"
                               << "https://api.anthropic.com/v1"
                               << "anthropic";
    QTest::newRow("Azure OpenAI") << "azure"
                                  << "azure"
                                  << "https://contoso.openai.azure.com"
                                  << "azure";
    QTest::newRow("Gemini's native API") << "gemini"
                                         << "gemini"
                                         << "https://generativelanguage.googleapis.com/v1beta"
                                         << "gemini";
    QTest::newRow("Bedrock: S3 batch inference is not supported")
        << "bedrock"
        << "bedrock"
        << "https://bedrock-runtime.us-east-1.amazonaws.com" << QString();
}

void tst_BatchWire::api_ofEachProvider()
{
    QFETCH(QString, id);
    QFETCH(QString, kind);
    QFETCH(QString, baseUrl);
    QFETCH(QString, api);
    ProviderConfig provider;
    provider.id = id;
    provider.kind = *ProviderKinds::fromId(kind);
    provider.baseUrl = QUrl(baseUrl);
    const std::optional<BatchApi> found = BatchApis::of(provider);
    QCOMPARE(found ? BatchApis::id(*found) : QString(), api);
    if (found) {
        QCOMPARE(BatchApis::fromId(api), found);
    }
}

// Mistral's input file: {custom_id, body} per line, the body without a model (the job names one);
// the job: input_files, model, endpoint and metadata.
void tst_BatchWire::mistralPayload_customIdAndBodyTheJobNamesTheModel()
{
    QString error;
    const auto file = BatchWire::payload(BatchApi::Mistral, QStringLiteral("codestral-latest"), items(kTwoLines),
                                         QStringLiteral("in.jsonl"), &error);
    QVERIFY2(file, qPrintable(error));
    const QList<QByteArray> lines = file->trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.keys(), (QStringList { QStringLiteral("body"), QStringLiteral("custom_id") }));
    QCOMPARE(first.value(QLatin1String("custom_id")).toString(), QStringLiteral("q1"));
    const QJsonObject body = first.value(QLatin1String("body")).toObject();
    QVERIFY(!body.contains(QLatin1String("model")));
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 50);
    QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.5);
    QCOMPARE(body.value(QLatin1String("messages")).toArray().size(), 2);
    QCOMPARE(
        QJsonDocument::fromJson(BatchWire::createBody(BatchApi::Mistral, QStringLiteral("f-1"),
                                                      QStringLiteral("codestral-latest"), QStringLiteral("in.jsonl")))
            .object(),
        (QJsonObject {
            { QStringLiteral("input_files"), QJsonArray { QStringLiteral("f-1") } },
            { QStringLiteral("model"), QStringLiteral("codestral-latest") },
            { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
            { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("input"), QStringLiteral("in.jsonl") } } } }));
}

// Azure's global batch: OpenAI's lines with the deployment-relative url, the deployment as model.
void tst_BatchWire::azurePayload_deploymentRelativeUrlAndTheDeploymentAsModel()
{
    QString error;
    const auto file = BatchWire::payload(BatchApi::Azure, QStringLiteral("mini-batch"), items(kTwoLines),
                                         QStringLiteral("in.jsonl"), &error);
    QVERIFY2(file, qPrintable(error));
    const QJsonObject first = QJsonDocument::fromJson(file->split('\n').first()).object();
    QCOMPARE(first.value(QLatin1String("url")).toString(), QStringLiteral("/chat/completions"));
    QCOMPARE(first.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(first.value(QLatin1String("body")).toObject().value(QLatin1String("model")).toString(),
             QStringLiteral("mini-batch"));
    QCOMPARE(QJsonDocument::fromJson(BatchWire::createBody(BatchApi::Azure, QStringLiteral("file-1"),
                                                           QStringLiteral("mini-batch"), QStringLiteral("in.jsonl")))
                 .object(),
             (QJsonObject { { QStringLiteral("input_file_id"), QStringLiteral("file-1") },
                            { QStringLiteral("endpoint"), QStringLiteral("/chat/completions") },
                            { QStringLiteral("completion_window"), QStringLiteral("24h") } }));
}

void tst_BatchWire::results_aMalformedLineFailsTheWholeFileNamingIt_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("mistral") << "mistral";
    QTest::newRow("azure") << "azure";
    QTest::newRow("openai") << "openai";
}

void tst_BatchWire::results_aMalformedLineFailsTheWholeFileNamingIt()
{
    QFETCH(QString, api);
    const QByteArray good = "{\"id\":\"r1\",\"custom_id\":\"q1\",\"response\":{\"status_code\":200,\"body\":{\"id\":"
                            "\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                            "\"message\":{\"role\":\"assistant\",\"content\":\"4\"},\"finish_reason\":\"stop\"}],"
                            "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}},"
                            "\"error\":null}\n";
    QString error;
    const auto one = BatchWire::parseResults(*BatchApis::fromId(api), good, &error);
    QVERIFY2(one && one->size() == 1 && one->first().ok, qPrintable(error));
    QCOMPARE(one->first().usage.promptTokens, 10);
    QVERIFY(!BatchWire::parseResults(*BatchApis::fromId(api), good + "{\"custom_id\":\"q2\",\"response\":{\n" + good,
                                     &error));
    QCOMPARE(error, QStringLiteral("results line 2: expected an object with a custom_id"));
}

void tst_BatchWire::errorMessage_readsEachProvidersEnvelope_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("OpenAI") << 404
                            << QByteArray("{\"error\":{\"message\":\"No batch found with id 'batch_x'.\",\"type\":"
                                          "\"invalid_request_error\",\"param\":null,\"code\":null}}")
                            << "HTTP 404: invalid_request_error: No batch found with id 'batch_x'.";
    QTest::newRow("Azure") << 404 << QByteArray("{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}")
                           << "HTTP 404: Resource not found";
    QTest::newRow("Mistral") << 404
                             << QByteArray("{\"object\":\"error\",\"message\":\"Batch job not found\",\"type\":"
                                           "\"invalid_request_error\",\"param\":null,\"code\":null}")
                             << "HTTP 404: invalid_request_error: Batch job not found";
    QTest::newRow("Gemini: google.rpc.Status") << 404
                                               << QByteArray("{\"error\":{\"code\":404,\"message\":\"Requested "
                                                             "entity was not found.\",\"status\":\"NOT_FOUND\"}}")
                                               << "HTTP 404: NOT_FOUND: Requested entity was not found.";
    QTest::newRow("no envelope") << 502 << QByteArray("<html>bad gateway</html>") << "HTTP 502";
}

void tst_BatchWire::errorMessage_readsEachProvidersEnvelope()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(BatchWire::errorMessage(status, body), message);
}

// Gemini's batch: each line a GenerateContentRequest (translated from the chat body, the model in
// the path, not the body) keyed by its custom id, as the input file's {key, request} lines and,
// inline, as {request, metadata: {key}}.
void tst_BatchWire::geminiPayload_inlineRequestsKeyedByCustomId()
{
    QString error;
    const auto file = BatchWire::payload(BatchApi::Gemini, QStringLiteral("gemini-2.5-flash"), items(kTwoLines),
                                         QStringLiteral("in.jsonl"), &error);
    QVERIFY2(file, qPrintable(error));
    const QList<QByteArray> lines = file->trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject line = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(line.keys(), (QStringList { QStringLiteral("key"), QStringLiteral("request") }));
    QCOMPARE(line.value(QLatin1String("key")).toString(), QStringLiteral("q1"));

    const QJsonObject batch = QJsonDocument::fromJson(BatchWire::geminiInlineBody(*file, QStringLiteral("in.jsonl")))
                                  .object()
                                  .value(QLatin1String("batch"))
                                  .toObject();
    QCOMPARE(batch.value(QLatin1String("displayName")).toString(), QStringLiteral("in.jsonl"));
    const QJsonArray requests = batch.value(QLatin1String("inputConfig"))
                                    .toObject()
                                    .value(QLatin1String("requests"))
                                    .toObject()
                                    .value(QLatin1String("requests"))
                                    .toArray();
    QCOMPARE(requests.size(), 2);
    const QJsonObject first = requests[0].toObject();
    QCOMPARE(first.keys(), (QStringList { QStringLiteral("metadata"), QStringLiteral("request") }));
    QCOMPARE(first.value(QLatin1String("metadata")).toObject(),
             (QJsonObject { { QStringLiteral("key"), QStringLiteral("q1") } }));
    const QJsonObject request = first.value(QLatin1String("request")).toObject();
    QCOMPARE(request, line.value(QLatin1String("request")).toObject());
    QVERIFY(!request.contains(QLatin1String("model")));
    QCOMPARE(request.value(QLatin1String("systemInstruction"))
                 .toObject()
                 .value(QLatin1String("parts"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("Be brief."));
    const QJsonObject generation = request.value(QLatin1String("generationConfig")).toObject();
    QCOMPARE(generation.value(QLatin1String("maxOutputTokens")).toInt(), 50);
    QCOMPARE(generation.value(QLatin1String("temperature")).toDouble(), 0.5);
    QCOMPARE(request.value(QLatin1String("contents")).toArray().size(), 1);
    QCOMPARE(requests[1].toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("key")).toString(),
             QStringLiteral("q2"));

    // What Gemini cannot take is refused naming the line and the field, never dropped.
    QVERIFY(!BatchWire::payload(BatchApi::Gemini, QStringLiteral("gemini-2.5-flash"),
                                items("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":2}\n"),
                                QStringLiteral("in.jsonl"), &error));
    QVERIFY2(error.startsWith(QLatin1String("in.jsonl:1: \"n\"")), qPrintable(error));
}

// Over 20 MB the batch names the uploaded file; the Files API's answer names it as files/ID.
void tst_BatchWire::geminiFile_createBodyAndUploadAnswer()
{
    QCOMPARE(
        QJsonDocument::fromJson(BatchWire::geminiFileBody(QStringLiteral("files/abc"), QStringLiteral("big.jsonl")))
            .object(),
        (QJsonObject {
            { QStringLiteral("batch"),
              QJsonObject { { QStringLiteral("displayName"), QStringLiteral("big.jsonl") },
                            { QStringLiteral("inputConfig"),
                              QJsonObject { { QStringLiteral("fileName"), QStringLiteral("files/abc") } } } } } }));
    QString error;
    QCOMPARE(BatchWire::geminiUploadedFile("{\"file\":{\"name\":\"files/abc\",\"mimeType\":\"application/jsonl\","
                                           "\"sizeBytes\":\"123\",\"state\":\"ACTIVE\"}}",
                                           &error),
             QStringLiteral("files/abc"));
    QVERIFY(BatchWire::geminiUploadedFile("{\"error\":{\"code\":400}}", &error).isEmpty());
    QCOMPARE(error, QStringLiteral("the upload was not answered with a file named files/ID"));
    // Its answers come as a responses file, named in the operation's response.
    const auto status = BatchWire::parseStatus(
        BatchApi::Gemini,
        "{\"name\":\"batches/b1\",\"done\":true,\"metadata\":{\"state\":\"BATCH_STATE_SUCCEEDED\"},"
        "\"response\":{\"responsesFile\":\"files/out1\"}}",
        &error);
    QVERIFY2(status, qPrintable(error));
    QCOMPARE(status->outputFileId, QStringLiteral("files/out1"));
}

void tst_BatchWire::geminiResults_keyedByMetadataEachFailureKept_data()
{
    const QJsonObject failure { { QStringLiteral("code"), 400 },
                                { QStringLiteral("message"),
                                  QStringLiteral("The input token count (300) exceeds the maximum number of tokens "
                                                 "allowed (200).") },
                                { QStringLiteral("status"), QStringLiteral("INVALID_ARGUMENT") } };
    auto keyed = [](const QString& key) { return QJsonObject { { QStringLiteral("key"), key } }; };
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QStringList>("inputOrder");
    QTest::addColumn<QStringList>("customIds"); // as read, in the output's order
    QTest::addColumn<QStringList>("errors"); // "" = answered
    QTest::newRow("an answer and a failure, each by its metadata key, in any order")
        << geminiOperation({ QJsonObject { { QStringLiteral("error"), failure },
                                           { QStringLiteral("metadata"), keyed(QStringLiteral("q2")) } },
                             QJsonObject { { QStringLiteral("response"), geminiAnswer() },
                                           { QStringLiteral("metadata"), keyed(QStringLiteral("q1")) } } })
        << QStringList { QStringLiteral("q1"), QStringLiteral("q2") }
        << QStringList { QStringLiteral("q2"), QStringLiteral("q1") }
        << QStringList { QStringLiteral("INVALID_ARGUMENT: The input token count (300) exceeds the maximum number "
                                        "of tokens allowed (200)."),
                         QString() };
    QTest::newRow("no metadata given back: the input's order")
        << geminiOperation(
               { QJsonObject { { QStringLiteral("response"), geminiAnswer() } },
                 QJsonObject { { QStringLiteral("error"),
                                 QJsonObject { { QStringLiteral("code"), 13 },
                                               { QStringLiteral("message"), QStringLiteral("Internal") } } } } })
        << QStringList { QStringLiteral("a"), QStringLiteral("b") }
        << QStringList { QStringLiteral("a"), QStringLiteral("b") }
        << QStringList { QString(), QStringLiteral("13: Internal") };
    QTest::newRow("only metadata.output, as the SDKs read it")
        << QJsonDocument(
               QJsonObject {
                   { QStringLiteral("name"), QStringLiteral("batches/abc123") },
                   { QStringLiteral("metadata"),
                     QJsonObject {
                         { QStringLiteral("state"), QStringLiteral("BATCH_STATE_SUCCEEDED") },
                         { QStringLiteral("output"),
                           QJsonObject { { QStringLiteral("inlinedResponses"),
                                           QJsonObject { { QStringLiteral("inlinedResponses"),
                                                           QJsonArray { QJsonObject {
                                                               { QStringLiteral("response"), geminiAnswer() },
                                                               { QStringLiteral("metadata"),
                                                                 keyed(QStringLiteral("x")) } } } } } } } } } } })
               .toJson(QJsonDocument::Compact)
        << QStringList() << QStringList { QStringLiteral("x") } << QStringList { QString() };
    QTest::newRow("a responses file: one {key, response | error} per line")
        << QJsonDocument(QJsonObject { { QStringLiteral("key"), QStringLiteral("f1") },
                                       { QStringLiteral("response"), geminiAnswer() } })
                .toJson(QJsonDocument::Compact)
            + "\n"
            + QJsonDocument(
                  QJsonObject { { QStringLiteral("key"), QStringLiteral("f2") }, { QStringLiteral("error"), failure } })
                  .toJson(QJsonDocument::Compact)
            + "\n"
        << QStringList() << QStringList { QStringLiteral("f1"), QStringLiteral("f2") }
        << QStringList { QString(),
                         QStringLiteral("INVALID_ARGUMENT: The input token count (300) exceeds the maximum number "
                                        "of tokens allowed (200).") };
    QTest::newRow("cancelled before anything ran: no results")
        << geminiOperation({}) << QStringList() << QStringList() << QStringList();
}

void tst_BatchWire::geminiResults_keyedByMetadataEachFailureKept()
{
    QFETCH(QByteArray, operation);
    QFETCH(QStringList, inputOrder);
    QFETCH(QStringList, customIds);
    QFETCH(QStringList, errors);
    QString error;
    const auto results = BatchWire::parseResults(BatchApi::Gemini, operation, &error, inputOrder);
    QVERIFY2(results, qPrintable(error));
    QCOMPARE(results->size(), customIds.size());
    for (qsizetype i = 0; i < results->size(); ++i) {
        const BatchResult& result = results->at(i);
        QCOMPARE(result.customId, customIds[i]);
        QCOMPARE(result.error, errors[i]);
        QCOMPARE(result.ok, errors[i].isEmpty());
        QVERIFY(result.usage.batch);
        QCOMPARE(result.usage.promptTokens, result.ok ? 3 : 0);
        QCOMPARE(result.text, result.ok ? QStringLiteral("Hello!") : QString());
    }
}

void tst_BatchWire::geminiResults_costedAtHalfTheRates()
{
    // gemini-2.5-flash: 0.30 / 2.50 per 1M, its batch rates 0.15 / 1.25 (Google's pricing page);
    // thoughts are output: 3 x 0.15 + (2 + 17) x 1.25 per 1M = $0.0000242.
    QString error;
    const auto results = BatchWire::parseResults(
        BatchApi::Gemini,
        geminiOperation({ QJsonObject {
            { QStringLiteral("response"), geminiAnswer() },
            { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("key"), QStringLiteral("q1") } } } } }),
        &error);
    QVERIFY2(results && results->size() == 1, qPrintable(error));
    const auto entry = PriceTable::bundled().lookup(QStringLiteral("gemini-2.5-flash"));
    QVERIFY(entry);
    QCOMPARE(entry->price.batchInputPerMTok, 0.15);
    QCOMPARE(entry->price.batchOutputPerMTok, 1.25);
    const std::optional<double> cost = CostCalculator::cost(*entry, results->first().usage);
    QVERIFY(cost);
    QVERIFY2(qAbs(*cost - 0.0000242) < 1e-12, qPrintable(QString::number(*cost, 'g', 12)));
    TokenUsage standard = results->first().usage;
    standard.batch = false;
    QVERIFY(qAbs(*CostCalculator::cost(*entry, standard) - 2 * 0.0000242) < 1e-12);

    // Neither an operation nor answers: refused, named.
    QVERIFY(!BatchWire::parseResults(BatchApi::Gemini, "{\"error\":{\"code\":404}}", &error));
    QCOMPARE(error, QStringLiteral("results line 1: no key to tell which request it answers"));
    QVERIFY(!BatchWire::parseResults(BatchApi::Gemini, "{\"key\":\"a\",\"answer\":{}}\n", &error));
    QCOMPARE(error, QStringLiteral("results line 1: expected a response or an error"));
}

QTEST_GUILESS_MAIN(tst_BatchWire)
#include "tst_BatchWire.moc"
