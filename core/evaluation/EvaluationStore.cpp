#include "core/evaluation/EvaluationStore.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString json(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray array(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QVariant optionalReal(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> readOptional(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

// The schema keeps a cell's answer and reason as text (evaluation_cells, v9). A cell whose answer
// made tool calls, or that several graders judged, needs more than text: then the column holds
// one JSON object under a key of its own, {"switchyard_answer": {"text", "tool_calls"}} or
// {"switchyard_verdicts": {"reason", "graders"}}. A text that would read as that form is itself
// written in it, so every text comes back as it went in.
const QString kAnswerKey = QStringLiteral("switchyard_answer");
const QString kVerdictsKey = QStringLiteral("switchyard_verdicts");

QString prefixOf(const QString& key)
{
    return QStringLiteral("{\"%1\":").arg(key);
}

QString wrapped(const QString& key, const QJsonObject& inner)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject { { key, inner } }).toJson(QJsonDocument::Compact));
}

// The inner object of a wrapped column; nullopt for a plain text.
std::optional<QJsonObject> unwrapped(const QString& key, const QString& column)
{
    if (!column.startsWith(prefixOf(key))) {
        return std::nullopt;
    }
    const QJsonValue inner = QJsonDocument::fromJson(column.toUtf8()).object().value(key);
    return inner.isObject() ? std::optional<QJsonObject>(inner.toObject()) : std::nullopt;
}

QString answerColumn(const EvaluationCell& cell)
{
    if (cell.toolCalls.isEmpty() && !cell.answer.startsWith(prefixOf(kAnswerKey))) {
        return cell.answer;
    }
    return wrapped(kAnswerKey,
                   { { QStringLiteral("text"), cell.answer },
                     { QStringLiteral("tool_calls"), LedgerRows::toolCallsToJsonArray(cell.toolCalls) } });
}

void readAnswer(const QString& column, EvaluationCell* cell)
{
    if (const auto inner = unwrapped(kAnswerKey, column)) {
        cell->answer = inner->value(QLatin1String("text")).toString();
        cell->toolCalls = LedgerRows::toolCallsFromJsonArray(inner->value(QLatin1String("tool_calls")).toArray());
        return;
    }
    cell->answer = column;
}

QString reasonColumn(const EvaluationCell& cell)
{
    if (cell.verdicts.isEmpty() && !cell.grade.reason.startsWith(prefixOf(kVerdictsKey))) {
        return cell.grade.reason;
    }
    return wrapped(kVerdictsKey,
                   { { QStringLiteral("reason"), cell.grade.reason },
                     { QStringLiteral("graders"), GraderVerdict::toJson(cell.verdicts) } });
}

void readReason(const QString& column, EvaluationCell* cell)
{
    if (const auto inner = unwrapped(kVerdictsKey, column)) {
        cell->grade.reason = inner->value(QLatin1String("reason")).toString();
        cell->verdicts = GraderVerdict::fromJson(inner->value(QLatin1String("graders")).toArray())
                             .value_or(QList<GraderVerdict> {});
        return;
    }
    cell->grade.reason = column;
}

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
} // namespace

QString EvaluationStatuses::id(EvaluationStatus status)
{
    switch (status) {
    case EvaluationStatus::Running:
        return QStringLiteral("running");
    case EvaluationStatus::Incomplete:
        return QStringLiteral("incomplete");
    case EvaluationStatus::Complete:
        return QStringLiteral("complete");
    }
    return {};
}

std::optional<EvaluationStatus> EvaluationStatuses::fromId(const QString& id)
{
    for (EvaluationStatus status :
         { EvaluationStatus::Running, EvaluationStatus::Incomplete, EvaluationStatus::Complete }) {
        if (EvaluationStatuses::id(status) == id) {
            return status;
        }
    }
    return std::nullopt;
}

EvaluationStore::EvaluationStore(const QString& ledgerLocation)
    : m_location(ledgerLocation)
{
}

EvaluationStore::~EvaluationStore() = default;

bool EvaluationStore::open(QString* error)
{
    m_connection = std::make_unique<LedgerConnection>(m_location, QStringLiteral("evaluation"));
    if (!m_connection->open(10000, error)) {
        m_connection.reset();
        return false;
    }
    return true;
}

std::optional<qint64> EvaluationStore::create(const EvaluationInfo& info, QString* error)
{
    const QSqlDatabase db = m_connection->database();
    const LedgerDialect dialect = LedgerDialect::of(db);
    QJsonArray graders;
    for (const GraderSpec& spec : info.graders) {
        graders.append(spec.toJson());
    }
    QSqlQuery query(db);
    if (!run(query,
             QStringLiteral("INSERT INTO evaluations(created_at, name, prompts, models, graders, state)"
                            " VALUES(?, ?, ?, ?, ?, ?)%1")
                 .arg(dialect.returningId(QStringLiteral("id"))),
             { info.createdAt.toMSecsSinceEpoch(), LedgerConnection::text(info.name), json(info.prompts.toJson()),
               json(QJsonArray::fromStringList(info.models)), json(graders), EvaluationStatuses::id(info.status) },
             error)) {
        return std::nullopt;
    }
    const qint64 id
        = dialect.isPostgres() ? (query.next() ? query.value(0).toLongLong() : 0) : query.lastInsertId().toLongLong();
    if (id <= 0) {
        *error = tr("the new evaluation got no id");
        return std::nullopt;
    }
    return id;
}

std::optional<EvaluationInfo> EvaluationStore::load(qint64 id, QString* error)
{
    QSqlQuery query(m_connection->database());
    if (!run(query,
             QStringLiteral("SELECT created_at, name, prompts, models, graders, state FROM evaluations WHERE id = ?"),
             { id }, error)) {
        return std::nullopt;
    }
    if (!query.next()) {
        *error = tr("there is no evaluation %1 in the ledger").arg(id);
        return std::nullopt;
    }
    EvaluationInfo info;
    info.id = id;
    info.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
    info.name = query.value(1).toString();
    info.prompts = PromptSet::fromJson(array(query.value(2).toString()));
    for (const QJsonValue& model : array(query.value(3).toString())) {
        info.models.append(model.toString());
    }
    for (const QJsonValue& grader : array(query.value(4).toString())) {
        QString why;
        const auto spec = GraderSpec::fromJson(grader.toObject(), &why);
        if (!spec) {
            *error = tr("evaluation %1 has a grader this version cannot read: %2").arg(id).arg(why);
            return std::nullopt;
        }
        info.graders.append(*spec);
    }
    info.status = EvaluationStatuses::fromId(query.value(5).toString()).value_or(EvaluationStatus::Incomplete);
    if (!info.prompts.ok()) {
        *error = info.prompts.errorString();
        return std::nullopt;
    }
    return info;
}

std::optional<QList<EvaluationInfo>> EvaluationStore::list(QString* error)
{
    QSqlQuery query(m_connection->database());
    if (!run(query, QStringLiteral("SELECT id FROM evaluations ORDER BY id DESC"), {}, error)) {
        return std::nullopt;
    }
    QList<qint64> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    QList<EvaluationInfo> infos;
    for (qint64 id : std::as_const(ids)) {
        auto info = load(id, error);
        if (!info) {
            return std::nullopt;
        }
        infos.append(std::move(*info));
    }
    return infos;
}

bool EvaluationStore::setStatus(qint64 id, EvaluationStatus status, QString* error)
{
    QSqlQuery query(m_connection->database());
    return run(query, QStringLiteral("UPDATE evaluations SET state = ? WHERE id = ?"),
               { EvaluationStatuses::id(status), id }, error);
}

bool EvaluationStore::saveCell(qint64 id, const EvaluationCell& cell, QString* error)
{
    QSqlQuery query(m_connection->database());
    return run(query,
               QStringLiteral(
                   "INSERT INTO evaluation_cells(evaluation_id, prompt_index, prompt_id, model, state, outcome, score,"
                   " reason, answer, request_uuid, judge_request_uuid, cost_usd, judge_cost_usd, latency_ms, error,"
                   " updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                   " ON CONFLICT(evaluation_id, prompt_index, model) DO UPDATE SET prompt_id = excluded.prompt_id,"
                   " state = excluded.state, outcome = excluded.outcome, score = excluded.score,"
                   " reason = excluded.reason, answer = excluded.answer, request_uuid = excluded.request_uuid,"
                   " judge_request_uuid = excluded.judge_request_uuid, cost_usd = excluded.cost_usd,"
                   " judge_cost_usd = excluded.judge_cost_usd, latency_ms = excluded.latency_ms,"
                   " error = excluded.error, updated_at = excluded.updated_at"),
               { id, cell.promptIndex, LedgerConnection::text(cell.promptId), LedgerConnection::text(cell.model),
                 CellStates::id(cell.state), GradeOutcomes::id(cell.grade.outcome), optionalReal(cell.grade.score),
                 LedgerConnection::text(reasonColumn(cell)), LedgerConnection::text(answerColumn(cell)),
                 LedgerConnection::text(cell.requestId), LedgerConnection::text(cell.judgeRequestId),
                 optionalReal(cell.costUsd), optionalReal(cell.judgeCostUsd), cell.latencyMs,
                 LedgerConnection::text(cell.error), QDateTime::currentMSecsSinceEpoch() },
               error);
}

std::optional<QList<EvaluationCell>> EvaluationStore::cells(qint64 id, QString* error)
{
    QSqlQuery query(m_connection->database());
    if (!run(query,
             QStringLiteral("SELECT prompt_index, prompt_id, model, state, outcome, score, reason, answer,"
                            " request_uuid, judge_request_uuid, cost_usd, judge_cost_usd, latency_ms, error"
                            " FROM evaluation_cells WHERE evaluation_id = ? ORDER BY prompt_index, model"),
             { id }, error)) {
        return std::nullopt;
    }
    QList<EvaluationCell> list;
    while (query.next()) {
        EvaluationCell cell;
        cell.promptIndex = query.value(0).toInt();
        cell.promptId = query.value(1).toString();
        cell.model = query.value(2).toString();
        cell.state = CellStates::fromId(query.value(3).toString()).value_or(CellState::Pending);
        cell.grade.outcome = GradeOutcomes::fromId(query.value(4).toString()).value_or(GradeOutcome::Error);
        cell.grade.score = readOptional(query.value(5));
        readReason(query.value(6).toString(), &cell);
        readAnswer(query.value(7).toString(), &cell);
        cell.requestId = query.value(8).toString();
        cell.judgeRequestId = query.value(9).toString();
        cell.costUsd = readOptional(query.value(10));
        cell.judgeCostUsd = readOptional(query.value(11));
        cell.latencyMs = query.value(12).toLongLong();
        cell.error = query.value(13).toString();
        list.append(cell);
    }
    return list;
}

std::optional<RequestRecord> EvaluationStore::recordedRequest(const QString& uuid, QString* error)
{
    QSqlQuery query(m_connection->database());
    if (uuid.isEmpty()
        || !run(query, QStringLiteral("SELECT %1 FROM requests r WHERE r.uuid = ?").arg(LedgerRows::requestColumns()),
                { uuid }, error)) {
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return LedgerRows::readRequest(query);
}
