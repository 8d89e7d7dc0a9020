#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include <QTest>

// A model that cannot take what a client sends (images to DeepSeek, tools to deepseek-reasoner)
// is skipped by its model data before anything is sent: the fallback answers, the client sees
// why in x-switchyard-skipped, and when no model can take it the client gets a 400 naming the
// field, with nothing sent upstream. Counted at the sandbox, which refuses image parts to
// DeepSeek's models with DeepSeek's own 400.
class TestGatewayCapabilities : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void skipsModelsThatCannotTakeTheRequest_data();
    void skipsModelsThatCannotTakeTheRequest();
    void unknownCapabilities_areTried_andTheSandboxRefusesAsDeepSeekDoes();

private:
    void addGroup(const QString& name, const QString& model, const QStringList& fallbacks);

    std::unique_ptr<GatewayFixture> m_fixture;
    QNetworkAccessManager m_nam;
};

namespace {
const QByteArray kImagePart = R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}})";

QByteArray openAiImage(const QString& model, bool stream)
{
    return "{\"model\":\"" + model.toUtf8() + "\",\"stream\":" + (stream ? "true" : "false")
        + R"(,"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},)" + kImagePart + "]}]}";
}

QByteArray anthropicImage(const QString& model)
{
    return "{\"model\":\"" + model.toUtf8()
        + R"(","max_tokens":64,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},{"type":"text","text":"What is this?"}]}]})";
}

QByteArray openAiTools(const QString& model)
{
    return "{\"model\":\"" + model.toUtf8()
        + R"(","stream":false,"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],"messages":[{"role":"user","content":"Weather in Paris?"}]})";
}
} // namespace

void TestGatewayCapabilities::init()
{
    m_fixture = std::make_unique<GatewayFixture>();
    QVERIFY(m_fixture->start());
    addGroup(QStringLiteral("text-first"), QStringLiteral("sandbox/deepseek-chat"),
             { QStringLiteral("sandbox/gpt-4.1-mini") });
    addGroup(QStringLiteral("text-only"), QStringLiteral("sandbox/deepseek-chat"),
             { QStringLiteral("sandbox/deepseek-reasoner") });
    addGroup(QStringLiteral("reasoner-first"), QStringLiteral("sandbox/deepseek-reasoner"),
             { QStringLiteral("sandbox/deepseek-chat") });
}

void TestGatewayCapabilities::cleanup()
{
    m_fixture.reset();
}

void TestGatewayCapabilities::addGroup(const QString& name, const QString& model, const QStringList& fallbacks)
{
    RoutingPolicy policy = m_fixture->router.policy();
    ModelGroup group;
    group.name = name;
    group.deployments = { Deployment { model, 1 } };
    group.fallbacks = fallbacks;
    policy.groups.append(group);
    m_fixture->router.setPolicy(policy);
}

void TestGatewayCapabilities::skipsModelsThatCannotTakeTheRequest_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("servedBy"); // empty: nothing answered
    QTest::addColumn<QString>("skippedHeader"); // empty: none
    QTest::addColumn<QString>("errorParam");
    // Requests that reached each upstream model, server-side.
    QTest::addColumn<int>("deepseekChat");
    QTest::addColumn<int>("deepseekReasoner");
    QTest::addColumn<int>("gpt41Mini");

    const QString chat = QStringLiteral("/v1/chat/completions");
    const QString messages = QStringLiteral("/v1/messages");
    QTest::newRow("plain text: the text-only primary answers")
        << chat << chatBody(QStringLiteral("text-first")) << 200 << QStringLiteral("sandbox/deepseek-chat") << QString()
        << QString() << 1 << 0 << 0;
    QTest::newRow("an image skips the text-only primary for the vision fallback")
        << chat << openAiImage(QStringLiteral("text-first"), false) << 200 << QStringLiteral("sandbox/gpt-4.1-mini")
        << QStringLiteral("sandbox/deepseek-chat=missing_capability") << QString() << 0 << 0 << 1;
    QTest::newRow("streamed: the same, the header before the first event")
        << chat << openAiImage(QStringLiteral("text-first"), true) << 200 << QStringLiteral("sandbox/gpt-4.1-mini")
        << QStringLiteral("sandbox/deepseek-chat=missing_capability") << QString() << 0 << 0 << 1;
    QTest::newRow("an anthropic image block, routed to an OpenAI-format fallback")
        << messages << anthropicImage(QStringLiteral("text-first")) << 200 << QStringLiteral("sandbox/gpt-4.1-mini")
        << QStringLiteral("sandbox/deepseek-chat=missing_capability") << QString() << 0 << 0 << 1;
    QTest::newRow("tools skip a model without tool calling")
        << chat << openAiTools(QStringLiteral("reasoner-first")) << 200 << QStringLiteral("sandbox/deepseek-chat")
        << QStringLiteral("sandbox/deepseek-reasoner=missing_capability") << QString() << 1 << 0 << 0;
    QTest::newRow("no model can take the image: 400 naming the field, nothing sent")
        << chat << openAiImage(QStringLiteral("text-only"), false) << 400 << QString() << QString()
        << QStringLiteral("messages[0].content[1]") << 0 << 0 << 0;
    QTest::newRow("the same through the anthropic endpoint")
        << messages << anthropicImage(QStringLiteral("text-only")) << 400 << QString() << QString()
        << QStringLiteral("messages[0].content[0]") << 0 << 0 << 0;
}

void TestGatewayCapabilities::skipsModelsThatCannotTakeTheRequest()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, servedBy);
    QFETCH(QString, skippedHeader);
    QFETCH(QString, errorParam);
    QFETCH(int, deepseekChat);
    QFETCH(int, deepseekReasoner);
    QFETCH(int, gpt41Mini);

    const bool anthropic = path == QLatin1String("/v1/messages");
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (anthropic) {
        headers.append({ QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01") });
    }
    const HttpAnswer answer = httpCall(m_nam, "POST", m_fixture->url(path), body, headers);
    QVERIFY2(answer.status == status, answer.body.constData());
    QCOMPARE(QString::fromUtf8(answer.header("x-switchyard-skipped")), skippedHeader);
    const SandboxServer& sandbox = m_fixture->sandbox;
    QCOMPARE(sandbox.requestCount(QStringLiteral("deepseek-chat")), deepseekChat);
    QCOMPARE(sandbox.requestCount(QStringLiteral("deepseek-reasoner")), deepseekReasoner);
    QCOMPARE(sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), gpt41Mini);
    QTRY_COMPARE(m_fixture->records.size(), 1);
    const RequestRecord& record = m_fixture->records.constFirst();
    if (status == 200) {
        QCOMPARE(record.finalModel, servedBy);
        if (body.contains("image")) {
            // The vision model saw the image (the sandbox says how many it got).
            QVERIFY2(answer.body.contains("I got 1 image"), answer.body.constData());
        }
        return;
    }
    const QJsonObject error = answer.error();
    QCOMPARE(error.value(QLatin1String(anthropic ? "type" : "code")).toString(),
             QLatin1String(anthropic ? "invalid_request_error" : "model_not_capable"));
    if (!anthropic) {
        QCOMPARE(error.value(QLatin1String("param")).toString(), errorParam);
    }
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(errorParam) && message.contains(QLatin1String("image input")), qPrintable(message));
    QVERIFY(record.status == RequestStatus::Failed);
    QVERIFY(!record.costUsd || *record.costUsd == 0);
    QVERIFY(record.attempts.isEmpty());
}

void TestGatewayCapabilities::unknownCapabilities_areTried_andTheSandboxRefusesAsDeepSeekDoes()
{
    // Without model data nothing is known, so nothing is skipped: the image goes to DeepSeek, which
    // refuses it the way its API does (a 400 the client's own request caused, so no failover).
    QList<ModelConfig> models = m_fixture->sandbox.models();
    for (ModelConfig& model : models) {
        model.capabilities = {};
    }
    m_fixture->router.setModels(models);
    const HttpAnswer answer = httpCall(m_nam, "POST", m_fixture->url(QStringLiteral("/v1/chat/completions")),
                                       openAiImage(QStringLiteral("text-first"), false));
    QCOMPARE(answer.status, 400);
    QCOMPARE(m_fixture->sandbox.requestCount(QStringLiteral("deepseek-chat")), 1);
    QCOMPARE(m_fixture->sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 0);
    const QString message = answer.error().value(QLatin1String("message")).toString();
    QVERIFY2(
        message.contains(QLatin1String("messages[0]: unknown variant `image_url`, expected `text` at line 1 column")),
        qPrintable(message));
}

QTEST_GUILESS_MAIN(TestGatewayCapabilities)
#include "tst_GatewayCapabilities.moc"
