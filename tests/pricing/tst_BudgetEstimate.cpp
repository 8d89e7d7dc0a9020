#include "core/pricing/BudgetEstimate.h"

#include <QTest>

// What a budget holds for the web searches a client's body lets the provider bill: OpenAI's
// web_search_options is one search, Anthropic's web search tool its max_uses (ten without one);
// the words alone, in a prompt, are no search.
class TestBudgetEstimate : public QObject
{
    Q_OBJECT

private slots:
    void webSearches_data();
    void webSearches();
};

void TestBudgetEstimate::webSearches_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format"); // 0 OpenAI, 1 Anthropic
    QTest::addColumn<qint64>("searches");

    QTest::newRow("no client body") << QByteArray() << 0 << qint64(0);
    QTest::newRow("plain chat") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"hi"}]})") << 0
                                << qint64(0);
    QTest::newRow("openai web_search_options")
        << QByteArray(R"({"model":"m","web_search_options":{"search_context_size":"high"},"messages":[]})") << 0
        << qint64(1);
    QTest::newRow("the words only in a prompt")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"what is \"web_search_options\"?"}]})") << 0
        << qint64(0);
    QTest::newRow("anthropic tool with max_uses")
        << QByteArray(R"({"model":"m","max_tokens":100,"tools":[{"type":"web_search_20250305","name":"web_search",)"
                      R"("max_uses":3}],"messages":[]})")
        << 1 << qint64(3);
    QTest::newRow("anthropic tool without max_uses")
        << QByteArray(R"({"model":"m","max_tokens":100,"tools":[{"type":"web_search_20250305","name":"web_search"}],)"
                      R"("messages":[]})")
        << 1 << qint64(BudgetEstimate::kUnboundedWebSearches);
    QTest::newRow("anthropic custom tool named like it")
        << QByteArray(R"({"model":"m","max_tokens":100,"tools":[{"name":"web_search_local","input_schema":{}}],)"
                      R"("messages":[]})")
        << 1 << qint64(0);
}

void TestBudgetEstimate::webSearches()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    QFETCH(qint64, searches);
    ModelConfig model;
    model.id = QStringLiteral("m");
    model.price.known = true;
    model.price.inputPerMTok = 1;
    model.price.outputPerMTok = 2;
    model.price.webSearchPerRequestUsd = 0.01;
    ChatRequest request;
    request.messages = { ChatMessage { QStringLiteral("user"), QStringLiteral("hi") } };
    request.maxTokens = 100;
    request.clientBody = body;
    request.clientFormat = format == 0 ? ProviderKind::OpenAiCompatible : ProviderKind::AnthropicMessages;

    const BudgetRequest estimate = BudgetEstimate::of(model, request);
    QCOMPARE(estimate.webSearches, searches);
    BudgetRequest without = estimate;
    without.webSearches = 0;
    const double withSearches = BudgetEstimate::worstCaseUsd(model.price, estimate).value_or(-1);
    const double tokensOnly = BudgetEstimate::worstCaseUsd(model.price, without).value_or(-1);
    QVERIFY(tokensOnly > 0);
    QVERIFY2(qAbs(withSearches - tokensOnly - 0.01 * double(searches)) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(withSearches).arg(tokensOnly)));
}

QTEST_GUILESS_MAIN(TestBudgetEstimate)
#include "tst_BudgetEstimate.moc"
