#include "core/alerts/AlertKind.h"

#include <QCoreApplication>

namespace {
struct Entry
{
    AlertKind kind;
    const char* id;
    const char* name;
};

constexpr Entry kEntries[] = {
    { AlertKind::ProviderDown, "provider_down", QT_TRANSLATE_NOOP("AlertKind", "Provider down") },
    { AlertKind::FailoverRate, "failover_rate", QT_TRANSLATE_NOOP("AlertKind", "Frequent failovers") },
    { AlertKind::LatencyP95, "latency_p95", QT_TRANSLATE_NOOP("AlertKind", "Slow answers") },
    { AlertKind::BudgetThreshold, "budget", QT_TRANSLATE_NOOP("AlertKind", "Budget threshold") },
    { AlertKind::KeyOverBudget, "key_over_budget", QT_TRANSLATE_NOOP("AlertKind", "Client key over budget") },
    { AlertKind::QuotaExhausted, "quota_exhausted", QT_TRANSLATE_NOOP("AlertKind", "Quota exhausted") },
};
} // namespace

namespace AlertKinds {
QString id(AlertKind kind)
{
    for (const Entry& entry : kEntries) {
        if (entry.kind == kind) {
            return QString::fromLatin1(entry.id);
        }
    }
    return {};
}

std::optional<AlertKind> fromId(const QString& id)
{
    for (const Entry& entry : kEntries) {
        if (id == QLatin1String(entry.id)) {
            return entry.kind;
        }
    }
    return std::nullopt;
}

QString displayName(AlertKind kind)
{
    for (const Entry& entry : kEntries) {
        if (entry.kind == kind) {
            return QCoreApplication::translate("AlertKind", entry.name);
        }
    }
    return {};
}

QList<AlertKind> all()
{
    QList<AlertKind> kinds;
    for (const Entry& entry : kEntries) {
        kinds.append(entry.kind);
    }
    return kinds;
}
} // namespace AlertKinds
