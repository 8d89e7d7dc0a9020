#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include <QJsonArray>

// Reasoning models over the real path: the sandbox refuses max_tokens, top_p and a temperature
// other than 1 for gpt-5 exactly as OpenAI does; Switchyard sends what these models take, and a
// parameter a model refuses fails over to a model that takes it, with the reason in the ledger.
class tst_GatewayReasoning : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sandbox_refusesWhatOpenAiRefuses_data();
    void sandbox_refusesWhatOpenAiRefuses();
    void clientMaxTokens_reachesReasoningModelAsMaxCompletionTokens();
    void refusedParameter_failsOverAndLedgerSaysWhy();
    void refusedParameterEverywhere_400NamesIt();

private:
    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
};

void tst_GatewayReasoning::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
    RoutingPolicy policy = m_fx->router.policy();
    ModelGroup thinker;
    thinker.name = QStringLiteral("thinker");
    thinker.deployments = { Deployment { QStringLiteral("sandbox/gpt-5"), 1 } };
    thinker.fallbacks = { QStringLiteral("sandbox/gpt-4.1") };
    policy.groups.append(thinker);
    m_fx->router.setPolicy(policy);
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayReasoning::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

void tst_GatewayReasoning::sandbox_refusesWhatOpenAiRefuses_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("param"); // empty: accepted
    QTest::addColumn<QString>("code");
    QTest::newRow("max_tokens is an unsupported parameter") << QByteArray(R"("max_tokens":50,)") << "max_tokens"
                                                            << "unsupported_parameter";
    QTest::newRow("temperature 0.2 is an unsupported value") << QByteArray(R"("temperature":0.2,)") << "temperature"
                                                             << "unsupported_value";
    QTest::newRow("top_p is an unsupported parameter") << QByteArray(R"("top_p":0.5,)") << "top_p"
                                                       << "unsupported_parameter";
    QTest::newRow("the default temperature is fine") << QByteArray(R"("temperature":1,)") << QString() << QString();
    QTest::newRow("max_completion_tokens is fine")
        << QByteArray(R"("max_completion_tokens":50,)") << QString() << QString();
}

void tst_GatewayReasoning::sandbox_refusesWhatOpenAiRefuses()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, param);
    QFETCH(QString, code);
    const QUrl url(m_fx->sandbox.providers().at(1).baseUrl.toString() + QStringLiteral("/chat/completions"));
    QCOMPARE(m_fx->sandbox.providers().at(1).id, QStringLiteral("sandbox-openai"));
    const HttpAnswer answer = httpCall(
        *m_nam, "POST", url, R"({"model":"gpt-5",)" + extra + R"("messages":[{"role":"user","content":"hi"}]})");
    if (param.isEmpty()) {
        QCOMPARE(answer.status, 200);
        return;
    }
    QCOMPARE(answer.status, 400);
    const QJsonObject error = answer.error();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
}

void tst_GatewayReasoning::clientMaxTokens_reachesReasoningModelAsMaxCompletionTokens()
{
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                                       chatBody(QStringLiteral("sandbox/gpt-5"), false, R"(,"max_tokens":50)"));
    QVERIFY2(answer.status == 200, answer.body.constData());
    const QJsonObject sent = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(QStringLiteral("gpt-5"))).object();
    QCOMPARE(sent.value(QLatin1String("max_completion_tokens")).toInt(), 50);
    QVERIFY(!sent.contains(QLatin1String("max_tokens")));
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-5")), 1);
}

void tst_GatewayReasoning::refusedParameter_failsOverAndLedgerSaysWhy()
{
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                                       chatBody(QStringLiteral("thinker"), false, R"(,"temperature":0.2)"));
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(answer.header("x-switchyard-model"), QByteArray("sandbox/gpt-4.1"));
    // Server-side: gpt-5 was asked once and refused; gpt-4.1 got the temperature the client sent.
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-5")), 1);
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("gpt-4.1")), 1);
    QCOMPARE(QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(QStringLiteral("gpt-4.1")))
                 .object()
                 .value(QLatin1String("temperature"))
                 .toDouble(),
             0.2);
    QTRY_COMPARE(m_fx->records.size(), 1);
    const RequestRecord& record = m_fx->records.first();
    QCOMPARE(record.attempts.size(), 2);
    QCOMPARE(record.attempts.first().failureClass, QStringLiteral("unsupported"));
    QCOMPARE(record.attempts.first().httpStatus, 400);
    QVERIFY(record.attempts.first().message.contains(QLatin1String("temperature")));
    QCOMPARE(record.failovers.size(), 1);
}

void tst_GatewayReasoning::refusedParameterEverywhere_400NamesIt()
{
    const HttpAnswer answer = httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/chat/completions")),
                                       chatBody(QStringLiteral("sandbox/gpt-5"), false, R"(,"top_p":0.5)"));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.error().value(QLatin1String("param")).toString(), QStringLiteral("top_p"));
    QCOMPARE(answer.error().value(QLatin1String("code")).toString(), QStringLiteral("unsupported_parameter"));
}

QTEST_GUILESS_MAIN(tst_GatewayReasoning)
#include "tst_GatewayReasoning.moc"
