#include "core/ledger/LedgerSpill.h"
#include "core/recording/CallJournal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The crash journal: what a process sent and answered, on disk ahead of the ledger, and what the
// next start makes of the journal of a process that died.
class TestCallJournal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recover_deadProcessJournal_data();
    void recover_deadProcessJournal();
    void recover_leavesALiveJournalAlone();
    void recover_waitsWhileASpillIsPending();
    void prompts_notJournaledWhenNotStored();
    void compaction_keepsOnlyWhatTheLedgerHasNotConfirmed();
    void cleanClose_removesTheJournal();
    void rowJson_roundTripsEveryField_data();
    void rowJson_roundTripsEveryField();

private:
    qint64 m_deadPid = 0;
};

namespace {
RequestRecord call(const QString& id, RequestStatus status = RequestStatus::Ok)
{
    RequestRecord row;
    row.id = id;
    row.startedAt = QDateTime::fromMSecsSinceEpoch(1'780'000'000'000, Qt::UTC);
    row.source = RequestSource::Gateway;
    row.finalModel = QStringLiteral("sandbox/gpt-5");
    row.finalProvider = QStringLiteral("sandbox-openai");
    row.status = status;
    if (status == RequestStatus::Ok) {
        row.usage.promptTokens = 12;
        row.usage.completionTokens = 30;
        row.costUsd = 0.00042;
        row.latencyMs = 800;
        row.ttftMs = 120;
    }
    return row;
}

QByteArray line(const char* kind, const RequestRecord& row)
{
    QByteArray text = QByteArray("{\"") + kind + "\":";
    LedgerSpill::appendRequestJson(text, row);
    return text + "}\n";
}

RecordContext contextFor(const QString& id, const QString& prompt = {})
{
    RecordContext context;
    context.requestId = id;
    context.startedAt = QDateTime::currentDateTimeUtc();
    context.source = RequestSource::Gateway;
    context.prompt = prompt;
    return context;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

void TestCallJournal::initTestCase()
{
    // The id of a process that has ended: its journal is one a crash left behind.
    QProcess ended;
    connect(&ended, &QProcess::started, this, [&] { m_deadPid = ended.processId(); });
    ended.start(QStringLiteral("true"), {});
    QVERIFY(ended.waitForFinished(5000));
    QVERIFY(m_deadPid > 0);
}

void TestCallJournal::recover_deadProcessJournal_data()
{
    QTest::addColumn<QByteArray>("journal");
    QTest::addColumn<QStringList>("spilledIds");
    QTest::addColumn<QStringList>("spilledStatuses");
    QTest::addColumn<int>("problems");

    const RequestRecord a = call(QStringLiteral("a"));
    const RequestRecord b = call(QStringLiteral("b"));
    QTest::newRow("a finished call goes in as it was recorded")
        << line("start", a) + line("done", a) << QStringList { "a" } << QStringList { "ok" } << 0;
    QTest::newRow("a call that never finished is interrupted")
        << line("start", a) << QStringList { "a" } << QStringList { "interrupted" } << 0;
    QTest::newRow("answered and unfinished calls side by side")
        << line("start", a) + line("start", b) + line("done", b) << QStringList { "b", "a" }
        << QStringList { "ok", "interrupted" } << 0;
    QTest::newRow("the line the process died writing counts for nothing")
        << line("start", a) + line("done", a).chopped(9) << QStringList { "a" } << QStringList { "interrupted" } << 0;
    QTest::newRow("a damaged line is named and skipped")
        << QByteArray("{not json\n") + line("start", b) + line("done", b) << QStringList { "b" } << QStringList { "ok" }
        << 1;
    QTest::newRow("an empty journal adds nothing") << QByteArray() << QStringList {} << QStringList {} << 0;
}

void TestCallJournal::recover_deadProcessJournal()
{
    QFETCH(QByteArray, journal);
    QFETCH(QStringList, spilledIds);
    QFETCH(QStringList, spilledStatuses);
    QFETCH(int, problems);

    QTemporaryDir home;
    const QString ledgerPath = home.filePath(QStringLiteral("ledger.sqlite"));
    const QString journalPath = ledgerPath + QStringLiteral(".journal.") + QString::number(m_deadPid);
    QFile file(journalPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(journal);
    file.close();

    const CallJournal::Recovery recovery = CallJournal::recover(ledgerPath);
    QCOMPARE(recovery.problems.size(), problems);
    if (problems > 0) {
        QVERIFY2(recovery.problems.constFirst().contains(journalPath + QStringLiteral(":1:")),
                 qPrintable(recovery.problems.constFirst()));
    }
    QCOMPARE(recovery.answered, int(spilledStatuses.count(QStringLiteral("ok"))));
    QCOMPARE(recovery.interrupted, int(spilledStatuses.count(QStringLiteral("interrupted"))));
    QVERIFY(!QFile::exists(journalPath));

    QString error;
    const std::optional<LedgerSpill> spill = LedgerSpill::load(LedgerSpill::pathFor(ledgerPath), &error);
    if (spilledIds.isEmpty()) {
        QVERIFY(!spill || spill->requests.isEmpty());
        return;
    }
    QVERIFY2(spill, qPrintable(error));
    QStringList ids;
    QStringList statuses;
    for (const RequestRecord& row : spill->requests) {
        ids.append(row.id);
        statuses.append(RequestStatuses::id(row.status));
        if (row.status == RequestStatus::Ok) {
            QCOMPARE(row, call(row.id)); // every field as it was recorded
        } else {
            QVERIFY(row.errorMessage.contains(QStringLiteral("crash journal")));
            QCOMPARE(row.costUsd, std::nullopt);
        }
    }
    QCOMPARE(ids, spilledIds);
    QCOMPARE(statuses, spilledStatuses);
}

void TestCallJournal::recover_leavesALiveJournalAlone()
{
    QTemporaryDir home;
    const QString ledgerPath = home.filePath(QStringLiteral("ledger.sqlite"));
    CallJournal live(ledgerPath);
    live.started(contextFor(QStringLiteral("x")));
    QVERIFY(QFile::exists(live.path()));

    const CallJournal::Recovery recovery = CallJournal::recover(ledgerPath);
    QCOMPARE(recovery.journals, 0);
    QCOMPARE(recovery.interrupted, 0);
    QVERIFY(QFile::exists(live.path()));
    QVERIFY(!QFile::exists(LedgerSpill::pathFor(ledgerPath)));
}

void TestCallJournal::recover_waitsWhileASpillIsPending()
{
    QTemporaryDir home;
    const QString ledgerPath = home.filePath(QStringLiteral("ledger.sqlite"));
    LedgerSpill pending;
    pending.id = QStringLiteral("earlier");
    pending.requests.append(call(QStringLiteral("s")));
    QString error;
    QVERIFY2(pending.save(LedgerSpill::pathFor(ledgerPath), &error), qPrintable(error));
    const QString journalPath = ledgerPath + QStringLiteral(".journal.") + QString::number(m_deadPid);
    QFile file(journalPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(line("start", call(QStringLiteral("j"))));
    file.close();

    const CallJournal::Recovery recovery = CallJournal::recover(ledgerPath);
    QCOMPARE(recovery.journals, 0);
    QVERIFY(QFile::exists(journalPath)); // recovered at the start after the spill is written
    const std::optional<LedgerSpill> spill = LedgerSpill::load(LedgerSpill::pathFor(ledgerPath), &error);
    QVERIFY(spill);
    QCOMPARE(spill->id, QStringLiteral("earlier"));
    QCOMPARE(spill->requests.size(), 1);
}

void TestCallJournal::prompts_notJournaledWhenNotStored()
{
    QTemporaryDir home;
    CallJournal journal(home.filePath(QStringLiteral("ledger.sqlite")));
    journal.setStorePrompts(false);
    journal.started(contextFor(QStringLiteral("p"), QStringLiteral("my secret prompt")));
    RequestRecord row = call(QStringLiteral("p"));
    row.prompt = QStringLiteral("my secret prompt");
    journal.finished(row);
    const QByteArray written = readAll(journal.path());
    QCOMPARE(written.count('\n'), 2);
    QVERIFY(!written.contains("secret"));
}

void TestCallJournal::compaction_keepsOnlyWhatTheLedgerHasNotConfirmed()
{
    QTemporaryDir home;
    CallJournal journal(home.filePath(QStringLiteral("ledger.sqlite")));
    int flushes = 0;
    journal.setFlushRequest([&] { ++flushes; });
    journal.started(contextFor(QStringLiteral("still-running")));
    for (int i = 0; i < CallJournal::kCompactEvery; ++i) {
        const QString id = QStringLiteral("r%1").arg(i);
        journal.started(contextFor(id));
        journal.finished(call(id));
    }
    QCOMPARE(flushes, 1);
    QCOMPARE(readAll(journal.path()).count('\n'), 1 + 2 * CallJournal::kCompactEvery);

    // A flush the ledger could not complete (locked) confirms nothing.
    journal.ledgerFlushed(false);
    QCOMPARE(readAll(journal.path()).count('\n'), 1 + 2 * CallJournal::kCompactEvery);

    for (int i = 0; i < CallJournal::kCompactEvery; ++i) {
        journal.finished(call(QStringLiteral("again%1").arg(i)));
    }
    QCOMPARE(flushes, 2);
    journal.finished(call(QStringLiteral("after-the-flush")));
    journal.ledgerFlushed(true);
    const QByteArray kept = readAll(journal.path());
    QCOMPARE(kept.count('\n'), 2); // the open call, and the row handed over after the flush
    QVERIFY(kept.contains("still-running"));
    QVERIFY(kept.contains("after-the-flush"));

    // Appends go on into the compacted file, which a recovering process still sees as locked.
    journal.finished(call(QStringLiteral("later")));
    QCOMPARE(readAll(journal.path()).count('\n'), 3);
    QCOMPARE(CallJournal::recover(home.filePath(QStringLiteral("ledger.sqlite"))).journals, 0);
}

void TestCallJournal::cleanClose_removesTheJournal()
{
    QTemporaryDir home;
    QString path;
    {
        CallJournal journal(home.filePath(QStringLiteral("ledger.sqlite")));
        journal.started(contextFor(QStringLiteral("c")));
        journal.finished(call(QStringLiteral("c")));
        path = journal.path();
        QVERIFY(QFile::exists(path));
        journal.ledgerClosed();
    }
    QVERIFY(!QFile::exists(path));
}

void TestCallJournal::rowJson_roundTripsEveryField_data()
{
    QTest::addColumn<RequestRecord>("row");
    QTest::newRow("answered, priced") << call(QStringLiteral("plain"));
    QTest::newRow("no cost, nothing set") << RequestRecord {};

    RequestRecord rich = call(QStringLiteral("rich"));
    rich.prompt = QStringLiteral("Quote \" backslash \\ newline\n tab\t control \x01 and ünïcödé 漢字 😀");
    rich.tier = QStringLiteral("premium");
    rich.rule = QStringLiteral("code");
    rich.clientKey = QStringLiteral("k1");
    rich.compareGroup = QStringLiteral("g");
    rich.status = RequestStatus::Incomplete;
    rich.failureClass = QStringLiteral("timeout");
    rich.errorMessage = QStringLiteral("first token after 10 s");
    rich.usage.cachedTokens = 3;
    rich.usage.reasoningTokens = 4;
    rich.usage.cacheWrite5mTokens = 5;
    rich.usage.cacheWrite1hTokens = 6;
    rich.usage.images = 2;
    rich.usage.webSearches = 1;
    rich.usage.estimated = true;
    rich.usage.batch = true;
    rich.costUsd = 1.2345678901234e-7;
    rich.costEstimated = true;
    rich.cachedAnswer = true;
    rich.priceVersion = 7;
    rich.attempts.append({ QStringLiteral("a"), QStringLiteral("pa"), rich.startedAt, rich.startedAt.addMSecs(5),
                           AttemptOutcome::Failed, QStringLiteral("server_error"), 503, QStringLiteral("down") });
    rich.attempts.append({ QStringLiteral("b"),
                           QStringLiteral("pb"),
                           rich.startedAt.addMSecs(6),
                           QDateTime(),
                           AttemptOutcome::Ok,
                           {},
                           200,
                           {} });
    rich.failovers.append({ rich.startedAt.addMSecs(5), QStringLiteral("a"), QStringLiteral("b"),
                            QStringLiteral("server_error"), QStringLiteral("down") });
    QTest::newRow("every field, two attempts, a failover, hard text") << rich;
}

void TestCallJournal::rowJson_roundTripsEveryField()
{
    QFETCH(RequestRecord, row);
    QByteArray json;
    LedgerSpill::appendRequestJson(json, row);
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QString::fromUtf8(json)));
    QCOMPARE(LedgerSpill::requestFromJson(document.object()), row);
}

QTEST_GUILESS_MAIN(TestCallJournal)
#include "tst_CallJournal.moc"
