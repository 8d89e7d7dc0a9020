#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ComparisonRun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

// The comparison against the real sandbox over loopback: several columns at once, one failing.
class tst_ComparisonRun : public QObject
{
    Q_OBJECT

private:
    SandboxServer* m_sandbox = nullptr;
    ProviderClient* m_client = nullptr;

    ModelCatalog catalog() const { return { m_sandbox->providers(), m_sandbox->models() }; }
    QStringList modelIds(int count) const
    {
        QStringList ids;
        for (const auto& model : m_sandbox->models()) {
            if (ids.size() < count) {
                ids.append(model.id);
            }
        }
        return ids;
    }

private slots:
    void init()
    {
        m_sandbox = new SandboxServer(this);
        QVERIFY(m_sandbox->start());
        m_sandbox->setTimeScale(0.05);
        m_client = new ProviderClient(this);
    }
    void cleanup()
    {
        delete m_client;
        delete m_sandbox;
    }

    void threeColumns_streamAndFinishWithFigures()
    {
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        for (const auto& id : modelIds(3)) {
            QVERIFY(run.addColumn({ id }));
        }
        run.setPrompt({ QStringLiteral("Compare bubble sort and quicksort."), {}, 0.2, 200, {} });
        QSignalSpy finished(&run, &ComparisonRun::runFinished);
        QVERIFY(run.start());
        QVERIFY(run.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        for (const auto* column : run.columns()) {
            QCOMPARE(column->state(), ColumnState::Done);
            QVERIFY(!column->text().isEmpty());
            QVERIFY(column->figures().ttftMs >= 0);
            QVERIFY(column->figures().latencyMs >= column->figures().ttftMs);
            QVERIFY(column->figures().usage.completionTokens > 0);
            QVERIFY(column->figures().costUsd.has_value());
        }
        QVERIFY(!run.compareGroup().isEmpty());
    }

    void failingColumn_doesNotStopTheOthers()
    {
        const QStringList ids = modelIds(3);
        m_sandbox->setFault(ids[1].section('/', 1), SandboxFault::httpError(503));
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        for (const auto& id : ids) {
            run.addColumn({ id });
        }
        run.setPrompt({ QStringLiteral("Hello"), {}, std::nullopt, 0, {} });
        QSignalSpy finished(&run, &ComparisonRun::runFinished);
        run.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(run.column(0)->state(), ColumnState::Done);
        QCOMPARE(run.column(1)->state(), ColumnState::Failed);
        QCOMPARE(run.column(1)->error().failureClass, FailureClass::ServerError);
        QCOMPARE(run.column(1)->error().httpStatus, 503);
        QCOMPARE(run.column(2)->state(), ColumnState::Done);
    }

    void cancel_stopsEveryColumn()
    {
        m_sandbox->setTimeScale(1.0);
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        for (const auto& id : modelIds(3)) {
            run.addColumn({ id });
        }
        run.setPrompt({ QStringLiteral("Write a long essay."), {}, std::nullopt, 0, {} });
        QSignalSpy finished(&run, &ComparisonRun::runFinished);
        run.start();
        QTRY_VERIFY(run.column(0)->state() == ColumnState::Streaming);
        run.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!run.isRunning());
        for (const auto* column : run.columns()) {
            QVERIFY(column->state() == ColumnState::Incomplete || column->state() == ColumnState::Cancelled);
        }
    }

    void rerun_runsOneColumnOnly()
    {
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        const QStringList ids = modelIds(2);
        for (const auto& id : ids) {
            run.addColumn({ id });
        }
        run.setPrompt({ QStringLiteral("Hi"), {}, std::nullopt, 0, {} });
        QSignalSpy finished(&run, &ComparisonRun::runFinished);
        run.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        m_sandbox->resetCounts();
        run.rerun(1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(m_sandbox->requestCount(ids[0].section('/', 1)), 0);
        QCOMPARE(m_sandbox->requestCount(ids[1].section('/', 1)), 1);
    }

    void unknownModel_failsThatColumnOnly()
    {
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        run.addColumn({ QStringLiteral("nowhere/missing") });
        run.addColumn({ modelIds(1).first() });
        run.setPrompt({ QStringLiteral("Hi"), {}, std::nullopt, 0, {} });
        QSignalSpy finished(&run, &ComparisonRun::runFinished);
        run.start();
        QCOMPARE(run.column(0)->state(), ColumnState::Failed);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(run.column(1)->state(), ColumnState::Done);
    }

    void atMostEightColumns()
    {
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        for (int i = 0; i < ComparisonRun::MaxColumns; ++i) {
            QVERIFY(run.addColumn({ modelIds(1).first() }));
        }
        QVERIFY(!run.addColumn({ modelIds(1).first() }));
        QCOMPARE(run.columns().size(), 8);
    }

    // Issue 17 item 2: each column thinks as hard as its settings ask, over the real wire formats:
    // OpenAI's reasoning_effort (spent unseen, billed as reasoning tokens), Claude's thinking budget
    // (streamed and shown), and a chat model's refusal of an effort it cannot spend.
    void reasoningEffort_perColumn_thinkingSentCountedAndRefused()
    {
        ComparisonRun run(m_client);
        run.setCatalog(catalog());
        ColumnSpec gpt5 { QStringLiteral("sandbox/gpt-5") };
        gpt5.reasoningEffort = ReasoningEffort::High;
        ColumnSpec claude { QStringLiteral("sandbox/claude-haiku-4-5") };
        claude.reasoningEffort = ReasoningEffort::Low;
        ColumnSpec chat { QStringLiteral("sandbox/gpt-4.1-mini") };
        chat.reasoningEffort = ReasoningEffort::High;
        for (const ColumnSpec& spec : { gpt5, claude, chat }) {
            QVERIFY(run.addColumn(spec));
        }
        run.setPrompt({ QStringLiteral("Is 1009 prime?"), {}, 0.2, 0, {} });
        QSignalSpy finished(&run, &ComparisonRun::runFinished);
        QVERIFY(run.start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

        const QJsonObject toGpt5 = QJsonDocument::fromJson(m_sandbox->lastRequestBody("gpt-5")).object();
        QCOMPARE(toGpt5.value("reasoning_effort").toString(), QStringLiteral("high"));
        QVERIFY(!toGpt5.contains("temperature")); // reasoning models take none
        QCOMPARE(run.column(0)->state(), ColumnState::Done);
        const ColumnFigures& gptFigures = run.column(0)->figures();
        QCOMPARE(gptFigures.usage.reasoningTokens, qint64(2048)); // the sandbox's "high"
        QVERIFY(run.column(0)->reasoning().isEmpty()); // OpenAI shows none of it
        // gpt-5: $10 per 1M output tokens, reasoning billed as output.
        QVERIFY(gptFigures.reasoningCostUsd.has_value());
        QCOMPARE(qRound64(*gptFigures.reasoningCostUsd * 1e8), qRound64(2048 * 10.0 / 1e6 * 1e8));

        const QJsonObject toClaude = QJsonDocument::fromJson(m_sandbox->lastRequestBody("claude-haiku-4-5")).object();
        QCOMPARE(toClaude.value("thinking").toObject().value("budget_tokens").toInt(), 1024);
        QCOMPARE(toClaude.value("max_tokens").toInt(), 1024 + 4096);
        QVERIFY(!toClaude.contains("temperature"));
        QCOMPARE(run.column(1)->state(), ColumnState::Done);
        QVERIFY2(run.column(1)->reasoning().startsWith(QStringLiteral("Let me think")),
                 qPrintable(run.column(1)->reasoning()));
        QVERIFY(!run.column(1)->text().isEmpty());
        QCOMPARE(run.column(1)->figures().usage.reasoningTokens, 0); // Anthropic counts thinking in output
        QVERIFY(run.column(1)->figures().usage.completionTokens >= 1024 / 20);

        QCOMPARE(run.column(2)->state(), ColumnState::Failed);
        QCOMPARE(run.column(2)->error().httpStatus, 400);
        QVERIFY2(run.column(2)->error().message.contains(QStringLiteral("reasoning_effort")),
                 qPrintable(run.column(2)->error().message));
    }
};

QTEST_GUILESS_MAIN(tst_ComparisonRun)
#include "tst_ComparisonRun.moc"
