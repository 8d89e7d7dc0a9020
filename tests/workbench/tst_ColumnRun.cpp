#include "core/workbench/ColumnRun.h"
#include "core/workbench/ColumnSpec.h"

#include <QSignalSpy>
#include <QTest>

namespace {
ModelConfig pricedModel()
{
    ModelConfig model;
    model.id = QStringLiteral("sandbox/gpt-4.1-mini");
    model.providerId = QStringLiteral("sandbox-openai");
    model.price = { 0.4, 1.6, 0.1, true };
    return model;
}

ProviderConfig provider()
{
    ProviderConfig config;
    config.id = QStringLiteral("sandbox-openai");
    config.displayName = QStringLiteral("Sandbox OpenAI");
    return config;
}

ChatRequest request(const QString& prompt)
{
    ChatRequest r;
    r.messages.append({ QStringLiteral("user"), prompt });
    return r;
}

CallResult result(qint64 ttft, qint64 latency, qint64 in, qint64 out,
                  const QString& finishReason = QStringLiteral("stop"))
{
    CallResult r;
    r.ttftMs = ttft;
    r.latencyMs = latency;
    r.usage.promptTokens = in;
    r.usage.completionTokens = out;
    r.finishReason = finishReason;
    return r;
}
} // namespace

class tst_ColumnRun : public QObject
{
    Q_OBJECT

private slots:
    void finishedCall_figures_data()
    {
        QTest::addColumn<CallResult>("callResult");
        QTest::addColumn<qint64>("ttft");
        QTest::addColumn<qint64>("latency");
        QTest::addColumn<double>("tokensPerSecond");
        QTest::addColumn<double>("cost");

        QTest::newRow("100 tokens in 1 s after first token is 100 tok/s")
            << result(200, 1200, 1000, 100) << qint64(200) << qint64(1200) << 100.0 << (1000 * 0.4 + 100 * 1.6) / 1e6;
        QTest::newRow("rate ignores the wait for the first token")
            << result(4000, 4500, 10, 50) << qint64(4000) << qint64(4500) << 100.0 << (10 * 0.4 + 50 * 1.6) / 1e6;
        QTest::newRow("one million output tokens cost the output price")
            << result(100, 10100, 0, 1000000) << qint64(100) << qint64(10100) << 100000.0 << 1.6;
    }
    void finishedCall_figures()
    {
        QFETCH(CallResult, callResult);
        QFETCH(qint64, ttft);
        QFETCH(qint64, latency);
        QFETCH(double, tokensPerSecond);
        QFETCH(double, cost);

        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        column.begin(request(QStringLiteral("hello")));
        column.markFirstToken(callResult.ttftMs);
        column.appendText(QStringLiteral("answer"));
        column.complete(callResult);

        QCOMPARE(column.state(), ColumnState::Done);
        QCOMPARE(column.figures().ttftMs, ttft);
        QCOMPARE(column.figures().latencyMs, latency);
        QVERIFY(column.figures().tokensPerSecond);
        QCOMPARE(*column.figures().tokensPerSecond, tokensPerSecond);
        QVERIFY(column.figures().costUsd);
        QVERIFY(qAbs(*column.figures().costUsd - cost) < 1e-12);
        QVERIFY(!column.figures().usage.estimated);
        QVERIFY(!column.figures().costEstimated);
    }

    void rate_needsAMeasurableWindow_data()
    {
        QTest::addColumn<qint64>("tokens");
        QTest::addColumn<qint64>("ttft");
        QTest::addColumn<qint64>("elapsed");
        QTest::addColumn<double>("expected"); // < 0: no figure
        QTest::newRow("a streamed answer") << qint64(60) << qint64(300) << qint64(900) << 100.0;
        QTest::newRow("a short but real window") << qint64(4) << qint64(100) << qint64(120) << 200.0;
        QTest::newRow("one burst of 54 tokens in 1 ms") << qint64(54) << qint64(45) << qint64(46) << -1.0;
        QTest::newRow("everything at the first token") << qint64(10) << qint64(80) << qint64(80) << -1.0;
        QTest::newRow("no first token") << qint64(10) << qint64(-1) << qint64(500) << -1.0;
        QTest::newRow("no tokens") << qint64(0) << qint64(100) << qint64(500) << -1.0;
    }
    void rate_needsAMeasurableWindow()
    {
        QFETCH(qint64, tokens);
        QFETCH(qint64, ttft);
        QFETCH(qint64, elapsed);
        QFETCH(double, expected);
        const std::optional<double> rate = ColumnFigures::rate(tokens, ttft, elapsed);
        QCOMPARE(rate.has_value(), expected >= 0);
        if (rate) {
            QCOMPARE(*rate, expected);
        }
    }

    void streaming_countsEstimatedTokensUntilUsageArrives()
    {
        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        // 2 estimated prompt tokens plus 4 of framing: the one estimator (UsageEstimate) the
        // ledger uses too.
        column.begin(request(QStringLiteral("12345678")));
        QCOMPARE(column.state(), ColumnState::Waiting);
        QVERIFY(column.figures().usage.estimated);
        QCOMPARE(column.figures().usage.promptTokens, 6);

        column.markFirstToken(150);
        QCOMPARE(column.state(), ColumnState::Streaming);
        column.appendText(QStringLiteral("abcdefghijkl")); // 3 estimated output tokens
        QCOMPARE(column.text(), QStringLiteral("abcdefghijkl"));
        QCOMPARE(column.figures().usage.completionTokens, 3);
        QVERIFY(column.figures().usage.estimated);
        QVERIFY(column.figures().costEstimated);

        TokenUsage reported;
        reported.promptTokens = 7;
        reported.completionTokens = 4;
        column.reportUsage(reported);
        column.appendText(QStringLiteral("more text after the usage"));
        QCOMPARE(column.figures().usage.completionTokens, 4); // reported usage is not overwritten by estimates
        QVERIFY(!column.figures().usage.estimated);
    }

    void failedCall_keepsClassAndMessage()
    {
        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        QSignalSpy ended(&column, &ColumnRun::ended);
        column.begin(request(QStringLiteral("hi")));
        CallError error;
        error.failureClass = FailureClass::ServerError;
        error.httpStatus = 503;
        error.message = QStringLiteral("The model is overloaded");
        column.fail(error, result(-1, 300, 0, 0));

        QCOMPARE(column.state(), ColumnState::Failed);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(column.error().message, QStringLiteral("The model is overloaded"));
        QVERIFY(column.statusText().contains(FailureClasses::displayName(FailureClass::ServerError)));
        QVERIFY(column.statusText().contains(QStringLiteral("503")));
        QCOMPARE(column.figures().ttftMs, -1);
        QVERIFY(!column.figures().tokensPerSecond);
    }

    void cutOffAtMaxTokens_isIncomplete()
    {
        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        column.begin(request(QStringLiteral("hi")));
        column.appendText(QStringLiteral("partial"));
        column.complete(result(100, 600, 5, 50, QStringLiteral("length")));
        QCOMPARE(column.state(), ColumnState::Incomplete);
        QCOMPARE(column.statusText(), QStringLiteral("Cut off at max tokens"));
    }

    void cancel_data()
    {
        QTest::addColumn<QString>("received");
        QTest::addColumn<ColumnState>("state");
        QTest::newRow("before any token: cancelled") << QString() << ColumnState::Cancelled;
        QTest::newRow("after some tokens: incomplete") << QStringLiteral("half an ans") << ColumnState::Incomplete;
    }
    void cancel()
    {
        QFETCH(QString, received);
        QFETCH(ColumnState, state);
        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        bool callCancelled = false;
        column.begin(request(QStringLiteral("hi")));
        column.attach(new QObject, [&] { callCancelled = true; });
        if (!received.isEmpty()) {
            column.appendText(received);
        }
        column.cancel();
        QVERIFY(callCancelled);
        QCOMPARE(column.state(), state);
        QCOMPARE(column.text(), received);
        column.cancel(); // a second stop is harmless
        QCOMPARE(column.state(), state);
    }

    void unpricedModel_hasNoCostNotZero()
    {
        ModelConfig model = pricedModel();
        model.price = {};
        ColumnRun column({ model.id }, model, provider());
        column.begin(request(QStringLiteral("hi")));
        column.complete(result(100, 1100, 10, 10));
        QVERIFY(!column.figures().costUsd);
        QCOMPARE(FigureFormat::cost(column.figures()), QStringLiteral("unpriced"));
    }

    void streamedToolCallPieces_gatherByIndex_andAFailoverDropsThem()
    {
        ColumnRun run({ QStringLiteral("sandbox/gpt-4.1-mini") }, pricedModel(), provider());
        QSignalSpy changed(&run, &ColumnRun::toolCallsChanged);
        run.begin(request(QStringLiteral("Weather in Oslo and Rome?")));
        using Kind = AnswerPart::Kind;
        for (const AnswerPart& part : {
                 AnswerPart { Kind::ToolCall, 0, QStringLiteral("call_a"), QStringLiteral("get_weather"), {} },
                 AnswerPart { Kind::ToolCall, 0, {}, {}, QStringLiteral("{\"city\":") },
                 AnswerPart { Kind::ToolCall, 1, QStringLiteral("call_b"), QStringLiteral("get_weather"),
                              QStringLiteral("{\"city\":\"Rome\"}") },
                 AnswerPart { Kind::Refusal, 0, {}, {}, QStringLiteral("not a tool call") },
                 AnswerPart { Kind::ToolCall, 0, {}, {}, QStringLiteral("\"Oslo\"}") },
             }) {
            run.appendPart(part);
        }
        QCOMPARE(changed.size(), 4);
        const QList<ToolCall> expected {
            { QStringLiteral("call_a"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Oslo\"}") },
            { QStringLiteral("call_b"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Rome\"}") },
        };
        QCOMPARE(run.toolCalls(), expected);
        QCOMPARE(run.state(), ColumnState::Streaming);
        // A routed call restarting on the next model: its pieces start a new list.
        run.discardText();
        QVERIFY(run.toolCalls().isEmpty());
        run.appendPart(
            { Kind::ToolCall, 0, QStringLiteral("call_c"), QStringLiteral("get_time"), QStringLiteral("{}") });
        QCOMPARE(run.toolCalls().size(), 1);
        // The finished call's own list is what stays.
        CallResult done = result(5, 40, 10, 4, QStringLiteral("tool_calls"));
        done.toolCalls
            = { { QStringLiteral("call_c"), QStringLiteral("get_time"), QStringLiteral("{\"city\":\"Oslo\"}") } };
        run.complete(done);
        QCOMPARE(run.toolCalls(), done.toolCalls);
        QCOMPARE(run.state(), ColumnState::Done);
    }

    void begin_clearsThePreviousAnswer()
    {
        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        column.begin(request(QStringLiteral("hi")));
        column.appendText(QStringLiteral("first"));
        column.complete(result(100, 200, 1, 1));
        column.begin(request(QStringLiteral("again")));
        QCOMPARE(column.text(), QString());
        QCOMPARE(column.state(), ColumnState::Waiting);
        QCOMPARE(column.figures().latencyMs, -1);
    }

    void requestFor_appliesColumnOverrides_data()
    {
        QTest::addColumn<ColumnSpec>("spec");
        QTest::addColumn<QString>("system");
        QTest::addColumn<double>("temperature");
        QTest::addColumn<int>("maxTokens");
        ColumnSpec plain { QStringLiteral("m") };
        ColumnSpec hot { QStringLiteral("m"), 1.2, 64, QStringLiteral("Be terse.") };
        ColumnSpec noSystem { QStringLiteral("m"), std::nullopt, std::nullopt, QString() };
        QTest::newRow("no overrides take the shared settings")
            << plain << QStringLiteral("You are helpful.") << 0.3 << 500;
        QTest::newRow("overrides win") << hot << QStringLiteral("Be terse.") << 1.2 << 64;
        QTest::newRow("empty system override drops the system prompt") << noSystem << QString() << 0.3 << 500;
    }
    void requestFor_appliesColumnOverrides()
    {
        QFETCH(ColumnSpec, spec);
        QFETCH(QString, system);
        QFETCH(double, temperature);
        QFETCH(int, maxTokens);
        PromptSettings prompt {
            QStringLiteral("Why is the sky blue?"), QStringLiteral("You are helpful."), 0.3, 500, {}
        };
        const ChatRequest request = spec.requestFor(prompt);
        QCOMPARE(request.systemText(), system);
        QCOMPARE(request.lastUserText(), QStringLiteral("Why is the sky blue?"));
        QCOMPARE(*request.temperature, temperature);
        QCOMPARE(request.maxTokens, maxTokens);
    }

    void columnSpecs_roundTripThroughJson()
    {
        const QList<ColumnSpec> specs { { QStringLiteral("a") },
                                        { QStringLiteral("a"), 0.9, std::nullopt, QStringLiteral("Pirate voice.") },
                                        { QStringLiteral("b"), std::nullopt, 128, QString() },
                                        ColumnSpec::routeIt() };
        QCOMPARE(ColumnSpec::listFromJson(ColumnSpec::listToJson(specs)), specs);
    }

    void keepTurn_keepsOnlyAnsweredTurns_andTheNextRequestCarriesThem()
    {
        ColumnRun column({ pricedModel().id }, pricedModel(), provider());
        column.begin(request(QStringLiteral("first?")));
        column.fail({ FailureClass::ServerError, 503 }, {});
        QVERIFY(!column.keepTurn()); // a failed turn has no answer to carry on from
        column.begin(request(QStringLiteral("first?")));
        column.appendText(QStringLiteral("one"));
        column.complete(result(10, 20, 1, 1));
        QVERIFY(column.keepTurn());
        QCOMPARE(column.conversation().size(), 1);
        QCOMPARE(column.conversation().at(0).question, QStringLiteral("first?"));
        QCOMPARE(column.conversation().at(0).answer, QStringLiteral("one"));

        PromptSettings prompt { QStringLiteral("second?"), QStringLiteral("Be brief."), {}, 0, column.conversation() };
        const ChatRequest next = column.spec().requestFor(prompt);
        const QList<ChatMessage> expected { { QStringLiteral("system"), QStringLiteral("Be brief.") },
                                            { QStringLiteral("user"), QStringLiteral("first?") },
                                            { QStringLiteral("assistant"), QStringLiteral("one") },
                                            { QStringLiteral("user"), QStringLiteral("second?") } };
        QCOMPARE(next.messages, expected);
        column.clearConversation();
        QVERIFY(column.conversation().isEmpty());
    }

    void routedColumn_takesTheRoutersModel_andRecordsFailovers()
    {
        ColumnRun column(ColumnSpec::routeIt(), {}, {});
        QCOMPARE(column.title(), QStringLiteral("Route it"));
        QSignalSpy routeChanged(&column, &ColumnRun::routeChanged);
        column.begin(request(QStringLiteral("hi")));
        column.setRouteDecision(QStringLiteral("standard"), QStringLiteral("default"),
                                QStringLiteral("no rule matched"));
        ModelConfig first = pricedModel();
        first.id = QStringLiteral("sandbox/first");
        column.setRoutedModel(first, provider());
        column.appendText(QStringLiteral("partial"));
        column.addFailover(first.id, pricedModel().id, { FailureClass::StreamBroken });
        column.discardText();
        QCOMPARE(column.text(), QString());
        column.setRoutedModel(pricedModel(), provider());
        column.appendText(QStringLiteral("answer"));
        column.complete(result(10, 20, 100, 200));

        QCOMPARE(column.title(), pricedModel().id);
        QCOMPARE(column.text(), QStringLiteral("answer"));
        QVERIFY(column.figures().costUsd.has_value());
        QCOMPARE(column.route().decisionText(), QStringLiteral("Tier standard \u00b7 rule \u201cdefault\u201d"));
        QCOMPARE(ColumnRoute::failoverText(column.route().failovers.value(0)),
                 QStringLiteral("Failed over from sandbox/first (%1) to sandbox/gpt-4.1-mini")
                     .arg(FailureClasses::displayName(FailureClass::StreamBroken)));
        QVERIFY(routeChanged.size() >= 4);

        column.begin(request(QStringLiteral("again"))); // the router picks anew
        QCOMPARE(column.title(), QStringLiteral("Route it"));
        QVERIFY(column.route().failovers.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ColumnRun)
#include "tst_ColumnRun.moc"
