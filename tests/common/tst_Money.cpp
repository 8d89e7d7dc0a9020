#include "core/common/Csv.h"
#include "core/common/Money.h"

#include <QTest>

#include <limits>

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void format_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        const QString en = QStringLiteral("en_US");
        const QString de = QStringLiteral("de_DE");
        QTest::newRow("nothing reads as cents") << en << 0.0 << "$0.00";
        QTest::newRow("dollars keep their cents") << en << 4.5 << "$4.50";
        QTest::newRow("dollars round to cents") << en << 4.493 << "$4.49";
        QTest::newRow("thousands are grouped") << en << 1234.5 << "$1,234.50";
        QTest::newRow("a quarter drops no cents") << en << 0.25 << "$0.25";
        QTest::newRow("under a dollar: four significant digits") << en << 0.12345 << "$0.1235";
        QTest::newRow("a price of $0.1875 per 1M stays exact") << en << 0.1875 << "$0.1875";
        QTest::newRow("a fraction of a cent is not cut to $0.0002") << en << 0.000213 << "$0.000213";
        QTest::newRow("trailing zeros are dropped") << en << 0.007 << "$0.007";
        QTest::newRow("a cent") << en << 0.01 << "$0.01";
        QTest::newRow("a tiny budget limit") << en << 0.000002 << "$0.000002";
        QTest::newRow("rounding up to a dollar") << en << 0.99999 << "$1.00";
        QTest::newRow("a loss has its sign before the dollar") << en << -4.493 << "-$4.49";
        QTest::newRow("a loss of nothing has no sign") << en << -1e-12 << "$0.00";
        QTest::newRow("German decimal comma") << de << 0.000213 << "$0,000213";
        QTest::newRow("German grouping") << de << 1234.5 << "$1.234,50";
        QTest::newRow("not a number") << en << std::numeric_limits<double>::quiet_NaN() << "\u2014";
    }
    void format()
    {
        QFETCH(QString, locale);
        QFETCH(double, usd);
        QFETCH(QString, text);
        QCOMPARE(Money::format(usd, QLocale(locale)), text);
    }

    void plain_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing") << 0.0 << "0";
        QTest::newRow("no trailing zeros") << 4.5 << "4.5";
        QTest::newRow("whole dollars") << 12.0 << "12";
        QTest::newRow("no exponent for small amounts") << 0.0000213 << "0.0000213";
        QTest::newRow("ten decimals at most") << 0.123456789012 << "0.123456789";
        QTest::newRow("floating point noise is rounded away") << 0.1 + 0.2 << "0.3";
        QTest::newRow("negative") << -0.25 << "-0.25";
        QTest::newRow("a negative nothing is 0") << -1e-12 << "0";
    }
    void plain()
    {
        QFETCH(double, usd);
        QFETCH(QString, text);
        QCOMPARE(Money::plain(usd), text);
    }

    void plain_ignoresTheLocale()
    {
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German));
        const QString text = Money::plain(1234.5);
        QLocale::setDefault(previous);
        QCOMPARE(text, QStringLiteral("1234.5"));
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain text as it is") << "gpt-4.1"
                                             << "gpt-4.1";
        QTest::newRow("empty stays empty") << ""
                                           << "";
        QTest::newRow("a comma is quoted") << "a,b"
                                           << "\"a,b\"";
        QTest::newRow("inner quotes are doubled") << "say \"hi\""
                                                  << "\"say \"\"hi\"\"\"";
        QTest::newRow("a line feed is quoted") << "a\nb"
                                               << "\"a\nb\"";
        QTest::newRow("a carriage return is quoted") << "a\rb"
                                                     << "\"a\rb\"";
    }
    void csvField()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(Csv::field(value), field);
    }

    void csvLine_quotesAsNeeded_endsWithCrlf()
    {
        QCOMPARE(Csv::line({ QStringLiteral("a"), QStringLiteral("b,c"), QString() }),
                 QStringLiteral("a,\"b,c\",\r\n"));
    }
};

QTEST_MAIN(tst_Money)
#include "tst_Money.moc"
