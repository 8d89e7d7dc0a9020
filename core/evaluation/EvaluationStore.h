#pragma once

#include "core/evaluation/EvaluationCell.h"
#include "core/evaluation/GraderSpec.h"
#include "core/evaluation/PromptSet.h"
#include "core/ledger/LedgerRecords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class LedgerConnection;

// Where an evaluation stands as a whole.
enum class EvaluationStatus
{
    Running, // started; also what a run that crashed leaves
    Incomplete, // ended (cancelled, or some calls failed): resume asks the rest
    Complete, // every cell answered and graded
};

namespace EvaluationStatuses {
QString id(EvaluationStatus status); // "running", "incomplete", "complete"
std::optional<EvaluationStatus> fromId(const QString& id);
} // namespace EvaluationStatuses

struct EvaluationInfo
{
    qint64 id = 0;
    QDateTime createdAt; // UTC
    QString name; // the prompt file's name
    PromptSet prompts;
    QStringList models;
    QList<GraderSpec> graders; // the set's graders (a prompt's own replace them)
    EvaluationStatus status = EvaluationStatus::Running;
};

// The evaluations and their cells in the ledger (schema v9), SQLite or PostgreSQL, on a connection
// of its own, written at once (each cell in its own transaction) so that what is done stays done
// when the process dies. Owned by one thread.
class EvaluationStore final
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationStore)

public:
    explicit EvaluationStore(const QString& ledgerLocation);
    ~EvaluationStore();
    EvaluationStore(const EvaluationStore&) = delete;
    EvaluationStore& operator=(const EvaluationStore&) = delete;

    // The ledger must exist at the current schema (the Engine opened it).
    bool open(QString* error);

    // Returns the new evaluation's id.
    std::optional<qint64> create(const EvaluationInfo& info, QString* error);
    std::optional<EvaluationInfo> load(qint64 id, QString* error);
    // Every evaluation, newest first.
    std::optional<QList<EvaluationInfo>> list(QString* error);
    bool setStatus(qint64 id, EvaluationStatus status, QString* error);
    // Inserts or replaces the cell (by evaluation, prompt index and model).
    bool saveCell(qint64 id, const EvaluationCell& cell, QString* error);
    // In prompt, then model order as stored.
    std::optional<QList<EvaluationCell>> cells(qint64 id, QString* error);
    // The ledger's row of request `uuid` (without attempts), nullopt when the ledger has none: a
    // resume grades the answer of a call that was recorded but whose cell was never saved.
    std::optional<RequestRecord> recordedRequest(const QString& uuid, QString* error);

private:
    QString m_location;
    std::unique_ptr<LedgerConnection> m_connection;
};
