#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/monitoring/MetricHistogram.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QStringList>

#include <functional>

// What Prometheus scrapes from `GET /metrics`: counters and histograms fed with every finished
// request's ledger row (all sources: gateway, CLI, workbench), plus gauges read when scraped
// (circuit state, budget use). Used on one thread (the engine's), so increments are plain
// additions; a scrape formats everything at once.
//
// Cardinality stays bounded: models and providers come from the configuration, client keys
// appear by their id (never the secret) and at most kMaxClientKeys of them; past kMaxSeries
// label sets per metric, new ones are counted under "other".
class MetricsRegistry final
{
public:
    static constexpr int kMaxSeries = 500;
    static constexpr int kMaxClientKeys = 100;

    // A gauge read at scrape time: its label values in the metric's label order, and the value.
    struct GaugeSample
    {
        QStringList labels;
        double value = 0;
    };
    using GaugeSource = std::function<QList<GaugeSample>()>;

    MetricsRegistry();

    void observe(const RequestRecord& record);

    // Per model: 0 closed, 1 half-open (a probe may pass), 2 open (cooling down).
    void setCircuitSource(GaugeSource source) { m_circuits = std::move(source); }
    // Per budget scope ("global/day", "openai/month"): spent and reserved over the limit.
    void setBudgetSource(GaugeSource source) { m_budgets = std::move(source); }

    quint64 requestsObserved() const { return m_observed; }
    // The text exposition format (0.0.4), every family with HELP and TYPE.
    QByteArray exposition() const;

private:
    struct Family
    {
        QMap<QStringList, double> series;
        void add(const QStringList& labels, double amount);
    };
    struct HistogramFamily
    {
        QList<double> bounds;
        QMap<QStringList, MetricHistogram> series;
        void observe(const QStringList& labels, double value);
    };

    QString clientKeyLabel(const QString& keyId);

    Family m_requests; // source, model, provider, status
    Family m_failovers; // from_model, to_model
    Family m_failures; // class, provider
    Family m_tokens; // direction, model, provider
    Family m_cost; // model, provider
    Family m_keyRequests; // client_key
    Family m_keyCost; // client_key
    HistogramFamily m_upstream; // provider
    HistogramFamily m_overhead; // no labels
    QHash<QString, bool> m_keysSeen;
    GaugeSource m_circuits;
    GaugeSource m_budgets;
    quint64 m_observed = 0;
};
