#include "GatewayFixture.h"
#include "GatewayHttp.h"

#include "core/common/UsageEstimate.h"

#include <QElapsedTimer>
#include <QJsonArray>

// Nothing used goes unbilled: a stream that does not finish (the client leaves, the total timeout
// or the size cap cuts it) is recorded with the usage estimated from what was relayed, its cost
// and its first token; an upstream that ignores max_tokens is stopped past the documented margin,
// the client told "length" (Anthropic: "max_tokens"), the overrun recorded.
class tst_GatewayUnfinished : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void unfinishedStream_billedFromWhatWasRelayed_data();
    void unfinishedStream_billedFromWhatWasRelayed();
    void upstreamIgnoringMaxTokens_stoppedWithLength_data();
    void upstreamIgnoringMaxTokens_stoppedWithLength();

private:
    std::unique_ptr<GatewayFixture> m_fx;
    QNetworkAccessManager* m_nam = nullptr;
};

void tst_GatewayUnfinished::init()
{
    m_fx = std::make_unique<GatewayFixture>();
    m_nam = new QNetworkAccessManager(this);
}

void tst_GatewayUnfinished::cleanup()
{
    delete m_nam;
    m_nam = nullptr;
    m_fx.reset();
}

enum class Cut
{
    ClientLeaves,
    TotalTimeout,
    SizeCap,
};
Q_DECLARE_METATYPE(Cut)
Q_DECLARE_METATYPE(RequestStatus)

void tst_GatewayUnfinished::unfinishedStream_billedFromWhatWasRelayed_data()
{
    QTest::addColumn<Cut>("cut");
    QTest::addColumn<RequestStatus>("status");
    QTest::newRow("client leaves mid-stream: cancelled, billed") << Cut::ClientLeaves << RequestStatus::Cancelled;
    QTest::newRow("total timeout cuts the stream: incomplete, billed")
        << Cut::TotalTimeout << RequestStatus::Incomplete;
    QTest::newRow("size cap cuts the stream: incomplete, billed") << Cut::SizeCap << RequestStatus::Incomplete;
}

void tst_GatewayUnfinished::unfinishedStream_billedFromWhatWasRelayed()
{
    QFETCH(Cut, cut);
    QFETCH(RequestStatus, status);
    QVERIFY(m_fx->start({}, 0.1)); // first token ~55 ms, a token every 30 ms
    SandboxFault slow = SandboxFault::ofKind(SandboxFault::Kind::SlowTokens);
    slow.tokenIntervalMs = 300;
    m_fx->sandbox.setFault(QStringLiteral("gemini-2.5-flash"), slow);
    RoutingPolicy policy = m_fx->router.policy();
    policy.defaults.midStream = MidStreamPolicy::StopIncomplete;
    if (cut == Cut::TotalTimeout) {
        policy.defaults.timeouts.totalMs = 600;
        policy.defaults.timeoutsSet |= TotalTimeoutField;
    }
    m_fx->router.setPolicy(policy);
    if (cut == Cut::SizeCap) {
        m_fx->client.setMaxResponseBytes(3000);
    }

    QNetworkRequest request(m_fx->url(QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = m_nam->post(request, chatBody(QStringLiteral("solo"), true));
    QByteArray seen;
    connect(reply, &QNetworkReply::readyRead, this, [&] { seen += reply->readAll(); });
    if (cut == Cut::ClientLeaves) {
        QTRY_VERIFY_WITH_TIMEOUT(seen.count("\"content\":\"") >= 6, 10000);
        reply->abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_fx->records.size(), 1, 10000);
    reply->deleteLater();

    const RequestRecord& row = m_fx->records.constFirst();
    QCOMPARE(row.status, status);
    QVERIFY2(seen.count("\"content\":\"") >= 3, seen.constData()); // text did reach the client
    QVERIFY(row.usage.estimated);
    QVERIFY(row.usage.promptTokens > 0);
    QVERIFY2(row.usage.completionTokens >= 3, qPrintable(QString::number(row.usage.completionTokens)));
    QVERIFY(row.costUsd.has_value());
    QVERIFY(*row.costUsd > 0);
    QVERIFY(row.costEstimated);
    QVERIFY2(row.ttftMs >= 0, qPrintable(QString::number(row.ttftMs)));
}

void tst_GatewayUnfinished::upstreamIgnoringMaxTokens_stoppedWithLength_data()
{
    QTest::addColumn<bool>("anthropic");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai, streamed") << false << true;
    QTest::newRow("openai, whole") << false << false;
    QTest::newRow("anthropic, streamed") << true << true;
    QTest::newRow("anthropic, whole") << true << false;
}

void tst_GatewayUnfinished::upstreamIgnoringMaxTokens_stoppedWithLength()
{
    QFETCH(bool, anthropic);
    QFETCH(bool, stream);
    QVERIFY(m_fx->start());
    const QString model = anthropic ? QStringLiteral("claude-haiku-4-5") : QStringLiteral("gemini-2.5-flash");
    // 100,000 tokens a millisecond apart: without the cut, 100 s of streaming.
    m_fx->sandbox.setFault(model, SandboxFault::ofKind(SandboxFault::Kind::IgnoreMaxTokens));
    const int maxTokens = 10;
    const QByteArray body = "{\"model\":\"" + (anthropic ? QByteArrayLiteral("haiku") : QByteArrayLiteral("solo"))
        + "\",\"max_tokens\":" + QByteArray::number(maxTokens) + ",\"stream\":" + (stream ? "true" : "false")
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me everything\"}]}";

    QElapsedTimer clock;
    clock.start();
    const HttpAnswer answer = httpCall(
        *m_nam, "POST", m_fx->url(anthropic ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/chat/completions")),
        body);
    QCOMPARE(answer.status, 200);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));

    QString text;
    if (stream) {
        QVERIFY2(answer.body.contains(anthropic ? "\"stop_reason\":\"max_tokens\"" : "\"finish_reason\":\"length\""),
                 answer.body.right(400).constData());
    } else {
        const QJsonObject json = answer.json();
        if (anthropic) {
            QCOMPARE(json.value(QLatin1String("stop_reason")).toString(), QStringLiteral("max_tokens"));
            text = json.value(QLatin1String("content"))
                       .toArray()
                       .at(0)
                       .toObject()
                       .value(QLatin1String("text"))
                       .toString();
        } else {
            const QJsonObject choice = json.value(QLatin1String("choices")).toArray().at(0).toObject();
            QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("length"));
            text = choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
        }
        QVERIFY2(estimateTokens(text) <= maxTokens, qPrintable(text));
    }

    QTRY_COMPARE(m_fx->records.size(), 1);
    const RequestRecord& row = m_fx->records.constFirst();
    QCOMPARE(row.status, RequestStatus::Ok);
    // The overrun is recorded: more than was asked for, estimated when the upstream never said.
    QVERIFY2(row.usage.completionTokens > maxTokens, qPrintable(QString::number(row.usage.completionTokens)));
    if (stream) {
        QVERIFY(row.usage.estimated);
        QVERIFY2(row.usage.completionTokens <= UsageEstimate::outputCap(maxTokens) + 8,
                 qPrintable(QString::number(row.usage.completionTokens)));
    }
    QVERIFY(row.costUsd.has_value() && *row.costUsd > 0);
}

QTEST_GUILESS_MAIN(tst_GatewayUnfinished)
#include "tst_GatewayUnfinished.moc"
