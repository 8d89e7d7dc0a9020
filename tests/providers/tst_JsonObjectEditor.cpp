#include "core/providers/JsonObjectEditor.h"

#include <QTest>

// Targeted edits of a client's body: what is edited changes, every other byte stays.
class tst_JsonObjectEditor : public QObject
{
    Q_OBJECT

private slots:
    void edit_data();
    void edit();
    void notAnObject_leftAlone_data();
    void notAnObject_leftAlone();
    void largeBody_sentAsPiecesOfItself_data();
    void largeBody_sentAsPiecesOfItself();
    void smallBody_joined();
};

void tst_JsonObjectEditor::edit_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("model replaced, spacing and unknown members kept")
        << QByteArray("{ \"model\" : \"a\",\n  \"x_new\": [1, {\"b\": null}] }")
        << QByteArray("{ \"model\" : \"up\",\n  \"x_new\": [1, {\"b\": null}] }");
    QTest::newRow("absent member added at the end")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1,"model":"up"})");
    QTest::newRow("empty object gets the member") << QByteArray("{ }") << QByteArray(R"({ "model":"up"})");
    QTest::newRow("escaped key still found")
        << QByteArray(R"({"mod\u0065l":"a"})") << QByteArray(R"({"mod\u0065l":"up"})");
    QTest::newRow("every duplicate replaced")
        << QByteArray(R"({"model":"a","model":"b"})") << QByteArray(R"({"model":"up","model":"up"})");
    QTest::newRow("tier removed in the middle")
        << QByteArray(R"({"model":"a", "tier":"x", "z":2})") << QByteArray(R"({"model":"up", "z":2})");
    QTest::newRow("tier removed first") << QByteArray(R"({"tier":"x", "model":"a"})")
                                        << QByteArray(R"({"model":"up"})");
    QTest::newRow("tier removed last") << QByteArray(R"({"model":"a","tier":"x"})") << QByteArray(R"({"model":"up"})");
    QTest::newRow("max_tokens renamed") << QByteArray(R"({"model":"a","max_tokens":5})")
                                        << QByteArray(R"({"model":"up","max_completion_tokens":5})");
}

void tst_JsonObjectEditor::edit()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    JsonObjectEditor editor(json);
    QVERIFY(editor.isValid());
    editor.set("model", "\"up\"");
    editor.remove("tier");
    editor.rename("max_tokens", "max_completion_tokens");
    QCOMPARE(editor.result(), expected);
}

void tst_JsonObjectEditor::notAnObject_leftAlone_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << QByteArray("[1]");
    QTest::newRow("cut short") << QByteArray(R"({"model":"a")");
    QTest::newRow("trailing garbage") << QByteArray(R"({"model":"a"} x)");
    QTest::newRow("missing colon") << QByteArray(R"({"model" "a"})");
}

void tst_JsonObjectEditor::notAnObject_leftAlone()
{
    QFETCH(QByteArray, json);
    JsonObjectEditor editor(json);
    QVERIFY(!editor.isValid());
    editor.set("model", "\"up\"");
    QCOMPARE(editor.result(), json);
}

// A body of BodyPieces::kSpliceFrom or more is not copied whole: its edits are pieces between
// ranges of the client's text, and however it is cut into chunks for the socket the bytes are
// exactly result()'s.
void tst_JsonObjectEditor::largeBody_sentAsPiecesOfItself_data()
{
    QTest::addColumn<QByteArray>("json");
    const QByteArray image
        = R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,)"
        + QByteArray(200'000, 'A') + R"("}}]}])";
    QTest::newRow("model first, tier and max_tokens after the messages")
        << R"({"model":"a","messages":)" + image + R"(,"tier":"x","max_tokens":5})";
    QTest::newRow("messages first, model last, spacing kept")
        << "{ \"messages\" : " + image + " ,\n \"model\": \"a\" }";
    QTest::newRow("no model: added at the end") << R"({"messages":)" + image + "}";
}

void tst_JsonObjectEditor::largeBody_sentAsPiecesOfItself()
{
    QFETCH(QByteArray, json);
    JsonObjectEditor editor(json);
    QVERIFY(editor.isValid());
    editor.set("model", "\"up\"");
    editor.remove("tier");
    editor.rename("max_tokens", "max_completion_tokens");
    editor.set("stream_options", R"({"include_usage":true})");
    const QByteArray expected = editor.result();
    const BodyPieces body = editor.body();

    QVERIFY(!body.isWhole());
    QCOMPARE(body.size(), expected.size());
    QCOMPARE(body.join(), expected);
    for (const qsizetype chunk : { qsizetype(1000), qsizetype(65'536), qsizetype(256 * 1024) }) {
        QByteArray written;
        for (qsizetype at = 0; at < body.size(); at += chunk) {
            written += body.chunk(at, chunk);
        }
        QCOMPARE(written, expected);
    }
    QCOMPARE(body.chunk(body.size(), 10), QByteArray());
}

void tst_JsonObjectEditor::smallBody_joined()
{
    JsonObjectEditor editor(R"({"model":"a","messages":[]})");
    editor.set("model", "\"up\"");
    const BodyPieces body = editor.body();
    QVERIFY(body.isWhole());
    QCOMPARE(body.join(), QByteArray(R"({"model":"up","messages":[]})"));
    // The one piece is shared, not copied, when it is written.
    QCOMPARE(body.join().constData(), body.join().constData());
}

QTEST_GUILESS_MAIN(tst_JsonObjectEditor)
#include "tst_JsonObjectEditor.moc"
