// `switchyard primaries` as a real process, over requests `switchyard route` sent through the
// sandbox with a real 503 on the premium tier's primary: the failovers the router recorded are
// what the command counts, and the fallback that answered is the one it suggests promoting.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliPrimaries : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void failoversOfRealRoutes_markThePrimary();
    void badArguments_data();
    void badArguments();

private:
    CliRun run(const QStringList& arguments) const
    {
        return CliRun::of(QStringList { QStringLiteral("--home"), m_home->path() } + arguments);
    }
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliPrimaries::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    // The failover-rate alert's threshold is the mark's: above 40 % over at least 2 requests.
    QFile alerts(QDir(m_home->path()).filePath(QStringLiteral("alerts.json")));
    QVERIFY(alerts.open(QIODevice::WriteOnly));
    alerts.write(R"({ "failover_rate": { "percent": 40, "min_requests": 2 } })");
}

void TestCliPrimaries::failoversOfRealRoutes_markThePrimary()
{
    const QString prompt = QStringLiteral("Analyze the strategy of our two competitors"); // the premium tier
    QString fallback;
    for (int i = 0; i < 2; ++i) {
        const CliRun routed = run({ "--sandbox-fault", "gpt-5=503", "route", "--json", prompt });
        QVERIFY2(routed.exitCode == 0, routed.err.constData());
        const QJsonArray attempts = QJsonDocument::fromJson(routed.out).object().value("attempts").toArray();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).toObject().value("model").toString(), QStringLiteral("sandbox/gpt-5"));
        fallback = attempts.at(1).toObject().value("model").toString();
    }
    const CliRun answered = run({ "--sandbox", "route", "--json", prompt });
    QVERIFY2(answered.exitCode == 0, answered.err.constData());
    QCOMPARE(QJsonDocument::fromJson(answered.out).object().value("model").toString(), QStringLiteral("sandbox/gpt-5"));

    const CliRun json = run({ "--sandbox", "primaries", "--json", "--tier", "premium" });
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value("threshold_percent").toDouble(), 40.0);
    QCOMPARE(object.value("min_requests").toInt(), 2);
    const QJsonArray primaries = object.value("primaries").toArray();
    QCOMPARE(primaries.size(), 1);
    const QJsonObject premium = primaries.at(0).toObject();
    QCOMPARE(premium.value("tier").toString(), QStringLiteral("premium"));
    QCOMPARE(premium.value("primary").toObject().value("model").toString(), QStringLiteral("sandbox/gpt-5"));
    QCOMPARE(premium.value("requests").toInt(), 3);
    QCOMPARE(premium.value("failed_over").toInt(), 2);
    QCOMPARE(premium.value("failover_rate").toDouble(), 2.0 / 3.0);
    QCOMPARE(premium.value("reconsider").toBool(), true);
    QCOMPARE(premium.value("primary").toObject().value("attempts").toInt(), 3);
    QCOMPARE(premium.value("primary").toObject().value("provider_faults").toInt(), 2);
    QCOMPARE(premium.value("promote").toString(), fallback);

    const CliRun text = run({ "--sandbox", "primaries" });
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(QStringLiteral("! sandbox/gpt-5")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("66.7%")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("reconsider: promote %1 (100.0% of its attempts succeeded)").arg(fallback)),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("marked (!) above 40% failover over at least 2 requests")), qPrintable(out));
}

void TestCliPrimaries::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");

    QTest::newRow("no days") << QStringList { "--days", "0" } << "--days needs a number of days from 1 to 3650";
    QTest::newRow("days that are not a number")
        << QStringList { "--days", "week" } << "--days needs a number of days from 1 to 3650";
    QTest::newRow("a tier the policy does not have")
        << QStringList { "--tier", "nope" } << "--tier nope: no such tier in the routing policy";
}

void TestCliPrimaries::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const CliRun result = run(QStringList { "--sandbox", "primaries" } + arguments);
    QCOMPARE(result.exitCode, 64);
    QVERIFY2(result.err.contains(error.toUtf8()), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliPrimaries)
#include "tst_CliPrimaries.moc"
