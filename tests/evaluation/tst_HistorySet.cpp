#include "core/evaluation/HistorySet.h"
#include "core/evaluation/PromptSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// History rows as a prompt set: what each row was asked with (its system prompt, tools and
// tool_choice) goes with its prompt, from a workbench row's exchange or a gateway, `ask` or
// `route` row's own columns, and the set reads back as PromptSet reads any set.
namespace {
const QByteArray kWeather = R"([{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",)"
                            R"("properties":{"city":{"type":"string"}}}}}])";

RequestRecord row(const QString& id, const QString& prompt, RequestSource source = RequestSource::Gateway)
{
    RequestRecord record;
    record.id = id;
    record.prompt = prompt;
    record.source = source;
    record.finalModel = QStringLiteral("m");
    return record;
}
} // namespace

class tst_HistorySet : public QObject
{
    Q_OBJECT

private slots:
    void of_data();
    void of();
};

void tst_HistorySet::of_data()
{
    QTest::addColumn<QList<RequestRecord>>("rows"); // newest first
    QTest::addColumn<QStringList>("lines"); // "id|system|tool names|tool_choice" per line written
    QTest::addColumn<int>("toolsRefused");
    QTest::addColumn<int>("repeated");

    RequestRecord agent = row(QStringLiteral("g1"), QStringLiteral("Rain in Oslo?"));
    agent.system = QStringLiteral("You forecast weather.");
    agent.tools = QJsonDocument::fromJson(kWeather).array();
    agent.toolChoice = QStringLiteral("required");
    QTest::newRow("a gateway row's system prompt, tools and tool_choice go with its prompt")
        << QList<RequestRecord> { agent } << QStringList { "g1|You forecast weather.|get_weather|\"required\"" } << 0
        << 0;

    RequestRecord asked = row(QStringLiteral("a1"), QStringLiteral("2+2?"), RequestSource::Cli);
    asked.system = QStringLiteral("Answer with a number.");
    QTest::newRow("an ask row's system prompt, no tools")
        << QList<RequestRecord> { asked } << QStringList { "a1|Answer with a number.||" } << 0 << 0;

    RequestRecord bare = agent;
    bare.id = QStringLiteral("g0");
    bare.tools = {};
    bare.toolChoice = QJsonValue(QJsonValue::Undefined);
    QTest::newRow("the same question with and without tools is two prompts")
        << QList<RequestRecord> { agent, bare }
        << QStringList { "g1|You forecast weather.|get_weather|\"required\"", "g0|You forecast weather.||" } << 0 << 0;

    RequestRecord older = agent;
    older.id = QStringLiteral("g0");
    QTest::newRow("the same question with the same tools once, the newest row")
        << QList<RequestRecord> { agent, older } << QStringList { "g1|You forecast weather.|get_weather|\"required\"" }
        << 0 << 1;

    RequestRecord twice = agent;
    twice.tools.append(twice.tools.first()); // two tools of one name: no API takes them
    QTest::newRow("tools no model can be offered: the row left out, counted")
        << QList<RequestRecord> { twice, asked } << QStringList { "a1|Answer with a number.||" } << 1 << 0;

    RequestRecord column = row(QStringLiteral("w1"), QStringLiteral("Name a colour."), RequestSource::Workbench);
    column.exchange = QStringLiteral(R"({"column":0,"system":"One word.","tools":)") + QString::fromUtf8(kWeather)
        + QStringLiteral(R"(,"tool_choice":"auto","question":"Name a colour."})");
    QTest::newRow("a workbench row's exchange, as before")
        << QList<RequestRecord> { column } << QStringList { "w1|One word.|get_weather|\"auto\"" } << 0 << 0;
}

void tst_HistorySet::of()
{
    QFETCH(QList<RequestRecord>, rows);
    QFETCH(QStringList, lines);
    QFETCH(int, toolsRefused);
    QFETCH(int, repeated);
    const HistorySet::Result result = HistorySet::of(rows, false);
    QCOMPARE(result.toolsRefused, toolsRefused);
    QCOMPARE(result.repeated, repeated);
    QCOMPARE(result.written, lines.size());
    // Read back as any set is, and described by what it holds.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("set.jsonl"));
    QString error;
    QVERIFY(HistorySet::save(path, result.jsonl, &error));
    const PromptSet set = PromptSet::read(path);
    QVERIFY2(set.ok(), qPrintable(set.errorString()));
    QStringList got;
    for (const PromptItem& item : set.items()) {
        QStringList names;
        for (const ToolDefinition& tool : item.tools.tools.tools) {
            names << tool.name;
        }
        const QByteArray choice = item.tools.choice.isUndefined()
            ? QByteArray()
            : QJsonDocument(QJsonArray { item.tools.choice }).toJson(QJsonDocument::Compact).chopped(1).mid(1);
        got << QStringList { item.id, item.system, names.join(u','), QString::fromUtf8(choice) }.join(u'|');
    }
    QCOMPARE(got, lines);
}

QTEST_GUILESS_MAIN(tst_HistorySet)
#include "tst_HistorySet.moc"
