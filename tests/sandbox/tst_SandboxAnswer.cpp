#include "core/sandbox/SandboxAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// What the simulated providers answer beyond text: tool calls that fit the tool's schema, a note
// on images, JSON for JSON mode.
class tst_SandboxAnswer : public QObject
{
    Q_OBJECT

private slots:
    void exampleFor_fitsTheSchema_data();
    void exampleFor_fitsTheSchema();
    void read_findsWhatTheRequestAsks_data();
    void read_findsWhatTheRequestAsks();
    void shape_givesTheAnswerAsked_data();
    void shape_givesTheAnswerAsked();
};

namespace {
QJsonObject json(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

void tst_SandboxAnswer::exampleFor_fitsTheSchema_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("expected"); // wrapped in {"v": ...}
    QTest::newRow("object with every property") << QByteArray(
        R"({"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"},"metric":{"type":"boolean"}},"required":["city"]})")
                                                << QByteArray(R"({"v":{"city":"example","days":1,"metric":true}})");
    QTest::newRow("enum takes its first value")
        << QByteArray(R"({"type":"string","enum":["c","f"]})") << QByteArray(R"({"v":"c"})");
    QTest::newRow("nullable type takes the other one")
        << QByteArray(R"({"type":["null","number"],"minimum":3})") << QByteArray(R"({"v":3})");
    QTest::newRow("array of objects has one item")
        << QByteArray(R"({"type":"array","items":{"type":"object","properties":{"a":{"type":"string"}}}})")
        << QByteArray(R"({"v":[{"a":"example"}]})");
    QTest::newRow("anyOf takes the first option")
        << QByteArray(R"({"anyOf":[{"type":"integer"},{"type":"string"}]})") << QByteArray(R"({"v":1})");
    QTest::newRow("properties without a type is an object")
        << QByteArray(R"({"properties":{"x":{"const":5}}})") << QByteArray(R"({"v":{"x":5}})");
}

void tst_SandboxAnswer::exampleFor_fitsTheSchema()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, expected);
    const QJsonObject wrapped { { QStringLiteral("v"), SandboxAnswer::exampleFor(json(schema)) } };
    QCOMPARE(wrapped, json(expected));
}

void tst_SandboxAnswer::read_findsWhatTheRequestAsks_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<int>("images");
    QTest::addColumn<bool>("forced"); // the model must call even when it would rather answer in text
    const QByteArray openAiTools
        = R"("tools":[{"type":"function","function":{"name":"a","parameters":{}}},{"type":"function","function":{"name":"b","parameters":{}}}])";
    QTest::newRow("openai: the first tool offered")
        << false << R"({)" + openAiTools + R"(,"messages":[{"role":"user","content":"x"}]})"
        << "a" << 0 << false;
    QTest::newRow("openai: the tool tool_choice names") << false
                                                        << R"({)" + openAiTools
            + R"(,"tool_choice":{"type":"function","function":{"name":"b"}},"messages":[{"role":"user","content":"x"}]})"
                                                        << "b" << 0 << true;
    QTest::newRow("openai: tool_choice none calls nothing")
        << false << R"({)" + openAiTools + R"(,"tool_choice":"none","messages":[{"role":"user","content":"x"}]})"
        << "" << 0 << false;
    QTest::newRow("openai: after a tool result, text") << false
                                                       << R"({)" + openAiTools
            + R"(,"messages":[{"role":"assistant","content":null,"tool_calls":[]},{"role":"tool","tool_call_id":"c","content":"1"}]})"
                                                       << "" << 0 << false;
    QTest::newRow("openai: two images counted")
        << false
        << QByteArray(
               R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/a"}},{"type":"text","text":"?"},{"type":"image_url","image_url":{"url":"https://x/b"}}]}]})")
        << "" << 2 << false;
    QTest::newRow("anthropic: custom tool, server tool skipped")
        << true
        << QByteArray(
               R"({"tools":[{"type":"web_search_20250305","name":"web_search"},{"name":"c","input_schema":{}}],"messages":[{"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://x/a"}}]}]})")
        << "c" << 1 << false;
    QTest::newRow("anthropic: after a tool_result, text")
        << true
        << QByteArray(
               R"({"tools":[{"name":"c","input_schema":{}}],"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"1"}]}]})")
        << "" << 0 << false;
    QTest::newRow("openai: tool_choice auto leaves the model free")
        << false << R"({)" + openAiTools + R"(,"tool_choice":"auto","messages":[{"role":"user","content":"x"}]})"
        << "a" << 0 << false;
    QTest::newRow("openai: tool_choice required forces a call")
        << false << R"({)" + openAiTools + R"(,"tool_choice":"required","messages":[{"role":"user","content":"x"}]})"
        << "a" << 0 << true;
    QTest::newRow("anthropic: tool_choice any forces a call")
        << true
        << QByteArray(
               R"({"tools":[{"name":"c","input_schema":{}}],"tool_choice":{"type":"any"},"messages":[{"role":"user","content":"x"}]})")
        << "c" << 0 << true;
}

void tst_SandboxAnswer::read_findsWhatTheRequestAsks()
{
    QFETCH(bool, anthropic);
    QFETCH(QByteArray, body);
    QFETCH(QString, tool);
    QFETCH(int, images);
    QFETCH(bool, forced);
    const SandboxAnswer::Ask ask = SandboxAnswer::read(json(body), anthropic);
    QCOMPARE(ask.toolName, tool);
    QCOMPARE(ask.images, images);
    QCOMPARE(ask.toolForced, forced);
}

void tst_SandboxAnswer::shape_givesTheAnswerAsked_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // the whole answer text (tool arguments for a tool call)
    QTest::addColumn<bool>("toolCall");
    QTest::newRow("tool call with schema-shaped arguments in pieces") << QByteArray(
        R"({"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],"messages":[]})")
                                                                      << R"({"city":"example"})" << true;
    QTest::newRow("json_object mode answers an object")
        << QByteArray(R"({"response_format":{"type":"json_object"},"messages":[]})") << R"({"answer":"Hello there."})"
        << false;
    QTest::newRow("json_schema mode answers the schema's shape") << QByteArray(
        R"({"response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object","properties":{"n":{"type":"integer"}}}}},"messages":[]})")
                                                                 << R"({"n":1})" << false;
    QTest::newRow("images are counted in the answer") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/a"}}]}]})")
                                                      << "I got 1 image. Hello there." << false;
}

void tst_SandboxAnswer::shape_givesTheAnswerAsked()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QFETCH(bool, toolCall);
    SandboxText::Reply reply;
    reply.reasoning = { QStringLiteral("Thinking.") };
    reply.pieces = { QStringLiteral("Hello"), QStringLiteral(" there.") };
    SandboxAnswer::shape(SandboxAnswer::read(json(body), false), QStringLiteral("call_1"), reply);
    QCOMPARE(reply.text(), expected);
    QCOMPARE(reply.reasoningText(), QStringLiteral("Thinking.")); // reasoning still comes first
    QCOMPARE(!reply.toolName.isEmpty(), toolCall);
    if (toolCall) {
        QVERIFY(reply.pieces.size() > 1); // streamed in pieces
        QCOMPARE(reply.toolCallId, QStringLiteral("call_1"));
    }
}

QTEST_GUILESS_MAIN(tst_SandboxAnswer)
#include "tst_SandboxAnswer.moc"
