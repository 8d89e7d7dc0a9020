#include "core/common/LeanJsonDocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// A gateway body is parsed without copying its long strings (image data URLs, PDFs, pasted files):
// what is read from the lean document must be what QJsonDocument reads from the same text.
class TestLeanJsonDocument : public QObject
{
    Q_OBJECT

private slots:
    void readsLikeQJsonDocument_data();
    void readsLikeQJsonDocument();
    void invalidText_sameErrorAsQJsonDocument_data();
    void invalidText_sameErrorAsQJsonDocument();
    void longStrings_stayInTheSource();
    void markerOfAnotherDocument_isAnOrdinaryString();
    void decode_data();
    void decode();

private:
    static constexpr qsizetype kLong = 32; // small, so that short test texts have long strings
};

namespace {
QByteArray longText(char fill, qsizetype n = 100)
{
    return QByteArray(n, fill);
}

// Every string read through the lean document equals the plain one, at every depth.
void compare(const LeanJsonDocument& lean, const QJsonValue& leanValue, const QJsonValue& plain, const QString& path)
{
    if (plain.isString()) {
        QVERIFY2(leanValue.isString(), qPrintable(path));
        QCOMPARE(lean.string(leanValue), plain.toString());
        return;
    }
    QCOMPARE(int(leanValue.type()), int(plain.type()));
    if (plain.isObject()) {
        const QJsonObject a = leanValue.toObject();
        const QJsonObject b = plain.toObject();
        QCOMPARE(a.keys(), b.keys());
        for (const QString& key : b.keys()) {
            compare(lean, a.value(key), b.value(key), path + QLatin1Char('.') + key);
        }
    } else if (plain.isArray()) {
        const QJsonArray a = leanValue.toArray();
        const QJsonArray b = plain.toArray();
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < b.size(); ++i) {
            compare(lean, a.at(i), b.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
        }
    } else {
        QCOMPARE(leanValue, plain);
    }
}
} // namespace

void TestLeanJsonDocument::readsLikeQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("longStrings");

    const QByteArray a = longText('A');
    QTest::newRow("short strings only: a plain document") << QByteArray("{\"model\":\"m\",\"n\":1}") << 0;
    QTest::newRow("an image data URL in a message")
        << "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
           "\"image_url\":{\"url\":\"data:image/png;base64,"
            + a + "\"}}]}],\"stream\":true}"
        << 1;
    QTest::newRow("escapes in a long string: quotes, newlines, slashes, BMP and astral")
        << "{\"text\":\"" + a + "\\\"quoted\\\"\\n\\t\\/\\\\ caf\\u00e9 \\ud83d\\ude00 end\"}" << 1;
    QTest::newRow("raw UTF-8 in a long string") << "{\"text\":\"" + a + "caf\xc3\xa9 \xf0\x9f\x98\x80\"}" << 1;
    QTest::newRow("a long key stays a key") << "{\"" + a + "\" : \"x\", \"k\":\"" + longText('B') + "\"}" << 1;
    QTest::newRow("long strings in arrays, nested, and at the top")
        << "[\"" + a + "\",[\"" + longText('C') + "\",{\"d\":\"" + longText('D') + "\"}],\"short\",1,null,true]" << 3;
    QTest::newRow("a string exactly at the threshold stays") << "{\"t\":\"" + longText('E', kLong) + "\"}" << 0;
    // Qt's own leniency, kept: unknown escapes read as the character, raw control characters pass.
    QTest::newRow("an unknown escape and a raw control character") << "{\"t\":\"" + a + "\\x\x01\"}" << 1;
    QTest::newRow("a lone surrogate escape") << "{\"t\":\"" + a + "x\\ud83dy\"}" << 1;
}

void TestLeanJsonDocument::readsLikeQJsonDocument()
{
    QFETCH(QByteArray, json);
    QFETCH(int, longStrings);

    QJsonParseError plainError;
    const QJsonDocument plain = QJsonDocument::fromJson(json, &plainError);
    QCOMPARE(plainError.error, QJsonParseError::NoError);
    QJsonParseError leanError;
    const LeanJsonDocument lean = LeanJsonDocument::fromJson(json, &leanError, kLong);
    QCOMPARE(leanError.error, QJsonParseError::NoError);
    QCOMPARE(lean.longStringCount(), qsizetype(longStrings));

    const QJsonValue plainRoot = plain.isObject() ? QJsonValue(plain.object()) : QJsonValue(plain.array());
    const QJsonValue leanRoot
        = lean.document().isObject() ? QJsonValue(lean.object()) : QJsonValue(lean.document().array());
    compare(lean, leanRoot, plainRoot, QStringLiteral("$"));
    // Long strings go back as written (escapes as the client wrote them), the same JSON.
    QCOMPARE(QJsonDocument::fromJson(lean.toJson(leanRoot)), plain);
}

void TestLeanJsonDocument::invalidText_sameErrorAsQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("json");

    const QByteArray a = longText('A');
    QTest::newRow("a short \\u escape inside a long string") << "{\"t\":\"" + a + "\\u12\"}";
    QTest::newRow("an unterminated long string") << "{\"t\":\"" + a;
    QTest::newRow("a missing comma after a long string") << "{\"t\":\"" + a + "\" \"u\":1}";
    QTest::newRow("garbage after the document") << "{\"t\":\"" + a + "\"} x";
    QTest::newRow("a long string as a key without a value") << "{\"" + a + "\"}";
}

void TestLeanJsonDocument::invalidText_sameErrorAsQJsonDocument()
{
    QFETCH(QByteArray, json);

    QJsonParseError plainError;
    QJsonDocument::fromJson(json, &plainError);
    QVERIFY(plainError.error != QJsonParseError::NoError);
    QJsonParseError leanError;
    const LeanJsonDocument lean = LeanJsonDocument::fromJson(json, &leanError, kLong);
    QCOMPARE(leanError.error, plainError.error);
    QCOMPARE(leanError.offset, plainError.offset);
    QVERIFY(lean.document().isNull());
}

void TestLeanJsonDocument::longStrings_stayInTheSource()
{
    const QByteArray url = "data:image/png;base64," + longText('A', 1000);
    const QByteArray json = "{\"image_url\":{\"url\":\"" + url + "\",\"detail\":\"low\"}}";
    const LeanJsonDocument lean = LeanJsonDocument::fromJson(json, nullptr, kLong);
    const QJsonObject image = lean.object().value(QLatin1String("image_url")).toObject();
    const QJsonValue value = image.value(QLatin1String("url"));

    QVERIFY(lean.isLong(value));
    QVERIFY(!lean.isLong(image.value(QLatin1String("detail"))));
    QCOMPARE(lean.raw(value), QByteArrayView(url));
    // The view points into the caller's buffer: nothing was copied.
    QCOMPARE(lean.raw(value).data(), json.constData() + json.indexOf("data:"));
    QVERIFY(value.toString().size() < 64); // the tree holds a marker, not the text
    QCOMPARE(lean.stringSize(value), url.size());
    QCOMPARE(lean.string(value), QString::fromLatin1(url));
}

void TestLeanJsonDocument::markerOfAnotherDocument_isAnOrdinaryString()
{
    const QByteArray json = "{\"a\":\"" + longText('A') + "\"}";
    const LeanJsonDocument first = LeanJsonDocument::fromJson(json, nullptr, kLong);
    const QString marker = first.object().value(QLatin1String("a")).toString();
    QVERIFY(first.isLong(first.object().value(QLatin1String("a"))));

    // A client sending that marker as text in another body gets its text back, not the other body's.
    QJsonObject forged { { QStringLiteral("b"), marker }, { QStringLiteral("c"), QString(100, QLatin1Char('C')) } };
    const QByteArray forgedJson = QJsonDocument(forged).toJson(QJsonDocument::Compact);
    const LeanJsonDocument second = LeanJsonDocument::fromJson(forgedJson, nullptr, kLong);
    QVERIFY(second.isLong(second.object().value(QLatin1String("c"))));
    QVERIFY(!second.isLong(second.object().value(QLatin1String("b"))));
    QCOMPARE(second.string(second.object().value(QLatin1String("b"))), marker);
}

void TestLeanJsonDocument::decode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("text");

    QTest::newRow("no escapes") << QByteArray("plain") << QStringLiteral("plain");
    QTest::newRow("simple escapes") << QByteArray("a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti")
                                    << QStringLiteral("a\"b\\c/d\be\ff\ng\rh\ti");
    QTest::newRow("BMP escape") << QByteArray("caf\\u00e9") << QStringLiteral("caf\u00e9");
    QTest::newRow("surrogate pair") << QByteArray("\\ud83d\\ude00") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("a lone surrogate stays, as Qt reads it")
        << QByteArray("x\\ud83dy\xc3\xa9")
        << QString(QStringLiteral("x") + QChar(char16_t(0xd83d)) + QStringLiteral("y\u00e9"));
    QTest::newRow("NUL") << QByteArray("a\\u0000b") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
}

void TestLeanJsonDocument::decode()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, text);
    QCOMPARE(LeanJsonDocument::decode(raw), text);
}

QTEST_GUILESS_MAIN(TestLeanJsonDocument)
#include "tst_LeanJsonDocument.moc"
