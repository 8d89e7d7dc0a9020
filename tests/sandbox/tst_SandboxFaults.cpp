#include "SandboxTestClient.h"

#include "core/http/HttpServer.h"
#include "core/sandbox/SandboxStream.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

// Every fault kind, observed from the client side.
class TestSandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void httpError_statusEnvelopeAndRetryAfter_data();
    void httpError_statusEnvelopeAndRetryAfter();
    void httpError_matchesRealEnvelope_data();
    void httpError_matchesRealEnvelope();
    void providerFault_hitsEveryModelOfProvider();
    void modelFault_winsOverProviderFault_clearFaultsHeals();
    void hangBeforeHeaders_neverAnswers();
    void headersThenSilence_sendsHeadersOnly_data();
    void headersThenSilence_sendsHeadersOnly();
    void dropMidStream_cutsAfterNTokens_data();
    void dropMidStream_cutsAfterNTokens();
    void dropMidStream_nonStreamBodyCut();
    void malformedJson_oneBrokenEvent_data();
    void malformedJson_oneBrokenEvent();
    void malformedJson_nonStreamBodyBroken();
    void slowTokens_spacesTokensApart();
    void failPercent_sameSeedSameSequence();
    void failPercent_extremes_data();
    void failPercent_extremes();
    void clientDisconnect_stopsStreamTimers();

private:
    QList<int> statusSequence(int count);

    SandboxServer* m_sandbox = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
};

void TestSandboxFaults::init()
{
    m_sandbox = new SandboxServer(this);
    QVERIFY(m_sandbox->start());
    m_sandbox->setTimeScale(0);
    m_nam = new QNetworkAccessManager(this);
}

void TestSandboxFaults::cleanup()
{
    delete m_nam;
    delete m_sandbox;
}

void TestSandboxFaults::httpError_statusEnvelopeAndRetryAfter_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expectedCode"); // OpenAI error.code; empty = null

    QTest::newRow("openai 429 rate_limit_exceeded sends retry-after")
        << "gpt-4.1-mini" << 429 << QByteArray() << 7 << false << "requests"
        << "rate_limit_exceeded";
    QTest::newRow("openai 429 insufficient_quota on a streaming request")
        << "gpt-4.1-mini" << 429 << QByteArray("insufficient_quota") << -1 << true << "insufficient_quota"
        << "insufficient_quota";
    QTest::newRow("openai 500 server_error, null code")
        << "gpt-5" << 500 << QByteArray() << -1 << false << "server_error"
        << "";
    QTest::newRow("gemini 503 overloaded") << "gemini-2.5-flash" << 503 << QByteArray() << 2 << true << "server_error"
                                           << "";
    QTest::newRow("openai 401 invalid_api_key")
        << "gpt-4.1" << 401 << QByteArray() << -1 << false << "invalid_request_error"
        << "invalid_api_key";
    QTest::newRow("openai 400 context_length_exceeded")
        << "gpt-4.1" << 400 << QByteArray("context_length_exceeded") << -1 << false << "invalid_request_error"
        << "context_length_exceeded";
    QTest::newRow("deepseek 402 out of balance")
        << "deepseek-chat" << 402 << QByteArray() << -1 << false << "insufficient_quota"
        << "insufficient_quota";
    QTest::newRow("anthropic 529 overloaded_error")
        << "claude-sonnet-4-5" << 529 << QByteArray() << -1 << true << "overloaded_error"
        << "";
    QTest::newRow("anthropic 429 rate_limit_error sends retry-after")
        << "claude-haiku-4-5" << 429 << QByteArray() << 30 << false << "rate_limit_error"
        << "";
    QTest::newRow("anthropic 401 authentication_error")
        << "claude-haiku-4-5" << 401 << QByteArray() << -1 << false << "authentication_error"
        << "";
    QTest::newRow("anthropic 402 billing_error")
        << "claude-haiku-4-5" << 402 << QByteArray() << -1 << false << "billing_error"
        << "";
    QTest::newRow("anthropic 400 prompt too long")
        << "claude-sonnet-4-5" << 400 << QByteArray("context_length_exceeded") << -1 << false << "invalid_request_error"
        << "";
}

void TestSandboxFaults::httpError_statusEnvelopeAndRetryAfter()
{
    QFETCH(QString, model);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(int, retryAfter);
    QFETCH(bool, stream);
    QFETCH(QString, type);
    QFETCH(QString, expectedCode);
    m_sandbox->setFault(model, SandboxFault::httpError(status, code, retryAfter));
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "hello", stream));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), status);
    QCOMPARE(exchange->reply->hasRawHeader("retry-after"), retryAfter >= 0);
    if (retryAfter >= 0) {
        QCOMPARE(exchange->reply->rawHeader("retry-after").toInt(), retryAfter);
    }
    const QJsonObject json = exchange->json();
    const QJsonObject error = json["error"].toObject();
    QVERIFY(!error["message"].toString().isEmpty());
    QCOMPARE(error["type"].toString(), type);
    if (isAnthropic(model)) {
        QCOMPARE(json["type"].toString(), QStringLiteral("error"));
        QCOMPARE(json.keys(), (QStringList { "error", "type" }));
        if (code == "context_length_exceeded") {
            QVERIFY(error["message"].toString().startsWith("prompt is too long: "));
        }
    } else {
        QCOMPARE(error.keys(), (QStringList { "code", "message", "param", "type" }));
        QCOMPARE(error["code"].isNull(), expectedCode.isEmpty());
        QCOMPARE(error["code"].toString(), expectedCode);
    }
    QCOMPARE(m_sandbox->requestCount(model), 1);
}

void TestSandboxFaults::httpError_matchesRealEnvelope_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fixture");
    QTest::newRow("anthropic 529") << "claude-haiku-4-5" << 529 << "anthropic-error-529-overloaded.json";
    QTest::newRow("openai 500") << "gpt-4.1-mini" << 500 << "openai-error-500-server-error.json";
}

void TestSandboxFaults::httpError_matchesRealEnvelope()
{
    QFETCH(QString, model);
    QFETCH(int, status);
    QFETCH(QString, fixture);
    QFile file(QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/wire/") + fixture);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_sandbox->setFault(model, SandboxFault::httpError(status));
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "hello", false));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->json(), QJsonDocument::fromJson(file.readAll()).object());
}

void TestSandboxFaults::providerFault_hitsEveryModelOfProvider()
{
    m_sandbox->setProviderFault("sandbox-openai", SandboxFault::httpError(503));
    std::unique_ptr<Exchange> a(chat(*m_nam, *m_sandbox, "gpt-5", "x", false));
    std::unique_ptr<Exchange> b(chat(*m_nam, *m_sandbox, "gpt-4.1", "x", true));
    std::unique_ptr<Exchange> other(chat(*m_nam, *m_sandbox, "gemini-2.5-flash", "x", false));
    QTRY_VERIFY(a->finished && b->finished && other->finished);
    QCOMPARE(a->status(), 503);
    QCOMPARE(b->status(), 503);
    QCOMPARE(other->status(), 200);
}

void TestSandboxFaults::modelFault_winsOverProviderFault_clearFaultsHeals()
{
    m_sandbox->setProviderFault("sandbox-anthropic", SandboxFault::httpError(529));
    m_sandbox->setFault("claude-haiku-4-5", SandboxFault::httpError(429));
    std::unique_ptr<Exchange> haiku(chat(*m_nam, *m_sandbox, "claude-haiku-4-5", "x", false));
    std::unique_ptr<Exchange> sonnet(chat(*m_nam, *m_sandbox, "claude-sonnet-4-5", "x", false));
    QTRY_VERIFY(haiku->finished && sonnet->finished);
    QCOMPARE(haiku->status(), 429);
    QCOMPARE(sonnet->status(), 529);

    m_sandbox->clearFaults();
    std::unique_ptr<Exchange> healed(chat(*m_nam, *m_sandbox, "claude-sonnet-4-5", "x", false));
    QTRY_VERIFY(healed->finished);
    QCOMPARE(healed->status(), 200);
}

void TestSandboxFaults::hangBeforeHeaders_neverAnswers()
{
    m_sandbox->setFault("gpt-4.1-mini", SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
    QNetworkRequest request(callUrl(*m_sandbox, "sandbox-openai"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setTransferTimeout(300); // the client gives up; the server never would
    std::unique_ptr<Exchange> exchange(
        new Exchange(m_nam->post(request, QJsonDocument(openAiBody("gpt-4.1-mini", "hi", true)).toJson())));
    QTRY_VERIFY(exchange->finished);
    QVERIFY(exchange->reply->error() != QNetworkReply::NoError);
    QCOMPARE(exchange->status(), 0);
    QVERIFY(exchange->body.isEmpty());
    QCOMPARE(m_sandbox->requestCount("gpt-4.1-mini"), 1);
}

void TestSandboxFaults::headersThenSilence_sendsHeadersOnly_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("stream");
    QTest::newRow("openai stream") << "gpt-4.1-mini" << true;
    QTest::newRow("anthropic stream") << "claude-haiku-4-5" << true;
    QTest::newRow("openai non-stream") << "gpt-4.1-mini" << false;
}

void TestSandboxFaults::headersThenSilence_sendsHeadersOnly()
{
    QFETCH(QString, model);
    QFETCH(bool, stream);
    m_sandbox->setFault(model, SandboxFault::ofKind(SandboxFault::Kind::HeadersThenSilence));
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "hi", stream));
    QTRY_VERIFY(exchange->gotHeaders);
    QCOMPARE(exchange->status(), 200);
    QCOMPARE(exchange->reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith("text/event-stream"),
             stream);
    QVERIFY(!exchange->finished);
    exchange->reply->abort();
    QVERIFY(exchange->body.isEmpty());
}

void TestSandboxFaults::dropMidStream_cutsAfterNTokens_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("afterTokens");
    QTest::newRow("openai: dropped before any token") << "gpt-4.1-mini" << 0;
    QTest::newRow("openai: dropped after 3 tokens") << "gpt-4.1-mini" << 3;
    QTest::newRow("anthropic: dropped after 5 tokens") << "claude-sonnet-4-5" << 5;
    QTest::newRow("reasoner: dropped inside the reasoning") << "deepseek-reasoner" << 2;
}

void TestSandboxFaults::dropMidStream_cutsAfterNTokens()
{
    QFETCH(QString, model);
    QFETCH(int, afterTokens);
    SandboxFault fault = SandboxFault::ofKind(SandboxFault::Kind::DropMidStream);
    fault.afterTokens = afterTokens;
    m_sandbox->setFault(model, fault);
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "hi", true, 0, true));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    // The cut is the body's: N tokens, then no terminator and no last chunk. How QNAM names a
    // connection reset in the middle of a chunked body depends on whether the reset overtakes the
    // data it follows (RemoteHostClosedError mostly; under a loaded host it sometimes ends the
    // reply without an error), so the transport error is not what this checks.
    QVERIFY2(exchange->reply->error() == QNetworkReply::RemoteHostClosedError
                 || exchange->reply->error() == QNetworkReply::NoError,
             qPrintable(exchange->reply->errorString()));
    int tokens = 0;
    for (const SseEvent& event : exchange->events()) {
        QVERIFY(event.isJson());
        const QJsonObject delta = event.json()["choices"].toArray().at(0).toObject()["delta"].toObject();
        if (event.event == "content_block_delta" || delta["reasoning_content"].isString()
            || !delta["content"].toString().isEmpty()) {
            ++tokens;
        }
    }
    QCOMPARE(tokens, afterTokens);
    QVERIFY(!exchange->body.contains("[DONE]"));
    QVERIFY(!exchange->body.contains("message_stop"));
    QTRY_COMPARE(m_sandbox->httpServer()->openConnections(), 0);
}

void TestSandboxFaults::dropMidStream_nonStreamBodyCut()
{
    m_sandbox->setFault("gpt-5", SandboxFault::ofKind(SandboxFault::Kind::DropMidStream));
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "gpt-5", "hi", false));
    QTRY_VERIFY(exchange->finished);
    QVERIFY(exchange->reply->error() != QNetworkReply::NoError);
}

void TestSandboxFaults::malformedJson_oneBrokenEvent_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("openai stream") << "gpt-4.1-mini";
    QTest::newRow("anthropic stream") << "claude-haiku-4-5";
}

void TestSandboxFaults::malformedJson_oneBrokenEvent()
{
    QFETCH(QString, model);
    m_sandbox->setFault(model, SandboxFault::ofKind(SandboxFault::Kind::MalformedJson));
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, model, "hi", true));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->reply->error(), QNetworkReply::NoError);
    int broken = 0;
    for (const SseEvent& event : exchange->events()) {
        if (event.data != "[DONE]" && !event.isJson()) {
            ++broken;
        }
    }
    QCOMPARE(broken, 1);
    QVERIFY(exchange->body.endsWith(isAnthropic(model) ? "\"message_stop\"}\n\n" : "data: [DONE]\n\n"));
}

void TestSandboxFaults::malformedJson_nonStreamBodyBroken()
{
    m_sandbox->setFault("claude-sonnet-4-5", SandboxFault::ofKind(SandboxFault::Kind::MalformedJson));
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "claude-sonnet-4-5", "hi", false));
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(exchange->status(), 200);
    QJsonParseError error;
    QJsonDocument::fromJson(exchange->body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestSandboxFaults::slowTokens_spacesTokensApart()
{
    m_sandbox->setTimeScale(0.1); // codestral: first token 30 ms; 400 ms slow tokens -> 40 ms apart
    SandboxFault fault = SandboxFault::ofKind(SandboxFault::Kind::SlowTokens);
    fault.tokenIntervalMs = 400;
    m_sandbox->setFault("codestral-latest", fault);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "codestral-latest", "hi", true, 5));
    QList<qint64> arrivals;
    int seen = 0;
    connect(exchange->reply, &QNetworkReply::readyRead, this, [&] {
        int pieces = 0;
        streamedText(parseSse(exchange->body + exchange->reply->peek(1 << 20)), &pieces);
        for (; seen < pieces; ++seen) {
            arrivals.append(timer.elapsed());
        }
    });
    QTRY_VERIFY(exchange->finished);
    QCOMPARE(arrivals.size(), 5);
    // Load can only delay tokens, so bound from below: 30 ms first token + 4 gaps of 40 ms.
    QVERIFY2(arrivals.last() >= 180, qPrintable(QString::number(arrivals.last())));
}

QList<int> TestSandboxFaults::statusSequence(int count)
{
    QList<int> statuses;
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "deepseek-chat", "x", false));
        QSignalSpy finished(exchange->reply, &QNetworkReply::finished); // wakes at once, unlike QTRY polling
        if (!exchange->finished && !finished.wait(5000)) {
            return {};
        }
        statuses.append(exchange->status());
    }
    return statuses;
}

void TestSandboxFaults::failPercent_sameSeedSameSequence()
{
    SandboxFault fault = SandboxFault::ofKind(SandboxFault::Kind::FailPercent);
    fault.percent = 50;
    fault.httpStatus = 503;
    fault.seed = 42;
    m_sandbox->setFault("deepseek-chat", fault);
    const QList<int> first = statusSequence(30);
    QCOMPARE(first.size(), 30);
    const int failures = int(first.count(503));
    QVERIFY2(failures >= 8 && failures <= 22, qPrintable(QString::number(failures)));
    QCOMPARE(first.count(200) + failures, 30);

    m_sandbox->setFault("deepseek-chat", fault); // setting it again restarts the sequence
    QCOMPARE(statusSequence(30), first);

    fault.seed = 43;
    m_sandbox->setFault("deepseek-chat", fault);
    QVERIFY(statusSequence(30) != first);
}

void TestSandboxFaults::failPercent_extremes_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<int>("expectedFailures");
    QTest::newRow("0 percent never fails") << 0 << 0;
    QTest::newRow("100 percent always fails") << 100 << 10;
}

void TestSandboxFaults::failPercent_extremes()
{
    QFETCH(int, percent);
    QFETCH(int, expectedFailures);
    SandboxFault fault = SandboxFault::ofKind(SandboxFault::Kind::FailPercent);
    fault.percent = percent;
    fault.httpStatus = 500;
    m_sandbox->setProviderFault("sandbox-deepseek", fault);
    QCOMPARE(statusSequence(10).count(500), expectedFailures);
}

void TestSandboxFaults::clientDisconnect_stopsStreamTimers()
{
    m_sandbox->setTimeScale(0.1);
    SandboxFault fault = SandboxFault::ofKind(SandboxFault::Kind::SlowTokens);
    fault.tokenIntervalMs = 200;
    m_sandbox->setFault("gpt-4.1-mini", fault);
    std::unique_ptr<Exchange> exchange(chat(*m_nam, *m_sandbox, "gpt-4.1-mini", "hi", true));
    QTRY_VERIFY(!streamedText(exchange->events()).isEmpty());
    QCOMPARE(m_sandbox->httpServer()->findChildren<SandboxStream*>().size(), 1);
    exchange->reply->abort();
    QTRY_COMPARE(m_sandbox->httpServer()->findChildren<SandboxStream*>().size(), 0);
    QTRY_COMPARE(m_sandbox->httpServer()->openConnections(), 0);

    m_sandbox->clearFaults();
    std::unique_ptr<Exchange> next(chat(*m_nam, *m_sandbox, "gpt-4.1-mini", "hi", false));
    QTRY_VERIFY(next->finished);
    QCOMPARE(next->status(), 200);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_SandboxFaults.moc"
