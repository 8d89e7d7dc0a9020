#include "ui/dashboard/DashboardCsv.h"

#include "core/common/Csv.h"
#include "core/common/Money.h"

#include <QSaveFile>

namespace DashboardCsv {
namespace {
QString utc(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString();
}

QString num(double value, int decimals = 6)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

Table spend(const QList<SpendRow>& rows)
{
    Table table { { "bucket_start_utc", "key", "cost_usd", "requests", "unpriced_requests" } };
    for (const SpendRow& r : rows) {
        table << QStringList { utc(r.bucketStart), r.key, Money::plain(r.costUsd), QString::number(r.requests),
                               QString::number(r.unpricedRequests) };
    }
    return table;
}

Table tiers(const QList<TierUsageRow>& rows)
{
    Table table { { "tier", "requests", "failures", "prompt_tokens", "completion_tokens", "cached_tokens",
                    "reasoning_tokens", "cost_usd", "unpriced_requests" } };
    for (const TierUsageRow& r : rows) {
        table << QStringList { r.tier,
                               QString::number(r.requests),
                               QString::number(r.failures),
                               QString::number(r.promptTokens),
                               QString::number(r.completionTokens),
                               QString::number(r.cachedTokens),
                               QString::number(r.reasoningTokens),
                               Money::plain(r.costUsd),
                               QString::number(r.unpricedRequests) };
    }
    return table;
}

Table uptime(const UptimeReport& report)
{
    Table table { { "bucket_start_utc", "provider", "attempts", "provider_faults", "uptime_share" } };
    for (const QList<UptimeRow>* rows : { &report.overall, &report.buckets }) {
        for (const UptimeRow& r : *rows) {
            table << QStringList { r.bucketStart.isValid() ? utc(r.bucketStart) : QStringLiteral("overall"), r.provider,
                                   QString::number(r.attempts), QString::number(r.providerFaults), num(r.uptimeShare) };
        }
    }
    return table;
}

Table failovers(const QList<FailoverEvent>& events)
{
    Table table { { "time_utc", "from_model", "to_model", "failure_class", "message", "request_id" } };
    for (const FailoverEvent& e : events) {
        table << QStringList { utc(e.at), e.fromModel, e.toModel, e.failureClass, e.message, e.requestId };
    }
    return table;
}

Table latency(const QList<LatencyRow>& rows)
{
    Table table { { "model", "samples", "latency_p50_ms", "latency_p90_ms", "latency_p95_ms", "latency_p99_ms",
                    "ttft_samples", "ttft_p50_ms", "ttft_p90_ms", "ttft_p95_ms", "ttft_p99_ms" } };
    for (const LatencyRow& r : rows) {
        table << QStringList { r.model,
                               QString::number(r.latency.samples),
                               num(r.latency.p50, 0),
                               num(r.latency.p90, 0),
                               num(r.latency.p95, 0),
                               num(r.latency.p99, 0),
                               QString::number(r.ttft.samples),
                               num(r.ttft.p50, 0),
                               num(r.ttft.p90, 0),
                               num(r.ttft.p95, 0),
                               num(r.ttft.p99, 0) };
    }
    return table;
}

Table requests(const QList<RequestRecord>& records)
{
    Table table { { "started_at_utc", "id", "source", "tier", "model", "provider", "status", "latency_ms",
                    "prompt_tokens", "completion_tokens", "cost_usd", "failure_class" } };
    for (const RequestRecord& r : records) {
        table << QStringList { utc(r.startedAt),
                               r.id,
                               RequestSources::id(r.source),
                               r.tier,
                               r.finalModel,
                               r.finalProvider,
                               RequestStatuses::id(r.status),
                               QString::number(r.latencyMs),
                               QString::number(r.usage.promptTokens),
                               QString::number(r.usage.completionTokens),
                               r.costUsd ? Money::plain(*r.costUsd) : QString(),
                               r.failureClass };
    }
    return table;
}

QString toCsv(const Table& table)
{
    QString text;
    for (const QStringList& row : table) {
        text += Csv::line(row);
    }
    return text;
}

bool write(const QString& path, const Table& table, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(table).toUtf8()) < 0 || !file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}
} // namespace DashboardCsv
