#include "core/evaluation/EvaluationRun.h"

#include "core/common/RequestId.h"
#include "core/engine/Engine.h"
#include "core/evaluation/Grader.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerRecords.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/Router.h"

namespace {
bool answered(RequestStatus status)
{
    // An answer that broke off was paid for all the same: it is graded as it is, not asked again.
    return status == RequestStatus::Ok || status == RequestStatus::Incomplete || status == RequestStatus::Cached;
}

// A call that ended with a result of its own; a cancelled or interrupted one (the run stopped or
// the process died) is asked again.
bool ended(RequestStatus status)
{
    return answered(status) || status == RequestStatus::Failed;
}

CallResult resultOf(const RequestRecord& record)
{
    CallResult result;
    result.modelId = record.finalModel;
    result.providerId = record.finalProvider;
    result.text = record.answer;
    result.reasoning = record.reasoning;
    result.toolCalls = record.toolCalls;
    result.usage = record.usage;
    result.ttftMs = record.ttftMs;
    result.latencyMs = record.latencyMs;
    return result;
}

std::optional<double> plus(const std::optional<double>& a, const std::optional<double>& b, bool first)
{
    if (first) {
        return b;
    }
    if (!a || !b) {
        return std::nullopt;
    }
    return *a + *b;
}
} // namespace

EvaluationRun::EvaluationRun(Engine& engine, EvaluationStore& store, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(store)
{
    connect(&m_engine, &Engine::requestRecorded, this, &EvaluationRun::onRecorded);
}

EvaluationRun::~EvaluationRun()
{
    // Calls still running are torn down with this run: the engine records each as cancelled, and
    // their cells, never saved, are asked again on resume.
    disconnect(&m_engine, nullptr, this, nullptr);
    m_cancelled = true;
    const auto calls = m_calls.keys();
    m_calls.clear();
    for (ProviderCall* call : calls) {
        delete call;
    }
}

bool EvaluationRun::checkModels(QString* error) const
{
    QStringList names = m_info.models;
    auto addJudges = [&names](const QList<GraderSpec>& graders) {
        for (const GraderSpec& spec : graders) {
            if (spec.kind == GraderKind::LlmJudge && !names.contains(spec.judgeModel)) {
                names.append(spec.judgeModel);
            }
        }
    };
    addJudges(m_info.graders);
    for (const PromptItem& item : m_info.prompts.items()) {
        addJudges(item.graders);
    }
    for (const QString& name : names) {
        QString why;
        const ModelConfig* model = m_engine.resolveModel(name, &why);
        if (!model) {
            *error = why;
            return false;
        }
        if (!m_engine.provider(model->providerId)) {
            *error = tr("model %1 names an unknown provider %2").arg(model->id, model->providerId);
            return false;
        }
    }
    if (m_info.models.isEmpty()) {
        *error = tr("no model to evaluate");
        return false;
    }
    return true;
}

bool EvaluationRun::start(EvaluationInfo info, QString* error)
{
    m_info = std::move(info);
    if (!m_info.prompts.ok() || m_info.prompts.items().isEmpty()) {
        *error = m_info.prompts.ok() ? tr("no prompts") : m_info.prompts.errorString();
        return false;
    }
    if (!checkModels(error)) {
        return false;
    }
    if (!m_info.createdAt.isValid()) {
        m_info.createdAt = QDateTime::currentDateTimeUtc();
    }
    m_info.status = EvaluationStatus::Running;
    const auto id = m_store.create(m_info, error);
    if (!id) {
        return false;
    }
    m_info.id = *id;
    m_cells.clear();
    const auto& items = m_info.prompts.items();
    for (int p = 0; p < items.size(); ++p) {
        for (const QString& model : std::as_const(m_info.models)) {
            EvaluationCell cell;
            cell.promptIndex = p;
            cell.promptId = items.at(p).id;
            cell.model = model;
            m_cells.append(cell);
        }
    }
    return begin(error);
}

bool EvaluationRun::resumeEvaluation(qint64 id, QString* error)
{
    auto info = m_store.load(id, error);
    if (!info) {
        return false;
    }
    m_info = std::move(*info);
    if (!checkModels(error)) {
        return false;
    }
    const auto stored = m_store.cells(id, error);
    if (!stored) {
        return false;
    }
    m_cells.clear();
    const auto& items = m_info.prompts.items();
    for (int p = 0; p < items.size(); ++p) {
        for (const QString& model : std::as_const(m_info.models)) {
            EvaluationCell cell;
            cell.promptIndex = p;
            cell.promptId = items.at(p).id;
            cell.model = model;
            for (const EvaluationCell& saved : *stored) {
                if (saved.promptIndex == p && saved.model == model) {
                    cell = saved;
                }
            }
            m_cells.append(cell);
        }
    }
    m_info.status = EvaluationStatus::Running;
    if (!m_store.setStatus(id, m_info.status, error)) {
        return false;
    }
    return begin(error);
}

bool EvaluationRun::begin(QString*)
{
    m_queue.clear();
    bool earlierCalls = false;
    for (int i = 0; i < m_cells.size(); ++i) {
        const EvaluationCell& cell = m_cells.at(i);
        if (cell.state != CellState::Done) {
            m_queue.append(i);
            earlierCalls = earlierCalls || !cell.requestId.isEmpty() || !cell.judgeRequestId.isEmpty();
        }
    }
    m_running = true;
    m_cancelled = false;
    m_paused = false;
    m_finishedThisRun = 0;
    m_clock.start();
    emit progressed(doneCount(), int(m_cells.size()), -1);
    Ledger* ledger = m_engine.ledger();
    if (earlierCalls && ledger && ledger->isOpen()) {
        // An earlier run's rows may still wait in the ledger's queue or in the spill its crash
        // journal became: committed first, so that the cells find what was paid for.
        m_waitingForLedger = true;
        connect(
            ledger, &Ledger::flushed, this,
            [this] {
                m_waitingForLedger = false;
                pump();
            },
            Qt::SingleShotConnection);
        ledger->flush();
        return true;
    }
    // Started from the event loop, so that a caller connects to the signals first.
    QMetaObject::invokeMethod(this, &EvaluationRun::pump, Qt::QueuedConnection);
    return true;
}

std::optional<RequestRecord> EvaluationRun::recorded(const QString& requestId) const
{
    if (requestId.isEmpty()) {
        return std::nullopt;
    }
    QString error;
    return m_store.recordedRequest(requestId, &error);
}

bool EvaluationRun::reuseAnswer(int index, bool accounted)
{
    EvaluationCell& cell = m_cells[index];
    const std::optional<RequestRecord> record = recorded(cell.requestId);
    if (!record) {
        return false;
    }
    if (!accounted && record->costUsd) {
        // The call ended but its cell was never saved: what it cost counts now, answered or not.
        accountCall(index, *record);
    }
    if (!answered(record->status) || (record->answer.isEmpty() && record->toolCalls.isEmpty())) {
        return false; // not answered, or the ledger keeps no answers (prompt storage off)
    }
    cell.state = CellState::Pending;
    cell.requestId = record->id;
    cell.latencyMs = record->latencyMs;
    // The judges it had are read again from the ledger in order, their cost with them.
    m_replayJudges.insert(index, cell.judgeRequestId.split(u',', Qt::SkipEmptyParts));
    cell.judgeRequestId.clear();
    cell.judgeCostUsd.reset();
    m_judgeCosted.remove(index);
    gradeAnswer(index, resultOf(*record));
    return true;
}

int EvaluationRun::doneCount() const
{
    int done = 0;
    for (const EvaluationCell& cell : m_cells) {
        done += cell.state == CellState::Done ? 1 : 0;
    }
    return done;
}

QList<GraderSpec> EvaluationRun::gradersOf(const PromptItem& item) const
{
    return item.graders.isEmpty() ? m_info.graders : item.graders;
}

void EvaluationRun::pump()
{
    if (m_waitingForLedger) {
        return;
    }
    while (m_running && !m_paused && !m_cancelled && m_inFlight < m_concurrency && !m_queue.isEmpty()) {
        launch(m_queue.takeFirst());
    }
    maybeFinish();
}

void EvaluationRun::launch(int index)
{
    ++m_inFlight;
    EvaluationCell& cell = m_cells[index];
    const PromptItem& item = m_info.prompts.items().at(cell.promptIndex);
    m_grades.remove(index);
    m_judges.remove(index);
    m_replayJudges.remove(index);
    // A failed cell's calls are in its cost already, and so is the answer of a cell saved while
    // its judges were asked; a pending cell's last model call never reached its cost.
    const bool accounted = cell.state == CellState::Failed || !cell.judgeRequestId.isEmpty();
    if (reuseAnswer(index, accounted)) {
        return;
    }
    if (!cell.judgeRequestId.isEmpty()) {
        // Judges of an answer not kept: their cost stays counted, the new answer gets its own.
        cell.judgeRequestId.clear();
        m_judgeCosted.insert(index);
    }
    cell.answer.clear();
    ChatRequest request;
    request.stream = false;
    request.messages.append({ QStringLiteral("user"), item.prompt });
    call(index, cell.model, request, false);
}

bool EvaluationRun::call(int index, const QString& modelName, const ChatRequest& request, bool judge)
{
    QString error;
    const ModelConfig* model = m_engine.resolveModel(modelName, &error);
    const ProviderConfig* provider = model ? m_engine.provider(model->providerId) : nullptr;
    if (!model || !provider) {
        failCell(index, error.isEmpty() ? tr("model %1 cannot be called").arg(modelName) : error);
        return false;
    }
    ModelConfig effective = *model;
    effective.timeouts = m_engine.router()->timeoutsFor(request, *model, nullptr).values;
    // Held against the budgets as any call by name is: the worst case before anything is sent.
    const BudgetHold hold = m_engine.router()->reserveBudget(effective, request);
    if (!hold.ok) {
        failCell(index, Router::budgetRefusal(hold.reason));
        return false;
    }
    // The row's uuid is the cell's before anything is sent: if the process dies after the ledger
    // (or its journal) took the answer but before the cell is saved, a resume finds it.
    const QString requestId = RequestIds::create();
    EvaluationCell& cell = m_cells[index];
    if (judge) {
        cell.judgeRequestId = cell.judgeRequestId.isEmpty() ? requestId : cell.judgeRequestId + u',' + requestId;
    } else {
        cell.requestId = requestId;
        cell.state = CellState::Pending; // a failed cell asked again keeps its error and cost so far
    }
    save(index);
    ProviderCall* providerCall = m_engine.client()->start(*provider, effective, request, this);
    providerCall->setBudgetHold(hold.id);
    // The engine records the call when it ends, with its one cost path; connected first, its row
    // is recorded (onRecorded) just before the handlers below run.
    m_engine.track(providerCall, RequestSource::Evaluation, {}, {}, requestId);
    m_calls.insert(providerCall, { index, judge, requestId });
    connect(providerCall, &ProviderCall::finished, this,
            [this, providerCall](const CallResult& result) { onCallEnded(providerCall, result, {}); });
    connect(providerCall, &ProviderCall::failed, this,
            [this, providerCall](const CallError& failure, const CallResult& partial) {
                onCallEnded(providerCall, partial, failure);
            });
    return true;
}

void EvaluationRun::onRecorded(const RequestRecord& record)
{
    m_lastRecord = record;
}

void EvaluationRun::onCallEnded(ProviderCall* call, const CallResult& result, const CallError& error)
{
    const auto it = m_calls.constFind(call);
    if (it == m_calls.constEnd()) {
        return;
    }
    const Pending pending = *it;
    m_calls.erase(it);
    call->deleteLater();
    RequestRecord record;
    if (m_lastRecord && m_lastRecord->id == pending.requestId) {
        record = *m_lastRecord;
    } else {
        // No ledger row came (the engine records every tracked call; this is a safeguard): the
        // cell still ends, with what the call itself says.
        record.id = pending.requestId;
        record.status = error.isError() ? RequestStatus::Failed : RequestStatus::Ok;
        record.latencyMs = result.latencyMs;
    }
    m_lastRecord.reset();
    if (error.isError() && record.errorMessage.isEmpty()) {
        record.errorMessage = error.summary();
    }
    if (error.isError() && record.status == RequestStatus::Ok) {
        record.status = RequestStatus::Failed;
    }
    if (pending.judge) {
        record.answer = result.text;
        onJudge(pending.cell, record);
    } else {
        onAnswer(pending.cell, record, result);
    }
}

void EvaluationRun::onAnswer(int index, const RequestRecord& record, const CallResult& result)
{
    accountCall(index, record);
    if (!answered(record.status)) {
        failCell(index, record.errorMessage.isEmpty() ? RequestStatuses::id(record.status) : record.errorMessage);
        return;
    }
    gradeAnswer(index, result);
}

void EvaluationRun::accountCall(int index, const RequestRecord& record)
{
    EvaluationCell& cell = m_cells[index];
    // Every call of the cell is paid for, a failed one too: the cell's cost is their sum.
    const bool firstCall = cell.state == CellState::Pending && !cell.costUsd.has_value() && cell.error.isEmpty();
    cell.costUsd = plus(cell.costUsd, record.costUsd, firstCall);
    cell.latencyMs = record.latencyMs;
    if (!record.id.isEmpty()) {
        cell.requestId = record.id;
    }
}

void EvaluationRun::gradeAnswer(int index, const CallResult& result)
{
    EvaluationCell& cell = m_cells[index];
    cell.answer = result.text;
    cell.error.clear();
    const PromptItem& item = m_info.prompts.items().at(cell.promptIndex);
    QList<Grade> grades;
    QList<GraderSpec> judges;
    for (const GraderSpec& spec : gradersOf(item)) {
        if (spec.kind == GraderKind::LlmJudge) {
            judges.append(spec);
        } else {
            grades.append(Grader::grade(spec, item.expected, result));
        }
    }
    m_grades.insert(index, grades);
    m_judges.insert(index, judges);
    nextJudge(index);
}

void EvaluationRun::nextJudge(int index)
{
    QList<GraderSpec>& judges = m_judges[index];
    if (judges.isEmpty() || m_cancelled) {
        if (m_cancelled) {
            failCell(index, tr("cancelled"));
            return;
        }
        EvaluationCell& cell = m_cells[index];
        cell.grade = Grader::combine(m_grades.value(index));
        cell.state = CellState::Done;
        finishCell(index);
        return;
    }
    // The judge asked now stays first in the list until its verdict is in (onJudge).
    const GraderSpec spec = judges.first();
    QStringList& replay = m_replayJudges[index];
    while (!replay.isEmpty()) {
        // An earlier run's call to this judge: its verdict (or failure) counts as it is; one that
        // never ended (interrupted, cancelled) or left no row is followed by the next call made.
        const QString id = replay.takeFirst();
        EvaluationCell& replayed = m_cells[index];
        replayed.judgeRequestId = replayed.judgeRequestId.isEmpty() ? id : replayed.judgeRequestId + u',' + id;
        const std::optional<RequestRecord> record = recorded(id);
        if (record && ended(record->status)) {
            onJudge(index, *record);
            return;
        }
        if (record && record->costUsd) {
            replayed.judgeCostUsd = plus(replayed.judgeCostUsd, record->costUsd, !m_judgeCosted.contains(index));
            m_judgeCosted.insert(index);
        }
    }
    const EvaluationCell& cell = m_cells.at(index);
    const PromptItem& item = m_info.prompts.items().at(cell.promptIndex);
    call(index, spec.judgeModel, Grader::judgeRequest(spec, item.prompt, item.expected, cell.answer), true);
}

void EvaluationRun::onJudge(int index, const RequestRecord& record)
{
    EvaluationCell& cell = m_cells[index];
    // The call's uuid is in judgeRequestId since it was sent (call(), or the replay in nextJudge).
    cell.judgeCostUsd = plus(cell.judgeCostUsd, record.costUsd, !m_judgeCosted.contains(index));
    m_judgeCosted.insert(index);
    QList<GraderSpec>& judges = m_judges[index];
    const GraderSpec spec = judges.isEmpty() ? GraderSpec {} : judges.takeFirst();
    Grade grade;
    if (answered(record.status)) {
        grade = Grader::judgeVerdict(spec, record.answer);
    } else {
        // The answer was paid for and stays; only the judging failed: a result, not a retry.
        grade = Grade::error(
            tr("the judge %1 could not be asked: %2")
                .arg(spec.judgeModel,
                     record.errorMessage.isEmpty() ? RequestStatuses::id(record.status) : record.errorMessage));
    }
    m_grades[index].append(grade);
    nextJudge(index);
}

void EvaluationRun::failCell(int index, const QString& reason)
{
    EvaluationCell& cell = m_cells[index];
    if (!cell.answer.isEmpty() && cell.state != CellState::Done && !cell.requestId.isEmpty() && !m_cancelled) {
        // The model answered but a judge could not even be called: keep the answer, grade it an error.
        m_grades[index].append(Grade::error(reason));
        m_judges[index].clear();
        cell.grade = Grader::combine(m_grades.value(index));
        cell.state = CellState::Done;
        finishCell(index);
        return;
    }
    cell.state = CellState::Failed;
    cell.error = reason;
    cell.grade = Grade::error(reason);
    finishCell(index);
}

void EvaluationRun::finishCell(int index)
{
    save(index);
    --m_inFlight;
    ++m_finishedThisRun;
    m_grades.remove(index);
    m_judges.remove(index);
    m_replayJudges.remove(index);
    m_judgeCosted.remove(index);
    emit cellFinished(index);
    const int done = doneCount();
    const qint64 remaining = qint64(m_queue.size()) + m_inFlight;
    const qint64 eta = m_clock.elapsed() * remaining / qMax(1, m_finishedThisRun);
    emit progressed(done, int(m_cells.size()), eta);
    QMetaObject::invokeMethod(this, &EvaluationRun::pump, Qt::QueuedConnection);
}

void EvaluationRun::save(int index)
{
    QString error;
    if (!m_store.saveCell(m_info.id, m_cells.at(index), &error)) {
        emit storeFailed(error);
    }
}

void EvaluationRun::pause()
{
    if (!m_paused && m_running) {
        m_paused = true;
        emit paused();
    }
}

void EvaluationRun::resume()
{
    if (m_paused) {
        m_paused = false;
        emit resumed();
        QMetaObject::invokeMethod(this, &EvaluationRun::pump, Qt::QueuedConnection);
    }
}

void EvaluationRun::cancel()
{
    if (!m_running) {
        return;
    }
    m_cancelled = true;
    m_queue.clear();
    const auto calls = m_calls.keys();
    for (ProviderCall* call : calls) {
        const Pending pending = m_calls.take(call);
        m_lastRecord.reset();
        call->cancel(); // the engine records it as cancelled at once
        RequestRecord record = m_lastRecord.value_or(RequestRecord {});
        m_lastRecord.reset();
        record.status = RequestStatus::Cancelled;
        record.errorMessage = tr("cancelled");
        call->deleteLater();
        if (pending.judge) {
            onJudge(pending.cell, record);
        } else {
            onAnswer(pending.cell, record, {});
        }
    }
    maybeFinish();
}

void EvaluationRun::maybeFinish()
{
    if (!m_running || m_inFlight > 0 || (!m_queue.isEmpty() && !m_cancelled && !m_paused)) {
        return;
    }
    if (m_paused && !m_queue.isEmpty()) {
        return; // waits for resume()
    }
    m_running = false;
    const bool complete = doneCount() == m_cells.size();
    m_info.status = complete ? EvaluationStatus::Complete : EvaluationStatus::Incomplete;
    QString error;
    if (!m_store.setStatus(m_info.id, m_info.status, &error)) {
        emit storeFailed(error);
    }
    emit finished(m_info.status);
}
