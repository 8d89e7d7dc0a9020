#pragma once

#include "core/ledger/DashboardTypes.h"

#include <QObject>

#include <atomic>
#include <memory>

class LedgerQueries;

// The dashboard's query set, run on its own thread with its own LedgerQueries (a connection stays
// on the thread that opened it); the view only adapts the result. Requests queue up while one
// runs; any whose generation is not `latest` is stale and skipped (also between query groups),
// so a burst of filter changes costs one query set.
class DashboardWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWorker)

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
