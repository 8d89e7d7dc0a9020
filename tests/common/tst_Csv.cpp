#include "core/common/Csv.h"

#include <QTest>

Q_DECLARE_METATYPE(QList<Csv::Record>)

// Reading RFC 4180 text as the providers' exports write it, each record with its line.
class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void parse_recordsAndTheirLines_data();
    void parse_recordsAndTheirLines();
    void parse_unclosedQuote_namesItsLine();
    void writeThenRead_roundTrip();
};

void TestCsv::parse_recordsAndTheirLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<Csv::Record>>("records");

    QTest::newRow("LF, final newline") << QByteArray("a,b\n1,2\n")
                                       << QList<Csv::Record> { { 1, { "a", "b" } }, { 2, { "1", "2" } } };
    QTest::newRow("CRLF, no final newline")
        << QByteArray("a,b\r\n1,2") << QList<Csv::Record> { { 1, { "a", "b" } }, { 2, { "1", "2" } } };
    QTest::newRow("byte order mark skipped") << QByteArray("\xEF\xBB\xBF"
                                                           "a\n1\n")
                                             << QList<Csv::Record> { { 1, { "a" } }, { 2, { "1" } } };
    QTest::newRow("quoted comma and doubled quote") << QByteArray("\"gpt-4o, input\",\"say \"\"hi\"\"\"\n")
                                                    << QList<Csv::Record> { { 1, { "gpt-4o, input", "say \"hi\"" } } };
    QTest::newRow("a quoted line break: the next record's line counts it")
        << QByteArray("a,\"two\nlines\"\nb,c\n")
        << QList<Csv::Record> { { 1, { "a", "two\nlines" } }, { 3, { "b", "c" } } };
    QTest::newRow("blank lines are no records")
        << QByteArray("a\n\nb\n\n") << QList<Csv::Record> { { 1, { "a" } }, { 3, { "b" } } };
    QTest::newRow("empty fields kept") << QByteArray(",x,\n") << QList<Csv::Record> { { 1, { "", "x", "" } } };
}

void TestCsv::parse_recordsAndTheirLines()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<Csv::Record>, records);
    const Csv::Table table = Csv::parse(text);
    QVERIFY(table.error.isEmpty());
    QCOMPARE(table.records.size(), records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        QCOMPARE(table.records.at(i).line, records.at(i).line);
        QCOMPARE(table.records.at(i).fields, records.at(i).fields);
    }
}

void TestCsv::parse_unclosedQuote_namesItsLine()
{
    const Csv::Table table = Csv::parse("a,b\n1,\"open\n2,3\n");
    QCOMPARE(table.errorLine, 2);
    QVERIFY(!table.error.isEmpty());
    QVERIFY(table.records.isEmpty());
}

void TestCsv::writeThenRead_roundTrip()
{
    const QStringList fields { "plain", "with, comma", "with \"quotes\"", "multi\nline", "" };
    const Csv::Table table = Csv::parse(Csv::line(fields).toUtf8());
    QCOMPARE(table.records.size(), 1);
    QCOMPARE(table.records.first().fields, fields);
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_Csv.moc"
