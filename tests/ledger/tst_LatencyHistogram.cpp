#include "core/ledger/LatencyHistogram.h"

#include <QTest>

#include <algorithm>

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private slots:
    void bucketFor_edges_data();
    void bucketFor_edges();
    void buckets_coverTheRangeWithoutGaps();
    void percentile_landsInTheTrueValuesBucket_data();
    void percentile_landsInTheTrueValuesBucket();
    void percentile_emptyIsMinusOne();
};

void TestLatencyHistogram::bucketFor_edges_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<int>("bucket");
    QTest::newRow("zero goes to the first bucket") << qint64(0) << 0;
    QTest::newRow("negative goes to the first bucket") << qint64(-5) << 0;
    QTest::newRow("10 ms is the first bucket's top") << qint64(10) << 0;
    QTest::newRow("11 ms starts the log buckets") << qint64(11) << 1;
    QTest::newRow("10 min is the last finite bucket's top") << qint64(600000) << 38;
    QTest::newRow("above 10 min overflows") << qint64(600001) << 39;
    QTest::newRow("an hour overflows") << qint64(3600000) << 39;
}

void TestLatencyHistogram::bucketFor_edges()
{
    QFETCH(qint64, ms);
    QFETCH(int, bucket);
    QCOMPARE(LatencyHistogram::bucketFor(ms), bucket);
}

void TestLatencyHistogram::buckets_coverTheRangeWithoutGaps()
{
    for (int bucket = 1; bucket < LatencyHistogram::kBuckets - 1; ++bucket) {
        QCOMPARE(LatencyHistogram::lowerBound(bucket), LatencyHistogram::upperBound(bucket - 1));
        // About 33 % wide: the precision promised in the header.
        const double ratio = LatencyHistogram::upperBound(bucket) / LatencyHistogram::lowerBound(bucket);
        QVERIFY2(ratio > 1.3 && ratio < 1.34, qPrintable(QString::number(ratio)));
    }
    for (qint64 ms = 1; ms < 700000; ms = ms * 11 / 10 + 1) {
        const int bucket = LatencyHistogram::bucketFor(ms);
        QVERIFY2(ms > LatencyHistogram::lowerBound(bucket) || bucket == 0, qPrintable(QString::number(ms)));
        QVERIFY2(ms <= LatencyHistogram::upperBound(bucket) || bucket == 39, qPrintable(QString::number(ms)));
    }
}

void TestLatencyHistogram::percentile_landsInTheTrueValuesBucket_data()
{
    QTest::addColumn<QList<qint64>>("samples");
    QTest::addColumn<double>("p");

    QList<qint64> uniform;
    for (int i = 1; i <= 1000; ++i) {
        uniform << i * 7;
    }
    QList<qint64> skewed;
    for (int i = 0; i < 990; ++i) {
        skewed << 250 + i % 40;
    }
    for (int i = 0; i < 10; ++i) {
        skewed << 45000 + i * 1000;
    }
    QTest::newRow("uniform 7..7000 ms, p50") << uniform << 0.5;
    QTest::newRow("uniform 7..7000 ms, p99") << uniform << 0.99;
    QTest::newRow("mostly 250 ms with a slow tail, p50") << skewed << 0.5;
    QTest::newRow("mostly 250 ms with a slow tail, p99 stays in the fast bucket") << skewed << 0.99;
    QTest::newRow("mostly 250 ms with a slow tail, p99.9 hits the tail") << skewed << 0.999;
    QTest::newRow("single sample") << QList<qint64> { 1234 } << 0.95;
}

void TestLatencyHistogram::percentile_landsInTheTrueValuesBucket()
{
    QFETCH(QList<qint64>, samples);
    QFETCH(double, p);
    LatencyHistogram::Counts counts {};
    for (qint64 ms : samples) {
        counts[size_t(LatencyHistogram::bucketFor(ms))] += 1;
    }
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = qMax<qsizetype>(1, qsizetype(std::ceil(p * double(samples.size()))));
    const qint64 truth = samples[rank - 1];
    const double estimate = LatencyHistogram::percentile(counts, p);
    const int bucket = LatencyHistogram::bucketFor(truth);
    QVERIFY2(estimate > LatencyHistogram::lowerBound(bucket) && estimate <= LatencyHistogram::upperBound(bucket) + 1e-9,
             qPrintable(QStringLiteral("estimate %1, true %2").arg(estimate).arg(truth)));
}

void TestLatencyHistogram::percentile_emptyIsMinusOne()
{
    QCOMPARE(LatencyHistogram::percentile(LatencyHistogram::Counts {}, 0.5), -1.0);
}

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_LatencyHistogram.moc"
