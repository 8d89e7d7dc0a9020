#include "core/common/JsonText.h"
#include "core/common/JsonTextWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

// The ledger's spill and crash-journal rows are written by hand: what they write must read back
// as the same values, and strings must be escaped exactly as JsonText escapes them.
class TestJsonTextWriter : public QObject
{
    Q_OBJECT

private slots:
    void string_asJsonText_data();
    void string_asJsonText();
    void number_readsBack_data();
    void number_readsBack();
    void manyAppends_growTheBuffer();
    void appendInteger_asQByteArrayNumber_data();
    void appendInteger_asQByteArrayNumber();
};

void TestJsonTextWriter::string_asJsonText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("printable ASCII") << QStringLiteral("claude-sonnet-4-5 / 'route' {x} ~");
    QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ there");
    QTest::newRow("control characters") << QStringLiteral("a\nb\tc\rd") + QChar(0x01) + QChar(0x1f);
    QTest::newRow("non-ASCII") << QStringLiteral("héllo ✓ 😀");
    QTest::newRow("long, escapes after non-ASCII")
        << QString(300, QChar(0xe9)) + QStringLiteral("\"\n\\") + QString(300, QLatin1Char('a')) + QChar(0x01);
    // Escaped a block (4 KiB) at a time: escapes on both sides of a block's edge.
    QTest::newRow("several blocks, escapes at a block edge")
        << QString(4093, QLatin1Char('a')) + QStringLiteral("\"\n\"") + QString(9000, QChar(0xe9)) + QChar(0x02);
}

void TestJsonTextWriter::string_asJsonText()
{
    QFETCH(QString, text);
    JsonTextWriter writer(8);
    writer.string(text);
    QCOMPARE(writer.text().toByteArray(), JsonText::quoted(text));
    QCOMPARE(QJsonDocument::fromJson("[" + writer.text().toByteArray() + "]").array().at(0).toString(), text);
}

void TestJsonTextWriter::number_readsBack_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("a cent") << 0.01 << QByteArray("0.01");
    QTest::newRow("a tiny cost") << 1.25e-7 << QByteArray("1.25e-07");
    QTest::newRow("a probability") << 0.30000000000000004 << QByteArray("0.30000000000000004");
    QTest::newRow("large") << 123456789.125 << QByteArray("123456789.125");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("not a number: null") << std::nan("") << QByteArray("null");
    QTest::newRow("infinite: null") << std::numeric_limits<double>::infinity() << QByteArray("null");
}

void TestJsonTextWriter::number_readsBack()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    JsonTextWriter writer;
    writer.number(value);
    QCOMPARE(writer.text().toByteArray(), text);
    if (std::isfinite(value)) {
        QCOMPARE(QJsonDocument::fromJson("[" + text + "]").array().at(0).toDouble(), value);
    }
}

void TestJsonTextWriter::manyAppends_growTheBuffer()
{
    JsonTextWriter writer(8);
    writer.raw('[');
    for (qint64 i = 0; i < 1000; ++i) {
        writer.number(i == 0 ? std::numeric_limits<qint64>::min() : i == 999 ? std::numeric_limits<qint64>::max() : i);
        writer.raw(',');
    }
    writer.back() = ']';
    const QJsonArray array = QJsonDocument::fromJson(writer.text().toByteArray()).array();
    QCOMPARE(array.size(), 1000);
    QCOMPARE(array.at(500).toInteger(), 500);
    QVERIFY(writer.text().startsWith("[-9223372036854775808,1,2,"));
    QVERIFY(writer.text().endsWith(",998,9223372036854775807]"));
}

void TestJsonTextWriter::appendInteger_asQByteArrayNumber_data()
{
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("a token count") << qint64(1234567);
    QTest::newRow("negative") << qint64(-42);
    QTest::newRow("the smallest") << std::numeric_limits<qint64>::min();
    QTest::newRow("the largest") << std::numeric_limits<qint64>::max();
}

// JsonText::appendInteger (usage objects in every answer) writes what QByteArray::number would.
void TestJsonTextWriter::appendInteger_asQByteArrayNumber()
{
    QFETCH(qint64, value);
    QByteArray out = "x:";
    JsonText::appendInteger(out, value);
    QCOMPARE(out, "x:" + QByteArray::number(value));
}

QTEST_GUILESS_MAIN(TestJsonTextWriter)
#include "tst_JsonTextWriter.moc"
