#include "core/providers/ProviderClient.h"
#include "core/sandbox/SandboxServer.h"
#include "core/workbench/ComparisonRun.h"

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
};

QTEST_GUILESS_MAIN(tst_ComparisonRun)
#include "tst_ComparisonRun.moc"
