#include "core/workbench/ColumnExchange.h"
#include "core/workbench/ColumnSpec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QByteArray Png("\x89PNG\r\n\x1a\nchart-bytes", 19);

Attachment chart()
{
    QString error;
    return *Attachment::fromBytes(QStringLiteral("chart.png"), Png, &error);
}

ToolCall weatherCall()
{
    return { QStringLiteral("call_7"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Oslo\"}") };
}

// The body's messages as "role: content" lines; parts as "[image]", "[text: ...]"; calls and
// results as "calls get_weather(call_7)" and "tool call_7: ...".
QStringList linesOf(const QByteArray& body)
{
    QStringList lines;
    for (const QJsonValue& value : QJsonDocument::fromJson(body).object().value(QLatin1String("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        const QString role = message.value(QLatin1String("role")).toString();
        QString line = role + QStringLiteral(": ");
        const QJsonValue content = message.value(QLatin1String("content"));
        if (content.isArray()) {
            QStringList parts;
            for (const QJsonValue& part : content.toArray()) {
                const QString type = part.toObject().value(QLatin1String("type")).toString();
                parts
                    << (type == QLatin1String("text")
                            ? QStringLiteral("[text: %1]").arg(part.toObject().value(QLatin1String("text")).toString())
                            : QStringLiteral("[%1]").arg(type));
            }
            line += parts.join(u' ');
        } else {
            line += content.isNull() ? QStringLiteral("null") : content.toString();
        }
        for (const QJsonValue& call : message.value(QLatin1String("tool_calls")).toArray()) {
            line += QStringLiteral(" calls %1(%2)")
                        .arg(call.toObject()
                                 .value(QLatin1String("function"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString(),
                             call.toObject().value(QLatin1String("id")).toString());
        }
        if (role == QLatin1String("tool")) {
            line = QStringLiteral("tool %1: %2")
                       .arg(message.value(QLatin1String("tool_call_id")).toString(), content.toString());
        }
        lines << line;
    }
    return lines;
}
} // namespace

Q_DECLARE_METATYPE(QList<ConversationTurn>)
Q_DECLARE_METATYPE(QList<ChatMessage>)

// A column's conversation as the providers take multi-turn messages: each earlier turn's files as
// parts of its own user message, answered calls back as tool_calls with one tool message each,
// unanswered calls as text; and what a ledger row keeps of it (references, never bytes).
class TestConversationTurn : public QObject
{
    Q_OBJECT

private slots:
    void requestFor_sendsEachTurnAsTheProvidersTakeIt_data();
    void requestFor_sendsEachTurnAsTheProvidersTakeIt();
    void exchange_roundTripsThroughJson_withReferencesOnly();
    void referencedFile_goesAsANote_neverAnEmptyImage();
    void exchange_keepsTheSystemPromptSent_data();
    void exchange_keepsTheSystemPromptSent();
};

void TestConversationTurn::requestFor_sendsEachTurnAsTheProvidersTakeIt_data()
{
    QTest::addColumn<QList<ConversationTurn>>("history");
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("an earlier turn's image stays in its own user message")
        << QList<ConversationTurn> { { QStringLiteral("What is this?"),
                                       { chart() },
                                       QStringLiteral("A chart."),
                                       {},
                                       {} } }
        << QStringLiteral("Which bar is higher?")
        << QStringList { QStringLiteral("user: [image_url] [text: What is this?]"),
                         QStringLiteral("assistant: A chart."), QStringLiteral("user: Which bar is higher?") };
    QTest::newRow("answered calls go back as tool_calls, then one tool message each, then no question")
        << QList<ConversationTurn> { { QStringLiteral("Weather in Oslo?"),
                                       {},
                                       QString(),
                                       { weatherCall() },
                                       { QStringLiteral("14 degrees") } } }
        << QString()
        << QStringList { QStringLiteral("user: Weather in Oslo?"),
                         QStringLiteral("assistant: null calls get_weather(call_7)"),
                         QStringLiteral("tool call_7: 14 degrees") };
    QTest::newRow("a follow-up after the results: the turn without a question, then the new one")
        << QList<ConversationTurn> { { QStringLiteral("Weather in Oslo?"),
                                       {},
                                       QString(),
                                       { weatherCall() },
                                       { QStringLiteral("14 degrees") } },
                                     { QString(), {}, QStringLiteral("It is 14 degrees."), {}, {} } }
        << QStringLiteral("And tomorrow?")
        << QStringList { QStringLiteral("user: Weather in Oslo?"),
                         QStringLiteral("assistant: null calls get_weather(call_7)"),
                         QStringLiteral("tool call_7: 14 degrees"), QStringLiteral("assistant: It is 14 degrees."),
                         QStringLiteral("user: And tomorrow?") };
    QTest::newRow("unanswered calls go on as text")
        << QList<ConversationTurn> { { QStringLiteral("Weather in Oslo?"), {}, QString(), { weatherCall() }, {} } }
        << QStringLiteral("Never mind.")
        << QStringList { QStringLiteral("user: Weather in Oslo?"),
                         QStringLiteral(
                             "assistant: [called get_weather with {\"city\":\"Oslo\"}; no result was given]"),
                         QStringLiteral("user: Never mind.") };
}

void TestConversationTurn::requestFor_sendsEachTurnAsTheProvidersTakeIt()
{
    QFETCH(QList<ConversationTurn>, history);
    QFETCH(QString, question);
    QFETCH(QStringList, expected);
    PromptSettings prompt;
    prompt.prompt = question;
    prompt.history = history;
    const ChatRequest request = ColumnSpec { QStringLiteral("m") }.requestFor(prompt);
    // Files or answered calls in the history need the OpenAI body; text turns go as plain messages.
    bool rich = false;
    for (const ConversationTurn& turn : history) {
        rich = rich || turn.answered() || !turn.attachments.isEmpty();
    }
    QCOMPARE(request.hasClientBody(), rich);
    if (rich) {
        QCOMPARE(linesOf(request.clientBody), expected);
    } else {
        QStringList plain;
        for (const ChatMessage& message : request.messages) {
            plain << message.role + QStringLiteral(": ") + message.content;
        }
        QCOMPARE(plain, expected);
    }
    QCOMPARE(request.clientBody.count(R"("type":"image_url")"), history.first().attachments.size());
}

void TestConversationTurn::exchange_roundTripsThroughJson_withReferencesOnly()
{
    QString error;
    ColumnExchange exchange;
    exchange.column = 2;
    exchange.tools = *ToolSet::parse(R"([{"type":"function","function":{"name":"get_weather",
        "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}])",
                                     &error);
    exchange.toolChoice = QStringLiteral("required");
    exchange.earlier = { { QStringLiteral("What is this?"),
                           { chart() },
                           QStringLiteral("A chart."),
                           { weatherCall() },
                           { QStringLiteral("sunny") } } };
    exchange.question = QStringLiteral("And then?");
    exchange.attachments = { chart() };
    const QString json = exchange.toJson();
    QVERIFY(!json.contains(QString::fromLatin1(Png.toBase64())));
    const ColumnExchange back = ColumnExchange::fromJson(json);
    QCOMPARE(back.column, 2);
    QCOMPARE(back.tools, exchange.tools);
    QCOMPARE(back.toolChoice, QJsonValue(QStringLiteral("required")));
    QCOMPARE(back.question, exchange.question);
    QCOMPARE(back.earlier.size(), 1);
    const ConversationTurn& turn = back.earlier.first();
    QCOMPARE(turn.question, QStringLiteral("What is this?"));
    QCOMPARE(turn.toolCalls, QList<ToolCall> { weatherCall() });
    QCOMPARE(turn.toolResults, QStringList { QStringLiteral("sunny") });
    const Attachment& file = turn.attachments.first();
    QVERIFY(file.isReference());
    QCOMPARE(file.fileName, QStringLiteral("chart.png"));
    QCOMPARE(file.kind, AttachmentKind::Image);
    QCOMPARE(file.size(), Png.size());
    QCOMPARE(file.sha256(), chart().sha256());
    QCOMPARE(file.describe(), chart().describe());
    QCOMPARE(back.attachments.first().reference(), chart().reference());
    // A row of something else, or written before exchanges were kept.
    QCOMPARE(ColumnExchange::fromJson(QString()).column, -1);
    QVERIFY(ColumnExchange::fromJson(QStringLiteral("not json")).isEmpty());
    QVERIFY(ColumnExchange().toolChoice.isUndefined());
    QVERIFY(!ColumnExchange().toJson().contains(QStringLiteral("tool_choice")));
}

void TestConversationTurn::referencedFile_goesAsANote_neverAnEmptyImage()
{
    PromptSettings prompt;
    prompt.prompt = QStringLiteral("Again?");
    const Attachment reference = Attachment::fromReference(chart().reference());
    prompt.history = { { QStringLiteral("What is this?"), { reference }, QStringLiteral("A chart."), {}, {} } };
    const ChatRequest request = ColumnSpec { QStringLiteral("m") }.requestFor(prompt);
    QVERIFY(!request.clientBody.contains("image_url"));
    QCOMPARE(linesOf(request.clientBody).first(),
             QStringLiteral("user: [text: [File chart.png was attached here; Switchyard kept only its name and "
                            "checksum.]] [text: What is this?]"));
}

void TestConversationTurn::exchange_keepsTheSystemPromptSent_data()
{
    QTest::addColumn<QList<ChatMessage>>("messages");
    QTest::addColumn<QByteArray>("clientBody");
    QTest::addColumn<QString>("system");
    const QList<ChatMessage> plain { { QStringLiteral("system"), QStringLiteral("Answer in one word.") },
                                     { QStringLiteral("user"), QStringLiteral("Name a colour.") } };
    QTest::newRow("a system message") << plain << QByteArray() << "Answer in one word.";
    QTest::newRow("none") << QList<ChatMessage> { plain.last() } << QByteArray() << QString();
    QTest::newRow("a body of its own, the system message as text parts")
        << QList<ChatMessage> {}
        << QByteArray(R"({"messages":[{"role":"system","content":[{"type":"text","text":"Be brief."}]},)"
                      R"({"role":"user","content":"Hi"}]})")
        << "Be brief.";
}

void TestConversationTurn::exchange_keepsTheSystemPromptSent()
{
    QFETCH(QList<ChatMessage>, messages);
    QFETCH(QByteArray, clientBody);
    QFETCH(QString, system);
    ChatRequest request;
    request.messages = messages;
    request.clientBody = clientBody;
    ColumnExchange exchange;
    exchange.setOfferedFrom(request);
    QCOMPARE(exchange.system, system);
    // Kept with the row, so a prompt set made of it (eval import-history) asks with it.
    QCOMPARE(ColumnExchange::fromJson(exchange.toJson()).system, system);
}

QTEST_MAIN(TestConversationTurn)
#include "tst_ConversationTurn.moc"
