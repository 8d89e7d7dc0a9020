// Client keys: kept only as salted hashes in an owner-only file, and each rule of a key (unknown,
// revoked, expired, model not allowed, over rate, over budget) enforced by the gateway over real
// loopback sockets before anything reaches the upstream, which counts what it received.
#include "GatewayFixture.h"
#include "RawHttp.h"
#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/gateway/ClientKeyStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QByteArray kChat = QByteArrayLiteral("/v1/chat/completions");

QByteArray chatFor(const QByteArray& model)
{
    return R"({"model":")" + model + R"(","messages":[{"role":"user","content":"Say hello"}]})";
}

QByteArray bearer(const QByteArray& key)
{
    return "Authorization: Bearer " + key + "\r\n";
}
} // namespace

class tst_ClientKeys : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void store_keepsOnlySaltedHashesInAnOwnerOnlyFile();
    void store_revokeByNameOrId_andAmbiguousNames();
    void store_damagedFile_isNamedWithItsPlace_data();
    void store_damagedFile_isNamedWithItsPlace();
    void presentedKey_isCheckedByIdAndHash_data();
    void presentedKey_isCheckedByIdAndHash();
    void keyRules_refusedBeforeTheUpstream_data();
    void keyRules_refusedBeforeTheUpstream();
    void rateLimit_answers429WithRetryAfter();
    void budget_spendFromTheLedgerAndFromRequestsCounts();
    void budget_embeddingsHoldTheirInputToo_data();
    void budget_embeddingsHoldTheirInputToo();
    void revocation_takesEffectOnTheNextRequest();
    void rows_carryTheKey_andTheOwnersGatewayKeyStillWorks();
    void noKeys_loopbackWorksAsBefore();

private:
    IssuedClientKey make(const ClientKey& settings);
    bool startGateway(std::function<double(const QString&, const QDateTime&)> spend = {});
    RawAnswer post(const QByteArray& key, const QByteArray& model = "chat");

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ClientKeyStore> m_store;
    std::unique_ptr<GatewayFixture> m_fx;
};

void tst_ClientKeys::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_store = std::make_unique<ClientKeyStore>(m_home->filePath(ClientKeyStore::fileName()));
    m_fx = std::make_unique<GatewayFixture>();
}

void tst_ClientKeys::cleanup()
{
    m_fx.reset();
    m_store.reset();
    m_home.reset();
}

IssuedClientKey tst_ClientKeys::make(const ClientKey& settings)
{
    const std::optional<IssuedClientKey> issued = m_store->create(settings, Clock::instance().currentDateTimeUtc());
    if (!issued) {
        qFatal("cannot create a key: %s", qPrintable(m_store->errorString()));
    }
    return *issued;
}

bool tst_ClientKeys::startGateway(std::function<double(const QString&, const QDateTime&)> spend)
{
    GatewayOptions options;
    options.clientKeysFile = m_store->filePath();
    if (!m_fx->start(options)) {
        return false;
    }
    // Restart with the ledger's spend lookup wired in, as EngineGateway does.
    GatewayFixture* fx = m_fx.get();
    m_fx->gateway = std::make_unique<GatewayServer>(
        GatewayDependencies { &m_fx->router, &m_fx->recorder, std::move(spend), {}, {}, [fx](const ModelConfig& model) {
                                 return fx->prices.modeOf(model);
                             } });
    m_fx->gateway->setOptions(options);
    return m_fx->gateway->listen(QHostAddress::LocalHost, 0);
}

RawAnswer tst_ClientKeys::post(const QByteArray& key, const QByteArray& model)
{
    return rawCall(m_fx->gateway->port(), rawPost(kChat, chatFor(model), key.isEmpty() ? QByteArray() : bearer(key)));
}

void tst_ClientKeys::store_keepsOnlySaltedHashesInAnOwnerOnlyFile()
{
    ClientKey settings;
    settings.name = QStringLiteral("cursor");
    settings.allowedModels = { QStringLiteral("chat") };
    settings.dailyBudgetUsd = 1.5;
    const IssuedClientKey first = make(settings);
    const IssuedClientKey second = make(settings);
    QVERIFY(first.secret.startsWith("sk-sy-" + first.key.id.toLatin1() + '-'));
    QVERIFY(first.secret.size() >= 50);
    QVERIFY(first.secret != second.secret);
    QVERIFY(first.key.salt != second.key.salt);

    QFile file(m_store->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    // "sk-sy-" + an 8-digit id + "-" + the secret, which is base64url and may hold '-' itself.
    const qsizetype secretAt = qstrlen("sk-sy-") + 8 + 1;
    QVERIFY(!text.contains(first.secret.sliced(secretAt)));
    QVERIFY(!text.contains(second.secret.sliced(secretAt)));
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    ClientKeyStore reread(m_store->filePath());
    QVERIFY2(reread.load(), qPrintable(reread.errorString()));
    QCOMPARE(reread.keys(), m_store->keys());
    QVERIFY(ClientKeys::matches(*reread.find(first.key.id), first.secret));
    QVERIFY(!ClientKeys::matches(*reread.find(first.key.id), second.secret));
}

void tst_ClientKeys::store_revokeByNameOrId_andAmbiguousNames()
{
    ClientKey settings;
    settings.name = QStringLiteral("agent");
    const IssuedClientKey a = make(settings);
    const IssuedClientKey b = make(settings);
    settings.name = QStringLiteral("ide");
    const IssuedClientKey ide = make(settings);

    QVERIFY(!m_store->revoke(QStringLiteral("agent"), QDateTime::currentDateTimeUtc())); // two have that name
    QVERIFY(m_store->errorString().contains(QLatin1String("id")));
    QVERIFY(m_store->revoke(a.key.id, QDateTime::currentDateTimeUtc()));
    QVERIFY(m_store->revoke(QStringLiteral("ide"), QDateTime::currentDateTimeUtc()));
    QVERIFY(!m_store->revoke(QStringLiteral("nobody"), QDateTime::currentDateTimeUtc()));

    ClientKeyStore reread(m_store->filePath());
    QVERIFY(reread.load());
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
    QCOMPARE(reread.find(a.key.id)->status(now), ClientKey::Status::Revoked);
    QCOMPARE(reread.find(b.key.id)->status(now), ClientKey::Status::Active);
    QCOMPARE(reread.find(ide.key.id)->status(now), ClientKey::Status::Revoked);
}

void tst_ClientKeys::store_damagedFile_isNamedWithItsPlace_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("broken JSON names line and column")
        << QByteArray("{\n  \"version\": 1,\n  \"keys\": [ oops ]\n}") << "line 3, column";
    QTest::newRow("a newer format is refused") << QByteArray(R"({"version":7,"keys":[]})") << "version 7";
    QTest::newRow("a key without its hash is damaged")
        << QByteArray(R"({"version":1,"keys":[{"id":"0a1b2c3d","name":"x","salt":"","sha256":""}]})") << "damaged";
}

void tst_ClientKeys::store_damagedFile_isNamedWithItsPlace()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fragment);
    QFile file(m_store->filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(!m_store->load());
    QVERIFY2(m_store->errorString().contains(m_store->filePath()), qPrintable(m_store->errorString()));
    QVERIFY2(m_store->errorString().contains(fragment), qPrintable(m_store->errorString()));

    // A gateway refuses to start on a damaged key file rather than run without its keys.
    GatewayOptions options;
    options.clientKeysFile = m_store->filePath();
    QVERIFY(!m_fx->start(options));
    QVERIFY(m_fx->gateway->errorString().contains(fragment));
}

void tst_ClientKeys::presentedKey_isCheckedByIdAndHash_data()
{
    QTest::addColumn<QByteArray>("presented");
    QTest::addColumn<QString>("id");

    QTest::newRow("a well-formed key") << QByteArray("sk-sy-0a1b2c3d-secret") << "0a1b2c3d";
    QTest::newRow("upper-case id is not ours") << QByteArray("sk-sy-0A1B2C3D-secret") << "";
    QTest::newRow("another vendor's key") << QByteArray("sk-proj-0a1b2c3d-secret") << "";
    QTest::newRow("id too short") << QByteArray("sk-sy-0a1b-secret") << "";
    QTest::newRow("no secret") << QByteArray("sk-sy-0a1b2c3d-") << "";
}

void tst_ClientKeys::presentedKey_isCheckedByIdAndHash()
{
    QFETCH(QByteArray, presented);
    QFETCH(QString, id);
    QCOMPARE(ClientKeys::idOf(presented), id);
}

void tst_ClientKeys::keyRules_refusedBeforeTheUpstream_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("no key at all: 401") << "missing" << 401 << "missing_api_key";
    QTest::newRow("unknown key: 401") << "unknown" << 401 << "invalid_api_key";
    QTest::newRow("a real key's id with a wrong secret: 401") << "forged" << 401 << "invalid_api_key";
    QTest::newRow("revoked key: 401") << "revoked" << 401 << "revoked_api_key";
    QTest::newRow("expired key: 401") << "expired" << 401 << "expired_api_key";
    QTest::newRow("model not allowed: 403 naming it") << "model" << 403 << "model_not_allowed";
    QTest::newRow("tier header beyond the key's tiers: 403") << "tier" << 403 << "model_not_allowed";
    QTest::newRow("over its budget: 429") << "budget" << 429 << "budget_exceeded";
}

void tst_ClientKeys::keyRules_refusedBeforeTheUpstream()
{
    QFETCH(QString, rule);
    QFETCH(int, status);
    QFETCH(QString, code);
    ClientKey settings;
    settings.name = QStringLiteral("under test");
    if (rule == QLatin1String("expired")) {
        settings.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    }
    if (rule == QLatin1String("model") || rule == QLatin1String("tier")) {
        settings.allowedModels = { QStringLiteral("solo"), QStringLiteral("chat") };
    }
    if (rule == QLatin1String("budget")) {
        settings.dailyBudgetUsd = 0.5;
    }
    const IssuedClientKey issued = make(settings);
    if (rule == QLatin1String("revoked")) {
        QVERIFY(m_store->revoke(issued.key.id, QDateTime::currentDateTimeUtc()));
    }
    QVERIFY(startGateway([](const QString&, const QDateTime&) { return 0.75; })); // spent before today's start

    QByteArray key = issued.secret;
    QByteArray model = "chat";
    QByteArray extra;
    if (rule == QLatin1String("missing")) {
        key.clear();
    } else if (rule == QLatin1String("unknown")) {
        key = "sk-sy-00000000-nothing";
    } else if (rule == QLatin1String("forged")) {
        key = "sk-sy-" + issued.key.id.toLatin1() + "-forged";
    } else if (rule == QLatin1String("model")) {
        model = "sandbox/gpt-5";
    } else if (rule == QLatin1String("tier")) {
        extra = "x-switchyard-tier: premium\r\n";
    }
    const RawAnswer answer = rawCall(
        m_fx->gateway->port(), rawPost(kChat, chatFor(model), (key.isEmpty() ? QByteArray() : bearer(key)) + extra));
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.error().value(QLatin1String("code")).toString(), code);
    QVERIFY(!answer.body.contains(issued.secret));
    if (rule == QLatin1String("model")) {
        QVERIFY(answer.error().value(QLatin1String("message")).toString().contains(QLatin1String("sandbox/gpt-5")));
    }
    if (status == 429) {
        QVERIFY(answer.headers.value("retry-after").toInt() > 0);
    }
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
    QVERIFY(m_fx->records.isEmpty());
}

void tst_ClientKeys::rateLimit_answers429WithRetryAfter()
{
    ClientKey settings;
    settings.name = QStringLiteral("two a minute");
    settings.requestsPerMinute = 2;
    const IssuedClientKey limited = make(settings);
    settings.name = QStringLiteral("other");
    settings.requestsPerMinute.reset();
    const IssuedClientKey other = make(settings);
    QVERIFY(startGateway());

    QCOMPARE(post(limited.secret).status, 200);
    QCOMPARE(post(limited.secret).status, 200);
    const RawAnswer third = post(limited.secret);
    QCOMPARE(third.status, 429);
    QCOMPARE(third.error().value(QLatin1String("code")).toString(), QStringLiteral("rate_limit_exceeded"));
    const int retryAfter = third.headers.value("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, third.headers.value("retry-after").constData());
    QCOMPARE(post(other.secret).status, 200); // another key is not slowed down
    QCOMPARE(m_fx->sandbox.totalRequests(), 3);
}

void tst_ClientKeys::budget_spendFromTheLedgerAndFromRequestsCounts()
{
    ClientKey settings;
    settings.name = QStringLiteral("tight");
    settings.dailyBudgetUsd = 0.01;
    const IssuedClientKey issued = make(settings);
    const double earlier = 0.0099; // $0.0001 left
    QStringList asked;
    QVERIFY(startGateway([&](const QString& keyId, const QDateTime& since) {
        asked.append(keyId + QLatin1Char('@') + since.toString(Qt::ISODate));
        return earlier;
    }));
    // "Say hello" is 7 prompt tokens (4 for the message, 3 of text). On "solo" (sandbox/gemini-2.5-flash,
    // $0.30 in, $2.50 out per 1M, no fallback) with max_tokens 100 it may cost 7 x 0.3/M + 100 x 2.5/M
    // = $0.0002521: more than is left, so it is refused before the upstream...
    auto postWith = [&](int maxTokens) {
        const QByteArray body = R"({"model":"solo","max_tokens":)" + QByteArray::number(maxTokens)
            + R"(,"messages":[{"role":"user","content":"Say hello"}]})";
        return rawCall(m_fx->gateway->port(), rawPost(kChat, body, bearer(issued.secret)));
    };
    const RawAnswer tooDear = postWith(100);
    QCOMPARE(tooDear.status, 429);
    QCOMPARE(tooDear.error().value(QLatin1String("code")).toString(), QStringLiteral("budget_exceeded"));
    QVERIFY(!asked.isEmpty() && asked.first().startsWith(issued.key.id));
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
    // ... while with max_tokens 30 ($0.0000771 at most) it fits, and its cost lands on the key...
    QCOMPARE(postWith(30).status, 200);
    QCOMPARE(m_fx->sandbox.totalRequests(), 1);
    QTRY_COMPARE(m_fx->records.size(), 2); // the refused request is recorded too, at no cost
    const double cost = m_fx->records.last().costUsd.value_or(0);
    QVERIFY(cost > 0);
    // ... so the next refusal counts it as spent.
    const RawAnswer over = postWith(100);
    QCOMPARE(over.status, 429);
    const QString message = over.error().value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1String("daily budget")), qPrintable(message));
    QVERIFY2(message.contains(Money::format(earlier + cost) + QLatin1String(" spent")), qPrintable(message));
    QCOMPARE(m_fx->sandbox.totalRequests(), 1);
}

void tst_ClientKeys::budget_embeddingsHoldTheirInputToo_data()
{
    QTest::addColumn<double>("dailyUsd");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("upstream");

    // A 4,000-character input is 1,004 tokens: $0.00002008 on text-embedding-3-small ($0.02/M),
    // $0.00013052 on its fallback text-embedding-3-large ($0.13/M); embeddings bill no output.
    QTest::newRow("room for neither model: 429, nothing sent") << 0.00001 << 429 << 0;
    QTest::newRow("room for the small model: sent") << 0.0001 << 200 << 1;
}

void tst_ClientKeys::budget_embeddingsHoldTheirInputToo()
{
    QFETCH(double, dailyUsd);
    QFETCH(int, status);
    QFETCH(int, upstream);
    ClientKey settings;
    settings.name = QStringLiteral("embedder");
    settings.dailyBudgetUsd = dailyUsd;
    const IssuedClientKey issued = make(settings);
    QVERIFY(startGateway());
    const QByteArray body = R"({"model":"embed","input":")" + QByteArray(4000, 'e') + R"("})";
    const RawAnswer answer = rawCall(m_fx->gateway->port(), rawPost("/v1/embeddings", body, bearer(issued.secret)));
    QCOMPARE(answer.status, status);
    if (status == 429) {
        QCOMPARE(answer.error().value(QLatin1String("code")).toString(), QStringLiteral("budget_exceeded"));
        QVERIFY(answer.error().value(QLatin1String("message")).toString().contains(QLatin1String("\"embedder\"")));
    }
    QCOMPARE(m_fx->sandbox.totalRequests(), upstream);
}

void tst_ClientKeys::revocation_takesEffectOnTheNextRequest()
{
    ClientKey settings;
    settings.name = QStringLiteral("laptop");
    const IssuedClientKey issued = make(settings);
    QVERIFY(startGateway());
    QCOMPARE(post(issued.secret).status, 200);

    // Another process (switchyard keys revoke) changes the file while the gateway runs.
    ClientKeyStore cli(m_store->filePath());
    QVERIFY(cli.load());
    QVERIFY(cli.revoke(QStringLiteral("laptop"), QDateTime::currentDateTimeUtc()));
    const RawAnswer next = post(issued.secret);
    QCOMPARE(next.status, 401);
    QCOMPARE(next.error().value(QLatin1String("code")).toString(), QStringLiteral("revoked_api_key"));
    QCOMPARE(m_fx->sandbox.totalRequests(), 1);

    // A key created meanwhile works at once, without a restart.
    const std::optional<IssuedClientKey> fresh = cli.create(settings, QDateTime::currentDateTimeUtc());
    QVERIFY(fresh);
    QCOMPARE(post(fresh->secret).status, 200);
}

void tst_ClientKeys::rows_carryTheKey_andTheOwnersGatewayKeyStillWorks()
{
    ClientKey settings;
    settings.name = QStringLiteral("agent");
    const IssuedClientKey issued = make(settings);
    GatewayOptions options;
    options.clientKeysFile = m_store->filePath();
    options.apiKey = QByteArrayLiteral("sk-owner-gateway-key");
    QVERIFY(m_fx->start(options));

    QCOMPARE(post(issued.secret).status, 200);
    QCOMPARE(post("sk-owner-gateway-key").status, 200);
    QCOMPARE(post("sk-owner-gateway-key-wrong").status, 401);
    QTRY_COMPARE(m_fx->records.size(), 2);
    QCOMPARE(m_fx->records.at(0).clientKey, issued.key.id);
    QCOMPARE(m_fx->records.at(1).clientKey, QString());
    for (const RequestRecord& record : std::as_const(m_fx->records)) {
        QVERIFY(!record.errorMessage.contains(QLatin1String("sk-")));
    }
}

void tst_ClientKeys::noKeys_loopbackWorksAsBefore()
{
    QVERIFY(startGateway());
    QCOMPARE(post({}).status, 200);
    QCOMPARE(post("sk-anything-an-sdk-insists-on").status, 200);
    QVERIFY(!m_fx->gateway->requiresKey());
}

QTEST_GUILESS_MAIN(tst_ClientKeys)
#include "tst_ClientKeys.moc"
