#include "core/monitoring/MetricsRegistry.h"

#include "core/common/PrometheusText.h"

#include <QLatin1String>

namespace {
const QString kOther = QStringLiteral("other");
const QString kNone = QStringLiteral("none");

QString orNone(const QString& value)
{
    return value.isEmpty() ? kNone : value;
}

PrometheusText::Labels zip(const QList<QByteArray>& names, const QStringList& values)
{
    PrometheusText::Labels labels;
    for (qsizetype i = 0; i < names.size() && i < values.size(); ++i) {
        labels.append({ names[i], values[i] });
    }
    return labels;
}

// Metric names and HELP stay English and fixed: dashboards and alert rules match on them.
QByteArray writeFamily(const QByteArray& name, const char* help, const QByteArray& type,
                       const QList<QByteArray>& labelNames, const QMap<QStringList, double>& series)
{
    QByteArray out = PrometheusText::header(name, QString::fromLatin1(help), type);
    for (auto it = series.cbegin(); it != series.cend(); ++it) {
        out += PrometheusText::sample(name, zip(labelNames, it.key()), it.value());
    }
    return out;
}
} // namespace

void MetricsRegistry::Family::add(const QStringList& labels, double amount)
{
    auto found = series.find(labels);
    if (found != series.end()) {
        *found += amount;
        return;
    }
    if (series.size() >= kMaxSeries) {
        series[QStringList(QList<QString>(labels.size(), kOther))] += amount;
        return;
    }
    series.insert(labels, amount);
}

void MetricsRegistry::HistogramFamily::observe(const QStringList& labels, double value)
{
    auto found = series.find(labels);
    if (found == series.end()) {
        const QStringList key
            = series.size() >= kMaxSeries ? QStringList(QList<QString>(labels.size(), kOther)) : labels;
        found = series.find(key);
        if (found == series.end()) {
            found = series.insert(key, MetricHistogram(bounds));
        }
    }
    found->observe(value);
}

MetricsRegistry::MetricsRegistry()
{
    // Upstream calls take from tens of milliseconds to minutes; the gateway's own share should
    // stay around a millisecond.
    m_upstream.bounds = { 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120 };
    m_overhead.bounds = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1 };
}

QString MetricsRegistry::clientKeyLabel(const QString& keyId)
{
    if (m_keysSeen.contains(keyId)) {
        return keyId;
    }
    if (m_keysSeen.size() >= kMaxClientKeys) {
        return kOther;
    }
    m_keysSeen.insert(keyId, true);
    return keyId;
}

void MetricsRegistry::observe(const RequestRecord& record)
{
    ++m_observed;
    const QString model = orNone(record.finalModel);
    const QString provider = orNone(record.finalProvider);
    m_requests.add({ RequestSources::id(record.source), model, provider, RequestStatuses::id(record.status) }, 1);
    if (record.usage.promptTokens > 0) {
        m_tokens.add({ QStringLiteral("input"), model, provider }, double(record.usage.promptTokens));
    }
    if (record.usage.completionTokens > 0) {
        m_tokens.add({ QStringLiteral("output"), model, provider }, double(record.usage.completionTokens));
    }
    if (record.costUsd) {
        m_cost.add({ model, provider }, *record.costUsd);
    }
    for (const FailoverRecord& failover : record.failovers) {
        m_failovers.add({ orNone(failover.fromModel), orNone(failover.toModel) }, 1);
    }
    qint64 upstreamMs = 0;
    for (const AttemptRecord& attempt : record.attempts) {
        if (!attempt.failureClass.isEmpty()) {
            m_failures.add({ attempt.failureClass, orNone(attempt.providerId) }, 1);
        }
        if (attempt.startedAt.isValid() && attempt.endedAt.isValid()) {
            const qint64 ms = qMax<qint64>(0, attempt.startedAt.msecsTo(attempt.endedAt));
            upstreamMs += ms;
            m_upstream.observe({ orNone(attempt.providerId) }, double(ms) / 1000.0);
        }
    }
    // What the gateway adds around the upstream calls (parsing, routing, translating, writing),
    // to the ledger's millisecond; requests that never reached a provider do not count.
    if (record.source == RequestSource::Gateway && !record.attempts.isEmpty()) {
        m_overhead.observe({}, double(qMax<qint64>(0, record.latencyMs - upstreamMs)) / 1000.0);
    }
    if (!record.clientKey.isEmpty()) {
        const QString key = clientKeyLabel(record.clientKey);
        m_keyRequests.add({ key }, 1);
        if (record.costUsd) {
            m_keyCost.add({ key }, *record.costUsd);
        }
    }
}

QByteArray MetricsRegistry::exposition() const
{
    QByteArray out;
    out.reserve(4096);
    out += writeFamily("switchyard_requests_total", "Finished requests by source, final model, provider and status.",
                       "counter", { "source", "model", "provider", "status" }, m_requests.series);
    out += writeFamily("switchyard_failovers_total", "Switches from one model to the next within a request.", "counter",
                       { "from_model", "to_model" }, m_failovers.series);
    out += writeFamily("switchyard_failures_total", "Failed upstream attempts by failure class and provider.",
                       "counter", { "class", "provider" }, m_failures.series);
    out += writeFamily("switchyard_tokens_total", "Tokens by direction (input, output), model and provider.", "counter",
                       { "direction", "model", "provider" }, m_tokens.series);
    out += writeFamily("switchyard_cost_usd_total", "Cost of priced requests in US dollars.", "counter",
                       { "model", "provider" }, m_cost.series);
    out += writeFamily("switchyard_client_key_requests_total", "Gateway requests by client key id.", "counter",
                       { "client_key" }, m_keyRequests.series);
    out += writeFamily("switchyard_client_key_cost_usd_total",
                       "Cost of gateway requests by client key id in US dollars.", "counter", { "client_key" },
                       m_keyCost.series);

    out += PrometheusText::header("switchyard_upstream_latency_seconds",
                                  QStringLiteral("Duration of each upstream attempt by provider."), "histogram");
    for (auto it = m_upstream.series.cbegin(); it != m_upstream.series.cend(); ++it) {
        out += it.value().write("switchyard_upstream_latency_seconds", zip({ "provider" }, it.key()));
    }
    out += PrometheusText::header("switchyard_gateway_overhead_seconds",
                                  QStringLiteral("Gateway request time not spent waiting for providers."), "histogram");
    const MetricHistogram overhead = m_overhead.series.value({}, MetricHistogram(m_overhead.bounds));
    out += overhead.write("switchyard_gateway_overhead_seconds", {});

    QMap<QStringList, double> gauges;
    if (m_circuits) {
        for (const GaugeSample& sample : m_circuits()) {
            gauges.insert(sample.labels, sample.value);
        }
    }
    out += writeFamily("switchyard_circuit_state", "Circuit breaker per model: 0 closed, 1 half-open, 2 open.", "gauge",
                       { "model" }, gauges);
    gauges.clear();
    if (m_budgets) {
        for (const GaugeSample& sample : m_budgets()) {
            gauges.insert(sample.labels, sample.value);
        }
    }
    out += writeFamily("switchyard_budget_used_ratio", "Budget spent and reserved over its limit, per scope.", "gauge",
                       { "scope" }, gauges);
    return out;
}
