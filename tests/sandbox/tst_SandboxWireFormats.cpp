#include "SandboxTestClient.h"

#include <QTest>

// The sandbox speaks the real wire formats: checked by parsing the bytes as a client would.
class TestSandboxWireFormats : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void nonStream_parsesAsRealFormat_data();
    void nonStream_parsesAsRealFormat();
    void openAiStream_roleContentFinishDone_data();
    void openAiStream_roleContentFinishDone();
    void anthropicStream_eventSequence();
    void anthropicWebSearch_blocksAndUsageAsDocumented_data();
    void anthropicWebSearch_blocksAndUsageAsDocumented();
    void streamAndNonStream_sameTextAndUsage_data();
    void streamAndNonStream_sameTextAndUsage();
    void maxTokens_truncatesWithLengthReason_data();
    void maxTokens_truncatesWithLengthReason();
    void reasoner_streamsReasoningBeforeAnswer();
    void reportsUsageOff_sendsNoUsage();

private:
    SandboxServer* m_sandbox = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxWireFormats::init()
{
    m_sandbox = new SandboxServer(this);
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
    m_nam = new QNetworkAccessManager(this);
}

void TestSandboxWireFormats::cleanup()
{
    delete m_nam;
    delete m_sandbox;
}

void TestSandboxWireFormats::nonStream_parsesAsRealFormat_data()
{
    QTest::addColumn<QString>("model");
    for (const SandboxModel& model : SandboxServer::catalogue()) {
        QTest::newRow(qPrintable(model.name)) << model.name;
    }
}

void TestSandboxWireFormats::nonStream_parsesAsRealFormat()
{
    QFETCH(QString, model);
    const QString prompt = QStringLiteral("Explain failover in one paragraph.");
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, prompt, false));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    QCOMPARE(exchange->reply->header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("application/json"));
    const QJsonObject json = exchange->json();
    const qint64 expectedPrompt = estimateTokens(QStringLiteral("You are terse.") + prompt);
    if (isAnthropic(model)) {
        QCOMPARE(json["type"].toString(), QStringLiteral("message"));
        QCOMPARE(json["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(json["model"].toString(), model);
        QCOMPARE(json["content"].toArray()[0].toObject()["type"].toString(), QStringLiteral("text"));
        QVERIFY(!json["content"].toArray()[0].toObject()["text"].toString().isEmpty());
        QCOMPARE(json["stop_reason"].toString(), QStringLiteral("end_turn"));
        QCOMPARE(json["usage"].toObject()["input_tokens"].toInteger(), expectedPrompt);
        QVERIFY(json["usage"].toObject()["output_tokens"].toInteger() > 5);
    } else {
        QCOMPARE(json["object"].toString(), QStringLiteral("chat.completion"));
        QVERIFY(json["id"].toString().startsWith("chatcmpl-"));
        const QJsonObject choice = json["choices"].toArray()[0].toObject();
        QCOMPARE(choice["message"].toObject()["role"].toString(), QStringLiteral("assistant"));
        QVERIFY(!choice["message"].toObject()["content"].toString().isEmpty());
        QCOMPARE(choice["finish_reason"].toString(), QStringLiteral("stop"));
        const QJsonObject usage = json["usage"].toObject();
        QCOMPARE(usage["prompt_tokens"].toInteger(), expectedPrompt);
        QCOMPARE(usage["total_tokens"].toInteger(),
                 usage["prompt_tokens"].toInteger() + usage["completion_tokens"].toInteger());
    }
}

void TestSandboxWireFormats::openAiStream_roleContentFinishDone_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("includeUsage");
    QTest::newRow("gpt-4.1-mini with include_usage") << "gpt-4.1-mini" << true;
    QTest::newRow("gpt-4.1-mini without include_usage: no usage chunk") << "gpt-4.1-mini" << false;
    QTest::newRow("gemini-2.5-flash with include_usage") << "gemini-2.5-flash" << true;
    QTest::newRow("codestral-latest without include_usage") << "codestral-latest" << false;
}

void TestSandboxWireFormats::openAiStream_roleContentFinishDone()
{
    QFETCH(QString, model);
    QFETCH(bool, includeUsage);
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "Say hello", true, 0, includeUsage));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->reply->error(), QNetworkReply::NoError);
    QVERIFY(exchange->reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith("text/event-stream"));
    const QList<SseEvent> events = exchange->events();
    QVERIFY(events.size() >= 5);
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
    const QJsonObject first = events.first().json();
    QCOMPARE(first["object"].toString(), QStringLiteral("chat.completion.chunk"));
    QCOMPARE(first["choices"].toArray()[0].toObject()["delta"].toObject()["role"].toString(),
             QStringLiteral("assistant"));

    int pieces = 0;
    QVERIFY(!streamedText(events, &pieces).isEmpty());
    const int finishAt = includeUsage ? events.size() - 3 : events.size() - 2;
    const QJsonObject finish = events[finishAt].json()["choices"].toArray()[0].toObject();
    QCOMPARE(finish["finish_reason"].toString(), QStringLiteral("stop"));
    QVERIFY(finish["delta"].toObject().isEmpty());
    int usageChunks = 0;
    for (const SseEvent& event : events) {
        QVERIFY(event.event.isEmpty()); // OpenAI streams carry no event: lines
        QVERIFY2(event.data == "[DONE]" || event.isJson(), event.data.constData());
        if (event.json().contains("usage") && !event.json()["usage"].isNull()) {
            ++usageChunks;
            QVERIFY(event.json()["choices"].toArray().isEmpty());
            QCOMPARE(event.json()["usage"].toObject()["completion_tokens"].toInt(), pieces);
        }
    }
    QCOMPARE(usageChunks, includeUsage ? 1 : 0);
}

void TestSandboxWireFormats::anthropicStream_eventSequence()
{
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "claude-sonnet-4-5", "Say hello", true));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->reply->error(), QNetworkReply::NoError);
    const QList<SseEvent> events = exchange->events();
    QStringList names;
    for (const SseEvent& event : events) {
        QVERIFY(event.isJson());
        QCOMPARE(event.json()["type"].toString().toUtf8(), event.event); // event: line matches data type
        if (names.isEmpty() || names.last() != event.event) {
            names.append(QString::fromUtf8(event.event));
        }
    }
    QCOMPARE(names,
             (QStringList { "message_start", "content_block_start", "ping", "content_block_delta", "content_block_stop",
                            "message_delta", "message_stop" }));
    int pieces = 0;
    streamedText(events, &pieces);
    const QJsonObject start = events[0].json()["message"].toObject();
    QCOMPARE(start["usage"].toObject()["input_tokens"].toInteger(), estimateTokens("You are terse.Say hello"));
    const QJsonObject delta = events[events.size() - 2].json();
    QCOMPARE(delta["delta"].toObject()["stop_reason"].toString(), QStringLiteral("end_turn"));
    QCOMPARE(delta["usage"].toObject()["output_tokens"].toInt(), pieces);
}

void TestSandboxWireFormats::anthropicWebSearch_blocksAndUsageAsDocumented_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("non-stream: content blocks in order, usage.server_tool_use") << false;
    QTest::newRow("stream: the blocks' events, the search count in message_delta") << true;
}

// Anthropic's web_search server tool: the server searches before answering, shows the search as a
// server_tool_use block (its input the query) and a web_search_tool_result, then the text in
// blocks as Claude writes it (tests/data/citations): uncited, cited (its start with an empty
// citations list, the citations_delta before its text), uncited again; the usage counts the
// searches (server_tool_use.web_search_requests), billed per search.
void TestSandboxWireFormats::anthropicWebSearch_blocksAndUsageAsDocumented()
{
    QFETCH(bool, stream);
    QJsonObject body
        = anthropicBody(QStringLiteral("claude-sonnet-4-5"), QStringLiteral("What changed today?"), stream);
    body.insert(QStringLiteral("tools"),
                QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("web_search_20250305") },
                                           { QStringLiteral("name"), QStringLiteral("web_search") },
                                           { QStringLiteral("max_uses"), 3 } } });
    QNetworkRequest request(callUrl(*m_sandbox, QStringLiteral("sandbox-anthropic")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<Exchange> exchange(
        new Exchange(m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact))));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);

    QStringList kinds; // content block types, in order
    QString query;
    QJsonObject usage;
    QString searchId;
    QString resultFor;
    QJsonObject citation; // of the answer's text, pointing at the result
    QList<int> cited; // per text block: its citations (-1: no citations list)
    QStringList texts; // per text block
    if (!stream) {
        const QJsonObject json = exchange->json();
        for (const QJsonValue& value : json["content"].toArray()) {
            const QJsonObject block = value.toObject();
            kinds << block["type"].toString();
            if (kinds.last() == QLatin1String("text")) {
                texts << block["text"].toString();
                cited << (block.contains(QLatin1String("citations")) ? int(block["citations"].toArray().size()) : -1);
                if (cited.last() > 0) {
                    citation = block["citations"].toArray().first().toObject();
                }
            } else if (kinds.last() == QLatin1String("server_tool_use")) {
                query = block["input"].toObject()["query"].toString();
                searchId = block["id"].toString();
            } else if (kinds.last() == QLatin1String("web_search_tool_result")) {
                resultFor = block["tool_use_id"].toString();
            }
        }
        usage = json["usage"].toObject();
    } else {
        QString partialJson;
        for (const SseEvent& event : exchange->events()) {
            const QJsonObject json = event.json();
            if (event.event == "content_block_start") {
                const QJsonObject block = json["content_block"].toObject();
                QCOMPARE(json["index"].toInt(), int(kinds.size())); // blocks numbered from 0 in order
                kinds << block["type"].toString();
                if (kinds.last() == QLatin1String("server_tool_use")) {
                    searchId = block["id"].toString();
                } else if (kinds.last() == QLatin1String("web_search_tool_result")) {
                    resultFor = block["tool_use_id"].toString();
                } else if (kinds.last() == QLatin1String("text")) {
                    texts << block["text"].toString();
                    cited << (block.contains(QLatin1String("citations")) ? 0 : -1);
                }
            } else if (event.event == "content_block_delta"
                       && json["delta"].toObject()["type"].toString() == QLatin1String("input_json_delta")) {
                partialJson += json["delta"].toObject()["partial_json"].toString();
            } else if (event.event == "content_block_delta"
                       && json["delta"].toObject()["type"].toString() == QLatin1String("text_delta")) {
                QCOMPARE(json["index"].toInt(), int(kinds.size()) - 1);
                texts.last() += json["delta"].toObject()["text"].toString();
            } else if (event.event == "content_block_delta"
                       && json["delta"].toObject()["type"].toString() == QLatin1String("citations_delta")) {
                QCOMPARE(kinds.last(), QStringLiteral("text"));
                QVERIFY2(texts.last().isEmpty(), "a citation comes before the text it cites");
                QVERIFY2(cited.last() >= 0, "a cited block starts with its citations list");
                ++cited.last();
                citation = json["delta"].toObject()["citation"].toObject();
            } else if (event.event == "message_delta") {
                usage = json["usage"].toObject();
            }
        }
        query = QJsonDocument::fromJson(partialJson.toUtf8()).object()["query"].toString();
    }
    QCOMPARE(kinds, (QStringList { "server_tool_use", "web_search_tool_result", "text", "text", "text" }));
    QCOMPARE(cited, (QList<int> { -1, 1, -1 }));
    QVERIFY2(!texts.contains(QString()), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(searchId.startsWith(QLatin1String("srvtoolu_")), qPrintable(searchId));
    QCOMPARE(resultFor, searchId);
    QCOMPARE(query, QStringLiteral("What changed today?"));
    QCOMPARE(usage["server_tool_use"].toObject()["web_search_requests"].toInt(), 1);
    QCOMPARE(m_sandbox->answered().webSearches, qint64(1));
    QCOMPARE(citation["type"].toString(), QStringLiteral("web_search_result_location"));
    QCOMPARE(citation["url"].toString(), QStringLiteral("https://sandbox.invalid/search?q=1"));
    QVERIFY(!citation["encrypted_index"].toString().isEmpty());
    QVERIFY(!citation["cited_text"].toString().isEmpty());
}

void TestSandboxWireFormats::streamAndNonStream_sameTextAndUsage_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("openai wire") << "gpt-4.1";
    QTest::newRow("anthropic wire") << "claude-haiku-4-5";
}

void TestSandboxWireFormats::streamAndNonStream_sameTextAndUsage()
{
    QFETCH(QString, model);
    std::unique_ptr<Exchange> plain(chat(*m_nam, *m_sandbox, model, "Compare two routes", false));
    std::unique_ptr<Exchange> streamed(chat(*m_nam, *m_sandbox, model, "Compare two routes", true, 0, true));
    QTRY_VERIFY(plain->finished && streamed->finished);
    int pieces = 0;
    const QString text = streamedText(streamed->events(), &pieces);
    const QJsonObject json = plain->json();
    if (isAnthropic(model)) {
        QCOMPARE(text, json["content"].toArray()[0].toObject()["text"].toString());
        QCOMPARE(json["usage"].toObject()["output_tokens"].toInt(), pieces);
    } else {
        QCOMPARE(text, json["choices"].toArray()[0].toObject()["message"].toObject()["content"].toString());
        QCOMPARE(json["usage"].toObject()["completion_tokens"].toInt(), pieces);
    }
}

void TestSandboxWireFormats::maxTokens_truncatesWithLengthReason_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai non-stream: finish_reason length") << "gpt-4.1-mini" << false;
    QTest::newRow("openai stream: finish_reason length") << "gpt-4.1-mini" << true;
    QTest::newRow("anthropic non-stream: stop_reason max_tokens") << "claude-haiku-4-5" << false;
    QTest::newRow("anthropic stream: stop_reason max_tokens") << "claude-haiku-4-5" << true;
}

void TestSandboxWireFormats::maxTokens_truncatesWithLengthReason()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "Write a long essay", stream, 4, true));
    QTRY_VERIFY(exchange->finished);
    QVERIFY(exchange->body.contains(isAnthropic(model) ? "\"stop_reason\":\"max_tokens\""
                                                       : "\"finish_reason\":\"length\""));
    if (stream) {
        int pieces = 0;
        streamedText(exchange->events(), &pieces);
        QCOMPARE(pieces, 4);
    } else {
        QVERIFY(exchange->body.contains(isAnthropic(model) ? "\"output_tokens\":4" : "\"completion_tokens\":4"));
    }
}

void TestSandboxWireFormats::reasoner_streamsReasoningBeforeAnswer()
{
    std::unique_ptr<Exchange> exchange(
        chat(*m_nam, *m_sandbox, "deepseek-reasoner", "Why is the sky blue?", true, 0, true));
    QTRY_VERIFY(exchange->finished);
    const QList<SseEvent> events = exchange->events();
    int reasoning = 0;
    int firstContentAt = -1;
    int lastReasoningAt = -1;
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject delta = events[i].json()["choices"].toArray().at(0).toObject()["delta"].toObject();
        if (delta["reasoning_content"].isString()) {
            ++reasoning;
            lastReasoningAt = i;
        } else if (firstContentAt < 0 && !delta["content"].toString().isEmpty()) {
            firstContentAt = i;
        }
    }
    QVERIFY(reasoning > 3);
    QVERIFY(lastReasoningAt < firstContentAt);
    const QJsonObject usage = events[events.size() - 2].json()["usage"].toObject();
    QCOMPARE(usage["completion_tokens_details"].toObject()["reasoning_tokens"].toInt(), reasoning);
}

void TestSandboxWireFormats::reportsUsageOff_sendsNoUsage()
{
    m_sandbox->setReportsUsage("gpt-4.1-mini", false);
    m_sandbox->setReportsUsage("claude-haiku-4-5", false);
    std::unique_ptr<Exchange> plain(chat(*m_nam, *m_sandbox, "gpt-4.1-mini", "hi", false));
    std::unique_ptr<Exchange> streamed(chat(*m_nam, *m_sandbox, "gpt-4.1-mini", "hi", true, 0, true));
    std::unique_ptr<Exchange> anthropic(chat(*m_nam, *m_sandbox, "claude-haiku-4-5", "hi", true));
    std::unique_ptr<Exchange> other(chat(*m_nam, *m_sandbox, "gpt-4.1", "hi", false));
    QTRY_VERIFY(plain->finished && streamed->finished && anthropic->finished && other->finished);
    QVERIFY(!plain->json().contains("usage"));
    QVERIFY(!streamed->body.contains("usage"));
    QVERIFY(streamed->body.endsWith("data: [DONE]\n\n"));
    QVERIFY(!anthropic->body.contains("output_tokens"));
    QVERIFY(other->json().contains("usage"));
}

QTEST_GUILESS_MAIN(TestSandboxWireFormats)
#include "tst_SandboxWireFormats.moc"
