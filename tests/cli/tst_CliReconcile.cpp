#include "../reconcile/ReconcileFixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `switchyard reconcile` as a real process on a home whose ledger the Ledger writer filled: the
// table, the JSON, the exit codes (0 all matched, 3 flagged rows, 65 a file that does not parse).
class TestCliReconcile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reconcile_exitCodeAndFlaggedRows_data();
    void reconcile_exitCodeAndFlaggedRows();
    void table_showsStatusesDriftAndTotals();
    void malformedFile_exits65NamingThePlace_data();
    void malformedFile_exits65NamingThePlace();
    void badUsage_exits64_data();
    void badUsage_exits64();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList& arguments);

    QTemporaryDir m_home;
    QTemporaryDir m_settings;
};

void TestCliReconcile::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    QVERIFY(ReconcileFixture::fill(m_home.filePath(QStringLiteral("ledger.sqlite"))));
}

TestCliReconcile::Run TestCliReconcile::run(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SWITCHYARD_BINARY),
                  QStringList { QStringLiteral("--home"), m_home.path(), QStringLiteral("reconcile") } + arguments);
    Run result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCliReconcile::reconcile_exitCodeAndFlaggedRows_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("matched");
    QTest::addColumn<int>("missingInLedger");
    QTest::addColumn<int>("missingAtProvider");
    QTest::addColumn<int>("flagged");

    const QString costs = ReconcileFixture::sample(QStringLiteral("openai-costs.json"));
    const QString usage = ReconcileFixture::sample(QStringLiteral("openai-usage-completions.json"));
    QTest::newRow("drift and missing rows exit 3") << QStringList { costs } << 3 << 3 << 1 << 1 << 3;
    QTest::newRow("a higher threshold keeps the missing rows flagged")
        << QStringList { costs, QStringLiteral("--threshold"), QStringLiteral("30") } << 3 << 3 << 1 << 1 << 2;
    QTest::newRow("a day that matches exits 0")
        << QStringList { costs, QStringLiteral("--since"), QStringLiteral("2026-11-03"), QStringLiteral("--until"),
                         QStringLiteral("2026-11-03") }
        << 0 << 2 << 0 << 0 << 0;
    QTest::newRow("costs and usage of one provider together") << QStringList { costs, usage } << 3 << 3 << 1 << 1 << 3;
    QTest::newRow("per key: the other team's key is outside Switchyard")
        << QStringList { usage, QStringLiteral("--key-map"), QStringLiteral("key_7fQpLwZr2mXn=ck_cursor") } << 3 << 3
        << 1 << 1 << 2;
    QTest::newRow("OpenRouter activity CSV")
        << QStringList { ReconcileFixture::sample(QStringLiteral("openrouter-activity.csv")) } << 3 << 2 << 1 << 1 << 2;
}

void TestCliReconcile::reconcile_exitCodeAndFlaggedRows()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(int, matched);
    QFETCH(int, missingInLedger);
    QFETCH(int, missingAtProvider);
    QFETCH(int, flagged);

    const Run result = run(arguments + QStringList { QStringLiteral("--json") });
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(QStringLiteral("matched")).toInt(), matched);
    QCOMPARE(json.value(QStringLiteral("missing_in_ledger")).toInt(), missingInLedger);
    QCOMPARE(json.value(QStringLiteral("missing_at_provider")).toInt(), missingAtProvider);
    QCOMPARE(json.value(QStringLiteral("flagged")).toInt(), flagged);
    int flaggedRows = 0;
    for (const QJsonValue& row : json.value(QStringLiteral("rows")).toArray()) {
        flaggedRows += row.toObject().value(QStringLiteral("flagged")).toBool() ? 1 : 0;
    }
    QCOMPARE(flaggedRows, flagged);
}

void TestCliReconcile::table_showsStatusesDriftAndTotals()
{
    const Run result = run({ ReconcileFixture::sample(QStringLiteral("openai-costs.json")) });
    QCOMPARE(result.exitCode, 3);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(QLatin1String("missing in ledger")), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("missing at provider")));
    QVERIFY(out.contains(QLatin1String("-25.0 % !")));
    QVERIFY(out.contains(QLatin1String("$0.03 / $0.0225")));
    QVERIFY(out.contains(QLatin1String("3 matched, 1 missing in the ledger")));
    QVERIFY(result.err.isEmpty());
}

void TestCliReconcile::malformedFile_exits65NamingThePlace_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad number in a CSV") << QByteArray(
        "start_time,model,input_tokens,output_tokens,num_model_requests\n"
        "1793664000,gpt-4o,10,5,1\n"
        "1793664000,gpt-4o,12x,5,1\n") << ":3: input_tokens: expected a number, found \"12x\"";
    QTest::newRow("truncated JSON") << QByteArray("{\"object\":\"page\",\"data\":[\n{\"object\":\"bucket\"")
                                    << ":2:19: expected JSON, found unterminated string";
}

void TestCliReconcile::malformedFile_exits65NamingThePlace()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    // A good file next to it is not compared either: nothing is imported half.
    const Run result = run({ ReconcileFixture::sample(QStringLiteral("openai-costs.json")), path });
    QCOMPARE(result.exitCode, 65);
    QVERIFY(result.out.isEmpty());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(QLatin1String("switchyard: ") + path + message), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
}

void TestCliReconcile::badUsage_exits64_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString costs = ReconcileFixture::sample(QStringLiteral("openai-costs.json"));
    QTest::newRow("no file") << QStringList {};
    QTest::newRow("threshold not a number")
        << QStringList { costs, QStringLiteral("--threshold"), QStringLiteral("x") };
    QTest::newRow("since not a date") << QStringList { costs, QStringLiteral("--since"), QStringLiteral("03.11.") };
    QTest::newRow("key map without =") << QStringList { costs, QStringLiteral("--key-map"), QStringLiteral("k") };
}

void TestCliReconcile::badUsage_exits64()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 64);
    QCOMPARE(result.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestCliReconcile)
#include "tst_CliReconcile.moc"
