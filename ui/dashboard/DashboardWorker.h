#pragma once

#include "DashboardTypes.h"

#include <QObject>

#include <atomic>
#include <memory>

class LedgerQueries;

// Runs the dashboard's ledger queries on its own thread with its own LedgerQueries (a connection
// stays on the thread that opened it). Requests queue up while one runs; any whose generation
// is older than `latest` is skipped, so a burst of filter changes costs one query set.
class DashboardWorker : public QObject
{
    Q_OBJECT

public:
    DashboardWorker(const QString& ledgerPath, std::shared_ptr<std::atomic<quint64>> latest);
    ~DashboardWorker() override;

public slots:
    void load(const DashboardQuery& query);
    void findRequests(const DrillDownQuery& query);

signals:
    void loaded(const DashboardResult& result);
    void requestsFound(quint64 generation, const QList<RequestRecord>& requests, bool truncated);

private:
    bool stale(quint64 generation) const { return generation != m_latest->load(); }

    QString m_path;
    std::unique_ptr<LedgerQueries> m_queries;
    std::shared_ptr<std::atomic<quint64>> m_latest;
};
