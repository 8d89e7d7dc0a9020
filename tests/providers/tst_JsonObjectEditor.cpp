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

QTEST_GUILESS_MAIN(tst_JsonObjectEditor)
#include "tst_JsonObjectEditor.moc"
