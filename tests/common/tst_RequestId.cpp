#include "core/common/RequestId.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QUuid>

// Request ids are UUIDv7: the creation time in the first 48 bits, so later ids sort later.
class TestRequestId : public QObject
{
    Q_OBJECT

private slots:
    void layout_data();
    void layout();
    void laterIds_sortAfterEarlierOnes();
    void sameMillisecond_stillDistinct();
};

void TestRequestId::layout_data()
{
    QTest::addColumn<qint64>("unixMs");
    QTest::addColumn<QString>("timePrefix"); // the first 12 hex digits, with the dash
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("00000000-0000");
    QTest::newRow("RFC 9562's example time, 2022-02-22 19:22:22 UTC")
        << qint64(0x017F22E279B0) << QStringLiteral("017f22e2-79b0");
    QTest::newRow("2026-03-02 10:00 UTC")
        << QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch() << QStringLiteral("019cadfd-8900");
}

void TestRequestId::layout()
{
    QFETCH(qint64, unixMs);
    QFETCH(QString, timePrefix);
    const QString id = RequestIds::create(unixMs);
    QCOMPARE(id.size(), 36);
    QVERIFY2(id.startsWith(timePrefix), qPrintable(id));
    QCOMPARE(id[14], QChar(u'7')); // version
    QVERIFY2(QStringLiteral("89ab").contains(id[19]), qPrintable(id)); // variant 10
    QCOMPARE(id, id.toLower());
    QVERIFY(!QUuid(id).isNull());
    QCOMPARE(QUuid(id).toString(QUuid::WithoutBraces), id);
}

void TestRequestId::laterIds_sortAfterEarlierOnes()
{
    QStringList ids;
    for (qint64 ms = 1772445600000; ms < 1772445600000 + 2000; ms += 7) {
        ids << RequestIds::create(ms);
    }
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(sorted, ids);
    const QString now = RequestIds::create();
    QVERIFY(now > ids.last()); // created today, after 2026-03-02
}

void TestRequestId::sameMillisecond_stillDistinct()
{
    QSet<QString> ids;
    for (int i = 0; i < 20000; ++i) {
        ids.insert(RequestIds::create(1772445600000));
    }
    QCOMPARE(ids.size(), 20000);
}

QTEST_APPLESS_MAIN(TestRequestId)
#include "tst_RequestId.moc"
