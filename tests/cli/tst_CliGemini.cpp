#include "CliRun.h"
#include "ServeProcess.h"
#include "core/sandbox/SandboxGemini.h"
#include "core/sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

// `ask`, `route` and `serve` with a provider of Google's native Gemini API, as real processes: its
// endpoint is this process's sandbox (generateContent, streamGenerateContent?alt=sse; the key in
// x-goog-api-key checked), its key comes from GEMINI_API_KEY as for a user, every request is
// counted server-side, and the ledger rows are read back: a grounded answer costs its tokens plus
// the grounding surcharge of the bundled price table (Gemini 3 per search query, Gemini 2.5 per
// grounded prompt), computed here by hand.
namespace {
const QString kKey = QStringLiteral("AIza-cli-test-key");
const QString kPro = QStringLiteral("gemini-2.5-pro");
const QString kThree = QStringLiteral("gemini-3-pro-preview");

// resources/prices.json (version 4): USD per 1M tokens and per search.
struct Rates
{
    double input;
    double output;
    double search;
    bool perPrompt;
};
const Rates kProRates { 1.25, 10.0, 0.035, true };
const Rates kThreeRates { 2.0, 12.0, 0.014, false };

bool writeJson(const QString& path, const QJsonObject& object)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(object).toJson()) > 0;
}

struct Row
{
    QString model;
    QString status;
    qint64 prompt = 0;
    qint64 completion = 0;
    qint64 reasoning = 0;
    qint64 searches = 0;
    double cost = -1;
};

QList<Row> ledgerRows(const QString& path)
{
    QList<Row> rows;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT final_model, status, prompt_tokens, completion_tokens, "
                                           "reasoning_tokens, web_searches, cost_usd FROM requests ORDER BY rid"),
                            db);
            while (query.next()) {
                rows.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                              query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                              query.value(6).isNull() ? -1 : query.value(6).toDouble() });
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

struct Answer
{
    int status = 0;
    QByteArray body;
};

Answer post(QNetworkAccessManager& nam, const QUrl& url, const QByteArray& body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(20000);
    }
    Answer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    reply->deleteLater();
    return answer;
}

// The tool call of a chat completion, streamed or not.
QJsonObject toolCallOf(const QByteArray& body, bool stream)
{
    if (!stream) {
        return QJsonDocument::fromJson(body)
            .object()
            .value(QStringLiteral("choices"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("message"))
            .toObject()
            .value(QStringLiteral("tool_calls"))
            .toArray()
            .first()
            .toObject();
    }
    QJsonObject call;
    QString arguments;
    for (const QByteArray& line : body.split('\n')) {
        if (!line.startsWith("data: {")) {
            continue;
        }
        const QJsonArray calls = QJsonDocument::fromJson(line.mid(6))
                                     .object()
                                     .value(QStringLiteral("choices"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("delta"))
                                     .toObject()
                                     .value(QStringLiteral("tool_calls"))
                                     .toArray();
        for (const QJsonValue& piece : calls) {
            const QJsonObject object = piece.toObject();
            if (object.contains(QStringLiteral("id"))) {
                call = object;
            }
            arguments
                += object.value(QStringLiteral("function")).toObject().value(QStringLiteral("arguments")).toString();
        }
    }
    QJsonObject function = call.value(QStringLiteral("function")).toObject();
    function.insert(QStringLiteral("arguments"), arguments);
    call.insert(QStringLiteral("function"), function);
    return call;
}
} // namespace

class TestCliGemini : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void ask_answeredWithTheKeyInItsHeader_data();
    void ask_answeredWithTheKeyInItsHeader();
    void route_exhaustedQuota_failsOverToTheNextModel();
    void serve_webSearch_costsTokensPlusGrounding_data();
    void serve_webSearch_costsTokensPlusGrounding();
    void serve_toolCall_sendsTheThoughtSignatureBack_data();
    void serve_toolCall_sendsTheThoughtSignatureBack();
    void serve_image_goesInline();
    void serve_refusals_reachTheClientNamingWhy_data();
    void serve_refusals_reachTheClientNamingWhy();

private:
    QProcessEnvironment environment() const;
    QStringList home() const { return { QStringLiteral("--home"), m_home->path() }; }
    QString ledger() const { return m_home->filePath(QStringLiteral("ledger.sqlite")); }

    SandboxServer m_sandbox;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliGemini::initTestCase()
{
    for (const QString& name : { kPro, kThree }) {
        SandboxModel model;
        model.name = name;
        model.providerId = QStringLiteral("sandbox-gemini-native");
        model.kind = ProviderKind::Gemini;
        model.contextWindow = 1048576;
        model.firstTokenMs = 20;
        model.tokensPerSecond = 500;
        m_sandbox.addModel(model);
    }
    QVERIFY(m_sandbox.start());
    m_sandbox.setTimeScale(0);
    m_sandbox.setRequiredKey(QStringLiteral("sandbox-gemini-native"), kKey);
}

void TestCliGemini::init()
{
    m_sandbox.clearFaults();
    m_sandbox.resetCounts();
    m_home = std::make_unique<QTemporaryDir>();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox.port());
    // No prices in the config: the bundled table prices both models, grounding included.
    const QJsonObject providers {
        { QStringLiteral("format"), QStringLiteral("switchyard-providers") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("providers"),
          QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("gemini") },
                                     { QStringLiteral("displayName"), QStringLiteral("Google Gemini") },
                                     { QStringLiteral("kind"), QStringLiteral("gemini") },
                                     { QStringLiteral("baseUrl"), base + QStringLiteral("/gemini/v1beta") },
                                     { QStringLiteral("keyEnv"), QStringLiteral("GEMINI_API_KEY") } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("backup") },
                                     { QStringLiteral("displayName"), QStringLiteral("Backup") },
                                     { QStringLiteral("kind"), QStringLiteral("openai") },
                                     { QStringLiteral("baseUrl"), base + QStringLiteral("/openai/v1") } } } },
        { QStringLiteral("models"),
          QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("pro") },
                                     { QStringLiteral("provider"), QStringLiteral("gemini") },
                                     { QStringLiteral("upstreamModel"), kPro } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("three") },
                                     { QStringLiteral("provider"), QStringLiteral("gemini") },
                                     { QStringLiteral("upstreamModel"), kThree } },
                       QJsonObject { { QStringLiteral("id"), QStringLiteral("backup") },
                                     { QStringLiteral("provider"), QStringLiteral("backup") },
                                     { QStringLiteral("upstreamModel"), QStringLiteral("gpt-4.1-mini") } } } },
    };
    const QJsonObject routing {
        { QStringLiteral("format"), QStringLiteral("switchyard-routing") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("defaultTier"), QStringLiteral("standard") },
        { QStringLiteral("tiers"),
          QJsonArray { QJsonObject {
              { QStringLiteral("name"), QStringLiteral("standard") },
              { QStringLiteral("chain"), QJsonArray { QStringLiteral("pro"), QStringLiteral("backup") } } } } },
    };
    QVERIFY(writeJson(m_home->filePath(QStringLiteral("providers.json")), providers));
    QVERIFY(writeJson(m_home->filePath(QStringLiteral("routing.json")), routing));
}

QProcessEnvironment TestCliGemini::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GEMINI_API_KEY"), kKey);
    return env;
}

void TestCliGemini::ask_answeredWithTheKeyInItsHeader_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("streamGenerateContent") << true
                                           << QByteArray("/gemini/v1beta/models/gemini-2.5-pro:streamGenerateContent"
                                                         "?alt=sse");
    QTest::newRow("generateContent") << false << QByteArray("/gemini/v1beta/models/gemini-2.5-pro:generateContent");
}

void TestCliGemini::ask_answeredWithTheKeyInItsHeader()
{
    QFETCH(bool, stream);
    QFETCH(QByteArray, target);
    QStringList arguments = home()
        + QStringList { QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("--model"),
                        QStringLiteral("pro") };
    if (!stream) {
        arguments << QStringLiteral("--no-stream");
    }
    arguments << QStringLiteral("Say hello");
    const CliRun result = CliRun::of(arguments, environment());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("pro"));
    QCOMPARE(object.value(QStringLiteral("provider")).toString(), QStringLiteral("gemini"));
    QVERIFY(!object.value(QStringLiteral("text")).toString().isEmpty());
    const QJsonObject usage = object.value(QStringLiteral("usage")).toObject();
    QCOMPARE(usage.value(QStringLiteral("estimated")).toBool(), false);
    QCOMPARE(m_sandbox.requestCount(kPro), 1);
    QCOMPARE(m_sandbox.lastRequestTarget(kPro), target);
    // Thoughts are asked for, billed as output at the output rate: the cost is the tokens' alone.
    const QList<Row> rows = ledgerRows(ledger());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().prompt, m_sandbox.answered().promptTokens);
    QCOMPARE(rows.first().completion, m_sandbox.answered().completionTokens);
    QVERIFY(rows.first().reasoning > 0);
    const double expected = (rows.first().prompt * kProRates.input + rows.first().completion * kProRates.output) / 1e6;
    QVERIFY2(qAbs(rows.first().cost - expected) < 1e-12, qPrintable(QString::number(rows.first().cost, 'g', 17)));
    QVERIFY(qAbs(object.value(QStringLiteral("cost_usd")).toDouble() - expected) < 1e-9);
    QVERIFY(!(result.out + result.err).contains(kKey.toUtf8()));
}

void TestCliGemini::route_exhaustedQuota_failsOverToTheNextModel()
{
    m_sandbox.setFault(kPro, SandboxFault::httpError(429, {}, 34));
    const CliRun result = CliRun::of(
        home() + QStringList { QStringLiteral("route"), QStringLiteral("--json"), QStringLiteral("hello") },
        environment());
    QVERIFY2(result.exitCode == 0, result.err.constData() + QByteArray("\n") + result.out);
    const QJsonArray attempts
        = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("pro"));
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("failure_class")).toString(),
             QStringLiteral("rate_limited"));
    QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("backup"));
    QCOMPARE(m_sandbox.requestCount(kPro), 1);
    QCOMPARE(m_sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 1);
}

void TestCliGemini::serve_webSearch_costsTokensPlusGrounding_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("billedSearches");
    QTest::addColumn<double>("searchRate");
    // The sandbox runs two queries for a grounded prompt.
    for (bool stream : { true, false }) {
        const char* how = stream ? "streamed" : "whole";
        QTest::addRow("gemini 3 bills each of the 2 queries (%s)", how)
            << "three" << kThree << stream << 2 << kThreeRates.search;
        QTest::addRow("gemini 2.5 bills the grounded prompt once (%s)", how)
            << "pro" << kPro << stream << 1 << kProRates.search;
    }
}

void TestCliGemini::serve_webSearch_costsTokensPlusGrounding()
{
    QFETCH(QString, model);
    QFETCH(QString, upstream);
    QFETCH(bool, stream);
    QFETCH(int, billedSearches);
    QFETCH(double, searchRate);
    QVERIFY(kProRates.perPrompt && !kThreeRates.perPrompt);
    ServeProcess serve;
    serve.process().setProcessEnvironment(environment());
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    const Answer answer = post(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                               QStringLiteral(R"({"model":"%1","stream":%2,"web_search_options":{},"messages":[)"
                                              R"({"role":"user","content":"Who won Euro 2024?"}]})")
                                   .arg(model, stream ? QStringLiteral("true") : QStringLiteral("false"))
                                   .toUtf8());
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_sandbox.requestCount(upstream), 1);
    QCOMPARE(m_sandbox.answered().webSearches, 2);
    // The sources come back as the chat form's url_citation annotations.
    const QByteArray source = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/sandbox1";
    if (stream) {
        QVERIFY2(answer.body.contains("\"annotations\":[{\"type\":\"url_citation\""), answer.body.constData());
        QVERIFY(answer.body.contains(source));
    } else {
        const QJsonArray annotations = QJsonDocument::fromJson(answer.body)
                                           .object()
                                           .value(QStringLiteral("choices"))
                                           .toArray()
                                           .first()
                                           .toObject()
                                           .value(QStringLiteral("message"))
                                           .toObject()
                                           .value(QStringLiteral("annotations"))
                                           .toArray();
        QCOMPARE(annotations.size(), 2);
        QCOMPARE(annotations.at(1)
                     .toObject()
                     .value(QStringLiteral("url_citation"))
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 QString::fromLatin1(source));
    }
    const QJsonObject sent = QJsonDocument::fromJson(m_sandbox.lastRequestBody(upstream)).object();
    QCOMPARE(sent.value(QStringLiteral("tools")).toArray(),
             (QJsonArray { QJsonObject { { QStringLiteral("google_search"), QJsonObject() } } }));
    QTRY_COMPARE_WITH_TIMEOUT(ledgerRows(ledger()).size(), 1, 10000);
    const Row row = ledgerRows(ledger()).first();
    QCOMPARE(row.status, QStringLiteral("ok"));
    QCOMPARE(row.searches, 2);
    // The search results the model read are input (toolUsePromptTokenCount: 40 tokens a query).
    QCOMPARE(row.prompt, m_sandbox.answered().promptTokens + 80);
    QCOMPARE(row.completion, m_sandbox.answered().completionTokens);
    const Rates rates = upstream == kPro ? kProRates : kThreeRates;
    const double expected
        = (row.prompt * rates.input + row.completion * rates.output) / 1e6 + billedSearches * searchRate;
    QVERIFY2(qAbs(row.cost - expected) < 1e-12,
             qPrintable(QStringLiteral("%1 in, %2 out, %3 searches: %4, expected %5")
                            .arg(row.prompt)
                            .arg(row.completion)
                            .arg(row.searches)
                            .arg(row.cost, 0, 'g', 17)
                            .arg(expected, 0, 'g', 17)));
}

void TestCliGemini::serve_toolCall_sendsTheThoughtSignatureBack_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("streamed") << true;
    QTest::newRow("whole") << false;
}

void TestCliGemini::serve_toolCall_sendsTheThoughtSignatureBack()
{
    QFETCH(bool, stream);
    ServeProcess serve;
    serve.process().setProcessEnvironment(environment());
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    const QString tools = QStringLiteral(
        R"("tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",)"
        R"("properties":{"city":{"type":"string"}},"required":["city"]}}}])");
    const QString streamFlag = stream ? QStringLiteral("true") : QStringLiteral("false");
    const Answer first
        = post(nam, serve.url(QStringLiteral("/v1/chat/completions")),
               QStringLiteral(R"({"model":"three","stream":%1,%2,"messages":[{"role":"user","content":"Oslo?"}]})")
                   .arg(streamFlag, tools)
                   .toUtf8());
    QCOMPARE(first.status, 200);
    const QJsonObject call = toolCallOf(first.body, stream);
    const QString id = call.value(QStringLiteral("id")).toString();
    QVERIFY2(!id.isEmpty(), first.body.constData());
    QCOMPARE(call.value(QStringLiteral("function")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("get_weather"));

    // The client sends the call back as it got it, with the result: Gemini 3 checks the signature.
    QJsonObject assistant { { QStringLiteral("role"), QStringLiteral("assistant") },
                            { QStringLiteral("content"), QJsonValue::Null },
                            { QStringLiteral("tool_calls"), QJsonArray { call } } };
    const QJsonObject result { { QStringLiteral("role"), QStringLiteral("tool") },
                               { QStringLiteral("tool_call_id"), id },
                               { QStringLiteral("content"), QStringLiteral("-3 C") } };
    const QByteArray messages
        = QJsonDocument(QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                   { QStringLiteral("content"), QStringLiteral("Oslo?") } },
                                     assistant, result })
              .toJson(QJsonDocument::Compact);
    const Answer second = post(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                               QStringLiteral(R"({"model":"three","stream":%1,%2,"messages":%3})")
                                   .arg(streamFlag, tools, QString::fromUtf8(messages))
                                   .toUtf8());
    QVERIFY2(second.status == 200, second.body.constData());
    QCOMPARE(m_sandbox.requestCount(kThree), 2);
    const QJsonArray contents = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kThree))
                                    .object()
                                    .value(QStringLiteral("contents"))
                                    .toArray();
    QCOMPARE(contents.size(), 3);
    QCOMPARE(contents.at(1)
                 .toObject()
                 .value(QStringLiteral("parts"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("thoughtSignature"))
                 .toString(),
             SandboxGemini::thoughtSignature(kThree, QStringLiteral("get_weather")));
    QTRY_COMPARE_WITH_TIMEOUT(ledgerRows(ledger()).size(), 2, 10000);
}

void TestCliGemini::serve_image_goesInline()
{
    ServeProcess serve;
    serve.process().setProcessEnvironment(environment());
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    const Answer answer = post(nam, serve.url(QStringLiteral("/v1/chat/completions")),
                               R"({"model":"pro","messages":[{"role":"user","content":[{"type":"text","text":)"
                               R"("What is this?"},{"type":"image_url","image_url":{"url":)"
                               R"("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="}}]}]})");
    QVERIFY2(answer.status == 200, answer.body.constData());
    QCOMPARE(m_sandbox.answered().images, 1);
    const QJsonObject part = QJsonDocument::fromJson(m_sandbox.lastRequestBody(kPro))
                                 .object()
                                 .value(QStringLiteral("contents"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("parts"))
                                 .toArray()
                                 .at(1)
                                 .toObject();
    QCOMPARE(part.value(QStringLiteral("inlineData")).toObject().value(QStringLiteral("mimeType")).toString(),
             QStringLiteral("image/png"));
    QTRY_COMPARE_WITH_TIMEOUT(ledgerRows(ledger()).size(), 1, 10000);
    QCOMPARE(ledgerRows(ledger()).first().prompt, m_sandbox.answered().promptTokens); // the image's tokens included
}

void TestCliGemini::serve_refusals_reachTheClientNamingWhy_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("named");
    QTest::addColumn<int>("upstreamRequests");
    QTest::newRow("an image by URL: nothing Gemini takes, nothing sent")
        << QByteArray(R"({"model":"pro","messages":[{"role":"user","content":[{"type":"image_url","image_url":)"
                      R"({"url":"https://example.com/cat.png"}}]}]})")
        << false << 400 << "messages[0].content[0].image_url.url" << 0;
    QTest::newRow("the safety filter stops the answer")
        << QByteArray(R"({"model":"pro","messages":[{"role":"user","content":"hello"}]})") << true << 400 << "SAFETY"
        << 1;
}

void TestCliGemini::serve_refusals_reachTheClientNamingWhy()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, filtered);
    QFETCH(int, status);
    QFETCH(QString, named);
    QFETCH(int, upstreamRequests);
    if (filtered) {
        m_sandbox.setFault(kPro, SandboxFault::ofKind(SandboxFault::Kind::FilteredAnswer));
    }
    ServeProcess serve;
    serve.process().setProcessEnvironment(environment());
    QVERIFY(serve.start(m_home->path(), {}));
    QNetworkAccessManager nam;
    const Answer answer = post(nam, serve.url(QStringLiteral("/v1/chat/completions")), body);
    QCOMPARE(answer.status, status);
    const QJsonObject error = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("error")).toObject();
    const QString said
        = error.value(QStringLiteral("message")).toString() + u' ' + error.value(QStringLiteral("param")).toString();
    QVERIFY2(said.contains(named), answer.body.constData());
    QCOMPARE(m_sandbox.requestCount(kPro), upstreamRequests);
    QCOMPARE(m_sandbox.requestCount(QStringLiteral("gpt-4.1-mini")), 0); // the model's verdict, not an outage
}

QTEST_GUILESS_MAIN(TestCliGemini)
#include "tst_CliGemini.moc"
