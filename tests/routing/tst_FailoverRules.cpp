#include "core/routing/FailoverRules.h"

#include <QTest>

class TestFailoverRules : public QObject
{
    Q_OBJECT

private slots:
    void actionFor_data();
    void actionFor();
};

void TestFailoverRules::actionFor_data()
{
    QTest::addColumn<int>("failureClass");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<bool>("contextExceeded");
    QTest::addColumn<bool>("alreadyRetried");
    QTest::addColumn<QString>("action");

    const auto row = [](const char* name, FailureClass failureClass, qint64 retryAfter, bool context, bool retried,
                        const char* action) {
        QTest::newRow(name) << int(failureClass) << retryAfter << context << retried << QString::fromLatin1(action);
    };
    row("server error switches provider", FailureClass::ServerError, -1, false, false, "switch_provider");
    row("connect timeout switches provider", FailureClass::ConnectTimeout, -1, false, false, "switch_provider");
    row("first-token timeout switches provider", FailureClass::FirstTokenTimeout, -1, false, false, "switch_provider");
    row("idle timeout switches provider", FailureClass::IdleTimeout, -1, false, false, "switch_provider");
    row("total timeout switches provider", FailureClass::TotalTimeout, -1, false, false, "switch_provider");
    row("network error switches provider", FailureClass::NetworkError, -1, false, false, "switch_provider");
    row("broken stream switches provider", FailureClass::StreamBroken, -1, false, false, "switch_provider");
    row("malformed response switches provider", FailureClass::MalformedResponse, -1, false, false, "switch_provider");
    row("auth skips the provider", FailureClass::Auth, -1, false, false, "switch_provider");
    row("429 with retry-after below the cap retries the same model", FailureClass::RateLimited, 1000, false, false,
        "retry_same_model");
    row("429 with retry-after equal to the cap retries", FailureClass::RateLimited, 5000, false, false,
        "retry_same_model");
    row("429 with retry-after above the cap switches", FailureClass::RateLimited, 5001, false, false, "switch_model");
    row("429 without retry-after switches", FailureClass::RateLimited, -1, false, false, "switch_model");
    row("second 429 switches", FailureClass::RateLimited, 0, false, true, "switch_model");
    row("quota exhausted cools the provider", FailureClass::QuotaExhausted, -1, false, false,
        "cool_provider_and_switch");
    row("context length exceeded wants a larger window", FailureClass::BadRequest, -1, true, false, "larger_context");
    row("other bad request ends", FailureClass::BadRequest, -1, false, false, "end");
    row("cancelled stops", FailureClass::Cancelled, -1, false, false, "stop");
    row("a content filter refusal ends: the provider is up and judged the content", FailureClass::ContentFiltered, -1,
        false, false, "end");
}

void TestFailoverRules::actionFor()
{
    QFETCH(int, failureClass);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, contextExceeded);
    QFETCH(bool, alreadyRetried);
    QFETCH(QString, action);
    CallError error;
    error.failureClass = FailureClass(failureClass);
    error.retryAfterMs = retryAfterMs;
    error.contextLengthExceeded = contextExceeded;
    TierSettings settings;
    settings.rateLimitWaitCapMs = 5000;
    QCOMPARE(FailoverRules::actionId(FailoverRules::actionFor(error, settings, alreadyRetried)), action);
}

QTEST_GUILESS_MAIN(TestFailoverRules)
#include "tst_FailoverRules.moc"
