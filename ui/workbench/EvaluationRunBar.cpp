#include "ui/workbench/EvaluationRunBar.h"

#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationPlan.h"
#include "core/evaluation/EvaluationRun.h"
#include "core/evaluation/PromptTools.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/StatusColors.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {
QString timeLeft(qint64 ms)
{
    if (ms < 0) {
        return EvaluationRunBar::tr("estimating the time left");
    }
    if (ms < 60000) {
        return EvaluationRunBar::tr("about %n second(s) left", nullptr, int((ms + 999) / 1000));
    }
    return EvaluationRunBar::tr("about %n minute(s) left", nullptr, int((ms + 59999) / 60000));
}
} // namespace

EvaluationRunBar::EvaluationRunBar(Engine& engine, QWidget* parent)
    : QGroupBox(tr("Run an evaluation"), parent)
    , m_engine(engine)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse..."), this))
    , m_models(new QListWidget(this))
    , m_graders(new QPlainTextEdit(this))
    , m_tools(new QLineEdit(this))
    , m_concurrency(new QSpinBox(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel run"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("evaluationRunBar"));
    m_path->setObjectName(QStringLiteral("evaluationSetPath"));
    m_browse->setObjectName(QStringLiteral("evaluationBrowse"));
    m_path->setPlaceholderText(tr("A prompt set: .csv, .jsonl or promptfoo .yaml"));
    m_models->setObjectName(QStringLiteral("evaluationModels"));
    m_models->setMaximumHeight(96);
    for (const ModelConfig& model : engine.models()) {
        auto* item = new QListWidgetItem(model.id, m_models);
        item->setData(Qt::UserRole, model.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_graders->setObjectName(QStringLiteral("evaluationGraders"));
    m_graders->setPlaceholderText(tr("contains the expected answer"));
    m_graders->setToolTip(tr("The set's graders, one a line, for prompts that name none: equals[:TEXT], "
                             "contains[:TEXT], regex:PATTERN, json-valid, json-schema-valid:SCHEMA, "
                             "numeric[:TOLERANCE], tool-call:NAME, llm-judge:MODEL[:THRESHOLD], "
                             "llm-pairwise:JUDGE[:BASELINE]"));
    m_graders->setTabChangesFocus(true);
    m_graders->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Three lines tall, shown whole: room for a few graders without pushing the buttons down.
    m_graders->setFixedHeight(m_graders->fontMetrics().lineSpacing() * 3 + 2 * m_graders->frameWidth()
                              + int(m_graders->document()->documentMargin() * 2) + m_graders->fontMetrics().descent()
                              + 2);
    m_tools->setObjectName(QStringLiteral("evaluationToolsPath"));
    m_tools->setPlaceholderText(tr("Optional: a tools file (.json) for the prompts that offer none"));
    m_tools->setToolTip(tr("OpenAI's tools list, or an object with \"tools\" and \"tool_choice\"; offered to "
                           "every model, so tool-call graders grade real calls"));
    m_concurrency->setObjectName(QStringLiteral("evaluationConcurrency"));
    m_concurrency->setRange(1, 64);
    m_concurrency->setValue(EvaluationRun::kDefaultConcurrency);
    m_concurrency->setToolTip(tr("Cells in flight at once; each provider's own limit applies too"));
    m_start->setObjectName(QStringLiteral("evaluationStart"));
    m_pause->setObjectName(QStringLiteral("evaluationPause"));
    m_cancel->setObjectName(QStringLiteral("evaluationCancel"));
    m_progress->setObjectName(QStringLiteral("evaluationProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m cells"));
    m_status->setObjectName(QStringLiteral("evaluationRunStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto* grid = new QGridLayout(this);
    auto* setRow = new QHBoxLayout;
    setRow->addWidget(m_path, 1);
    setRow->addWidget(m_browse);
    auto* setLabel = new QLabel(tr("Prompt s&et:"), this);
    setLabel->setBuddy(m_path);
    grid->addWidget(setLabel, 0, 0);
    grid->addLayout(setRow, 0, 1, 1, 3);
    auto* modelsLabel = new QLabel(tr("&Models:"), this);
    modelsLabel->setBuddy(m_models);
    grid->addWidget(modelsLabel, 1, 0, Qt::AlignTop);
    grid->addWidget(m_models, 1, 1, 1, 3);
    auto* toolsLabel = new QLabel(tr("T&ools:"), this);
    toolsLabel->setBuddy(m_tools);
    grid->addWidget(toolsLabel, 2, 0);
    grid->addWidget(m_tools, 2, 1, 1, 3);
    auto* graderLabel = new QLabel(tr("&Graders:"), this);
    graderLabel->setBuddy(m_graders);
    grid->addWidget(graderLabel, 3, 0, Qt::AlignTop);
    auto* graderColumn = new QVBoxLayout;
    graderColumn->addWidget(m_graders);
    auto* graderHint = new QLabel(tr("One a line; a cell passes when every grader passes. Prompts that name their "
                                     "own graders in the file are graded by those instead."),
                                  this);
    graderHint->setObjectName(QStringLiteral("evaluationGradersHint"));
    graderHint->setWordWrap(true);
    graderHint->setEnabled(false); // read as a hint, in the disabled text colour
    graderColumn->addWidget(graderHint);
    grid->addLayout(graderColumn, 3, 1);
    auto* concurrencyLabel = new QLabel(tr("Ce&lls at once:"), this);
    concurrencyLabel->setBuddy(m_concurrency);
    grid->addWidget(concurrencyLabel, 3, 2, Qt::AlignTop);
    grid->addWidget(m_concurrency, 3, 3, Qt::AlignTop);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    grid->addLayout(buttons, 4, 0, 1, 4);
    grid->addWidget(m_status, 5, 0, 1, 4);
    grid->setColumnStretch(1, 1);

    connect(m_browse, &QPushButton::clicked, this, &EvaluationRunBar::browse);
    connect(m_start, &QPushButton::clicked, this, &EvaluationRunBar::start);
    connect(m_pause, &QPushButton::clicked, this, &EvaluationRunBar::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &EvaluationRunBar::cancel);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &EvaluationRunBar::publish);
    updateButtons();
}

EvaluationRunBar::~EvaluationRunBar()
{
    // A run torn down with the window: its calls are recorded as cancelled, its cells resumable.
    delete m_run;
}

QString EvaluationRunBar::statusText() const
{
    return m_status->text();
}

bool EvaluationRunBar::isRunning() const
{
    return m_reading || (m_run && m_run->isRunning());
}

void EvaluationRunBar::checkModels(const QStringList& ids)
{
    for (int row = 0; row < m_models->count(); ++row) {
        QListWidgetItem* item = m_models->item(row);
        item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void EvaluationRunBar::browse()
{
    const QString path = FileDialogs::openFileName(this, tr("Prompt set"), FileDialogs::startDirectory(),
                                                   tr("Prompt sets (*.csv *.jsonl *.ndjson *.yaml *.yml)"));
    if (!path.isEmpty()) {
        m_path->setText(path);
    }
}

void EvaluationRunBar::start()
{
    if (isRunning()) {
        return;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        showError(tr("Choose a prompt set file first."));
        return;
    }
    m_reading = true;
    updateButtons();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading %1...").arg(path));
    // A large set takes a while to read and check: not on the window's thread.
    using Read = std::pair<PromptSet, PromptTools>; // the set and the --tools file's tools
    auto* watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcher<Read>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_reading = false;
        const Read read = watcher->result();
        begin(path, read.first, read.second);
    });
    const QString tools = m_tools->text().trimmed();
    watcher->setFuture(QtConcurrent::run([path, tools] {
        const PromptSet set = PromptSet::read(path);
        if (!set.ok() || tools.isEmpty()) {
            return std::make_pair(set, PromptTools {});
        }
        QString error;
        const auto offered = PromptTools::readFile(tools, &error);
        return offered ? std::make_pair(set, *offered) : std::make_pair(PromptSet::failed(error), PromptTools {});
    }));
}

void EvaluationRunBar::begin(const QString& path, const PromptSet& prompts, const PromptTools& tools)
{
    QStringList models;
    for (int row = 0; row < m_models->count(); ++row) {
        if (m_models->item(row)->checkState() == Qt::Checked) {
            models.append(m_models->item(row)->data(Qt::UserRole).toString());
        }
    }
    QList<GraderSpec> graders;
    QString error;
    const QStringList lines = m_graders->toPlainText().split(u'\n');
    for (int line = 0; line < lines.size(); ++line) {
        const QString text = lines.at(line).trimmed();
        if (text.isEmpty()) {
            continue;
        }
        const auto spec = GraderSpec::parse(text, &error);
        if (!spec) {
            showError(tr("Graders, line %1: %2").arg(line + 1).arg(error));
            return;
        }
        graders.append(*spec);
    }
    if (models.isEmpty() && prompts.ok()) {
        showError(tr("Check at least one model to ask."));
        return;
    }
    const auto info = EvaluationPlan::of(path, prompts, graders, models, &error, tools);
    if (!info) {
        showError(error);
        return;
    }
    if (launch([info](EvaluationRun* run, QString* why) { return run->start(*info, why); })) {
        m_graded = EvaluationPlan::describeGraders(*info);
        m_status->setText(m_graded);
    }
}

bool EvaluationRunBar::resumeEvaluation(qint64 id)
{
    if (isRunning()) {
        return false;
    }
    if (!launch([id](EvaluationRun* run, QString* why) { return run->resumeEvaluation(id, why); })) {
        return false;
    }
    m_graded = EvaluationPlan::describeGraders(m_run->info());
    return true;
}

bool EvaluationRunBar::launch(const std::function<bool(EvaluationRun*, QString*)>& how)
{
    QString error;
    if (!m_store) {
        m_store = std::make_unique<EvaluationStore>(m_engine.ledgerPath());
        if (!m_store->open(&error)) {
            m_store.reset();
            showError(tr("The ledger cannot be written: %1").arg(error));
            return false;
        }
    }
    delete m_run;
    m_run = new EvaluationRun(m_engine, *m_store, this);
    m_run->setConcurrency(m_concurrency->value());
    connect(m_run, &EvaluationRun::progressed, this, &EvaluationRunBar::showProgress);
    connect(m_run, &EvaluationRun::cellFinished, this, [this] {
        if (!m_refresh.isActive()) {
            m_refresh.start();
        }
    });
    connect(m_run, &EvaluationRun::paused, this, &EvaluationRunBar::updateButtons);
    connect(m_run, &EvaluationRun::resumed, this, &EvaluationRunBar::updateButtons);
    connect(m_run, &EvaluationRun::storeFailed, this,
            [this](const QString& message) { showError(tr("The ledger did not take a cell: %1").arg(message)); });
    connect(m_run, &EvaluationRun::finished, this, [this](EvaluationStatus status) {
        m_refresh.stop();
        publish();
        const int done = m_run->doneCount();
        const int total = int(m_run->cells().size());
        m_status->setText(status == EvaluationStatus::Complete
                              ? tr("Evaluation %1 complete: %2 cells.").arg(m_run->evaluationId()).arg(total)
                                  + (m_graded.isEmpty() ? QString() : QLatin1Char(' ') + m_graded)
                              : tr("Evaluation %1 stopped with %2 of %3 cells done; resume it to ask the rest.")
                                    .arg(m_run->evaluationId())
                                    .arg(done)
                                    .arg(total));
        updateButtons();
        emit evaluationFinished(m_run->evaluationId(), status);
    });
    if (!how(m_run, &error)) {
        delete m_run;
        m_run = nullptr;
        showError(error);
        return false;
    }
    m_status->setStyleSheet(QString());
    updateButtons();
    emit evaluationStarted(m_run->evaluationId());
    publish();
    return true;
}

void EvaluationRunBar::showProgress(int done, int total, qint64 etaMs)
{
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(done);
    if (m_run && m_run->isRunning()) {
        m_status->setText(m_run->isPaused() ? tr("Paused: the cells in flight finish, no new one starts.")
                                            : tr("Evaluation %1: %2.").arg(m_run->evaluationId()).arg(timeLeft(etaMs))
                                  + (m_graded.isEmpty() ? QString() : QLatin1Char(' ') + m_graded));
    }
}

void EvaluationRunBar::showError(const QString& message)
{
    m_reading = false;
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(StatusColors::name(StatusTone::Bad)));
    m_status->setText(message);
    updateButtons();
    emit failed(message);
}

void EvaluationRunBar::togglePause()
{
    if (!m_run || !m_run->isRunning()) {
        return;
    }
    if (m_run->isPaused()) {
        m_run->resume();
    } else {
        m_run->pause();
        m_status->setText(tr("Paused: the cells in flight finish, no new one starts."));
    }
    updateButtons();
}

void EvaluationRunBar::cancel()
{
    if (m_run && m_run->isRunning()) {
        m_run->cancel();
    }
}

void EvaluationRunBar::updateButtons()
{
    const bool running = isRunning();
    for (QWidget* input :
         std::initializer_list<QWidget*> { m_path, m_browse, m_models, m_graders, m_tools, m_concurrency, m_start }) {
        input->setEnabled(!running);
    }
    const bool live = m_run && m_run->isRunning();
    m_pause->setEnabled(live);
    m_cancel->setEnabled(live);
    m_pause->setText(live && m_run->isPaused() ? tr("&Resume") : tr("&Pause"));
}

void EvaluationRunBar::publish()
{
    if (m_run) {
        emit cellsChanged(m_run->info(), m_run->cells());
    }
}
