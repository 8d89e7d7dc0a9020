#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ColumnExchange.h"
#include "ui/MainWindow.h"
#include "ui/common/FileDialogs.h"
#include "ui/workbench/AttachmentStrip.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/ContinueBar.h"
#include "ui/workbench/HistoryPanel.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/ToolReplyDialog.h"
#include "ui/workbench/WorkbenchView.h"

#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

namespace {
// get_weather needs a city and units; the sandbox's models call it with both.
const QByteArray WeatherTools = R"([
  {"type": "function", "function": {"name": "get_weather", "description": "The weather in a city now",
    "parameters": {"type": "object",
      "properties": {"city": {"type": "string"}, "units": {"enum": ["celsius", "fahrenheit"]}},
      "required": ["city", "units"], "additionalProperties": false}}},
  {"type": "function", "function": {"name": "get_time", "description": "The time in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}
])";

const QString Fits = QStringLiteral("get_weather\n\u2713 Arguments fit the schema\n{");

// Where each of `parts` starts in `text`, in order; -1 for the first one missing or out of order.
qsizetype inOrder(const QString& text, const QStringList& parts)
{
    qsizetype at = 0;
    for (const QString& part : parts) {
        at = text.indexOf(part, at);
        if (at < 0) {
            return -1;
        }
        at += part.size();
    }
    return at;
}

// A word of the answer as a rendered (Markdown) view still shows it: the last one of 7+ letters.
QString lastWord(const QString& text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{7,}"));
    QString last;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        last = it.next().captured();
    }
    return last;
}
} // namespace

// Issue 17, the rest of items 3 and 4: what a column exchanged is kept with the run. The tools a
// column was sent are stored with its ledger row, so a reopened run checks its calls again; calls
// answered by hand show as the whole exchange (calls, results sent, the follow-up answer), live, in
// a reopened run and in exports; files stay with the turn that sent them, so a follow-up sends an
// earlier turn's image once, as part of that turn, and a reopened run lists each turn's files. On a
// real Engine with the sandbox and a ledger in a temporary home; requests read server-side.
class tst_ExchangeKept : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_files;
    QTemporaryDir m_out;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;

    WorkbenchView* workbench() const { return m_window->workbench(); }
    SandboxServer* sandbox() const { return m_engine->sandbox(); }

    bool flushLedger()
    {
        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        return flushed.wait(10000);
    }

    static QString readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    static QJsonArray messagesOf(const QByteArray& body)
    {
        return QJsonDocument::fromJson(body).object().value(QLatin1String("messages")).toArray();
    }

    QString shown(int column) const
    {
        ColumnView* view = workbench()->columnViews().value(column);
        view->flush();
        return view->answerView()->toPlainText();
    }

    // Answers the column's tool calls in the Answer Tool Calls dialog, one result for each.
    void answerByHand(int column, const QString& result)
    {
        QTimer::singleShot(0, this, [result] {
            auto* dialog = qobject_cast<ToolReplyDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClicks(dialog->resultEdit(0), result);
            dialog->accept();
        });
        workbench()->columnViews().value(column)->findChild<QToolButton*>(QStringLiteral("continueButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench()->comparison()->isRunning(), 20000);
    }

    // The newest run of the history, reopened after the workbench showed something else.
    void reopenNewest()
    {
        QVERIFY(flushLedger());
        workbench()->comparison()->setColumns({ { QStringLiteral("sandbox/deepseek-chat") } });
        m_window->history()->setSearchText(QString());
        m_window->history()->open(0);
    }

    QString writeChart() const
    {
        QImage image(96, 64, QImage::Format_RGB32);
        image.fill(QColor(40, 90, 160));
        QPainter painter(&image);
        painter.fillRect(10, 20, 20, 40, Qt::yellow);
        painter.fillRect(40, 10, 20, 50, Qt::green);
        painter.end();
        const QString path = m_files.filePath(QStringLiteral("chart.png"));
        image.save(path, "PNG");
        return path;
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_exchangekept"));
        QString error;
        m_engine = UiFixture::openSandbox(m_home.path(), 0.02, &error);
        QVERIFY2(m_engine, qPrintable(error));
    }
    void init()
    {
        m_window = std::make_unique<MainWindow>(*m_engine);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }
    void cleanupTestCase()
    {
        m_engine.reset();
        HomeSettings::open()->clear();
    }

    void toolCallsAnsweredByHand_wholeExchangeShown_reopenedRunChecksThemAgain()
    {
        workbench()->comparison()->setColumns(
            { { QStringLiteral("sandbox/gpt-4.1-mini") }, { QStringLiteral("sandbox/claude-haiku-4-5") } });
        QString error;
        workbench()->promptEditor()->setTools(*ToolSet::parse(WeatherTools, &error));
        WorkbenchDriver::typeAndSend(workbench(), QStringLiteral("Weather in Oslo?"));
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench()), 20000);
        const QString group = workbench()->comparison()->compareGroup();
        ColumnRun* lead = workbench()->comparison()->column(0);
        QCOMPARE(lead->toolCalls().size(), 1);
        const ToolCall call = lead->toolCalls().first();
        QVERIFY2(shown(1).contains(Fits), qPrintable(shown(1)));

        const QString result = QStringLiteral("{\"temperature\": 14, \"sky\": \"light rain\"}");
        answerByHand(0, result);
        QCOMPARE(lead->state(), ColumnState::Done);
        QVERIFY(lead->toolCalls().isEmpty());
        const QString followUp = lead->text();
        QVERIFY(!followUp.isEmpty());
        // The request went on from the results: the call back with its id, then the result.
        const QJsonArray sent = messagesOf(sandbox()->lastRequestBody(QStringLiteral("gpt-4.1-mini")));
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent[1].toObject().value("tool_calls").toArray().at(0).toObject().value("id").toString(), call.id);
        QCOMPARE(sent[2].toObject().value("content").toString(), result);

        // The column shows the whole exchange: the first answer's call, checked, the result sent,
        // then the follow-up answer.
        const QStringList exchange { QStringLiteral("Earlier in this conversation"),
                                     QStringLiteral("Weather in Oslo?"),
                                     Fits,
                                     QStringLiteral("\"city\""),
                                     QStringLiteral("Tool results sent"),
                                     QStringLiteral("get_weather: ") + result,
                                     lastWord(followUp) };
        QVERIFY2(!lastWord(followUp).isEmpty(), qPrintable(followUp));
        QVERIFY2(inOrder(shown(0), exchange) > 0, qPrintable(shown(0)));
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(m_window->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/tool-exchange.png")));

        // Every row of the run keeps the tools it was sent; the follow-up's row its earlier turn.
        QVERIFY(flushLedger());
        LedgerQueries queries(m_engine->ledgerPath());
        QList<RequestRecord> rows;
        QTRY_COMPARE((rows = queries.requestsInCompareGroup(group)).size(), 3);
        int followUps = 0;
        for (const RequestRecord& row : rows) {
            const ColumnExchange kept = ColumnExchange::fromJson(row.exchange);
            QCOMPARE(kept.tools.size(), 2);
            QCOMPARE(kept.tools.tools.at(0).name, QStringLiteral("get_weather"));
            QVERIFY(kept.toolChoice.isUndefined()); // the workbench sends none: the provider's default
            if (!kept.earlier.isEmpty()) {
                ++followUps;
                QCOMPARE(kept.column, 0);
                QCOMPARE(kept.earlier.at(0).toolCalls, QList<ToolCall> { call });
                QCOMPARE(kept.earlier.at(0).toolResults, QStringList { result });
                QVERIFY(kept.question.isEmpty()); // it went on from the results
            }
        }
        QCOMPARE(followUps, 1);

        // Reopened: two columns as the live run showed them, the calls checked again.
        reopenNewest();
        QCOMPARE(workbench()->comparison()->compareGroup(), group);
        QCOMPARE(workbench()->comparison()->columns().size(), 2);
        QCOMPARE(workbench()->comparison()->column(0)->text(), followUp);
        QVERIFY2(inOrder(shown(0), exchange) > 0, qPrintable(shown(0)));
        QVERIFY2(shown(1).contains(Fits), qPrintable(shown(1)));
        QVERIFY(!shown(1).contains(QStringLiteral("Not checked")));

        // Exports of the reopened run carry the exchange.
        const QString md = m_out.filePath(QStringLiteral("tools.md"));
        const QString json = m_out.filePath(QStringLiteral("tools.json"));
        const QString html = m_out.filePath(QStringLiteral("tools.html"));
        for (const QString& path : { md, json, html }) {
            QVERIFY2(workbench()->exportComparison(path, &error), qPrintable(error));
        }
        QVERIFY2(
            inOrder(readAll(md),
                    { QStringLiteral("**Turn 1**"), QStringLiteral("> Weather in Oslo?"),
                      QStringLiteral("`get_weather`"), QStringLiteral("*Tool results sent*"),
                      QStringLiteral("- `get_weather`: ") + result, QStringLiteral("**Turn 2**"), followUp.left(30) })
                > 0,
            qPrintable(readAll(md)));
        const QJsonObject first
            = QJsonDocument::fromJson(readAll(json).toUtf8()).object().value("columns").toArray().at(0).toObject();
        QCOMPARE(first.value("earlierTurns").toArray().at(0).toObject().value("toolResults").toArray(),
                 QJsonArray { result });
        QCOMPARE(first.value("tools").toArray().size(), 2);
        QVERIFY(readAll(html).contains(QStringLiteral("Tool results sent")));
    }

    void imageOfTheFirstTurn_followUpSendsItOnceInThatTurn_reopenedRunListsIt()
    {
        workbench()->promptEditor()->setTools({});
        workbench()->comparison()->setColumns(
            { { QStringLiteral("sandbox/gpt-4.1-mini") }, { QStringLiteral("sandbox/claude-haiku-4-5") } });
        const QString chart = writeChart();
        QFile file(chart);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QString base64 = QString::fromLatin1(bytes.toBase64());
        const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        FileDialogs::setNextOpenFileName(chart);
        workbench()->promptEditor()->attachButton()->click();
        QCOMPARE(workbench()->promptEditor()->attachmentStrip()->attachments().size(), 1);
        WorkbenchDriver::typeAndSend(workbench(), QStringLiteral("What does this chart show?"));
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench()), 20000);

        // A follow-up with the chart still in the strip and a new file added for this turn.
        const QString notes = m_files.filePath(QStringLiteral("notes.txt"));
        QFile notesFile(notes);
        QVERIFY(notesFile.open(QIODevice::WriteOnly));
        notesFile.write("Green is revenue, yellow is cost.\n");
        notesFile.close();
        FileDialogs::setNextOpenFileName(notes);
        workbench()->promptEditor()->attachButton()->click();
        QCOMPARE(workbench()->promptEditor()->attachmentStrip()->attachments().size(), 2);
        workbench()->columnViews().at(0)->findChild<QToolButton*>(QStringLiteral("continueButton"))->click();
        workbench()->continueBar()->followBox()->setChecked(true);
        sandbox()->resetCounts();
        WorkbenchDriver::typeAndSend(workbench(), QStringLiteral("Which bar is higher?"));
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench()), 20000);
        QCOMPARE(sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), 1);
        QCOMPARE(sandbox()->requestCount(QStringLiteral("claude-haiku-4-5")), 1);

        // OpenAI's format: the image once, in the first user message, with the first question.
        const QByteArray openAiBody = sandbox()->lastRequestBody(QStringLiteral("gpt-4.1-mini"));
        QCOMPARE(openAiBody.count(base64.toLatin1()), 1);
        const QJsonArray openAi = messagesOf(openAiBody);
        int imageParts = 0;
        for (const QJsonValue& message : openAi) {
            for (const QJsonValue& part : message.toObject().value("content").toArray()) {
                imageParts += part.toObject().value("type").toString() == QLatin1String("image_url");
            }
        }
        QCOMPARE(imageParts, 1);
        QCOMPARE(openAi.size(), 3);
        const QJsonArray firstTurn = openAi[0].toObject().value("content").toArray();
        QCOMPARE(firstTurn.size(), 2);
        QCOMPARE(firstTurn[0].toObject().value("image_url").toObject().value("url").toString(),
                 QStringLiteral("data:image/png;base64,") + base64);
        QCOMPARE(firstTurn[1].toObject().value("text").toString(), QStringLiteral("What does this chart show?"));
        QCOMPARE(openAi[1].toObject().value("role").toString(), QStringLiteral("assistant"));
        // The new file goes with the new question only.
        const QJsonArray lastTurn = openAi[2].toObject().value("content").toArray();
        QCOMPARE(lastTurn.size(), 2);
        QVERIFY(lastTurn[0].toObject().value("text").toString().contains(QStringLiteral("Green is revenue")));
        QCOMPARE(lastTurn[1].toObject().value("text").toString(), QStringLiteral("Which bar is higher?"));
        // Anthropic's format: one image block, in the first user message.
        const QByteArray anthropicBody = sandbox()->lastRequestBody(QStringLiteral("claude-haiku-4-5"));
        QCOMPARE(anthropicBody.count(base64.toLatin1()), 1);
        const QJsonArray anthropic = messagesOf(anthropicBody);
        QCOMPARE(anthropic[0].toObject().value("content").toArray().at(0).toObject().value("type").toString(),
                 QStringLiteral("image"));
        QVERIFY(!QJsonDocument(anthropic[2].toObject()).toJson().contains(base64.toLatin1()));
        QCOMPARE(sandbox()->answered().images, 2); // one image in each of the two follow-ups

        const QString live = shown(0);
        QVERIFY2(
            inOrder(live,
                    { QStringLiteral("You"), QStringLiteral("Attached: chart.png (image, "),
                      QStringLiteral("What does this chart show?"), QStringLiteral("Sent with: notes.txt (text, ") })
                > 0,
            qPrintable(live));
        const QString group = workbench()->comparison()->compareGroup();

        // The rows keep references (name, kind, size, SHA-256), never the bytes.
        QVERIFY(flushLedger());
        LedgerQueries queries(m_engine->ledgerPath());
        QList<RequestRecord> rows;
        QTRY_COMPARE((rows = queries.requestsInCompareGroup(group)).size(), 2);
        for (const RequestRecord& row : rows) {
            QVERIFY(!row.exchange.contains(base64.left(64)));
            const ColumnExchange kept = ColumnExchange::fromJson(row.exchange);
            QCOMPARE(kept.earlier.size(), 1);
            QCOMPARE(kept.earlier.at(0).attachments.size(), 1);
            const Attachment& image = kept.earlier.at(0).attachments.at(0);
            QCOMPARE(image.fileName, QStringLiteral("chart.png"));
            QCOMPARE(image.kind, AttachmentKind::Image);
            QCOMPARE(image.size(), bytes.size());
            QCOMPARE(image.sha256(), sha256);
            QCOMPARE(kept.attachments.size(), 1);
            QCOMPARE(kept.attachments.at(0).fileName, QStringLiteral("notes.txt"));
        }

        // Reopened, each turn shows its files; exports list them per turn.
        reopenNewest();
        QCOMPARE(workbench()->comparison()->compareGroup(), group);
        QVERIFY2(
            inOrder(shown(0),
                    { QStringLiteral("Attached: chart.png (image, "), QStringLiteral("Sent with: notes.txt (text, ") })
                > 0,
            qPrintable(shown(0)));
        QString error;
        const QString md = m_out.filePath(QStringLiteral("files.md"));
        const QString json = m_out.filePath(QStringLiteral("files.json"));
        const QString csv = m_out.filePath(QStringLiteral("files.csv"));
        for (const QString& path : { md, json, csv }) {
            QVERIFY2(workbench()->exportComparison(path, &error), qPrintable(error));
        }
        QVERIFY2(inOrder(readAll(md),
                         { QStringLiteral("**Turn 1**"), QStringLiteral("Attached: `chart.png` (image, "),
                           QStringLiteral("**Turn 2**"), QStringLiteral("> Which bar is higher?"),
                           QStringLiteral("Attached: `notes.txt` (text, ") })
                     > 0,
                 qPrintable(readAll(md)));
        const QJsonObject column
            = QJsonDocument::fromJson(readAll(json).toUtf8()).object().value("columns").toArray().at(0).toObject();
        const QJsonObject reference
            = column.value("earlierTurns").toArray().at(0).toObject().value("attachments").toArray().at(0).toObject();
        QCOMPARE(reference.value("sha256").toString(), sha256);
        QCOMPARE(reference.value("bytes").toInteger(), bytes.size());
        QCOMPARE(column.value("attachments").toArray().at(0).toObject().value("name").toString(),
                 QStringLiteral("notes.txt"));
        QVERIFY(readAll(csv).contains(QStringLiteral("notes.txt (text, ")));
        for (const QString& path : { md, json, csv }) {
            QVERIFY(!readAll(path).contains(base64.left(64))); // referenced, never the bytes
        }
    }
};

QTEST_MAIN(tst_ExchangeKept)
#include "tst_ExchangeKept.moc"
