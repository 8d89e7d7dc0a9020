#pragma once

#include "core/ledger/SharedBudget.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <thread>

// The shared budget as a gateway asks it: the database is asked on a thread of its own, so a
// server that hangs, or a host that takes seconds to refuse a connection, never stalls the
// requests of the thread that serves them.
//
// reserve() waits at most kWaitMs for its answer. Past that it gives up (the caller falls back to
// its local share) and a hold the database still grants later is released at once. While the
// database is away, or still busy with a call that outlived kWaitMs, reserve() does not wait at
// all; the thread asks the server every kRetryMs whether it answers again. Settles and hand-overs
// are queued in order and never wait, and tried again once the database answers after an outage;
// the destructor gives what is queued kDrainMs to be written. Once a
// minute the thread also expires holds older than kStaleHoldSecs (their process died before it
// settled them), counting them as spent at their worst case.
class SharedBudgetClient final
{
public:
    static constexpr int kWaitMs = 1000;
    static constexpr int kRetryMs = 2000;
    static constexpr int kDrainMs = 5000;
    static constexpr int kStaleHoldSecs = 3600;
    static constexpr int kMaxTries = 5;

    explicit SharedBudgetClient(const QString& location);
    ~SharedBudgetClient();
    SharedBudgetClient(const SharedBudgetClient&) = delete;
    SharedBudgetClient& operator=(const SharedBudgetClient&) = delete;

    // As SharedBudget::reserve(); `error` also says when the database did not answer in time.
    SharedBudget::Hold reserve(const QList<SharedBudget::Scope>& scopes, double amountUsd);
    void settle(qint64 holdId, double actualUsd);
    // Hands over what was spent while the database was away.
    void addSpent(const QHash<QString, double>& spentUsd);

    // Why queued work could not be written since the last call, for the log. A settle or hand-over
    // the database refused because it was away is tried again when it answers (kMaxTries in all).
    QStringList takeErrors();
    // True while the database answers (false from its first failure until it answers again).
    bool isReachable() const;

    struct State; // shared with the thread, which may outlive this object when the server hangs

private:
    std::shared_ptr<State> m_state;
    std::thread m_thread;
};
