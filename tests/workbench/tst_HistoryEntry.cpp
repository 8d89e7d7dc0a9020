#include "core/workbench/HistoryEntry.h"

#include <QTest>

// The History list: one line per run, its columns named once even when one was sent again, and
// every call it paid for in its cost.
class TestHistoryEntry : public QObject
{
    Q_OBJECT

private slots:
    void group_data();
    void group();
};

namespace {
const QDateTime kStart = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);

// A record of column `place` of run `group`, `second` seconds into it (-1: no exchange kept).
RequestRecord column(const QString& group, int place, const QString& model, int second, double cost,
                     RequestStatus status = RequestStatus::Ok)
{
    RequestRecord record;
    record.id = QStringLiteral("%1-%2-%3").arg(group).arg(place).arg(second);
    record.compareGroup = group;
    record.finalModel = model;
    record.startedAt = kStart.addSecs(second);
    record.costUsd = cost;
    record.status = status;
    record.prompt = QStringLiteral("Compare");
    if (place >= 0) {
        record.exchange = QStringLiteral("{\"column\":%1,\"tools\":[]}").arg(place);
    }
    return record;
}
} // namespace

void TestHistoryEntry::group_data()
{
    QTest::addColumn<QList<RequestRecord>>("records"); // newest first, as the ledger lists them
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<int>("failed");
    QTest::addColumn<double>("cost");
    QTest::addColumn<int>("startSecond");

    const QString a = QStringLiteral("sandbox/gpt-5");
    const QString b = QStringLiteral("sandbox/claude-sonnet-4-5");
    QTest::newRow("two columns") << QList<RequestRecord> { column("r", 1, b, 0, 0.02), column("r", 0, a, 0, 0.01) }
                                 << QStringList { a, b } << 0 << 0.03 << 0;
    QTest::newRow("a failed column run again and answered: named once, not failed, both paid")
        << QList<RequestRecord> { column("r", 1, b, 30, 0.02), column("r", 1, b, 0, 0.0, RequestStatus::Failed),
                                  column("r", 0, a, 0, 0.01) }
        << QStringList { a, b } << 0 << 0.03 << 0;
    QTest::newRow("the same model in two columns: both named")
        << QList<RequestRecord> { column("r", 1, a, 0, 0.01), column("r", 0, a, 0, 0.01) } << QStringList { a, a } << 0
        << 0.02 << 0;
    QTest::newRow("without kept exchanges every call is a column")
        << QList<RequestRecord> { column("r", -1, b, 30, 0.02), column("r", -1, b, 0, 0.01) } << QStringList { b, b }
        << 0 << 0.03 << 0;
}

void TestHistoryEntry::group()
{
    QFETCH(QList<RequestRecord>, records);
    QFETCH(QStringList, models);
    QFETCH(int, failed);
    QFETCH(double, cost);
    QFETCH(int, startSecond);

    const QList<HistoryEntry> entries = HistoryEntry::group(records);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().models, models);
    QCOMPARE(entries.first().failed, failed);
    QCOMPARE(entries.first().costUsd, cost);
    QCOMPARE(entries.first().startedAt, kStart.addSecs(startSecond));
}

QTEST_GUILESS_MAIN(TestHistoryEntry)
#include "tst_HistoryEntry.moc"
