#include "PostgresServer.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerUrl.h"
#include "core/secrets/KeyStore.h"
#include "core/settings/AppSettings.h"
#include "ui/settings/LedgerLocationBox.h"
#include "ui/settings/SettingsDialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// Settings > Shared ledger on a real PostgreSQL server (tests/postgres/pg-server.sh) whose role
// needs a password, with the password in the real keychain (gnome-keyring in tests/run.sh's D-Bus
// session): "Test connection" says what it found, Save keeps the URL without its password and the
// password in the keychain only, and the next start connects with it.
class tst_SettingsLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void testConnection_saysWhatItFound_data();
    void testConnection_saysWhatItFound();
    void notAUrl_keepsTheDialogOpenNamingTheField();
    void save_passwordOnlyInTheKeychain_nextStartConnects();

private:
    static constexpr const char* kPassword = "pw-Zebra-42";

    PostgresServer m_server;
    QUrl m_url; // gateway_pw on a fresh database, without a password
    QString m_redacted; // the same, as LedgerUrl writes it
    QString m_ownerUrl; // the database as its owner (trusted, no password) reaches it
    QTemporaryDir m_home;
};

void tst_SettingsLedger::initTestCase()
{
    if (!m_server.start()) {
        QSKIP(qPrintable(m_server.skipReason()));
    }
    QVERIFY(m_server.exec("DO $$ BEGIN CREATE ROLE password_required NOLOGIN; EXCEPTION WHEN duplicate_object "
                          "THEN NULL; END $$"));
    QVERIFY2(m_server.exec(QStringLiteral("CREATE ROLE gateway_pw LOGIN PASSWORD '%1' IN ROLE password_required")
                               .arg(QLatin1String(kPassword))),
             qPrintable(m_server.lastError()));
    m_url = QUrl(m_server.createDatabase());
    m_ownerUrl = m_url.toString();
    QVERIFY(m_server.exec(QStringLiteral("GRANT ALL ON SCHEMA public TO gateway_pw"), m_ownerUrl));
    m_url.setUserName(QStringLiteral("gateway_pw"));
    const std::optional<LedgerUrl> parsed = LedgerUrl::parse(m_url.toString(), nullptr);
    QVERIFY(parsed);
    m_redacted = parsed->redacted();
    HomeSettings::setHomeDir(m_home.path());
}

void tst_SettingsLedger::init()
{
    // Nothing left in this process's memory from an earlier test: the keychain must supply it.
    LedgerUrl::setPassword(m_redacted, QString());
    QFile::remove(HomeSettings::filePath());
}

void tst_SettingsLedger::testConnection_saysWhatItFound_data()
{
    QTest::addColumn<QString>("url"); // %1: the server's port
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("says");
    QTest::newRow("right password: the server and that no ledger is there yet")
        << QString() << QString::fromLatin1(kPassword) << true << "Connected to PostgreSQL 15";
    QTest::newRow("wrong password: the server's refusal, not the password")
        << QString() << "wrong-Kiwi-7" << false << "password authentication failed";
    QTest::newRow("nobody listening: cannot connect, naming the place")
        << "postgresql://gateway_pw@127.0.0.1:1/x" << QString::fromLatin1(kPassword) << false
        << "Cannot connect to postgresql://gateway_pw@127.0.0.1:1/x";
    QTest::newRow("an unknown URL parameter, by name")
        << "postgresql://u@127.0.0.1/x?bogus=1" << QString() << false << "bogus";
}

void tst_SettingsLedger::testConnection_saysWhatItFound()
{
    QFETCH(QString, url);
    QFETCH(QString, password);
    QFETCH(bool, ok);
    QFETCH(QString, says);
    AppSettings settings;
    LedgerLocationBox box(settings, nullptr);
    box.urlEdit()->setText(url.isEmpty() ? m_url.toString() : url);
    box.findChild<QLineEdit*>(QStringLiteral("databasePassword"))->setText(password);
    QSignalSpy finished(&box, &LedgerLocationBox::checkFinished);
    QTest::mouseClick(box.findChild<QPushButton*>(QStringLiteral("testDatabase")), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(15000));
    QCOMPARE(finished.at(0).at(0).toBool(), ok);
    const QString shown = box.findChild<QLabel*>(QStringLiteral("databaseStatus"))->text();
    QCOMPARE(shown, finished.at(0).at(1).toString());
    QVERIFY2(shown.contains(says), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("Kiwi")) && !shown.contains(QLatin1String("Zebra")), qPrintable(shown));
}

void tst_SettingsLedger::notAUrl_keepsTheDialogOpenNamingTheField()
{
    AppSettings settings;
    SettingsDialog dialog(settings, m_home.path());
    dialog.findChild<QLineEdit*>(QStringLiteral("databaseUrl"))->setText(QStringLiteral("mysql://u@host/db"));
    QVERIFY(!dialog.save());
    const QString problem = dialog.findChild<QLabel*>(QStringLiteral("settingsProblem"))->text();
    QVERIFY2(problem.startsWith(QLatin1String("Shared ledger: ")), qPrintable(problem));
    QVERIFY(settings.value(AppSettings::DatabaseUrl).toString().isEmpty());

    // Without a keychain a password pasted in the URL could not be kept: refused, not dropped.
    QUrl withPassword = m_url;
    withPassword.setPassword(QString::fromLatin1(kPassword));
    dialog.findChild<QLineEdit*>(QStringLiteral("databaseUrl"))->setText(withPassword.toString());
    QVERIFY(!dialog.save());
    const QString refused = dialog.findChild<QLabel*>(QStringLiteral("settingsProblem"))->text();
    QVERIFY2(refused.contains(QLatin1String("PGPASSFILE")) && !refused.contains(QLatin1String("Zebra")),
             qPrintable(refused));
    QVERIFY(settings.value(AppSettings::DatabaseUrl).toString().isEmpty());
}

void tst_SettingsLedger::save_passwordOnlyInTheKeychain_nextStartConnects()
{
    {
        KeyStore probe;
        probe.writeKey(QStringLiteral("switchyard-test-probe"), QStringLiteral("x"));
        QSignalSpy written(&probe, &KeyStore::keyWritten);
        QVERIFY(written.wait(10000));
        if (!written.at(0).at(1).toBool()) {
            QSKIP("no keychain service in this session (tests/run.sh starts gnome-keyring)");
        }
        probe.deleteKey(QStringLiteral("switchyard-test-probe"));
    }
    QUrl withPassword = m_url;
    withPassword.setPassword(QString::fromLatin1(kPassword));
    {
        AppSettings settings;
        KeyStore keys;
        SettingsDialog dialog(settings, m_home.path(), &keys);
        // Pasted with its password, as connection strings often are.
        dialog.findChild<QLineEdit*>(QStringLiteral("databaseUrl"))->setText(withPassword.toString());
        QSignalSpy written(&keys, &KeyStore::keyWritten);
        QVERIFY(dialog.save());
        QVERIFY(written.wait(10000));
        QVERIFY2(written.at(0).at(1).toBool(), qPrintable(written.at(0).at(2).toString()));
        QCOMPARE(settings.value(AppSettings::DatabaseUrl).toString(), m_redacted);
        settings.sync();
    }
    QFile ini(HomeSettings::filePath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray stored = ini.readAll();
    QVERIFY2(stored.contains(m_url.host().toUtf8()) && !stored.contains("Zebra"), stored.constData());
    const std::optional<LedgerUrl> url = LedgerUrl::parse(m_url.toString(), nullptr);
    QVERIFY(url);
    {
        KeyStore keys;
        QCOMPARE(keys.readSecretNow(url->keychainEntry()), QString::fromLatin1(kPassword));
    }

    // The next start: the setting chooses PostgreSQL, the keychain gives the password.
    LedgerUrl::setPassword(url->redacted(), QString());
    Engine engine;
    Engine::Options options;
    options.homeDir = m_home.path();
    options.sandbox = true;
    options.useKeychain = true;
    QVERIFY2(engine.open(options), qPrintable(engine.errorString()));
    QCOMPARE(engine.ledgerPath(), m_redacted);
    QVERIFY2(engine.ledger(), qPrintable(engine.warnings().join(QLatin1Char('\n'))));
    // The schema is there, created by gateway_pw with the keychain's password.
    QVERIFY2(m_server.exec(QStringLiteral("SELECT 1 FROM requests WHERE false"), m_ownerUrl),
             qPrintable(m_server.lastError()));
    {
        KeyStore keys;
        keys.deleteKey(url->keychainEntry());
        QSignalSpy deleted(&keys, &KeyStore::keyDeleted);
        QVERIFY(deleted.wait(10000));
    }
}

QTEST_MAIN(tst_SettingsLedger)
#include "tst_SettingsLedger.moc"
