#include "core/ledger/Ledger.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallRecorder.h"
#include "core/sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Every billed dimension, end to end: a call to the sandbox (which reports usage the way the real
// API does), the client's decoders, the one cost function and the ledger row in a real SQLite
// file. The costs are computed by hand from the bundled prices (USD per 1M tokens), so a change
// anywhere on the way shows up as a failed row.
namespace {
struct Call
{
    QString model; // upstream name, served by the sandbox, priced by the bundled table
    QByteArray anthropicBody; // a client's own body (cache_control, images); empty: `prompt`
    QString prompt;
    int maxTokens = 8;
    bool batch = false; // billed through the batch API (tests/cli/tst_CliBatch sends real batches)
    QByteArray openAiBody = {}; // a client's own OpenAI body (web_search_options); empty: `prompt`
};

// The parts of a row that make its cost.
struct Billed
{
    qint64 prompt = 0;
    qint64 completion = 0;
    qint64 cached = 0;
    qint64 write5m = 0;
    qint64 write1h = 0;
    qint64 reasoning = 0;
    qint64 images = 0;
    double costUsd = 0;
    qint64 searches = 0;

    bool operator==(const Billed&) const = default;
};

QByteArray anthropicBody(const QString& model, const QJsonArray& system, const QJsonArray& userContent)
{
    QJsonObject body { { QStringLiteral("model"), model },
                       { QStringLiteral("max_tokens"), 8 },
                       { QStringLiteral("messages"),
                         QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                    { QStringLiteral("content"), userContent } } } } };
    if (!system.isEmpty()) {
        body.insert(QStringLiteral("system"), system);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject text(const QString& value)
{
    return { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), value } };
}

// A system block of exactly `tokens` tokens (4 characters each) marked for caching.
QJsonArray cachedSystem(qint64 tokens, const QString& ttl, QChar fill)
{
    QJsonObject block = text(QString(tokens * 4, fill));
    QJsonObject control { { QStringLiteral("type"), QStringLiteral("ephemeral") } };
    if (!ttl.isEmpty()) {
        control.insert(QStringLiteral("ttl"), ttl);
    }
    block.insert(QStringLiteral("cache_control"), control);
    return { block };
}
} // namespace

Q_DECLARE_METATYPE(Call)
Q_DECLARE_METATYPE(Billed)

class TestCostDimensions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void callThroughSandbox_billsEveryDimension_data();
    void callThroughSandbox_billsEveryDimension();

private:
    CallResult send(const Call& call);
    Billed lastRow();

    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    ProviderClient m_client;
    PriceTable m_prices = PriceTable::bundled();
    Ledger m_ledger;
    std::unique_ptr<CallRecorder> m_recorder;
};

void TestCostDimensions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Models the default catalogue leaves out (its routing stays as documented), priced as there.
    m_sandbox.addModel({ QStringLiteral("gemini-2.5-pro"), QStringLiteral("sandbox-gemini"),
                         ProviderKind::OpenAiCompatible, 1.25, 10, 0.125, 1048576, 0, 1000, QString(), false });
    m_sandbox.addModel({ QStringLiteral("o4-mini"), QStringLiteral("sandbox-openai"), ProviderKind::OpenAiCompatible,
                         1.1, 4.4, 0.275, 200000, 0, 1000, QString(), true });
    m_sandbox.addModel({ QStringLiteral("gpt-4o-search-preview"), QStringLiteral("sandbox-openai"),
                         ProviderKind::OpenAiCompatible, 2.5, 10, 0, 128000, 0, 1000, QString(), false });
    m_sandbox.setTimeScale(0);
    m_sandbox.setAutomaticPromptCaching(true);
    QVERIFY(m_sandbox.start());
    QVERIFY2(m_ledger.open(m_dir.filePath(QStringLiteral("ledger.sqlite"))), qPrintable(m_ledger.errorString()));
    m_recorder = std::make_unique<CallRecorder>(
        m_prices,
        [this](const QString& modelId) {
            const auto entry = m_prices.lookup(modelId);
            return entry ? entry->price : ModelPrice {};
        },
        [this](const RequestRecord& row, bool) { m_ledger.record(row); });
}

CallResult TestCostDimensions::send(const Call& call)
{
    ModelConfig model;
    model.id = call.model;
    model.upstreamModel = call.model;
    const QList<ProviderConfig> providers = m_sandbox.providers();
    const bool anthropic = call.model.startsWith(QLatin1String("claude"));
    const QString providerId = anthropic                 ? QStringLiteral("sandbox-anthropic")
        : call.model.startsWith(QLatin1String("gemini")) ? QStringLiteral("sandbox-gemini")
                                                         : QStringLiteral("sandbox-openai");
    ProviderConfig provider;
    for (const ProviderConfig& candidate : providers) {
        if (candidate.id == providerId) {
            provider = candidate;
        }
    }
    model.providerId = provider.id;
    model.price = m_prices.lookup(call.model)->price;

    ChatRequest request;
    request.maxTokens = call.maxTokens;
    request.stream = true;
    request.messages = { { QStringLiteral("user"), call.prompt } };
    if (!call.anthropicBody.isEmpty()) {
        request.clientBody = call.anthropicBody;
        request.clientFormat = ProviderKind::AnthropicMessages;
    } else if (!call.openAiBody.isEmpty()) {
        request.clientBody = call.openAiBody;
        request.clientFormat = ProviderKind::OpenAiCompatible;
    }
    PendingRecord ticket
        = m_recorder->start({ RequestSource::Cli, call.prompt, {}, {}, model.id, provider.id, {}, {} });
    std::unique_ptr<ProviderCall> running(m_client.start(provider, model, request));
    QSignalSpy finished(running.get(), &ProviderCall::finished);
    QSignalSpy failed(running.get(), &ProviderCall::failed);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 20000) || finished.isEmpty()) {
        return {};
    }
    CallResult result = finished.constFirst().constFirst().value<CallResult>();
    result.usage.batch = call.batch;
    QSignalSpy flushed(&m_ledger, &Ledger::flushed);
    ticket.finish(FinishedCall::direct(result, {}, ticket.context().startedAt));
    m_ledger.flush();
    flushed.wait(10000);
    return result;
}

Billed TestCostDimensions::lastRow()
{
    Billed billed;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("ledger.sqlite")));
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT prompt_tokens, completion_tokens, cached_tokens, cache_write_5m_tokens,"
                                      " cache_write_1h_tokens, reasoning_tokens, images, cost_usd, web_searches"
                                      " FROM requests ORDER BY rid DESC LIMIT 1"));
            if (query.next()) {
                billed = { query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                           query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                           query.value(6).toLongLong(), query.value(7).toDouble(),   query.value(8).toLongLong() };
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
    return billed;
}

void TestCostDimensions::callThroughSandbox_billsEveryDimension_data()
{
    QTest::addColumn<QList<Call>>("calls");
    QTest::addColumn<Billed>("expected"); // the last call's row

    // 1,000,000 characters = 250,000 tokens: over Gemini 2.5 Pro's 200k tier, so every token is
    // billed at 2.5 / 15: 250000*2.5 + 8*15 = 625120 per 1M.
    QTest::newRow("gemini-2.5-pro 250k-token prompt: long-context tier")
        << QList<Call> { { QStringLiteral("gemini-2.5-pro"), {}, QString(1'000'000, u'x') } }
        << Billed { 250000, 8, 0, 0, 0, 0, 0, 0.62512 };

    // Claude Sonnet 4.5: input 3, 5-minute write 3.75, 1-hour write 6, read 0.3, output 15.
    // System 1000 tokens marked for caching + "Hi" (1 token) = 1001 prompt tokens.
    const QByteArray fiveMinutes = anthropicBody(QStringLiteral("claude-sonnet-4-5"), cachedSystem(1000, {}, u'a'),
                                                 { text(QStringLiteral("Hi")) });
    // 1*3 + 1000*3.75 + 8*15 = 3873
    QTest::newRow("anthropic 5-minute cache write")
        << QList<Call> { { QStringLiteral("claude-sonnet-4-5"), fiveMinutes, QStringLiteral("Hi") } }
        << Billed { 1001, 8, 0, 1000, 0, 0, 0, 0.003873 };
    // The same prefix again within 5 minutes: 1*3 + 1000*0.3 + 8*15 = 423
    QTest::newRow("anthropic 5-minute write, then a read")
        << QList<Call> { { QStringLiteral("claude-sonnet-4-5"),
                           anthropicBody(QStringLiteral("claude-sonnet-4-5"), cachedSystem(1000, {}, u'b'),
                                         { text(QStringLiteral("Hi")) }),
                           QStringLiteral("Hi") },
                         { QStringLiteral("claude-sonnet-4-5"),
                           anthropicBody(QStringLiteral("claude-sonnet-4-5"), cachedSystem(1000, {}, u'b'),
                                         { text(QStringLiteral("Hi")) }),
                           QStringLiteral("Hi") } }
        << Billed { 1001, 8, 1000, 0, 0, 0, 0, 0.000423 };
    // 1*3 + 1000*6 + 8*15 = 6123
    QTest::newRow("anthropic 1-hour cache write") << QList<Call> {
        { QStringLiteral("claude-sonnet-4-5"),
          anthropicBody(QStringLiteral("claude-sonnet-4-5"), cachedSystem(1000, QStringLiteral("1h"), u'c'),
                        { text(QStringLiteral("Hi")) }),
          QStringLiteral("Hi") }
    } << Billed { 1001, 8, 0, 0, 1000, 0, 0, 0.006123 };
    QTest::newRow("anthropic 1-hour write, then a read") << QList<Call> {
        { QStringLiteral("claude-sonnet-4-5"),
          anthropicBody(QStringLiteral("claude-sonnet-4-5"), cachedSystem(1000, QStringLiteral("1h"), u'd'),
                        { text(QStringLiteral("Hi")) }),
          QStringLiteral("Hi") },
        { QStringLiteral("claude-sonnet-4-5"),
          anthropicBody(QStringLiteral("claude-sonnet-4-5"), cachedSystem(1000, QStringLiteral("1h"), u'd'),
                        { text(QStringLiteral("Hi")) }),
          QStringLiteral("Hi") }
    } << Billed { 1001, 8, 1000, 0, 0, 0, 0, 0.000423 };

    // o4-mini prices reasoning as output (1.1 / 4.4): the sandbox streams reasoning first and
    // reports it in completion_tokens_details.reasoning_tokens, inside completion_tokens.
    // 100 prompt tokens, 79 completion of which 28 reasoning: 100*1.1 + 79*4.4 = 457.6
    QTest::newRow("o-series call with reasoning tokens")
        << QList<Call> { { QStringLiteral("o4-mini"), {}, QString(400, u'r'), 200 } }
        << Billed { 100, 79, 0, 0, 0, 28, 0, 0.0004576 };

    // Claude Haiku 4.5 (1 / 5): an image is 1,600 tokens on top of "Describe it" (3 tokens).
    const QJsonObject image { { QStringLiteral("type"), QStringLiteral("image") },
                              { QStringLiteral("source"),
                                QJsonObject { { QStringLiteral("type"), QStringLiteral("base64") },
                                              { QStringLiteral("media_type"), QStringLiteral("image/png") },
                                              { QStringLiteral("data"), QStringLiteral("iVBORw0KGgo=") } } } };
    // The sandbox's description of an image runs one token past max_tokens: 1603*1 + 9*5 = 1648
    QTest::newRow("image input") << QList<Call> {
        { QStringLiteral("claude-haiku-4-5"),
          anthropicBody(QStringLiteral("claude-haiku-4-5"), {}, { image, text(QStringLiteral("Describe it")) }),
          QStringLiteral("Describe it") }
    } << Billed { 1603, 9, 0, 0, 0, 0, 1, 0.001648 };

    // Claude Sonnet 4.5 with Anthropic's web_search server tool: the sandbox searches once, streams
    // the server_tool_use and web_search_tool_result blocks and reports
    // usage.server_tool_use.web_search_requests in message_delta, as the API does. $10 per 1,000
    // searches on top of the tokens: 100*3 + 8*15 per 1M + 0.01 = 0.00042 + 0.01
    QJsonObject searchBody
        = QJsonDocument::fromJson(anthropicBody(QStringLiteral("claude-sonnet-4-5"), {}, { text(QString(400, u'w')) }))
              .object();
    searchBody.insert(QStringLiteral("tools"),
                      QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("web_search_20250305") },
                                                 { QStringLiteral("name"), QStringLiteral("web_search") },
                                                 { QStringLiteral("max_uses"), 1 } } });
    QTest::newRow("anthropic web search: billed per search")
        << QList<Call> { { QStringLiteral("claude-sonnet-4-5"),
                           QJsonDocument(searchBody).toJson(QJsonDocument::Compact), QString(400, u'w') } }
        << Billed { 100, 8, 0, 0, 0, 0, 0, 0.01042, 1 };

    // gpt-4.1-mini (0.4 / 1.6, cached 0.1) with OpenAI's automatic prompt caching: the same
    // 2,000-token prompt again reads 1,024 + 7*128 = 1,920 tokens from the cache, reported in
    // prompt_tokens_details.cached_tokens: 80*0.4 + 1920*0.1 + 8*1.6 = 236.8 per 1M.
    QTest::newRow("openai automatic cache: a repeated 2,000-token prompt reads 1,920")
        << QList<Call> { { QStringLiteral("gpt-4.1-mini"), {}, QString(8000, u'p') },
                         { QStringLiteral("gpt-4.1-mini"), {}, QString(8000, u'p') } }
        << Billed { 2000, 8, 1920, 0, 0, 0, 0, 0.0002368 };
    // Under 1,024 tokens nothing is cached: 1000*0.4 + 8*1.6 = 412.8 per 1M.
    QTest::newRow("openai automatic cache: a repeated 1,000-token prompt is not cached")
        << QList<Call> { { QStringLiteral("gpt-4.1-mini"), {}, QString(4000, u'q') },
                         { QStringLiteral("gpt-4.1-mini"), {}, QString(4000, u'q') } }
        << Billed { 1000, 8, 0, 0, 0, 0, 0, 0.0004128 };

    // gpt-4.1-mini through the batch API: 0.2 / 0.8 instead of 0.4 / 1.6. 100*0.2 + 8*0.8 = 26.4
    QTest::newRow("batch call") << QList<Call> { { QStringLiteral("gpt-4.1-mini"), {}, QString(400, u'b'), 8, true } }
                                << Billed { 100, 8, 0, 0, 0, 0, 0, 0.0000264 };

    // gpt-4o-search-preview (2.5 / 10) searches once per request with web_search_options; no usage
    // field says so (the sandbox reports none, as OpenAI), the request does, and its
    // search_context_size picks the rate: 30 / 35 / 50 per 1,000. 100*2.5 + 8*10 = 330 per 1M.
    for (const auto& [size, usd] : { std::pair { "low", 0.03 }, std::pair { "", 0.035 }, std::pair { "high", 0.05 } }) {
        QJsonObject options;
        if (*size) {
            options.insert(QStringLiteral("search_context_size"), QLatin1String(size));
        }
        const QJsonObject body { { QStringLiteral("model"), QStringLiteral("gpt-4o-search-preview") },
                                 { QStringLiteral("max_tokens"), 8 },
                                 { QStringLiteral("web_search_options"), options },
                                 { QStringLiteral("messages"),
                                   QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                              { QStringLiteral("content"), QString(400, u's') } } } } };
        Call call { QStringLiteral("gpt-4o-search-preview"), {}, QString(400, u's') };
        call.openAiBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QTest::addRow("openai web search, context size %s", *size ? size : "not given (medium)")
            << QList<Call> { call } << Billed { 100, 8, 0, 0, 0, 0, 0, 0.00033 + usd, 1 };
    }
}

void TestCostDimensions::callThroughSandbox_billsEveryDimension()
{
    QFETCH(QList<Call>, calls);
    QFETCH(Billed, expected);

    for (const Call& call : calls) {
        const CallResult result = send(call);
        QVERIFY2(!result.modelId.isEmpty() || result.usage.promptTokens > 0, qPrintable(call.model));
    }
    const Billed actual = lastRow();
    QCOMPARE(actual.prompt, expected.prompt);
    QCOMPARE(actual.completion, expected.completion);
    QCOMPARE(actual.cached, expected.cached);
    QCOMPARE(actual.write5m, expected.write5m);
    QCOMPARE(actual.write1h, expected.write1h);
    QCOMPARE(actual.reasoning, expected.reasoning);
    QCOMPARE(actual.images, expected.images);
    QCOMPARE(actual.searches, expected.searches);
    QVERIFY2(qAbs(actual.costUsd - expected.costUsd) < 1e-12, qPrintable(QString::number(actual.costUsd, 'g', 17)));
}

QTEST_GUILESS_MAIN(TestCostDimensions)
#include "tst_CostDimensions.moc"
