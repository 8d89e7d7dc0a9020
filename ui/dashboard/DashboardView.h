#pragma once

#include "core/ledger/DashboardTypes.h"
#include "ui/dashboard/DashboardFilterBar.h"

#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class BudgetTracker;
class ChartPanel;
class DashboardWorker;
class Engine;
class FailoverChart;
class HeadlineCards;
class LatencyChart;
class PrimariesCard;
class Ledger;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class ReconcileDialog;
class SlicedApply;
class RequestListDialog;
class SpendChart;
class TierChart;
class UptimeChart;

// Spend, savings, uptime and failovers over a period, from the ledger. Queries run on a worker
// thread; each refresh gets a generation and only the newest result is applied. The view
// refreshes when the filters change and (debounced) when the ledger records.
class AlertLogPanel;
class AlertTray;
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    // What the dashboard reads; the Engine constructor fills it from the engine.
    struct Sources
    {
        QString ledgerPath; // empty: no ledger, the view says so
        Ledger* ledger = nullptr; // for live updates; may be null
        QList<ModelConfig> models; // savings reference candidates
        BudgetTracker* budgets = nullptr;
        QList<ProviderConfig> providers; // which ledger providers an invoice covers
        // "Reconsider your primary": the tiers' chains at each refresh (none: no Primaries rows)
        // and the failover-rate threshold they are marked by.
        std::function<QList<PrimaryReview::Chain>()> chains;
        FailoverRateRule primaryRule;
    };

    DashboardView(Engine& engine, QWidget* parent = nullptr);
    explicit DashboardView(const Sources& sources, QWidget* parent = nullptr);
    ~DashboardView() override;

    // The session's alerts (fired and cleared) in the alert log panel.
    void setAlertTray(AlertTray* tray);
    AlertLogPanel* alertLog() const { return m_alertLog; }

    DashboardFilterBar* filterBar() const { return m_filterBar; }
    // The last applied result and its generation (0 before the first).
    const DashboardResult& result() const { return m_result; }
    quint64 appliedGeneration() const { return m_appliedGeneration; }
    // True once the result of the latest refresh() is on screen, every chart included.
    bool isUpToDate() const { return m_appliedGeneration == m_query.generation; }
    LedgerFilter currentFilter() const { return m_query.filter; }
    // The chart panels, in the order they are built.
    enum class Panel
    {
        Spend,
        Tiers,
        Uptime,
        Latency,
        Failovers,
    };
    // Save a panel's numbers or picture; either says where in the export note above the charts.
    bool exportCsv(Panel panel, const QString& path);
    bool exportPng(Panel panel, const QString& path);
    // What an exported PNG carries above its chart: the title, the period, the filters.
    QStringList pngHeader(Panel panel) const;
    QLabel* exportNote() const { return m_exportNote; }
    // Opens the request list for a drill-down (also what chart clicks call).
    RequestListDialog* showRequests(const DrillDownQuery& query, const QString& title);
    PrimariesCard* primariesCard() const { return m_primaries; }
    // Opens "Reconcile with invoice..." (also what its button does).
    ReconcileDialog* showReconcile();

public slots:
    void refresh();

signals:
    // After the newest result is on screen; queryMs is the worker's time.
    void refreshed(quint64 generation, double queryMs);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void apply(const DashboardResult& result);
    void applyCharts();
    void finishApply(quint64 generation);
    void fillFailoverTable();
    void fillSavingsTable();
    void showEmptyEverywhere(const QString& text);
    void noteExport(const QString& text);
    ChartPanel* panel(Panel which) const { return m_panels.at(int(which)); }

    Sources m_sources;
    DashboardFilterBar* m_filterBar;
    HeadlineCards* m_cards;
    QList<ChartPanel*> m_panels;
    // Kept for the view's life and updated in place (owned by their panels).
    SpendChart* m_spendChart;
    TierChart* m_tierChart;
    UptimeChart* m_uptimeChart;
    LatencyChart* m_latencyChart;
    FailoverChart* m_failoverChart;
    QStandardItemModel* m_failoverModel;
    QTableView* m_failoverTable;
    // "Showing the newest 500 of 2,341 failovers" and the button that lists them all.
    QLabel* m_failoverNote;
    // "Saved … to /path": the confirmation of the last export, non-modal, for a while.
    QLabel* m_exportNote;
    QTimer m_exportNoteTimer;
    QPushButton* m_failoverAll;
    int m_failoverLimit = 500;
    // Per class of routed traffic (tier x model): cost next to the reference model's.
    QStandardItemModel* m_savingsModel;
    QTableView* m_savingsTable;
    PrimariesCard* m_primaries;
    AlertLogPanel* m_alertLog;
    QTimer m_liveTimer;
    // Applying a result runs in slices (charts, tables), one per event-loop turn.
    SlicedApply* m_slices = nullptr;
    QThread m_thread;
    DashboardWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_drillGeneration = 0;
    QPointer<RequestListDialog> m_drillDialog;
    QPointer<ReconcileDialog> m_reconcileDialog;
    DashboardQuery m_query;
    DashboardResult m_result;
    quint64 m_appliedGeneration = 0;
    QString m_periodPhrase;
};
