#include "core/alerts/AlertMonitor.h"

#include "core/common/Clock.h"
#include "core/common/FailureClass.h"

#include <algorithm>
#include <cmath>

AlertMonitor::AlertMonitor(AlertRules rules, QObject* parent)
    : QObject(parent)
    , m_rules(std::move(rules))
{
    qRegisterMetaType<Alert>();
}

void AlertMonitor::setRules(const AlertRules& rules)
{
    m_rules = rules;
    evaluate();
}

Alert AlertMonitor::make(AlertKind kind, const QString& subject) const
{
    Alert alert;
    alert.kind = kind;
    alert.subject = subject;
    alert.at = Clock::instance().currentDateTimeUtc();
    return alert;
}

void AlertMonitor::prune(QList<Event>* events, qint64 since)
{
    const auto firstKept
        = std::find_if(events->begin(), events->end(), [since](const Event& event) { return event.ms >= since; });
    events->erase(events->begin(), firstKept);
}

QStringList AlertMonitor::examples(const QList<Event>& events, bool flaggedOnly)
{
    QStringList ids;
    for (auto it = events.crbegin(); it != events.crend() && ids.size() < kExamples; ++it) {
        if ((!flaggedOnly || it->flagged) && !it->requestId.isEmpty()) {
            ids.prepend(it->requestId);
        }
    }
    return ids;
}

void AlertMonitor::observe(const RequestRecord& record)
{
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    QSet<QString> providers;
    for (const AttemptRecord& attempt : record.attempts) {
        const FailureClass failure = FailureClasses::fromId(attempt.failureClass);
        if (attempt.failureClass.isEmpty()) {
            // An answer from the provider ends its quota episode: the account has credit again.
            if (m_quotaRequests.contains(attempt.providerId)) {
                Alert alert = make(AlertKind::QuotaExhausted, attempt.providerId);
                alert.exampleRequestIds = m_quotaRequests.take(attempt.providerId).mid(0, kExamples);
                alert.summary = tr("%1 answers again").arg(attempt.providerId);
                update(alert, false, true);
            }
            continue;
        }
        if (failure == FailureClass::QuotaExhausted && m_rules.quotaExhausted) {
            QStringList& requests = m_quotaRequests[attempt.providerId];
            if (!requests.contains(record.id)) {
                requests.append(record.id);
            }
            Alert alert = make(AlertKind::QuotaExhausted, attempt.providerId);
            alert.count = requests.size();
            alert.exampleRequestIds = requests.mid(0, kExamples);
            alert.summary = tr("%1: the account's quota is exhausted (insufficient_quota)").arg(attempt.providerId);
            update(alert, true, false);
        }
        if (FailureClasses::isProviderFault(failure)) {
            m_faults[attempt.providerId].append({ now, record.id, false, 0 });
            providers.insert(attempt.providerId);
        }
    }
    for (const QString& provider : std::as_const(providers)) {
        checkProvider(provider, now);
    }
    if (!record.attempts.isEmpty() && record.status != RequestStatus::Cancelled) {
        const QString primary = record.attempts.first().modelId;
        const bool failedOver = !record.failovers.isEmpty();
        m_primaries[primary].append({ now, record.id, failedOver, 0 });
        checkPrimary(primary, now);
    }
    if (record.status == RequestStatus::Ok && !record.finalModel.isEmpty()) {
        m_latencies[record.finalModel].append({ now, record.id, false, record.latencyMs });
        checkLatency(record.finalModel, now);
    }
}

void AlertMonitor::checkProvider(const QString& providerId, qint64 now)
{
    QList<Event>& events = m_faults[providerId];
    prune(&events, now - qint64(m_rules.providerDownWindowSec) * 1000);
    const qsizetype failures = events.size();
    const bool circuit = m_rules.providerDownOnCircuitOpen && m_openCircuits.value(providerId);
    Alert alert = make(AlertKind::ProviderDown, providerId);
    alert.count = failures;
    alert.value = double(failures);
    alert.threshold = m_rules.providerDownFailures;
    alert.windowSec = m_rules.providerDownWindowSec;
    alert.exampleRequestIds = examples(events, false);
    alert.summary = circuit && failures < m_rules.providerDownFailures
        ? tr("%1 is down: its circuit is open").arg(providerId)
        : tr("%1 is down: %n failure(s) in %2 min", nullptr, int(failures))
              .arg(providerId)
              .arg(m_rules.providerDownWindowSec / 60);
    const bool fire = m_rules.providerDown && (failures >= m_rules.providerDownFailures || circuit);
    const bool clear = !m_rules.providerDown || (failures * 2 < m_rules.providerDownFailures && !circuit);
    if (!fire && clear) {
        alert.summary = tr("%1 is up again").arg(providerId);
    }
    update(alert, fire, clear);
    if (events.isEmpty()) {
        m_faults.remove(providerId);
    }
}

void AlertMonitor::checkPrimary(const QString& modelId, qint64 now)
{
    QList<Event>& events = m_primaries[modelId];
    prune(&events, now - qint64(m_rules.failoverRatePeriodSec) * 1000);
    const qsizetype requests = events.size();
    const qsizetype failovers = std::count_if(events.cbegin(), events.cend(), [](const Event& e) { return e.flagged; });
    const FailoverRateRule rule = m_rules.failoverRateRule();
    const double percent = FailoverRateRule::ratePercent(requests, failovers);
    Alert alert = make(AlertKind::FailoverRate, modelId);
    alert.count = requests;
    alert.value = percent;
    alert.threshold = m_rules.failoverRatePercent;
    alert.windowSec = m_rules.failoverRatePeriodSec;
    alert.exampleRequestIds = examples(events, true);
    alert.summary
        = tr("%1 failed over on %2 % of %n request(s) in %3 min: reconsider this primary", nullptr, int(requests))
              .arg(modelId)
              .arg(percent, 0, 'f', 1)
              .arg(m_rules.failoverRatePeriodSec / 60);
    const bool enough = requests >= rule.minRequests;
    const bool fire = m_rules.failoverRate && rule.exceeded(requests, failovers);
    const bool clear = !m_rules.failoverRate || !enough || percent <= 0.8 * m_rules.failoverRatePercent;
    update(alert, fire, clear);
    if (events.isEmpty()) {
        m_primaries.remove(modelId);
    }
}

void AlertMonitor::checkLatency(const QString& modelId, qint64 now)
{
    QList<Event>& events = m_latencies[modelId];
    prune(&events, now - qint64(m_rules.latencyP95WindowSec) * 1000);
    QList<qint64> latencies;
    latencies.reserve(events.size());
    for (const Event& event : std::as_const(events)) {
        latencies.append(event.value);
    }
    std::sort(latencies.begin(), latencies.end());
    // Nearest rank: the smallest latency at or above 95 % of the requests.
    const qint64 p95 = latencies.isEmpty()
        ? 0
        : latencies[qMax<qsizetype>(0, qsizetype(std::ceil(0.95 * double(latencies.size()))) - 1)];
    Alert alert = make(AlertKind::LatencyP95, modelId);
    alert.count = latencies.size();
    alert.value = double(p95);
    alert.threshold = double(m_rules.latencyP95Ms);
    alert.windowSec = m_rules.latencyP95WindowSec;
    alert.exampleRequestIds = examples(events, false);
    alert.summary = tr("%1 is slow: p95 %2 ms over %n request(s) (limit %3 ms)", nullptr, int(latencies.size()))
                        .arg(modelId)
                        .arg(p95)
                        .arg(m_rules.latencyP95Ms);
    const bool enough = latencies.size() >= m_rules.latencyP95MinRequests;
    const bool fire = m_rules.latencyP95 && enough && p95 > m_rules.latencyP95Ms;
    const bool clear = !m_rules.latencyP95 || !enough || double(p95) <= 0.8 * double(m_rules.latencyP95Ms);
    update(alert, fire, clear);
    if (events.isEmpty()) {
        m_latencies.remove(modelId);
    }
}

void AlertMonitor::observeCircuit(const QString& providerId, bool open)
{
    if (m_openCircuits.value(providerId) == open) {
        return;
    }
    m_openCircuits.insert(providerId, open);
    checkProvider(providerId, Clock::instance().currentMSecsSinceEpoch());
}

void AlertMonitor::observeBudget(const QString& scopeId, double usedFraction, double batchHeldFraction)
{
    const double percent = usedFraction * 100;
    const double heldPercent = batchHeldFraction * 100;
    for (const int threshold : std::as_const(m_rules.budgetThresholdsPercent)) {
        Alert alert = make(AlertKind::BudgetThreshold, QStringLiteral("%1 %2%").arg(scopeId).arg(threshold));
        alert.value = percent;
        alert.threshold = threshold;
        alert.summary = heldPercent > 0
            ? tr("%1 budget at %2 % (threshold %3 %), %4 % of it held by running batch jobs, not billed yet")
                  .arg(scopeId)
                  .arg(percent, 0, 'f', 0)
                  .arg(threshold)
                  .arg(heldPercent, 0, 'f', 0)
            : tr("%1 budget at %2 % (threshold %3 %)").arg(scopeId).arg(percent, 0, 'f', 0).arg(threshold);
        update(alert, m_rules.budget && percent >= threshold, !m_rules.budget || percent < 0.9 * threshold);
    }
}

void AlertMonitor::observeKeyBudget(const QString& keyId, double spentUsd, double limitUsd)
{
    if (limitUsd <= 0) {
        return;
    }
    Alert alert = make(AlertKind::KeyOverBudget, keyId);
    alert.value = spentUsd;
    alert.threshold = limitUsd;
    alert.summary
        = tr("Client key %1 spent $%2 of its $%3 budget").arg(keyId).arg(spentUsd, 0, 'f', 2).arg(limitUsd, 0, 'f', 2);
    update(alert, m_rules.keyOverBudget && spentUsd >= limitUsd, !m_rules.keyOverBudget || spentUsd < 0.9 * limitUsd);
}

void AlertMonitor::evaluate()
{
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    QSet<QString> providers(m_openCircuits.keyBegin(), m_openCircuits.keyEnd());
    for (auto it = m_faults.keyBegin(); it != m_faults.keyEnd(); ++it) {
        providers.insert(*it);
    }
    for (const QString& provider : std::as_const(providers)) {
        checkProvider(provider, now);
    }
    for (const QString& model : QStringList(m_primaries.keys())) {
        checkPrimary(model, now);
    }
    for (const QString& model : QStringList(m_latencies.keys())) {
        checkLatency(model, now);
    }
    // Rules switched off end their alerts too.
    for (const QString& key : QStringList(m_order)) {
        const Alert alert = m_active.value(key);
        if ((alert.kind == AlertKind::QuotaExhausted && !m_rules.quotaExhausted)
            || (alert.kind == AlertKind::BudgetThreshold && !m_rules.budget)
            || (alert.kind == AlertKind::KeyOverBudget && !m_rules.keyOverBudget)) {
            update(make(alert.kind, alert.subject), false, true);
            m_quotaRequests.remove(alert.subject);
        }
    }
}

void AlertMonitor::update(Alert alert, bool fire, bool clear)
{
    const QString key = alert.key();
    const bool active = m_active.contains(key);
    if (!active && fire) {
        alert.firing = true;
        m_active.insert(key, alert);
        m_order.append(key);
        emit fired(alert);
    } else if (active && clear) {
        alert.firing = false;
        m_active.remove(key);
        m_order.removeOne(key);
        emit cleared(alert);
    } else if (active) {
        m_active[key] = alert; // the evidence stays current; no new notification
        m_active[key].firing = true;
    }
}

QList<Alert> AlertMonitor::active() const
{
    QList<Alert> alerts;
    for (const QString& key : m_order) {
        alerts.append(m_active.value(key));
    }
    return alerts;
}
