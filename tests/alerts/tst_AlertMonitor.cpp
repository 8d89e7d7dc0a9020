#include "core/alerts/AlertMonitor.h"
#include "core/alerts/AlertRules.h"
#include "core/common/Clock.h"

#include <QSignalSpy>
#include <QTest>

namespace {
int s_nextId = 1;

// One request whose attempts are (model, provider, failure class id or "" for an answer).
RequestRecord request(const QList<std::tuple<QString, QString, QString>>& attempts, qint64 latencyMs = 1000)
{
    RequestRecord record;
    record.id = QStringLiteral("req-%1").arg(s_nextId++);
    record.latencyMs = latencyMs;
    for (const auto& [model, provider, failure] : attempts) {
        AttemptRecord attempt;
        attempt.modelId = model;
        attempt.providerId = provider;
        attempt.failureClass = failure;
        attempt.outcome = failure.isEmpty() ? AttemptOutcome::Ok : AttemptOutcome::Failed;
        record.attempts.append(attempt);
    }
    for (qsizetype i = 1; i < record.attempts.size(); ++i) {
        record.failovers.append({ {},
                                  record.attempts[i - 1].modelId,
                                  record.attempts[i].modelId,
                                  record.attempts[i - 1].failureClass,
                                  {} });
    }
    const bool answered = !record.attempts.isEmpty() && record.attempts.last().failureClass.isEmpty();
    record.status = answered ? RequestStatus::Ok : RequestStatus::Failed;
    record.finalModel = answered ? record.attempts.last().modelId : QString();
    record.finalProvider = answered ? record.attempts.last().providerId : QString();
    return record;
}

const QString kServerError = QStringLiteral("server_error");
} // namespace

class tst_AlertMonitor : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        Clock::setInstance(m_clock.get());
        m_monitor = std::make_unique<AlertMonitor>();
        m_fired = std::make_unique<QSignalSpy>(m_monitor.get(), &AlertMonitor::fired);
        m_cleared = std::make_unique<QSignalSpy>(m_monitor.get(), &AlertMonitor::cleared);
    }
    void cleanup()
    {
        m_fired.reset();
        m_cleared.reset();
        m_monitor.reset();
        Clock::setInstance(nullptr);
    }

    void providerDown_firesOnceThenClearsWhenFailuresAgeOut()
    {
        // Defaults: 5 provider-fault failures within 5 minutes.
        for (int i = 0; i < 4; ++i) {
            m_monitor->observe(request({ { "gpt-5", "openai", kServerError }, { "claude", "anthropic", "" } }));
            m_clock->advanceMs(10'000);
        }
        QCOMPARE(m_fired->size(), 0);
        for (int i = 0; i < 3; ++i) { // the 5th fires; the 6th and 7th are the same episode
            m_monitor->observe(request({ { "gpt-5", "openai", kServerError }, { "claude", "anthropic", "" } }));
        }
        QCOMPARE(m_fired->size(), 1);
        const Alert alert = m_fired->first().first().value<Alert>();
        QCOMPARE(alert.kind, AlertKind::ProviderDown);
        QCOMPARE(alert.subject, QStringLiteral("openai"));
        QCOMPARE(alert.count, 5);
        QCOMPARE(alert.windowSec, 300);
        QCOMPARE(alert.exampleRequestIds.size(), AlertMonitor::kExamples);
        QCOMPARE(m_monitor->active().size(), 1);

        m_clock->advanceMs(4 * 60'000); // the 4 early failures leave the window: 3 left, above half of 5
        m_monitor->evaluate();
        QCOMPARE(m_cleared->size(), 0);
        m_clock->advanceMs(2 * 60'000);
        m_monitor->evaluate();
        QCOMPARE(m_cleared->size(), 1);
        QCOMPARE(m_cleared->first().first().value<Alert>().firing, false);
        QVERIFY(m_monitor->active().isEmpty());
        m_monitor->evaluate();
        QCOMPARE(m_fired->size(), 1);
        QCOMPARE(m_cleared->size(), 1);
    }

    void providerDown_circuitOpenFiresAndClosingClears()
    {
        m_monitor->observeCircuit(QStringLiteral("openai"), true);
        m_monitor->observeCircuit(QStringLiteral("openai"), true);
        QCOMPARE(m_fired->size(), 1);
        m_monitor->observeCircuit(QStringLiteral("openai"), false);
        QCOMPARE(m_cleared->size(), 1);
    }

    void failoverRate_firesAboveThresholdClearsBelowBand()
    {
        // Defaults: more than 10 % of at least 10 requests over 60 minutes; clears at 8 % or less.
        for (int i = 0; i < 18; ++i) {
            m_monitor->observe(request({ { "gpt-5", "openai", "" } }));
        }
        for (int i = 0; i < 2; ++i) { // 2 of 20 = 10 %: not above
            m_monitor->observe(
                request({ { "gpt-5", "openai", QStringLiteral("rate_limited") }, { "claude", "anthropic", "" } }));
        }
        QCOMPARE(m_fired->size(), 0);
        m_monitor->observe(
            request({ { "gpt-5", "openai", QStringLiteral("rate_limited") }, { "claude", "anthropic", "" } }));
        QCOMPARE(m_fired->size(), 1); // 3 of 21 = 14 %
        const Alert alert = m_fired->first().first().value<Alert>();
        QCOMPARE(alert.kind, AlertKind::FailoverRate);
        QCOMPARE(alert.subject, QStringLiteral("gpt-5"));
        QCOMPARE(alert.exampleRequestIds.size(), 3);
        for (int i = 0; i < 12; ++i) { // 3 of 33 = 9.1 %: inside the band, still firing
            m_monitor->observe(request({ { "gpt-5", "openai", "" } }));
        }
        QCOMPARE(m_cleared->size(), 0);
        for (int i = 0; i < 5; ++i) { // 3 of 38 = 7.9 %
            m_monitor->observe(request({ { "gpt-5", "openai", "" } }));
        }
        QCOMPARE(m_cleared->size(), 1);
        QCOMPARE(m_fired->size(), 1);
    }

    void latencyP95_firesWhenSlowClearsWhenFast()
    {
        AlertRules rules;
        rules.latencyP95Ms = 2000;
        rules.latencyP95MinRequests = 5;
        rules.latencyP95WindowSec = 600;
        m_monitor->setRules(rules);
        for (int i = 0; i < 5; ++i) {
            m_monitor->observe(request({ { "gpt-5", "openai", "" } }, 2500));
        }
        QCOMPARE(m_fired->size(), 1);
        QCOMPARE(m_fired->first().first().value<Alert>().value, 2500.0);
        m_monitor->observe(request({ { "gpt-5", "openai", "" } }, 2600));
        QCOMPARE(m_fired->size(), 1);
        m_clock->advanceMs(601'000); // the slow ones age out
        for (int i = 0; i < 5; ++i) {
            m_monitor->observe(request({ { "gpt-5", "openai", "" } }, 300));
        }
        QCOMPARE(m_cleared->size(), 1);
    }

    void budget_eachThresholdFiresOnceAndClearsInNewPeriod()
    {
        for (double used : { 0.3, 0.55, 0.6, 0.85, 0.9, 1.02, 1.05 }) {
            m_monitor->observeBudget(QStringLiteral("global/day"), used);
        }
        QCOMPARE(m_fired->size(), 3); // 50, 80, 100 %
        QCOMPARE(m_fired->at(2).first().value<Alert>().subject, QStringLiteral("global/day 100%"));
        m_monitor->observeBudget(QStringLiteral("global/day"), 0.01); // the next day
        QCOMPARE(m_cleared->size(), 3);
    }

    void budget_heldByRunningBatchJobs_saidApartInTheSummary()
    {
        // $0.25 spent and $0.60 held by a running batch job of a $1.00 limit: the alert counts
        // both (the job may bill all of it) and says how much is not billed yet.
        m_monitor->observeBudget(QStringLiteral("global/day"), 0.85, 0.60);
        QCOMPARE(m_fired->size(), 2); // 50, 80 %
        QCOMPARE(m_fired->at(1).first().value<Alert>().summary,
                 QStringLiteral("global/day budget at 85 % (threshold 80 %), 60 % of it held by running batch jobs, "
                                "not billed yet"));
        m_monitor->observeBudget(QStringLiteral("global/day"), 0.3, 0.0); // the job's results: $0.05 billed
        QCOMPARE(m_cleared->size(), 2);
    }

    void keyOverBudget_firesOnceClears()
    {
        m_monitor->observeKeyBudget(QStringLiteral("a1b2c3d4"), 4.0, 5.0);
        m_monitor->observeKeyBudget(QStringLiteral("a1b2c3d4"), 5.0, 5.0);
        m_monitor->observeKeyBudget(QStringLiteral("a1b2c3d4"), 5.5, 5.0);
        QCOMPARE(m_fired->size(), 1);
        QCOMPARE(m_fired->first().first().value<Alert>().kind, AlertKind::KeyOverBudget);
        m_monitor->observeKeyBudget(QStringLiteral("a1b2c3d4"), 0, 5.0);
        QCOMPARE(m_cleared->size(), 1);
    }

    void quotaExhausted_firesOnceClearsWhenProviderAnswers()
    {
        const QString quota = QStringLiteral("quota_exhausted");
        m_monitor->observe(request({ { "gpt-5", "openai", quota }, { "claude", "anthropic", "" } }));
        m_monitor->observe(request({ { "gpt-5", "openai", quota }, { "claude", "anthropic", "" } }));
        QCOMPARE(m_fired->size(), 1);
        QCOMPARE(m_fired->first().first().value<Alert>().kind, AlertKind::QuotaExhausted);
        QCOMPARE(m_monitor->active().constFirst().count, 2);
        m_monitor->observe(request({ { "gpt-4.1", "openai", "" } }));
        QCOMPARE(m_cleared->size(), 1);
        QCOMPARE(m_cleared->first().first().value<Alert>().exampleRequestIds.size(), 2);
    }

    void disabledRule_neverFires()
    {
        AlertRules rules;
        rules.providerDown = false;
        m_monitor->setRules(rules);
        for (int i = 0; i < 10; ++i) {
            m_monitor->observe(request({ { "gpt-5", "openai", kServerError }, { "claude", "anthropic", "" } }));
        }
        for (const QList<QVariant>& fired : std::as_const(*m_fired)) {
            QVERIFY(fired.first().value<Alert>().kind != AlertKind::ProviderDown); // the failover rate may fire
        }
        QCOMPARE(m_fired->size(), 1);
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("empty file: defaults") << QByteArray("") << QString();
        QTest::newRow("all sections") << QByteArray(
            "{\"provider_down\": {\"failures\": 3, \"window_minutes\": 2},\n"
            " \"failover_rate\": {\"percent\": 5},\n"
            " \"budget\": {\"thresholds_percent\": [90, 50]},\n"
            " \"webhooks\": [{\"url\": \"http://127.0.0.1:9/h\", \"format\": \"slack\"}]}")
                                      << QString();
        QTest::newRow("syntax error names its place")
            << QByteArray("{\n  \"budget\": {,}\n}") << QStringLiteral("alerts.json:2:");
        QTest::newRow("wrong type names the field's line")
            << QByteArray("{\n \"provider_down\": {\n  \"failures\": \"five\"\n }\n}")
            << QStringLiteral("alerts.json:3:3:");
        QTest::newRow("unknown section") << QByteArray("{\n\n \"pager\": {}\n}") << QStringLiteral("alerts.json:3:2:");
        QTest::newRow("webhook without a url")
            << QByteArray("{\"webhooks\": [{\"format\": \"slack\"}]}") << QStringLiteral("alerts.json:1:2:");
        QTest::newRow("webhook format unknown")
            << QByteArray("{\"webhooks\": [{\"url\": \"https://x.example/h\", \"format\": \"teams\"}]}")
            << QStringLiteral("alerts.json:1:");
    }
    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QStringList errors;
        const std::optional<AlertRules> rules = AlertRules::parse(json, QStringLiteral("alerts.json"), &errors);
        QCOMPARE(rules.has_value(), error.isEmpty());
        if (error.isEmpty()) {
            QVERIFY(errors.isEmpty());
            return;
        }
        QVERIFY2(errors.value(0).startsWith(error), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void parse_readsValues()
    {
        QStringList errors;
        const std::optional<AlertRules> rules
            = AlertRules::parse("{\"provider_down\": {\"failures\": 3, \"window_minutes\": 2}, \"budget\": "
                                "{\"thresholds_percent\": [90, 50]},"
                                " \"webhooks\": [{\"url\": \"http://127.0.0.1:9/h\", \"format\": \"slack\"}]}",
                                QStringLiteral("alerts.json"), &errors);
        QVERIFY2(rules, qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(rules->providerDownFailures, 3);
        QCOMPARE(rules->providerDownWindowSec, 120);
        QCOMPARE(rules->budgetThresholdsPercent, (QList<int> { 50, 90 }));
        QCOMPARE(rules->webhooks.size(), 1);
        QCOMPARE(rules->webhooks.first().format, WebhookTarget::Format::Slack);
    }

private:
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<AlertMonitor> m_monitor;
    std::unique_ptr<QSignalSpy> m_fired;
    std::unique_ptr<QSignalSpy> m_cleared;
};

QTEST_GUILESS_MAIN(tst_AlertMonitor)
#include "tst_AlertMonitor.moc"
