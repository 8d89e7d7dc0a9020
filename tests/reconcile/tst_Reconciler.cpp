#include "ReconcileFixture.h"

#include "core/ledger/LedgerQueries.h"
#include "core/reconcile/InvoiceReader.h"
#include "core/reconcile/ModelNames.h"
#include "core/reconcile/Reconciler.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// Each sample export next to a real ledger file filled through the Ledger's writer: matched rows
// and their drift, spend outside Switchyard, rows missing at the provider, the threshold.
class TestReconciler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sample_againstLedger_data();
    void sample_againstLedger();
    void threshold_decidesWhatIsFlagged_data();
    void threshold_decidesWhatIsFlagged();
    void keyMap_splitsRowsByClientKey();
    void period_limitsBothSides();
    void upstreamModels_mapSwitchyardIdsToExportNames();
    void exportWithoutModels_comparesPerDay();
    void dailyUsage_leavesOutCachedAnswers();
    void canonicalModelNames_data();
    void canonicalModelNames();

private:
    ReconcileReport reconcileSample(const QString& file, ReconcileOptions options = {});

    QTemporaryDir m_dir;
    QString m_ledgerPath;
};

void TestReconciler::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ledgerPath = m_dir.filePath(QStringLiteral("ledger.sqlite"));
    QVERIFY(ReconcileFixture::fill(m_ledgerPath));
}

ReconcileReport TestReconciler::reconcileSample(const QString& file, ReconcileOptions options)
{
    const InvoiceImport imported = InvoiceReader::read(ReconcileFixture::sample(file));
    if (!imported.ok()) {
        qWarning() << imported.error->message();
        return {};
    }
    const InvoiceProvider provider = InvoiceFormats::provider(*imported.format);
    options.ledgerProviders = InvoiceProviders::ledgerProviderIds(provider, {});
    LedgerQueries queries(m_ledgerPath);
    return Reconciler::reconcile(provider, imported.lines, queries, options);
}

void TestReconciler::sample_againstLedger_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("matched");
    QTest::addColumn<int>("missingInLedger");
    QTest::addColumn<int>("missingAtProvider");
    QTest::addColumn<int>("flagged");
    // One row looked at closely.
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("status");
    QTest::addColumn<double>("drift"); // NaN: none
    QTest::addColumn<bool>("rowFlagged");

    const QDate d1(2026, 11, 3);
    const QDate d2(2026, 11, 4);
    const double none = std::nan("");
    QTest::newRow("OpenAI costs: the ledger recorded 25 % less on day 2")
        << "openai-costs.json" << 3 << 1 << 1 << 3 << d2 << "gpt-4o-2024-08-06"
        << "matched" << -25.0 << true;
    QTest::newRow("OpenAI costs: gpt-4.1 on another key is spend outside Switchyard")
        << "openai-costs.json" << 3 << 1 << 1 << 3 << d2 << "gpt-4.1-2025-04-14"
        << "missing_in_ledger" << none << true;
    QTest::newRow("OpenAI costs: o3-mini calls the provider does not list")
        << "openai-costs.json" << 3 << 1 << 1 << 3 << d2 << "o3-mini"
        << "missing_at_provider" << none << true;
    QTest::newRow("OpenAI costs: a cached answer is not counted, day 1 matches")
        << "openai-costs.json" << 3 << 1 << 1 << 3 << d1 << "gpt-4o-2024-08-06"
        << "matched" << 0.0 << false;
    QTest::newRow("OpenAI usage JSON: tokens match to the token")
        << "openai-usage-completions.json" << 3 << 1 << 1 << 2 << d2 << "gpt-4o-2024-08-06"
        << "matched" << 0.0 << false;
    QTest::newRow("OpenAI activity CSV: as the JSON")
        << "openai-usage-dashboard.csv" << 3 << 1 << 1 << 2 << d1 << "gpt-4o-mini-2024-07-18"
        << "matched" << 0.0 << false;
    QTest::newRow("OpenAI cost CSV: as the JSON")
        << "openai-costs-dashboard.csv" << 3 << 1 << 1 << 3 << d2 << "gpt-4o-2024-08-06"
        << "matched" << -25.0 << true;
    QTest::newRow("Anthropic cost report: -4.76 % stays under the 5 % threshold")
        << "anthropic-cost-report.json" << 2 << 1 << 0 << 1 << d2 << "claude-haiku-4-5-20251001"
        << "matched" << (0.02 - 0.021) / 0.021 * 100 << false;
    QTest::newRow("Anthropic cost report: web search is billed outside the ledger")
        << "anthropic-cost-report.json" << 2 << 1 << 0 << 1 << d2 << "web_search"
        << "missing_in_ledger" << none << true;
    QTest::newRow("Anthropic usage report: cache writes and reads are input tokens")
        << "anthropic-usage-report.json" << 1 << 1 << 1 << 2 << d1 << "claude-sonnet-4-20250514"
        << "matched" << 0.0 << false;
    QTest::newRow("Anthropic usage report: Opus on another key is spend outside Switchyard")
        << "anthropic-usage-report.json" << 1 << 1 << 1 << 2 << d2 << "claude-opus-4-1-20250805"
        << "missing_in_ledger" << none << true;
    QTest::newRow("Anthropic Console usage CSV")
        << "anthropic-console-usage.csv" << 1 << 1 << 1 << 2 << d2 << "claude-haiku-4-5"
        << "missing_at_provider" << none << true;
    QTest::newRow("Anthropic Console cost CSV")
        << "anthropic-console-cost.csv" << 2 << 1 << 0 << 1 << d1 << "claude-sonnet-4-20250514"
        << "matched" << 0.0 << false;
    QTest::newRow("OpenRouter: per-generation rows summed per day and model")
        << "openrouter-activity.csv" << 2 << 1 << 1 << 2 << d1 << "anthropic/claude-3.5-sonnet"
        << "matched" << 0.0 << false;
    QTest::newRow("OpenRouter: a model called outside Switchyard")
        << "openrouter-activity.csv" << 2 << 1 << 1 << 2 << d2 << "meta-llama/llama-3.1-70b-instruct"
        << "missing_in_ledger" << none << true;
}

void TestReconciler::sample_againstLedger()
{
    QFETCH(QString, file);
    QFETCH(int, matched);
    QFETCH(int, missingInLedger);
    QFETCH(int, missingAtProvider);
    QFETCH(int, flagged);
    QFETCH(QDate, day);
    QFETCH(QString, model);
    QFETCH(QString, status);
    QFETCH(double, drift);
    QFETCH(bool, rowFlagged);

    const ReconcileReport report = reconcileSample(file);
    QVERIFY(report.error.isEmpty());
    QCOMPARE(report.matched, matched);
    QCOMPARE(report.missingInLedger, missingInLedger);
    QCOMPARE(report.missingAtProvider, missingAtProvider);
    QCOMPARE(report.flagged, flagged);
    const auto row = std::find_if(report.rows.cbegin(), report.rows.cend(),
                                  [&](const ReconcileRow& r) { return r.day == day && r.model == model; });
    QVERIFY2(row != report.rows.cend(), qPrintable(model));
    QCOMPARE(ReconcileStatuses::id(row->status), status);
    if (std::isnan(drift)) {
        QVERIFY(!row->driftPercent);
    } else {
        QVERIFY(row->driftPercent);
        QVERIFY2(std::abs(*row->driftPercent - drift) < 1e-6, qPrintable(QString::number(*row->driftPercent)));
    }
    QCOMPARE(row->flagged, rowFlagged);
}

void TestReconciler::threshold_decidesWhatIsFlagged_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("flagged");
    QTest::newRow("default 5 %: the -25 % row and both missing rows") << 5.0 << 3;
    QTest::newRow("30 %: only the missing rows") << 30.0 << 2;
    QTest::newRow("exactly 25 %: not above it") << 25.0 << 2;
}

void TestReconciler::threshold_decidesWhatIsFlagged()
{
    QFETCH(double, threshold);
    QFETCH(int, flagged);
    ReconcileOptions options;
    options.thresholdPercent = threshold;
    QCOMPARE(reconcileSample(QStringLiteral("openai-costs.json"), options).flagged, flagged);
}

void TestReconciler::keyMap_splitsRowsByClientKey()
{
    ReconcileOptions options;
    options.keyMap = { { QStringLiteral("key_7fQpLwZr2mXn"), QStringLiteral("ck_cursor") } };
    const ReconcileReport report = reconcileSample(QStringLiteral("openai-usage-completions.json"), options);
    QVERIFY(report.byKey);
    QCOMPARE(report.matched, 3);
    for (const ReconcileRow& row : report.rows) {
        if (row.status == ReconcileStatus::MissingInLedger) {
            QCOMPARE(row.key, QStringLiteral("key_9dTeamOther"));
        } else {
            QCOMPARE(row.key, QStringLiteral("ck_cursor"));
        }
    }
}

void TestReconciler::period_limitsBothSides()
{
    ReconcileOptions options;
    options.since = QDate(2026, 11, 3);
    options.until = QDate(2026, 11, 3);
    const ReconcileReport report = reconcileSample(QStringLiteral("openai-costs.json"), options);
    QCOMPARE(report.matched, 2);
    QCOMPARE(report.missingInLedger + report.missingAtProvider, 0);
    QCOMPARE(report.providerCostUsd, 0.0462);
    QVERIFY(std::abs(report.ledgerCostUsd - 0.0462) < 1e-12);
}

void TestReconciler::upstreamModels_mapSwitchyardIdsToExportNames()
{
    InvoiceLine line;
    line.day = QDate(2026, 11, 3);
    line.model = QStringLiteral("gpt-4o-2024-08-06");
    line.costUsd = 1.0;
    DailyUsageRow usage;
    usage.day = line.day;
    usage.provider = QStringLiteral("openai");
    usage.model = QStringLiteral("smart");
    usage.requests = 3;
    usage.costUsd = 1.0;
    ReconcileOptions options;
    QCOMPARE(Reconciler::compare(InvoiceProvider::OpenAi, { line }, { usage }, options).matched, 0);
    options.upstreamModels = { { QStringLiteral("smart"), QStringLiteral("gpt-4o") } };
    const ReconcileReport report = Reconciler::compare(InvoiceProvider::OpenAi, { line }, { usage }, options);
    QCOMPARE(report.matched, 1);
    QCOMPARE(report.rows.size(), 1);
    QCOMPARE(report.rows.first().driftPercent, 0.0);
}

void TestReconciler::exportWithoutModels_comparesPerDay()
{
    // A Costs API page without group_by=line_item: one amount per day.
    const InvoiceImport imported = InvoiceReader::parse(
        "{\"object\":\"page\",\"data\":[{\"object\":\"bucket\",\"start_time\":1793664000,\"end_time\":1793750400,"
        "\"results\":[{\"object\":\"organization.costs.result\",\"amount\":{\"value\":0.0462,\"currency\":\"usd\"},"
        "\"line_item\":null,\"project_id\":null}]}],\"has_more\":false,\"next_page\":null}",
        QStringLiteral("costs.json"));
    QVERIFY(imported.ok());
    ReconcileOptions options;
    options.ledgerProviders = { QStringLiteral("openai") };
    LedgerQueries queries(m_ledgerPath);
    const ReconcileReport report = Reconciler::reconcile(InvoiceProvider::OpenAi, imported.lines, queries, options);
    QCOMPARE(report.rows.size(), 1);
    QCOMPARE(report.rows.first().status, ReconcileStatus::Matched);
    QVERIFY(std::abs(*report.rows.first().driftPercent) < 1e-9);
}

void TestReconciler::dailyUsage_leavesOutCachedAnswers()
{
    LedgerQueries queries(m_ledgerPath);
    const QList<DailyUsageRow> rows = queries.dailyUsage(
        QDate(2026, 11, 3).startOfDay(Qt::UTC), QDate(2026, 11, 4).startOfDay(Qt::UTC), { QStringLiteral("openai") });
    QVERIFY(queries.errorString().isEmpty());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first().model, QStringLiteral("gpt-4o"));
    QCOMPARE(rows.first().clientKey, QStringLiteral("ck_cursor"));
    QCOMPARE(rows.first().requests, 10);
    QCOMPARE(rows.first().promptTokens, 10000);
    QCOMPARE(rows.first().completionTokens, 2000);
}

void TestReconciler::canonicalModelNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("OpenAI snapshot date") << "gpt-4o-2024-08-06"
                                          << "gpt-4o";
    QTest::newRow("Anthropic snapshot date") << "claude-sonnet-4-20250514"
                                             << "claude-sonnet-4";
    QTest::newRow("vendor prefix") << "openai/gpt-4o-mini"
                                   << "gpt-4o-mini";
    QTest::newRow("OpenRouter dotted version") << "anthropic/claude-3.5-sonnet"
                                               << "claude-3-5-sonnet";
    QTest::newRow("Anthropic's own spelling of it") << "claude-3-5-sonnet-20241022"
                                                    << "claude-3-5-sonnet";
    QTest::newRow("OpenRouter variant") << "meta-llama/llama-3.1-70b-instruct:free"
                                        << "llama-3-1-70b-instruct";
    QTest::newRow("Vertex snapshot") << "claude-sonnet-4@20250514"
                                     << "claude-sonnet-4";
    QTest::newRow("latest alias") << "claude-3-7-sonnet-latest"
                                  << "claude-3-7-sonnet";
    QTest::newRow("case and spaces") << " GPT-4o "
                                     << "gpt-4o";
    QTest::newRow("a number that is no date stays") << "o1-2024"
                                                    << "o1-2024";
}

void TestReconciler::canonicalModelNames()
{
    QFETCH(QString, name);
    QFETCH(QString, canonical);
    QCOMPARE(ModelNames::canonical(name), canonical);
}

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_Reconciler.moc"
