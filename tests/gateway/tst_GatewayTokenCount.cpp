#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include <QJsonArray>

// POST /v1/messages/count_tokens (Claude Code and the Anthropic SDK's messages.countTokens): the
// count comes from an Anthropic deployment of the requested model's chain, with the client's body
// passed on; a model only OpenAI-format providers serve gets a 400 naming "model", never a guess.
// Counting is free at Anthropic, so no ledger row is written.
class tst_GatewayTokenCount : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void count_answeredOrRefused_data();
    void count_answeredOrRefused();
    void count_equalsWhatMessagesBills();
    void get_isNotAllowed();

private:
    // Requests the sandbox received on .../messages/count_tokens.
    int countsReceived() const;

    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
    std::unique_ptr<QSignalSpy> m_received;
};

namespace {
const QByteArray kMessages
    = R"("system":"You count.","messages":[{"role":"user","content":"How many tokens is this sentence?"},)"
      R"({"role":"assistant","content":"Let me see."},)"
      R"({"role":"user","content":[{"type":"text","text":"And with a second block of text?"}]}])";

QByteArray countBody(const QString& model)
{
    return "{\"model\":\"" + model.toUtf8() + "\"," + kMessages + "}";
}
} // namespace

void tst_GatewayTokenCount::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
    m_nam = new QNetworkAccessManager(this);
    m_received = std::make_unique<QSignalSpy>(&m_fx->sandbox, &SandboxServer::requestReceived);
}

void tst_GatewayTokenCount::cleanup()
{
    m_received.reset();
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

int tst_GatewayTokenCount::countsReceived() const
{
    int count = 0;
    for (const QList<QVariant>& signal : std::as_const(*m_received)) {
        count += signal.at(1).toByteArray().endsWith("/messages/count_tokens") ? 1 : 0;
    }
    return count;
}

void tst_GatewayTokenCount::count_answeredOrRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorMentions"); // empty: answered
    QTest::addColumn<int>("upstreamCounts");
    QTest::newRow("an Anthropic model by id")
        << countBody(QStringLiteral("sandbox/claude-haiku-4-5")) << 200 << QString() << 1;
    QTest::newRow("a group whose first deployment speaks Anthropic's API")
        << countBody(QStringLiteral("haiku")) << 200 << QString() << 1;
    QTest::newRow("a model only an OpenAI-format provider serves")
        << countBody(QStringLiteral("sandbox/gpt-4.1-mini")) << 400 << QStringLiteral("no token-count endpoint") << 0;
    QTest::newRow("a group without an Anthropic deployment")
        << countBody(QStringLiteral("chat")) << 400 << QStringLiteral("OpenAI's format") << 0;
    QTest::newRow("an unknown model") << countBody(QStringLiteral("nobody/nothing")) << 404
                                      << QStringLiteral("does not exist here") << 0;
    QTest::newRow("no messages") << QByteArray(R"({"model":"haiku"})") << 400 << QStringLiteral("messages") << 0;
    QTest::newRow("not JSON") << QByteArray("{\"model\":") << 400 << QStringLiteral("JSON object") << 0;
}

void tst_GatewayTokenCount::count_answeredOrRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, errorMentions);
    QFETCH(int, upstreamCounts);
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/messages/count_tokens")), body);
    QCOMPARE(answer.status, status);
    if (errorMentions.isEmpty()) {
        QVERIFY2(answer.json().value(QLatin1String("input_tokens")).toInt() > 0, answer.body.constData());
    } else {
        // Anthropic's error envelope, as the client's SDK reads it.
        QCOMPARE(answer.json().value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QVERIFY2(answer.error().value(QLatin1String("message")).toString().contains(errorMentions),
                 answer.body.constData());
    }
    QCOMPARE(countsReceived(), upstreamCounts);
    QCOMPARE(m_fx->sandbox.totalRequests(), upstreamCounts);
    QVERIFY(m_fx->records.isEmpty()); // counting is free: no row, no spend
}

void tst_GatewayTokenCount::count_equalsWhatMessagesBills()
{
    const HttpAnswer counted = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/messages/count_tokens")),
                                        countBody(QStringLiteral("sandbox/claude-haiku-4-5")));
    QCOMPARE(counted.status, 200);
    const HttpAnswer answered = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/messages")),
                                         R"({"model":"sandbox/claude-haiku-4-5","max_tokens":64,)" + kMessages + "}");
    QCOMPARE(answered.status, 200);
    const int billed
        = answered.json().value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens")).toInt();
    QVERIFY(billed > 0);
    QCOMPARE(counted.json().value(QLatin1String("input_tokens")).toInt(), billed);
    // The upstream got the deployment's own model name and the client's messages as sent.
    QCOMPARE(countsReceived(), 1);
}

void tst_GatewayTokenCount::get_isNotAllowed()
{
    const HttpAnswer answer = httpCall(*m_nam, "GET", m_fx->url(QStringLiteral("/v1/messages/count_tokens")));
    QCOMPARE(answer.status, 405);
    QCOMPARE(answer.json().value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
}

QTEST_MAIN(tst_GatewayTokenCount)
#include "tst_GatewayTokenCount.moc"
