#include "CliRun.h"
#include "core/ledger/Ledger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// `switchyard leaderboard` as a real process on a home whose ledger holds voted comparisons: the
// ratings (worked out by hand below), the filters, the CSV files and the usage errors.
class TestCliLeaderboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void json_givesTheHandComputedRatings();
    void filters_tagAndSettings_data();
    void filters_tagAndSettings();
    void csv_writesTheTableAndTheVotes();
    void badUsage_exits64_data();
    void badUsage_exits64();

private:
    CliRun run(const QStringList& arguments)
    {
        return CliRun::of(QStringList { QStringLiteral("--home"), m_home.path(), QStringLiteral("leaderboard") }
                          + arguments);
    }

    QTemporaryDir m_home;
    QTemporaryDir m_settings;
};

namespace {
QDateTime day(int d)
{
    return QDateTime(QDate(2026, 3, d), QTime(12, 0), Qt::UTC);
}
} // namespace

// Four comparisons of m-a ($0.01 an answer) against m-b ($0.02): m-a wins the first three, m-b the
// fourth (tagged "coding"); a fifth pits m-a at two temperatures against each other.
void TestCliLeaderboard::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
    Ledger ledger;
    QVERIFY(ledger.open(m_home.filePath(QStringLiteral("ledger.sqlite"))));
    const auto record = [&ledger](int d, const QString& model, double cost, const QString& settings = {}) {
        RequestRecord r;
        r.startedAt = day(d);
        r.source = RequestSource::Workbench;
        r.finalModel = model;
        r.finalProvider = QStringLiteral("p");
        r.costUsd = cost;
        r.compareGroup = QStringLiteral("g%1").arg(d);
        r.settings = settings;
        ledger.record(r);
    };
    for (int d = 1; d <= 4; ++d) {
        record(d, QStringLiteral("m-a"), 0.01);
        record(d, QStringLiteral("m-b"), 0.02);
        VoteRecord vote { QStringLiteral("g%1").arg(d), d == 4 ? QStringLiteral("m-b") : QStringLiteral("m-a"), false,
                          day(d) };
        vote.tag = d == 4 ? QStringLiteral("coding") : QString();
        ledger.recordVote(vote);
    }
    record(5, QStringLiteral("m-a"), 0.01, QStringLiteral("temperature=0.2"));
    record(5, QStringLiteral("m-a"), 0.01, QStringLiteral("temperature=1"));
    ledger.recordVote(
        { QStringLiteral("g5"), QStringLiteral("m-a"), false, day(5), QStringLiteral("temperature=0.2") });
    QSignalSpy flushed(&ledger, &Ledger::flushed);
    ledger.flush();
    QVERIFY(flushed.wait(10000));
}

// With one virtual tie each against the reference, theta_b = -theta_a and m-a's score equals its
// expectation: 3 + 0.5 = 4 x^2/(x^2 + 1) + x/(x + 1), x = 1.607120, so 1000 +- 173.7178 ln x =
// 1082.42 and 917.58. The fifth run has m-a twice: one contestant per model, not counted.
void TestCliLeaderboard::json_givesTheHandComputedRatings()
{
    const CliRun result = run({ QStringLiteral("--json") });
    QCOMPARE(result.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows[0].toObject();
    QCOMPARE(first.value(QStringLiteral("model")).toString(), QStringLiteral("m-a"));
    QCOMPARE(first.value(QStringLiteral("wins")).toInt(), 3);
    QCOMPARE(first.value(QStringLiteral("losses")).toInt(), 1);
    QVERIFY(std::abs(first.value(QStringLiteral("rating")).toDouble() - 1082.4193) < 1e-3);
    QVERIFY(std::abs(rows[1].toObject().value(QStringLiteral("rating")).toDouble() - 917.5807) < 1e-3);
    QVERIFY(std::abs(first.value(QStringLiteral("cost_per_win_usd")).toDouble() - 0.04 / 3) < 1e-9);

    const CliRun table = run({});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("m-a") && table.out.contains("3-1-0") && table.out.contains("1082"), table.out);
}

void TestCliLeaderboard::filters_tagAndSettings_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected"); // model|settings|wins-losses in order
    QTest::newRow("a tag: the fourth run alone")
        << QStringList { "--tag", "coding" } << QStringList { "m-b||1-0", "m-a||0-1" };
    QTest::newRow("a period: the first two runs")
        << QStringList { "--since", "2026-03-01", "--until", "2026-03-02" } << QStringList { "m-a||2-0", "m-b||0-2" };
    QTest::newRow("per settings: the two temperatures of m-a apart")
        << QStringList { "--by", "settings", "--since", "2026-03-05" }
        << QStringList { "m-a|temperature=0.2|1-0", "m-a|temperature=1|0-1" };
    QTest::newRow("a tier nobody routed through: nothing") << QStringList { "--tier", "fast" } << QStringList {};
}

void TestCliLeaderboard::filters_tagAndSettings()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const CliRun result = run(arguments + QStringList { QStringLiteral("--json") });
    QCOMPARE(result.exitCode, 0);
    QStringList rows;
    for (const QJsonValue& value :
         QJsonDocument::fromJson(result.out).object().value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = value.toObject();
        rows << QStringLiteral("%1|%2|%3-%4")
                    .arg(row.value(QStringLiteral("model")).toString(),
                         row.value(QStringLiteral("settings")).toString())
                    .arg(row.value(QStringLiteral("wins")).toInt())
                    .arg(row.value(QStringLiteral("losses")).toInt());
    }
    QCOMPARE(rows, expected);
}

void TestCliLeaderboard::csv_writesTheTableAndTheVotes()
{
    const QString table = m_home.filePath(QStringLiteral("board.csv"));
    const QString votes = m_home.filePath(QStringLiteral("votes.csv"));
    const CliRun result = run({ QStringLiteral("--csv"), table, QStringLiteral("--votes-csv"), votes });
    QCOMPARE(result.exitCode, 0);
    QFile tableFile(table);
    QVERIFY(tableFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = tableFile.readAll().split('\n');
    QVERIFY(lines[0].startsWith("model,settings,wins,losses,ties,rating"));
    QVERIFY2(lines[1].startsWith("m-a,,3,1,0,1082.4,"), lines[1]);
    QFile votesFile(votes);
    QVERIFY(votesFile.open(QIODevice::ReadOnly));
    QCOMPARE(votesFile.readAll().trimmed().split('\n').size(), 1 + 5 * 2); // header, two columns of five runs
}

void TestCliLeaderboard::badUsage_exits64_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown grouping") << QStringList { "--by", "provider" }
                                      << QByteArray("--by must be model or settings");
    QTest::newRow("a date that is not one")
        << QStringList { "--since", "yesterday" } << QByteArray("--since needs a date");
}

void TestCliLeaderboard::badUsage_exits64()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 64);
    QVERIFY2(result.err.contains(message), result.err);
}

QTEST_MAIN(TestCliLeaderboard)
#include "tst_CliLeaderboard.moc"
