#include "core/common/Clock.h"
#include "core/pricing/CostCalculator.h"
#include "core/pricing/PriceTable.h"
#include "core/recording/CallRecorder.h"

#include <QTest>

Q_DECLARE_METATYPE(RequestStatus)

// The one recorder: what row a finished call becomes, and that a ticket records exactly once.
class TestCallRecorder : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void finishedCall_becomesOneRow_data();
    void finishedCall_becomesOneRow();
    void ticketDestroyedOpen_recordsCancelledOnce();
    void ticketMovedThenFinished_recordsOnce();
    void recorderGone_ticketRecordsNothing();
    void answer_keptOnlyWhenTheContextAsks_data();
    void answer_keptOnlyWhenTheContextAsks();

private:
    static ModelPrice price(const QString& modelId);
    static AttemptInfo attempt(const QString& model, AttemptOutcome outcome, FailureClass failure = FailureClass::None,
                               int httpStatus = 0);

    PriceTable m_prices;
    QList<std::pair<RequestRecord, bool>> m_rows;
    std::unique_ptr<CallRecorder> m_recorder;
    std::unique_ptr<MockClock> m_clock;
};

ModelPrice TestCallRecorder::price(const QString& modelId)
{
    if (modelId == QLatin1String("cheap")) {
        return { 1.0, 2.0, 0.5, true };
    }
    if (modelId == QLatin1String("dear")) {
        return { 10.0, 40.0, 0, true };
    }
    return {}; // unpriced
}

AttemptInfo TestCallRecorder::attempt(const QString& model, AttemptOutcome outcome, FailureClass failure,
                                      int httpStatus)
{
    AttemptInfo info;
    info.modelId = model;
    info.providerId = QStringLiteral("p-") + model;
    info.reason = AttemptReason::Primary;
    info.startedMs = 1'700'000'000'000;
    info.endedMs = info.startedMs + 100;
    info.outcome = outcome;
    info.error.failureClass = failure;
    info.error.httpStatus = httpStatus;
    info.error.message = failure == FailureClass::None ? QString() : QStringLiteral("upstream said no");
    return info;
}

void TestCallRecorder::init()
{
    m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    Clock::setInstance(m_clock.get());
    m_prices = PriceTable();
    m_prices.setPrice(QStringLiteral("cheap"), PriceEntry { price(QStringLiteral("cheap")) });
    m_prices.setPrice(QStringLiteral("dear"), PriceEntry { price(QStringLiteral("dear")) });
    m_rows.clear();
    m_recorder = std::make_unique<CallRecorder>(m_prices, &TestCallRecorder::price,
                                                [this](const RequestRecord& row, bool budgetSettled) {
                                                    m_rows.append({ row, budgetSettled });
                                                });
}

void TestCallRecorder::cleanup()
{
    m_recorder.reset();
    Clock::setInstance(nullptr);
}

void TestCallRecorder::finishedCall_becomesOneRow_data()
{
    QTest::addColumn<FinishedCall>("call");
    QTest::addColumn<RequestStatus>("status");
    QTest::addColumn<QString>("finalModel");
    QTest::addColumn<double>("cost"); // -1: unpriced (NULL)
    QTest::addColumn<QString>("failureClass");
    QTest::addColumn<QStringList>("attempts"); // "model outcome failure_class http"
    QTest::addColumn<QStringList>("failovers"); // "from>to failure_class"

    TokenUsage usage;
    usage.promptTokens = 1000;
    usage.cachedTokens = 400;
    usage.completionTokens = 500;

    RoutedResult answered;
    answered.modelId = QStringLiteral("cheap");
    answered.providerId = QStringLiteral("p-cheap");
    answered.usage = usage;
    answered.latencyMs = 250;
    answered.tier = QStringLiteral("standard");
    answered.attempts = { attempt(QStringLiteral("dear"), AttemptOutcome::Failed, FailureClass::ServerError, 503),
                          attempt(QStringLiteral("cheap"), AttemptOutcome::Ok) };
    const double cheapCost = *CostCalculator::cost(price(QStringLiteral("cheap")), usage);
    QTest::newRow("routed, failed over: priced at the answering model, one failover row")
        << FinishedCall::routed(answered) << RequestStatus::Ok << "cheap" << cheapCost << ""
        << QStringList { "dear failed server_error 503", "cheap ok  0" } << QStringList { "dear>cheap server_error" };

    RoutedResult cached = answered;
    cached.cached = true;
    cached.attempts = { attempt(QStringLiteral("dear"), AttemptOutcome::Failed, FailureClass::ServerError, 503) };
    QTest::newRow("answered from the cache: cost zero, not unpriced")
        << FinishedCall::routed(cached) << RequestStatus::Cached << "cheap" << 0.0 << ""
        << QStringList { "dear failed server_error 503" } << QStringList {};

    RoutedError failed;
    failed.message = QStringLiteral("Every model in the chain failed.");
    failed.lastError.failureClass = FailureClass::RateLimited;
    failed.attempts = { attempt(QStringLiteral("dear"), AttemptOutcome::Failed, FailureClass::ServerError, 503),
                        attempt(QStringLiteral("cheap"), AttemptOutcome::Failed, FailureClass::RateLimited, 429) };
    // Nothing came back, nothing was billed: $0, a known amount (issue 22: not "unpriced").
    QTest::newRow("routed failure: the failure class is the last error's, the final model the last tried, $0")
        << FinishedCall::routedFailure(failed) << RequestStatus::Failed << "cheap" << 0.0 << "rate_limited"
        << QStringList { "dear failed server_error 503", "cheap failed rate_limited 429" }
        << QStringList { "dear>cheap server_error" };

    RoutedError refused;
    refused.message = QStringLiteral("over budget");
    QTest::newRow("refused before sending: no attempt, no failure class, $0")
        << FinishedCall::routedFailure(refused) << RequestStatus::Failed << "" << 0.0 << "" << QStringList {}
        << QStringList {};

    RoutedResult hedged = answered;
    hedged.attempts = { attempt(QStringLiteral("dear"), AttemptOutcome::HedgeLost),
                        attempt(QStringLiteral("cheap"), AttemptOutcome::Ok) };
    QTest::newRow("a hedge that lost the race is no failover")
        << FinishedCall::routed(hedged) << RequestStatus::Ok << "cheap" << cheapCost << ""
        << QStringList { "dear hedge_lost  0", "cheap ok  0" } << QStringList {};

    CallResult direct;
    direct.modelId = QStringLiteral("dear");
    direct.providerId = QStringLiteral("p-dear");
    direct.usage = usage;
    const QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    QTest::newRow("direct call: one attempt, priced")
        << FinishedCall::direct(direct, {}, start) << RequestStatus::Ok << "dear"
        << *CostCalculator::cost(price("dear"), usage) << "" << QStringList { "dear ok  0" } << QStringList {};

    CallResult nothingBack = direct;
    nothingBack.usage = {};
    CallError timeout;
    timeout.failureClass = FailureClass::FirstTokenTimeout;
    timeout.message = QStringLiteral("no first token");
    QTest::newRow("direct call that timed out before any output: its attempt carries the class, billed $0")
        << FinishedCall::direct(nothingBack, timeout, start) << RequestStatus::Failed << "dear" << 0.0
        << "first_token_timeout" << QStringList { "dear failed first_token_timeout 0" } << QStringList {};

    // What an unfinished call relayed is billed: ProviderCall estimates it (usage.estimated).
    TokenUsage estimated = usage;
    estimated.cachedTokens = 0;
    estimated.estimated = true;
    CallResult cut = direct;
    cut.usage = estimated;
    CallError total;
    total.failureClass = FailureClass::TotalTimeout;
    QTest::newRow("direct call cut by the total timeout mid-stream: billed from the estimate")
        << FinishedCall::direct(cut, total, start) << RequestStatus::Failed << "dear"
        << *CostCalculator::cost(price(QStringLiteral("dear")), estimated) << "total_timeout"
        << QStringList { "dear failed total_timeout 0" } << QStringList {};
    CallError stopped;
    stopped.failureClass = FailureClass::Cancelled;
    QTest::newRow("direct call stopped by the user mid-stream: cancelled, billed from the estimate")
        << FinishedCall::direct(cut, stopped, start) << RequestStatus::Cancelled << "dear"
        << *CostCalculator::cost(price(QStringLiteral("dear")), estimated) << "cancelled"
        << QStringList { "dear cancelled cancelled 0" } << QStringList {};

    RoutedError broken;
    broken.message = QStringLiteral("The answer broke off.");
    broken.incomplete = true;
    broken.lastError.failureClass = FailureClass::StreamBroken;
    broken.usage = estimated;
    broken.ttftMs = 120;
    broken.attempts = { attempt(QStringLiteral("cheap"), AttemptOutcome::Failed, FailureClass::StreamBroken, 200) };
    QTest::newRow("routed answer that broke off: incomplete, billed from the estimate")
        << FinishedCall::routedFailure(broken) << RequestStatus::Incomplete << "cheap"
        << *CostCalculator::cost(price(QStringLiteral("cheap")), estimated) << "stream_broken"
        << QStringList { "cheap failed stream_broken 200" } << QStringList {};
    QTest::newRow("routed call cancelled by its client mid-stream: cancelled, billed from the estimate")
        << FinishedCall::routedCancelled(broken) << RequestStatus::Cancelled << "cheap"
        << *CostCalculator::cost(price(QStringLiteral("cheap")), estimated) << "cancelled"
        << QStringList { "cheap failed stream_broken 200" } << QStringList {};

    direct.modelId = QStringLiteral("unknown-model");
    QTest::newRow("unpriced model: cost NULL, never 0")
        << FinishedCall::direct(direct, {}, start) << RequestStatus::Ok << "unknown-model" << -1.0 << ""
        << QStringList { "unknown-model ok  0" } << QStringList {};
}

void TestCallRecorder::finishedCall_becomesOneRow()
{
    QFETCH(FinishedCall, call);
    QFETCH(RequestStatus, status);
    QFETCH(QString, finalModel);
    QFETCH(double, cost);
    QFETCH(QString, failureClass);
    QFETCH(QStringList, attempts);
    QFETCH(QStringList, failovers);

    PendingRecord ticket = m_recorder->start({ RequestSource::Route, QStringLiteral("hi"), {}, {}, {}, {}, {} });
    const RequestRecord returned = ticket.finish(call);
    QCOMPARE(m_rows.size(), 1);
    const RequestRecord& row = m_rows.first().first;
    QCOMPARE(row, returned);
    QCOMPARE(row.status, status);
    QCOMPARE(row.finalModel, finalModel);
    QCOMPARE(row.priceVersion, m_prices.version()); // always set, whatever the source and outcome
    QVERIFY(row.priceVersion > 0);
    QCOMPARE(row.costUsd.has_value(), cost >= 0);
    if (cost >= 0) {
        QCOMPARE(*row.costUsd, cost);
    }
    QCOMPARE(row.failureClass, failureClass);
    QStringList attemptRows;
    for (const AttemptRecord& attempt : row.attempts) {
        attemptRows << QStringLiteral("%1 %2 %3 %4")
                           .arg(attempt.modelId, AttemptOutcomes::id(attempt.outcome), attempt.failureClass)
                           .arg(attempt.httpStatus);
    }
    QCOMPARE(attemptRows, attempts);
    QStringList failoverRows;
    for (const FailoverRecord& failover : row.failovers) {
        failoverRows << failover.fromModel + QLatin1Char('>') + failover.toModel + QLatin1Char(' ')
                + failover.failureClass;
    }
    QCOMPARE(failoverRows, failovers);
    QVERIFY(!ticket.isOpen());
}

void TestCallRecorder::ticketDestroyedOpen_recordsCancelledOnce()
{
    {
        PendingRecord ticket = m_recorder->start({ RequestSource::Workbench,
                                                   QStringLiteral("hi"),
                                                   QStringLiteral("g1"),
                                                   {},
                                                   QStringLiteral("cheap"),
                                                   QStringLiteral("p-cheap"),
                                                   {} });
        m_clock->advanceMs(1500);
    }
    QCOMPARE(m_rows.size(), 1);
    const RequestRecord& row = m_rows.first().first;
    QCOMPARE(row.status, RequestStatus::Cancelled);
    QCOMPARE(row.failureClass, QStringLiteral("cancelled"));
    QCOMPARE(row.finalModel, QStringLiteral("cheap"));
    QCOMPARE(row.compareGroup, QStringLiteral("g1"));
    QCOMPARE(row.latencyMs, qint64(1500));
    QVERIFY(!row.costUsd);
}

void TestCallRecorder::ticketMovedThenFinished_recordsOnce()
{
    PendingRecord first = m_recorder->start({ RequestSource::Gateway, {}, {}, {}, {}, {}, {} });
    PendingRecord second = std::move(first);
    QVERIFY(!first.isOpen()); // NOLINT(bugprone-use-after-move): a moved-from ticket is spent
    QVERIFY(second.isOpen());
    {
        PendingRecord gone = std::move(first); // a spent ticket records nothing when it goes
    }
    QCOMPARE(m_rows.size(), 0);
    CallResult result;
    result.modelId = QStringLiteral("cheap");
    second.finish(FinishedCall::direct(result, {}, QDateTime::currentDateTimeUtc()));
    QCOMPARE(m_rows.size(), 1);
    QCOMPARE(m_rows.first().second, false); // a direct call is not billed through budget holds yet
}

void TestCallRecorder::recorderGone_ticketRecordsNothing()
{
    PendingRecord ticket = m_recorder->start({ RequestSource::Cli, {}, {}, {}, {}, {}, {} });
    m_recorder.reset();
    ticket = PendingRecord(); // spends the open ticket: the recorder is gone, so nowhere to go
    QCOMPARE(m_rows.size(), 0);
}

void TestCallRecorder::answer_keptOnlyWhenTheContextAsks_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("a workbench column keeps its answer, reasoning and tool calls") << true;
    QTest::newRow("other sources keep figures only") << false;
}

void TestCallRecorder::answer_keptOnlyWhenTheContextAsks()
{
    QFETCH(bool, keep);
    CallResult result;
    result.modelId = QStringLiteral("cheap");
    result.providerId = QStringLiteral("p-cheap");
    result.text = QStringLiteral("Merge sort is stable.");
    result.reasoning = QStringLiteral("Equal keys keep their order.");
    result.toolCalls = { ToolCall { QStringLiteral("call_1"), QStringLiteral("lookup"), QStringLiteral("{}") } };
    result.usage = { 10, 20, 0, 5, false };
    result.latencyMs = 300;
    RecordContext context;
    context.modelId = QStringLiteral("cheap");
    context.keepAnswer = keep;
    context.settings = QStringLiteral("temperature=0.2");
    PendingRecord ticket = m_recorder->start(context);
    const RequestRecord row = ticket.finish(FinishedCall::direct(result, {}, ticket.context().startedAt));
    QCOMPARE(row.answer, keep ? result.text : QString());
    QCOMPARE(row.reasoning, keep ? result.reasoning : QString());
    QCOMPARE(row.toolCalls, keep ? result.toolCalls : QList<ToolCall> {});
    QCOMPARE(row.settings, QStringLiteral("temperature=0.2")); // no text of the user's: always kept
    QCOMPARE(m_rows.size(), 1);
    QCOMPARE(m_rows[0].first, row);
}

QTEST_GUILESS_MAIN(TestCallRecorder)
#include "tst_CallRecorder.moc"
