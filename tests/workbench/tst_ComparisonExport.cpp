#include "core/workbench/ComparisonExport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
ColumnSnapshot column(const QString& model, ColumnState state, const QString& text, qint64 ttft, qint64 latency,
                      std::optional<double> rate, std::optional<double> cost)
{
    ColumnSnapshot c;
    c.spec.modelId = model;
    c.modelId = model;
    c.providerId = QStringLiteral("sandbox-openai");
    c.providerName = QStringLiteral("Sandbox OpenAI");
    c.state = state;
    c.statusText = ColumnStates::displayName(state);
    c.text = text;
    c.figures.ttftMs = ttft;
    c.figures.latencyMs = latency;
    c.figures.usage = { 12, 40, 0, 0, false };
    c.figures.tokensPerSecond = rate;
    c.figures.costUsd = cost;
    c.figures.priced = cost.has_value();
    return c;
}

ComparisonSnapshot snapshot()
{
    ComparisonSnapshot s;
    s.compareGroup = QStringLiteral("0b7c1c1e-0000-4000-8000-000000000001");
    s.startedAt = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
    s.prompt.prompt = QStringLiteral("Explain CSV, \"quoted\"");
    s.prompt.systemPrompt = QStringLiteral("Be brief.");
    s.prompt.temperature = 0.2;
    s.columns.append(column(QStringLiteral("sandbox/fast"), ColumnState::Done,
                            QStringLiteral("Commas, \"quotes\"\nand lines.\n\n```\ncode <x>\n```"), 120, 900, 80.0,
                            0.0004));
    s.columns.append(column(QStringLiteral("sandbox/slow"), ColumnState::Done, QStringLiteral("Plain answer."), 400,
                            2100, 40.0, std::nullopt));
    ColumnSnapshot failed
        = column(QStringLiteral("sandbox/broken"), ColumnState::Failed, QString(), -1, 300, std::nullopt, 0.0);
    failed.error.failureClass = FailureClass::ServerError;
    failed.error.httpStatus = 503;
    failed.error.message = QStringLiteral("Overloaded | try later");
    failed.statusText = QStringLiteral("Server error (HTTP 503)");
    s.columns.append(failed);
    return s;
}

// SWITCHYARD_UPDATE_GOLDEN=1 rewrites the golden file from the current output (then review the diff).
QByteArray golden(const QString& name, const QByteArray& actual)
{
    QFile file(QStringLiteral(SWITCHYARD_TESTS_DIR "/workbench/data/") + name);
    if (qEnvironmentVariableIsSet("SWITCHYARD_UPDATE_GOLDEN") && file.open(QIODevice::WriteOnly)) {
        file.write(actual);
        return actual;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}
} // namespace

class tst_ComparisonExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void markdown_matchesGolden()
    {
        const QByteArray md = ComparisonExport::toMarkdown(snapshot());
        QCOMPARE(QString::fromUtf8(md), QString::fromUtf8(golden(QStringLiteral("comparison.md"), md)));
    }

    void json_structure()
    {
        const QJsonObject root = QJsonDocument::fromJson(ComparisonExport::toJson(snapshot())).object();
        QCOMPARE(root.value("format").toString(), QStringLiteral("switchyard-comparison"));
        QCOMPARE(root.value("version").toInt(), 1);
        QCOMPARE(root.value("prompt").toObject().value("systemPrompt").toString(), QStringLiteral("Be brief."));
        const QJsonArray columns = root.value("columns").toArray();
        QCOMPARE(columns.size(), 3);
        const QJsonObject fast = columns[0].toObject();
        QCOMPARE(fast.value("status").toString(), QStringLiteral("done"));
        QCOMPARE(fast.value("ttftMs").toDouble(), 120.0);
        QCOMPARE(fast.value("usage").toObject().value("completionTokens").toDouble(), 40.0);
        QCOMPARE(fast.value("best").toArray(), (QJsonArray { "ttft", "latency", "tokensPerSecond" }));
        QVERIFY(columns[1].toObject().value("costUsd").isNull()); // unpriced is null, never 0
        const QJsonObject failed = columns[2].toObject();
        QCOMPARE(failed.value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value("error").toObject().value("class").toString(), QStringLiteral("server_error"));
        QCOMPARE(failed.value("error").toObject().value("httpStatus").toInt(), 503);
        QVERIFY(failed.value("ttftMs").isNull());
    }

    void routedColumn_noteInMarkdownJsonAndHtml()
    {
        ComparisonSnapshot routed = snapshot();
        ColumnRoute route;
        route.decided = true;
        route.tier = QStringLiteral("standard");
        route.ruleName = QStringLiteral("default");
        CallError error;
        error.failureClass = FailureClass::ServerError;
        error.httpStatus = 503;
        route.failovers.append({ QStringLiteral("a/primary"), QStringLiteral("b/fallback"), error });
        routed.columns[0].note = route.note();
        const QString note
            = QStringLiteral("routed: tier standard, rule default; Failed over from a/primary (Server error, HTTP 503) "
                             "to b/fallback");
        QCOMPARE(routed.columns[0].note, note);
        QVERIFY(QString::fromUtf8(ComparisonExport::toMarkdown(routed)).contains(QLatin1Char('*') + note));
        const QJsonObject root = QJsonDocument::fromJson(ComparisonExport::toJson(routed)).object();
        const QJsonArray columns = root.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns[0].toObject().value(QStringLiteral("note")).toString(), note);
        QVERIFY(columns[1].toObject().value(QStringLiteral("note")).isNull());
        QVERIFY(QString::fromUtf8(ComparisonExport::toHtml(routed)).contains(note.toHtmlEscaped()));
    }

    // A kept answer exports whole: its reasoning and tool calls in every format, escaped in HTML.
    void reasoningAndToolCalls_inEveryFormat()
    {
        ComparisonSnapshot s = snapshot();
        s.columns[1].reasoning = QStringLiteral("First <think> about \"CSV\", then answer.");
        s.columns[1].toolCalls = { ToolCall { QStringLiteral("call_1"), QStringLiteral("lookup<script>"),
                                              QStringLiteral("{\"q\":\"<b>csv</b>\",\"n\":2}") } };
        s.columns[1].settings = QStringLiteral("temperature=0.2");

        const QString md = QString::fromUtf8(ComparisonExport::toMarkdown(s));
        QVERIFY(md.contains(QStringLiteral("> First <think> about \"CSV\", then answer.")));
        QVERIFY2(md.contains(QStringLiteral(
                     "`lookup<script>`\n\n```json\n{\n    \"n\": 2,\n    \"q\": \"<b>csv</b>\"\n}\n```")),
                 qPrintable(md));

        const QJsonObject column = QJsonDocument::fromJson(ComparisonExport::toJson(s))
                                       .object()
                                       .value(QStringLiteral("columns"))
                                       .toArray()[1]
                                       .toObject();
        QCOMPARE(column.value(QStringLiteral("reasoning")).toString(), s.columns[1].reasoning);
        QCOMPARE(column.value(QStringLiteral("requestSettings")).toString(), QStringLiteral("temperature=0.2"));
        const QJsonObject call = column.value(QStringLiteral("toolCalls")).toArray()[0].toObject();
        QCOMPARE(call.value(QStringLiteral("name")).toString(), QStringLiteral("lookup<script>"));
        QCOMPARE(call.value(QStringLiteral("arguments")).toString(), s.columns[1].toolCalls[0].arguments);

        const QString csv = QString::fromUtf8(ComparisonExport::toCsv(s));
        QVERIFY(
            csv.startsWith(QStringLiteral("model,provider,status,failure_class,ttft_ms,latency_ms,prompt_tokens,"
                                          "completion_tokens,tokens_estimated,tokens_per_second,cost_usd,"
                                          "cost_estimated,answer,reasoning,tool_calls,attachments,earlier_turns\r\n")));
        QVERIFY2(csv.contains(QStringLiteral("Plain answer.,\"First <think> about \"\"CSV\"\", then answer.\",")),
                 qPrintable(csv));

        const QString html = QString::fromUtf8(ComparisonExport::toHtml(s));
        QVERIFY(html.contains(QStringLiteral("First &lt;think&gt; about &quot;CSV&quot;, then answer.")));
        QVERIFY(html.contains(QStringLiteral("<code>lookup&lt;script&gt;</code>")));
        QVERIFY(html.contains(QStringLiteral("&quot;q&quot;: &quot;&lt;b&gt;csv&lt;/b&gt;&quot;")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<think>")));
    }

    void csv_oneRowPerColumn_quotedFields()
    {
        const QString csv = QString::fromUtf8(ComparisonExport::toCsv(snapshot()));
        QVERIFY(csv.startsWith(QStringLiteral("model,provider,status,failure_class,ttft_ms")));
        QVERIFY(csv.contains(QStringLiteral("\"Commas, \"\"quotes\"\"\nand lines.")));
        QVERIFY(csv.contains(QStringLiteral("sandbox/broken,sandbox-openai,failed,server_error,,300,")));
        QCOMPARE(csv.count(QStringLiteral("\r\n")), 4); // header + three rows
    }

    void html_isStandalone()
    {
        const QString html = QString::fromUtf8(ComparisonExport::toHtml(snapshot()));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("<pre><code>code &lt;x&gt;\n</code></pre>")));
        QVERIFY(html.contains(QStringLiteral("class=\"best\">120 ms")));
        QVERIFY(html.contains(QStringLiteral("Overloaded | try later")));
        QCOMPARE(html.count(QStringLiteral("<section")), 3);
    }

    void save_writesEachFormat_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("startsWith");
        QTest::newRow("markdown") << QStringLiteral("cmp.md") << QByteArray("# Switchyard comparison");
        QTest::newRow("json") << QStringLiteral("cmp.json") << QByteArray("{");
        QTest::newRow("csv") << QStringLiteral("cmp.csv") << QByteArray("model,");
        QTest::newRow("html") << QStringLiteral("cmp.HTML") << QByteArray("<!DOCTYPE html>");
    }
    void save_writesEachFormat()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, startsWith);
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        const auto format = ComparisonExport::formatForPath(path);
        QVERIFY(format);
        QVERIFY(ComparisonExport::save(snapshot(), *format, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith(startsWith));
    }

    void save_intoMissingFolder_failsWithMessage()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!ComparisonExport::save(snapshot(), ComparisonExport::Format::Json, dir.filePath("no/such/x.json"),
                                        &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ComparisonExport)
#include "tst_ComparisonExport.moc"
