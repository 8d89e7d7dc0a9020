#include "core/secrets/KeyStore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// The child modes run the app's own KeyStore in a separate process with a throwaway home, so that
// the parent can search its output and every file it could have written for the key.
namespace {

const char* ChildSecretVar = "SWITCHYARD_TEST_CHILD_SECRET";
const char* ChildEnvKeyVar = "SWITCHYARD_TEST_ENV_KEY";

ProviderConfig provider(const QString& id, const QString& keyEnv = {})
{
    ProviderConfig p;
    p.id = id;
    p.keyEnv = keyEnv;
    return p;
}

QString uniqueId(const QString& prefix)
{
    return prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

QString uniqueSecret()
{
    return QStringLiteral("sk-test-") + QUuid::createUuid().toString(QUuid::Id128);
}

// Writes the secret, reads it back through a fresh KeyStore, deletes it; prints progress (never the key).
int childRoundTrip()
{
    const QString secret = qEnvironmentVariable(ChildSecretVar);
    const QString id = uniqueId(QStringLiteral("child"));
    QTextStream out(stdout);
    KeyStore writer;
    QSignalSpy written(&writer, &KeyStore::keyWritten);
    writer.writeKey(id, secret);
    if (!written.wait(20000) || !written.at(0).at(1).toBool()) {
        out << "write failed: " << (written.isEmpty() ? QString() : written.at(0).at(2).toString()) << Qt::endl;
        return 2;
    }
    KeyStore reader;
    QSignalSpy read(&reader, &KeyStore::keyRead);
    reader.readKey(id);
    if (!read.wait(20000) || reader.key(provider(id)) != secret) {
        out << "read failed" << Qt::endl;
        return 3;
    }
    out << "read back " << KeyStore::masked(reader.key(provider(id))) << Qt::endl;
    QSignalSpy deleted(&reader, &KeyStore::keyDeleted);
    reader.deleteKey(id);
    if (!deleted.wait(20000) || !deleted.at(0).at(1).toBool()) {
        out << "delete failed" << Qt::endl;
        return 4;
    }
    out << "round trip ok" << Qt::endl;
    return 0;
}

// Pointed at a D-Bus that does not exist: the keychain refuses, the environment key still works.
int childNoKeychain()
{
    const QString secret = qEnvironmentVariable(ChildSecretVar);
    QTextStream out(stdout);
    KeyStore store;
    QSignalSpy written(&store, &KeyStore::keyWritten);
    store.writeKey(QStringLiteral("openai"), secret);
    if (!written.wait(20000)) {
        out << "no answer" << Qt::endl;
        return 2;
    }
    if (written.at(0).at(1).toBool() || store.keychainAvailable()) {
        out << "keychain unexpectedly available" << Qt::endl;
        return 3;
    }
    out << "write refused: " << written.at(0).at(2).toString() << Qt::endl;
    out << "keychainError: " << store.keychainError() << Qt::endl;
    const ProviderConfig p = provider(QStringLiteral("openai"), QString::fromLatin1(ChildEnvKeyVar));
    if (store.key(p) != qEnvironmentVariable(ChildEnvKeyVar) || store.source(p) != KeyStore::Source::Environment) {
        out << "environment key not used" << Qt::endl;
        return 4;
    }
    out << "environment key used: " << store.sourceText(p) << Qt::endl;
    return 0;
}

QStringList filesContaining(const QString& dir, const QByteArray& needle, int* fileCount)
{
    QStringList hits;
    *fileCount = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++*fileCount;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) {
            hits << path;
        }
    }
    return hits;
}

} // namespace

// A macro, since QSKIP must return from the test function itself.
#define REQUIRE_SECRET_SERVICE()                                                                                       \
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {                                                     \
        QSKIP("needs a Secret Service: run through tests/run.sh (dbus-run-session + gnome-keyring)");                  \
    }

class TestKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void masked_data();
    void masked();
    void key_withoutKeychainEntry_usesEnvironment();

    void writeThenRead_roundTrip();
    void overwrite_readsNewKey();
    void delete_thenReadFindsNothing();
    void readUnknownProvider_isNoKeyNotAnError();
    void preload_readsAllThenSignals();
    void keychainKey_winsOverEnvironment();

    void childProcess_keyNeverInFilesOrOutput();
    void noKeychainService_saysSoAndEnvironmentStillWorks();

private:
    QProcess* runChild(const QString& mode, const QString& home, const QString& secret, bool breakDbus);
};

void TestKeyStore::masked_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty key shows nothing") << QString() << QString();
    QTest::newRow("short key shows only an ellipsis") << QStringLiteral("abc123") << QStringLiteral("…");
    QTest::newRow("openai key keeps prefix and last four")
        << QStringLiteral("sk-proj-abcdefghijklmnop9f3a") << QStringLiteral("sk-…9f3a");
}

void TestKeyStore::masked()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QCOMPARE(KeyStore::masked(key), expected);
}

void TestKeyStore::key_withoutKeychainEntry_usesEnvironment()
{
    qputenv("SWITCHYARD_TST_KEY", "env-secret-value");
    KeyStore store;
    const ProviderConfig p = provider(QStringLiteral("x"), QStringLiteral("SWITCHYARD_TST_KEY"));
    QCOMPARE(store.key(p), QStringLiteral("env-secret-value"));
    QCOMPARE(store.source(p), KeyStore::Source::Environment);
    QCOMPARE(store.sourceText(p), QStringLiteral("from SWITCHYARD_TST_KEY"));
    QCOMPARE(store.source(provider(QStringLiteral("local"))), KeyStore::Source::None);
    qunsetenv("SWITCHYARD_TST_KEY");
    QCOMPARE(store.key(p), QString());
}

void TestKeyStore::writeThenRead_roundTrip()
{
    REQUIRE_SECRET_SERVICE();
    const QString id = uniqueId(QStringLiteral("rt"));
    const QString secret = uniqueSecret();
    KeyStore writer;
    QSignalSpy written(&writer, &KeyStore::keyWritten);
    writer.writeKey(id, secret);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000);
    QVERIFY2(written.at(0).at(1).toBool(), qPrintable(written.at(0).at(2).toString()));
    QVERIFY(writer.keychainAvailable());

    KeyStore reader; // a fresh cache: the key must come from the keychain
    QSignalSpy read(&reader, &KeyStore::keyRead);
    reader.readKey(id);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 20000);
    QCOMPARE(read.at(0).at(1).toBool(), true);
    QCOMPARE(reader.key(provider(id)), secret);
    QCOMPARE(reader.source(provider(id)), KeyStore::Source::Keychain);
    reader.deleteKey(id);
    QTRY_VERIFY_WITH_TIMEOUT(!reader.isBusy(), 20000);
}

void TestKeyStore::overwrite_readsNewKey()
{
    REQUIRE_SECRET_SERVICE();
    const QString id = uniqueId(QStringLiteral("ow"));
    KeyStore store;
    QSignalSpy written(&store, &KeyStore::keyWritten);
    store.writeKey(id, QStringLiteral("first-secret-1111"));
    store.writeKey(id, QStringLiteral("second-secret-2222"));
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, 20000);
    QVERIFY(written.at(1).at(1).toBool());

    KeyStore reader;
    QSignalSpy read(&reader, &KeyStore::keyRead);
    reader.readKey(id);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 20000);
    QCOMPARE(reader.key(provider(id)), QStringLiteral("second-secret-2222"));
    reader.deleteKey(id);
    QTRY_VERIFY_WITH_TIMEOUT(!reader.isBusy(), 20000);
}

void TestKeyStore::delete_thenReadFindsNothing()
{
    REQUIRE_SECRET_SERVICE();
    const QString id = uniqueId(QStringLiteral("del"));
    KeyStore store;
    QSignalSpy deleted(&store, &KeyStore::keyDeleted);
    store.writeKey(id, uniqueSecret());
    store.deleteKey(id);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 20000);
    QVERIFY(deleted.at(0).at(1).toBool());
    QVERIFY(!store.hasCachedKey(id));

    KeyStore reader;
    QSignalSpy read(&reader, &KeyStore::keyRead);
    reader.readKey(id);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 20000);
    QCOMPARE(read.at(0).at(1).toBool(), false);
    QCOMPARE(reader.key(provider(id)), QString());
}

void TestKeyStore::readUnknownProvider_isNoKeyNotAnError()
{
    REQUIRE_SECRET_SERVICE();
    KeyStore store;
    QSignalSpy read(&store, &KeyStore::keyRead);
    store.readKey(uniqueId(QStringLiteral("never-stored")));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 20000);
    QCOMPARE(read.at(0).at(1).toBool(), false);
    QVERIFY(store.keychainAvailable());
    QCOMPARE(store.keychainError(), QString());
}

void TestKeyStore::preload_readsAllThenSignals()
{
    REQUIRE_SECRET_SERVICE();
    const QString a = uniqueId(QStringLiteral("pa"));
    const QString b = uniqueId(QStringLiteral("pb"));
    KeyStore writer;
    writer.writeKey(a, QStringLiteral("preload-secret-aaaa"));
    QTRY_VERIFY_WITH_TIMEOUT(!writer.isBusy(), 20000);

    KeyStore store;
    QSignalSpy read(&store, &KeyStore::keyRead);
    QSignalSpy done(&store, &KeyStore::preloaded);
    store.preload({ a, b });
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    QCOMPARE(read.size(), 2); // both reads answered before preloaded()
    QVERIFY(store.hasCachedKey(a));
    QVERIFY(!store.hasCachedKey(b));
    store.deleteKey(a);
    QTRY_VERIFY_WITH_TIMEOUT(!store.isBusy(), 20000);
}

void TestKeyStore::keychainKey_winsOverEnvironment()
{
    REQUIRE_SECRET_SERVICE();
    qputenv("SWITCHYARD_TST_KEY2", "env-value-zzzz");
    const QString id = uniqueId(QStringLiteral("both"));
    KeyStore store;
    const ProviderConfig p = provider(id, QStringLiteral("SWITCHYARD_TST_KEY2"));
    QCOMPARE(store.source(p), KeyStore::Source::Environment);
    store.writeKey(id, QStringLiteral("keychain-value-yyyy"));
    QTRY_COMPARE_WITH_TIMEOUT(store.source(p), KeyStore::Source::Keychain, 20000);
    QCOMPARE(store.key(p), QStringLiteral("keychain-value-yyyy"));
    store.deleteKey(id);
    QTRY_COMPARE_WITH_TIMEOUT(store.source(p), KeyStore::Source::Environment, 20000);
    qunsetenv("SWITCHYARD_TST_KEY2");
}

QProcess* TestKeyStore::runChild(const QString& mode, const QString& home, const QString& secret, bool breakDbus)
{
    auto* child = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    env.insert(QString::fromLatin1(ChildSecretVar), secret);
    if (breakDbus) {
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QString::fromLatin1(ChildEnvKeyVar), secret);
    }
    child->setProcessEnvironment(env);
    child->setProcessChannelMode(QProcess::MergedChannels);
    child->start(QCoreApplication::applicationFilePath(), { mode });
    return child;
}

void TestKeyStore::childProcess_keyNeverInFilesOrOutput()
{
    REQUIRE_SECRET_SERVICE();
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString secret = uniqueSecret();
    QProcess* child = runChild(QStringLiteral("--child-roundtrip"), home.path(), secret, false);
    QSignalSpy finished(child, &QProcess::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const QByteArray output = child->readAll();
    QVERIFY2(child->exitCode() == 0, output.constData());
    QVERIFY(output.contains("round trip ok"));
    QVERIFY(output.contains(KeyStore::masked(secret).toUtf8()));
    QVERIFY2(!output.contains(secret.toUtf8()), "the key appeared in the child's output");
    int files = 0;
    const QStringList hits = filesContaining(home.path(), secret.toUtf8(), &files);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
}

void TestKeyStore::noKeychainService_saysSoAndEnvironmentStillWorks()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString secret = uniqueSecret();
    QProcess* child = runChild(QStringLiteral("--child-nokeychain"), home.path(), secret, true);
    QSignalSpy finished(child, &QProcess::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const QByteArray output = child->readAll();
    QVERIFY2(child->exitCode() == 0, output.constData());
    QVERIFY(output.contains("No keychain service is running"));
    QVERIFY(output.contains("environment key used: from SWITCHYARD_TEST_ENV_KEY"));
    QVERIFY2(!output.contains(secret.toUtf8()), "the key appeared in the child's output");
    int files = 0;
    const QStringList hits = filesContaining(home.path(), secret.toUtf8(), &files);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    QCOMPARE(files, 0); // no plain-text fallback, nor anything else, was written
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--child-roundtrip"))) {
        return childRoundTrip();
    }
    if (args.contains(QStringLiteral("--child-nokeychain"))) {
        return childNoKeychain();
    }
    TestKeyStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_KeyStore.moc"
