#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

class LedgerConnection;

// Budget holds shared by every gateway and app on one ledger database (PostgreSQL for a team), so
// that N processes cannot overshoot a limit together. Each limited scope of the current period
// ("global/day@2026-03-02") is one row of budget_periods with what was spent and what is held;
// reserve() locks the rows of every scope the request falls under (in key order, so two
// reservations never deadlock), checks spent + held + amount against each limit and adds the hold,
// all in one transaction; settle() replaces a hold by the real cost the same way. A period's row
// starts from what the ledger already holds for that period.
//
// Lives on the thread that created it (its connection must stay there); connects on first use
// and again after the server went away.
class SharedBudget final
{
public:
    struct Scope
    {
        QString key; // scope id and period: "global/day@2026-03-02", "openai/month@2026-03"
        QString providerId; // empty: all providers
        double limitUsd = 0;
        QDateTime from; // the period, for the spend already in the ledger
        QDateTime until;
        QString clientKeyId; // empty: every client; else the period counts that client key's requests
    };
    struct Hold
    {
        bool ok = false;
        qint64 id = 0;
        QString refusal; // the limit that would be exceeded (when !ok and no error)
        QString error; // the database could not be asked
        QHash<QString, double> remainingUsd; // when ok: what each scope has left after this hold
    };

    explicit SharedBudget(const QString& location);
    ~SharedBudget();
    SharedBudget(const SharedBudget&) = delete;
    SharedBudget& operator=(const SharedBudget&) = delete;

    Hold reserve(QList<Scope> scopes, double amountUsd);
    // Replaces the hold by the actual cost (0 releases it). False when the hold is unknown or the
    // database could not be written.
    bool settle(qint64 holdId, double actualUsd, QString* error = nullptr);
    // Adds what was spent while the database could not be asked (SharedBudgetFallback) to the
    // scopes' periods that have a row; a period without one starts from the ledger, which will hold
    // those requests. False with *error when the database could not be written.
    bool addSpent(const QHash<QString, double>& spentUsd, QString* error = nullptr);
    // Spent and held in one scope's period, as the database has them (0 when it has no row yet).
    bool standing(const QString& key, double* spentUsd, double* heldUsd, QString* error = nullptr);
    // Connects when needed and asks the server something trivial: is it answering?
    bool ping(QString* error);
    // Holds created before `before` (their process died before it settled them) count as spent at
    // what they held, the worst case, and are removed. The number removed, or -1 with *error.
    int expireHolds(const QDateTime& before, QString* error = nullptr);

private:
    bool connect(QString* error);
    void disconnect();

    QString m_location;
    std::unique_ptr<LedgerConnection> m_connection;
    bool m_broken = false; // the server may be gone: connect anew next time
};
