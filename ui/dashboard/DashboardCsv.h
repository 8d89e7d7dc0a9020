#pragma once

#include "core/ledger/DashboardTypes.h"

#include <QList>
#include <QStringList>

// The numbers behind each chart as CSV rows (header first), and an atomic writer.
namespace DashboardCsv {
using Table = QList<QStringList>;

Table spend(const QList<SpendRow>& rows);
Table tiers(const QList<TierUsageRow>& rows);
Table uptime(const UptimeReport& report);
Table failovers(const QList<FailoverEvent>& events);
Table latency(const QList<LatencyRow>& rows);
Table requests(const QList<RequestRecord>& records);
QString toCsv(const Table& table);
// Through QSaveFile: an interrupted export never leaves half a file.
bool write(const QString& path, const Table& table, QString* error = nullptr);
} // namespace DashboardCsv
