#include "CannedUpstream.h"
#include "CliRun.h"
#include "ServeProcess.h"

#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <csignal>

// One configuration for a team, in the ledger database: `team push` makes this home's
// providers.json, routing.json and client-keys.json the next version, `team pull` brings a version
// into another home byte for byte, `team history` says who pushed what; a push made on an older
// version than the newest is refused rather than undoing someone's change; the documented gateway
// role cannot push; and `serve --team-config` applies each new version while it runs.
class TestCliTeamConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void push_pull_history_filesArriveWhole();
    void pushOnAnOlderVersion_isRefusedNamingTheNewer();
    void roles_gatewayCannotPush_adminCan();
    void serveFollows_aKeyPushedElsewhereIsAcceptedWithinSeconds();

private:
    CliRun team(const QString& home, const QString& url, const QStringList& arguments);
    QByteArray createKey(const QString& home, const QString& name);

    QTemporaryDir m_settings;
    PostgresServer m_server;
};

namespace {
QByteArray contents(const QString& home, const QString& name)
{
    QFile file(QDir(home).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QString withUser(const QString& url, const QString& user)
{
    QUrl changed(url);
    changed.setUserName(user);
    return changed.toString();
}
} // namespace

void TestCliTeamConfig::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
}

CliRun TestCliTeamConfig::team(const QString& home, const QString& url, const QStringList& arguments)
{
    return CliRun::of(
        QStringList { QStringLiteral("--home"), home, QStringLiteral("--database"), url, QStringLiteral("team") }
        + arguments);
}

QByteArray TestCliTeamConfig::createKey(const QString& home, const QString& name)
{
    const CliRun created = CliRun::of({ QStringLiteral("--home"), home, QStringLiteral("keys"),
                                        QStringLiteral("create"), QStringLiteral("--name"), name });
    return created.exitCode == 0 ? created.out.trimmed() : QByteArray();
}

void TestCliTeamConfig::push_pull_history_filesArriveWhole()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ok", 2, "stop"));
    const QString url = m_server.createDatabase();
    QTemporaryDir alice;
    QTemporaryDir bob;
    QVERIFY(upstream.writeProviders(alice.path(), 1, 2));
    QVERIFY(!createKey(alice.path(), QStringLiteral("ci")).isEmpty());

    const CliRun pushed = team(alice.path(), url, { QStringLiteral("push"), QStringLiteral("--note"), "first setup" });
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
    QCOMPARE(pushed.out.trimmed(), QByteArray("Pushed version 1."));

    const CliRun pulled = team(bob.path(), url, { QStringLiteral("pull") });
    QVERIFY2(pulled.exitCode == 0, pulled.err.constData());
    QVERIFY2(pulled.out.contains("version 1, pushed by switchyard") && pulled.out.contains("first setup"),
             pulled.out.constData());
    for (const char* name : { "providers.json", "client-keys.json", "routing.json" }) {
        QCOMPARE(contents(bob.path(), QLatin1String(name)), contents(alice.path(), QLatin1String(name)));
    }

    const CliRun history = team(bob.path(), url, { QStringLiteral("history"), QStringLiteral("--json") });
    QCOMPARE(history.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(history.out).object();
    const QJsonArray versions = object.value("versions").toArray();
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions[0]["version"].toInt(), 1);
    QCOMPARE(versions[0]["changed_by"].toString(), QStringLiteral("switchyard")); // the database's role
    QCOMPARE(versions[0]["note"].toString(), QStringLiteral("first setup"));
    QCOMPARE(object.value("this_home").toInt(), 1);

    // Nothing to pull from an empty database, and a version that is not there, say so.
    const QString empty = m_server.createDatabase();
    const CliRun none = team(bob.path(), empty, { QStringLiteral("pull") });
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("No team configuration has been pushed yet"), none.err.constData());
    const CliRun missing = team(bob.path(), url, { QStringLiteral("pull"), QStringLiteral("--version"), "7" });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("no version 7"), missing.err.constData());
}

void TestCliTeamConfig::pushOnAnOlderVersion_isRefusedNamingTheNewer()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ok", 2, "stop"));
    const QString url = m_server.createDatabase();
    QTemporaryDir alice;
    QTemporaryDir bob;
    QVERIFY(upstream.writeProviders(alice.path(), 1, 2));
    QCOMPARE(team(alice.path(), url, { QStringLiteral("push") }).exitCode, 0);
    QCOMPARE(team(bob.path(), url, { QStringLiteral("pull") }).exitCode, 0);
    // Alice adds a key and pushes version 2; Bob, still on version 1, adds his own.
    QVERIFY(!createKey(alice.path(), QStringLiteral("alice's agent")).isEmpty());
    QCOMPARE(team(alice.path(), url, { QStringLiteral("push"), QStringLiteral("--note"), "alice's key" }).exitCode, 0);
    QVERIFY(!createKey(bob.path(), QStringLiteral("bob's agent")).isEmpty());
    const CliRun refused = team(bob.path(), url, { QStringLiteral("push") });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("version 2, pushed by switchyard") && refused.err.contains("alice's key")
                 && refused.err.contains("(1)") && refused.err.contains("--force"),
             refused.err.constData());
    QCOMPARE(QJsonDocument::fromJson(team(bob.path(), url, { "history", "--json" }).out)["versions"].toArray().size(),
             2);

    // Pulled, changed again, pushed: version 3 has both keys.
    QCOMPARE(team(bob.path(), url, { QStringLiteral("pull") }).exitCode, 0);
    QVERIFY(!createKey(bob.path(), QStringLiteral("bob's agent")).isEmpty());
    const CliRun pushed = team(bob.path(), url, { QStringLiteral("push") });
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
    QCOMPARE(pushed.out.trimmed(), QByteArray("Pushed version 3."));
    QCOMPARE(team(alice.path(), url, { QStringLiteral("pull") }).exitCode, 0);
    const QByteArray keys = contents(alice.path(), QStringLiteral("client-keys.json"));
    QVERIFY(keys.contains("alice's agent") && keys.contains("bob's agent"));

    // A home whose files have errors pushes nothing.
    QTemporaryDir broken;
    QFile providers(QDir(broken.path()).filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::WriteOnly));
    providers.write("{\"format\": \"switchyard-providers\", \"version\": 1, \"providers\": [");
    providers.close();
    const CliRun bad = team(broken.path(), url, { QStringLiteral("push"), QStringLiteral("--force") });
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("providers.json") && bad.err.contains("Not pushed"), bad.err.constData());
    QCOMPARE(QJsonDocument::fromJson(team(bob.path(), url, { "history", "--json" }).out)["versions"].toArray().size(),
             3);
}

void TestCliTeamConfig::roles_gatewayCannotPush_adminCan()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ok", 2, "stop"));
    const QString url = m_server.createDatabase();
    QTemporaryDir owner;
    QVERIFY(upstream.writeProviders(owner.path(), 1, 2));
    QCOMPARE(team(owner.path(), url, { QStringLiteral("push") }).exitCode, 0); // creates the schema
    QVERIFY2(m_server.execScript(QStringLiteral(SWITCHYARD_TESTS_DIR "/../packaging/postgresql/roles.sql"), url),
             qPrintable(m_server.lastError()));
    QVERIFY(m_server.exec(QStringLiteral("CREATE ROLE gw_team LOGIN IN ROLE switchyard_gateway")));
    QVERIFY(m_server.exec(QStringLiteral("CREATE ROLE bob_admin LOGIN IN ROLE switchyard_admin")));

    QTemporaryDir gateway;
    const QString asGateway = withUser(url, QStringLiteral("gw_team"));
    const CliRun pulled = team(gateway.path(), asGateway, { QStringLiteral("pull") });
    QVERIFY2(pulled.exitCode == 0, pulled.err.constData());
    QVERIFY(!createKey(gateway.path(), QStringLiteral("sneaky")).isEmpty());
    const CliRun refused = team(gateway.path(), asGateway, { QStringLiteral("push") });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("permission denied") && refused.err.contains("team_config"), refused.err.constData());

    QTemporaryDir admin;
    const QString asAdmin = withUser(url, QStringLiteral("bob_admin"));
    QCOMPARE(team(admin.path(), asAdmin, { QStringLiteral("pull") }).exitCode, 0);
    QVERIFY(!createKey(admin.path(), QStringLiteral("approved")).isEmpty());
    const CliRun pushed = team(admin.path(), asAdmin, { QStringLiteral("push"), "--note", "approved key" });
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
    const QJsonArray versions
        = QJsonDocument::fromJson(team(gateway.path(), asGateway, { "history", "--json" }).out)["versions"].toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0]["changed_by"].toString(), QStringLiteral("bob_admin"));
}

void TestCliTeamConfig::serveFollows_aKeyPushedElsewhereIsAcceptedWithinSeconds()
{
    CannedUpstream upstream(200, CannedUpstream::completion("ok", 2, "stop"));
    const QString url = m_server.createDatabase();
    QTemporaryDir admin;
    QTemporaryDir gatewayHome; // starts empty: everything it runs on comes from the team
    QVERIFY(upstream.writeProviders(admin.path(), 1, 2));
    const QByteArray first = createKey(admin.path(), QStringLiteral("first"));
    QVERIFY(!first.isEmpty());
    QCOMPARE(team(admin.path(), url, { QStringLiteral("push") }).exitCode, 0);

    ServeProcess serve;
    QVERIFY2(serve.start(gatewayHome.path(), { QStringLiteral("--database"), url },
                         { QStringLiteral("--quiet"), QStringLiteral("--team-config") }),
             serve.standardError().constData());
    QNetworkAccessManager nam;
    auto ask = [&](const QByteArray& key) {
        QNetworkRequest request(serve.url(QStringLiteral("/v1/chat/completions")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!key.isEmpty()) {
            request.setRawHeader("authorization", "Bearer " + key);
        }
        QNetworkReply* reply = nam.post(request, ClientCall::body(QStringLiteral("m"), false));
        QSignalSpy done(reply, &QNetworkReply::finished);
        const int status = done.wait(20000) ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : -1;
        reply->deleteLater();
        return status;
    };
    // Version 1 arrives: its model and its key.
    QTRY_COMPARE_WITH_TIMEOUT(ask(first), 200, 20000);
    QCOMPARE(ask({}), 401);
    const QByteArray second = createKey(admin.path(), QStringLiteral("second"));
    QCOMPARE(ask(second), 401);
    QCOMPARE(team(admin.path(), url, { QStringLiteral("push"), "--note", "second key" }).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(ask(second), 200, 20000);
    const int answered = upstream.received;
    QVERIFY(answered >= 2);

    QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
    QCOMPARE(serve.waitForExit(15000), 0);
    QVERIFY2(serve.standardError().contains("Applied the team configuration's version 2"),
             serve.standardError().constData());
    QCOMPARE(
        QJsonDocument::fromJson(contents(gatewayHome.path(), QStringLiteral("team-config.json")))["version"].toInt(),
        2);
}

QTEST_GUILESS_MAIN(TestCliTeamConfig)
#include "tst_CliTeamConfig.moc"
