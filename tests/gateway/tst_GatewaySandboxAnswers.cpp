#include "GatewayFixture.h"
#include "GatewayHttp.h"
#include "ToolAnswer.h"

// The sandbox answers what agents ask, through the gateway, in both formats, streamed and not:
// a tool call whose arguments fit the tool's schema (streamed in pieces), a note on the images it
// got, and JSON for JSON mode.
class tst_GatewaySandboxAnswers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tools_answeredWithAFittingToolCall_data();
    void tools_answeredWithAFittingToolCall();
    void images_areCountedInTheAnswer_data();
    void images_areCountedInTheAnswer();
    void jsonSchema_answeredWithSchemaShapedJson();
    void logprobs_reachTheClient_data();
    void logprobs_reachTheClient();
    void anthropicWebSearch_blocksAndCitationsPassedOn_data();
    void anthropicWebSearch_blocksAndCitationsPassedOn();

private:
    HttpAnswer post(bool anthropic, const QByteArray& body);

    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
};

void tst_GatewaySandboxAnswers::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewaySandboxAnswers::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

HttpAnswer tst_GatewaySandboxAnswers::post(bool anthropic, const QByteArray& body)
{
    return httpCall(*m_nam, "POST",
                    m_fx->url(anthropic ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions")),
                    body);
}

void tst_GatewaySandboxAnswers::tools_answeredWithAFittingToolCall_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    const QStringList models { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5") };
    for (const bool anthropic : { false, true }) {
        for (const QString& model : models) {
            for (const bool stream : { false, true }) {
                QTest::addRow("%s client, %s, %s", anthropic ? "anthropic" : "openai", qPrintable(model),
                              stream ? "streamed" : "whole")
                    << anthropic << model << stream;
            }
        }
    }
}

void tst_GatewaySandboxAnswers::tools_answeredWithAFittingToolCall()
{
    QFETCH(bool, anthropic);
    QFETCH(QString, model);
    QFETCH(bool, stream);
    const QByteArray schema
        = R"({"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]}},"required":["city"]})";
    const QByteArray body = anthropic
        ? R"({"model":")" + model.toUtf8() + R"(","max_tokens":200,"stream":)" + (stream ? "true" : "false")
            + R"(,"tools":[{"name":"get_weather","description":"Weather","input_schema":)" + schema
            + R"(}],"messages":[{"role":"user","content":"Weather in Paris?"}]})"
        : R"({"model":")" + model.toUtf8() + R"(","stream":)" + (stream ? "true" : "false")
            + R"(,"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":)"
            + schema + R"(}}],"messages":[{"role":"user","content":"Weather in Paris?"}]})";
    const HttpAnswer answer = post(anthropic, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    const ToolAnswer tool = readToolAnswer(answer.body, anthropic, stream);
    QCOMPARE(tool.name, QStringLiteral("get_weather"));
    QCOMPARE(tool.arguments.value(QLatin1String("city")).toString(), QStringLiteral("example"));
    QCOMPARE(tool.arguments.value(QLatin1String("unit")).toString(), QStringLiteral("c"));
    QCOMPARE(tool.finish, anthropic ? QStringLiteral("tool_use") : QStringLiteral("tool_calls"));
    if (stream) {
        QVERIFY2(tool.pieces > 1, "arguments arrive in pieces");
    }
}

void tst_GatewaySandboxAnswers::images_areCountedInTheAnswer_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai whole") << false << false;
    QTest::newRow("openai streamed") << false << true;
    QTest::newRow("anthropic whole") << true << false;
    QTest::newRow("anthropic streamed") << true << true;
}

void tst_GatewaySandboxAnswers::images_areCountedInTheAnswer()
{
    QFETCH(bool, anthropic);
    QFETCH(bool, stream);
    const QByteArray png = "data:image/png;base64,iVBORw0KGgo=";
    const QByteArray body = anthropic
        ? R"({"model":"sandbox/claude-haiku-4-5","max_tokens":100,"stream":)" + QByteArray(stream ? "true" : "false")
            + R"(,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},{"type":"image","source":{"type":"url","url":"https://x.test/b.png"}},{"type":"text","text":"What is this?"}]}]})"
        : R"({"model":"sandbox/gpt-4.1-mini","stream":)" + QByteArray(stream ? "true" : "false")
            + R"(,"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":")" + png
            + R"("}},{"type":"image_url","image_url":{"url":"https://x.test/b.png"}},{"type":"text","text":"What is this?"}]}]})";
    const HttpAnswer answer = post(anthropic, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    QVERIFY2(readText(answer.body, anthropic, stream).startsWith(QLatin1String("I got 2 images.")),
             answer.body.constData());
}

void tst_GatewaySandboxAnswers::jsonSchema_answeredWithSchemaShapedJson()
{
    const HttpAnswer answer = post(
        false,
        R"({"model":"sandbox/gpt-4.1-mini","response_format":{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object","properties":{"temp":{"type":"number"},"sky":{"type":"string","enum":["clear","cloudy"]}},"required":["temp","sky"]}}},"messages":[{"role":"user","content":"Weather?"}]})");
    QVERIFY2(answer.status == 200, answer.body.constData());
    const QJsonObject json = QJsonDocument::fromJson(readText(answer.body, false, false).toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("temp")).toDouble(), 1.0);
    QCOMPARE(json.value(QLatin1String("sky")).toString(), QStringLiteral("clear"));
}

void tst_GatewaySandboxAnswers::logprobs_reachTheClient_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("failovers");
    for (const bool stream : { false, true }) {
        const char* how = stream ? "streamed" : "whole";
        QTest::addRow("%s, no alternatives", how) << QStringLiteral("sandbox/gpt-4.1-mini") << stream << 0 << 0;
        QTest::addRow("%s, top 3", how) << QStringLiteral("sandbox/gpt-4.1-mini") << stream << 3 << 0;
        // Anthropic's API has no logprobs: the request is not carried there but to the fallback.
        QTest::addRow("%s, anthropic primary fails over", how) << QStringLiteral("haiku") << stream << 2 << 1;
    }
}

void tst_GatewaySandboxAnswers::logprobs_reachTheClient()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    QFETCH(int, top);
    QFETCH(int, failovers);
    const QByteArray body = R"({"model":")" + model.toUtf8() + R"(","stream":)" + (stream ? "true" : "false")
        + R"(,"logprobs":true,"top_logprobs":)" + QByteArray::number(top)
        + R"(,"messages":[{"role":"user","content":"Say hello"}]})";
    const HttpAnswer answer = post(false, body);
    QVERIFY2(answer.status == 200, answer.body.constData());

    // Every logprobs.content entry the client got, in order, from the body or from every chunk.
    QJsonArray entries;
    auto collect = [&entries](const QJsonObject& choice) {
        for (const QJsonValue& entry :
             choice.value(QLatin1String("logprobs")).toObject().value(QLatin1String("content")).toArray()) {
            entries.append(entry);
        }
    };
    if (stream) {
        for (const QByteArray& line : answer.body.split('\n')) {
            if (line.startsWith("data: {")) {
                const QJsonArray choices
                    = QJsonDocument::fromJson(line.mid(6)).object().value(QLatin1String("choices")).toArray();
                if (!choices.isEmpty()) {
                    collect(choices.first().toObject());
                }
            }
        }
    } else {
        collect(answer.json().value(QLatin1String("choices")).toArray().first().toObject());
        QCOMPARE(answer.header("x-switchyard-failovers").toInt(), failovers);
    }
    const QString text = readText(answer.body, false, stream);
    QVERIFY(!text.isEmpty());
    QString tokens;
    for (const QJsonValue& value : std::as_const(entries)) {
        const QJsonObject entry = value.toObject();
        const QString token = entry.value(QLatin1String("token")).toString();
        tokens += token;
        QVERIFY(entry.value(QLatin1String("logprob")).toDouble() < 0);
        QCOMPARE(entry.value(QLatin1String("bytes")).toArray().size(), token.toUtf8().size());
        const QJsonArray alternatives = entry.value(QLatin1String("top_logprobs")).toArray();
        QCOMPARE(alternatives.size(), top);
        if (top > 0) {
            QCOMPARE(alternatives.first().toObject().value(QLatin1String("token")).toString(), token);
        }
    }
    // One entry per token, nothing lost or repeated: the tokens spell the answer.
    QCOMPARE(tokens, text);
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 1);
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("claude-haiku-4-5")), 0);
}

QTEST_GUILESS_MAIN(tst_GatewaySandboxAnswers)
#include "tst_GatewaySandboxAnswers.moc"

void tst_GatewaySandboxAnswers::anthropicWebSearch_blocksAndCitationsPassedOn_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("whole") << false;
    QTest::newRow("streamed") << true;
}

// Claude's web search through the gateway to an Anthropic client (Claude Code's WebSearch): the
// server_tool_use with its query, the web_search_tool_result, the text in Claude's blocks (only the
// cited one with its citation), and the searches in the usage, as the API gives them.
void tst_GatewaySandboxAnswers::anthropicWebSearch_blocksAndCitationsPassedOn()
{
    QFETCH(bool, stream);
    const QByteArray body
        = R"({"model":"sandbox/claude-haiku-4-5","max_tokens":300,"messages":[{"role":"user","content":"Weather in Lyon?"}],"tools":[{"type":"web_search_20250305","name":"web_search","max_uses":2}],"stream":)"
        + QByteArray(stream ? "true" : "false") + "}";
    const HttpAnswer answer = post(true, body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    QJsonArray blocks;
    QJsonObject usage;
    if (!stream) {
        const QJsonObject message = QJsonDocument::fromJson(answer.body).object();
        blocks = message.value(QLatin1String("content")).toArray();
        usage = message.value(QLatin1String("usage")).toObject();
    } else {
        // The blocks as the SDKs assemble them: start, input_json_delta, text and citation deltas.
        QList<QJsonObject> open;
        QList<QString> inputs;
        QJsonObject event;
        for (const QByteArray& line : answer.body.split('\n')) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            event = QJsonDocument::fromJson(line.mid(6)).object();
            const QString type = event.value(QLatin1String("type")).toString();
            const int index = event.value(QLatin1String("index")).toInt();
            if (type == QLatin1String("content_block_start")) {
                QCOMPARE(index, int(open.size()));
                open.append(event.value(QLatin1String("content_block")).toObject());
                inputs.append(QString());
            } else if (type == QLatin1String("content_block_delta")) {
                const QJsonObject delta = event.value(QLatin1String("delta")).toObject();
                const QString kind = delta.value(QLatin1String("type")).toString();
                QJsonObject& block = open[index];
                if (kind == QLatin1String("text_delta")) {
                    block.insert(QStringLiteral("text"),
                                 block.value(QLatin1String("text")).toString()
                                     + delta.value(QLatin1String("text")).toString());
                } else if (kind == QLatin1String("input_json_delta")) {
                    inputs[index] += delta.value(QLatin1String("partial_json")).toString();
                } else if (kind == QLatin1String("citations_delta")) {
                    QJsonArray citations = block.value(QLatin1String("citations")).toArray();
                    citations.append(delta.value(QLatin1String("citation")));
                    block.insert(QStringLiteral("citations"), citations);
                }
            } else if (type == QLatin1String("message_delta")) {
                usage = event.value(QLatin1String("usage")).toObject();
            }
        }
        for (qsizetype i = 0; i < open.size(); ++i) {
            if (!inputs.at(i).isEmpty()) {
                open[i].insert(QStringLiteral("input"), QJsonDocument::fromJson(inputs.at(i).toUtf8()).object());
            }
            blocks.append(open.at(i));
        }
    }
    QStringList types;
    for (const QJsonValue& block : blocks) {
        types.append(block.toObject().value(QLatin1String("type")).toString());
    }
    QCOMPARE(types, (QStringList { "server_tool_use", "web_search_tool_result", "text", "text", "text" }));
    const QJsonObject search = blocks.at(0).toObject();
    QCOMPARE(search.value(QLatin1String("name")).toString(), QStringLiteral("web_search"));
    QCOMPARE(search.value(QLatin1String("input")).toObject().value(QLatin1String("query")).toString(),
             QStringLiteral("Weather in Lyon?"));
    const QJsonObject results = blocks.at(1).toObject();
    QCOMPARE(results.value(QLatin1String("tool_use_id")), search.value(QLatin1String("id")));
    QCOMPARE(
        results.value(QLatin1String("content")).toArray().first().toObject().value(QLatin1String("url")).toString(),
        QStringLiteral("https://sandbox.invalid/search?q=1"));
    for (const int uncited : { 2, 4 }) {
        QVERIFY(!blocks.at(uncited).toObject().value(QLatin1String("text")).toString().isEmpty());
        QVERIFY(!blocks.at(uncited).toObject().contains(QLatin1String("citations")));
    }
    const QJsonObject text = blocks.at(3).toObject();
    QVERIFY(!text.value(QLatin1String("text")).toString().isEmpty());
    const QJsonArray citations = text.value(QLatin1String("citations")).toArray();
    QCOMPARE(citations.size(), 1);
    QCOMPARE(citations.first().toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("web_search_result_location"));
    QVERIFY(!citations.first().toObject().value(QLatin1String("encrypted_index")).toString().isEmpty());
    QCOMPARE(
        usage.value(QLatin1String("server_tool_use")).toObject().value(QLatin1String("web_search_requests")).toInt(),
        1);
    QCOMPARE(m_fx->sandbox.answered().webSearches, qint64(1));
}
