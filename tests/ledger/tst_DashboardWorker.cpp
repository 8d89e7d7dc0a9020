#include "LedgerTestUtil.h"
#include "core/ledger/DashboardWorker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace LedgerTestUtil;

class tst_DashboardWorker : public QObject
{
    Q_OBJECT

private slots:
    // The dashboard's query set runs on both backends (the period arithmetic is the same on both).
    void initTestCase_data() { Backends::addRows(); }
    void previousPeriod_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("until");
        QTest::addColumn<QDateTime>("previousFrom");
        QTest::addColumn<QDateTime>("previousUntil");
        QTest::newRow("a week before a week")
            << utc(2026, 3, 8) << utc(2026, 3, 15) << utc(2026, 3, 1) << utc(2026, 3, 8);
        QTest::newRow("the day before a day")
            << utc(2026, 3, 8) << utc(2026, 3, 9) << utc(2026, 3, 7) << utc(2026, 3, 8);
        QTest::newRow("ninety minutes before ninety minutes")
            << utc(2026, 3, 8, 12) << utc(2026, 3, 8, 13, 30) << utc(2026, 3, 8, 10, 30) << utc(2026, 3, 8, 12);
    }
    void previousPeriod()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, until);
        QFETCH(QDateTime, previousFrom);
        QFETCH(QDateTime, previousUntil);
        LedgerFilter filter;
        filter.from = from;
        filter.until = until;
        filter.providers = QStringList { QStringLiteral("pa") };
        const LedgerFilter previous = DashboardQuery::previousPeriod(filter);
        QCOMPARE(previous.from, previousFrom);
        QCOMPARE(previous.until, previousUntil);
        QCOMPARE(previous.providers, filter.providers); // the same filters
    }

    void load_latestGeneration_answers_staleOnesAreSkipped_data()
    {
        QTest::addColumn<quint64>("generation");
        QTest::addColumn<quint64>("latest");
        QTest::addColumn<bool>("answered");
        QTest::newRow("the latest request is answered") << quint64(3) << quint64(3) << true;
        QTest::newRow("an older request is skipped") << quint64(2) << quint64(3) << false;
        QTest::newRow("everything is stale once the view closes") << quint64(3) << ~quint64(0) << false;
    }
    void load_latestGeneration_answers_staleOnesAreSkipped()
    {
        QFETCH(quint64, generation);
        QFETCH(quint64, latest);
        QFETCH(bool, answered);
        QTemporaryDir dir;
        const QString path = m_backends.newLocation(dir, QStringLiteral("ledger"));
        if (path.isEmpty()) {
            QSKIP(qPrintable(m_backends.skipReason()));
        }
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
            QVERIFY(recordAll(ledger,
                              { request(utc(2026, 3, 8, 10), QStringLiteral("m-a"), QStringLiteral("pa"), 0.25),
                                request(utc(2026, 3, 8, 11), QStringLiteral("m-b"), QStringLiteral("pb"), 0.5) }));
        }
        DashboardWorker worker(path, std::make_shared<std::atomic<quint64>>(latest));
        QSignalSpy loaded(&worker, &DashboardWorker::loaded);
        DashboardQuery query;
        query.generation = generation;
        query.filter.from = utc(2026, 3, 8);
        query.filter.until = utc(2026, 3, 9);
        query.previous = DashboardQuery::previousPeriod(query.filter);
        worker.load(query);
        QCOMPARE(loaded.size(), answered ? 1 : 0);
        if (answered) {
            const auto result = loaded.first().first().value<DashboardResult>();
            QCOMPARE(result.generation, generation);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QCOMPARE(result.totals.requests, qint64(2));
            QCOMPARE(result.totals.spendUsd, 0.75);
            QCOMPARE(result.providerNames, QStringList({ "pa", "pb" }));
        }
    }

private:
    Backends m_backends;
};

QTEST_GUILESS_MAIN(tst_DashboardWorker)
#include "tst_DashboardWorker.moc"
