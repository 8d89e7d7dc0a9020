#include "core/learning/ThresholdTable.h"

#include <QJsonArray>
#include <QTest>

// A learned rule's threshold read against what training measured: the share of prompts sent to
// the strong model and the share of the quality gap recovered, between and beyond the measured
// thresholds.
class tst_ThresholdTable : public QObject
{
    Q_OBJECT

private slots:
    void at_interpolatesTheMeasuredPoints_data();
    void at_interpolatesTheMeasuredPoints();
    void fromReport_readsTheTrainingReport();
};

namespace {
// As `router train` measures them, at 0.25 / 0.50 / 0.75 for this test.
ThresholdTable table()
{
    return ThresholdTable({ { 0.60, 0.90, 0.25 }, { 0.30, 0.70, 0.50 }, { 0.10, 0.25, 0.75 } });
}
} // namespace

void tst_ThresholdTable::at_interpolatesTheMeasuredPoints_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("strongShare");
    QTest::addColumn<double>("gapRecovered");

    QTest::newRow("at a measured point") << 0.50 << 0.30 << 0.70;
    QTest::newRow("half way between two") << 0.625 << 0.20 << 0.475;
    QTest::newRow("0: everything strong, all of the gap") << 0.0 << 1.0 << 1.0;
    QTest::newRow("below the first point: toward all strong") << 0.125 << 0.80 << 0.95;
    QTest::newRow("1: nothing strong, none of the gap") << 1.0 << 0.0 << 0.0;
    QTest::newRow("past the last point: toward none") << 0.875 << 0.05 << 0.125;
    QTest::newRow("out of range is clamped") << 7.0 << 0.0 << 0.0;
}

void tst_ThresholdTable::at_interpolatesTheMeasuredPoints()
{
    QFETCH(double, threshold);
    QFETCH(double, strongShare);
    QFETCH(double, gapRecovered);
    const QualityPoint point = table().at(threshold);
    QVERIFY2(qAbs(point.strongShare - strongShare) < 1e-9, qPrintable(QString::number(point.strongShare)));
    QVERIFY2(qAbs(point.gapRecovered - gapRecovered) < 1e-9, qPrintable(QString::number(point.gapRecovered)));
}

void tst_ThresholdTable::fromReport_readsTheTrainingReport()
{
    const QJsonObject report {
        { "thresholds",
          QJsonArray { QJsonObject { { "threshold", 0.5 }, { "strong_share", 0.3 }, { "gap_recovered", 0.7 } },
                       QJsonObject { { "threshold", "bad" } } } }
    };
    const ThresholdTable read = ThresholdTable::fromReport(report);
    QCOMPARE(read.points().size(), 3); // the point, and both ends; the malformed entry left out
    QCOMPARE(read.at(0.5).strongShare, 0.3);
    QVERIFY(ThresholdTable::fromReport({}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ThresholdTable)
#include "tst_ThresholdTable.moc"
