#include "core/evaluation/EvaluationRun.h"

#include "core/common/RequestId.h"
#include "core/engine/Engine.h"
#include "core/evaluation/Grader.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerRecords.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/Router.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

// The prompt as sent to a model: its system prompt, the question, and the tools it offers that
// model in an OpenAI chat body (passed on as it is to OpenAI-format providers, translated for the
// others).
ChatRequest requestOf(const PromptItem& item, const QString& model)
{
    const PromptTools& tools = item.toolsFor(model);
    ChatRequest request;
    request.stream = false;
    if (!item.system.isEmpty()) {
        request.messages.append({ QStringLiteral("system"), item.system });
    }
    request.messages.append({ QStringLiteral("user"), item.prompt });
    if (!tools.isEmpty()) {
        QJsonArray messages;
        for (const ChatMessage& message : std::as_const(request.messages)) {
            messages.append(QJsonObject { { QStringLiteral("role"), message.role },
                                          { QStringLiteral("content"), message.content } });
        }
        QJsonObject body { { QStringLiteral("messages"), messages }, { QStringLiteral("stream"), false } };
        tools.addTo(body);
        request.clientBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.clientFormat = ProviderKind::OpenAiCompatible;
    }
    return request;
}

PairwiseVerdict flipped(PairwiseVerdict verdict)
{
    return verdict == PairwiseVerdict::Win ? PairwiseVerdict::Loss
        : verdict == PairwiseVerdict::Loss ? PairwiseVerdict::Win
                                           : PairwiseVerdict::Tie;
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
    QSet<GraderKind> judgeKinds;
    QString badBaseline;
    auto addJudges = [&](const QList<GraderSpec>& graders) {
        for (const GraderSpec& spec : graders) {
            if (spec.kind != GraderKind::LlmJudge && spec.kind != GraderKind::LlmPairwise) {
                continue;
            }
            judgeKinds.insert(spec.kind);
            if (!names.contains(spec.judgeModel)) {
                names.append(spec.judgeModel);
            }
            if (spec.kind == GraderKind::LlmPairwise && !spec.baselineModel.isEmpty()
                && !m_info.models.contains(spec.baselineModel)) {
                badBaseline = spec.baselineModel;
            }
        }
    };
    addJudges(m_info.graders);
    for (const PromptItem& item : m_info.prompts.items()) {
        addJudges(item.graders);
    }
    if (!badBaseline.isEmpty()) {
        *error = tr("the pairwise baseline %1 is not one of the models evaluated (%2)")
                     .arg(badBaseline, m_info.models.join(QStringLiteral(", ")));
        return false;
    }
    if (judgeKinds.size() > 1) {
        // Both keep their verdict as the cell's score (1-10, or a game's points).
        *error = tr("llm-judge and llm-pairwise cannot grade the same evaluation; run them as two");
        return false;
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
    // The baseline of pairwise judging answers a prompt first, so the others' judging need not wait long.
    std::stable_sort(m_queue.begin(), m_queue.end(), [this](int a, int b) {
        auto rank = [this](int index) {
            const EvaluationCell& cell = m_cells.at(index);
            const auto pairwise = pairwiseOf(m_info.prompts.items().at(cell.promptIndex));
            return cell.promptIndex * 2 + (pairwise && baselineOf(*pairwise) == cell.model ? 0 : 1);
        };
        return rank(a) < rank(b);
    });
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
    if (!answered(record->status)) {
        return false;
    }
    CallResult result = resultOf(*record);
    if (record->answer.isEmpty() && record->toolCalls.isEmpty()) {
        // The ledger keeps no answers with prompt storage off; the cell's own copy, saved before
        // its judges were asked (or while it waited for a pairwise baseline), is graded instead.
        if (cell.answer.isEmpty() && cell.toolCalls.isEmpty()) {
            return false;
        }
        result.text = cell.answer;
        result.toolCalls = cell.toolCalls;
    }
    cell.state = CellState::Pending;
    cell.requestId = record->id;
    cell.latencyMs = record->latencyMs;
    // The judges it had are read again from the ledger in order, their cost with them.
    m_replayJudges.insert(index, cell.judgeRequestId.split(u',', Qt::SkipEmptyParts));
    cell.judgeRequestId.clear();
    cell.judgeCostUsd.reset();
    m_judgeCosted.remove(index);
    gradeAnswer(index, result);
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

std::optional<GraderSpec> EvaluationRun::pairwiseOf(const PromptItem& item) const
{
    for (const GraderSpec& spec : gradersOf(item)) {
        if (spec.kind == GraderKind::LlmPairwise) {
            return spec;
        }
    }
    return std::nullopt;
}

QString EvaluationRun::baselineOf(const GraderSpec& spec) const
{
    return spec.baselineModel.isEmpty() ? m_info.models.value(0) : spec.baselineModel;
}

int EvaluationRun::cellIndex(int promptIndex, const QString& model) const
{
    return promptIndex * int(m_info.models.size()) + int(m_info.models.indexOf(model));
}

bool EvaluationRun::pairwiseModelFirst(int index, int order) const
{
    // A stable coin per prompt (the same on a resume): which order the judge is asked first.
    const QByteArray digest = QCryptographicHash::hash(m_cells.at(index).promptId.toUtf8(), QCryptographicHash::Sha256);
    const bool first = (quint8(digest.at(0)) & 1) != 0;
    return order == 0 ? first : !first;
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
    m_pairwise.remove(index);
    m_answered.remove(index);
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
    cell.toolCalls.clear();
    call(index, cell.model, requestOf(item, cell.model), false);
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
    cell.toolCalls = result.toolCalls;
    cell.error.clear();
    const PromptItem& item = m_info.prompts.items().at(cell.promptIndex);
    QList<GraderVerdict> grades;
    QList<GraderSpec> judges;
    std::optional<GraderSpec> pairwise;
    for (const GraderSpec& spec : gradersOf(item)) {
        if (spec.kind == GraderKind::LlmJudge) {
            judges.append(spec);
        } else if (spec.kind == GraderKind::LlmPairwise) {
            if (cell.model == baselineOf(spec)) {
                grades.append(GraderVerdict::of(spec, Grade::pass())); // the baseline is not worse than itself
            } else {
                pairwise = spec;
                judges += { spec, spec }; // asked in both orders, against position bias
            }
        } else {
            grades.append(GraderVerdict::of(spec, Grader::grade(spec, item.expected, result)));
        }
    }
    m_grades.insert(index, grades);
    m_judges.insert(index, judges);
    m_answered.insert(index);
    const QList<int> waiting = m_parked.take(index); // cells that wait for this baseline's answer
    if (pairwise) {
        const int baseline = cellIndex(cell.promptIndex, baselineOf(*pairwise));
        if (m_cells.at(baseline).state != CellState::Done && !m_answered.contains(baseline)) {
            // The baseline's answer is not in yet: the answer is kept with the cell meanwhile.
            m_parked[baseline].append(index);
            save(index);
            for (int other : waiting) {
                nextJudge(other);
            }
            return;
        }
    }
    nextJudge(index);
    for (int other : waiting) {
        nextJudge(other);
    }
}

void EvaluationRun::nextJudge(int index)
{
    QList<GraderSpec>& judges = m_judges[index];
    if (judges.isEmpty() || m_cancelled) {
        if (m_cancelled) {
            failCell(index, tr("cancelled"));
            return;
        }
        gradeCell(index);
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
        // With prompt storage off an answered judge's reply is not kept: it is asked again.
        const bool verdictKept = record && (!answered(record->status) || !record->answer.isEmpty());
        if (record && ended(record->status) && verdictKept) {
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
    if (spec.kind == GraderKind::LlmPairwise) {
        const EvaluationCell& baselineCell = m_cells.at(cellIndex(cell.promptIndex, baselineOf(spec)));
        const QString baseline = Grader::judgedAnswer(baselineCell.answer, baselineCell.toolCalls);
        const QString answer = Grader::judgedAnswer(cell.answer, cell.toolCalls);
        const bool modelFirst = pairwiseModelFirst(index, int(m_pairwise.value(index).size()));
        call(index, spec.judgeModel,
             Grader::pairwiseRequest(item.prompt, item.expected, modelFirst ? answer : baseline,
                                     modelFirst ? baseline : answer),
             true);
        return;
    }
    call(index, spec.judgeModel,
         Grader::judgeRequest(spec, item.prompt, item.expected, Grader::judgedAnswer(cell.answer, cell.toolCalls)),
         true);
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
    if (spec.kind == GraderKind::LlmPairwise && answered(record.status)) {
        QString why;
        const auto choice = Grader::pairwiseChoice(record.answer, &why);
        if (choice) {
            QList<PairwiseVerdict>& verdicts = m_pairwise[index];
            // The judge names A or B; from the model's side, A is it only when it was shown first.
            const bool modelFirst = pairwiseModelFirst(index, int(verdicts.size()));
            verdicts.append(modelFirst ? *choice : flipped(*choice));
            if (verdicts.size() < 2) {
                nextJudge(index); // the other order
                return;
            }
            const PairwiseVerdict verdict = PairwiseVerdicts::combine(verdicts.at(0), verdicts.at(1));
            m_pairwise.remove(index);
            const QString baseline = baselineOf(spec);
            grade = verdict == PairwiseVerdict::Loss
                ? Grade::fail(tr("worse than the baseline %1 in both orders").arg(baseline),
                              PairwiseVerdicts::points(verdict))
                : Grade::pass(PairwiseVerdicts::points(verdict));
        } else {
            grade = Grade::error(why);
        }
    } else if (answered(record.status)) {
        grade = Grader::judgeVerdict(spec, record.answer);
    } else {
        // The answer was paid for and stays; only the judging failed: a result, not a retry.
        grade = Grade::error(
            tr("the judge %1 could not be asked: %2")
                .arg(spec.judgeModel,
                     record.errorMessage.isEmpty() ? RequestStatuses::id(record.status) : record.errorMessage));
    }
    if (spec.kind == GraderKind::LlmPairwise && grade.outcome == GradeOutcome::Error) {
        // One order could not be judged: the pair gets no verdict, and the other order is not asked.
        m_pairwise.remove(index);
        if (!judges.isEmpty() && judges.first().kind == GraderKind::LlmPairwise) {
            judges.removeFirst();
        }
    }
    m_grades[index].append(GraderVerdict::of(spec, grade));
    nextJudge(index);
}

void EvaluationRun::failCell(int index, const QString& reason)
{
    EvaluationCell& cell = m_cells[index];
    if ((!cell.answer.isEmpty() || !cell.toolCalls.isEmpty()) && cell.state != CellState::Done
        && !cell.requestId.isEmpty() && !m_cancelled) {
        // The model answered but a judge could not even be called: keep the answer, grade it an error.
        const QList<GraderSpec> judges = m_judges.value(index);
        m_grades[index].append(GraderVerdict::of(judges.value(0), Grade::error(reason)));
        m_judges[index].clear();
        gradeCell(index);
        return;
    }
    cell.state = CellState::Failed;
    cell.verdicts.clear();
    cell.error = reason;
    cell.grade = Grade::error(reason);
    finishCell(index);
}

void EvaluationRun::gradeCell(int index)
{
    EvaluationCell& cell = m_cells[index];
    const QList<GraderVerdict> verdicts = m_grades.value(index);
    cell.grade = GraderVerdict::combine(verdicts);
    cell.verdicts = verdicts.size() > 1 ? verdicts : QList<GraderVerdict> {};
    cell.state = CellState::Done;
    finishCell(index);
}

void EvaluationRun::finishCell(int index)
{
    save(index);
    // Cells waiting for this baseline's answer: it failed, so they are asked again on resume
    // (their own answers are graded as recorded then, not paid for again).
    const QList<int> waiting = m_parked.take(index);
    for (int other : waiting) {
        EvaluationCell& cell = m_cells[other];
        cell.state = CellState::Failed;
        cell.error = tr("the baseline %1 has no answer to compare with").arg(m_cells.at(index).model);
        cell.grade = Grade::error(cell.error);
        finishCell(other);
    }
    --m_inFlight;
    ++m_finishedThisRun;
    m_grades.remove(index);
    m_judges.remove(index);
    m_replayJudges.remove(index);
    m_judgeCosted.remove(index);
    m_pairwise.remove(index);
    m_answered.remove(index);
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
