#include "core/common/PromptSize.h"

#include <QTest>

// What a budget reserves for before a call: the whole prompt by the documented rules (4
// characters a token, 4 tokens a message, images at the most their format bills).
class TestPromptSize : public QObject
{
    Q_OBJECT

private slots:
    void ofBody_data();
    void ofBody();
    void ofRequest_withoutClientBody_countsEveryMessage();
};

void TestPromptSize::ofBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format");
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<qint64>("images");
    QTest::addColumn<qint64>("prefix5m");
    QTest::addColumn<qint64>("prefix1h");

    const int openAi = int(ProviderKind::OpenAiCompatible);
    const int anthropic = int(ProviderKind::AnthropicMessages);
    // 2 messages x 4 + "aaaa" (1) + "bbbbbbbb" (2)
    QTest::newRow("history: every message, not only the last")
        << QByteArray(R"({"messages":[{"role":"user","content":"aaaa"},{"role":"assistant","content":"bbbbbbbb"}]})")
        << openAi << qint64(11) << qint64(0) << qint64(0) << qint64(0);
    // the tool as compact JSON is 43 characters = 11 tokens, plus the message (4 + 1)
    QTest::newRow("tool definitions count as their JSON text")
        << QByteArray(
               R"({"tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"hi"}]})")
        << openAi << qint64(16) << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("openai image, detail auto: 1105")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:x"}}]}]})")
        << openAi << qint64(4 + 1105) << qint64(1) << qint64(0) << qint64(0);
    QTest::newRow("openai image, detail low: 85") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:x","detail":"low"}}]}]})")
                                                  << openAi << qint64(4 + 85) << qint64(1) << qint64(0) << qint64(0);
    QTest::newRow("anthropic image: 1600") << QByteArray(
        R"({"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","data":"x"}}]}]})")
                                           << anthropic << qint64(4 + 1600) << qint64(1) << qint64(0) << qint64(0);
    // system 8 tokens cached for 1 h, then a message whose block is cached for 5 minutes
    QTest::newRow("anthropic breakpoints: 1-hour system, 5-minute message") << QByteArray(
        R"({"system":[{"type":"text","text":"ssssssssssssssssssssssssssssssss","cache_control":{"type":"ephemeral","ttl":"1h"}}],)"
        R"("messages":[{"role":"user","content":[{"type":"text","text":"uuuu","cache_control":{"type":"ephemeral"}}]},)"
        R"({"role":"user","content":"tail"}]})") << anthropic << qint64(8 + 4 + 1 + 4 + 1)
                                                                            << qint64(0) << qint64(13) << qint64(8);

    // A 3-page PDF: three page objects ("/Type /Page", also without the space), one page tree node.
    const QByteArray pdf = QByteArray("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                                      "2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3>> endobj\n"
                                      "3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n"
                                      "4 0 obj <</Type/Page /Parent 2 0 R>> endobj\n"
                                      "5 0 obj <</Type /Page /Parent 2 0 R>> endobj\n%%EOF\n")
                               .toBase64();
    // Each page at the most: 3,000 text tokens and the page as an Anthropic image (1,600).
    QTest::newRow("anthropic PDF document: 3 pages of text and image")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"document","source":{"type":"base64",)"
                      R"("media_type":"application/pdf","data":")"
                      + pdf + R"("}}]}]})")
        << anthropic << qint64(4 + 3 * (3000 + 1600)) << qint64(0) << qint64(0) << qint64(0);
    // The same file as an OpenAI file part: pages as OpenAI images (1,105).
    QTest::newRow("openai PDF file part: 3 pages of text and image")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"file","file":{"filename":"a.pdf",)"
                      R"("file_data":"data:application/pdf;base64,)"
                      + pdf + R"("}}]}]})")
        << openAi << qint64(4 + 3 * (3000 + 1105)) << qint64(0) << qint64(0) << qint64(0);
    // Strings over 16 KiB are read where they are in the body: counted all the same.
    QTest::newRow("a long text counts in full")
        << "{\"messages\":[{\"role\":\"user\",\"content\":\"" + QByteArray(40'000, 'a') + "\"}]}" << openAi
        << qint64(4 + 10'000) << qint64(0) << qint64(0) << qint64(0);
    // {"id":"t","input":{"c":"<40,000 x>"},"name":"w","type":"tool_use"}: 40,056 characters
    QTest::newRow("a long tool_use input (a file a tool writes) counts in full")
        << R"({"messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"w","input":{"c":")"
            + QByteArray(40'000, 'x') + R"("}}]}]})"
        << anthropic << qint64(4 + 10'014) << qint64(0) << qint64(0) << qint64(0);
    const QByteArray longPdf = QByteArray("%PDF-1.4\n%" + QByteArray(20'000, ' ')
                                          + "\n"
                                            "3 0 obj <</Type /Page>> endobj\n4 0 obj <</Type /Page>> endobj\n%%EOF\n")
                                   .toBase64();
    QTest::newRow("a long PDF file part: its pages")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"file","file":{"filename":"a.pdf",)"
                      R"("file_data":"data:application/pdf;base64,)"
                      + longPdf + R"("}}]}]})")
        << openAi << qint64(4 + 2 * (3000 + 1105)) << qint64(0) << qint64(0) << qint64(0);
    // "%PDF-" alone has no page to count: the block's compact JSON, 95 characters = 24 tokens.
    QTest::newRow("PDF without countable pages: its JSON text")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"document","source":{"type":"base64",)"
                      R"("media_type":"application/pdf","data":"JVBERi0="}}]}]})")
        << anthropic << qint64(4 + 24) << qint64(0) << qint64(0) << qint64(0);
}

void TestPromptSize::ofBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    QFETCH(qint64, tokens);
    QFETCH(qint64, images);
    QFETCH(qint64, prefix5m);
    QFETCH(qint64, prefix1h);

    const PromptSize size = PromptSize::ofBody(body, ProviderKind(format));
    QCOMPARE(size.tokens(), tokens);
    QCOMPARE(size.images, images);
    QCOMPARE(size.cachePrefix5mTokens, prefix5m);
    QCOMPARE(size.cachePrefix1hTokens, prefix1h);
    QCOMPARE(size.asksCacheWrite(), prefix5m > 0);
}

void TestPromptSize::ofRequest_withoutClientBody_countsEveryMessage()
{
    ChatRequest request;
    request.messages = { { QStringLiteral("system"), QString(40, u's') },
                         { QStringLiteral("user"), QString(4000, u'u') },
                         { QStringLiteral("assistant"), QString(400, u'a') },
                         { QStringLiteral("user"), QStringLiteral("ok?") } };
    // 10 + 1000 + 100 + 1, and 4 a message
    QCOMPARE(PromptSize::ofRequest(request).tokens(), qint64(1111 + 16));
}

QTEST_GUILESS_MAIN(TestPromptSize)
#include "tst_PromptSize.moc"
