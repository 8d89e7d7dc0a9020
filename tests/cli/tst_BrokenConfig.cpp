#include "CliRun.h"
#include "ServeProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <csignal>

// A broken providers.json or routing.json is never a silent outage: with a last good copy the
// commands run on it and say so loudly (/health degraded); without one they refuse to run.
class TestBrokenConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void brokenFile_runsOnLastGoodOrRefuses_data();
    void brokenFile_runsOnLastGoodOrRefuses();

private:
    using Run = CliRun;
    static Run run(const QString& home, const QStringList& arguments);

    QTemporaryDir m_settings;
};

void TestBrokenConfig::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

TestBrokenConfig::Run TestBrokenConfig::run(const QString& home, const QStringList& arguments)
{
    return CliRun::of(QStringList { QStringLiteral("--home"), home } + arguments);
}

void TestBrokenConfig::brokenFile_runsOnLastGoodOrRefuses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("lastGood");
    const struct
    {
        const char* name;
        const char* file;
        QByteArray content;
    } breakages[] = {
        { "providers.json emptied to 0 bytes", "providers.json", QByteArray() },
        { "providers.json cut off mid-write", "providers.json",
          R"({"format":"switchyard-providers","version":1,"providers":[{"id":"open)" },
        { "providers.json models of the wrong type", "providers.json",
          R"({"format":"switchyard-providers","version":1,"providers":[],"models":"all"})" },
        { "routing.json emptied to 0 bytes", "routing.json", QByteArray() },
        { "routing.json from a newer version", "routing.json", R"({"format":"switchyard-routing","version":99})" },
        { "routing.json tiers of the wrong type", "routing.json",
          R"({"format":"switchyard-routing","version":1,"tiers":"fast"})" },
    };
    for (const auto& breakage : breakages) {
        for (const bool lastGood : { true, false }) {
            QTest::addRow("%s, %s", breakage.name, lastGood ? "last good copy kept" : "no last good copy")
                << QString::fromLatin1(breakage.file) << breakage.content << lastGood;
        }
    }
}

void TestBrokenConfig::brokenFile_runsOnLastGoodOrRefuses()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(bool, lastGood);
    QTemporaryDir home;
    if (lastGood) {
        // Three models and their fallbacks, saved the way a user does it.
        const Run imported = run(home.path(),
                                 { QStringLiteral("import"), QStringLiteral("litellm-config"),
                                   QStringLiteral(SWITCHYARD_TESTS_DIR "/config/data/simple-openai-anthropic.yaml") });
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
    }
    QFile broken(home.filePath(file));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write(content);
    broken.close();

    const Run models = run(home.path(), { QStringLiteral("models"), QStringLiteral("--json") });
    QVERIFY2(models.err.contains(file.toUtf8()), models.err.constData()); // the error names the file
    ServeProcess serve;
    const bool served = serve.start(home.path(), {}, { QStringLiteral("--quiet") });
    if (!lastGood) {
        QCOMPARE(models.exitCode, 78);
        QVERIFY(models.out.isEmpty());
        QVERIFY2(models.err.contains("the configuration cannot be used"), models.err.constData());
        QVERIFY(!served);
        QCOMPARE(serve.waitForExit(10000), 78);
        return;
    }
    QCOMPARE(models.exitCode, 0);
    QVERIFY2(models.err.contains("last good configuration"), models.err.constData());
    const QJsonArray listed = QJsonDocument::fromJson(models.out).object().value(QLatin1String("models")).toArray();
    QCOMPARE(listed.size(), 3);

    QVERIFY(served);
    const QJsonObject health = serve.health();
    QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QVERIFY(health.value(QLatin1String("problems"))
                .toArray()
                .first()
                .toString()
                .contains(QLatin1String("last good configuration")));
    QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
    QCOMPARE(serve.waitForExit(10000), 0);
}

QTEST_GUILESS_MAIN(TestBrokenConfig)
#include "tst_BrokenConfig.moc"
