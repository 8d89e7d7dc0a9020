#include "CannedUpstream.h"
#include "CliRun.h"
#include "ServeProcess.h"

#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>

// Two `switchyard serve` processes on one PostgreSQL ledger share a daily budget that fits 50
// requests while 64 clients send 128: the holds live in the database (atomic reserve and settle
// under row locks), so the two gateways together let at most 50 requests reach the upstream,
// counted by the upstream itself, and every answered request is in the ledger exactly once.
class TestServeSharedBudget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoGateways_oneBudget_neverOvershootTogether();
    void databaseAway_aGatewaySpendsOnlyItsShare_handedOverAfter();
    void databaseHangs_requestsAreAnsweredWithinTheShare();
    void twoGateways_oneClientKey_itsBudgetHoldsAcrossThem();

private:
    QTemporaryDir m_settings;
    PostgresServer m_server;
};

namespace {
constexpr int kClients = 64;
constexpr int kRequestsPerClient = 2;
constexpr int kFits = 50;
// $1,000 per million output tokens and none for input: 10 output tokens cost exactly $0.01, and
// a request with max_tokens 10 reserves exactly what it is then charged.
constexpr double kOutputPerMTok = 1000;
constexpr int kMaxTokens = 10;

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The upstream's providers.json, and a daily budget of $0.50 that refuses.
bool writeHome(const QString& home, const CannedUpstream& upstream)
{
    return upstream.writeProviders(home, 0, kOutputPerMTok)
        && writeFile(QDir(home).filePath("settings.ini"),
                     "[General]\nsettingsVersion=2\n[budget]\ndailyUsd=0.5\naction=refuse\n");
}

// One number from the shared ledger, read with a connection of our own.
int countRows(const QString& url, const QString& sql)
{
    const QUrl parsed(url);
    const QString name = QUuid::createUuid().toString();
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port());
        db.setUserName(parsed.userName());
        db.setDatabaseName(parsed.path().mid(1));
        if (db.open()) {
            QSqlQuery query(sql, db);
            count = query.next() ? query.value(0).toInt() : -1;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}
// What 64 clients saw: each with its own connection sends two requests one after the other,
// alternating between the two gateways, with `key` as its client key when one is given.
struct Load
{
    QList<int> statuses;
    QByteArray refusal; // the first answer that was not a 200
};

Load sendLoad(ServeProcess (&serve)[2], const QByteArray& key = {})
{
    Load load;
    QList<std::shared_ptr<QNetworkAccessManager>> clients;
    int finished = 0;
    const QByteArray body = ClientCall::body(QStringLiteral("m"), false,
                                             QByteArrayLiteral(",\"max_tokens\":") + QByteArray::number(kMaxTokens));
    std::function<void(int, int)> send = [&](int client, int round) {
        QNetworkRequest request(serve[(client + round) % 2].url(QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!key.isEmpty()) {
            request.setRawHeader("authorization", "Bearer " + key);
        }
        QNetworkReply* reply = clients[client]->post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, client, round, reply] {
            load.statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            if (load.statuses.last() != 200 && load.refusal.isEmpty()) {
                load.refusal = reply->readAll();
            }
            ++finished;
            reply->deleteLater();
            if (round + 1 < kRequestsPerClient) {
                send(client, round + 1);
            }
        });
    };
    for (int i = 0; i < kClients; ++i) {
        clients.append(std::make_shared<QNetworkAccessManager>());
    }
    for (int i = 0; i < kClients; ++i) {
        send(i, 0);
    }
    QElapsedTimer waited;
    waited.start();
    while (finished < kClients * kRequestsPerClient && waited.elapsed() < 60000) {
        QTest::qWait(20);
    }
    return load;
}
} // namespace

void TestServeSharedBudget::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
}

void TestServeSharedBudget::twoGateways_oneBudget_neverOvershootTogether()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ten tokens of answer", 10, "length"));
    QVERIFY(upstream.isListening());
    const QString url = m_server.createDatabase();
    QTemporaryDir homes[2];
    ServeProcess serve[2];
    for (int i = 0; i < 2; ++i) {
        QVERIFY(writeHome(homes[i].path(), upstream));
        QVERIFY2(serve[i].start(homes[i].path(), { QStringLiteral("--database"), url }, { QStringLiteral("--quiet") }),
                 serve[i].standardError().constData());
    }

    // 64 clients, half on each gateway at a time.
    const Load load = sendLoad(serve);
    const QList<int>& statuses = load.statuses;
    const QByteArray& refusal = load.refusal;
    QCOMPARE(int(statuses.size()), kClients * kRequestsPerClient);

    const int answered = int(statuses.count(200));
    QVERIFY2(upstream.received <= kFits, qPrintable(QStringLiteral("%1 reached the upstream").arg(upstream.received)));
    QCOMPARE(answered, upstream.received);
    // Every request either went out or was refused by the budget (503, no model within it): none
    // failed for another reason.
    QCOMPARE(int(statuses.count(200) + statuses.count(503)), kClients * kRequestsPerClient);
    QVERIFY2(refusal.contains("Refused by the budget") && refusal.contains("team's budget"), refusal.constData());
    // Refusals happened: the demand was 128 and both gateways alone would have allowed 50 each.
    QVERIFY(answered < kClients * kRequestsPerClient);
    QCOMPARE(upstream.received, kFits);

    for (ServeProcess& process : serve) {
        QCOMPARE(::kill(pid_t(process.pid()), SIGTERM), 0);
        QCOMPARE(process.waitForExit(15000), 0);
    }
    // Every answered request in the ledger exactly once.
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM requests WHERE status = 'ok'"), answered);
    QCOMPARE(countRows(url, "SELECT COUNT(*) - COUNT(DISTINCT uuid) FROM requests"), 0);
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM budget_holds"), 0);
    QCOMPARE(countRows(url,
                       "SELECT CAST(ROUND(SUM(spent_usd) * 100) AS INTEGER) FROM budget_periods"
                       " WHERE scope LIKE 'global/day@%'"),
             kFits);
}

// While the database is away every gateway goes on serving, but only within 10% of what the
// budget had left when it last answered (so several gateways cut off together stay within it);
// once it is back, what was spent meanwhile counts in the team's budget.
void TestServeSharedBudget::databaseAway_aGatewaySpendsOnlyItsShare_handedOverAfter()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ten tokens of answer", 10, "length"));
    QVERIFY(upstream.isListening());
    const QString url = m_server.createDatabase();
    QTemporaryDir home;
    QVERIFY(writeHome(home.path(), upstream));
    ServeProcess serve;
    QVERIFY2(serve.start(home.path(), { QStringLiteral("--database"), url }, { QStringLiteral("--quiet") }),
             serve.standardError().constData());
    QNetworkAccessManager nam;
    const QByteArray extra = QByteArrayLiteral(",\"max_tokens\":") + QByteArray::number(kMaxTokens);
    QByteArray lastBody;
    auto ask = [&]() {
        const ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                                 QStringLiteral("m"), false, extra);
        QSignalSpy done(call.reply, &QNetworkReply::finished);
        if (!done.wait(20000)) {
            return -1;
        }
        lastBody = call.reply->readAll();
        call.reply->deleteLater();
        return call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    // $0.10 of the $0.50 spent: $0.40 left.
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(ask(), 200);
    }
    QVERIFY(m_server.pause());
    // 10% of $0.40: four requests of $0.01, then refusals that say why.
    QList<int> away;
    for (int i = 0; i < 8; ++i) {
        away.append(ask());
        if (away.last() != 200) {
            QVERIFY2(lastBody.contains("cannot be reached") && lastBody.contains("10%"), lastBody.constData());
        }
    }
    QCOMPARE(away.count(200), 4);
    QCOMPARE(away.count(503), 4);
    QCOMPARE(upstream.received, 14);
    // /health says the gateway runs on its share, and why.
    const QJsonObject degraded = serve.health();
    QCOMPARE(degraded.value("status").toString(), QStringLiteral("degraded"));
    QVERIFY2(QJsonDocument(degraded).toJson().contains("team's budget cannot be checked"),
             QJsonDocument(degraded).toJson().constData());
    QVERIFY(m_server.resume());
    QTRY_VERIFY_WITH_TIMEOUT(ask() == 200, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(serve.health().value("status").toString(), QStringLiteral("ok"), 20000);
    const int answered = upstream.received;

    QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
    QCOMPARE(serve.waitForExit(15000), 0);
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM requests WHERE status = 'ok'"), answered);
    // The team's count holds the four requests of the outage as well.
    QCOMPARE(countRows(url,
                       "SELECT CAST(ROUND(SUM(spent_usd) * 100) AS INTEGER) FROM budget_periods"
                       " WHERE scope LIKE 'global/day@%'"),
             answered);
}

// A database that hangs with its connections open (SIGSTOP: a stalled host) must not stall the
// gateway: the budget is asked on a thread of its own and given up on after a second, so the
// requests go on being answered within the outage share, and once the server goes on, the team's
// count holds every answered request.
void TestServeSharedBudget::databaseHangs_requestsAreAnsweredWithinTheShare()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ten tokens of answer", 10, "length"));
    QVERIFY(upstream.isListening());
    const QString url = m_server.createDatabase();
    QTemporaryDir home;
    QVERIFY(writeHome(home.path(), upstream));
    ServeProcess serve;
    QVERIFY2(serve.start(home.path(), { QStringLiteral("--database"), url }, { QStringLiteral("--quiet") }),
             serve.standardError().constData());
    QNetworkAccessManager nam;
    const QByteArray extra = QByteArrayLiteral(",\"max_tokens\":") + QByteArray::number(kMaxTokens);
    auto ask = [&]() {
        const ClientCall call = ClientCall::send(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                                                 QStringLiteral("m"), false, extra);
        QSignalSpy done(call.reply, &QNetworkReply::finished);
        const int status
            = done.wait(20000) ? call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : -1;
        call.reply->deleteLater();
        return status;
    };
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(ask(), 200);
    }
    QVERIFY(m_server.signalAll(SIGSTOP));
    auto resume = qScopeGuard([this] { m_server.signalAll(SIGCONT); }); // also when a check fails
    // $0.40 left: 10% of it while the database does not answer, then refusals; all answered.
    QList<int> hung;
    for (int i = 0; i < 8; ++i) {
        hung.append(ask());
    }
    resume.dismiss();
    QVERIFY(m_server.signalAll(SIGCONT));
    QCOMPARE(hung.count(200), 4);
    QCOMPARE(hung.count(503), 4);
    QCOMPARE(upstream.received, 14);
    QTRY_VERIFY_WITH_TIMEOUT(ask() == 200, 20000);
    const int answered = upstream.received;

    QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
    QCOMPARE(serve.waitForExit(15000), 0);
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM requests WHERE status = 'ok'"), answered);
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM budget_holds"), 0);
    QCOMPARE(countRows(url,
                       "SELECT CAST(ROUND(SUM(spent_usd) * 100) AS INTEGER) FROM budget_periods"
                       " WHERE scope LIKE 'global/day@%'"),
             answered);
}

// A client key used through two gateways on one ledger: its daily budget ($0.50, 50 requests)
// is held in the database too, so 64 clients with the key cannot get more than 50 requests to the
// upstream through both together; the rest are refused with the key's 429.
void TestServeSharedBudget::twoGateways_oneClientKey_itsBudgetHoldsAcrossThem()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ten tokens of answer", 10, "length"));
    QVERIFY(upstream.isListening());
    const QString url = m_server.createDatabase();
    QTemporaryDir homes[2];
    for (QTemporaryDir& home : homes) {
        QVERIFY(upstream.writeProviders(home.path(), 0, kOutputPerMTok));
    }
    const CliRun created
        = CliRun::of({ QStringLiteral("--home"), homes[0].path(), QStringLiteral("keys"), QStringLiteral("create"),
                       QStringLiteral("--name"), QStringLiteral("team agent"), QStringLiteral("--daily-usd"),
                       QStringLiteral("0.5") });
    QCOMPARE(created.exitCode, 0);
    const QByteArray key = created.out.trimmed();
    QVERIFY(key.startsWith("sk-sy-"));
    // The second gateway knows the same key (its salted hash), as a team's gateways share a home.
    QVERIFY(QFile::copy(QDir(homes[0].path()).filePath(QStringLiteral("client-keys.json")),
                        QDir(homes[1].path()).filePath(QStringLiteral("client-keys.json"))));
    ServeProcess serve[2];
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(serve[i].start(homes[i].path(), { QStringLiteral("--database"), url }, { QStringLiteral("--quiet") }),
                 serve[i].standardError().constData());
    }

    const Load load = sendLoad(serve, key);
    const QList<int>& statuses = load.statuses;
    QCOMPARE(int(statuses.size()), kClients * kRequestsPerClient);
    QCOMPARE(upstream.received, kFits);
    QCOMPARE(int(statuses.count(200)), kFits);
    QCOMPARE(int(statuses.count(429)), kClients * kRequestsPerClient - kFits);
    QVERIFY2(load.refusal.contains("budget_exceeded") && load.refusal.contains("team agent"), load.refusal.constData());
    for (ServeProcess& process : serve) {
        QCOMPARE(::kill(pid_t(process.pid()), SIGTERM), 0);
        QCOMPARE(process.waitForExit(15000), 0);
    }
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM requests WHERE status = 'ok'"), kFits);
    QCOMPARE(countRows(url, "SELECT COUNT(*) FROM budget_holds"), 0);
    QCOMPARE(countRows(url,
                       "SELECT CAST(ROUND(SUM(spent_usd) * 100) AS INTEGER) FROM budget_periods"
                       " WHERE scope LIKE 'key/%/day@%'"),
             kFits);
}

QTEST_GUILESS_MAIN(TestServeSharedBudget)
#include "tst_ServeSharedBudget.moc"
