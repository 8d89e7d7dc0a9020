#include "PostgresServer.h"
#include "core/batch/BatchStore.h"
#include "core/ledger/Ledger.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The batch jobs' table (ledger schema step 13) on both backends: a job kept as submitted, its
// state followed, and its results claimed for recording by exactly one caller, also from a second
// connection (another process fetching the same results).
class tst_BatchStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void submittedJob_readBackAfterReopening_data() { backends(); }
    void submittedJob_readBackAfterReopening();
    void recording_claimedOnceAcrossConnections_data() { backends(); }
    void recording_claimedOnceAcrossConnections();
    void unknownJob_saysSo_data() { backends(); }
    void unknownJob_saysSo();

private:
    static void backends();
    // A new ledger at the current schema, or an empty string when the backend is not here.
    QString ledger();
    static BatchJob job(const QString& id);
    QTemporaryDir m_dir;
    PostgresServer m_server;
    bool m_postgres = false;
    int m_files = 0;
};

void tst_BatchStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_postgres = m_server.start();
    if (!m_postgres) {
        qWarning("PostgreSQL rows skipped: %s", qPrintable(m_server.skipReason()));
    }
}

void tst_BatchStore::backends()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgresql") << true;
}

QString tst_BatchStore::ledger()
{
    QFETCH(bool, postgres);
    if (postgres && !m_postgres) {
        return {};
    }
    const QString location
        = postgres ? m_server.createDatabase() : m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_files));
    Ledger created; // creates the schema, as the engine does
    if (!created.open(location)) {
        qWarning() << created.errorString();
    }
    return location;
}

BatchJob tst_BatchStore::job(const QString& id)
{
    BatchJob job;
    job.id = id;
    job.providerId = QStringLiteral("openai");
    job.modelId = QStringLiteral("openai/gpt-4.1-mini");
    job.upstreamModel = QStringLiteral("gpt-4.1-mini");
    job.inputName = QStringLiteral("questions.jsonl");
    job.prompts = { { QStringLiteral("q1"), QStringLiteral("What is 2+2?") }, { QStringLiteral("q2"), QString() } };
    job.requestCount = 2;
    job.state = BatchState::Validating;
    job.submittedAt = QDateTime(QDate(2026, 12, 7), QTime(1, 2, 3), Qt::UTC);
    return job;
}

void tst_BatchStore::submittedJob_readBackAfterReopening()
{
    const QString location = ledger();
    if (location.isEmpty()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
    QString error;
    {
        BatchStore store(location);
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY2(store.add(job(QStringLiteral("batch_a")), &error), qPrintable(error));
        QVERIFY2(store.setState(QStringLiteral("batch_a"), BatchState::InProgress,
                                QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC), &error),
                 qPrintable(error));
    }
    BatchStore store(location);
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto loaded = store.load(QStringLiteral("batch_a"), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->modelId, QStringLiteral("openai/gpt-4.1-mini"));
    QCOMPARE(loaded->state, BatchState::InProgress);
    QCOMPARE(loaded->requestCount, 2);
    QCOMPARE(loaded->promptOf(QStringLiteral("q1")), QStringLiteral("What is 2+2?"));
    QCOMPARE(loaded->submittedAt, job(QStringLiteral("x")).submittedAt);
    QVERIFY(!loaded->recordedAt.isValid());
    const auto all = store.list(&error);
    QVERIFY(all);
    QCOMPARE(all->size(), 1);
}

void tst_BatchStore::recording_claimedOnceAcrossConnections()
{
    const QString location = ledger();
    if (location.isEmpty()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
    QString error;
    BatchStore first(location);
    BatchStore second(location);
    QVERIFY2(first.open(&error) && second.open(&error), qPrintable(error));
    QVERIFY2(first.add(job(QStringLiteral("batch_b")), &error), qPrintable(error));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(first.claimRecording(QStringLiteral("batch_b"), now, &error), std::optional<bool>(true));
    QCOMPARE(second.claimRecording(QStringLiteral("batch_b"), now, &error), std::optional<bool>(false));
    QCOMPARE(first.claimRecording(QStringLiteral("batch_b"), now, &error), std::optional<bool>(false));
    QVERIFY(second.load(QStringLiteral("batch_b"), &error)->recordedAt.isValid());
}

void tst_BatchStore::unknownJob_saysSo()
{
    const QString location = ledger();
    if (location.isEmpty()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
    BatchStore store(location);
    QString error;
    QVERIFY(store.open(&error));
    QVERIFY(!store.load(QStringLiteral("batch_none"), &error));
    QVERIFY2(error.contains(QLatin1String("batch_none")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_BatchStore)
#include "tst_BatchStore.moc"
