#include "core/batch/BatchStore.h"

#include "core/ledger/LedgerConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
bool run(QSqlQuery& query, const QString& sql, const QVariantList& values, QString* error)
{
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant& value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

QString promptsJson(const BatchJob& job)
{
    QJsonArray array;
    for (const auto& [id, prompt] : job.prompts) {
        array.append(QJsonArray { id, prompt });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QDateTime moment(const QVariant& ms)
{
    return ms.toLongLong() > 0 ? QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC) : QDateTime();
}

const QString kColumns = QStringLiteral("id, provider_id, model_id, upstream_model, input_name, prompts, request_count,"
                                        " state, submitted_at, updated_at, recorded_at");

BatchJob jobOf(const QSqlQuery& query)
{
    BatchJob job;
    job.id = query.value(0).toString();
    job.providerId = query.value(1).toString();
    job.modelId = query.value(2).toString();
    job.upstreamModel = query.value(3).toString();
    job.inputName = query.value(4).toString();
    for (const QJsonValue& pair : QJsonDocument::fromJson(query.value(5).toString().toUtf8()).array()) {
        job.prompts.append({ pair.toArray().at(0).toString(), pair.toArray().at(1).toString() });
    }
    job.requestCount = query.value(6).toInt();
    job.state = BatchStates::fromId(query.value(7).toString()).value_or(BatchState::InProgress);
    job.submittedAt = moment(query.value(8));
    job.updatedAt = moment(query.value(9));
    job.recordedAt = moment(query.value(10));
    return job;
}
} // namespace

BatchStore::BatchStore(const QString& ledgerLocation)
    : m_location(ledgerLocation)
{
}

BatchStore::~BatchStore() = default;

bool BatchStore::open(QString* error)
{
    m_connection = std::make_unique<LedgerConnection>(m_location, QStringLiteral("batch"));
    if (!m_connection->open(10000, error)) {
        m_connection.reset();
        return false;
    }
    return true;
}

bool BatchStore::add(const BatchJob& job, QString* error)
{
    QSqlQuery query(m_connection->database());
    return run(query,
               QStringLiteral("INSERT INTO batch_jobs(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)").arg(kColumns),
               { job.id, job.providerId, job.modelId, LedgerConnection::text(job.upstreamModel),
                 LedgerConnection::text(job.inputName), promptsJson(job), job.requestCount, BatchStates::id(job.state),
                 job.submittedAt.toMSecsSinceEpoch(), job.submittedAt.toMSecsSinceEpoch() },
               error);
}

std::optional<BatchJob> BatchStore::load(const QString& id, QString* error)
{
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("SELECT %1 FROM batch_jobs WHERE id = ?").arg(kColumns), { id }, error)) {
        return std::nullopt;
    }
    if (!query.next()) {
        *error = tr("there is no batch job %1 in the ledger (see switchyard batch list)").arg(id);
        return std::nullopt;
    }
    return jobOf(query);
}

std::optional<QList<BatchJob>> BatchStore::list(QString* error)
{
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("SELECT %1 FROM batch_jobs ORDER BY submitted_at DESC, id").arg(kColumns), {},
             error)) {
        return std::nullopt;
    }
    QList<BatchJob> jobs;
    while (query.next()) {
        jobs.append(jobOf(query));
    }
    return jobs;
}

bool BatchStore::setState(const QString& id, BatchState state, const QDateTime& at, QString* error)
{
    QSqlQuery query(m_connection->database());
    return run(query, QStringLiteral("UPDATE batch_jobs SET state = ?, updated_at = ? WHERE id = ?"),
               { BatchStates::id(state), at.toMSecsSinceEpoch(), id }, error);
}

std::optional<bool> BatchStore::claimRecording(const QString& id, const QDateTime& at, QString* error)
{
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("UPDATE batch_jobs SET recorded_at = ? WHERE id = ? AND recorded_at = 0"),
             { at.toMSecsSinceEpoch(), id }, error)) {
        return std::nullopt;
    }
    return query.numRowsAffected() == 1;
}
