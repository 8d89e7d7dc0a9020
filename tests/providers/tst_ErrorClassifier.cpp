#include "WireFixtures.h"
#include "core/common/Clock.h"
#include "core/providers/ErrorClassifier.h"

#include <QJsonDocument>
#include <QTest>

namespace {
using Headers = QList<std::pair<QByteArray, QByteArray>>;
}

class TestErrorClassifier : public QObject
{
    Q_OBJECT

private slots:
    void httpErrorFixture_isClassified_data();
    void httpErrorFixture_isClassified();
    void constructedHttpError_isClassified_data();
    void constructedHttpError_isClassified();
    void retryHint_fromHeaders_data();
    void retryHint_fromHeaders();
    void nonJsonBody_keepsSanitisedExcerpt();
    void inBandError_isClassified_data();
    void inBandError_isClassified();
    void parseDuration_data();
    void parseDuration();
    void parseDuration_httpDateIsRelativeToClock();
};

void TestErrorClassifier::httpErrorFixture_isClassified_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("headersFile");
    QTest::addColumn<FailureClass>("failureClass");
    QTest::addColumn<QString>("providerCode");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<bool>("contextLength");
    QTest::addColumn<QString>("messageStart");

    QTest::newRow("openai context length exceeded")
        << "openai-error-400-context-length-exceeded.json" << 400 << "" << FailureClass::BadRequest
        << "context_length_exceeded" << qint64(-1) << true << "This model's maximum context length";
    QTest::newRow("openai unsupported parameter is the model's limit, not the request's fault")
        << "openai-error-400-unsupported-parameter.json" << 400 << "" << FailureClass::Unsupported
        << "unsupported_parameter" << qint64(-1) << false << "Unsupported parameter";
    QTest::newRow("openai invalid api key")
        << "openai-error-401-invalid-api-key.json" << 401 << "" << FailureClass::Auth << "invalid_api_key" << qint64(-1)
        << false << "Incorrect API key provided";
    QTest::newRow("openai insufficient_quota 429 is quota, not a rate limit")
        << "openai-error-429-insufficient-quota.json" << 429 << "" << FailureClass::QuotaExhausted
        << "insufficient_quota" << qint64(-1) << false << "You exceeded your current quota";
    QTest::newRow("openai rate limit, hint from message")
        << "openai-error-429-rate-limit-exceeded.json" << 429 << "" << FailureClass::RateLimited
        << "rate_limit_exceeded" << qint64(1574) << false << "Rate limit reached for o4-mini";
    QTest::newRow("openai rate limit, retry-after header wins")
        << "openai-error-429-rate-limit-exceeded.json" << 429 << "openai-error-429.headers.txt"
        << FailureClass::RateLimited << "rate_limit_exceeded" << qint64(2000) << false << "Rate limit reached";
    QTest::newRow("openai 500 server_error")
        << "openai-error-500-server-error.json" << 500 << "" << FailureClass::ServerError << "server_error"
        << qint64(-1) << false << "The server had an error";
    QTest::newRow("openai 503 overloaded")
        << "openai-error-503-overloaded.json" << 503 << "" << FailureClass::ServerError << "server_error" << qint64(-1)
        << false << "That model is currently overloaded";
    QTest::newRow("anthropic 429, reset of the exhausted limit minus date")
        << "anthropic-error-429-rate-limit.json" << 429 << "anthropic-error-429.headers.txt"
        << FailureClass::RateLimited << "rate_limit_error" << qint64(1000) << false
        << "This request would exceed your account's rate limit";
    QTest::newRow("anthropic org itpm 429 without headers")
        << "anthropic-error-429-rate-limit-org-itpm.json" << 429 << "" << FailureClass::RateLimited
        << "rate_limit_error" << qint64(-1) << false << "This request would exceed the rate limit";
    QTest::newRow("anthropic 529 overloaded")
        << "anthropic-error-529-overloaded.json" << 529 << "anthropic-error-529.headers.txt"
        << FailureClass::ServerError << "overloaded_error" << qint64(-1) << false << "Overloaded";
    QTest::newRow("anthropic 529 with request id and details null")
        << "anthropic-error-529-overloaded-request-id.json" << 529 << "" << FailureClass::ServerError
        << "overloaded_error" << qint64(-1) << false << "Overloaded";
    QTest::newRow("gemini invalid key is auth despite 400")
        << "gemini-error-400-api-key-invalid.json" << 400 << "" << FailureClass::Auth << "INVALID_ARGUMENT"
        << qint64(-1) << false << "API key not valid";
    QTest::newRow("gemini free-tier quota 429 is a rate limit with retryDelay")
        << "gemini-error-429-resource-exhausted.json" << 429 << "" << FailureClass::RateLimited << "RESOURCE_EXHAUSTED"
        << qint64(34400) << false << "You exceeded your current quota";
    QTest::newRow("gemini 503 unavailable")
        << "gemini-error-503-unavailable.json" << 503 << "" << FailureClass::ServerError << "UNAVAILABLE" << qint64(-1)
        << false << "This model is currently experiencing high demand";
    QTest::newRow("gemini array-wrapped body") << "gemini-error-array-wrapped.json" << 400 << "" << FailureClass::Auth
                                               << "INVALID_ARGUMENT" << qint64(-1) << false << "API key not valid";
    QTest::newRow("gemini openai-compat array body")
        << "gemini-openai-compat-error-400.json" << 400 << "" << FailureClass::BadRequest << "INVALID_ARGUMENT"
        << qint64(-1) << false << "Invalid JSON payload received";
    QTest::newRow("ollama string error") << "ollama-api-error.json" << 500 << "" << FailureClass::ServerError << ""
                                         << qint64(-1) << false << "the model failed to generate a response";
    QTest::newRow("ollama cloud 503") << "ollama-cloud-error-503.json" << 503 << "" << FailureClass::ServerError << ""
                                      << qint64(-1) << false << "Server overloaded";
    QTest::newRow("ollama openai-shaped 404")
        << "ollama-openai-error.json" << 404 << "" << FailureClass::BadRequest << "not_found_error" << qint64(-1)
        << false << "model \"llama9\" not found";
    QTest::newRow("openrouter numeric code") << "openrouter-error-401.json" << 401 << "" << FailureClass::Auth << "401"
                                             << qint64(-1) << false << "User not found.";
    QTest::newRow("error body glued to sse keeps status class")
        << "edge-error-body-glued-to-sse.txt" << 401 << "" << FailureClass::Auth << "" << qint64(-1) << false
        << "{\"error\":{\"message\":\"User not found.\"";
}

void TestErrorClassifier::httpErrorFixture_isClassified()
{
    QFETCH(QString, file);
    QFETCH(int, status);
    QFETCH(QString, headersFile);
    QFETCH(FailureClass, failureClass);
    QFETCH(QString, providerCode);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, contextLength);
    QFETCH(QString, messageStart);
    const QByteArray body = WireFixtures::read(file);
    QVERIFY(!body.isEmpty());
    Headers headers;
    if (!headersFile.isEmpty()) {
        const WireFixtures::Headers recorded = WireFixtures::headers(headersFile);
        QCOMPARE(recorded.status, status);
        headers = recorded.headers;
        QVERIFY(!headers.isEmpty());
    }
    const CallError error = ErrorClassifier::classifyHttpError(status, headers, body);
    QCOMPARE(error.failureClass, failureClass);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.providerCode, providerCode);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
    QCOMPARE(error.contextLengthExceeded, contextLength);
    QVERIFY2(error.message.startsWith(messageStart), qPrintable(error.message));
}

void TestErrorClassifier::constructedHttpError_isClassified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureClass>("failureClass");
    QTest::addColumn<bool>("contextLength");
    QTest::newRow("openai temperature on a reasoning model is unsupported, so another model is tried")
        << 400
        << QByteArray(
               R"({"error":{"message":"Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.","type":"invalid_request_error","param":"temperature","code":"unsupported_value"}})")
        << FailureClass::Unsupported << false;
    QTest::newRow("402 is quota") << 402
                                  << QByteArray("{\"error\":{\"message\":\"Insufficient credits\",\"code\":402}}")
                                  << FailureClass::QuotaExhausted << false;
    QTest::newRow("anthropic 400 low credit balance is quota")
        << 400
        << QByteArray("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Your credit "
                      "balance is too low to access the Anthropic API.\"}}")
        << FailureClass::QuotaExhausted << false;
    QTest::newRow("anthropic prompt too long")
        << 400
        << QByteArray("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too "
                      "long: 208310 tokens > 200000 maximum\"}}")
        << FailureClass::BadRequest << true;
    QTest::newRow("gemini input token count exceeds")
        << 400
        << QByteArray("{\"error\":{\"code\":400,\"message\":\"The input token count (1200000) exceeds the maximum "
                      "number of tokens allowed (1048576).\",\"status\":\"INVALID_ARGUMENT\"}}")
        << FailureClass::BadRequest << true;
    QTest::newRow("413 request too large")
        << 413 << QByteArray("{\"error\":{\"type\":\"request_too_large\"}}") << FailureClass::BadRequest << false;
    QTest::newRow("422 validation") << 422 << QByteArray("{\"detail\":\"bad\"}") << FailureClass::BadRequest << false;
    QTest::newRow("403 forbidden") << 403 << QByteArray() << FailureClass::Auth << false;
    QTest::newRow("502 html page") << 502 << QByteArray("<html><body>Bad Gateway</body></html>")
                                   << FailureClass::ServerError << false;
    QTest::newRow("rate limit text without quota words stays rate limited")
        << 429 << QByteArray("{\"error\":{\"message\":\"Too many requests\"}}") << FailureClass::RateLimited << false;
    QTest::newRow("429 saying billing is quota")
        << 429 << QByteArray("{\"error\":{\"message\":\"Please check your billing details\"}}")
        << FailureClass::QuotaExhausted << false;
}

void TestErrorClassifier::constructedHttpError_isClassified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureClass, failureClass);
    QFETCH(bool, contextLength);
    const CallError error = ErrorClassifier::classifyHttpError(status, {}, body);
    QCOMPARE(error.failureClass, failureClass);
    QCOMPARE(error.contextLengthExceeded, contextLength);
    QVERIFY(!error.message.isEmpty());
}

void TestErrorClassifier::retryHint_fromHeaders_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::newRow("retry-after-ms beats retry-after")
        << 429 << Headers { { "retry-after", "2" }, { "retry-after-ms", "150.5" } } << qint64(151);
    QTest::newRow("retry-after seconds") << 503 << Headers { { "retry-after", "20" } } << qint64(20000);
    QTest::newRow("retry-after http date against date header")
        << 503
        << Headers { { "date", "Wed, 21 Oct 2015 07:28:00 GMT" }, { "retry-after", "Wed, 21 Oct 2015 07:28:30 GMT" } }
        << qint64(30000);
    QTest::newRow("header names are matched case-insensitively")
        << 429 << Headers { { "Retry-After", "3" } } << qint64(3000);
    QTest::newRow("x-ratelimit reset of the exhausted dimension")
        << 429
        << Headers { { "x-ratelimit-remaining-requests", "0" },
                     { "x-ratelimit-reset-requests", "6m0s" },
                     { "x-ratelimit-remaining-tokens", "100" },
                     { "x-ratelimit-reset-tokens", "12ms" } }
        << qint64(360000);
    QTest::newRow("x-ratelimit longest reset when none reads zero")
        << 429 << Headers { { "x-ratelimit-reset-requests", "12ms" }, { "x-ratelimit-reset-tokens", "172.799999ms" } }
        << qint64(173);
    QTest::newRow("x-ratelimit ignored when not 429")
        << 500 << Headers { { "x-ratelimit-reset-requests", "1s" } } << qint64(-1);
    QTest::newRow("azure -1 reset is ignored")
        << 429 << Headers { { "x-ratelimit-reset-requests", "-1" } } << qint64(-1);
}

void TestErrorClassifier::retryHint_fromHeaders()
{
    QFETCH(int, status);
    QFETCH(Headers, headers);
    QFETCH(qint64, retryAfterMs);
    QCOMPARE(ErrorClassifier::classifyHttpError(status, headers, "{}").retryAfterMs, retryAfterMs);
}

void TestErrorClassifier::nonJsonBody_keepsSanitisedExcerpt()
{
    QByteArray body = "<html>\r\n<h1>502\tBad Gateway</h1>\x01\xFF";
    body += QByteArray(400, 'x');
    const CallError error = ErrorClassifier::classifyHttpError(502, {}, body);
    QCOMPARE(error.failureClass, FailureClass::ServerError);
    QVERIFY(error.message.startsWith(QLatin1String("<html> <h1>502 Bad Gateway</h1>")));
    QVERIFY(error.message.size() <= 200);
    QVERIFY(!error.message.contains(QLatin1Char('\n')));
    QVERIFY(!error.message.contains(QChar(1)));
}

void TestErrorClassifier::inBandError_isClassified_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<FailureClass>("failureClass");
    QTest::addColumn<QString>("providerCode");
    QTest::addColumn<int>("httpStatus");
    QTest::newRow("openai server_error") << QByteArray(R"({"error":{"message":"m","type":"server_error","code":null}})")
                                         << FailureClass::ServerError << "server_error" << 0;
    QTest::newRow("anthropic overloaded_error")
        << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
        << FailureClass::ServerError << "overloaded_error" << 0;
    QTest::newRow("anthropic rate_limit_error")
        << QByteArray(R"({"type":"error","error":{"type":"rate_limit_error","message":"slow down"}})")
        << FailureClass::RateLimited << "rate_limit_error" << 0;
    QTest::newRow("anthropic invalid_request_error")
        << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error","message":"bad"}})")
        << FailureClass::BadRequest << "invalid_request_error" << 0;
    QTest::newRow("anthropic authentication_error")
        << QByteArray(R"({"type":"error","error":{"type":"authentication_error","message":"key"}})")
        << FailureClass::Auth << "authentication_error" << 0;
    QTest::newRow("openrouter numeric 502")
        << QByteArray(R"({"error":{"code":502,"message":"Provider returned error"}})") << FailureClass::ServerError
        << "502" << 502;
    QTest::newRow("openrouter numeric 429") << QByteArray(R"({"error":{"code":429,"message":"Rate limited"}})")
                                            << FailureClass::RateLimited << "429" << 429;
    QTest::newRow("openrouter numeric 402") << QByteArray(R"({"error":{"code":402,"message":"Out of money"}})")
                                            << FailureClass::QuotaExhausted << "402" << 402;
    QTest::newRow("openrouter string server_error")
        << QByteArray(R"({"error":{"code":"server_error","message":"Provider disconnected"}})")
        << FailureClass::ServerError << "server_error" << 0;
    QTest::newRow("openai insufficient_quota")
        << QByteArray(R"({"error":{"message":"quota","type":"insufficient_quota","code":"insufficient_quota"}})")
        << FailureClass::QuotaExhausted << "insufficient_quota" << 0;
    QTest::newRow("ollama string error") << QByteArray(
        R"({"error":"an error was encountered while running the model"})")
                                         << FailureClass::ServerError << "" << 0;
    QTest::newRow("unknown type is the provider's fault")
        << QByteArray(R"({"error":{"type":"weird_new_error"}})") << FailureClass::ServerError << "weird_new_error" << 0;
}

void TestErrorClassifier::inBandError_isClassified()
{
    QFETCH(QByteArray, payload);
    QFETCH(FailureClass, failureClass);
    QFETCH(QString, providerCode);
    QFETCH(int, httpStatus);
    const CallError error = ErrorClassifier::classifyInBandError(QJsonDocument::fromJson(payload).object());
    QCOMPARE(error.failureClass, failureClass);
    QCOMPARE(error.providerCode, providerCode);
    QCOMPARE(error.httpStatus, httpStatus);
    QVERIFY(!error.message.isEmpty());
}

void TestErrorClassifier::parseDuration_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("go minutes and seconds") << QByteArray("6m0s") << qint64(360000);
    QTest::newRow("fractional seconds") << QByteArray("1.574s") << qint64(1574);
    QTest::newRow("milliseconds") << QByteArray("12ms") << qint64(12);
    QTest::newRow("groq fractional milliseconds round up") << QByteArray("172.799999ms") << qint64(173);
    QTest::newRow("gemini retryDelay") << QByteArray("34.4s") << qint64(34400);
    QTest::newRow("plain seconds") << QByteArray("20") << qint64(20000);
    QTest::newRow("plain fractional seconds") << QByteArray("1.5") << qint64(1500);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("hours minutes seconds") << QByteArray("1h2m3s") << qint64(3723000);
    QTest::newRow("microseconds round up") << QByteArray("250us") << qint64(1);
    QTest::newRow("surrounding whitespace") << QByteArray("  2s ") << qint64(2000);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
    QTest::newRow("unknown unit") << QByteArray("5x") << qint64(-1);
    QTest::newRow("trailing garbage") << QByteArray("1s later") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("absurdly large seconds (fuzz_decoders)") << QByteArray(99, '4') << qint64(-1);
    QTest::newRow("absurdly large duration") << QByteArray("99999999999999999999h") << qint64(-1);
}

void TestErrorClassifier::parseDuration()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, ms);
    QCOMPARE(ErrorClassifier::parseDuration(text), ms);
}

void TestErrorClassifier::parseDuration_httpDateIsRelativeToClock()
{
    MockClock clock(QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC));
    Clock::setInstance(&clock);
    QCOMPARE(ErrorClassifier::parseDuration("Wed, 21 Oct 2015 07:28:45 GMT"), qint64(45000));
    QCOMPARE(ErrorClassifier::parseDuration("2015-10-21T07:29:00Z"), qint64(60000));
    QCOMPARE(ErrorClassifier::parseDuration("Wed, 21 Oct 2015 07:27:00 GMT"), qint64(0)); // already past
    Clock::setInstance(nullptr);
}

QTEST_GUILESS_MAIN(TestErrorClassifier)
#include "tst_ErrorClassifier.moc"
