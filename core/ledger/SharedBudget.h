#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

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
    // A provider batch job's hold: the whole job's worst case at the batch rates, taken before the
    // job is submitted (scopes: the limits it is checked against here; none on SQLite, where no
    // budget_periods are kept), named after the job once the provider gave it an id (nameBatch), and
    // settled when its results are recorded or released when it ends without any (settleBatch). A
    // job runs for up to 24 hours, so expireHolds() leaves such a hold for kBatchHoldSecs rather
    // than treating it as stale. Its row also names the job and the provider: batchHeld() counts
    // it for a process that checks its limits against the ledger alone (BudgetTracker on SQLite).
    static constexpr int kBatchHoldSecs = 26 * 3600; // the providers' 24 h window and a margin
    Hold reserveBatch(QList<Scope> scopes, double amountUsd, const QString& providerId, const QDateTime& at);
    bool nameBatch(qint64 holdId, const QString& jobId, QString* error = nullptr);
    // Replaces the job's hold by what its results cost (0 releases it). False when the job holds
    // nothing (settled already, or submitted before holds were kept) or the database failed.
    bool settleBatch(const QString& jobId, double actualUsd, QString* error = nullptr);
    // The batch jobs of providerId (every provider when empty) submitted at or after `from` (and
    // before `until` when valid), by what their holds mean now (Clock::instance()):
    struct BatchStanding
    {
        // Jobs within kBatchHoldSecs of their submit: may still run, their worst case is held.
        double heldUsd = 0;
        // Older jobs whose results nobody recorded: the provider's window is over, so what they held
        // counts as spent at its worst case, the rule PostgreSQL's expireHolds() applies. On SQLite
        // no sweep removes them: the row stays until the job's results are recorded (settleBatch
        // replaces it by their real cost), so an expired job is counted once, never dropped.
        double expiredUsd = 0;
    };
    // nullopt with *error when the database failed.
    std::optional<BatchStanding> batchStanding(const QString& providerId, const QDateTime& from, const QDateTime& until,
                                               QString* error = nullptr);
    // batchStanding()'s heldUsd.
    std::optional<double> batchHeld(const QString& providerId, const QDateTime& from, const QDateTime& until,
                                    QString* error = nullptr);
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
    // what they held, the worst case, and are removed; a batch job's hold only once it is older
    // than kBatchHoldSecs by Clock::instance(). The number removed, or -1 with *error.
    int expireHolds(const QDateTime& before, QString* error = nullptr);

private:
    Hold reserveTagged(QList<Scope> scopes, double amountUsd, const QStringList& tags, qint64 createdAtMs);
    // The holds of batch jobs: id and the lines of their scopes column.
    std::optional<QList<std::pair<qint64, QStringList>>> batchHolds(QString* error);
    bool connect(QString* error);
    void disconnect();

    QString m_location;
    std::unique_ptr<LedgerConnection> m_connection;
    bool m_broken = false; // the server may be gone: connect anew next time
};
