#include "../gateway/RecordingUpstream.h"
#include "ClippedText.h"
#include "UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/common/FileDialogs.h"
#include "ui/settings/Appearance.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/ToolReplyDialog.h"
#include "ui/workbench/ToolsDialog.h"
#include "ui/workbench/WorkbenchView.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

namespace {
// get_weather needs a city and units; the recording upstream's model answers with a city only.
const QByteArray WeatherTools = R"([
  {"type": "function", "function": {"name": "get_weather", "description": "The weather in a city now",
    "parameters": {"type": "object",
      "properties": {"city": {"type": "string"}, "units": {"enum": ["celsius", "fahrenheit"]}},
      "required": ["city", "units"], "additionalProperties": false}}},
  {"type": "function", "function": {"name": "get_time", "description": "The time in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}
])";

QStringList toolNamesOf(const QJsonArray& tools, const char* nameAt)
{
    QStringList names;
    for (const QJsonValue& tool : tools) {
        const QJsonObject object = tool.toObject();
        names.append(QByteArray(nameAt) == "function"
                         ? object.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString()
                         : object.value(QStringLiteral("name")).toString());
    }
    return names;
}
} // namespace

// Issue 17 item 3: tools defined once in the Tools dialog reach every column's upstream request,
// each model's tool calls show checked against the schema, a model without tool calling is
// refused before anything is sent, and tool JSON that cannot be sent is refused in the dialog.
class tst_WorkbenchTools : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;

    // Opens the Tools dialog from the prompt area's button, lets `use` work in it, returns whether
    // it was saved.
    bool inToolsDialog(PromptEditor* editor, const std::function<void(ToolsDialog*)>& use)
    {
        bool saved = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<ToolsDialog*>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            use(dialog);
            saved = dialog->result() == QDialog::Accepted;
            if (dialog->isVisible()) {
                dialog->reject();
            }
        });
        editor->toolsButton()->click();
        return saved;
    }

    static void pasteAndSave(ToolsDialog* dialog, const QByteArray& json)
    {
        dialog->tabs()->setCurrentIndex(1);
        dialog->jsonEdit()->setPlainText(QString::fromUtf8(json));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    }

private slots:
    void initTestCase() { UiFixture::initTestCase(QStringLiteral("tst_workbenchtools")); }
    void init() { QVERIFY(m_fixture.start(0)); }
    void cleanup() { m_fixture.stop(); }

    void toolsDefinedInDialog_reachEveryColumn_andCallsAreChecked()
    {
        RecordingUpstream upstream(false);
        QVERIFY(upstream.start());
        ModelCatalog catalog = m_fixture.catalog();
        ProviderConfig recording;
        recording.id = QStringLiteral("recording");
        recording.displayName = QStringLiteral("Recording upstream");
        recording.baseUrl = upstream.baseUrl();
        catalog.providers.append(recording);
        ModelConfig up;
        up.id = QStringLiteral("recording/up");
        up.providerId = recording.id;
        up.upstreamModel = QStringLiteral("up");
        catalog.models.append(up);

        MainWindow window(catalog, m_fixture.client);
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        for (const char* model :
             { "sandbox/gpt-4.1-mini", "sandbox/claude-haiku-4-5", "recording/up", "sandbox/deepseek-reasoner" }) {
            workbench->addColumn({ QString::fromLatin1(model) });
        }
        PromptEditor* editor = workbench->promptEditor();
        QCOMPARE(editor->toolsButton()->text(), QStringLiteral("Tools…"));
        QVERIFY(inToolsDialog(editor, [](ToolsDialog* dialog) { pasteAndSave(dialog, WeatherTools); }));
        QCOMPARE(editor->toolsButton()->text(), QStringLiteral("Tools (2)…"));

        workbench->promptEditor()->promptEdit()->setPlainText(QStringLiteral("What is the weather in Paris?"));
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 20000);

        // What reached each upstream, counted and read server-side.
        const QStringList both { QStringLiteral("get_weather"), QStringLiteral("get_time") };
        const QJsonObject openAi
            = QJsonDocument::fromJson(m_fixture.sandbox->lastRequestBody(QStringLiteral("gpt-4.1-mini"))).object();
        QCOMPARE(toolNamesOf(openAi.value(QStringLiteral("tools")).toArray(), "function"), both);
        const QJsonObject anthropic
            = QJsonDocument::fromJson(m_fixture.sandbox->lastRequestBody(QStringLiteral("claude-haiku-4-5"))).object();
        QCOMPARE(toolNamesOf(anthropic.value(QStringLiteral("tools")).toArray(), "name"), both);
        QCOMPARE(anthropic.value(QStringLiteral("tools"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("input_schema"))
                     .toObject()
                     .value(QStringLiteral("required"))
                     .toArray(),
                 QJsonArray({ QStringLiteral("city"), QStringLiteral("units") }));
        QCOMPARE(upstream.requests.size(), 1);
        QCOMPARE(toolNamesOf(upstream.lastJson().value(QStringLiteral("tools")).toArray(), "function"), both);
        // deepseek-reasoner cannot call tools: refused before sending, nothing reached the sandbox.
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("deepseek-reasoner")), 0);
        QCOMPARE(m_fixture.sandbox->totalRequests(), 2);

        const QList<ColumnView*> views = workbench->columnViews();
        QCOMPARE(views.size(), 4);
        for (int i : { 0, 1 }) {
            ColumnView* view = views[i];
            QCOMPARE(view->run()->state(), ColumnState::Done);
            QCOMPARE(view->run()->toolCalls().size(), 1);
            const QString shown = view->answerView()->toPlainText();
            QVERIFY2(shown.contains(QStringLiteral("get_weather\n\u2713 Arguments fit the schema\n{")),
                     qPrintable(shown));
            QVERIFY2(shown.contains(QStringLiteral("\"units\": \"celsius\"")), qPrintable(shown));
        }
        const QString violating = views[2]->answerView()->toPlainText();
        QVERIFY2(violating.contains(QStringLiteral("get_weather\n\u2717 arguments.units: required\n{\n    \"city\": "
                                                   "\"Paris\"\n}")),
                 qPrintable(violating));
        ColumnRun* refused = views[3]->run();
        QCOMPARE(refused->state(), ColumnState::Failed);
        QCOMPARE(refused->error().message,
                 QStringLiteral("Not sent: sandbox/deepseek-reasoner does not support tool calling, which this "
                                "comparison asks for (tools)."));

        for (ColumnView* view : views) {
            view->flush();
        }
        QTest::qWait(50);
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/workbench-tool-calls.png");
        QVERIFY(window.grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }

    // Tool calls show while they stream ("Calling get_weather {"city": ...") and give way to the
    // checked block when the answer is complete.
    void toolCallStreaming_shownAsItArrives()
    {
        m_fixture.sandbox->setTimeScale(1.0); // the sandbox's real pace: arguments arrive over time
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.show();
        WorkbenchView* workbench = window.workbench();
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        QString error;
        workbench->promptEditor()->setTools(*ToolSet::parse(WeatherTools, &error));
        workbench->promptEditor()->promptEdit()->setPlainText(QStringLiteral("Weather in Oslo?"));
        ColumnView* view = workbench->columnViews().first();
        auto* calling = view->findChild<QLabel*>(QStringLiteral("callingLabel"));
        QVERIFY(calling);
        bool seenWhileActive = false;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] {
            seenWhileActive = seenWhileActive
                || (view->run()->isActive() && calling->isVisible()
                    && calling->text().startsWith(QStringLiteral("Calling get_weather {")));
        });
        probe.start(5);
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 20000);
        probe.stop();
        QVERIFY(seenWhileActive);
        QVERIFY(!calling->isVisible());
        QCOMPARE(view->run()->toolCalls().size(), 1);
        QVERIFY(view->answerView()->toPlainText().contains(QStringLiteral("get_weather"))); // the checked block
    }

    // A column that called a tool can still be asked a plain follow-up: "Ask in Text Instead"
    // leaves the calls unanswered and the next send goes to that column as text.
    void toolCallLeftUnanswered_textFollowUpSent()
    {
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.show();
        WorkbenchView* workbench = window.workbench();
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        QString error;
        workbench->promptEditor()->setTools(*ToolSet::parse(WeatherTools, &error));
        workbench->promptEditor()->promptEdit()->setPlainText(QStringLiteral("Weather in Oslo?"));
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 20000);
        ColumnView* view = workbench->columnViews().first();
        QCOMPARE(view->run()->toolCalls().size(), 1);
        const int before = m_fixture.sandbox->requestCount(QStringLiteral("gpt-4.1-mini"));

        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<ToolReplyDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QPushButton*>(QStringLiteral("askInText"))->click();
        });
        view->findChild<QToolButton*>(QStringLiteral("continueButton"))->click();
        QCOMPARE(workbench->continuingColumn(), view->run()); // the follow-up goes to this column
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("gpt-4.1-mini")), before); // nothing sent yet

        workbench->promptEditor()->setTools({}); // asked in text, without tools this time
        workbench->promptEditor()->promptEdit()->setPlainText(QStringLiteral("Never mind: what should I pack?"));
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 20000);
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("gpt-4.1-mini")), before + 1);
        const QJsonArray messages = QJsonDocument::fromJson(m_fixture.sandbox->lastRequestBody("gpt-4.1-mini"))
                                        .object()
                                        .value(QStringLiteral("messages"))
                                        .toArray();
        QCOMPARE(messages.first().toObject().value(QStringLiteral("content")).toString(),
                 QStringLiteral("Weather in Oslo?"));
        // The call itself went back as text: the APIs take a tool call only with its result next.
        QVERIFY2(messages.at(1)
                     .toObject()
                     .value(QStringLiteral("content"))
                     .toString()
                     .startsWith(QStringLiteral("[called get_weather with {")),
                 qPrintable(messages.at(1).toObject().value(QStringLiteral("content")).toString()));
        QCOMPARE(messages.last().toObject().value(QStringLiteral("content")).toString(),
                 QStringLiteral("Never mind: what should I pack?"));
        QCOMPARE(view->run()->state(), ColumnState::Done);
        QVERIFY(!view->run()->text().isEmpty());
    }

    // Item 4: a tool call answered by hand; the column carries on with the result, sent as each
    // API wants it (OpenAI: an assistant message with tool_calls, then a tool message; Anthropic:
    // tool_use and tool_result blocks), and answers in text.
    void toolCallAnsweredByHand_continuesTheConversation()
    {
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.show();
        WorkbenchView* workbench = window.workbench();
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench->addColumn({ QStringLiteral("sandbox/claude-haiku-4-5") });
        QString error;
        workbench->promptEditor()->setTools(*ToolSet::parse(WeatherTools, &error));
        workbench->promptEditor()->promptEdit()->setPlainText(QStringLiteral("Weather in Oslo?"));
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 20000);

        const QList<ColumnView*> views = workbench->columnViews();
        for (int i : { 0, 1 }) {
            ColumnRun* run = views[i]->run();
            QCOMPARE(run->toolCalls().size(), 1);
            const ToolCall call = run->toolCalls().first();
            const QString result = QStringLiteral("{\"temperature\": 14, \"sky\": \"light rain\"}");
            QTimer::singleShot(0, this, [result] {
                auto* dialog = qobject_cast<ToolReplyDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                QTest::keyClicks(dialog->resultEdit(0), result);
                const QStringList cut = ClippedText::find(dialog);
                QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
                QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
                QVERIFY(dialog->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/tool-reply-dialog.png")));
                dialog->accept();
            });
            auto* continueButton = views[i]->findChild<QToolButton*>(QStringLiteral("continueButton"));
            QVERIFY(continueButton->isEnabled()); // a tool call is an answer to continue from
            continueButton->click();
            QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 20000);
            QCOMPARE(run->state(), ColumnState::Done);
            QVERIFY(run->toolCalls().isEmpty()); // with the result in hand, the model answers in text
            QVERIFY(!run->text().isEmpty());

            const QString model = i == 0 ? QStringLiteral("gpt-4.1-mini") : QStringLiteral("claude-haiku-4-5");
            const QJsonArray messages = QJsonDocument::fromJson(m_fixture.sandbox->lastRequestBody(model))
                                            .object()
                                            .value(QStringLiteral("messages"))
                                            .toArray();
            const QJsonObject asked = messages.at(messages.size() - 2).toObject();
            const QJsonObject answered = messages.last().toObject();
            if (i == 0) {
                const QJsonObject sent = asked.value(QStringLiteral("tool_calls")).toArray().at(0).toObject();
                QCOMPARE(asked.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
                QCOMPARE(sent.value(QStringLiteral("id")).toString(), call.id);
                QCOMPARE(
                    sent.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString(),
                    call.arguments);
                QCOMPARE(answered.value(QStringLiteral("role")).toString(), QStringLiteral("tool"));
                QCOMPARE(answered.value(QStringLiteral("tool_call_id")).toString(), call.id);
                QCOMPARE(answered.value(QStringLiteral("content")).toString(), result);
            } else {
                const QJsonObject use = asked.value(QStringLiteral("content")).toArray().last().toObject();
                QCOMPARE(use.value(QStringLiteral("type")).toString(), QStringLiteral("tool_use"));
                QCOMPARE(use.value(QStringLiteral("id")).toString(), call.id);
                const QJsonObject toolResult = answered.value(QStringLiteral("content")).toArray().at(0).toObject();
                QCOMPARE(toolResult.value(QStringLiteral("type")).toString(), QStringLiteral("tool_result"));
                QCOMPARE(toolResult.value(QStringLiteral("tool_use_id")).toString(), call.id);
                QVERIFY2(QJsonDocument(toolResult).toJson().contains("light rain"),
                         QJsonDocument(toolResult).toJson().constData());
            }
        }
    }

    void badToolJson_refusedInDialog_nothingSent_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("JSON that does not parse")
            << QByteArray("[{\"type\": \"function\",\n \"function\": {]}")
            << QStringLiteral("line 2, column 15 (offset 36): unterminated object");
        QTest::newRow("a tool without a name")
            << QByteArray(R"([{"type":"function","function":{"description":"no name"}}])")
            << QStringLiteral("tools[0].function.name: missing (every tool needs a name)");
        QTest::newRow("a duplicate name")
            << QByteArray(
                   R"([{"type":"function","function":{"name":"a"}},{"type":"function","function":{"name":"a"}}])")
            << QStringLiteral("tools[1].function.name: \"a\" is defined twice (also tools[0])");
        QTest::newRow("a schema that is not JSON Schema")
            << QByteArray(
                   R"([{"type":"function","function":{"name":"a","parameters":{"type":"object","required":"x"}}}])")
            << QStringLiteral("tools[0].function.parameters.required: must be a list of property names");
    }

    void badToolJson_refusedInDialog_nothingSent()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.show();
        WorkbenchView* workbench = window.workbench();
        workbench->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        PromptEditor* editor = workbench->promptEditor();
        QString shown;
        bool stillOpen = false;
        QVERIFY(!inToolsDialog(editor, [&](ToolsDialog* dialog) {
            pasteAndSave(dialog, json);
            stillOpen = dialog->isVisible();
            shown = dialog->problemText();
        }));
        QVERIFY(stillOpen); // Save refused
        QCOMPARE(shown, problem);
        QVERIFY(editor->settings().tools.isEmpty());
        QCOMPARE(editor->toolsButton()->text(), QStringLiteral("Tools…"));
        QCOMPARE(m_fixture.sandbox->totalRequests(), 0);
    }

    void toolForm_editsAreChecked_andImportNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath(QStringLiteral("tools.json"));
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"tools\": " + WeatherTools + "}");
        file.close();

        ToolsDialog dialog(ToolSet {});
        FileDialogs::setNextOpenFileName(good);
        dialog.importButton()->click();
        QCOMPARE(dialog.toolList()->count(), 2);
        QCOMPARE(dialog.tabs()->currentIndex(), 0);
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("get_weather"));

        // A schema typed wrong in the form is named at its place; Save refuses until it is fixed.
        dialog.toolList()->setCurrentRow(1);
        dialog.parametersEdit()->setPlainText(QStringLiteral("{\"type\": \"object\", \"properties\": {\"city\": "
                                                             "{\"type\": \"text\"}}}"));
        QVERIFY(!dialog.save());
        QCOMPARE(dialog.problemText(),
                 QStringLiteral("tools[1].function.parameters.properties.city.type: unknown type \"text\" (known: "
                                "null, boolean, object, array, number, integer, string)"));
        dialog.parametersEdit()->setPlainText(QStringLiteral("{\"type\": \"object\", \"properties\": {\"city\": "
                                                             "{\"type\": \"string\"}}, \"required\": [\"city\"]}"));
        dialog.addButton()->click();
        QVERIFY(!dialog.save()); // the new tool has no name yet
        QCOMPARE(dialog.problemText(), QStringLiteral("tools[2].function.name: missing (every tool needs a name)"));
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("get_forecast"));
        QVERIFY(dialog.save());
        QCOMPARE(dialog.tools().size(), 3);
        QCOMPARE(dialog.tools().tools[1].parameters.value(QStringLiteral("required")).toArray(),
                 QJsonArray { QStringLiteral("city") });
        QCOMPARE(dialog.tools().tools[2].name, QStringLiteral("get_forecast"));

        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("[\n  {\"type\": \"function\", \"function\": {\"name\": \"a\"}}\n  {}\n]");
        brokenFile.close();
        QVERIFY(!dialog.importFile(broken));
        QCOMPARE(dialog.problemText(),
                 QStringLiteral("broken.json: line 3, column 3 (offset 54): missing value separator"));
        QCOMPARE(dialog.tabs()->currentIndex(), 1); // the text is shown where it can be corrected
    }

    // The dialog as a user sees it, a problem shown, in English and German: nothing cut.
    void toolsDialog_showsTheProblem_nothingCut_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("German") << QStringLiteral("de");
    }

    void toolsDialog_showsTheProblem_nothingCut()
    {
        QFETCH(QString, language);
        QVERIFY(Appearance::installLanguage(language));
        QString error;
        ToolsDialog dialog(*ToolSet::parse(WeatherTools, &error));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.toolList()->setCurrentRow(1);
        dialog.parametersEdit()->setPlainText(
            QStringLiteral("{\"type\": \"object\",\n \"properties\": {\"city\": {\"type\": \"text\"}}}"));
        QVERIFY(!dialog.save());
        QVERIFY(dialog.problemText().startsWith(QStringLiteral("tools[1].function.parameters.properties.city.type: ")));
        QTest::qWait(50);
        const QStringList cut = ClippedText::find(&dialog);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/tools-dialog-%1.png").arg(language);
        QVERIFY(dialog.grab().save(path));
        qInfo("wrote %s", qPrintable(path));
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
    }

    void toolsSavedWithWorkbench_reopened()
    {
        QString error;
        const ToolSet tools = *ToolSet::parse(WeatherTools, &error);
        {
            MainWindow window(m_fixture.catalog(), m_fixture.client);
            QVERIFY(inToolsDialog(window.workbench()->promptEditor(),
                                  [](ToolsDialog* dialog) { pasteAndSave(dialog, WeatherTools); }));
        }
        MainWindow reopened(m_fixture.catalog(), m_fixture.client);
        QCOMPARE(reopened.workbench()->promptEditor()->settings().tools, tools);
        QCOMPARE(reopened.workbench()->promptEditor()->toolsButton()->text(), QStringLiteral("Tools (2)…"));
    }
};

QTEST_MAIN(tst_WorkbenchTools)
#include "tst_WorkbenchTools.moc"
