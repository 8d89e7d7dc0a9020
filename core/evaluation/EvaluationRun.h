#pragma once

#include "core/evaluation/EvaluationCell.h"
#include "core/evaluation/EvaluationStore.h"
#include "core/evaluation/PairwiseVerdict.h"
#include "core/ledger/LedgerRecords.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class Engine;
class ProviderCall;
struct CallError;
struct CallResult;
struct ChatRequest;

// An evaluation running: every prompt x model cell asked through the engine as a direct call
// (the provider's concurrency limit applies in ProviderClient, and at most `concurrency` cells
// are in flight at once), recorded in the ledger by the engine (source "evaluation", the answer
// kept in the row) with the cell keeping that request's uuid and cost, graded, and saved at once.
// The llm-judge's call is made the same way. A cell whose call failed is saved as failed and asked
// again on resume; a done cell never is.
//
// Crash safety: a call's uuid is chosen and saved with its cell before the request goes out, and
// the engine records the call under it (its journal keeps the row through a SIGKILL). A resume
// first looks each unfinished cell's calls up in the ledger: an answer recorded there is graded
// as it is, a judge's recorded verdict is read again; only calls that never ended (interrupted,
// cancelled) or left no row are asked again. So the process may die between the ledger recording
// an answer and the cell being saved without that answer being paid for twice.
//
// Pairwise judging (llm-pairwise): the baseline model's cell of a prompt is asked first; another
// model's answer is judged against it in both orders once both are in (a cell whose answer comes
// first waits, its answer saved), each order a judge call replayed on resume like the 1-10 judge's.
class EvaluationRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationRun)

public:
    static constexpr int kDefaultConcurrency = 4;

    EvaluationRun(Engine& engine, EvaluationStore& store, QObject* parent = nullptr);
    ~EvaluationRun() override;

    void setConcurrency(int cells) { m_concurrency = qMax(1, cells); }
    int concurrency() const { return m_concurrency; }

    // Creates the evaluation in the ledger and starts it. False (nothing created, nothing sent)
    // when a model or a judge model is not configured, or the ledger cannot take it.
    bool start(EvaluationInfo info, QString* error);
    // Starts the cells of evaluation `id` that are not done.
    bool resumeEvaluation(qint64 id, QString* error);

    // No new cell starts while paused; those in flight finish.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    // Stops the calls in flight (recorded as cancelled; their cells stay to be asked again).
    void cancel();
    bool isRunning() const { return m_running; }

    qint64 evaluationId() const { return m_info.id; }
    const EvaluationInfo& info() const { return m_info; }
    const QList<EvaluationCell>& cells() const { return m_cells; }
    int doneCount() const;

signals:
    void cellFinished(int index);
    // Cells done of all, and the time left at this run's pace (-1 until a cell finished).
    void progressed(int done, int total, qint64 etaMs);
    void paused();
    void resumed();
    void finished(EvaluationStatus status);
    // The ledger could not take a cell (it is then asked again on resume).
    void storeFailed(const QString& message);

private:
    bool checkModels(QString* error) const;
    bool begin(QString* error);
    void pump();
    // The ledger's row of a call an earlier run made (nullopt: none, ask again).
    std::optional<RequestRecord> recorded(const QString& requestId) const;
    // A recorded answer graded without asking; false when the row holds no usable answer.
    bool reuseAnswer(int index, bool accounted);
    void launch(int index);
    // Starts a direct call; false with the cell failed when it cannot be sent.
    bool call(int index, const QString& modelName, const ChatRequest& request, bool judge);
    void onRecorded(const RequestRecord& record);
    // The call ended (answered, failed or cancelled) and the engine has just recorded it.
    void onCallEnded(ProviderCall* call, const CallResult& result, const CallError& error);
    void onAnswer(int index, const RequestRecord& record, const CallResult& result);
    // Adds a model call of the cell to its cost (every call is paid for, a failed one too).
    void accountCall(int index, const RequestRecord& record);
    // Grades an answer with the graders that need no call, then asks the judges.
    void gradeAnswer(int index, const CallResult& result);
    void onJudge(int index, const RequestRecord& record);
    void nextJudge(int index);
    void failCell(int index, const QString& reason);
    // The cell done with the verdicts so far: its grade their combination, each kept when several.
    void gradeCell(int index);
    void finishCell(int index);
    void save(int index);
    QList<GraderSpec> gradersOf(const PromptItem& item) const;
    // Pairwise judging: the prompt's llm-pairwise grader, its baseline model, a cell's index, and
    // whether the judge's `order`th call (0, 1) shows the model's answer first.
    std::optional<GraderSpec> pairwiseOf(const PromptItem& item) const;
    QString baselineOf(const GraderSpec& spec) const;
    int cellIndex(int promptIndex, const QString& model) const;
    bool pairwiseModelFirst(int index, int order) const;
    void maybeFinish();

    struct Pending
    {
        int cell = -1;
        bool judge = false;
        QString requestId;
    };

    Engine& m_engine;
    EvaluationStore& m_store;
    EvaluationInfo m_info;
    QList<EvaluationCell> m_cells;
    QList<int> m_queue; // cells still to launch, in order
    QHash<ProviderCall*, Pending> m_calls; // calls in flight
    std::optional<RequestRecord> m_lastRecord; // the row the engine recorded last
    QHash<int, QList<GraderVerdict>> m_grades; // cell -> each grader's verdict so far (judges add theirs)
    QHash<int, QList<GraderSpec>> m_judges; // cell -> judges still to ask
    QHash<int, QStringList> m_replayJudges; // cell -> judge calls an earlier run made, in judge order
    QSet<int> m_judgeCosted; // cells whose judgeCostUsd holds a sum of this run
    QHash<int, QList<PairwiseVerdict>> m_pairwise; // cell -> its verdict in each order judged so far
    QHash<int, QList<int>> m_parked; // baseline cell -> cells whose answer waits for its answer
    QSet<int> m_answered; // cells whose answer came in this run
    int m_inFlight = 0;
    int m_concurrency = kDefaultConcurrency;
    int m_finishedThisRun = 0;
    bool m_paused = false;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_waitingForLedger = false; // a resume waits for the ledger to commit what it holds
    QElapsedTimer m_clock;
};
