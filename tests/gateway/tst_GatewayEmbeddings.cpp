#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include "core/common/PromptSize.h"
#include "core/pricing/BudgetTracker.h"
#include "core/pricing/CostCalculator.h"

#include <QJsonArray>
#include <QtEndian>

#include <cmath>

// POST /v1/embeddings through the gateway to the sandbox's OpenAI-format embeddings: the client's
// body reaches the embeddings deployment of the requested model's chain with only "model"
// renamed, float and base64 answers come back as the provider wrote them, a server error fails
// over within the group, and each request is one ledger row with the input tokens the provider
// counted and their cost. What OpenAI would refuse anyway is a 400 naming the field, before
// anything goes upstream.
class tst_GatewayEmbeddings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void embeddings_reachTheEmbeddingsModel_data();
    void embeddings_reachTheEmbeddingsModel();
    void base64_decodesToTheFloatAnswer();
    void upstreamServerError_failsOverWithinTheGroup();
    void upstreamRefusal_reachesTheClientAsSent();
    void badRequest_refusedBeforeUpstream_data();
    void badRequest_refusedBeforeUpstream();
    void budget_holdsRequestsInFlight_andGivesBackFailedOnes();

private:
    HttpAnswer post(const QByteArray& body);

    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
};

namespace {
QList<float> floatsOf(const QJsonValue& embedding)
{
    QList<float> values;
    if (embedding.isString()) {
        const QByteArray bytes = QByteArray::fromBase64(embedding.toString().toLatin1());
        for (qsizetype i = 0; i + 4 <= bytes.size(); i += 4) {
            values.append(qFromLittleEndian<float>(bytes.constData() + i));
        }
        return values;
    }
    for (const QJsonValue& value : embedding.toArray()) {
        values.append(float(value.toDouble()));
    }
    return values;
}
} // namespace

void tst_GatewayEmbeddings::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    QVERIFY(m_fx->start());
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayEmbeddings::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

HttpAnswer tst_GatewayEmbeddings::post(const QByteArray& body)
{
    return httpCall(*m_nam, "POST", m_fx->url(QStringLiteral("/v1/embeddings")), body);
}

void tst_GatewayEmbeddings::embeddings_reachTheEmbeddingsModel_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("upstream"); // the sandbox model that answered
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("dimensions");
    QTest::addColumn<bool>("base64");
    QTest::newRow("a group, one string, floats")
        << QByteArray(R"({"model":"embed","input":"The food was delicious.","encoding_format":"float"})")
        << "text-embedding-3-small" << 1 << 1536 << false;
    QTest::newRow("a model by its provider's name, a batch, base64 as the SDKs ask")
        << QByteArray(R"({"model":"text-embedding-3-large","input":["one","two","three"],)"
                      R"("encoding_format":"base64"})")
        << "text-embedding-3-large" << 3 << 3072 << true;
    QTest::newRow("no encoding_format: floats, dimensions passed on")
        << QByteArray(R"({"model":"sandbox/text-embedding-3-small","input":"short","dimensions":256,"user":"u-1"})")
        << "text-embedding-3-small" << 1 << 256 << false;
    QTest::newRow("token ids as input") << QByteArray(R"({"model":"embed","input":[[1212,318,257],[40,1101]]})")
                                        << "text-embedding-3-small" << 2 << 1536 << false;
    QTest::newRow("an OpenAI-format provider other than OpenAI's")
        << QByteArray(R"({"model":"gemini-embedding-001","input":"hello"})") << "gemini-embedding-001" << 1 << 3072
        << false;
}

void tst_GatewayEmbeddings::embeddings_reachTheEmbeddingsModel()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, upstream);
    QFETCH(int, inputs);
    QFETCH(int, dimensions);
    QFETCH(bool, base64);
    const HttpAnswer answer = post(body);
    QCOMPARE(answer.status, 200);
    const QJsonObject json = answer.json();
    QCOMPARE(json.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QCOMPARE(json.value(QLatin1String("model")).toString(), upstream);
    const QJsonArray data = json.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), inputs);
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject item = data.at(i).toObject();
        QCOMPARE(item.value(QLatin1String("index")).toInt(), int(i));
        QCOMPARE(item.value(QLatin1String("embedding")).isString(), base64);
        const QList<float> vector = floatsOf(item.value(QLatin1String("embedding")));
        QCOMPARE(vector.size(), dimensions);
        double norm = 0;
        for (const float value : vector) {
            norm += double(value) * value;
        }
        QVERIFY2(std::abs(norm - 1) < 1e-3, qPrintable(QString::number(norm)));
    }
    QCOMPARE(answer.header("x-switchyard-model"), "sandbox/" + upstream.toUtf8());

    // What the provider received: the client's body, only the model renamed.
    QCOMPARE(m_fx->sandbox.requestCount(upstream), 1);
    QJsonObject sent = QJsonDocument::fromJson(m_fx->sandbox.lastRequestBody(upstream)).object();
    QJsonObject asSent = QJsonDocument::fromJson(body).object();
    QCOMPARE(sent.value(QLatin1String("model")).toString(), upstream);
    sent.remove(QLatin1String("model"));
    asSent.remove(QLatin1String("model"));
    QCOMPARE(sent, asSent);

    // One ledger row: the tokens the provider counted, at the model's input rate.
    QCOMPARE(m_fx->records.size(), 1);
    const RequestRecord& row = m_fx->records.first();
    QCOMPARE(row.status, RequestStatus::Ok);
    QCOMPARE(row.source, RequestSource::Gateway);
    QCOMPARE(row.finalModel, QStringLiteral("sandbox/") + upstream);
    const qint64 billed
        = json.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInteger();
    QVERIFY(billed > 0);
    QCOMPARE(row.usage.promptTokens, billed);
    QCOMPARE(row.usage.completionTokens, 0);
    QCOMPARE(m_fx->sandbox.answered().promptTokens, billed);
    TokenUsage usage;
    usage.promptTokens = billed;
    QVERIFY(row.costUsd.has_value());
    QCOMPARE(row.costUsd, CostCalculator::cost(m_fx->router.model(row.finalModel)->price, usage));
    QVERIFY(*row.costUsd > 0);
    QCOMPARE(row.attempts.size(), 1);
}

void tst_GatewayEmbeddings::base64_decodesToTheFloatAnswer()
{
    const HttpAnswer floats = post(R"({"model":"embed","input":"same text","encoding_format":"float"})");
    const HttpAnswer packed = post(R"({"model":"embed","input":"same text","encoding_format":"base64"})");
    QCOMPARE(floats.status, 200);
    QCOMPARE(packed.status, 200);
    const QList<float> a = floatsOf(
        floats.json().value(QLatin1String("data")).toArray().at(0).toObject().value(QLatin1String("embedding")));
    const QList<float> b = floatsOf(
        packed.json().value(QLatin1String("data")).toArray().at(0).toObject().value(QLatin1String("embedding")));
    QCOMPARE(a.size(), 1536);
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        // The float answer has 8 significant digits; the base64 one the exact float32.
        QVERIFY2(std::abs(a.at(i) - b.at(i)) <= 1e-7f * std::max(1.0f, std::abs(b.at(i))),
                 qPrintable(QString::number(i)));
    }
}

void tst_GatewayEmbeddings::upstreamServerError_failsOverWithinTheGroup()
{
    m_fx->sandbox.setFault(QStringLiteral("text-embedding-3-small"), SandboxFault::httpError(503));
    const HttpAnswer answer = post(R"({"model":"embed","input":"fail me over"})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(QLatin1String("model")).toString(), QStringLiteral("text-embedding-3-large"));
    QCOMPARE(answer.header("x-switchyard-failovers"), QByteArray("1"));
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("text-embedding-3-small")), 1);
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("text-embedding-3-large")), 1);
    QCOMPARE(m_fx->records.size(), 1);
    const RequestRecord& row = m_fx->records.first();
    QCOMPARE(row.status, RequestStatus::Ok);
    QCOMPARE(row.finalModel, QStringLiteral("sandbox/text-embedding-3-large"));
    QCOMPARE(row.attempts.size(), 2);
    QCOMPARE(row.attempts.first().httpStatus, 503);
    QCOMPARE(row.failovers.size(), 1);

    // Every deployment failing: the client hears which, and the row says failed.
    m_fx->sandbox.setFault(QStringLiteral("text-embedding-3-large"), SandboxFault::httpError(500));
    m_fx->router.cooldowns()->clear();
    const HttpAnswer failed = post(R"({"model":"embed","input":"fail me over"})");
    QCOMPARE(failed.status, 502);
    QCOMPARE(failed.error().value(QLatin1String("code")).toString(), QStringLiteral("upstream_failed"));
    QCOMPARE(failed.error().value(QLatin1String("attempts")).toArray().size(), 2);
    QCOMPARE(m_fx->records.size(), 2);
    QCOMPARE(m_fx->records.last().status, RequestStatus::Failed);
    QVERIFY(!m_fx->records.last().costUsd.has_value() || *m_fx->records.last().costUsd == 0);
}

void tst_GatewayEmbeddings::upstreamRefusal_reachesTheClientAsSent()
{
    // ada-002 takes no "dimensions": OpenAI's own 400, as it came, and no failover.
    const HttpAnswer answer = post(R"({"model":"sandbox/text-embedding-ada-002","input":"hello","dimensions":64})");
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.error().value(QLatin1String("message")).toString(),
             QStringLiteral("This model does not support specifying dimensions."));
    QCOMPARE(answer.error().value(QLatin1String("type")).toString(), QStringLiteral("invalid_request_error"));
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("text-embedding-ada-002")), 1);
    QCOMPARE(m_fx->sandbox.totalRequests(), 1);
    QCOMPARE(m_fx->records.size(), 1);
    QCOMPARE(m_fx->records.first().status, RequestStatus::Failed);
    QCOMPARE(m_fx->records.first().failureClass, FailureClasses::id(FailureClass::BadRequest));
}

void tst_GatewayEmbeddings::badRequest_refusedBeforeUpstream_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("code");
    QTest::newRow("no model") << QByteArray(R"({"input":"x"})") << 400 << "model"
                              << "invalid_request";
    QTest::newRow("no input") << QByteArray(R"({"model":"embed"})") << 400 << "input"
                              << "invalid_request";
    QTest::newRow("empty string") << QByteArray(R"({"model":"embed","input":""})") << 400 << "input"
                                  << "invalid_request";
    QTest::newRow("empty list") << QByteArray(R"({"model":"embed","input":[]})") << 400 << "input"
                                << "invalid_request";
    QTest::newRow("a list with an object in it, named by position")
        << QByteArray(R"({"model":"embed","input":["fine",{"text":"no"}]})") << 400 << "input[1]"
        << "invalid_request";
    QTest::newRow("an encoding OpenAI does not have")
        << QByteArray(R"({"model":"embed","input":"x","encoding_format":"md5"})") << 400 << "encoding_format"
        << "invalid_request";
    QTest::newRow("dimensions of zero") << QByteArray(R"({"model":"embed","input":"x","dimensions":0})") << 400
                                        << "dimensions"
                                        << "invalid_request";
    QTest::newRow("a chat model has no embeddings") << QByteArray(R"({"model":"chat","input":"x"})") << 400 << "model"
                                                    << "model_not_embeddings";
    QTest::newRow("an Anthropic model has no embeddings")
        << QByteArray(R"({"model":"sandbox/claude-haiku-4-5","input":"x"})") << 400 << "model"
        << "model_not_embeddings";
    QTest::newRow("a model that does not exist")
        << QByteArray(R"({"model":"nonexistent","input":"x"})") << 404 << "model"
        << "model_not_found";
    QTest::newRow("auto picks chat tiers, not embeddings")
        << QByteArray(R"({"model":"auto","input":"x"})") << 404 << "model"
        << "model_not_found";
    QTest::newRow("not JSON") << QByteArray("{\"model\":") << 400 << ""
                              << "invalid_json";
}

void tst_GatewayEmbeddings::badRequest_refusedBeforeUpstream()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, param);
    QFETCH(QString, code);
    const HttpAnswer answer = post(body);
    QCOMPARE(answer.status, status);
    const QJsonObject error = answer.error();
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(m_fx->sandbox.totalRequests(), 0);
    QVERIFY(m_fx->records.isEmpty());
}

// Embeddings are held against the budgets as chat attempts are. text-embedding-3-small bills
// $0.02 per 1M input tokens: 400 characters are 100 tokens plus 4 for the message, held at
// 104 * 0.02 = $0.00000208, so a second request in flight does not fit under $0.000003.
void tst_GatewayEmbeddings::budget_holdsRequestsInFlight_andGivesBackFailedOnes()
{
    BudgetTracker budgets;
    BudgetSettings settings;
    settings.global.dailyUsd = 0.000003;
    settings.action = BudgetAction::Refuse;
    budgets.setSettings(settings);
    // As the engine wires it, the request counted by PromptSize (no output for embeddings).
    m_fx->router.setBudgetReservation(
        [&budgets](const ModelConfig& model, const ChatRequest& request) {
            const Reservation held
                = budgets.reserve(model.providerId, model.id, model.price, PromptSize::ofRequest(request).tokens(), 0);
            return BudgetHold { held.ok, held.id, held.refusalReason, false, {}, {} };
        },
        [&budgets](quint64 holdId, const ModelConfig& model, const TokenUsage* usage) {
            if (usage) {
                budgets.commit(holdId, CostCalculator::cost(model.price, *usage).value_or(0));
            } else {
                budgets.release(holdId);
            }
        });
    // The first request hangs upstream until its deployment's timeout, its hold in flight.
    QList<ModelConfig> models = m_fx->router.models();
    for (ModelConfig& model : models) {
        if (model.id == QLatin1String("sandbox/text-embedding-3-small")) {
            model.timeouts.connectMs = 300;
            model.timeouts.firstTokenMs = 300;
        }
    }
    m_fx->router.setModels(models);
    m_fx->sandbox.setFault(QStringLiteral("text-embedding-3-small"),
                           SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    const QByteArray body = R"({"model":"sandbox/text-embedding-3-small","input":")" + QByteArray(400, 'e') + R"("})";
    QNetworkRequest request(m_fx->url(QStringLiteral("/v1/embeddings")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> first(m_nam->post(request, body));
    QTRY_COMPARE(m_fx->sandbox.requestCount(QStringLiteral("text-embedding-3-small")), 1);
    QCOMPARE(budgets.activeReservations(), 1);

    const HttpAnswer second = post(body);
    QCOMPARE(second.status, 503);
    QVERIFY2(second.error().value(QLatin1String("message")).toString().contains(QStringLiteral("daily budget")),
             second.body.constData());
    QCOMPARE(m_fx->sandbox.requestCount(QStringLiteral("text-embedding-3-small")), 1); // nothing sent for it

    // The first times out: nothing was billed, its hold is given back and the next one fits.
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished(), 10000);
    QCOMPARE(budgets.activeReservations(), 0);
    m_fx->sandbox.clearFaults();
    m_fx->router.cooldowns()->clear();
    const HttpAnswer third = post(body);
    QCOMPARE(third.status, 200);
    // Settled with the tokens the provider counted, once (the hold is not left behind).
    const qint64 billed
        = third.json().value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInteger();
    QCOMPARE(budgets.activeReservations(), 0);
    QVERIFY2(qAbs(budgets.usage().constFirst().spentUsd - billed * 0.02 / 1e6) < 1e-15,
             qPrintable(QString::number(budgets.usage().constFirst().spentUsd)));
}

QTEST_GUILESS_MAIN(tst_GatewayEmbeddings)
#include "tst_GatewayEmbeddings.moc"
