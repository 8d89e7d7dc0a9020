#include "CliRun.h"
#include "ServeProcess.h"
#include "core/http/HttpResponder.h"
#include "core/http/HttpServer.h"
#include "core/ledger/Ledger.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

// `switchyard eval run` as a real process against a loopback upstream of this test that serves two
// models ("strong" answers every sum right, "weak" only the even ones), counts what it answered per
// model and prompt, and can fail requests from the Nth on: a fault mid-run, then a resume that asks
// only the failed cells, so no cell is paid for twice and the ledger's cost is the cells' sum.
namespace {
class Upstream
{
public:
    Upstream()
    {
        m_server.setHandler([this](const HttpRequest& request, HttpResponder* responder) {
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            const QString model = body.value(QLatin1String("model")).toString();
            const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
            const QString prompt = messages.last().toObject().value(QLatin1String("content")).toString();
            ++received;
            const QString firstRole = messages.first().toObject().value(QLatin1String("role")).toString();
            if (firstRole == QLatin1String("system") || firstRole == QLatin1String("developer")) {
                // As text, or as text parts (what a translated Anthropic system becomes).
                const QJsonValue content = messages.first().toObject().value(QLatin1String("content"));
                QStringList texts { content.toString() };
                for (const QJsonValue& part : content.toArray()) {
                    texts.append(part.toObject().value(QLatin1String("text")).toString());
                }
                texts.removeAll(QString());
                systems.append(texts.join(u'\n'));
            }
            if (model == holdModel) {
                held.append(QPointer<HttpResponder>(responder)); // never answered: the process dies first
                return;
            }
            if (failFrom > 0 && received >= failFrom) {
                responder->send(503, "application/json", R"({"error":{"message":"overloaded","type":"server_error"}})");
                ++failed;
                return;
            }
            if (model == QLatin1String("judge") && prompt.contains(QLatin1String("Answer B:"))) {
                if (holdPairwiseAfter > 0 && ++pairwiseReceived > holdPairwiseAfter) {
                    held.append(QPointer<HttpResponder>(responder)); // never answered: the process dies first
                    return;
                }
                answered[model] += 1;
                send(responder, model, pairwiseVerdict(prompt));
                return;
            }
            if (model == QLatin1String("judge")) {
                answered[model] += 1;
                send(responder, model, QStringLiteral("Right. SCORE: 9"));
                return;
            }
            if (body.contains(QLatin1String("tools"))) {
                // "strong" calls the tool with the city the prompt names, "weak" answers in text.
                toolsSeen[model] += 1;
                toolChoices.append(body.value(QLatin1String("tool_choice")));
                toolLists.append(body.value(QLatin1String("tools")).toArray());
                static const QRegularExpression city(QStringLiteral("in (\\w+)\\?"));
                const QString named = city.match(prompt).captured(1);
                if (model == QLatin1String("strong")) {
                    const QJsonObject call { { QStringLiteral("id"), QStringLiteral("call_1") },
                                             { QStringLiteral("type"), QStringLiteral("function") },
                                             { QStringLiteral("function"),
                                               QJsonObject { { QStringLiteral("name"), QStringLiteral("get_weather") },
                                                             { QStringLiteral("arguments"),
                                                               QStringLiteral("{\"city\":\"%1\"}").arg(named) } } } };
                    send(responder, model, QString(), QJsonArray { call });
                } else {
                    send(responder, model, QStringLiteral("It is probably sunny in %1.").arg(named));
                }
                return;
            }
            static const QRegularExpression sum(QStringLiteral("What is (\\d+)\\+(\\d+)\\?"));
            const auto match = sum.match(prompt);
            const int a = match.captured(1).toInt();
            const int b = match.captured(2).toInt();
            const bool right = model == QLatin1String("strong") || a % 2 == 0;
            const QString text = QStringLiteral("The answer is %1.").arg(right ? a + b : a + b + 1);
            answered[model + u'|' + prompt] += 1;
            send(responder, model, text);
        });
        m_listening = m_server.listen(QHostAddress::LocalHost);
    }
    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server.port(); }

    int received = 0;
    int failed = 0;
    int failFrom = 0; // the Nth request and every later one get a 503; 0: none
    QString holdModel; // requests for this model are held, never answered
    QList<QPointer<HttpResponder>> held;
    QHash<QString, int> answered; // "model|prompt" (the judge: "judge") -> answers sent
    int holdPairwiseAfter = 0; // pairwise judge calls after this many are held; 0: none
    int pairwiseReceived = 0;
    bool judgePrefersA = false; // the pairwise judge's position bias: it always names the first answer
    QStringList judgedFirst; // per pairwise judge call: "PROMPT|the answer shown as A"
    QHash<QString, int> toolsSeen; // model -> requests that offered tools
    QList<QJsonValue> toolChoices; // the tool_choice of each of them (undefined: none sent)
    QList<QJsonArray> toolLists; // the tools of each of them
    QStringList systems; // the system prompt of each request that had one

private:
    // A fair judge: the answer holding the right sum wins, two right or two wrong ones tie.
    QString pairwiseVerdict(const QString& prompt)
    {
        static const QRegularExpression parts(
            QStringLiteral("What is (\\d+)\\+(\\d+)\\?.*Answer A:\\n([^\\n]*)\\n\\nAnswer B:\\n([^\\n]*)"),
            QRegularExpression::DotMatchesEverythingOption);
        const auto match = parts.match(prompt);
        judgedFirst.append(match.captured(1) + u'|' + match.captured(3));
        if (judgePrefersA) {
            return QStringLiteral("The first one reads better.\nWINNER: A");
        }
        const QString right
            = QStringLiteral("The answer is %1.").arg(match.captured(1).toInt() + match.captured(2).toInt());
        const bool a = match.captured(3) == right;
        const bool b = match.captured(4) == right;
        return a == b ? QStringLiteral("Equally good.\nWINNER: TIE")
            : a       ? QStringLiteral("A has the right sum.\nWINNER: A")
                      : QStringLiteral("B has the right sum.\nWINNER: B");
    }

    static void send(HttpResponder* responder, const QString& model, const QString& text,
                     const QJsonArray& toolCalls = {})
    {
        QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") },
                              { QStringLiteral("content"), toolCalls.isEmpty() ? QJsonValue(text) : QJsonValue() } };
        if (!toolCalls.isEmpty()) {
            message.insert(QStringLiteral("tool_calls"), toolCalls);
        }
        const QJsonObject answer {
            { QStringLiteral("id"), QStringLiteral("c1") },
            { QStringLiteral("object"), QStringLiteral("chat.completion") },
            { QStringLiteral("model"), model },
            { QStringLiteral("choices"),
              QJsonArray {
                  QJsonObject { { QStringLiteral("index"), 0 },
                                { QStringLiteral("message"), message },
                                { QStringLiteral("finish_reason"),
                                  toolCalls.isEmpty() ? QStringLiteral("stop") : QStringLiteral("tool_calls") } } } },
            { QStringLiteral("usage"),
              QJsonObject { { QStringLiteral("prompt_tokens"), 1000 },
                            { QStringLiteral("completion_tokens"), 500 },
                            { QStringLiteral("total_tokens"), 1500 } } },
        };
        responder->send(200, "application/json", QJsonDocument(answer).toJson(QJsonDocument::Compact));
    }

    HttpServer m_server;
    bool m_listening = false;
};

QJsonObject model(const QString& id, double input, double output)
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("provider"), QStringLiteral("up") },
             { QStringLiteral("upstreamModel"), id },
             { QStringLiteral("price"),
               QJsonObject { { QStringLiteral("inputPerMTok"), input },
                             { QStringLiteral("outputPerMTok"), output } } } };
}

bool write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}
} // namespace

class tst_CliEval : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void faultMidRun_thenResume_paysEachCellOnce();
    void sigkillWhileJudging_resumeAsksNoModelAgain_data();
    void sigkillWhileJudging_resumeAsksNoModelAgain();
    void badSet_refusedNamingLineAndField_nothingSent_data();
    void badSet_refusedNamingLineAndField_nothingSent();
    void export_writesTheMatrix();
    void severalGraders_eachVerdictExported_saidWhenTheRunStarts();
    void toolsFile_offeredToEveryModel_callsGraded();
    void pairwise_judgedInBothOrders_verdictsAndGames_data();
    void pairwise_judgedInBothOrders_verdictsAndGames();
    void pairwise_sigkillBetweenTheTwoOrders_resumeReadsTheFirstVerdict();
    void importHistory_writesASetThatRuns();
    void importHistory_gatewayRowsReplayWithSystemAndTools_data();
    void importHistory_gatewayRowsReplayWithSystemAndTools();
    void importHistory_askAndRouteRowsKeepTheirSystemPrompt();
    void badToolsFile_refusedNamingThePlace_nothingSent_data();
    void badToolsFile_refusedNamingThePlace_nothingSent();

private:
    QStringList home() const { return { QStringLiteral("--home"), m_home->path() }; }
    QVariant scalar(const QString& sql) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Upstream> m_upstream;
    QString m_set;
    static constexpr int kPrompts = 8;
};

void tst_CliEval::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_upstream = std::make_unique<Upstream>();
    QVERIFY(m_upstream->isListening());
    const QJsonObject providers {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("providers"),
          QJsonArray { QJsonObject {
              { QStringLiteral("id"), QStringLiteral("up") },
              { QStringLiteral("displayName"), QStringLiteral("up") },
              { QStringLiteral("kind"), QStringLiteral("openai") },
              { QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_upstream->port()) },
              { QStringLiteral("keyEnv"), QString() },
              { QStringLiteral("maxConcurrent"), 2 },
              { QStringLiteral("enabled"), true },
              { QStringLiteral("simulated"), false } } } },
        { QStringLiteral("models"),
          QJsonArray { model(QStringLiteral("strong"), 10.0, 30.0), model(QStringLiteral("weak"), 0.1, 0.3),
                       model(QStringLiteral("judge"), 1.0, 2.0) } },
    };
    QVERIFY(write(QDir(m_home->path()).filePath(QStringLiteral("providers.json")), QJsonDocument(providers).toJson()));
    QByteArray set;
    for (int i = 1; i <= kPrompts; ++i) {
        set += QJsonDocument(QJsonObject { { QStringLiteral("id"), QStringLiteral("q%1").arg(i) },
                                           { QStringLiteral("prompt"), QStringLiteral("What is %1+%1?").arg(i) },
                                           { QStringLiteral("expected"), QString::number(2 * i) } })
                   .toJson(QJsonDocument::Compact)
            + '\n';
    }
    m_set = QDir(m_home->path()).filePath(QStringLiteral("sums.jsonl"));
    QVERIFY(write(m_set, set));
}

QVariant tst_CliEval::scalar(const QString& sql) const
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(QDir(m_home->path()).filePath(QStringLiteral("ledger.sqlite")));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next()) {
                value = query.value(0);
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return value;
}

void tst_CliEval::faultMidRun_thenResume_paysEachCellOnce()
{
    // The upstream goes down at its 7th request: 6 cells answered, the other 10 fail.
    m_upstream->failFrom = 7;
    const CliRun first = CliRun::of(
        home()
        + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                        QStringLiteral("strong,weak"), QStringLiteral("--grader"), QStringLiteral("numeric"),
                        QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("--json") });
    QVERIFY2(first.exitCode == 2, first.err.constData());
    const QJsonObject firstResult = QJsonDocument::fromJson(first.out).object();
    QCOMPARE(firstResult.value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
    const qint64 id = firstResult.value(QLatin1String("evaluation")).toInteger();
    QVERIFY(id > 0);
    QVERIFY2(first.err.contains(QStringLiteral("switchyard eval run --resume %1").arg(id).toUtf8()),
             first.err.constData());
    int failedCells = 0;
    for (const QJsonValue& cell : firstResult.value(QLatin1String("cells")).toArray()) {
        failedCells += cell.toObject().value(QLatin1String("state")).toString() == QLatin1String("failed") ? 1 : 0;
    }
    QCOMPARE(failedCells, 2 * kPrompts - 6);
    QCOMPARE(m_upstream->failed, failedCells);

    m_upstream->failFrom = 0;
    const CliRun second
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), QStringLiteral("--resume"),
                                     QString::number(id), QStringLiteral("--json") });
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(second.out).object();
    QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("complete"));

    // Server side: every cell answered exactly once, over both runs.
    QCOMPARE(m_upstream->answered.size(), 2 * kPrompts);
    for (auto it = m_upstream->answered.cbegin(); it != m_upstream->answered.cend(); ++it) {
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }
    QCOMPARE(m_upstream->received, 2 * kPrompts + failedCells);

    // strong answers all 8, weak the 4 even sums: 4/8 is significantly below 8/8.
    const QJsonArray models = result.value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 2);
    const QJsonObject strong = models.at(0).toObject();
    const QJsonObject weak = models.at(1).toObject();
    QCOMPARE(strong.value(QLatin1String("model")).toString(), QStringLiteral("strong"));
    QCOMPARE(strong.value(QLatin1String("pass_rate")).toDouble(), 1.0);
    QCOMPARE(weak.value(QLatin1String("pass_rate")).toDouble(), 0.5);
    QVERIFY(std::abs(strong.value(QLatin1String("pass_rate_ci95")).toArray().at(0).toDouble() - 0.6756) < 5e-4);
    // 1000 input and 500 output tokens at $10 / $30 per million: $0.025 a cell.
    QVERIFY(std::abs(strong.value(QLatin1String("cost_usd")).toDouble() - 8 * 0.025) < 1e-9);
    QVERIFY(std::abs(strong.value(QLatin1String("cost_per_pass_usd")).toDouble() - 0.025) < 1e-9);
    QVERIFY(std::abs(weak.value(QLatin1String("cost_per_pass_usd")).toDouble() - 8 * 0.00025 / 4) < 1e-9);
    QCOMPARE(result.value(QLatin1String("cheapest")).toString(), QStringLiteral("strong"));

    // The ledger: one answered request per cell, and the cost it holds is the cells' sum.
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE source = 'evaluation' AND status = 'ok'")).toInt(),
        2 * kPrompts);
    const double ledgerCost = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM requests")).toDouble();
    const double cellsCost
        = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM evaluation_cells WHERE evaluation_id = %1").arg(id))
              .toDouble();
    QVERIFY(std::abs(ledgerCost - (8 * 0.025 + 8 * 0.00025)) < 1e-9);
    QVERIFY2(std::abs(ledgerCost - cellsCost) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(ledgerCost).arg(cellsCost)));
}

// The process is killed with SIGKILL while the judge holds its first two verdicts: the models'
// answers of those cells are in the ledger (through the crash journal), their cells are not done.
// The resume grades those answers as they are: every model is asked each prompt once in all.
void tst_CliEval::sigkillWhileJudging_resumeAsksNoModelAgain_data()
{
    QTest::addColumn<bool>("storePrompts");
    QTest::newRow("prompt storage on: the answers are read from the ledger") << true;
    // The ledger keeps no answers then; each cell saved its own before its judge was asked.
    QTest::newRow("prompt storage off: the answers are read from the cells") << false;
}

void tst_CliEval::sigkillWhileJudging_resumeAsksNoModelAgain()
{
    QFETCH(bool, storePrompts);
    if (!storePrompts) {
        QVERIFY(
            write(QDir(m_home->path()).filePath(QStringLiteral("settings.ini")), "[privacy]\nstorePrompts=false\n"));
    }
    m_upstream->holdModel = QStringLiteral("judge");
    const QStringList grading { QStringLiteral("--grader"), QStringLiteral("numeric"), QStringLiteral("--grader"),
                                QStringLiteral("llm-judge:judge") };
    QProcess first;
    first.start(QStringLiteral(SWITCHYARD_BINARY),
                home()
                    + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                    QStringLiteral("strong,weak"), QStringLiteral("--concurrency"),
                                    QStringLiteral("2") }
                    + grading);
    QVERIFY(first.waitForStarted());
    // Two cells in flight, both waiting for their verdict: nothing more is asked.
    QTRY_COMPARE_WITH_TIMEOUT(m_upstream->held.size(), 2, 30000);
    QCOMPARE(m_upstream->received, 4);
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    const qint64 id = scalar(QStringLiteral("SELECT MAX(id) FROM evaluations")).toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM evaluation_cells WHERE state = 'done'")).toInt(), 0);

    m_upstream->holdModel.clear();
    const CliRun second
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), QStringLiteral("--resume"),
                                     QString::number(id), QStringLiteral("--json") });
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(second.out).object();
    QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
    // Server side: each model answered each prompt once over both runs; the judge answered every
    // cell once, after the two verdicts that never came.
    int modelAnswers = 0;
    for (auto it = m_upstream->answered.cbegin(); it != m_upstream->answered.cend(); ++it) {
        if (it.key() != QLatin1String("judge")) {
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
            modelAnswers += it.value();
        }
    }
    QCOMPARE(modelAnswers, 2 * kPrompts);
    QCOMPARE(m_upstream->answered.value(QStringLiteral("judge")), 2 * kPrompts);
    QCOMPARE(m_upstream->received, 2 * kPrompts + 2 * kPrompts + 2);
    // The ledger: the two verdicts that never came are interrupted rows, every answer is there once.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE status = 'interrupted'")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE final_model <> 'judge'")).toInt(),
             2 * kPrompts);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM evaluation_cells WHERE state = 'done'")).toInt(),
             2 * kPrompts);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE answer <> ''")).toInt() > 0, storePrompts);
    const double ledgerCost = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM requests")).toDouble();
    const double cellsCost
        = scalar(QStringLiteral("SELECT SUM(cost_usd) + SUM(judge_cost_usd) FROM evaluation_cells")).toDouble();
    QVERIFY2(std::abs(ledgerCost - cellsCost) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(ledgerCost).arg(cellsCost)));
}

void tst_CliEval::badSet_refusedNamingLineAndField_nothingSent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // after "FILE:"
    QTest::newRow("jsonl: a prompt of the wrong type")
        << "bad.jsonl"
        << QByteArray("{\"id\": 1, \"prompt\": \"ok\", \"expected\": \"x\"}\n{\"id\": 2, \"prompt\": 3}\n")
        << "2: field \"prompt\" must be a non-empty string";
    QTest::newRow("csv: an unterminated quote") << "bad.csv" << QByteArray("id,prompt,expected\n1,\"open,x\n") << "2: ";
    QTest::newRow("no grader and no expected answer")
        << "plain.jsonl" << QByteArray("{\"id\": \"a\", \"prompt\": \"hi\"}\n")
        << "1: prompt \"a\" has no grader and no expected answer; name a grader with --grader";
}

void tst_CliEval::badSet_refusedNamingLineAndField_nothingSent()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString path = QDir(m_home->path()).filePath(name);
    QVERIFY(write(path, content));
    const CliRun run = CliRun::of(home()
                                  + QStringList { QStringLiteral("eval"), QStringLiteral("run"), path,
                                                  QStringLiteral("--models"), QStringLiteral("strong") });
    QCOMPARE(run.exitCode, 65);
    QVERIFY2(QString::fromUtf8(run.err).startsWith(QStringLiteral("switchyard: ") + path + u':' + error),
             run.err.constData());
    QCOMPARE(m_upstream->received, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM evaluations")).toInt(), 0);
}

void tst_CliEval::export_writesTheMatrix()
{
    const QString html = QDir(m_home->path()).filePath(QStringLiteral("result.html"));
    const CliRun run
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                     QStringLiteral("weak,strong"), QStringLiteral("--grader"),
                                     QStringLiteral("numeric"), QStringLiteral("--export"), html });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The table on stdout: a row per model, then the suggestion.
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("weak  ")) && lines.at(1).contains(QStringLiteral("50.0%")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("strong")) && lines.at(2).contains(QStringLiteral("$0.20")),
             qPrintable(lines.at(2)));
    QCOMPARE(lines.at(3).left(36), QStringLiteral("Cheapest model that passes: strong. "));
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(file.readAll());
    QCOMPARE(page.count(QStringLiteral("<tr><th>q")), kPrompts);
    QCOMPARE(page.count(QStringLiteral("class=\"pass\"")), 12);
    QCOMPARE(page.count(QStringLiteral("class=\"fail\"")), 4);
    QVERIFY(page.contains(QStringLiteral("$0.025")));
}

// Two --grader options (a pattern with a comma among them): a cell passes only when both pass,
// each grader's verdict is in the export, and the run says how the cells are graded.
void tst_CliEval::severalGraders_eachVerdictExported_saidWhenTheRunStarts()
{
    const QString cells = QDir(m_home->path()).filePath(QStringLiteral("cells.jsonl"));
    const CliRun run
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                     QStringLiteral("weak"), QStringLiteral("--grader"), QStringLiteral("numeric"),
                                     QStringLiteral("--grader"), QStringLiteral("regex:^The answer is \\d{1,3}\\.$"),
                                     QStringLiteral("--export"), cells });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("Graders: numeric ±1e-06, regex ^The answer is \\d{1,3}\\.$; a cell passes when every "
                              "one passes."),
             run.err.constData());
    QFile file(cells);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int failed = 0;
    for (const QByteArray& line : file.readAll().trimmed().split('\n')) {
        const QJsonObject cell = QJsonDocument::fromJson(line).object();
        const QJsonArray graders = cell.value(QLatin1String("graders")).toArray();
        QCOMPARE(graders.size(), 2);
        QCOMPARE(graders.at(1).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("pass"));
        const bool numericPassed = graders.at(0).toObject().value(QLatin1String("outcome")) == QLatin1String("pass");
        QCOMPARE(cell.value(QLatin1String("passed")).toBool(), numericPassed);
        if (!numericPassed) {
            ++failed;
            QVERIFY2(cell.value(QLatin1String("reason")).toString().startsWith(QStringLiteral("numeric ±1e-06: ")),
                     line.constData());
        }
    }
    QCOMPARE(failed, kPrompts / 2); // "weak" gets the odd sums wrong
    QCOMPARE(m_upstream->received, kPrompts);
}

void tst_CliEval::toolsFile_offeredToEveryModel_callsGraded()
{
    const QString tools = QDir(m_home->path()).filePath(QStringLiteral("tools.json"));
    QVERIFY(write(tools,
                  "{\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"parameters\": "
                  "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": "
                  "[\"city\"]}}}],\n \"tool_choice\": \"auto\"}\n"));
    const QString set = QDir(m_home->path()).filePath(QStringLiteral("weather.jsonl"));
    QVERIFY(write(set,
                  "{\"id\": \"paris\", \"prompt\": \"Weather in Paris?\", \"grader\": {\"kind\": \"tool-call\", "
                  "\"tool\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}}\n"
                  "{\"id\": \"rome\", \"prompt\": \"Weather in Rome?\", \"grader\": {\"kind\": \"tool-call\", "
                  "\"tool\": \"get_weather\", \"arguments\": {\"city\": \"Rome\"}}}\n"));
    const CliRun run = CliRun::of(home()
                                  + QStringList { QStringLiteral("eval"), QStringLiteral("run"), set,
                                                  QStringLiteral("--models"), QStringLiteral("strong,weak"),
                                                  QStringLiteral("--tools"), tools, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Server side: every call offered the tools and the choice the file names.
    QCOMPARE(m_upstream->toolsSeen.value(QStringLiteral("strong")), 2);
    QCOMPARE(m_upstream->toolsSeen.value(QStringLiteral("weak")), 2);
    QCOMPARE(m_upstream->received, 4);
    for (const QJsonValue& choice : std::as_const(m_upstream->toolChoices)) {
        QCOMPARE(choice, QJsonValue(QStringLiteral("auto")));
    }
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    const QJsonArray models = result.value(QLatin1String("models")).toArray();
    QCOMPARE(models.at(0).toObject().value(QLatin1String("pass_rate")).toDouble(), 1.0);
    QCOMPARE(models.at(1).toObject().value(QLatin1String("pass_rate")).toDouble(), 0.0);
    QCOMPARE(result.value(QLatin1String("cheapest")).toString(), QStringLiteral("strong"));
}

void tst_CliEval::pairwise_judgedInBothOrders_verdictsAndGames_data()
{
    QTest::addColumn<bool>("prefersA");
    QTest::addColumn<int>("wins");
    QTest::addColumn<int>("ties");
    // strong answers every sum right, the baseline weak only the even ones.
    QTest::newRow("a fair judge: strong wins the odd sums, ties the even ones") << false << 4 << 4;
    QTest::newRow("a judge that always names A: the two orders cancel out, all ties") << true << 0 << 8;
}

void tst_CliEval::pairwise_judgedInBothOrders_verdictsAndGames()
{
    QFETCH(bool, prefersA);
    QFETCH(int, wins);
    QFETCH(int, ties);
    m_upstream->judgePrefersA = prefersA;
    const CliRun run
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                     QStringLiteral("weak,strong"), QStringLiteral("--grader"),
                                     QStringLiteral("llm-pairwise:judge"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // Server side: each model asked each prompt once; the judge twice per prompt for strong (the
    // baseline, the first model, is not compared with itself), once with each answer first.
    QCOMPARE(m_upstream->answered.value(QStringLiteral("judge")), 2 * kPrompts);
    QCOMPARE(m_upstream->received, 2 * kPrompts + 2 * kPrompts);
    for (int i = 1; i <= kPrompts; ++i) {
        const QString strongAnswer = QStringLiteral("%1|The answer is %2.").arg(i).arg(2 * i);
        const QString prefix = QStringLiteral("%1|").arg(i);
        int strongFirst = 0;
        int calls = 0;
        for (const QString& call : std::as_const(m_upstream->judgedFirst)) {
            calls += call.startsWith(prefix) ? 1 : 0;
            strongFirst += call == strongAnswer ? 1 : 0;
        }
        QCOMPARE(calls, 2);
        // Where both are right the two answers read the same; else strong is first exactly once.
        QCOMPARE(strongFirst, i % 2 == 0 ? 2 : 1);
    }
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result.value(QLatin1String("baseline")).toString(), QStringLiteral("weak"));
    const QJsonObject strong = result.value(QLatin1String("models")).toArray().at(1).toObject();
    QCOMPARE(strong.value(QLatin1String("model")).toString(), QStringLiteral("strong"));
    const QJsonObject versus = strong.value(QLatin1String("versus_baseline")).toObject();
    QCOMPARE(versus.value(QLatin1String("wins")).toInt(), wins);
    QCOMPARE(versus.value(QLatin1String("ties")).toInt(), ties);
    QCOMPARE(versus.value(QLatin1String("losses")).toInt(), 0);
    QCOMPARE(strong.value(QLatin1String("pass_rate")).toDouble(), 1.0); // never worse than the baseline
    int versusCells = 0;
    for (const QJsonValue& value : result.value(QLatin1String("cells")).toArray()) {
        const QJsonObject cell = value.toObject();
        if (cell.value(QLatin1String("model")).toString() == QLatin1String("strong")) {
            const QString expected
                = !prefersA && cell.value(QLatin1String("prompt_id")).toString().mid(1).toInt() % 2 == 1
                ? QStringLiteral("win")
                : QStringLiteral("tie");
            QCOMPARE(cell.value(QLatin1String("versus")).toString(), expected);
            QVERIFY(cell.value(QLatin1String("judge_cost_usd")).toDouble() > 0);
            ++versusCells;
        } else {
            QVERIFY(!cell.contains(QLatin1String("versus")));
        }
    }
    QCOMPARE(versusCells, kPrompts);
    // The judge's cost is kept apart, as the 1-10 judge's: the ledger's judge rows are the cells' sum.
    const double judgeRows
        = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM requests WHERE final_model = 'judge'")).toDouble();
    const double judgeCells = scalar(QStringLiteral("SELECT SUM(judge_cost_usd) FROM evaluation_cells")).toDouble();
    QVERIFY(judgeRows > 0);
    QVERIFY2(std::abs(judgeRows - judgeCells) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(judgeRows).arg(judgeCells)));
    // The leaderboard counts each comparison as a game of strong against weak.
    const CliRun board = CliRun::of(home()
                                    + QStringList { QStringLiteral("leaderboard"), QStringLiteral("--tag"),
                                                    QStringLiteral("evaluation"), QStringLiteral("--json") });
    QVERIFY2(board.exitCode == 0, board.err.constData());
    QHash<QString, QJsonObject> rows;
    for (const QJsonValue& row : QJsonDocument::fromJson(board.out).object().value(QLatin1String("rows")).toArray()) {
        rows.insert(row.toObject().value(QLatin1String("model")).toString(), row.toObject());
    }
    QCOMPARE(rows.value(QStringLiteral("strong")).value(QLatin1String("wins")).toInt(), wins);
    QCOMPARE(rows.value(QStringLiteral("strong")).value(QLatin1String("ties")).toInt(), ties);
    QCOMPARE(rows.value(QStringLiteral("weak")).value(QLatin1String("losses")).toInt(), wins);
}

// Killed while the judge holds the second order of the first comparison: the first order's verdict
// is in the ledger (through the crash journal), so the resume reads it and asks only the second.
void tst_CliEval::pairwise_sigkillBetweenTheTwoOrders_resumeReadsTheFirstVerdict()
{
    m_upstream->holdPairwiseAfter = 1;
    QProcess first;
    first.start(QStringLiteral(SWITCHYARD_BINARY),
                home()
                    + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                    QStringLiteral("weak,strong"), QStringLiteral("--grader"),
                                    QStringLiteral("llm-pairwise:judge"), QStringLiteral("--concurrency"),
                                    QStringLiteral("1") });
    QVERIFY(first.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(m_upstream->held.size(), 1, 30000);
    QCOMPARE(m_upstream->answered.value(QStringLiteral("judge")), 1);
    QCOMPARE(m_upstream->received, 4); // q1 of weak and strong, the judge twice
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    const qint64 id = scalar(QStringLiteral("SELECT MAX(id) FROM evaluations")).toLongLong();
    QVERIFY(id > 0);

    m_upstream->holdPairwiseAfter = 0;
    const CliRun second
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), QStringLiteral("--resume"),
                                     QString::number(id), QStringLiteral("--json") });
    QVERIFY2(second.exitCode == 0, second.err.constData());
    // Server side: each model asked each prompt once, the judge 2 x 8 verdicts in all (the held one
    // again, the one that came not).
    for (auto it = m_upstream->answered.cbegin(); it != m_upstream->answered.cend(); ++it) {
        if (it.key() != QLatin1String("judge")) {
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        }
    }
    QCOMPARE(m_upstream->answered.value(QStringLiteral("judge")), 2 * kPrompts);
    const QJsonObject result = QJsonDocument::fromJson(second.out).object();
    const QJsonObject versus = result.value(QLatin1String("models"))
                                   .toArray()
                                   .at(1)
                                   .toObject()
                                   .value(QLatin1String("versus_baseline"))
                                   .toObject();
    QCOMPARE(versus.value(QLatin1String("wins")).toInt(), 4);
    QCOMPARE(versus.value(QLatin1String("ties")).toInt(), 4);
    // The judge's cost is the cells' judge cost: the held call cost nothing, the rest once.
    const double judgeRows
        = scalar(QStringLiteral("SELECT SUM(cost_usd) FROM requests WHERE final_model = 'judge'")).toDouble();
    const double judgeCells = scalar(QStringLiteral("SELECT SUM(judge_cost_usd) FROM evaluation_cells")).toDouble();
    QVERIFY2(std::abs(judgeRows - judgeCells) < 1e-12,
             qPrintable(QStringLiteral("%1 vs %2").arg(judgeRows).arg(judgeCells)));
}

// `switchyard ask` leaves history (source cli, no answer kept) and a workbench run keeps its answer;
// `eval import-history` writes their prompts as a set, kept answers as expected ones when asked, an
// evaluation's own calls and repeated prompts left out.
void tst_CliEval::importHistory_writesASetThatRuns()
{
    for (const auto& [model, prompt] : { std::pair { "weak", "What is 3+3?" }, std::pair { "strong", "What is 5+5?" },
                                         std::pair { "weak", "What is 3+3?" } }) {
        const CliRun ask
            = CliRun::of(home()
                         + QStringList { QStringLiteral("ask"), QStringLiteral("--model"), QString::fromLatin1(model),
                                         QStringLiteral("--no-stream"), QString::fromLatin1(prompt) });
        QVERIFY2(ask.exitCode == 0, ask.err.constData());
    }
    {
        Ledger ledger;
        QVERIFY(ledger.open(QDir(m_home->path()).filePath(QStringLiteral("ledger.sqlite"))));
        RequestRecord run;
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.source = RequestSource::Workbench;
        run.prompt = QStringLiteral("Name a colour.");
        run.finalModel = QStringLiteral("weak");
        run.finalProvider = QStringLiteral("up");
        run.compareGroup = QStringLiteral("g1");
        run.answer = QStringLiteral("Blue.");
        run.costUsd = 0.001;
        // What the workbench column was sent besides the question (ColumnExchange).
        run.exchange = QStringLiteral(
            R"({"column":0,"system":"Answer in one word.","tools":[{"type":"function","function":{"name":"get_weather",)"
            R"("parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],"tool_choice":"auto",)"
            R"("question":"Name a colour."})");
        ledger.record(run);
        QSignalSpy flushed(&ledger, &Ledger::flushed);
        ledger.flush();
        QVERIFY(flushed.wait(10000));
    }
    const CliRun eval
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                     QStringLiteral("strong"), QStringLiteral("--grader"), QStringLiteral("numeric") });
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString out = QDir(m_home->path()).filePath(QStringLiteral("history.jsonl"));
    const CliRun import = CliRun::of(
        home()
        + QStringList { QStringLiteral("eval"), QStringLiteral("import-history"), QStringLiteral("--since"), today,
                        QStringLiteral("--answers-as-expected"), QStringLiteral("--out"), out });
    QVERIFY2(import.exitCode == 0, import.err.constData());
    QVERIFY2(import.err.contains("3 prompts written; 1 repeated prompt left out"), import.err.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    // Newest first: the workbench run with its answer, then the asks (the ledger kept no answer).
    QStringList got;
    for (const QByteArray& line : lines) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        got.append(object.value(QLatin1String("prompt")).toString() + u'|'
                   + object.value(QLatin1String("expected")).toString());
    }
    QCOMPARE(got,
             (QStringList { QStringLiteral("Name a colour.|Blue."), QStringLiteral("What is 3+3?|"),
                            QStringLiteral("What is 5+5?|") }));
    // The workbench row's system prompt and tools go with its prompt; the asks kept none.
    const QJsonObject colour = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(colour.value(QLatin1String("system")).toString(), QStringLiteral("Answer in one word."));
    QCOMPARE(colour.value(QLatin1String("tools"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("function"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("get_weather"));
    QCOMPARE(colour.value(QLatin1String("tool_choice")).toString(), QStringLiteral("auto"));
    QVERIFY(!QJsonDocument::fromJson(lines.last()).object().contains(QLatin1String("system")));
    // Run again as imported, the set asks the same thing: with that system prompt and those tools.
    m_upstream->systems.clear();
    const int toolsBefore = m_upstream->toolsSeen.value(QStringLiteral("weak"));
    const CliRun asked
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), out, QStringLiteral("--models"),
                                     QStringLiteral("weak"), QStringLiteral("--grader"), QStringLiteral("regex:\\S") });
    QVERIFY2(asked.exitCode == 0, asked.err.constData());
    QCOMPARE(m_upstream->systems, QStringList { QStringLiteral("Answer in one word.") });
    QCOMPARE(m_upstream->toolsSeen.value(QStringLiteral("weak")), toolsBefore + 1);
    // One model's history only; a set that runs as written.
    const CliRun strongOnly = CliRun::of(home()
                                         + QStringList { QStringLiteral("eval"), QStringLiteral("import-history"),
                                                         QStringLiteral("--since"), today, QStringLiteral("--model"),
                                                         QStringLiteral("strong"), QStringLiteral("--out"), out });
    QVERIFY2(strongOnly.exitCode == 0, strongOnly.err.constData());
    QVERIFY2(strongOnly.err.contains("1 prompt written"), strongOnly.err.constData());
    const int before = m_upstream->received;
    const CliRun rerun
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), out, QStringLiteral("--models"),
                                     QStringLiteral("weak"), QStringLiteral("--grader"), QStringLiteral("numeric:0") });
    QVERIFY2(rerun.exitCode == 0, rerun.err.constData());
    QCOMPARE(m_upstream->received, before + 1);
    // A date that is none is refused before anything is read.
    const CliRun bad = CliRun::of(home()
                                  + QStringList { QStringLiteral("eval"), QStringLiteral("import-history"),
                                                  QStringLiteral("--since"), QStringLiteral("yesterday"),
                                                  QStringLiteral("--out"), out });
    QCOMPARE(bad.exitCode, 64);
    QVERIFY2(bad.err.contains("--since needs a date as YYYY-MM-DD"), bad.err.constData());
}

// An agent's request through the gateway (chat completions, Anthropic messages or the Responses
// API) with a system prompt and tools leaves a ledger row that `eval import-history` writes with
// both, as OpenAI's function tools, and `eval run` of that set sends both to the upstream: the
// agent's traffic replays on another model. With prompt storage off nothing of it is kept.
void tst_CliEval::importHistory_gatewayRowsReplayWithSystemAndTools_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("storePrompts");
    const QByteArray schema = R"({"type":"object","properties":{"city":{"type":"string"}},"required":["city"]})";
    const QByteArray chat = R"({"model":"weak","messages":[{"role":"developer","content":"You forecast weather."},)"
                            R"({"role":"user","content":"Rain in Oslo?"}],"tools":[{"type":"function","function":)"
                            R"({"name":"get_weather","description":"Weather now","parameters":)"
        + schema + R"(}}],"tool_choice":"required"})";
    QTest::newRow("chat completions") << QStringLiteral("/v1/chat/completions") << chat << true;
    QTest::newRow("anthropic messages")
        << QStringLiteral("/v1/messages")
        << R"({"model":"weak","max_tokens":100,"system":[{"type":"text","text":"You forecast weather."}],)"
           R"("messages":[{"role":"user","content":"Rain in Oslo?"}],"tools":[{"name":"get_weather",)"
           R"("description":"Weather now","input_schema":)"
            + schema + R"(,"cache_control":{"type":"ephemeral"}}],"tool_choice":{"type":"any"}})"
        << true;
    QTest::newRow("responses")
        << QStringLiteral("/v1/responses")
        << R"({"model":"weak","store":false,"instructions":"You forecast weather.","input":"Rain in Oslo?",)"
           R"("tools":[{"type":"function","name":"get_weather","description":"Weather now","parameters":)"
            + schema + R"(}],"tool_choice":"required"})"
        << true;
    QTest::newRow("prompt storage off keeps none of it") << QStringLiteral("/v1/chat/completions") << chat << false;
}

void tst_CliEval::importHistory_gatewayRowsReplayWithSystemAndTools()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, storePrompts);
    const QString system = QStringLiteral("You forecast weather.");
    if (!storePrompts) {
        QVERIFY(
            write(QDir(m_home->path()).filePath(QStringLiteral("settings.ini")), "[privacy]\nstorePrompts=false\n"));
    }
    {
        ServeProcess serve;
        QVERIFY2(serve.start(m_home->path(), {}), serve.standardError().constData());
        QNetworkAccessManager nam;
        QNetworkRequest request(serve.url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = nam.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
        QCOMPARE(serve.waitForExit(15000), 0);
    }
    // The upstream was offered what the client sent (the gateway passes it on or translates it).
    QCOMPARE(m_upstream->systems, QStringList { system });
    QCOMPARE(m_upstream->toolsSeen.value(QStringLiteral("weak")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE source = 'gateway'")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tool_documents")).toInt(), storePrompts ? 1 : 0);
    QCOMPARE(scalar(QStringLiteral("SELECT system_prompt || tool_choice FROM requests")).toString().isEmpty(),
             !storePrompts);

    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString out = QDir(m_home->path()).filePath(QStringLiteral("agent.jsonl"));
    const CliRun import = CliRun::of(home()
                                     + QStringList { QStringLiteral("eval"), QStringLiteral("import-history"),
                                                     QStringLiteral("--since"), today, QStringLiteral("--out"), out });
    if (!storePrompts) {
        QVERIFY(import.exitCode != 0);
        QVERIFY2(import.err.contains("1 row without a prompt left out"), import.err.constData());
        return;
    }
    QVERIFY2(import.exitCode == 0, import.err.constData());
    QVERIFY2(import.err.contains("1 prompt written"), import.err.constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject line = QJsonDocument::fromJson(file.readAll().trimmed()).object();
    QCOMPARE(line.value(QLatin1String("prompt")).toString(), QStringLiteral("Rain in Oslo?"));
    QCOMPARE(line.value(QLatin1String("system")).toString(), system);
    const QJsonObject function
        = line.value(QLatin1String("tools")).toArray().first().toObject().value(QLatin1String("function")).toObject();
    QCOMPARE(function.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(function.value(QLatin1String("description")).toString(), QStringLiteral("Weather now"));
    QCOMPARE(function.value(QLatin1String("parameters")).toObject().value(QLatin1String("required")).toArray(),
             QJsonArray { QStringLiteral("city") });
    // Anthropic's "any" is OpenAI's "required".
    QCOMPARE(line.value(QLatin1String("tool_choice")).toString(), QStringLiteral("required"));

    // The set, run on another model, asks what the agent asked: same system prompt, same tools.
    m_upstream->systems.clear();
    m_upstream->toolLists.clear();
    m_upstream->toolChoices.clear();
    const CliRun replay
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), out, QStringLiteral("--models"),
                                     QStringLiteral("strong"), QStringLiteral("--grader"),
                                     QStringLiteral("tool-call:get_weather"), QStringLiteral("--json") });
    QVERIFY2(replay.exitCode == 0, replay.err.constData());
    // The cheap model's call is graded as a real call of the agent's tool.
    QCOMPARE(QJsonDocument::fromJson(replay.out)
                 .object()
                 .value(QLatin1String("models"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("pass_rate"))
                 .toDouble(),
             1.0);
    QCOMPARE(m_upstream->systems, QStringList { system });
    QCOMPARE(m_upstream->toolLists.size(), 1);
    QCOMPARE(m_upstream->toolLists.first(), line.value(QLatin1String("tools")).toArray());
    QCOMPARE(m_upstream->toolChoices, QList<QJsonValue> { QJsonValue(QStringLiteral("required")) });
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tool_documents")).toInt(), 1);
}

// `ask --system` and `route --system` keep the system prompt with the prompt, so the set made of
// their rows asks with it.
void tst_CliEval::importHistory_askAndRouteRowsKeepTheirSystemPrompt()
{
    for (const char* command : { "ask", "route" }) {
        const CliRun run = CliRun::of(home()
                                      + QStringList { QString::fromLatin1(command), QStringLiteral("--model"),
                                                      QStringLiteral("weak"), QStringLiteral("--system"),
                                                      QStringLiteral("Answer as %1 would.").arg(command),
                                                      QStringLiteral("--no-stream"), QStringLiteral("What is 2+2?") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }
    const QString out = QDir(m_home->path()).filePath(QStringLiteral("asked.jsonl"));
    const CliRun import = CliRun::of(
        home()
        + QStringList { QStringLiteral("eval"), QStringLiteral("import-history"), QStringLiteral("--since"),
                        QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate), QStringLiteral("--out"), out });
    // The same question with two system prompts: two prompts of the set.
    QVERIFY2(import.err.contains("2 prompts written"), import.err.constData());
    m_upstream->systems.clear();
    const CliRun replay = CliRun::of(home()
                                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), out,
                                                     QStringLiteral("--models"), QStringLiteral("strong"),
                                                     QStringLiteral("--grader"), QStringLiteral("numeric:4") });
    QVERIFY2(replay.exitCode == 0, replay.err.constData());
    QStringList systems = m_upstream->systems;
    systems.sort();
    QCOMPARE(systems,
             (QStringList { QStringLiteral("Answer as ask would."), QStringLiteral("Answer as route would.") }));
}

void tst_CliEval::badToolsFile_refusedNamingThePlace_nothingSent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("error"); // after "FILE"
    QTest::newRow("a JSON syntax error: line and column")
        << QByteArray("[{\"type\": \"function\",\n  \"function\": {\"name\": }}]\n") << ":2:";
    QTest::newRow("a name the APIs refuse: the field")
        << QByteArray("[{\"type\": \"function\", \"function\": {\"name\": \"get weather\"}}]\n")
        << ": tools[0].function.name: \"get weather\" may hold only letters, digits, _ and -";
    QTest::newRow("a tool_choice naming no tool")
        << QByteArray("{\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\"}}], \"tool_choice\": "
                      "{\"type\": \"function\", \"function\": {\"name\": \"g\"}}}\n")
        << ": tool_choice.function.name: \"g\" is not one of the tools";
}

void tst_CliEval::badToolsFile_refusedNamingThePlace_nothingSent()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, error);
    const QString tools = QDir(m_home->path()).filePath(QStringLiteral("tools.json"));
    QVERIFY(write(tools, content));
    const CliRun run
        = CliRun::of(home()
                     + QStringList { QStringLiteral("eval"), QStringLiteral("run"), m_set, QStringLiteral("--models"),
                                     QStringLiteral("strong"), QStringLiteral("--tools"), tools });
    QCOMPARE(run.exitCode, 65);
    QVERIFY2(QString::fromUtf8(run.err).startsWith(QStringLiteral("switchyard: ") + tools + error),
             run.err.constData());
    QCOMPARE(m_upstream->received, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM evaluations")).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_CliEval)
#include "tst_CliEval.moc"
