#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>

// POST /v1/responses (the OpenAI Responses API) carried as a chat request: what the client sent
// reaches the upstream translated (input items, instructions, tools, text.format,
// reasoning.effort), and the answer comes back as Response output items or the documented event
// stream. What chat completions cannot carry is a 400 naming the field, with nothing sent.
class tst_GatewayResponses : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void request_reachesUpstreamTranslated_data();
    void request_reachesUpstreamTranslated();
    void answer_outputItems_data();
    void answer_outputItems();
    void stream_eventsInOrder_data();
    void stream_eventsInOrder();
    void stream_eventShapesAsOpenAisRecordings_data();
    void stream_eventShapesAsOpenAisRecordings();
    void stream_brokenAfterText_endsWithErrorAndFailed();
    void untranslatable_refusedNamingTheField_data();
    void untranslatable_refusedNamingTheField();
    void logprobs_reachTheClient_data();
    void logprobs_reachTheClient();
    void previousResponse_continuesTheConversation_data();
    void previousResponse_continuesTheConversation();
    void previousResponse_functionCallAnsweredNextTurn();
    void previousResponse_unknownOrNotStored_refusedAsOpenAiDoes_data();
    void previousResponse_unknownOrNotStored_refusedAsOpenAiDoes();
    void webSearch_citedAndBilled_data();
    void webSearch_citedAndBilled();
    void webSearch_modelThatCannotSearch_refusalPassedOn_data();
    void webSearch_modelThatCannotSearch_refusalPassedOn();

private:
    HttpAnswer post(const QByteArray& body);

    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
};

namespace {
const QByteArray kTools = R"("tools":[{"type":"function","name":"get_weather","description":"Weather for a city",)"
                          R"("parameters":{"type":"object","properties":{"city":{"type":"string"},)"
                          R"("unit":{"type":"string","enum":["c","f"]}},"required":["city"]}}])";

struct Event
{
    QByteArray name;
    QJsonObject data;
};

QList<Event> eventsOf(const QByteArray& body)
{
    QList<Event> events;
    for (const QByteArray& block : body.split('\n')) {
        if (block.startsWith("event: ")) {
            events.append({ block.sliced(7), {} });
        } else if (block.startsWith("data: ") && !events.isEmpty()) {
            events.last().data = QJsonDocument::fromJson(block.sliced(6)).object();
        }
    }
    return events;
}

QString outputText(const QJsonObject& response)
{
    QString text;
    for (const QJsonValue& part :
         responsesItem(response, QStringLiteral("message")).value(QLatin1String("content")).toArray()) {
        text += part.toObject().value(QLatin1String("text")).toString();
    }
    return text;
}
} // namespace

void tst_GatewayResponses::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayResponses::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

HttpAnswer tst_GatewayResponses::post(const QByteArray& body)
{
    return httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/responses")), body);
}

void tst_GatewayResponses::request_reachesUpstreamTranslated_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<QByteArray>("expected"); // the chat body's members that must arrive, as JSON
    QTest::newRow("string input, instructions, max_output_tokens")
        << QByteArray(R"({"model":"chat","instructions":"Be brief.","input":"Hello","max_output_tokens":200,)"
                      R"("temperature":0.5,"user":"u-7","metadata":{"run":"1"}})")
        << "gpt-4.1-mini"
        << QByteArray(R"({"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],)"
                      R"("max_completion_tokens":200,"temperature":0.5,"user":"u-7","metadata":{"run":"1"}})");
    QTest::newRow("function tools and tool_choice by name")
        << QByteArray(R"({"model":"chat","input":"Weather in Paris?",)" + kTools
                      + R"(,"tool_choice":{"type":"function","name":"get_weather"},"parallel_tool_calls":false})")
        << "gpt-4.1-mini"
        << QByteArray(R"({"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather for )"
                      R"(a city","parameters":{"type":"object","properties":{"city":{"type":"string"},"unit":)"
                      R"({"type":"string","enum":["c","f"]}},"required":["city"]}}}],)"
                      R"("tool_choice":{"type":"function","function":{"name":"get_weather"}},)"
                      R"("parallel_tool_calls":false})");
    QTest::newRow("a function call and its output become an assistant call and a tool message")
        << QByteArray(
               R"({"model":"chat","input":[{"role":"user","content":"Weather?"},)"
               R"({"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"},)"
               R"({"type":"function_call_output","call_id":"call_1","output":"sunny"}],)"
               + kTools + "}")
        << "gpt-4.1-mini"
        << QByteArray(R"({"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","content":null,)"
                      R"("tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather",)"
                      R"("arguments":"{\"city\":\"Paris\"}"}}]},)"
                      R"({"role":"tool","tool_call_id":"call_1","content":"sunny"}]})");
    QTest::newRow("include of token logprobs becomes logprobs")
        << QByteArray(R"({"model":"chat","input":"Hello","include":["message.output_text.logprobs"],"top_logprobs":2})")
        << "gpt-4.1-mini" << QByteArray(R"({"logprobs":true,"top_logprobs":2})");
    QTest::newRow("content parts: text and an image with detail")
        << QByteArray(R"({"model":"chat","input":[{"type":"message","role":"user","content":[)"
                      R"({"type":"input_text","text":"What is this?"},)"
                      R"({"type":"input_image","image_url":"https://example.com/a.png","detail":"low"}]}]})")
        << "gpt-4.1-mini"
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},)"
                      R"({"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}}]}]})");
    QTest::newRow("text.format json_schema becomes response_format")
        << QByteArray(
               R"({"model":"chat","input":"Weather as JSON","text":{"format":{"type":"json_schema",)"
               R"("name":"weather","strict":true,"schema":{"type":"object","properties":{"sky":{"type":"string"}},)"
               R"("required":["sky"],"additionalProperties":false}}}})")
        << "gpt-4.1-mini"
        << QByteArray(R"({"response_format":{"type":"json_schema","json_schema":{"name":"weather","strict":true,)"
                      R"("schema":{"type":"object","properties":{"sky":{"type":"string"}},"required":["sky"],)"
                      R"("additionalProperties":false}}}})");
    QTest::newRow("reasoning.effort to a reasoning model")
        << QByteArray(R"({"model":"sandbox/gpt-5","input":"Think","reasoning":{"effort":"low","summary":"auto"}})")
        << "gpt-5" << QByteArray(R"({"reasoning_effort":"low"})");
    QTest::newRow("include of encrypted reasoning, as Codex sends it: nothing to encrypt, accepted")
        << QByteArray(R"({"model":"chat","input":"x","store":false,"include":["reasoning.encrypted_content"]})")
        << "gpt-4.1-mini" << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"store":false})");
    QTest::newRow("our own reasoning item sent back is left out")
        << QByteArray(R"({"model":"chat","input":[{"type":"reasoning","id":"rs_syabc_0","summary":[]},)"
                      R"({"role":"user","content":"Again"}]})")
        << "gpt-4.1-mini" << QByteArray(R"({"messages":[{"role":"user","content":"Again"}]})");
}

void tst_GatewayResponses::request_reachesUpstreamTranslated()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, upstream);
    QFETCH(QByteArray, expected);
    const HttpAnswer answer = post(body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(m_fx->sandbox.requestCount(upstream), 1);
    const QJsonObject sent = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(upstream)).object();
    const QJsonObject want = QJsonDocument::fromJson(expected).object();
    QVERIFY(!want.isEmpty());
    for (auto it = want.constBegin(); it != want.constEnd(); ++it) {
        QVERIFY2(sent.value(it.key()) == it.value(),
                 qPrintable(it.key() + QStringLiteral(": ")
                            + QString::fromUtf8(QJsonDocument(sent).toJson(QJsonDocument::Compact))));
    }
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Ok);
}

void tst_GatewayResponses::answer_outputItems_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("types"); // the output items, in order
    QTest::newRow("text from an OpenAI-format upstream")
        << QByteArray(R"({"model":"chat","input":"Say hello"})") << QStringList { "message" };
    QTest::newRow("text from an Anthropic upstream, translated twice")
        << QByteArray(R"({"model":"haiku","input":"Say hello","max_output_tokens":300})") << QStringList { "message" };
    QTest::newRow("a function call") << QByteArray(R"({"model":"chat","input":"Weather in Paris?",)" + kTools + "}")
                                     << QStringList { "function_call" };
    QTest::newRow("reasoning first, then the message")
        << QByteArray(R"({"model":"sandbox/deepseek-reasoner","input":"Why is the sky blue?"})")
        << QStringList { "reasoning", "message" };
}

void tst_GatewayResponses::answer_outputItems()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, types);
    const HttpAnswer answer = post(body);
    QVERIFY2(answer.status == 200, answer.body.constData());
    const QJsonObject response = answer.json();
    QCOMPARE(response.value(QLatin1String("object")).toString(), QStringLiteral("response"));
    QVERIFY(response.value(QLatin1String("id")).toString().startsWith(QLatin1String("resp_")));
    QCOMPARE(response.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QStringList got;
    for (const QJsonValue& item : response.value(QLatin1String("output")).toArray()) {
        got.append(item.toObject().value(QLatin1String("type")).toString());
    }
    QCOMPARE(got, types);
    if (types.contains(QStringLiteral("message"))) {
        const QJsonObject message = responsesItem(response, QStringLiteral("message"));
        QCOMPARE(message.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QVERIFY(!outputText(response).isEmpty());
    }
    if (types.contains(QStringLiteral("function_call"))) {
        const QJsonObject call = responsesItem(response, QStringLiteral("function_call"));
        QCOMPARE(call.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
        QVERIFY(!call.value(QLatin1String("call_id")).toString().isEmpty());
        const QJsonObject arguments
            = QJsonDocument::fromJson(call.value(QLatin1String("arguments")).toString().toUtf8()).object();
        QVERIFY(arguments.contains(QLatin1String("city")));
    }
    if (types.contains(QStringLiteral("reasoning"))) {
        const QJsonArray summary
            = responsesItem(response, QStringLiteral("reasoning")).value(QLatin1String("summary")).toArray();
        QCOMPARE(summary.size(), 1);
        QVERIFY(!summary.at(0).toObject().value(QLatin1String("text")).toString().isEmpty());
    }
    const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
    QVERIFY(usage.value(QLatin1String("input_tokens")).toInt() > 0);
    QVERIFY(usage.value(QLatin1String("output_tokens")).toInt() > 0);
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(),
             usage.value(QLatin1String("input_tokens")).toInt() + usage.value(QLatin1String("output_tokens")).toInt());
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().usage.promptTokens, usage.value(QLatin1String("input_tokens")).toInteger());
}

void tst_GatewayResponses::stream_eventsInOrder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("deltaEvent"); // the delta events the answer streams in
    QTest::newRow("text") << QByteArray(R"({"model":"chat","input":"Say hello","stream":true})")
                          << QByteArray("response.output_text.delta");
    QTest::newRow("text from an Anthropic upstream")
        << QByteArray(R"({"model":"haiku","input":"Say hello","stream":true,"max_output_tokens":300})")
        << QByteArray("response.output_text.delta");
    QTest::newRow("function call arguments")
        << QByteArray(R"({"model":"chat","input":"Weather in Paris?","stream":true,)" + kTools + "}")
        << QByteArray("response.function_call_arguments.delta");
    QTest::newRow("reasoning summary, then text")
        << QByteArray(R"({"model":"sandbox/deepseek-reasoner","input":"Why is the sky blue?","stream":true})")
        << QByteArray("response.reasoning_summary_text.delta");
}

void tst_GatewayResponses::stream_eventsInOrder()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, deltaEvent);
    const HttpAnswer answer = post(body);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.contentType.startsWith("text/event-stream"));
    QVERIFY(!answer.body.contains("[DONE]"));
    const QList<Event> events = eventsOf(answer.body);
    QVERIFY(events.size() >= 6);
    QCOMPARE(events.first().name, QByteArray("response.created"));
    QCOMPARE(events.at(1).name, QByteArray("response.in_progress"));
    QCOMPARE(events.last().name, QByteArray("response.completed"));
    // Each event's type is its name, and the sequence numbers count up from 0.
    QHash<QByteArray, QString> pieces; // delta event -> the text of its deltas
    QHash<int, int> added; // output index -> times added
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event& event = events.at(i);
        QCOMPARE(event.data.value(QLatin1String("type")).toString().toUtf8(), event.name);
        QCOMPARE(event.data.value(QLatin1String("sequence_number")).toInt(-1), int(i));
        if (event.name.endsWith(".delta")) {
            pieces[event.name] += event.data.value(QLatin1String("delta")).toString();
        }
        if (event.name == "response.output_item.added") {
            ++added[event.data.value(QLatin1String("output_index")).toInt()];
        }
    }
    QVERIFY(!pieces.value(deltaEvent).isEmpty());
    const QJsonObject response = events.last().data.value(QLatin1String("response")).toObject();
    QCOMPARE(response.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    const QJsonArray output = response.value(QLatin1String("output")).toArray();
    QCOMPARE(added.size(), output.size());
    // What streamed is what the final response holds.
    if (pieces.contains("response.output_text.delta")) {
        QCOMPARE(pieces.value("response.output_text.delta"), outputText(response));
    }
    if (pieces.contains("response.function_call_arguments.delta")) {
        QCOMPARE(pieces.value("response.function_call_arguments.delta"),
                 responsesItem(response, QStringLiteral("function_call")).value(QLatin1String("arguments")).toString());
        QVERIFY(answer.body.count("response.function_call_arguments.delta") > 2);
    }
    if (pieces.contains("response.reasoning_summary_text.delta")) {
        QCOMPARE(pieces.value("response.reasoning_summary_text.delta"),
                 responsesItem(response, QStringLiteral("reasoning"))
                     .value(QLatin1String("summary"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString());
        QVERIFY(answer.body.indexOf("response.reasoning_summary_text.delta")
                < answer.body.indexOf("response.output_text.delta"));
    }
    QVERIFY(response.value(QLatin1String("usage")).toObject().value(QLatin1String("output_tokens")).toInt() > 0);
    QCOMPARE(m_fx->records.size(), 1);
}

void tst_GatewayResponses::stream_eventShapesAsOpenAisRecordings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("recording"); // tests/data/wire-next
    QTest::newRow("text") << QByteArray(R"({"model":"chat","input":"Say hello","stream":true})")
                          << "openai-responses-stream-text.sse";
    QTest::newRow("function call") << QByteArray(R"({"model":"chat","input":"Weather in Paris?","stream":true,)"
                                                 + kTools + "}")
                                   << "openai-responses-stream-function-call.sse";
    QTest::newRow("reasoning summary, then text")
        << QByteArray(R"({"model":"sandbox/deepseek-reasoner","input":"Why is the sky blue?","stream":true})")
        << "openai-responses-stream-reasoning-summary.sse";
}

// Every event type both streams have carries the same members as OpenAI's (its padding
// "obfuscation" aside; sequence_number is missing from the 2025 recordings), and so do the items
// they announce.
void tst_GatewayResponses::stream_eventShapesAsOpenAisRecordings()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, recording);
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire-next/") + recording);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto shapes = [](const QList<Event>& events) {
        QHash<QString, QSet<QString>> keys;
        for (const Event& event : events) {
            QSet<QString> members;
            for (const QString& key : event.data.keys()) {
                if (key != QLatin1String("obfuscation") && key != QLatin1String("sequence_number")) {
                    members.insert(key);
                }
            }
            const QJsonObject item = event.data.value(QLatin1String("item")).toObject();
            for (const QString& key : item.keys()) {
                members.insert(QStringLiteral("item.") + key);
            }
            keys.insert(QString::fromUtf8(event.name) + QLatin1Char('/') + item.value(QLatin1String("type")).toString(),
                        members);
        }
        return keys;
    };
    const QHash<QString, QSet<QString>> theirs = shapes(eventsOf(file.readAll()));
    const HttpAnswer answer = post(body);
    QCOMPARE(answer.status, 200);
    const QHash<QString, QSet<QString>> ours = shapes(eventsOf(answer.body));
    int compared = 0;
    for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
        if (!theirs.contains(it.key()) || it.key().startsWith(QLatin1String("response.created"))
            || it.key().startsWith(QLatin1String("response.in_progress"))
            || it.key().startsWith(QLatin1String("response.completed"))) {
            continue; // the response object itself has members we do not know (billing, prompt cache ...)
        }
        QSet<QString> expected = theirs.value(it.key());
        // Reasoning items: encrypted_content only when asked for with include; ours are never encrypted.
        expected.remove(QStringLiteral("item.encrypted_content"));
        QCOMPARE(it.value(), expected);
        ++compared;
    }
    QVERIFY2(compared >= 3, qPrintable(QString::number(compared)));
}

void tst_GatewayResponses::stream_brokenAfterText_endsWithErrorAndFailed()
{
    SandboxFault drop = SandboxFault::ofKind(SandboxFault::Kind::DropMidStream);
    drop.afterTokens = 3;
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), drop);
    const HttpAnswer answer = post(R"({"model":"solo","input":"Say hello at length","stream":true})");
    QCOMPARE(answer.status, 200);
    const QList<Event> events = eventsOf(answer.body);
    QVERIFY(events.size() >= 4);
    QCOMPARE(events.at(events.size() - 2).name, QByteArray("error"));
    QVERIFY(!events.at(events.size() - 2)
                 .data.value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .isEmpty());
    QCOMPARE(events.last().name, QByteArray("response.failed"));
    QCOMPARE(events.last().data.value(QLatin1String("response")).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("failed"));
    QCOMPARE(m_fx->records.size(), 1);
    QVERIFY(m_fx->records.first().status != RequestStatus::Ok);
}

void tst_GatewayResponses::untranslatable_refusedNamingTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::newRow("a conversation of the Conversations API")
        << QByteArray(R"({"model":"chat","input":"Go on","conversation":"conv_123"})") << "conversation";
    QTest::newRow("a built-in tool") << QByteArray(
        R"({"model":"chat","input":"Search","tools":[{"type":"file_search","vector_store_ids":["vs_1"]}]})")
                                     << "tools[0].type";
    QTest::newRow("a web search's domain filters") << QByteArray(
        R"({"model":"chat","input":"Search","tools":[{"type":"web_search","filters":{"allowed_domains":["a.org"]}}]})")
                                                   << "tools[0].filters";
    QTest::newRow("two web searches") << QByteArray(
        R"({"model":"chat","input":"Search","tools":[{"type":"web_search"},{"type":"web_search_preview"}]})")
                                      << "tools[1]";
    QTest::newRow("a web search at a precise location") << QByteArray(
        R"({"model":"chat","input":"Search","tools":[{"type":"web_search","user_location":{"type":"exact"}}]})")
                                                        << "tools[0].user_location.type";
    QTest::newRow("an item reference") << QByteArray(R"({"model":"chat","input":[{"type":"item_reference","id":"x"}]})")
                                       << "input[0].type";
    QTest::newRow("someone else's encrypted reasoning")
        << QByteArray(R"({"model":"chat","input":[{"type":"reasoning","id":"rs_abc","encrypted_content":"gAAAA"}]})")
        << "input[0]";
    QTest::newRow("include of web search sources")
        << QByteArray(R"({"model":"chat","input":"x","include":["web_search_call.action.sources"]})") << "include[0]";
    QTest::newRow("a field not known here")
        << QByteArray(R"({"model":"chat","input":"x","frobnicate":1})") << "frobnicate";
    QTest::newRow("no input") << QByteArray(R"({"model":"chat"})") << "input";
    QTest::newRow("an output format chat does not have")
        << QByteArray(R"({"model":"chat","input":"x","text":{"format":{"type":"xml"}}})") << "text.format.type";
    QTest::newRow("an uploaded image by file id")
        << QByteArray(R"({"model":"chat","input":[{"role":"user","content":[{"type":"input_image","file_id":"f"}]}]})")
        << "input[0].content[0].image_url";
    QTest::newRow("a role Responses does not have")
        << QByteArray(R"({"model":"chat","input":[{"role":"tool","content":"x"}]})") << "input[0].role";
}

void tst_GatewayResponses::untranslatable_refusedNamingTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    const HttpAnswer answer = post(body);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.error().value(QLatin1String("param")).toString(), param);
    QVERIFY(answer.error().value(QLatin1String("message")).toString().contains(param.section(QLatin1Char('.'), 0, 0)));
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
    QVERIFY(m_fx->records.isEmpty());
}

void tst_GatewayResponses::logprobs_reachTheClient_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("whole") << false;
    QTest::newRow("streamed") << true;
}

void tst_GatewayResponses::logprobs_reachTheClient()
{
    QFETCH(bool, stream);
    const HttpAnswer answer = post(R"({"model":"sandbox/gpt-4.1-mini","input":"Say hello","top_logprobs":2,)"
                                   R"("include":["message.output_text.logprobs"],"stream":)"
                                   + QByteArray(stream ? "true" : "false") + "}");
    QVERIFY2(answer.status == 200, answer.body.constData());
    QJsonArray entries;
    QJsonObject response;
    if (stream) {
        QJsonArray fromDeltas;
        for (const Event& event : eventsOf(answer.body)) {
            if (event.name == "response.output_text.delta") {
                for (const QJsonValue& entry : event.data.value(QLatin1String("logprobs")).toArray()) {
                    fromDeltas.append(entry);
                }
            } else if (event.name == "response.output_text.done") {
                entries = event.data.value(QLatin1String("logprobs")).toArray();
            } else if (event.name == "response.completed") {
                response = event.data.value(QLatin1String("response")).toObject();
            }
        }
        QCOMPARE(fromDeltas, entries); // the deltas carry each entry once, the done event all of them
    } else {
        response = answer.json();
    }
    const QJsonArray parts
        = responsesItem(response, QStringLiteral("message")).value(QLatin1String("content")).toArray();
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.first().toObject().value(QLatin1String("logprobs")).toArray(),
             stream ? entries : parts.first().toObject().value(QLatin1String("logprobs")).toArray());
    entries = parts.first().toObject().value(QLatin1String("logprobs")).toArray();
    QString tokens;
    for (const QJsonValue& entry : std::as_const(entries)) {
        tokens += entry.toObject().value(QLatin1String("token")).toString();
        QCOMPARE(entry.toObject().value(QLatin1String("top_logprobs")).toArray().size(), 2);
    }
    QVERIFY(!entries.isEmpty());
    QCOMPARE(tokens, outputText(response));
}

namespace {
// The Response object of an answer: the body, or a stream's response.completed.
QJsonObject finalResponse(const HttpAnswer& answer, bool stream)
{
    if (!stream) {
        return answer.json();
    }
    for (const Event& event : eventsOf(answer.body)) {
        if (event.name == "response.completed") {
            return event.data.value(QLatin1String("response")).toObject();
        }
    }
    return {};
}

QJsonArray sentMessages(const GatewayFixture& fx, const QString& model)
{
    return QJsonDocument::fromJson(fx.sandbox.lastRequestBody(model))
        .object()
        .value(QLatin1String("messages"))
        .toArray();
}
} // namespace

void tst_GatewayResponses::previousResponse_continuesTheConversation_data()
{
    QTest::addColumn<bool>("stream"); // how the first answer came
    QTest::newRow("after a whole answer") << false;
    QTest::newRow("after a streamed answer") << true;
}

void tst_GatewayResponses::previousResponse_continuesTheConversation()
{
    QFETCH(bool, stream);
    const HttpAnswer first = post(R"({"model":"chat","instructions":"Be brief.","input":"My name is Ada.","stream":)"
                                  + QByteArray(stream ? "true" : "false") + "}");
    QVERIFY2(first.status == 200, first.body.constData());
    const QJsonObject firstResponse = finalResponse(first, stream);
    const QString id = firstResponse.value(QLatin1String("id")).toString();
    QVERIFY2(id.startsWith(QLatin1String("resp_")), first.body.constData());
    QCOMPARE(firstResponse.value(QLatin1String("store")).toBool(), true); // the API's default
    const QString firstText = outputText(firstResponse);
    QVERIFY(!firstText.isEmpty());

    const HttpAnswer second
        = post(R"({"model":"chat","input":"What is my name?","previous_response_id":")" + id.toUtf8() + "\"}");
    QVERIFY2(second.status == 200, second.body.constData());
    QCOMPARE(second.json().value(QLatin1String("previous_response_id")).toString(), id);
    // Server side: the conversation so far, then the new input; the first request's instructions
    // are not carried over (as OpenAI continues a stored response).
    const QJsonArray expected {
        QJsonObject { { "role", "user" },
                      { "content", QJsonArray { QJsonObject { { "type", "text" }, { "text", "My name is Ada." } } } } },
        QJsonObject { { "role", "assistant" },
                      { "content", QJsonArray { QJsonObject { { "type", "text" }, { "text", firstText } } } } },
        QJsonObject { { "role", "user" }, { "content", "What is my name?" } },
    };
    QCOMPARE(sentMessages(*m_fx, QStringLiteral("gpt-4.1-mini")), expected);

    // And on from the second: the whole conversation reaches the upstream.
    const QString secondId = second.json().value(QLatin1String("id")).toString();
    const HttpAnswer third
        = post(R"({"model":"chat","input":"Thanks","previous_response_id":")" + secondId.toUtf8() + "\"}");
    QVERIFY2(third.status == 200, third.body.constData());
    QCOMPARE(sentMessages(*m_fx, QStringLiteral("gpt-4.1-mini")).size(), 5);
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 3);
}

void tst_GatewayResponses::previousResponse_functionCallAnsweredNextTurn()
{
    const HttpAnswer first = post(R"({"model":"chat","input":"Weather in Paris?",)" + kTools + "}");
    QVERIFY2(first.status == 200, first.body.constData());
    const QJsonObject call = responsesItem(first.json(), QStringLiteral("function_call"));
    const QString callId = call.value(QLatin1String("call_id")).toString();
    QVERIFY2(!callId.isEmpty(), first.body.constData());

    const HttpAnswer second = post(R"({"model":"chat","previous_response_id":")"
                                   + first.json().value(QLatin1String("id")).toString().toUtf8()
                                   + R"(","input":[{"type":"function_call_output","call_id":")" + callId.toUtf8()
                                   + R"(","output":"sunny, 21 C"}],)" + kTools + "}");
    QVERIFY2(second.status == 200, second.body.constData());
    const QJsonArray messages = sentMessages(*m_fx, QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
    const QJsonObject toolCall
        = messages.at(1).toObject().value(QLatin1String("tool_calls")).toArray().first().toObject();
    QCOMPARE(toolCall.value(QLatin1String("id")).toString(), callId);
    QCOMPARE(toolCall.value(QLatin1String("function")).toObject().value(QLatin1String("arguments")).toString(),
             call.value(QLatin1String("arguments")).toString());
    QCOMPARE(messages.at(2).toObject(),
             (QJsonObject { { "role", "tool" }, { "tool_call_id", callId }, { "content", "sunny, 21 C" } }));
}

void tst_GatewayResponses::previousResponse_unknownOrNotStored_refusedAsOpenAiDoes_data()
{
    QTest::addColumn<bool>("storeFirst"); // false: the id names a response made with store: false
    QTest::newRow("an id never given out") << true;
    QTest::newRow("a response made with store false") << false;
}

void tst_GatewayResponses::previousResponse_unknownOrNotStored_refusedAsOpenAiDoes()
{
    QFETCH(bool, storeFirst);
    QString id = QStringLiteral("resp_never_given_out");
    if (!storeFirst) {
        const HttpAnswer first = post(R"({"model":"chat","input":"Remember nothing","store":false})");
        QVERIFY2(first.status == 200, first.body.constData());
        QCOMPARE(first.json().value(QLatin1String("store")).toBool(true), false);
        id = first.json().value(QLatin1String("id")).toString();
    }
    const int before = m_fx->sandbox.totalRequests();
    const HttpAnswer answer = post(R"({"model":"chat","input":"Go on","previous_response_id":")" + id.toUtf8() + "\"}");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.error().value(QLatin1String("param")).toString(), QStringLiteral("previous_response_id"));
    QCOMPARE(answer.error().value(QLatin1String("code")).toString(), QStringLiteral("previous_response_not_found"));
    QCOMPARE(answer.error().value(QLatin1String("message")).toString(),
             QStringLiteral("Previous response with id '%1' not found.").arg(id));
    QCOMPARE(m_fx->sandbox.totalRequests(), before);
}

QTEST_GUILESS_MAIN(tst_GatewayResponses)
#include "tst_GatewayResponses.moc"

// A web search asked through the gateway: the sandbox searched (counted server-side), the
// client gets the url citation in its own API's shape, and the ledger row costs the tokens plus
// the search at the model's rate (gpt-4o-mini-search-preview: 0.15 / 0.60 per 1M and $0.0275 a
// medium search; Claude Haiku 4.5: 1 / 5 per 1M and $0.01 a search).
void tst_GatewayResponses::webSearch_citedAndBilled_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<double>("inputPerMTok");
    QTest::addColumn<double>("outputPerMTok");
    QTest::addColumn<double>("searchUsd"); // all its searches
    QTest::addColumn<qint64>("searches");
    for (const bool stream : { false, true }) {
        const QByteArray streamed = stream ? "true" : "false";
        const char* mode = stream ? "streamed" : "whole";
        QTest::addRow("responses web_search to a search model, %s", mode)
            << "/v1/responses"
            << R"({"model":"sandbox/gpt-4o-mini-search-preview","input":"Weather in Lyon?","tools":[{"type":"web_search","search_context_size":"medium","user_location":{"type":"approximate","city":"Lyon"}}],"stream":)"
                + streamed + "}"
            << "gpt-4o-mini-search-preview" << 0.15 << 0.60 << 0.0275 << qint64(1);
        QTest::addRow("responses web_search_preview to claude, %s", mode)
            << "/v1/responses"
            << R"({"model":"haiku","input":"Weather in Lyon?","tools":[{"type":"web_search_preview"}],"stream":)"
                + streamed + "}"
            << "claude-haiku-4-5" << 1.0 << 5.0 << 0.01 << qint64(1);
        QTest::addRow("chat web_search_options to a search model, %s", mode)
            << "/v1/chat/completions"
            << R"({"model":"sandbox/gpt-4o-mini-search-preview","messages":[{"role":"user","content":"Weather in Lyon?"}],"web_search_options":{},"stream":)"
                + streamed + "}"
            << "gpt-4o-mini-search-preview" << 0.15 << 0.60 << 0.0275 << qint64(1);
        QTest::addRow("chat web_search_options to claude, %s", mode)
            << "/v1/chat/completions"
            << R"({"model":"haiku","messages":[{"role":"user","content":"Weather in Lyon?"}],"web_search_options":{},"stream":)"
                + streamed + "}"
            << "claude-haiku-4-5" << 1.0 << 5.0 << 0.01 << qint64(1);
        // Gemini 2.5 Pro over its own API: grounding with Google Search, two queries billed as
        // one grounded prompt ($35 per 1,000).
        QTest::addRow("responses web_search to gemini's own api, %s", mode)
            << "/v1/responses"
            << R"({"model":"sandbox/gemini-2.5-pro","input":"Weather in Lyon?","tools":[{"type":"web_search"}],"stream":)"
                + streamed + "}"
            << "gemini-2.5-pro" << 1.25 << 10.0 << 0.035 << qint64(2);
    }
}

void tst_GatewayResponses::webSearch_citedAndBilled()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, upstream);
    QFETCH(double, inputPerMTok);
    QFETCH(double, outputPerMTok);
    QFETCH(double, searchUsd);
    QFETCH(qint64, searches);
    // A search model of OpenAI's and Gemini's own API beside the usual sandbox.
    m_fx = std::make_unique<GatewayFixture>();
    m_fx->sandbox.addModel({ QStringLiteral("gpt-4o-mini-search-preview"), QStringLiteral("sandbox-openai"),
                             ProviderKind::OpenAiCompatible, 0.15, 0.60, 0.075, 128000, 300, 80,
                             QStringLiteral("standard"), false });
    SandboxModel gemini;
    gemini.name = QStringLiteral("gemini-2.5-pro");
    gemini.providerId = QStringLiteral("sandbox-gemini-native");
    gemini.kind = ProviderKind::Gemini;
    gemini.contextWindow = 1048576;
    m_fx->sandbox.addModel(gemini);
    QVERIFY(m_fx->start());
    const bool geminiApi = upstream == QLatin1String("gemini-2.5-pro");
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(path), body);
    QVERIFY2(answer.status == 200, answer.body.constData());

    // What reached the sandbox, and that it searched.
    QCOMPARE(m_fx->sandbox.requestCount(upstream), 1);
    const QJsonObject sent = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(upstream)).object();
    if (geminiApi) {
        QVERIFY2(sent.value(QLatin1String("tools"))
                     .toArray()
                     .contains(QJsonObject { { QStringLiteral("google_search"), QJsonObject() } }),
                 m_fx->sandbox.lastRequestBody(upstream).constData());
    } else if (upstream.startsWith(QLatin1String("claude"))) {
        const QJsonArray tools = sent.value(QLatin1String("tools")).toArray();
        QCOMPARE(tools.size(), 1);
        QCOMPARE(tools.first().toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("web_search_20250305"));
    } else {
        QVERIFY(sent.value(QLatin1String("web_search_options")).isObject());
        QVERIFY(!sent.contains(QLatin1String("tools")));
        if (path == QLatin1String("/v1/responses")) {
            QCOMPARE(
                sent.value(QLatin1String("web_search_options")).toObject(),
                QJsonDocument::fromJson(
                    R"({"search_context_size":"medium","user_location":{"type":"approximate","approximate":{"city":"Lyon"}}})")
                    .object());
        }
    }
    QCOMPARE(m_fx->sandbox.answered().webSearches, searches);

    // The citation, in the client's API: Responses output_text annotations (flat), chat
    // message annotations (nested), streamed as annotation.added / an annotations delta.
    QString url;
    QString text;
    const bool streamed = body.contains("\"stream\":true");
    if (path == QLatin1String("/v1/responses")) {
        QJsonObject response;
        if (streamed) {
            const QList<Event> events = eventsOf(answer.body);
            QStringList added;
            for (const Event& event : events) {
                if (event.name == "response.output_text.annotation.added") {
                    added.append(event.data.value(QLatin1String("annotation"))
                                     .toObject()
                                     .value(QLatin1String("url"))
                                     .toString());
                }
                if (event.name == "response.completed") {
                    response = event.data.value(QLatin1String("response")).toObject();
                }
            }
            QVERIFY(!added.isEmpty());
            if (!geminiApi) {
                QCOMPARE(added, QStringList { QStringLiteral("https://sandbox.invalid/search?q=1") });
            }
        } else {
            response = QJsonDocument::fromJson(answer.body).object();
        }
        const QJsonObject part = responsesItem(response, QStringLiteral("message"))
                                     .value(QLatin1String("content"))
                                     .toArray()
                                     .first()
                                     .toObject();
        text = part.value(QLatin1String("text")).toString();
        const QJsonArray annotations = part.value(QLatin1String("annotations")).toArray();
        QVERIFY2(!annotations.isEmpty(), QJsonDocument(part).toJson().constData());
        const QJsonObject annotation = annotations.first().toObject();
        QCOMPARE(annotation.value(QLatin1String("type")).toString(), QStringLiteral("url_citation"));
        url = annotation.value(QLatin1String("url")).toString();
        QVERIFY(annotation.value(QLatin1String("end_index")).toInt() <= text.size());
        if (!geminiApi) {
            QCOMPARE(annotations.size(), 1);
            // The search model cites its whole answer; Claude the block that rests on the result
            // (exact spans: tst_GatewayCitations).
            const bool claude = upstream.startsWith(QLatin1String("claude"));
            const int start = annotation.value(QLatin1String("start_index")).toInt();
            const int end = annotation.value(QLatin1String("end_index")).toInt();
            QVERIFY2(claude ? 0 < start && start < end && end < text.size() : start == 0 && end == text.size(),
                     qPrintable(QStringLiteral("%1-%2 of %3").arg(start).arg(end).arg(text.size())));
        }
    } else {
        QJsonArray annotations;
        if (streamed) {
            for (const QByteArray& line : answer.body.split('\n')) {
                const QJsonObject delta = QJsonDocument::fromJson(line.mid(6))
                                              .object()
                                              .value(QLatin1String("choices"))
                                              .toArray()
                                              .first()
                                              .toObject()
                                              .value(QLatin1String("delta"))
                                              .toObject();
                text += delta.value(QLatin1String("content")).toString();
                for (const QJsonValue& annotation : delta.value(QLatin1String("annotations")).toArray()) {
                    annotations.append(annotation);
                }
            }
        } else {
            const QJsonObject message = QJsonDocument::fromJson(answer.body)
                                            .object()
                                            .value(QLatin1String("choices"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QLatin1String("message"))
                                            .toObject();
            text = message.value(QLatin1String("content")).toString();
            annotations = message.value(QLatin1String("annotations")).toArray();
        }
        QCOMPARE(annotations.size(), 1);
        const QJsonObject citation = annotations.first().toObject().value(QLatin1String("url_citation")).toObject();
        url = citation.value(QLatin1String("url")).toString();
        const int start = citation.value(QLatin1String("start_index")).toInt();
        const int end = citation.value(QLatin1String("end_index")).toInt();
        QVERIFY2(upstream.startsWith(QLatin1String("claude")) ? 0 < start && start < end && end < text.size()
                                                              : start == 0 && end == text.size(),
                 qPrintable(QStringLiteral("%1-%2 of %3").arg(start).arg(end).arg(text.size())));
    }
    QVERIFY(!text.isEmpty());
    if (geminiApi) {
        QVERIFY2(url.startsWith(QLatin1String("https://")), qPrintable(url));
    } else {
        QCOMPARE(url, QStringLiteral("https://sandbox.invalid/search?q=1"));
    }

    // The ledger: one search, at the model's rate, on top of the tokens.
    QTRY_COMPARE(m_fx->records.size(), 1);
    const RequestRecord& record = m_fx->records.first();
    QCOMPARE(record.usage.webSearches, searches);
    QVERIFY(record.usage.promptTokens > 0 && record.usage.completionTokens > 0);
    QVERIFY(record.costUsd);
    const double expected = record.usage.promptTokens * inputPerMTok / 1e6
        + record.usage.completionTokens * outputPerMTok / 1e6 + searchUsd;
    QVERIFY2(qAbs(*record.costUsd - expected) < 1e-12,
             qPrintable(QStringLiteral("%1 != %2").arg(*record.costUsd, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

// A model that cannot search refuses web_search_options as its API does (OpenAI: not a search
// model; Gemini's OpenAI endpoint: an unknown field); the client gets that 400, nothing billed.
void tst_GatewayResponses::webSearch_modelThatCannotSearch_refusalPassedOn_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<QString>("message");
    QTest::newRow("openai, not a search model") << "sandbox/gpt-4.1"
                                                << "gpt-4.1"
                                                << "Web search options not supported";
    QTest::newRow("gemini's openai endpoint") << "solo"
                                              << "gemini-2.5-flash"
                                              << "Unknown name \"web_search_options\"";
}

void tst_GatewayResponses::webSearch_modelThatCannotSearch_refusalPassedOn()
{
    QFETCH(QString, model);
    QFETCH(QString, upstream);
    QFETCH(QString, message);
    const HttpAnswer answer
        = post(R"({"model":")" + model.toUtf8() + R"(","input":"Weather in Lyon?","tools":[{"type":"web_search"}]})");
    QCOMPARE(answer.status, 400);
    const QJsonObject error = QJsonDocument::fromJson(answer.body).object().value(QLatin1String("error")).toObject();
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(message), answer.body.constData());
    QCOMPARE(m_fx->sandbox.requestCount(upstream), 1);
    QCOMPARE(m_fx->sandbox.answered().webSearches, qint64(0));
    QTRY_COMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().usage.webSearches, qint64(0));
}
