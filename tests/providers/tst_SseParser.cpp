#include "WireFixtures.h"
#include "core/providers/SseParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
struct Parsed
{
    QList<SseEvent> events; // completed by feed()
    QList<SseEvent> atFinish; // dispatched by finish()
    int comments = 0;
    bool ok = true;
};

Parsed parse(const QList<QByteArray>& pieces, qsizetype cap = 32 * 1024 * 1024)
{
    SseParser parser(cap);
    Parsed parsed;
    for (const QByteArray& piece : pieces) {
        parsed.ok = parser.feed(piece, parsed.events) && parsed.ok;
    }
    parser.finish(parsed.atFinish);
    parsed.ok = parsed.ok && !parser.hasError();
    parsed.comments = parser.commentCount();
    return parsed;
}

SseEvent eventFromJson(const QJsonObject& object)
{
    return SseEvent { object.value(QLatin1String("event")).toString().toUtf8(),
                      object.value(QLatin1String("data")).toString().toUtf8() };
}

QList<SseEvent> expectedEvents(const QString& chunksFile)
{
    QList<SseEvent> events;
    const QJsonArray expected = QJsonDocument::fromJson(WireFixtures::read(chunksFile))
                                    .object()
                                    .value(QLatin1String("expected_events"))
                                    .toArray();
    for (const QJsonValue& value : expected) {
        events.append(eventFromJson(value.toObject()));
    }
    return events;
}

// Every fixture an SSE parser might be handed: event streams, chunk files, and the glued body.
QStringList sseLikeFixtures()
{
    QStringList files = WireFixtures::filesWithSuffix(QStringLiteral(".sse"));
    files += WireFixtures::filesWithSuffix(QStringLiteral(".chunks.json"));
    for (const QString& file : WireFixtures::filesWithSuffix(QStringLiteral(".txt"))) {
        if (!file.endsWith(QLatin1String(".headers.txt"))) {
            files.append(file);
        }
    }
    files += WireFixtures::filesWithSuffix(QStringLiteral(".ndjson"));
    return files;
}

QByteArray bodyOf(const QString& file)
{
    return file.endsWith(QLatin1String(".chunks.json")) ? WireFixtures::concatenated(file) : WireFixtures::read(file);
}
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void sseFixture_matchesManifestCounts_data();
    void sseFixture_matchesManifestCounts();
    void chunksFixture_yieldsExpectedEvents_data();
    void chunksFixture_yieldsExpectedEvents();
    void randomSplits_equalOneShotParse_data();
    void randomSplits_equalOneShotParse();
    void commentsAndFields_followManifestEventList();
    void lineEnds_data();
    void lineEnds();
    void crAtEndOfFeed_thenLf_isOneLineEnd();
    void endlessLine_failsPastCap();
    void oversizedEvent_failsPastCap();
    void unterminatedLastLine_pastEventCap_failsAtFinish();
    void leadingBom_isDropped_evenWhenSplit();
    void unknownFields_areCounted();
};

void TestSseParser::sseFixture_matchesManifestCounts_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = WireFixtures::filesWithSuffix(QStringLiteral(".sse"));
    QVERIFY(files.size() >= 25);
    for (const QString& file : files) {
        QTest::newRow(qPrintable(file)) << file;
    }
}

void TestSseParser::sseFixture_matchesManifestCounts()
{
    QFETCH(QString, file);
    const QByteArray body = WireFixtures::read(file);
    QVERIFY(!body.isEmpty());
    const QJsonObject expect = WireFixtures::expect(file);
    QVERIFY2(expect.contains(QLatin1String("events")), "manifest has no event count");

    const Parsed parsed = parse({ body });
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.events.size(), expect.value(QLatin1String("events")).toInt());
    QCOMPARE(parsed.comments, expect.value(QLatin1String("comments")).toArray().size());
    const QJsonValue unterminated = expect.value(QLatin1String("unterminated_event_at_eof"));
    if (unterminated.isObject()) {
        // Policy (README item 8): the event that lacks its blank line is flushed at EOF.
        QCOMPARE(parsed.atFinish.size(), 1);
        QCOMPARE(parsed.atFinish.first(), eventFromJson(unterminated.toObject()));
    } else {
        QCOMPARE(parsed.atFinish.size(), 0);
    }
}

void TestSseParser::chunksFixture_yieldsExpectedEvents_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = WireFixtures::filesWithSuffix(QStringLiteral(".chunks.json"));
    QCOMPARE(files.size(), 5);
    for (const QString& file : files) {
        QTest::newRow(qPrintable(file)) << file;
    }
}

void TestSseParser::chunksFixture_yieldsExpectedEvents()
{
    QFETCH(QString, file);
    const QList<QByteArray> chunks = WireFixtures::chunks(file);
    QVERIFY(chunks.size() > 1);
    const QList<SseEvent> expected = expectedEvents(file);
    QCOMPARE(expected.size(), WireFixtures::expect(file).value(QLatin1String("verified_expected_events")).toInt());

    const Parsed parsed = parse(chunks);
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.events, expected);
    QVERIFY(parsed.atFinish.isEmpty());
}

void TestSseParser::randomSplits_equalOneShotParse_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : sseLikeFixtures()) {
        QTest::newRow(qPrintable(file)) << file;
    }
}

void TestSseParser::randomSplits_equalOneShotParse()
{
    QFETCH(QString, file);
    const QByteArray body = bodyOf(file);
    QVERIFY(!body.isEmpty());
    const Parsed oneShot = parse({ body });
    QVERIFY(oneShot.ok);

    QList<QList<QByteArray>> splits;
    splits.append(WireFixtures::randomSplit(body, 0, 1)); // byte by byte
    for (quint32 seed = 1; seed <= 50; ++seed) {
        splits.append(WireFixtures::randomSplit(body, seed, seed % 2 ? 7 : 97));
    }
    for (const QList<QByteArray>& pieces : std::as_const(splits)) {
        const Parsed parsed = parse(pieces);
        QVERIFY(parsed.ok);
        QCOMPARE(parsed.events, oneShot.events);
        QCOMPARE(parsed.atFinish, oneShot.atFinish);
        QCOMPARE(parsed.comments, oneShot.comments);
    }
}

void TestSseParser::commentsAndFields_followManifestEventList()
{
    const QString file = QStringLiteral("edge-comments-and-fields.sse");
    const Parsed parsed = parse({ WireFixtures::read(file) });
    QList<SseEvent> expected;
    for (const QJsonValue& value : WireFixtures::expect(file).value(QLatin1String("event_list")).toArray()) {
        expected.append(eventFromJson(value.toObject()));
    }
    QCOMPARE(expected.size(), 4);
    // `event: ping` without data is dispatched with empty data, as the manifest counts it.
    QCOMPARE(parsed.events, expected);
    QCOMPARE(parsed.comments, 4);
}

void TestSseParser::lineEnds_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");
    QTest::addColumn<QList<SseEvent>>("expected");
    const QList<SseEvent> ab { { {}, "a" }, { {}, "b" } };
    QTest::newRow("lf") << QList<QByteArray> { "data: a\n\ndata: b\n\n" } << ab;
    QTest::newRow("crlf") << QList<QByteArray> { "data: a\r\n\r\ndata: b\r\n\r\n" } << ab;
    QTest::newRow("cr only") << QList<QByteArray> { "data: a\r\rdata: b\r\r" } << ab;
    QTest::newRow("mixed cr, lf and crlf") << QList<QByteArray> { "data: a\r\n\rdata: b\n\r\n" } << ab;
    QTest::newRow("crlf split between feeds")
        << QList<QByteArray> { "data: a\r", "\n\r", "\ndata: b\r", "\n", "\r\n" } << ab;
    QTest::newRow("no space after colon") << QList<QByteArray> { "data:a\n\ndata:b\n\n" } << ab;
    QTest::newRow("only the first space is dropped")
        << QList<QByteArray> { "data:  a\n\n" } << QList<SseEvent> { { {}, " a" } };
    QTest::newRow("data lines joined with lf")
        << QList<QByteArray> { "data: a\ndata:\ndata: b\n\n" } << QList<SseEvent> { { {}, "a\n\nb" } };
    QTest::newRow("field without colon is an empty data line")
        << QList<QByteArray> { "data\ndata: x\n\n" } << QList<SseEvent> { { {}, "\nx" } };
    QTest::newRow("u+2028 does not end a line") << QList<QByteArray> { "data: a\xE2\x80\xA8", "b\n\n" }
                                                << QList<SseEvent> { { {},
                                                                       "a\xE2\x80\xA8"
                                                                       "b" } };
    QTest::newRow("blank lines alone make no events") << QList<QByteArray> { "\n\n\r\n\r\r\n" } << QList<SseEvent> {};
    QTest::newRow("id and retry alone make no events")
        << QList<QByteArray> { "id: 1\nretry: 10\n\n" } << QList<SseEvent> {};
    QTest::newRow("event name is per event")
        << QList<QByteArray> { "event: x\ndata: 1\n\ndata: 2\n\n" } << QList<SseEvent> { { "x", "1" }, { {}, "2" } };
}

void TestSseParser::lineEnds()
{
    QFETCH(QList<QByteArray>, pieces);
    QFETCH(QList<SseEvent>, expected);
    const Parsed parsed = parse(pieces);
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.events, expected);
    QVERIFY(parsed.atFinish.isEmpty());
}

void TestSseParser::crAtEndOfFeed_thenLf_isOneLineEnd()
{
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: a\r", events));
    QVERIFY(events.isEmpty());
    // If the LF counted as a second (blank) line, the event would be dispatched here.
    QVERIFY(parser.feed("\n", events));
    QVERIFY(events.isEmpty());
    QVERIFY(parser.feed("\n", events));
    QCOMPARE(events, (QList<SseEvent> { { {}, "a" } }));
}

void TestSseParser::endlessLine_failsPastCap()
{
    SseParser parser(1024);
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: ok\n\n", events));
    QCOMPARE(events.size(), 1);
    const QByteArray chunk(300, 'x');
    bool ok = true;
    for (int i = 0; i < 4 && ok; ++i) {
        ok = parser.feed(chunk, events);
    }
    QVERIFY(!ok);
    QVERIFY(parser.hasError());
    QVERIFY(parser.errorString().contains(QLatin1String("1024")));
    QVERIFY(!parser.feed("\n\ndata: later\n\n", events));
    parser.finish(events);
    QCOMPARE(events.size(), 1);
}

void TestSseParser::oversizedEvent_failsPastCap()
{
    SseParser parser(100);
    QList<SseEvent> events;
    const QByteArray line = "data: " + QByteArray(60, 'y') + '\n';
    QVERIFY(parser.feed(line, events));
    QVERIFY(!parser.feed(line, events)); // two short lines, one event over the cap
    QVERIFY(!parser.errorString().isEmpty());
    QVERIFY(events.isEmpty());
}

void TestSseParser::unterminatedLastLine_pastEventCap_failsAtFinish()
{
    // Found by fuzz_sse: the line is short enough, but joining it to the event's data is not.
    SseParser parser(64);
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: " + QByteArray(40, 'a') + "\ndata: " + QByteArray(40, 'b'), events));
    QVERIFY(!parser.hasError());
    parser.finish(events);
    QVERIFY(parser.hasError());
    QVERIFY(events.isEmpty());
}

void TestSseParser::leadingBom_isDropped_evenWhenSplit()
{
    const Parsed whole = parse({ "\xEF\xBB\xBF"
                                 "data: a\n\n" });
    QCOMPARE(whole.events, (QList<SseEvent> { { {}, "a" } }));
    const Parsed split = parse({ "\xEF", "\xBB",
                                 "\xBF"
                                 "da",
                                 "ta: a\n\n" });
    QCOMPARE(split.events, whole.events);
    const Parsed notBom = parse({ "\xEF", "data: a\n\n" });
    QCOMPARE(notBom.events.size(), 0); // the stray byte made the line an unknown field
}

void TestSseParser::unknownFields_areCounted()
{
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("{\"error\":{\"code\":401}}data: {}", events));
    parser.finish(events);
    QVERIFY(events.isEmpty());
    QCOMPARE(parser.unknownFieldCount(), 1);
    QVERIFY(parser.firstUnknownLine().startsWith("{\"error\""));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_SseParser.moc"
