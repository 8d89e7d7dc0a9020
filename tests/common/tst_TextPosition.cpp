#include "core/common/TextPosition.h"

#include <QJsonDocument>
#include <QTest>

class tst_TextPosition : public QObject
{
    Q_OBJECT

private slots:
    // One rule for every JSON file the user edits (providers.json, routing.json, prices.json):
    // line and column 1-based, as editors show them, at the character the parser stopped at.
    void ofJsonError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("missing comma: at the next member's quote")
            << QByteArray("{\n  \"format\": \"x\"\n  \"version\": 1\n}\n") << 3 << 3;
        QTest::newRow("trailing comma in a list: at the bracket") << QByteArray("{\n  \"a\": [1, 2,]\n}\n") << 2 << 14;
        QTest::newRow("columns count characters, not UTF-8 bytes")
            << QByteArray("{\n  \"x\": \"h\xc3\xa9llo\" \"y\": 1\n}\n") << 2 << 16;
        QTest::newRow("an error on the first character") << QByteArray("x\n") << 1 << 1;
        QTest::newRow("cut short: at the end") << QByteArray("{\n  \"a\": \"unterminated") << 2 << 21;
        QTest::newRow("an empty file: line 1, column 1") << QByteArray() << 1 << 1;
    }
    void ofJsonError()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, line);
        QFETCH(int, column);
        QJsonParseError error;
        QJsonDocument::fromJson(json, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        const TextPosition place = TextPosition::ofJsonError(json, error);
        QCOMPARE(place.line, line);
        QCOMPARE(place.column, column);
    }
};

QTEST_GUILESS_MAIN(tst_TextPosition)
#include "tst_TextPosition.moc"
