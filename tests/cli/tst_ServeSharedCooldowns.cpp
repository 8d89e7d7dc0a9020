#include "CannedUpstream.h"
#include "PostgresServer.h"
#include "ServeProcess.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>

// Issue 21: two `switchyard serve` processes on one PostgreSQL ledger (started by the test) share
// their cooldowns. The first gateway's requests find a deployment failing until its breaker opens;
// from then on the second gateway sends that deployment nothing either, counted by the failing
// upstream itself, although the second gateway never saw a failure of its own.
class TestServeSharedCooldowns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void breakerOpenedByOneGateway_theOtherSendsNothingThere();

private:
    QTemporaryDir m_settings;
    PostgresServer m_server;
};

void TestServeSharedCooldowns::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
}

void TestServeSharedCooldowns::breakerOpenedByOneGateway_theOtherSendsNothingThere()
{
    // Every chat completion fails with 503.
    CannedUpstream upstream(503, R"({"error":{"message":"overloaded","type":"server_error","code":null}})");
    QVERIFY(upstream.isListening());
    const QString url = m_server.createDatabase(QStringLiteral("cooldowns"));
    QTemporaryDir homes[2];
    ServeProcess serve[2];
    for (int i = 0; i < 2; ++i) {
        QVERIFY(upstream.writeProviders(homes[i].path(), 1, 1));
        QVERIFY2(serve[i].start(homes[i].path(), { QStringLiteral("--database"), url }, { QStringLiteral("--quiet") }),
                 serve[i].standardError().constData());
    }
    // Both listen before anything fails: a notification sent before a process listens is not
    // kept for it (it finds a failing deployment out by itself).
    for (ServeProcess& gateway : serve) {
        QTRY_VERIFY_WITH_TIMEOUT(gateway.standardError().contains("Cooldowns are shared through the ledger database"),
                                 15000);
    }
    QNetworkAccessManager nam;
    QByteArray lastBody;
    auto ask = [&](ServeProcess& gateway) {
        const ClientCall call
            = ClientCall::send(nam, gateway.url(QStringLiteral("/v1/chat/completions")), QStringLiteral("m"), false);
        QSignalSpy done(call.reply, &QNetworkReply::finished);
        if (!done.wait(20000)) {
            return -1;
        }
        lastBody = call.reply->readAll();
        call.reply->deleteLater();
        return call.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };

    // The first gateway's breaker opens after three failures in a minute (the default): its next
    // request is refused without reaching the upstream.
    int sentBeforeOpen = -1;
    for (int i = 0; i < 10 && sentBeforeOpen < 0; ++i) {
        const int before = upstream.received;
        QVERIFY(ask(serve[0]) >= 500);
        if (upstream.received == before) {
            sentBeforeOpen = before;
        }
    }
    QVERIFY2(sentBeforeOpen >= 3, qPrintable(QString::number(sentBeforeOpen)));
    QVERIFY2(lastBody.contains("cool"), lastBody.constData());

    // The second gateway saw no failure, yet sends the deployment nothing: once the notification
    // has crossed the database (its /metrics shows the breaker open; within a second or two even
    // on a loaded machine), its requests are refused without reaching the upstream.
    auto circuitOpen = [&nam](ServeProcess& gateway) {
        QNetworkReply* reply = nam.get(QNetworkRequest(gateway.url(QStringLiteral("/metrics"))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool answered = done.wait(5000);
        const QByteArray text = answered ? reply->readAll() : QByteArray();
        reply->deleteLater();
        return text.contains("switchyard_circuit_state{model=\"m\"} 2");
    };
    QTRY_VERIFY_WITH_TIMEOUT(circuitOpen(serve[1]), 10000);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(ask(serve[1]) >= 500);
        QVERIFY2(lastBody.contains("cool"), lastBody.constData());
    }
    QCOMPARE(upstream.received, sentBeforeOpen);

    for (ServeProcess& process : serve) {
        QCOMPARE(::kill(pid_t(process.pid()), SIGTERM), 0);
        QCOMPARE(process.waitForExit(15000), 0);
    }
}

QTEST_GUILESS_MAIN(TestServeSharedCooldowns)
#include "tst_ServeSharedCooldowns.moc"
