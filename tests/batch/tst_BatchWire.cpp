#include "core/batch/BatchWire.h"
#include "core/pricing/CostCalculator.h"
#include "core/pricing/PriceTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Both batch APIs as documented (OpenAI's Batch API: the JSONL input file, the batch object and
// the output file; Anthropic's Message Batches: the create body, the message_batch object and the
// results JSONL), and what their results cost at the batch rates, computed by hand.
namespace {
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
};

void tst_BatchWire::openAiPayload_isTheDocumentedInputFile()
{
    QString error;
    const auto file = BatchWire::payload(ProviderKind::OpenAiCompatible, QStringLiteral("gpt-4.1-mini"),
                                         items(kTwoLines), QStringLiteral("in.jsonl"), &error);
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
    const auto body = BatchWire::payload(ProviderKind::AnthropicMessages, QStringLiteral("claude-haiku-4-5"),
                                         items(kTwoLines), QStringLiteral("in.jsonl"), &error);
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
    QVERIFY(!BatchWire::payload(ProviderKind::AnthropicMessages, QStringLiteral("claude-haiku-4-5"), items(file),
                                QStringLiteral("in.jsonl"), &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
    // The same line goes to OpenAI as it is.
    QVERIFY(BatchWire::payload(ProviderKind::OpenAiCompatible, QStringLiteral("gpt-4.1-mini"), items(file),
                               QStringLiteral("in.jsonl"), &message));
}

void tst_BatchWire::multipartUpload_carriesPurposeBatchAndTheFile()
{
    const QByteArray body = BatchWire::multipartUpload("{\"a\":1}\n", QStringLiteral("in.jsonl"), "XyZ");
    QVERIFY(body.startsWith("--XyZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"));
    QVERIFY(body.contains("Content-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"));
    QVERIFY(body.contains("\r\n\r\n{\"a\":1}\n\r\n--XyZ--\r\n"));
    QCOMPARE(QJsonDocument::fromJson(BatchWire::openAiCreateBody(QStringLiteral("file-1"))).object(),
             (QJsonObject { { QStringLiteral("input_file_id"), QStringLiteral("file-1") },
                            { QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions") },
                            { QStringLiteral("completion_window"), QStringLiteral("24h") } }));
}

void tst_BatchWire::status_readsBothProvidersObjects_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("state"); // "" = refused
    QTest::addColumn<int>("succeeded");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QString>("outputFile");
    QTest::addColumn<QString>("firstError");
    QTest::newRow("openai validating") << false
                                       << QByteArray(
                                              "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"validating\","
                                              "\"request_counts\":{\"total\":0,\"completed\":0,\"failed\":0},"
                                              "\"output_file_id\":null,\"error_file_id\":null,\"errors\":null}")
                                       << "validating" << 0 << 0 << QString() << QString();
    QTest::newRow("openai completed with an output file")
        << false
        << QByteArray(
               "{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\",\"request_counts\":{\"total\":3,"
               "\"completed\":2,\"failed\":1},\"output_file_id\":\"file-out\",\"error_file_id\":\"file-err\"}")
        << "ended" << 2 << 1 << "file-out" << QString();
    QTest::newRow("openai failed validation names the line")
        << false
        << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"failed\",\"errors\":{\"object\":\"list\","
                      "\"data\":[{\"code\":\"invalid_url\",\"message\":\"The URL provided for this request does not "
                      "match the batch endpoint.\",\"param\":\"url\",\"line\":4}]}}")
        << "failed" << 0 << 0 << QString()
        << "line 4: The URL provided for this request does not match the batch endpoint.";
    QTest::newRow("openai expired") << false
                                    << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"expired\"}")
                                    << "expired" << 0 << 0 << QString() << QString();
    QTest::newRow("anthropic in progress")
        << true
        << QByteArray("{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"in_progress\","
                      "\"request_counts\":{\"processing\":2,\"succeeded\":0,\"errored\":0,\"canceled\":0,"
                      "\"expired\":0},\"results_url\":null}")
        << "in_progress" << 0 << 0 << QString() << QString();
    QTest::newRow("anthropic ended")
        << true
        << QByteArray("{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                      "\"request_counts\":{\"processing\":0,\"succeeded\":5,\"errored\":1,\"canceled\":0,"
                      "\"expired\":0},\"results_url\":\"https://api.anthropic.com/v1/messages/batches/msgbatch_1/"
                      "results\"}")
        << "ended" << 5 << 1 << QString() << QString();
    QTest::newRow("anthropic ended after a cancel")
        << true
        << QByteArray("{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                      "\"request_counts\":{\"processing\":0,\"succeeded\":1,\"errored\":0,\"canceled\":3,"
                      "\"expired\":0}}")
        << "cancelled" << 1 << 3 << QString() << QString();
    QTest::newRow("an error envelope is no status") << false
                                                    << QByteArray("{\"error\":{\"message\":\"No batch found with id "
                                                                  "'batch_x'.\",\"type\":\"invalid_request_error\"}}")
                                                    << QString() << 0 << 0 << QString() << QString();
    QTest::newRow("an OpenAI batch is no Anthropic one")
        << true << QByteArray("{\"id\":\"batch_1\",\"object\":\"batch\",\"status\":\"completed\"}") << QString() << 0
        << 0 << QString() << QString();
}

void tst_BatchWire::status_readsBothProvidersObjects()
{
    QFETCH(bool, anthropic);
    QFETCH(QByteArray, json);
    QFETCH(QString, state);
    QFETCH(int, succeeded);
    QFETCH(int, failed);
    QFETCH(QString, outputFile);
    QFETCH(QString, firstError);
    QString error;
    const auto status = BatchWire::parseStatus(
        anthropic ? ProviderKind::AnthropicMessages : ProviderKind::OpenAiCompatible, json, &error);
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
        ProviderKind::OpenAiCompatible,
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
        ProviderKind::AnthropicMessages,
        "{\"custom_id\":\"a\",\"result\":{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":{\"type\":"
        "\"invalid_request_error\",\"message\":\"max_tokens: Field required\"}}}}\n"
        "{\"custom_id\":\"b\",\"result\":{\"type\":\"expired\"}}\n",
        &error);
    QVERIFY2(anthropic, qPrintable(error));
    QCOMPARE(anthropic->size(), 2);
    QCOMPARE(anthropic->at(0).error, QStringLiteral("invalid_request_error: max_tokens: Field required"));
    QCOMPARE(anthropic->at(1).error, QStringLiteral("expired"));
    QVERIFY(!anthropic->at(1).ok);

    QVERIFY(!BatchWire::parseResults(ProviderKind::AnthropicMessages, "{\"result\":{}}\n", &error));
    QVERIFY2(error.contains(QLatin1String("line 1")), qPrintable(error));
}

void tst_BatchWire::batchCost_handComputed_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("resultLine");
    QTest::addColumn<double>("expectedUsd");
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
    const auto results = BatchWire::parseResults(
        anthropic ? ProviderKind::AnthropicMessages : ProviderKind::OpenAiCompatible, resultLine, &error);
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

QTEST_GUILESS_MAIN(tst_BatchWire)
#include "tst_BatchWire.moc"
