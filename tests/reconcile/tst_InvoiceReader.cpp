#include "ReconcileFixture.h"

#include "core/reconcile/InvoiceReader.h"

#include <QTest>

// Every documented export format read from its sample, and malformed files that name the place,
// what was expected and what was found, and import nothing.
class TestInvoiceReader : public QObject
{
    Q_OBJECT

private slots:
    void sample_isDetectedAndRead_data();
    void sample_isDetectedAndRead();
    void malformed_namesThePlaceAndImportsNothing_data();
    void malformed_namesThePlaceAndImportsNothing();
    void csvExtraAndReorderedColumns_stillRead();
    void paginatedJsonArray_readsEveryPage();
    void unreadableFile_saysSo();
};

void TestInvoiceReader::sample_isDetectedAndRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("lines");
    // The first line read.
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("key");
    QTest::addColumn<qint64>("requests"); // -1: not in this format
    QTest::addColumn<qint64>("tokens"); // input + output; -1: not in this format
    QTest::addColumn<double>("cost"); // -1: not in this format

    const QDate d1(2026, 11, 3);
    QTest::newRow("OpenAI Costs API JSON, line items per model")
        << "openai-costs.json"
        << "openai-costs-json" << 8 << d1 << "gpt-4o-2024-08-06"
        << "key_7fQpLwZr2mXn" << qint64(-1) << qint64(-1) << 0.025;
    QTest::newRow("OpenAI Usage API completions JSON") << "openai-usage-completions.json"
                                                       << "openai-usage-json" << 4 << d1 << "gpt-4o-2024-08-06"
                                                       << "key_7fQpLwZr2mXn" << qint64(10) << qint64(12000) << -1.0;
    QTest::newRow("OpenAI dashboard activity CSV (key by name)") << "openai-usage-dashboard.csv"
                                                                 << "openai-usage-csv" << 4 << d1 << "gpt-4o-2024-08-06"
                                                                 << "switchyard" << qint64(10) << qint64(12000) << -1.0;
    QTest::newRow("OpenAI dashboard cost CSV, quoted line items")
        << "openai-costs-dashboard.csv"
        << "openai-costs-csv" << 8 << d1 << "gpt-4o-2024-08-06"
        << "" << qint64(-1) << qint64(-1) << 0.025;
    QTest::newRow("Anthropic usage report JSON: cache writes and reads count as input")
        << "anthropic-usage-report.json"
        << "anthropic-usage-json" << 2 << d1 << "claude-sonnet-4-20250514"
        << "apikey_01SwitchyardK3y" << qint64(-1) << qint64(13800) << -1.0;
    QTest::newRow("Anthropic cost report JSON: amounts in cents as text")
        << "anthropic-cost-report.json"
        << "anthropic-cost-json" << 5 << d1 << "claude-sonnet-4-20250514"
        << "" << qint64(-1) << qint64(-1) << 0.036;
    QTest::newRow("Anthropic Console usage CSV") << "anthropic-console-usage.csv"
                                                 << "anthropic-usage-csv" << 2 << d1 << "claude-sonnet-4-20250514"
                                                 << "switchyard" << qint64(-1) << qint64(13800) << -1.0;
    QTest::newRow("Anthropic Console cost CSV in dollars")
        << "anthropic-console-cost.csv"
        << "anthropic-cost-csv" << 5 << d1 << "claude-sonnet-4-20250514"
        << "switchyard" << qint64(-1) << qint64(-1) << 0.036;
    QTest::newRow("OpenRouter activity CSV, one row per generation")
        << "openrouter-activity.csv"
        << "openrouter-activity-csv" << 6 << d1 << "anthropic/claude-3.5-sonnet"
        << "switchyard" << qint64(1) << qint64(1100) << 0.01;
}

void TestInvoiceReader::sample_isDetectedAndRead()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, lines);
    QFETCH(QDate, day);
    QFETCH(QString, model);
    QFETCH(QString, key);
    QFETCH(qint64, requests);
    QFETCH(qint64, tokens);
    QFETCH(double, cost);

    const InvoiceImport result = InvoiceReader::read(ReconcileFixture::sample(file));
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message() : QString()));
    QVERIFY(result.format);
    QCOMPARE(InvoiceFormats::id(*result.format), format);
    QCOMPARE(result.lines.size(), lines);
    const InvoiceLine& first = result.lines.first();
    QCOMPARE(first.day, day);
    QCOMPARE(first.model, model);
    QCOMPARE(first.key, key);
    QCOMPARE(first.requests.value_or(-1), requests);
    const qint64 readTokens
        = first.inputTokens || first.outputTokens ? first.inputTokens.value_or(0) + first.outputTokens.value_or(0) : -1;
    QCOMPARE(readTokens, tokens);
    QCOMPARE(first.costUsd.value_or(-1), cost);
}

void TestInvoiceReader::malformed_namesThePlaceAndImportsNothing_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");

    const QByteArray costsHead = "{\"object\":\"page\",\"data\":[\n"
                                 "{\"object\":\"bucket\",\"start_time\":1793664000,\"end_time\":1793750400,"
                                 "\"results\":[\n";
    QTest::newRow("OpenAI JSON: a cost that is not a number")
        << "costs.json"
        << costsHead
            + "{\"object\":\"organization.costs.result\",\"amount\":{\"value\":\"abc\",\"currency\":\"usd\"},"
              "\"line_item\":\"gpt-4o, input\"}]}]}\n"
        << "costs.json:3:57: data[0].results[0].amount.value: expected a number \"value\", found \"abc\"";
    QTest::newRow("OpenAI JSON: a currency other than dollars")
        << "costs.json"
        << costsHead
            + "{\"object\":\"organization.costs.result\",\"amount\":{\"value\":1.5,\"currency\":\"eur\"},"
              "\"line_item\":\"gpt-4o, input\"}]}]}\n"
        << "costs.json:3:72: data[0].results[0].amount.currency: expected the currency \"usd\", found \"eur\"";
    QTest::newRow("OpenAI JSON: truncated")
        << "costs.json" << costsHead + "{\"object\":\"organization.costs.result\",\"amount\":{\"val"
        << "costs.json:3:53: expected JSON, found unterminated string";
    QTest::newRow("OpenAI usage JSON: a result without output_tokens")
        << "usage.json"
        << costsHead
            + "{\"object\":\"organization.usage.completions.result\",\"input_tokens\":10,\n"
              "\"num_model_requests\":1,\"model\":\"gpt-4o\"}]}]}\n"
        << "usage.json:3:1: data[0].results[0]: expected a whole number \"output_tokens\", found nothing";
    QTest::newRow("OpenAI CSV: a renamed column")
        << "activity.csv"
        << QByteArray("start_time,model,prompt_tokens,output_tokens,num_model_requests\n"
                      "1793664000,gpt-4o,10,5,1\n")
        << "activity.csv:1: input_tokens: expected a column named input_tokens or n_context_tokens_total, found "
           "the columns start_time,model,prompt_tokens,output_tokens,num_model_requests";
    QTest::newRow("OpenAI CSV: a bad number on line 3")
        << "activity.csv"
        << QByteArray("start_time,model,input_tokens,output_tokens,num_model_requests\r\n"
                      "1793664000,gpt-4o,10,5,1\r\n"
                      "1793664000,gpt-4o-mini,12x,5,1\r\n")
        << "activity.csv:3: input_tokens: expected a number, found \"12x\"";
    QTest::newRow("Anthropic JSON: tokens as text")
        << "usage.json"
        << QByteArray("{\"data\":[{\"starting_at\":\"2026-11-03T00:00:00Z\",\"ending_at\":\"2026-11-04T00:00:00Z\",\n"
                      "\"results\":[{\"uncached_input_tokens\":\"10\",\"output_tokens\":5}]}],\n"
                      "\"has_more\":false,\"next_page\":null}\n")
        << "usage.json:2:37: data[0].results[0].uncached_input_tokens: expected a whole number "
           "\"uncached_input_tokens\", found \"10\"";
    QTest::newRow("Anthropic JSON: truncated")
        << "cost.json" << QByteArray("{\"data\":[{\"starting_at\":\"2026-11-03T00:00:00Z\",\n\"results\":[")
        << "cost.json:2:12: expected JSON, found unterminated array";
    QTest::newRow("Anthropic cost JSON: amount as a number, not text")
        << "cost.json"
        << QByteArray("{\"data\":[{\"starting_at\":\"2026-11-03T00:00:00Z\",\"ending_at\":\"2026-11-04T00:00:00Z\",\n"
                      "\"results\":[{\"currency\":\"USD\",\"amount\":123.45,\"model\":\"claude-sonnet-4\"}]}],\n"
                      "\"has_more\":false,\"next_page\":null}\n")
        << "cost.json:2:39: data[0].results[0].amount: expected a decimal number as text \"amount\", found 123.45";
    QTest::newRow("Anthropic CSV: a bad date")
        << "usage.csv"
        << QByteArray("usage_date_utc,model_version,usage_input_tokens_no_cache,usage_output_tokens\n"
                      "2026-11-03,claude-sonnet-4,10,5\n"
                      "03.11.2026,claude-sonnet-4,10,5\n")
        << "usage.csv:3: usage_date_utc: expected a date (YYYY-MM-DD, ISO time or Unix seconds), found "
           "\"03.11.2026\"";
    QTest::newRow("OpenRouter CSV: no cost column")
        << "activity.csv"
        << QByteArray("generation_id,created_at,tokens_prompt,tokens_completion,model_permaslug\n"
                      "gen-1,2026-11-03 10:00:00,10,5,openai/gpt-4o\n")
        << "activity.csv:1: cost_total: expected a column named cost_total or usage, found the columns "
           "generation_id,created_at,tokens_prompt,tokens_completion,model_permaslug";
    QTest::newRow("OpenRouter CSV: a row cut short")
        << "activity.csv"
        << QByteArray("generation_id,created_at,cost_total,model_permaslug\n"
                      "gen-1,2026-11-03 10:00:00,0.01,openai/gpt-4o\n"
                      "gen-2,2026-11-03 10:00:00\n")
        << "activity.csv:3: expected 4 fields as in the header, found 2";
    QTest::newRow("CSV: a quoted field never closed")
        << "activity.csv"
        << QByteArray("generation_id,created_at,cost_total,model_permaslug\n"
                      "gen-1,2026-11-03,0.01,\"openai/gpt-4o\n")
        << "activity.csv:2: a quoted field is not closed";
    QTest::newRow("CSV of something else")
        << "contacts.csv" << QByteArray("name,email\nAda,ada@example.com\n")
        << "contacts.csv:1: expected the header of an OpenAI, Anthropic or OpenRouter usage or cost export, found "
           "the columns name,email";
    QTest::newRow("JSON of something else")
        << "config.json" << QByteArray("{\"providers\":[]}")
        << "config.json:1:1: expected an OpenAI costs or usage page (\"object\": \"page\") or an Anthropic usage "
           "or cost report (\"data\" with \"starting_at\"), found the fields providers";
    QTest::newRow("empty file") << "empty.csv" << QByteArray(" \n")
                                << "empty.csv:1: expected a usage or cost export, found an empty file";
}

void TestInvoiceReader::malformed_namesThePlaceAndImportsNothing()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);

    const InvoiceImport result = InvoiceReader::parse(content, fileName);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->message(), message);
    QVERIFY(result.lines.isEmpty());
}

void TestInvoiceReader::csvExtraAndReorderedColumns_stillRead()
{
    const InvoiceImport result
        = InvoiceReader::parse("num_model_requests,new_column,output_tokens,model,input_tokens,start_time_iso\n"
                               "3,x,30,gpt-4o,100,2026-11-03T00:00:00+00:00\n",
                               QStringLiteral("activity.csv"));
    QVERIFY(result.ok());
    QCOMPARE(result.lines.size(), 1);
    QCOMPARE(result.lines.first().requests, qint64(3));
    QCOMPARE(result.lines.first().inputTokens, qint64(100));
    QCOMPARE(result.lines.first().outputTokens, qint64(30));
    QCOMPARE(result.lines.first().day, QDate(2026, 11, 3));
}

void TestInvoiceReader::paginatedJsonArray_readsEveryPage()
{
    const QByteArray page1 = LedgerTestUtil::fileBytes(ReconcileFixture::sample(QStringLiteral("openai-costs.json")));
    const QByteArray json = '[' + page1 + ",\n" + page1 + ']';
    const InvoiceImport result = InvoiceReader::parse(json, QStringLiteral("pages.json"));
    QVERIFY(result.ok());
    QCOMPARE(result.lines.size(), 16);
}

void TestInvoiceReader::unreadableFile_saysSo()
{
    const InvoiceImport result = InvoiceReader::read(QStringLiteral("/nonexistent/costs.json"));
    QVERIFY(!result.ok());
    QVERIFY(result.error->message().startsWith(QLatin1String("/nonexistent/costs.json: expected a readable file")));
}

QTEST_GUILESS_MAIN(TestInvoiceReader)
#include "tst_InvoiceReader.moc"
