#include "CliRun.h"
#include "PostgresServer.h"
#include "core/common/HomeSettings.h"
#include "core/sandbox/SandboxBatches.h"
#include "core/sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// `switchyard batch` as a user runs it, each step a process of its own (so a job outlives the
// process that submitted it), against the sandbox's OpenAI and Anthropic batch APIs served by this
// test. Counted server-side: one upload and one job per submit, each request answered once however
// often its results are fetched; and in the ledger: one row per result, source "batch", costed at
// the batch rates.
namespace {
bool write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QJsonObject provider(const QString& id, const QString& kind, const QString& baseUrl)
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("displayName"), id },
             { QStringLiteral("kind"), kind },
             { QStringLiteral("baseUrl"), baseUrl },
             { QStringLiteral("keyEnv"), QString() },
             { QStringLiteral("enabled"), true },
             { QStringLiteral("simulated"), false } };
}

// Azure OpenAI's resource endpoint with its api-version and key; the sandbox checks both.
constexpr char kAzureKey[] = "azure-batch-key-4711";
QJsonObject azure(const QString& id, const QString& baseUrl)
{
    QJsonObject object = provider(id, QStringLiteral("azure"), baseUrl);
    object.insert(QStringLiteral("keyEnv"), QStringLiteral("SWITCHYARD_TEST_AZURE_KEY"));
    object.insert(QStringLiteral("apiVersion"), QStringLiteral("2024-10-21"));
    return object;
}

// The same resource signed in with Microsoft Entra ID client credentials (the sandbox's /entra).
QJsonObject entra(const QString& baseUrl)
{
    QJsonObject object = provider(QStringLiteral("azure-entra"), QStringLiteral("azure"), baseUrl);
    object.insert(QStringLiteral("auth"), QStringLiteral("entra-id"));
    object.insert(QStringLiteral("apiVersion"), QStringLiteral("2024-10-21"));
    return object;
}

// Google's Gemini API (kind gemini) with its key; the sandbox checks x-goog-api-key.
constexpr char kGeminiKey[] = "gemini-batch-key-0815";
QJsonObject gemini(const QString& baseUrl)
{
    QJsonObject object = provider(QStringLiteral("gemini"), QStringLiteral("gemini"), baseUrl);
    object.insert(QStringLiteral("keyEnv"), QStringLiteral("SWITCHYARD_TEST_GEMINI_KEY"));
    return object;
}

QJsonObject model(const QString& id, const QString& provider)
{
    // No price of its own: the bundled price table's, batch rates included.
    return { { QStringLiteral("id"), id },
             { QStringLiteral("provider"), provider },
             { QStringLiteral("upstreamModel"), id } };
}
} // namespace

class tst_CliBatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void submitStatusResults_recordsEachResultOnceAtTheBatchRates_data();
    void submitStatusResults_recordsEachResultOnceAtTheBatchRates();
    void resultsBeforeTheEnd_saysSoThenWaits();
    void badInput_refusedNamingThePlace_nothingSent_data();
    void badInput_refusedNamingThePlace_nothingSent();
    void refusingBudget_needsRoomForTheWorstCase_data();
    void refusingBudget_needsRoomForTheWorstCase();
    void runningJob_holdsItsWorstCaseUntilItsResultsAreRecorded_data();
    void runningJob_holdsItsWorstCaseUntilItsResultsAreRecorded();
    void cancel_recordsWhatFinishedAndReleasesTheRest_data();
    void cancel_recordsWhatFinishedAndReleasesTheRest();
    void malformedOutputLine_namedAndNothingRecorded_data();
    void malformedOutputLine_namedAndNothingRecorded();
    void azure_reachesTheResourcesBatchPathsWithItsKey();
    void sqliteHold_pastItsWindow_countsAsSpentUntilTheResultsReplaceIt();
    void azureEntra_fetchesTheTokenBeforeTheFirstBatchRequest();
    void gemini_aFailedRequestKeptOnItsRowTheBatchInlineWithItsKey();
    void gemini_aBatchGoogleDoesNotKnow_namedWithGooglesAnswer();
    void gemini_overTwentyMegabytes_goesAsAFileAndAnswersInOne();

private:
    CliRun run(const QStringList& arguments)
    {
        QStringList database;
        if (!m_database.isEmpty()) {
            database = QStringList { QStringLiteral("--database"), m_database };
        }
        return CliRun::of(QStringList { QStringLiteral("--home"), m_home->path() } + database + arguments);
    }
    QString input(const QByteArray& content, const QString& name = QStringLiteral("in.jsonl"));
    void refuseOver(double dailyUsd);
    QList<QVariantList> rows(const QString& sql) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_database; // a PostgreSQL ledger's URL; empty: the home's SQLite file
    PostgresServer m_server;
};

void tst_CliBatch::init()
{
    m_database.clear();
    m_home = std::make_unique<QTemporaryDir>();
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
    SandboxModel deployment;
    deployment.name = QStringLiteral("batch-mini");
    deployment.providerId = QStringLiteral("sandbox-azure");
    deployment.kind = ProviderKind::AzureOpenAi;
    deployment.contextWindow = 128000;
    m_sandbox->addModel(deployment);
    m_sandbox->setRequiredKey(QStringLiteral("sandbox-azure"), QString::fromLatin1(kAzureKey));
    qputenv("SWITCHYARD_TEST_AZURE_KEY", kAzureKey); // the processes this test runs inherit it
    // Gemini's native API; a context window of 300 tokens, so that a long prompt fails inside a batch.
    SandboxModel flash;
    flash.name = QStringLiteral("gemini-2.5-flash");
    flash.providerId = QStringLiteral("sandbox-gemini-native");
    flash.kind = ProviderKind::Gemini;
    flash.contextWindow = 300;
    m_sandbox->addModel(flash);
    m_sandbox->setRequiredKey(QStringLiteral("sandbox-gemini-native"), QString::fromLatin1(kGeminiKey));
    qputenv("SWITCHYARD_TEST_GEMINI_KEY", kGeminiKey);
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox->port());
    const QJsonObject config {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("providers"),
          QJsonArray {
              provider(QStringLiteral("openai"), QStringLiteral("openai"), base + QStringLiteral("/openai/v1")),
              provider(QStringLiteral("anthropic"), QStringLiteral("anthropic"),
                       base + QStringLiteral("/anthropic/v1")),
              provider(QStringLiteral("deepseek"), QStringLiteral("openai"), base + QStringLiteral("/deepseek/v1")),
              // The Mistral preset's id: Mistral's batch API, whatever the base URL.
              provider(QStringLiteral("mistral"), QStringLiteral("openai"), base + QStringLiteral("/mistral/v1")),
              azure(QStringLiteral("azure"), base + QStringLiteral("/azure")),
              // Azure's v1 API: files and batches under the base URL, no api-version.
              azure(QStringLiteral("azure-v1"), base + QStringLiteral("/azure/openai/v1")),
              entra(base + QStringLiteral("/azure")), gemini(base + QStringLiteral("/gemini/v1beta")) } },
        { QStringLiteral("models"),
          QJsonArray { model(QStringLiteral("gpt-4.1-mini"), QStringLiteral("openai")),
                       model(QStringLiteral("claude-haiku-4-5"), QStringLiteral("anthropic")),
                       model(QStringLiteral("deepseek-chat"), QStringLiteral("deepseek")),
                       model(QStringLiteral("codestral-latest"), QStringLiteral("mistral")),
                       model(QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini")),
                       // A global batch deployment, priced as its base model.
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("azure-mini") },
                                     { QStringLiteral("provider"), QStringLiteral("azure") },
                                     { QStringLiteral("upstreamModel"), QStringLiteral("batch-mini") },
                                     { QStringLiteral("baseModel"), QStringLiteral("gpt-4.1-mini") } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("azure-v1-mini") },
                                     { QStringLiteral("provider"), QStringLiteral("azure-v1") },
                                     { QStringLiteral("upstreamModel"), QStringLiteral("batch-mini") },
                                     { QStringLiteral("baseModel"), QStringLiteral("gpt-4.1-mini") } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("azure-entra-mini") },
                                     { QStringLiteral("provider"), QStringLiteral("azure-entra") },
                                     { QStringLiteral("upstreamModel"), QStringLiteral("batch-mini") },
                                     { QStringLiteral("baseModel"), QStringLiteral("gpt-4.1-mini") } } } },
    };
    QVERIFY(write(QDir(m_home->path()).filePath(QStringLiteral("providers.json")), QJsonDocument(config).toJson()));
}

QString tst_CliBatch::input(const QByteArray& content, const QString& name)
{
    const QString path = QDir(m_home->path()).filePath(name);
    write(path, content);
    return path;
}

void tst_CliBatch::refuseOver(double dailyUsd)
{
    QFile ini(QDir(m_home->path()).filePath(QString::fromLatin1(HomeSettings::FileName)));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[budget]\ndailyUsd=" + QByteArray::number(dailyUsd) + "\naction=refuse\n");
}

// What a refused submit says the daily budget has left: "... has left ($0.00199 of $0.01) ...".
static double leftInRefusal(const QByteArray& err)
{
    const qsizetype at = err.indexOf("has left ($");
    if (at < 0) {
        return -1;
    }
    const qsizetype from = at + qsizetype(sizeof("has left ($")) - 1;
    return err.mid(from, err.indexOf(' ', from) - from).toDouble();
}

QList<QVariantList> tst_CliBatch::rows(const QString& sql) const
{
    QList<QVariantList> result;
    {
        QSqlDatabase db;
        if (m_database.isEmpty()) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(QDir(m_home->path()).filePath(QStringLiteral("ledger.sqlite")));
        } else {
            const QUrl url(m_database);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("check"));
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        }
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next()) {
                    QVariantList row;
                    for (int i = 0; i < query.record().count(); ++i) {
                        row << query.value(i);
                    }
                    result << row;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return result;
}

void tst_CliBatch::submitStatusResults_recordsEachResultOnceAtTheBatchRates_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("served"); // the name the provider runs it under
    QTest::addColumn<int>("uploads");
    QTest::addColumn<double>("batchInput"); // USD per 1M, from resources/prices.json
    QTest::addColumn<double>("batchOutput");
    QTest::newRow("OpenAI Batch API, gpt-4.1-mini at 0.20 / 0.80") << "gpt-4.1-mini"
                                                                   << "gpt-4.1-mini" << 1 << 0.20 << 0.80;
    QTest::newRow("Anthropic Message Batches, claude-haiku-4-5 at 0.50 / 2.50")
        << "claude-haiku-4-5"
        << "claude-haiku-4-5" << 0 << 0.50 << 2.50;
    QTest::newRow("Mistral batch jobs, codestral-latest at 0.15 / 0.45") << "codestral-latest"
                                                                         << "codestral-latest" << 1 << 0.15 << 0.45;
    QTest::newRow("Azure OpenAI global batch, a gpt-4.1-mini deployment at 0.20 / 0.80")
        << "azure-mini"
        << "batch-mini" << 1 << 0.20 << 0.80;
    QTest::newRow("Azure OpenAI's v1 API, the same deployment") << "azure-v1-mini"
                                                                << "batch-mini" << 1 << 0.20 << 0.80;
    QTest::newRow("Gemini Batch API inline, gemini-2.5-flash at 0.15 / 1.25")
        << "gemini-2.5-flash"
        << "gemini-2.5-flash" << 0 << 0.15 << 1.25;
}

void tst_CliBatch::submitStatusResults_recordsEachResultOnceAtTheBatchRates()
{
    QFETCH(QString, model);
    QFETCH(QString, served);
    QFETCH(int, uploads);
    QFETCH(double, batchInput);
    QFETCH(double, batchOutput);
    const QString file = input(
        "{\"custom_id\":\"q1\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}],\"max_tokens\":40}\n"
        "{\"custom_id\":\"q2\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
        "{\"role\":\"user\",\"content\":\"Name a colour.\"}],\"max_tokens\":40}\n"
        "{\"custom_id\":\"q3\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}\n");

    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   model, QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    QVERIFY2(!id.isEmpty(), submitted.out.constData());
    QCOMPARE(m_sandbox->batches().uploads(), uploads);
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
    QCOMPARE(m_sandbox->batches().requestsRun(), 0);

    const CliRun status = run({ QStringLiteral("batch"), QStringLiteral("status"), id, QStringLiteral("--json") });
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QCOMPARE(QJsonDocument::fromJson(status.out).object().value(QLatin1String("state")).toString(),
             QStringLiteral("in_progress"));

    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--json") });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    const QJsonObject answer = QJsonDocument::fromJson(results.out).object();
    QCOMPARE(answer.value(QLatin1String("recorded_now")).toBool(), true);
    QCOMPARE(answer.value(QLatin1String("results")).toArray().size(), 3);
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);
    QCOMPARE(m_sandbox->requestCount(served), 3);

    // One row per result, source batch, each cost by hand: prompt x batch input + completion x batch output.
    const QList<QVariantList> recorded = rows(QStringLiteral(
        "SELECT prompt_tokens, completion_tokens, cost_usd, batch, final_model, status, prompt FROM requests"
        " WHERE source = 'batch' ORDER BY prompt"));
    QCOMPARE(recorded.size(), 3);
    double total = 0;
    for (const QVariantList& row : recorded) {
        const double expected = (row[0].toLongLong() * batchInput + row[1].toLongLong() * batchOutput) / 1e6;
        QVERIFY(row[0].toLongLong() > 0 && row[1].toLongLong() > 0);
        QVERIFY2(qAbs(row[2].toDouble() - expected) < 1e-12, qPrintable(row[2].toString()));
        QCOMPARE(row[3].toInt(), 1);
        QCOMPARE(row[4].toString(), model);
        QCOMPARE(row[5].toString(), QStringLiteral("ok"));
        total += expected;
    }
    QCOMPARE(recorded[0][6].toString(), QStringLiteral("Name a colour."));
    QVERIFY(qAbs(answer.value(QLatin1String("cost_usd")).toDouble() - total) < 1e-12);

    // Fetched again (another process, later): shown, not recorded again, not answered again.
    const CliRun again = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--json") });
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("recorded_now")).toBool(), false);
    QVERIFY(qAbs(QJsonDocument::fromJson(again.out).object().value(QLatin1String("cost_usd")).toDouble() - total)
            < 1e-12);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests")).value(0).value(0).toInt(), 3);
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);

    const CliRun list = run({ QStringLiteral("batch"), QStringLiteral("list"), QStringLiteral("--json") });
    const QJsonArray jobs = QJsonDocument::fromJson(list.out).object().value(QLatin1String("jobs")).toArray();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs[0].toObject().value(QLatin1String("state")).toString(), QStringLiteral("ended"));
    QCOMPARE(jobs[0].toObject().value(QLatin1String("recorded")).toBool(), true);
}

void tst_CliBatch::resultsBeforeTheEnd_saysSoThenWaits()
{
    const QString file = input("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("gpt-4.1-mini") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QString::fromUtf8(submitted.out).section(QLatin1Char(':'), 0, 0).section(QLatin1Char(' '), -1);
    QCOMPARE(QString::fromUtf8(submitted.out).trimmed(),
             QStringLiteral("Submitted batch %1: 1 request to gpt-4.1-mini. See: switchyard batch status %1").arg(id));
    const CliRun early = run({ QStringLiteral("batch"), QStringLiteral("results"), id });
    QCOMPARE(early.exitCode, 75);
    QVERIFY2(early.err.contains("has not finished yet (in_progress)"), early.err.constData());
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests")).value(0).value(0).toInt(), 0);
    const CliRun waited = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--wait"),
                                QStringLiteral("--poll-seconds"), QStringLiteral("1") });
    QVERIFY2(waited.exitCode == 0, waited.err.constData());
    QVERIFY2(waited.out.contains("[request-1]"), waited.out.constData());
    QVERIFY2(waited.out.contains("1 result, $"), waited.out.constData());
    QVERIFY2(waited.out.contains("at the batch rates, recorded in the history"), waited.out.constData());
    const CliRun list = run({ QStringLiteral("batch"), QStringLiteral("list") });
    QVERIFY2(list.out.startsWith(id.toUtf8()) && list.out.contains("gpt-4.1-mini  ended  recorded"),
             list.out.constData());
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests WHERE source = 'batch'")).value(0).value(0).toInt(), 1);

    // --wait straight after a submit: in progress at the first poll, ended at the one a second later.
    const CliRun second = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                QStringLiteral("claude-haiku-4-5"), QStringLiteral("--json") });
    const QString secondId = QJsonDocument::fromJson(second.out).object().value(QLatin1String("id")).toString();
    const CliRun polled = run({ QStringLiteral("batch"), QStringLiteral("results"), secondId, QStringLiteral("--wait"),
                                QStringLiteral("--poll-seconds"), QStringLiteral("1") });
    QVERIFY2(polled.exitCode == 0, polled.err.constData());
    QVERIFY2(polled.err.contains(secondId.toUtf8() + ": in_progress, waiting 1 s"), polled.err.constData());
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests WHERE source = 'batch'")).value(0).value(0).toInt(), 2);
}

void tst_CliBatch::badInput_refusedNamingThePlace_nothingSent_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error");
    const QByteArray ok = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n";
    QTest::newRow("a malformed line") << "gpt-4.1-mini" << ok + "{\"messages\": [\n" << 65 << "in.jsonl:2:";
    QTest::newRow("a duplicate custom_id")
        << "gpt-4.1-mini"
        << QByteArray("{\"custom_id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n"
                      "{\"custom_id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"Ho\"}]}\n")
        << 65 << "in.jsonl:2: \"custom_id\"";
    QTest::newRow("an unknown model") << "gpt-0" << ok << 64 << "--model: unknown model \"gpt-0\"";
    QTest::newRow("a provider without a batch API (no batch prices)")
        << "deepseek-chat" << ok << 64 << "--model: deepseek-chat has no batch prices";
    QTest::newRow("a field Anthropic has no equivalent for")
        << "claude-haiku-4-5"
        << QByteArray("{\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n") << 65
        << "in.jsonl:1: \"logprobs\"";
}

void tst_CliBatch::badInput_refusedNamingThePlace_nothingSent()
{
    QFETCH(QString, model);
    QFETCH(QByteArray, file);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    const CliRun refused
        = run({ QStringLiteral("batch"), QStringLiteral("submit"), input(file), QStringLiteral("--model"), model });
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(error.toUtf8()), refused.err.constData());
    QCOMPARE(m_sandbox->batches().endpointRequests(), 0);
    QCOMPARE(m_sandbox->totalRequests(), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM batch_jobs")).value(0).value(0).toInt(), 0);
}

void tst_CliBatch::refusingBudget_needsRoomForTheWorstCase_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("exitCode");
    // gpt-4.1-mini at 0.20 / 0.80 per 1M in a batch, a daily limit of $0.01 that refuses.
    // 40 output tokens at most: about $0.00003, room enough.
    QTest::newRow("max_tokens 40: fits") << QByteArray(
        "{\"max_tokens\":40,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n")
                                         << 0;
    // No max_tokens: the model's 32,768 output tokens may come back, 32768 x 0.80 per 1M = $0.026.
    QTest::newRow("no max_tokens: the model's maximum does not fit")
        << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n") << 2;
}

void tst_CliBatch::refusingBudget_needsRoomForTheWorstCase()
{
    QFETCH(QByteArray, file);
    QFETCH(int, exitCode);
    QFile ini(QDir(m_home->path()).filePath(QString::fromLatin1(HomeSettings::FileName)));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[budget]\ndailyUsd=0.01\naction=refuse\n");
    ini.close();
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), input(file),
                                   QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini") });
    QCOMPARE(submitted.exitCode, exitCode);
    QCOMPARE(m_sandbox->batches().jobsCreated(), exitCode == 0 ? 1 : 0);
    if (exitCode != 0) {
        QVERIFY2(submitted.err.contains("the batch could cost up to $0.02622 at the batch rates, more than the daily "
                                        "budget has left ($0.01 of $0.01)"),
                 submitted.err.constData());
        QCOMPARE(m_sandbox->batches().endpointRequests(), 0);
    }
}

// The budget fits one batch: while it runs (between its submit and the recording of its results)
// its worst case at the batch rates is held in the ledger, so another process's second submit and
// an ordinary request over the room left are refused and send nothing; once its results are
// recorded only their real cost counts.
void tst_CliBatch::runningJob_holdsItsWorstCaseUntilItsResultsAreRecorded_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("SQLite ledger: each process counts the hold in its ledger spend") << false;
    QTest::newRow("PostgreSQL ledger: the team's shared budget holds it too") << true;
}

void tst_CliBatch::runningJob_holdsItsWorstCaseUntilItsResultsAreRecorded()
{
    QFETCH(bool, postgres);
    if (postgres) {
        if (!m_server.start()) {
            QSKIP(qPrintable(m_server.skipReason()));
        }
        m_database = m_server.createDatabase(QStringLiteral("batch"));
        QVERIFY(!m_database.isEmpty());
    }
    refuseOver(0.01);
    // gpt-4.1-mini at 0.20 / 0.80 per 1M in a batch: two requests of up to 5,000 output tokens each
    // hold 2 x 5,000 x 0.80 / 1M = $0.008 plus their prompts.
    const QString file = input("{\"custom_id\":\"a\",\"max_tokens\":5000,\"messages\":[{\"role\":\"user\","
                               "\"content\":\"Hi\"}]}\n"
                               "{\"custom_id\":\"b\",\"max_tokens\":5000,\"messages\":[{\"role\":\"user\","
                               "\"content\":\"Ho\"}]}\n");
    const QStringList submit { QStringLiteral("batch"),   QStringLiteral("submit"),       file,
                               QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("--json") };
    const CliRun first = run(submit);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QString id = QJsonDocument::fromJson(first.out).object().value(QLatin1String("id")).toString();
    const QList<QVariantList> holds = rows(QStringLiteral("SELECT amount_usd, scopes FROM budget_holds"));
    QCOMPARE(holds.size(), 1);
    const double held = holds[0][0].toDouble();
    QVERIFY2(held > 0.008 && held < 0.00801, qPrintable(QString::number(held)));
    QVERIFY2(holds[0][1].toString().split(QLatin1Char('\n')).contains(QStringLiteral("batch:") + id),
             qPrintable(holds[0][1].toString()));
    // `switchyard budget` shows the hold apart from the spend, both counted against the limit.
    const CliRun standing = run({ QStringLiteral("budget") });
    QVERIFY2(standing.exitCode == 0, standing.err.constData());
    QVERIFY2(standing.out.startsWith("daily budget: $0.00 spent + $0.008")
                 && standing.out.contains(" held by running batch jobs of $0.01 (80 %)\n"),
             standing.out.constData());
    const QJsonObject day = QJsonDocument::fromJson(run({ QStringLiteral("budget"), QStringLiteral("--json") }).out)
                                .object()
                                .value(QLatin1String("budgets"))
                                .toArray()
                                .first()
                                .toObject();
    QCOMPARE(day.value(QLatin1String("scope")).toString(), QStringLiteral("global/day"));
    QCOMPARE(day.value(QLatin1String("spent_usd")).toDouble(), 0.0);
    QVERIFY(qAbs(day.value(QLatin1String("batch_held_usd")).toDouble() - held) < 1e-9);
    QCOMPARE(day.value(QLatin1String("limit_usd")).toDouble(), 0.01);
    const QString sharedHeld = QStringLiteral("SELECT COALESCE(SUM(held_usd), 0) FROM budget_periods");
    if (postgres) { // the team's daily scope holds it as well
        QVERIFY(qAbs(rows(sharedHeld).value(0).value(0).toDouble() - held) < 1e-9);
    }

    const CliRun second = run(submit);
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(qAbs(leftInRefusal(second.err) - (0.01 - held)) < 1e-5, second.err.constData());
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);

    const QStringList ask { QStringLiteral("ask"), QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini"),
                            QStringLiteral("--max-tokens") };
    // 3,000 tokens at 1.60 per 1M: $0.0048, more than the $0.002 left.
    const CliRun over = run(ask + QStringList { QStringLiteral("3000"), QStringLiteral("Hello") });
    QCOMPARE(over.exitCode, 2);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("gpt-4.1-mini")), 0);
    // 100 tokens: $0.00016, within the room: the hold is the job's worst case, no more.
    const CliRun within = run(ask + QStringList { QStringLiteral("100"), QStringLiteral("Hello") });
    QVERIFY2(within.exitCode == 0, within.err.constData());
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("gpt-4.1-mini")), 1);

    QCOMPARE(run({ QStringLiteral("batch"), QStringLiteral("status"), id }).exitCode, 0);
    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--json") });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 0);
    if (postgres) {
        QVERIFY(qAbs(rows(sharedHeld).value(0).value(0).toDouble()) < 1e-9);
    }

    // Now the room left is the limit less what was really spent (the batch's rows and the ask's).
    const double spent = rows(QStringLiteral("SELECT SUM(cost_usd) FROM requests")).value(0).value(0).toDouble();
    QVERIFY(spent > 0 && spent < 0.001);
    const CliRun after = run({ QStringLiteral("budget") });
    QVERIFY2(after.out.startsWith("daily budget: $0.000") && after.out.contains(" spent of $0.01 (")
                 && !after.out.contains("held"),
             after.out.constData());
    const CliRun unbounded
        = run({ QStringLiteral("batch"), QStringLiteral("submit"),
                input("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n", QStringLiteral("unbounded.jsonl")),
                QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini") });
    QCOMPARE(unbounded.exitCode, 2);
    QVERIFY2(qAbs(leftInRefusal(unbounded.err) - (0.01 - spent)) < 1e-5, unbounded.err.constData());
    const CliRun again = run(submit);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(m_sandbox->batches().jobsCreated(), 2);
}

void tst_CliBatch::cancel_recordsWhatFinishedAndReleasesTheRest_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("cancelling");
    QTest::addColumn<int>("results"); // what the provider reports after the cancel
    QTest::addColumn<int>("ranAtCancel"); // requests run server-side when `cancel` returns
    QTest::newRow("OpenAI: cancelling, then cancelled with a partial output file") << "gpt-4.1-mini"
                                                                                   << "cancelling" << 2 << 0;
    QTest::newRow("Anthropic: canceling, then ended with the rest canceled") << "claude-haiku-4-5"
                                                                             << "cancelling" << 3 << 0;
    QTest::newRow("Mistral: CANCELLATION_REQUESTED, then CANCELLED with a partial output file")
        << "codestral-latest"
        << "cancelling" << 2 << 0;
    QTest::newRow("Azure OpenAI: cancelling, then cancelled with a partial output file") << "azure-mini"
                                                                                         << "cancelling" << 2 << 0;
    // Gemini's cancel answers {}; the GET after it already shows the batch CANCELLED.
    QTest::newRow("Gemini: :cancel, then CANCELLED with the inline responses of what ran") << "gemini-2.5-flash"
                                                                                           << "cancelled" << 2 << 2;
}

// Three requests, cancelled while running: the sandbox had finished two (the first half, rounded
// up). Those are recorded and billed at the batch rates; the hold for the rest is released.
void tst_CliBatch::cancel_recordsWhatFinishedAndReleasesTheRest()
{
    QFETCH(QString, model);
    QFETCH(QString, cancelling);
    QFETCH(int, results);
    QFETCH(int, ranAtCancel);
    const QString file
        = input("{\"custom_id\":\"q1\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"One\"}]}\n"
                "{\"custom_id\":\"q2\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Two\"}]}\n"
                "{\"custom_id\":\"q3\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Three\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   model, QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    QCOMPARE(run({ QStringLiteral("batch"), QStringLiteral("status"), id }).exitCode, 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 1);

    const CliRun cancelled = run({ QStringLiteral("batch"), QStringLiteral("cancel"), id, QStringLiteral("--json") });
    QVERIFY2(cancelled.exitCode == 0, cancelled.err.constData());
    QCOMPARE(QJsonDocument::fromJson(cancelled.out).object().value(QLatin1String("state")).toString(), cancelling);
    QCOMPARE(m_sandbox->batches().requestsRun(), ranAtCancel);

    const CliRun fetched = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--wait"),
                                 QStringLiteral("--poll-seconds"), QStringLiteral("1"), QStringLiteral("--json") });
    QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
    const QJsonObject answer = QJsonDocument::fromJson(fetched.out).object();
    QCOMPARE(answer.value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    const QJsonArray shown = answer.value(QLatin1String("results")).toArray();
    QCOMPARE(shown.size(), results);
    if (results == 3) {
        QCOMPARE(shown[2].toObject().value(QLatin1String("error")).toString(), QStringLiteral("canceled"));
    }
    QCOMPARE(m_sandbox->batches().requestsRun(), 2); // counted server-side: q3 never ran

    const QList<QVariantList> recorded
        = rows(QStringLiteral("SELECT prompt, status, cost_usd FROM requests WHERE source = 'batch' ORDER BY prompt"));
    QCOMPARE(recorded.size(), 2);
    QCOMPARE(recorded[0][0].toString(), QStringLiteral("One"));
    QCOMPARE(recorded[1][0].toString(), QStringLiteral("Two"));
    QVERIFY(recorded[0][2].toDouble() > 0 && recorded[1][2].toDouble() > 0);
    QVERIFY(
        qAbs(answer.value(QLatin1String("cost_usd")).toDouble() - recorded[0][2].toDouble() - recorded[1][2].toDouble())
        < 1e-12);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 0);
    const CliRun list = run({ QStringLiteral("batch"), QStringLiteral("list") });
    QVERIFY2(list.out.contains("cancelled  recorded"), list.out.constData());
}

void tst_CliBatch::malformedOutputLine_namedAndNothingRecorded_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("Mistral") << "codestral-latest";
    QTest::newRow("Azure OpenAI") << "azure-mini";
    QTest::newRow("OpenAI") << "gpt-4.1-mini";
}

// The provider's output file has a line cut in half (a truncated download): the results command
// names the line and records none of the file, and the job's hold stays until a good copy is read.
void tst_CliBatch::malformedOutputLine_namedAndNothingRecorded()
{
    QFETCH(QString, model);
    const QString file
        = input("{\"custom_id\":\"q1\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"One\"}]}\n"
                "{\"custom_id\":\"q2\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Two\"}]}\n"
                "{\"custom_id\":\"q3\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Three\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   model, QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    m_sandbox->batches().setMalformedOutputLine(2);
    QCOMPARE(run({ QStringLiteral("batch"), QStringLiteral("status"), id }).exitCode, 0);
    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id });
    QVERIFY(results.exitCode != 0);
    QVERIFY2(results.err.contains("results line 2: expected an object with a custom_id"), results.err.constData());
    QCOMPARE(m_sandbox->batches().requestsRun(), 3);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests")).value(0).value(0).toInt(), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 1);
    const CliRun list = run({ QStringLiteral("batch"), QStringLiteral("list") });
    QVERIFY2(list.out.contains("not recorded"), list.out.constData());
}

// Azure's resource endpoint: the upload, the job and its polls at /openai/files and /openai/batches
// with the provider's api-version, its key in api-key; each line's body names the deployment.
void tst_CliBatch::azure_reachesTheResourcesBatchPathsWithItsKey()
{
    const QString file
        = input("{\"custom_id\":\"q1\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"One\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("azure-mini"), QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    const QJsonObject line = QJsonDocument::fromJson(m_sandbox->batches().jobInput(id).trimmed()).object();
    QCOMPARE(line.value(QLatin1String("url")).toString(), QStringLiteral("/chat/completions"));
    QCOMPARE(line.value(QLatin1String("body")).toObject().value(QLatin1String("model")).toString(),
             QStringLiteral("batch-mini"));

    // Without the key the resource refuses, naming nothing of the job.
    qputenv("SWITCHYARD_TEST_AZURE_KEY", "wrong-key");
    const CliRun refused = run({ QStringLiteral("batch"), QStringLiteral("status"), id });
    qputenv("SWITCHYARD_TEST_AZURE_KEY", kAzureKey);
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("HTTP 401"), refused.err.constData());
    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--wait"),
                                 QStringLiteral("--poll-seconds"), QStringLiteral("1"), QStringLiteral("--json") });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("batch-mini")), 1);
    const QList<QVariantList> recorded = rows(QStringLiteral("SELECT final_model, batch FROM requests"));
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded[0][0].toString(), QStringLiteral("azure-mini"));
    QCOMPARE(recorded[0][1].toInt(), 1);
}

// On SQLite no sweep runs: 26 hours after its submit (here: its row's time set back, as each step
// is a process of its own with the system clock) a job nobody recorded counts as spent at its worst
// case, not as held by a running job; its results, fetched late, replace it by their real cost.
void tst_CliBatch::sqliteHold_pastItsWindow_countsAsSpentUntilTheResultsReplaceIt()
{
    const qint64 back = (26 * 3600 + 60) * qint64(1000);
    if (QDateTime::currentDateTime().addMSecs(-back).date().month() != QDate::currentDate().month()) {
        QSKIP("the job would have been submitted last month, outside this month's budget");
    }
    QFile ini(QDir(m_home->path()).filePath(QString::fromLatin1(HomeSettings::FileName)));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[budget]\nmonthlyUsd=0.01\naction=refuse\n");
    ini.close();
    const QString file = input("{\"custom_id\":\"a\",\"max_tokens\":5000,\"messages\":[{\"role\":\"user\","
                               "\"content\":\"Hi\"}]}\n"
                               "{\"custom_id\":\"b\",\"max_tokens\":5000,\"messages\":[{\"role\":\"user\","
                               "\"content\":\"Ho\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("gpt-4.1-mini"), QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    QVERIFY(run({ QStringLiteral("budget") }).out.contains(" held by running batch jobs of $0.01 (80 %)"));

    const qint64 submittedAt
        = rows(QStringLiteral("SELECT created_at FROM budget_holds")).value(0).value(0).toLongLong();
    rows(QStringLiteral("UPDATE budget_holds SET created_at = created_at - %1").arg(back));
    QCOMPARE(rows(QStringLiteral("SELECT created_at FROM budget_holds")).value(0).value(0).toLongLong(),
             submittedAt - back);

    // Spent at its worst case, not held: the limit is as full as before.
    const CliRun expired = run({ QStringLiteral("budget") });
    QVERIFY2(expired.out.startsWith("monthly budget: $0.008") && expired.out.contains(" spent of $0.01 (80 %)")
                 && !expired.out.contains("held"),
             expired.out.constData());
    const CliRun over = run({ QStringLiteral("ask"), QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini"),
                              QStringLiteral("--max-tokens"), QStringLiteral("3000"), QStringLiteral("Hello") });
    QCOMPARE(over.exitCode, 2);

    // Its results, late: the real cost replaces the worst case.
    QCOMPARE(run({ QStringLiteral("batch"), QStringLiteral("status"), id }).exitCode, 0);
    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 0);
    const CliRun after = run({ QStringLiteral("budget"), QStringLiteral("--json") });
    const double spent = rows(QStringLiteral("SELECT SUM(cost_usd) FROM requests")).value(0).value(0).toDouble();
    const QJsonObject month
        = QJsonDocument::fromJson(after.out).object().value(QLatin1String("budgets")).toArray().first().toObject();
    QVERIFY2(qAbs(month.value(QLatin1String("spent_usd")).toDouble() - spent) < 1e-12, after.out.constData());
    QCOMPARE(month.value(QLatin1String("batch_held_usd")).toDouble(), 0.0);
}

// Azure with Entra ID client credentials: each process fetches a token before its first batch
// request (as calls do) and sends it as the bearer; no api-key goes out.
void tst_CliBatch::azureEntra_fetchesTheTokenBeforeTheFirstBatchRequest()
{
    m_sandbox->setEntraApp(
        { QStringLiteral("contoso-tenant"), QStringLiteral("app-0000-1234"), QStringLiteral("entra-secret-42"), 4 });
    const QList<std::pair<const char*, QByteArray>> environment {
        { "AZURE_TENANT_ID", "contoso-tenant" },
        { "AZURE_CLIENT_ID", "app-0000-1234" },
        { "AZURE_CLIENT_SECRET", "entra-secret-42" },
        { "AZURE_AUTHORITY_HOST", QStringLiteral("http://127.0.0.1:%1/entra").arg(m_sandbox->port()).toUtf8() },
    };
    for (const auto& [name, value] : environment) {
        qputenv(name, value);
    }
    const auto restore = qScopeGuard([&] {
        for (const auto& entry : environment) {
            qunsetenv(entry.first);
        }
    });
    const QString file
        = input("{\"custom_id\":\"q1\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"One\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("azure-entra-mini"), QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    QCOMPARE(m_sandbox->entraTokenRequests(), 1); // the upload and the job: one token
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--wait"),
                                 QStringLiteral("--poll-seconds"), QStringLiteral("1") });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("batch-mini")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests WHERE final_model = 'azure-entra-mini'"))
                 .value(0)
                 .value(0)
                 .toInt(),
             1);
}

// Gemini's batch end to end with a request that fails inside it: the batch goes inline to
// models/gemini-2.5-flash:batchGenerateContent with the key in x-goog-api-key, each request keyed
// by its custom id; the answer is recorded at the batch rates, the failure on its own row with
// Google's reason and nothing billed; the hold is settled to what the answer cost.
void tst_CliBatch::gemini_aFailedRequestKeptOnItsRowTheBatchInlineWithItsKey()
{
    const QByteArray longPrompt = QByteArray("word ").repeated(600);
    const QString file
        = input("{\"custom_id\":\"short\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":"
                "\"What is 2+2?\"}]}\n"
                "{\"custom_id\":\"too-long\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\""
                + longPrompt + "\"}]}\n");
    refuseOver(1.0);
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("gemini-2.5-flash"), QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QJsonObject job = QJsonDocument::fromJson(submitted.out).object();
    const QString id = job.value(QLatin1String("id")).toString();
    // The running job holds its worst case at the batch rates (at least 2 x 50 tokens x 1.25 per 1M
    // of output), named after it, shown apart from the spend.
    const QList<QVariantList> holds = rows(QStringLiteral("SELECT amount_usd, scopes FROM budget_holds"));
    QCOMPARE(holds.size(), 1);
    const double held = holds[0][0].toDouble();
    QVERIFY2(held > 2 * 50 * 1.25 / 1e6 && held < 0.01, qPrintable(QString::number(held)));
    QVERIFY2(holds[0][1].toString().split(QLatin1Char('\n')).contains(QStringLiteral("batch:") + id),
             qPrintable(holds[0][1].toString()));
    auto dayBudget = [this] {
        return QJsonDocument::fromJson(run({ QStringLiteral("budget"), QStringLiteral("--json") }).out)
            .object()
            .value(QLatin1String("budgets"))
            .toArray()
            .first()
            .toObject();
    };
    QVERIFY(qAbs(dayBudget().value(QLatin1String("batch_held_usd")).toDouble() - held) < 1e-9);
    QCOMPARE(dayBudget().value(QLatin1String("spent_usd")).toDouble(), 0.0);
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("queued")); // BATCH_STATE_PENDING
    const QJsonArray sent = QJsonDocument::fromJson(m_sandbox->batches().jobInput(id))
                                .object()
                                .value(QLatin1String("batch"))
                                .toObject()
                                .value(QLatin1String("inputConfig"))
                                .toObject()
                                .value(QLatin1String("requests"))
                                .toObject()
                                .value(QLatin1String("requests"))
                                .toArray();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent[1].toObject().value(QLatin1String("metadata")).toObject().value(QLatin1String("key")).toString(),
             QStringLiteral("too-long"));
    QCOMPARE(sent[0]
                 .toObject()
                 .value(QLatin1String("request"))
                 .toObject()
                 .value(QLatin1String("generationConfig"))
                 .toObject()
                 .value(QLatin1String("maxOutputTokens"))
                 .toInt(),
             50);
    QCOMPARE(m_sandbox->batches().uploads(), 0);
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
    // Google's resource name names the same job.
    const CliRun byName = run({ QStringLiteral("batch"), QStringLiteral("status"), QStringLiteral("batches/") + id,
                                QStringLiteral("--json") });
    QVERIFY2(byName.exitCode == 0, byName.err.constData());
    QCOMPARE(QJsonDocument::fromJson(byName.out).object().value(QLatin1String("id")).toString(), id);

    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--wait"),
                                 QStringLiteral("--poll-seconds"), QStringLiteral("1"), QStringLiteral("--json") });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    const QJsonArray shown = QJsonDocument::fromJson(results.out).object().value(QLatin1String("results")).toArray();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(m_sandbox->batches().requestsRun(), 2);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("gemini-2.5-flash")), 2);

    const QList<QVariantList> recorded
        = rows(QStringLiteral("SELECT uuid, status, prompt_tokens, completion_tokens, cost_usd, error_message, batch "
                              "FROM requests WHERE source = 'batch' ORDER BY prompt_tokens DESC"));
    QCOMPARE(recorded.size(), 2);
    const QVariantList& answered = recorded[0];
    QCOMPARE(answered[1].toString(), QStringLiteral("ok"));
    const double expected = (answered[2].toLongLong() * 0.15 + answered[3].toLongLong() * 1.25) / 1e6;
    QVERIFY(answered[2].toLongLong() > 0 && answered[3].toLongLong() > 0);
    QVERIFY2(qAbs(answered[4].toDouble() - expected) < 1e-12, qPrintable(answered[4].toString()));
    QCOMPARE(answered[6].toInt(), 1);
    const QVariantList& failed = recorded[1];
    QVERIFY2(failed[1].toString() != QLatin1String("ok"), qPrintable(failed[1].toString()));
    QCOMPARE(failed[2].toLongLong(), 0);
    QCOMPARE(failed[4].toDouble(), 0.0);
    QVERIFY2(failed[5].toString().startsWith(QLatin1String("INVALID_ARGUMENT: The input token count")),
             qPrintable(failed[5].toString()));
    for (const QJsonValue& value : shown) {
        const QJsonObject row = value.toObject();
        QCOMPARE(row.value(QLatin1String("ok")).toBool(),
                 row.value(QLatin1String("custom_id")).toString() == QLatin1String("short"));
    }
    // The hold is settled to the answer's cost.
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 0);
    QCOMPARE(dayBudget().value(QLatin1String("batch_held_usd")).toDouble(), 0.0);
    QVERIFY(qAbs(dayBudget().value(QLatin1String("spent_usd")).toDouble() - answered[4].toDouble()) < 1e-9);

    // Without the key Google refuses, its reason named.
    qputenv("SWITCHYARD_TEST_GEMINI_KEY", "wrong-key");
    const CliRun refused = run({ QStringLiteral("batch"), QStringLiteral("status"), id });
    qputenv("SWITCHYARD_TEST_GEMINI_KEY", kGeminiKey);
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("HTTP 400: INVALID_ARGUMENT: API key not valid"), refused.err.constData());
}

// A batch in the ledger that Google no longer knows (here: a new sandbox on the same port):
// status, results and cancel each say what Google answered, and nothing is recorded.
void tst_CliBatch::gemini_aBatchGoogleDoesNotKnow_namedWithGooglesAnswer()
{
    const QString file = input("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n");
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("gemini-2.5-flash"), QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    const quint16 port = m_sandbox->port();
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->start(port));
    for (const QString& action : { QStringLiteral("status"), QStringLiteral("results"), QStringLiteral("cancel") }) {
        const CliRun answer = run({ QStringLiteral("batch"), action, id });
        QCOMPARE(answer.exitCode, 1);
        QVERIFY2(answer.err.contains("HTTP 404: NOT_FOUND: Requested entity was not found."), answer.err.constData());
    }
    QCOMPARE(m_sandbox->batches().endpointRequests(), 3);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests")).value(0).value(0).toInt(), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 1);
}

// Over Google's 20 MB for an inline batch (a short question and twenty prompts of a million
// characters): the requests go as a JSONL file through the Files API's resumable upload, the batch
// names it, and the answers come back as a responses file, downloaded and recorded by custom id.
void tst_CliBatch::gemini_overTwentyMegabytes_goesAsAFileAndAnswersInOne()
{
    QByteArray jsonl = "{\"custom_id\":\"short\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":"
                       "\"Name a colour.\"}]}\n";
    const QByteArray big(1000 * 1000, 'a');
    for (int i = 1; i <= 20; ++i) {
        jsonl += "{\"custom_id\":\"big-" + QByteArray::number(i)
            + "\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"" + big + "\"}]}\n";
    }
    QVERIFY(jsonl.size() > 20 * 1000 * 1000);
    const QString file = input(jsonl, QStringLiteral("big.jsonl"));
    const CliRun submitted = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("gemini-2.5-flash"), QStringLiteral("--json") });
    QVERIFY2(submitted.exitCode == 0, submitted.err.constData());
    const QString id = QJsonDocument::fromJson(submitted.out).object().value(QLatin1String("id")).toString();
    QCOMPARE(m_sandbox->batches().uploads(), 1); // counted server-side: one file, finalized
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
    const QJsonObject input = QJsonDocument::fromJson(m_sandbox->batches().jobInput(id))
                                  .object()
                                  .value(QLatin1String("batch"))
                                  .toObject()
                                  .value(QLatin1String("inputConfig"))
                                  .toObject();
    QVERIFY2(input.value(QLatin1String("fileName")).toString().startsWith(QLatin1String("files/")),
             m_sandbox->batches().jobInput(id).constData());
    QVERIFY(!input.contains(QLatin1String("requests")));

    const CliRun results = run({ QStringLiteral("batch"), QStringLiteral("results"), id, QStringLiteral("--wait"),
                                 QStringLiteral("--poll-seconds"), QStringLiteral("1"), QStringLiteral("--json") });
    QVERIFY2(results.exitCode == 0, results.err.constData());
    const QJsonArray shown = QJsonDocument::fromJson(results.out).object().value(QLatin1String("results")).toArray();
    QCOMPARE(shown.size(), 21);
    QCOMPARE(m_sandbox->batches().requestsRun(), 21);
    QCOMPARE(shown[0].toObject().value(QLatin1String("custom_id")).toString(), QStringLiteral("short"));
    QCOMPARE(shown[0].toObject().value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(shown[20].toObject().value(QLatin1String("custom_id")).toString(), QStringLiteral("big-20"));
    QVERIFY2(shown[20]
                 .toObject()
                 .value(QLatin1String("error"))
                 .toString()
                 .startsWith(QLatin1String("INVALID_ARGUMENT: The input token count")),
             qPrintable(shown[20].toObject().value(QLatin1String("error")).toString()));

    const QList<QVariantList> recorded = rows(QStringLiteral(
        "SELECT prompt_tokens, completion_tokens, cost_usd FROM requests WHERE source = 'batch' AND status = 'ok'"));
    QCOMPARE(recorded.size(), 1);
    const double expected = (recorded[0][0].toLongLong() * 0.15 + recorded[0][1].toLongLong() * 1.25) / 1e6;
    QVERIFY2(qAbs(recorded[0][2].toDouble() - expected) < 1e-12, qPrintable(recorded[0][2].toString()));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM requests WHERE source = 'batch'")).value(0).value(0).toInt(),
             21);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 0);

    // An upload session on another host is not followed: the key and the bytes stay home.
    m_sandbox->batches().setUploadUrlHost("127.0.0.2");
    const CliRun elsewhere = run({ QStringLiteral("batch"), QStringLiteral("submit"), file, QStringLiteral("--model"),
                                   QStringLiteral("gemini-2.5-flash") });
    QCOMPARE(elsewhere.exitCode, 1);
    QVERIFY2(elsewhere.err.contains("named an upload URL on another host (127.0.0.2); nothing was sent there"),
             elsewhere.err.constData());
    QCOMPARE(m_sandbox->batches().uploads(), 1);
    QCOMPARE(m_sandbox->batches().jobsCreated(), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM budget_holds")).value(0).value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_CliBatch)
#include "tst_CliBatch.moc"
