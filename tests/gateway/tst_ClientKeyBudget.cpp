// A client key's budget holds for concurrent agents: before each attempt the gateway holds the
// attempt's worst case (the whole conversation at the input rate plus max_tokens at the output
// rate) against the key's daily budget, so agents sharing the key cannot pass it together; the
// recorded cost replaces the hold. Over real loopback HTTP against an upstream that keeps its
// answers until the test lets them go and counts what reached it.
#include "GatewayHttp.h"
#include "core/common/Clock.h"
#include "core/gateway/ClientKeyStore.h"
#include "core/gateway/GatewayServer.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderClient.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"

#include <QJsonArray>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

namespace {
// Every model here costs $2 per million input tokens and $8 per million output tokens.
constexpr double kInputPerMTok = 2.0;
constexpr double kOutputPerMTok = 8.0;
constexpr int kMaxTokens = 1000; // each request's max_tokens
constexpr qint64 kAnswerTokens = 500; // what the upstream reports each answer used

// An OpenAI-compatible provider on loopback that counts every request it gets and keeps its
// answers until release(); a model named "up-flaky" is answered with a 503 at once. The usage it
// reports is the prompt size the test computed by hand and kAnswerTokens.
class HeldUpstream
{
public:
    HeldUpstream()
    {
        m_server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            const QString model
                = QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString();
            models.append(model);
            if (model == QLatin1String("up-flaky")) {
                responder->send(
                    503, "application/json",
                    R"({"error":{"message":"The server is overloaded.","type":"server_error","param":null,"code":null}})");
                return;
            }
            m_held.append(responder);
        });
    }

    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.port())); }
    int held() const { return int(m_held.size()); }

    void release(qint64 promptTokens)
    {
        const QByteArray usage = "{\"prompt_tokens\":" + QByteArray::number(promptTokens)
            + ",\"completion_tokens\":" + QByteArray::number(kAnswerTokens)
            + ",\"total_tokens\":" + QByteArray::number(promptTokens + kAnswerTokens) + '}';
        for (const QPointer<HttpResponder>& responder : std::as_const(m_held)) {
            if (responder) {
                responder->send(
                    200, "application/json",
                    R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"up","choices":[{"index":0,"message":{"role":"assistant","content":"Done."},"finish_reason":"stop"}],"usage":)"
                        + usage + '}');
            }
        }
        m_held.clear();
    }

    QStringList models; // every request received, by upstream model name

private:
    HttpServer m_server;
    QList<QPointer<HttpResponder>> m_held;
};

// held/mini costs a fifth: $0.40 in, $1.60 out per 1M tokens.
ModelConfig model(const QString& id, const QString& upstream, bool priced = true, double fraction = 1.0)
{
    ModelConfig config;
    config.id = id;
    config.providerId = QStringLiteral("held");
    config.upstreamModel = upstream;
    config.price = priced ? ModelPrice { kInputPerMTok * fraction, kOutputPerMTok * fraction, 0.5 * fraction, true }
                          : ModelPrice {};
    config.contextWindow = 200000;
    return config;
}

// A conversation of `messages` turns (user, assistant, ..., user), each exactly 4,000 characters:
// by PromptSize's rule 1,000 tokens of text plus 4 for the message, so 1,004 tokens a message.
// With `toolsAndImage` it also defines one tool (179 characters of JSON: 45 tokens) and ends
// with a user message holding one image (OpenAI's rule: 1,105 tokens, plus 4 for the message).
QByteArray conversation(const QString& modelName, int messages, bool toolsAndImage = false)
{
    QJsonArray history;
    for (int i = 0; i < messages; ++i) {
        const bool user = (messages - i) % 2 == 1;
        QString text = QStringLiteral("turn %1 ").arg(i, 4, 10, QLatin1Char('0'));
        text += QString(4000 - text.size(), QLatin1Char('x'));
        history.append(
            QJsonObject { { QStringLiteral("role"), user ? QStringLiteral("user") : QStringLiteral("assistant") },
                          { QStringLiteral("content"), text } });
    }
    QJsonObject body { { QStringLiteral("model"), modelName }, { QStringLiteral("max_tokens"), kMaxTokens } };
    if (toolsAndImage) {
        const QByteArray tool
            = R"({"type":"function","function":{"name":"get_weather","description":"Weather for a city",)"
              R"("parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}})";
        body.insert(QStringLiteral("tools"), QJsonArray { QJsonDocument::fromJson(tool).object() });
        const QJsonObject image {
            { QStringLiteral("type"), QStringLiteral("image_url") },
            { QStringLiteral("image_url"),
              QJsonObject { { QStringLiteral("url"), QStringLiteral("https://example.com/chart.png") } } }
        };
        history.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                     { QStringLiteral("content"), QJsonArray { image } } });
    }
    body.insert(QStringLiteral("messages"), history);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
} // namespace

class tst_ClientKeyBudget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void concurrentAgents_holdTheirWorstCase_spendStaysWithinTheKeysBudget_data();
    void concurrentAgents_holdTheirWorstCase_spendStaysWithinTheKeysBudget();
    void unpricedModel_refusedUnderABudget_unlessTheKeyAllowsIt_data();
    void unpricedModel_refusedUnderABudget_unlessTheKeyAllowsIt();
    void failedAttempt_givesItsHoldBack_theFallbackFits();
    void upstreamError_releasesTheHold_aLaterRequestFits();
    void fallbackHoldsForItsOwnModel_theCheaperOneFits();

private:
    QByteArray makeKey(const QString& name, std::optional<double> dailyUsd, bool allowUnpriced = false);
    bool startGateway();
    QNetworkReply* send(QNetworkAccessManager* nam, const QByteArray& key, const QByteArray& body);
    HttpAnswer call(const QByteArray& key, const QByteArray& body);
    double recordedSpend() const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ClientKeyStore> m_store;
    std::unique_ptr<HeldUpstream> m_upstream;
    std::unique_ptr<ProviderClient> m_client;
    std::unique_ptr<Router> m_router;
    PriceTable m_prices = PriceTable::bundled();
    std::unique_ptr<CallRecorder> m_recorder;
    std::unique_ptr<GatewayServer> m_gateway;
    QList<RequestRecord> m_records;
};

void tst_ClientKeyBudget::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_store = std::make_unique<ClientKeyStore>(m_home->filePath(ClientKeyStore::fileName()));
    m_upstream = std::make_unique<HeldUpstream>();
    QVERIFY(m_upstream->start());
    m_client = std::make_unique<ProviderClient>();
    m_router = std::make_unique<Router>(m_client.get());
    ProviderConfig provider;
    provider.id = QStringLiteral("held");
    provider.baseUrl = m_upstream->baseUrl();
    m_router->setProviders({ provider });
    const QList<ModelConfig> models { model(QStringLiteral("held/gpt"), QStringLiteral("up-gpt")),
                                      model(QStringLiteral("held/flaky"), QStringLiteral("up-flaky")),
                                      model(QStringLiteral("held/mystery"), QStringLiteral("up-mystery"), false),
                                      model(QStringLiteral("held/mini"), QStringLiteral("up-mini"), true, 0.2) };
    m_router->setModels(models);
    RoutingPolicy policy = DefaultPolicy::create(models);
    ModelGroup group;
    group.name = QStringLiteral("flaky-then-gpt");
    group.deployments = { Deployment { QStringLiteral("held/flaky"), 1 } };
    group.fallbacks = { QStringLiteral("held/gpt") };
    ModelGroup cheaper;
    cheaper.name = QStringLiteral("gpt-then-mini");
    cheaper.deployments = { Deployment { QStringLiteral("held/gpt"), 1 } };
    cheaper.fallbacks = { QStringLiteral("held/mini") };
    policy.groups = { group, cheaper };
    m_router->setPolicy(policy);
    m_recorder = std::make_unique<CallRecorder>(
        m_prices,
        [this](const QString& modelId) {
            const ModelConfig* found = m_router->model(modelId);
            return found ? found->price : ModelPrice {};
        },
        [this](const RequestRecord& record, bool) { m_records.append(record); });
}

void tst_ClientKeyBudget::cleanup()
{
    m_gateway.reset();
    m_recorder.reset();
    m_router.reset();
    m_client.reset();
    m_upstream.reset();
    m_store.reset();
    m_home.reset();
    m_records.clear();
}

QByteArray tst_ClientKeyBudget::makeKey(const QString& name, std::optional<double> dailyUsd, bool allowUnpriced)
{
    ClientKey settings;
    settings.name = name;
    settings.dailyBudgetUsd = dailyUsd;
    settings.allowUnpriced = allowUnpriced;
    const std::optional<IssuedClientKey> issued = m_store->create(settings, Clock::instance().currentDateTimeUtc());
    if (!issued) {
        qFatal("cannot create a key: %s", qPrintable(m_store->errorString()));
    }
    return issued->secret;
}

bool tst_ClientKeyBudget::startGateway()
{
    GatewayOptions options;
    options.clientKeysFile = m_store->filePath();
    m_gateway = std::make_unique<GatewayServer>(GatewayDependencies { m_router.get(), m_recorder.get() });
    m_gateway->setOptions(options);
    return m_gateway->listen(QHostAddress::LocalHost, 0);
}

QNetworkReply* tst_ClientKeyBudget::send(QNetworkAccessManager* nam, const QByteArray& key, const QByteArray& body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_gateway->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + key);
    return nam->post(request, body);
}

HttpAnswer tst_ClientKeyBudget::call(const QByteArray& key, const QByteArray& body)
{
    QNetworkAccessManager nam;
    return httpCall(nam, "POST", QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_gateway->port())),
                    body, { { "Authorization", "Bearer " + key } });
}

double tst_ClientKeyBudget::recordedSpend() const
{
    double spend = 0;
    for (const RequestRecord& record : m_records) {
        spend += record.costUsd.value_or(0);
    }
    return spend;
}

void tst_ClientKeyBudget::concurrentAgents_holdTheirWorstCase_spendStaysWithinTheKeysBudget_data()
{
    QTest::addColumn<int>("agents");
    QTest::addColumn<int>("messages"); // each agent's conversation so far
    QTest::addColumn<bool>("toolsAndImage");
    QTest::addColumn<qint64>("promptTokens"); // by hand, PromptSize's rules
    QTest::addColumn<double>("dailyUsd");
    QTest::addColumn<int>("reachUpstream");

    // 20 messages: 20 x 1,004 = 20,080 prompt tokens. Worst case: 20,080 x $2/M + 1,000 x $8/M
    // = $0.04016 + $0.008 = $0.04816. $0.20 holds 4 of them ($0.19264; 5 would be $0.2408).
    QTest::newRow("six agents with 20-message histories, $0.20 a day: four go out")
        << 6 << 20 << false << qint64(20080) << 0.20 << 4;
    // 80 messages: 80,320 tokens; worst case $0.16064 + $0.008 = $0.16864. $0.50 holds 2
    // ($0.33728; 3 would be $0.50592).
    QTest::newRow("eight agents with 80-message histories, $0.50 a day: two go out")
        << 8 << 80 << false << qint64(80320) << 0.50 << 2;
    // 3 x $0.04816 = $0.14448 fits in $0.20: nobody is refused.
    QTest::newRow("three agents within the budget: all go out") << 3 << 20 << false << qint64(20080) << 0.20 << 3;
    // 20,080 + 45 (the tool) + 1,109 (the image's message) = 21,234 tokens; worst case $0.042468 +
    // $0.008 = $0.050468. $0.15 holds 2 ($0.100936; 3 would be $0.151404). Counting the messages
    // alone ($0.04816 each) would have let 3 go.
    QTest::newRow("five agents sending a tool and an image, $0.15 a day: two go out")
        << 5 << 20 << true << qint64(21234) << 0.15 << 2;
}

void tst_ClientKeyBudget::concurrentAgents_holdTheirWorstCase_spendStaysWithinTheKeysBudget()
{
    QFETCH(int, agents);
    QFETCH(int, messages);
    QFETCH(bool, toolsAndImage);
    QFETCH(qint64, promptTokens);
    QFETCH(double, dailyUsd);
    QFETCH(int, reachUpstream);
    const QByteArray key = makeKey(QStringLiteral("agents"), dailyUsd);
    QVERIFY(startGateway());
    const QByteArray body = conversation(QStringLiteral("held/gpt"), messages, toolsAndImage);

    // One connection per agent, all in flight at once: the upstream keeps every answer back.
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < agents; ++i) {
        clients.push_back(std::make_unique<QNetworkAccessManager>());
        replies.append(send(clients.back().get(), key, body));
    }
    auto finishedWith = [&](int status) {
        return int(std::count_if(replies.cbegin(), replies.cend(), [status](QNetworkReply* reply) {
            return reply->isFinished() && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == status;
        }));
    };
    QTRY_COMPARE_WITH_TIMEOUT(finishedWith(429), agents - reachUpstream, 10000);
    QTRY_COMPARE(m_upstream->held(), reachUpstream);
    QCOMPARE(m_upstream->models.size(), reachUpstream);
    for (QNetworkReply* reply : std::as_const(replies)) {
        if (reply->isFinished()) {
            const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object().value("error").toObject();
            QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("budget_exceeded"));
            const QString message = error.value(QLatin1String("message")).toString();
            QVERIFY2(message.contains(QLatin1String("\"agents\"")) && message.contains(QLatin1String("daily budget")),
                     qPrintable(message));
            QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("1")); // room comes back as the others end
        }
    }

    m_upstream->release(promptTokens);
    QTRY_COMPARE_WITH_TIMEOUT(finishedWith(200), reachUpstream, 10000);
    QTRY_COMPARE(int(m_records.size()), agents);
    // Each answer: 20,080 x $2/M + 500 x $8/M = $0.04416 (80 messages: $0.16464; with the tool and
    // the image $0.046468).
    const double answerCost = promptTokens * kInputPerMTok / 1e6 + kAnswerTokens * kOutputPerMTok / 1e6;
    QVERIFY2(qAbs(recordedSpend() - reachUpstream * answerCost) < 1e-9, qPrintable(QString::number(recordedSpend())));
    QVERIFY(recordedSpend() <= dailyUsd);

    // What was spent leaves no room for another worst case unless the budget still has it.
    const bool roomLeft
        = reachUpstream * answerCost + (promptTokens * kInputPerMTok + kMaxTokens * kOutputPerMTok) / 1e6 <= dailyUsd;
    QNetworkAccessManager late;
    QNetworkReply* next = send(&late, key, body);
    if (roomLeft) {
        QTRY_COMPARE(m_upstream->held(), 1);
        m_upstream->release(promptTokens);
    }
    QTRY_VERIFY(next->isFinished());
    QCOMPARE(next->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), roomLeft ? 200 : 429);
    if (!roomLeft) {
        QVERIFY(next->rawHeader("Retry-After").toInt() > 1); // not before the day ends
    }
    QCOMPARE(m_upstream->models.size(), reachUpstream + (roomLeft ? 1 : 0));
    QVERIFY(recordedSpend() <= dailyUsd);
}

void tst_ClientKeyBudget::unpricedModel_refusedUnderABudget_unlessTheKeyAllowsIt_data()
{
    QTest::addColumn<bool>("budget");
    QTest::addColumn<bool>("allowUnpriced");
    QTest::addColumn<int>("status");

    QTest::newRow("a key with a budget refuses an unpriced model: 403") << true << false << 403;
    QTest::newRow("a key with a budget that allows unpriced models: sent") << true << true << 200;
    QTest::newRow("a key without a budget: sent") << false << false << 200;
}

void tst_ClientKeyBudget::unpricedModel_refusedUnderABudget_unlessTheKeyAllowsIt()
{
    QFETCH(bool, budget);
    QFETCH(bool, allowUnpriced);
    QFETCH(int, status);
    const QByteArray key
        = makeKey(QStringLiteral("mystery user"), budget ? std::optional(100.0) : std::nullopt, allowUnpriced);
    QVERIFY(startGateway());

    QNetworkAccessManager nam;
    QNetworkReply* reply = send(&nam, key, conversation(QStringLiteral("held/mystery"), 1));
    if (status == 200) {
        QTRY_COMPARE(m_upstream->held(), 1);
        m_upstream->release(1004);
    }
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 403) {
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object().value("error").toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("unpriced_model"));
        QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("model"));
        const QString message = error.value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QLatin1String("held/mystery")) && message.contains(QLatin1String("\"mystery user\"")),
                 qPrintable(message));
    }
    QCOMPARE(m_upstream->models.size(), status == 200 ? 1 : 0);
}

void tst_ClientKeyBudget::failedAttempt_givesItsHoldBack_theFallbackFits()
{
    // One 20-message worst case is $0.04816; $0.06 holds one, never two at a time. The first
    // attempt (held/flaky) fails with a 503 and billed nothing: its hold goes back before the
    // fallback held/gpt holds its own.
    const QByteArray key = makeKey(QStringLiteral("failover"), 0.06);
    QVERIFY(startGateway());
    QNetworkAccessManager nam;
    QNetworkReply* reply = send(&nam, key, conversation(QStringLiteral("flaky-then-gpt"), 20));
    QTRY_COMPARE(m_upstream->held(), 1);
    m_upstream->release(20 * 1004);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(m_upstream->models, QStringList({ QStringLiteral("up-flaky"), QStringLiteral("up-gpt") }));
    QCOMPARE(reply->rawHeader("x-switchyard-failovers"), QByteArray("1"));
}

void tst_ClientKeyBudget::upstreamError_releasesTheHold_aLaterRequestFits()
{
    const QByteArray key = makeKey(QStringLiteral("retrying"), 0.06);
    QVERIFY(startGateway());
    // held/flaky alone: its 503 ends the request, and the key holds nothing afterwards...
    const HttpAnswer failed = call(key, conversation(QStringLiteral("held/flaky"), 20));
    QCOMPARE(failed.status, 502);
    QCOMPARE(m_upstream->models.size(), 1);
    // ... so the next request's worst case ($0.04816 of $0.06) fits.
    QNetworkAccessManager nam;
    QNetworkReply* next = send(&nam, key, conversation(QStringLiteral("held/gpt"), 20));
    QTRY_COMPARE(m_upstream->held(), 1);
    m_upstream->release(20 * 1004);
    QTRY_VERIFY(next->isFinished());
    QCOMPARE(next->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(m_upstream->models.size(), 2);
}

void tst_ClientKeyBudget::fallbackHoldsForItsOwnModel_theCheaperOneFits()
{
    // 20 messages: on held/gpt the worst case is $0.04816, more than the key's $0.02; on held/mini
    // 20,080 x $0.40/M + 1,000 x $1.60/M = $0.009632, which fits. Nothing goes to held/gpt.
    const QByteArray key = makeKey(QStringLiteral("frugal"), 0.02);
    QVERIFY(startGateway());
    QNetworkAccessManager nam;
    QNetworkReply* reply = send(&nam, key, conversation(QStringLiteral("gpt-then-mini"), 20));
    QTRY_COMPARE(m_upstream->held(), 1);
    m_upstream->release(20 * 1004);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(m_upstream->models, QStringList { QStringLiteral("up-mini") });
    QCOMPARE(reply->rawHeader("x-switchyard-skipped"), QByteArray("held/gpt=over_budget"));
    QCOMPARE(reply->rawHeader("x-switchyard-model"), QByteArray("held/mini"));
}

QTEST_GUILESS_MAIN(tst_ClientKeyBudget)
#include "tst_ClientKeyBudget.moc"
