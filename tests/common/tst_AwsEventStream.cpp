#include "core/common/AwsEventStream.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

// The AWS event-stream framing of Bedrock's ConverseStream, checked against the captured streams in
// tests/data/wire-next (bedrock-converse-stream*.bin with their decoded .frames.json).
namespace {
QByteArray readData(const QString& name)
{
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire-next/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<AwsEventStream::Message> decodeAll(const QList<QByteArray>& pieces, QString* error = nullptr)
{
    AwsEventStream::Decoder decoder;
    QList<AwsEventStream::Message> messages;
    for (const QByteArray& piece : pieces) {
        if (!decoder.feed(piece, messages)) {
            break;
        }
    }
    if (error) {
        *error = decoder.error();
    }
    return messages;
}

const char* const kFixtures[] = { "bedrock-converse-stream", "bedrock-converse-stream-tool-use",
                                  "bedrock-converse-stream-reasoning", "bedrock-converse-stream-exception" };
} // namespace

class TestAwsEventStream : public QObject
{
    Q_OBJECT

private slots:
    void fixture_decodesEveryFrameAsItsCompanionSays_data();
    void fixture_decodesEveryFrameAsItsCompanionSays();
    void fixture_reencodesByteForByte_data();
    void fixture_reencodesByteForByte();
    void anySplit_givesTheSameMessages_data();
    void anySplit_givesTheSameMessages();
    void corruptStream_isAClearError_data();
    void corruptStream_isAClearError();
    void crc32_matchesTheKnownCheckValue();
};

void TestAwsEventStream::fixture_decodesEveryFrameAsItsCompanionSays_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : kFixtures) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestAwsEventStream::fixture_decodesEveryFrameAsItsCompanionSays()
{
    QFETCH(QString, name);
    const QByteArray bytes = readData(name + QStringLiteral(".bin"));
    const QJsonObject companion = QJsonDocument::fromJson(readData(name + QStringLiteral(".frames.json"))).object();
    QVERIFY(!bytes.isEmpty() && !companion.isEmpty());
    QCOMPARE(bytes.size(), companion.value(QLatin1String("bytes")).toInteger());
    QString error;
    const QList<AwsEventStream::Message> messages = decodeAll({ bytes }, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray frames = companion.value(QLatin1String("frames")).toArray();
    QCOMPARE(messages.size(), frames.size());
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QJsonObject frame = frames.at(i).toObject();
        const AwsEventStream::Message& message = messages.at(i);
        const QJsonArray headers = frame.value(QLatin1String("headers")).toArray();
        QCOMPARE(message.headers.size(), headers.size());
        for (qsizetype h = 0; h < headers.size(); ++h) {
            const QJsonObject header = headers.at(h).toObject();
            QCOMPARE(message.headers.at(h).name, header.value(QLatin1String("name")).toString().toUtf8());
            QCOMPARE(message.headers.at(h).type, quint8(7));
            QCOMPARE(message.headers.at(h).value, header.value(QLatin1String("value")).toString().toUtf8());
        }
        QCOMPARE(message.payload, frame.value(QLatin1String("payload_utf8")).toString().toUtf8());
        // The message CRC the companion lists is the last 4 bytes of the frame at its offset.
        const qsizetype end
            = frame.value(QLatin1String("offset")).toInteger() + frame.value(QLatin1String("total_length")).toInteger();
        QCOMPARE(QByteArray::number(qFromBigEndian<quint32>(bytes.constData() + end - 4), 16).rightJustified(8, '0'),
                 frame.value(QLatin1String("message_crc")).toString().toLatin1());
    }
}

void TestAwsEventStream::fixture_reencodesByteForByte_data()
{
    fixture_decodesEveryFrameAsItsCompanionSays_data();
}

void TestAwsEventStream::fixture_reencodesByteForByte()
{
    QFETCH(QString, name);
    const QByteArray bytes = readData(name + QStringLiteral(".bin"));
    QByteArray encoded;
    for (const AwsEventStream::Message& message : decodeAll({ bytes })) {
        encoded += AwsEventStream::encode(message);
    }
    QCOMPARE(encoded.toHex(), bytes.toHex()); // the sandbox writes frames exactly as Bedrock does
}

void TestAwsEventStream::anySplit_givesTheSameMessages_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("maxPiece"); // 0: every cut position, one cut at a time
    for (const char* name : kFixtures) {
        QTest::addRow("%s cut in two at every byte", name) << QString::fromLatin1(name) << 0;
        QTest::addRow("%s byte by byte", name) << QString::fromLatin1(name) << 1;
        QTest::addRow("%s in random pieces up to 17 bytes", name) << QString::fromLatin1(name) << 17;
    }
}

void TestAwsEventStream::anySplit_givesTheSameMessages()
{
    QFETCH(QString, name);
    QFETCH(int, maxPiece);
    const QByteArray bytes = readData(name + QStringLiteral(".bin"));
    const QList<AwsEventStream::Message> whole = decodeAll({ bytes });
    QVERIFY(!whole.isEmpty());
    if (maxPiece == 0) {
        for (qsizetype cut = 1; cut < bytes.size(); ++cut) {
            QString error;
            const auto split = decodeAll({ bytes.left(cut), bytes.mid(cut) }, &error);
            QVERIFY2(error.isEmpty() && split == whole,
                     qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(error)));
        }
        return;
    }
    QRandomGenerator random(42);
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype size = maxPiece == 1 ? 1 : 1 + random.bounded(maxPiece);
        pieces.append(bytes.mid(at, size));
        at += size;
    }
    QCOMPARE(decodeAll(pieces), whole);
}

void TestAwsEventStream::corruptStream_isAClearError_data()
{
    QTest::addColumn<int>("flipAt"); // byte of the second frame to change (offset 133 in the text stream)
    QTest::addColumn<QString>("says");
    QTest::newRow("a length byte: the prelude CRC catches it") << 133 + 3 << "prelude checksum does not match";
    QTest::newRow("the prelude CRC itself") << 133 + 9 << "prelude checksum does not match";
    QTest::newRow("a header byte: the message CRC catches it") << 133 + 14 << "message checksum does not match";
    QTest::newRow("a payload byte") << 133 + 120 << "message checksum does not match";
    QTest::newRow("the message CRC itself") << 133 + 213 << "message checksum does not match";
}

void TestAwsEventStream::corruptStream_isAClearError()
{
    QFETCH(int, flipAt);
    QFETCH(QString, says);
    QByteArray bytes = readData(QStringLiteral("bedrock-converse-stream.bin"));
    bytes[flipAt] = char(bytes.at(flipAt) ^ 0x20);
    QString error;
    const auto messages = decodeAll({ bytes.left(140), bytes.mid(140) }, &error);
    QCOMPARE(messages.size(), 1); // the frame before the damage still counts
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("at byte 133")), qPrintable(error));
}

void TestAwsEventStream::crc32_matchesTheKnownCheckValue()
{
    QCOMPARE(AwsEventStream::crc32("123456789"), 0xCBF43926u); // the CRC-32/ISO-HDLC check value
    QCOMPARE(AwsEventStream::crc32("6789", AwsEventStream::crc32("12345")), 0xCBF43926u);
}

QTEST_GUILESS_MAIN(TestAwsEventStream)
#include "tst_AwsEventStream.moc"
