#pragma once

#include "core/evaluation/EvaluationStore.h"

#include <QGroupBox>
#include <QTimer>

#include <memory>

class Engine;
class EvaluationRun;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

// The evaluation dialog's "Run" box: a prompt set file (read on a worker thread), the models to
// ask (checked in a list of the configured ones), the set's graders (one a line; a cell passes when
// every grader passes, and a prompt's own graders from the file replace them) and how many cells at once;
// then Start, Pause/Resume and Cancel of the run with its progress and the time left. The run
// itself is asynchronous (EvaluationRun: calls through the engine, each cell saved as it ends), so
// the window never waits on it; an incomplete evaluation shown in the dialog can be resumed.
class EvaluationRunBar final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationRunBar)

public:
    explicit EvaluationRunBar(Engine& engine, QWidget* parent = nullptr);
    ~EvaluationRunBar() override;

    QLineEdit* setPath() const { return m_path; }
    QListWidget* models() const { return m_models; }
    // The set's graders, one a line (KIND[:ARG] as `eval run --grader`; a pattern may hold commas).
    QPlainTextEdit* graders() const { return m_graders; }
    // Optional: a tools file offered with every prompt that offers none (as `eval run --tools`).
    QLineEdit* toolsPath() const { return m_tools; }
    QSpinBox* concurrency() const { return m_concurrency; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progress() const { return m_progress; }
    QString statusText() const;
    bool isRunning() const;
    // Checks the models with these ids (the others unchecked).
    void checkModels(const QStringList& ids);

    // Reads the set (on a worker thread) and starts a new evaluation; errors are shown, nothing is sent.
    void start();
    // Asks the cells of evaluation `id` that are not done.
    bool resumeEvaluation(qint64 id);
    void togglePause();
    void cancel();

signals:
    void evaluationStarted(qint64 id);
    // The run's cells as they are now, at most every kRefreshMs while it runs, and at its end.
    void cellsChanged(const EvaluationInfo& info, const QList<EvaluationCell>& cells);
    void evaluationFinished(qint64 id, EvaluationStatus status);
    void failed(const QString& message);

public:
    static constexpr int kRefreshMs = 250;

private:
    void browse();
    void begin(const QString& path, const PromptSet& prompts, const PromptTools& tools);
    bool launch(const std::function<bool(EvaluationRun*, QString*)>& how);
    void showProgress(int done, int total, qint64 etaMs);
    void showError(const QString& message);
    void updateButtons();
    void publish();

    Engine& m_engine;
    std::unique_ptr<EvaluationStore> m_store;
    EvaluationRun* m_run = nullptr;
    bool m_reading = false;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QListWidget* m_models;
    QPlainTextEdit* m_graders;
    QLineEdit* m_tools;
    QSpinBox* m_concurrency;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QString m_graded; // how the running evaluation's cells are graded (EvaluationPlan::describeGraders)
    QTimer m_refresh;
};
