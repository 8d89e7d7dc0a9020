#pragma once

#include "core/ledger/FailoverRateRule.h"

#include <QObject>
#include <QTimer>

#include <memory>

class Engine;
class LedgerQueries;
class RoutingDocument;

// Keeps the routing document's "reconsider your primary" rows current: the ledger's last `days`
// for the chains being edited (an edit that changes a primary is judged at once by what that
// model did as a primary), with the failover-rate alert's threshold. Reads on the GUI thread
// (the rollups and one period of failovers), debounced: after an edit, and two seconds after
// requests are recorded.
class PrimaryReviewer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrimaryReviewer)

public:
    static constexpr int kDefaultDays = 7;

    PrimaryReviewer(Engine& engine, RoutingDocument* document, QObject* parent = nullptr);
    ~PrimaryReviewer() override;

    int days() const { return m_days; }
    void setDays(int days);
    const FailoverRateRule& rule() const { return m_rule; }
    // Reads the ledger now (also what the timers call); empty rows without a ledger.
    void review();

signals:
    void reviewed();

private:
    Engine& m_engine;
    RoutingDocument* m_document;
    FailoverRateRule m_rule;
    int m_days = kDefaultDays;
    std::unique_ptr<LedgerQueries> m_queries;
    QTimer m_soon; // after an edit
    QTimer m_later; // after recorded requests
};
