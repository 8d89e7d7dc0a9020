#include "CliRun.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `switchyard keys` and `serve` as real processes: a key is printed once and never stored, a
// running gateway refuses requests without it, records the key on each row, and refuses it on
// the next request after `keys revoke` ran in another process.
class TestCliKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createListRevoke_againstARunningGateway();
    void badUsage_exitsWithOneLineError_data();
    void badUsage_exitsWithOneLineError();
    void serveBeyondLoopback_refusesWithoutTlsOrChoice();

private:
    using Run = CliRun;
    Run run(const QStringList& arguments);
    int post(const QByteArray& key);

    std::unique_ptr<QTemporaryDir> m_home;
    QTemporaryDir m_settings;
    std::unique_ptr<QProcess> m_serve;
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
};

void TestCliKeys::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

void TestCliKeys::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliKeys::cleanup()
{
    if (m_serve) {
        m_serve->terminate();
        m_serve->waitForFinished(15000);
        m_serve.reset();
    }
}

TestCliKeys::Run TestCliKeys::run(const QStringList& arguments)
{
    return CliRun::of(QStringList { QStringLiteral("--home"), m_home->path() } + arguments);
}

int TestCliKeys::post(const QByteArray& key)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!key.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + key);
    }
    QNetworkReply* reply = m_nam.post(
        request, QByteArrayLiteral(R"({"model":"sandbox/gpt-4.1-mini","messages":[{"role":"user","content":"hi"}]})"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(20000);
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestCliKeys::createListRevoke_againstARunningGateway()
{
    const Run created
        = run({ QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ci agent"),
                QStringLiteral("--daily-usd"), QStringLiteral("2"), QStringLiteral("--rpm"), QStringLiteral("100") });
    QCOMPARE(created.exitCode, 0);
    const QByteArray key = created.out.trimmed();
    QVERIFY2(key.startsWith("sk-sy-"), created.out.constData());
    QVERIFY(created.err.contains("shown only now"));

    // Stored as a hash only.
    QFile file(QDir(m_home->path()).filePath(QStringLiteral("client-keys.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    // "sk-sy-" + an 8-digit id + "-" + the secret, which is base64url and may hold '-' itself.
    QVERIFY(!file.readAll().contains(key.sliced(qstrlen("sk-sy-") + 8 + 1)));

    const Run listed = run({ QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray keys = QJsonDocument::fromJson(listed.out).object().value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("ci agent"));
    QCOMPARE(keys.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(keys.at(0).toObject().value(QLatin1String("daily_budget_usd")).toDouble(), 2.0);
    QCOMPARE(keys.at(0).toObject().value(QLatin1String("allow_unpriced")), QJsonValue(false));
    QVERIFY(!listed.out.contains(key));

    // Whether the key's budget lets unpriced models through is changed in place, by name.
    QCOMPARE(
        run({ QStringLiteral("keys"), QStringLiteral("unpriced"), QStringLiteral("ci agent"), QStringLiteral("allow") })
            .exitCode,
        0);
    const Run relisted = run({ QStringLiteral("keys"), QStringLiteral("list") });
    QVERIFY2(relisted.out.contains("unpriced allowed"), relisted.out.constData());

    m_serve = std::make_unique<QProcess>();
    m_serve->start(QStringLiteral(SWITCHYARD_BINARY),
                   { QStringLiteral("--home"), m_home->path(), QStringLiteral("--sandbox"), QStringLiteral("serve"),
                     QStringLiteral("--port"), QStringLiteral("0") });
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += m_serve->readAllStandardOutput()).contains("/v1"), 20000);
    const QRegularExpressionMatch port
        = QRegularExpression(QStringLiteral(":(\\d+)/v1")).match(QString::fromUtf8(banner));
    QVERIFY2(port.hasMatch(), banner.constData());
    m_port = quint16(port.captured(1).toUInt());
    QVERIFY(banner.contains("client key"));

    QCOMPARE(post({}), 401);
    QCOMPARE(post(key), 200);
    QCOMPARE(post(key), 200);

    const Run revoked = run({ QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("ci agent") });
    QCOMPARE(revoked.exitCode, 0);
    QCOMPARE(post(key), 401);

    m_serve->terminate();
    QVERIFY(m_serve->waitForFinished(20000));
    const QByteArray log = m_serve->readAllStandardError();
    QVERIFY(!log.contains(key)); // the key never reaches the log
    m_serve.reset();

    // Both answered requests are in the ledger under the key's id.
    const QString keyId = QString::fromLatin1(key.sliced(6, 8));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(QDir(m_home->path()).filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT client_key, COUNT(*) FROM requests GROUP BY client_key")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), keyId);
        QCOMPARE(query.value(1).toInt(), 2);
        QVERIFY(!query.next());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestCliKeys::badUsage_exitsWithOneLineError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("create without a name") << QStringList { "keys", "create" } << "--name";
    QTest::newRow("negative budget") << QStringList { "keys", "create", "--name", "x", "--daily-usd", "-1" }
                                     << "daily-usd";
    QTest::newRow("expiry in the past") << QStringList { "keys", "create", "--name", "x", "--expires", "2001-01-01" }
                                        << "past";
    QTest::newRow("revoke an unknown key") << QStringList { "keys", "revoke", "nobody" } << "nobody";
    QTest::newRow("unknown action") << QStringList { "keys", "rotate" } << "create, list, revoke";
    QTest::newRow("unpriced without allow or refuse")
        << QStringList { "keys", "unpriced", "x", "maybe" } << "allow or refuse";
    QTest::newRow("unpriced for an unknown key") << QStringList { "keys", "unpriced", "nobody", "allow" } << "nobody";
}

void TestCliKeys::badUsage_exitsWithOneLineError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    const Run result = run(arguments);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(fragment.toUtf8()), result.err.constData());
    QCOMPARE(result.err.count('\n'), 1);
}

void TestCliKeys::serveBeyondLoopback_refusesWithoutTlsOrChoice()
{
    QCOMPARE(run({ QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("team") })
                 .exitCode,
             0);
    const Run refused = run({ QStringLiteral("--sandbox"), QStringLiteral("serve"), QStringLiteral("--bind"),
                              QStringLiteral("0.0.0.0"), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("--insecure-http"), refused.err.constData());
}

QTEST_GUILESS_MAIN(TestCliKeys)
#include "tst_CliKeys.moc"
