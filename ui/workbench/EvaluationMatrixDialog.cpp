#include "ui/workbench/EvaluationMatrixDialog.h"

#include "core/evaluation/EvaluationStore.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/StatusColors.h"
#include "ui/workbench/EvaluationMatrixModel.h"
#include "ui/workbench/EvaluationRunBar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

EvaluationMatrixDialog::EvaluationMatrixDialog(const QString& ledgerLocation, QWidget* parent)
    : QDialog(parent)
    , m_store(std::make_unique<EvaluationStore>(ledgerLocation))
    , m_model(new EvaluationMatrixModel(this))
    , m_picker(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("evaluationMatrixDialog"));
    setWindowTitle(tr("Evaluation results"));
    m_picker->setObjectName(QStringLiteral("evaluationPicker"));
    m_table->setObjectName(QStringLiteral("evaluationMatrix"));
    m_table->setModel(m_model);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->setObjectName(QStringLiteral("evaluationSummary"));
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("evaluationError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(StatusColors::name(StatusTone::Bad)));
    m_error->hide();

    auto* top = new QHBoxLayout;
    m_top = top;
    top->addWidget(new QLabel(tr("Evaluation:"), this));
    top->addWidget(m_picker, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    const struct
    {
        EvaluationExport::Format format;
        QString text;
        const char* name;
    } exports[] = {
        { EvaluationExport::Format::Csv, tr("Export CSV..."), "evaluationExportCsv" },
        { EvaluationExport::Format::Jsonl, tr("Export JSONL..."), "evaluationExportJsonl" },
        { EvaluationExport::Format::Html, tr("Export HTML..."), "evaluationExportHtml" },
    };
    for (const auto& entry : exports) {
        QPushButton* button = buttons->addButton(entry.text, QDialogButtonBox::ActionRole);
        button->setObjectName(QLatin1String(entry.name));
        const EvaluationExport::Format format = entry.format;
        connect(button, &QPushButton::clicked, this, [this, format] { exportAs(format); });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    QString error;
    if (!m_store->open(&error)) {
        m_error->setText(tr("The ledger cannot be read: %1").arg(error));
        m_error->show();
    } else {
        reloadList();
    }
    if (m_evaluations.isEmpty() && m_error->isHidden()) {
        m_summary->setText(tr("No evaluation yet: run one with `switchyard eval run SET --models A,B`."));
    }
    connect(m_picker, &QComboBox::currentIndexChanged, this,
            [this](int index) { showEvaluation(m_picker->itemData(index).toLongLong()); });
    if (!m_evaluations.isEmpty()) {
        showEvaluation(m_evaluations.first().id);
    }
    resize(1000, 560); // two models side by side, each cell with its verdict, graders, cost and latency
}

void EvaluationMatrixDialog::reloadList()
{
    QString error;
    auto evaluations = m_store->list(&error);
    if (!evaluations) {
        m_error->setText(tr("The evaluations cannot be read: %1").arg(error));
        m_error->show();
        return;
    }
    m_evaluations = *evaluations;
    const QSignalBlocker blocker(m_picker);
    const qint64 shown = m_model->info().id;
    m_picker->clear();
    for (const EvaluationInfo& info : std::as_const(m_evaluations)) {
        m_picker->addItem(tr("%1: %2, %3 prompts x %4 models")
                              .arg(info.id)
                              .arg(info.name)
                              .arg(info.prompts.size())
                              .arg(info.models.size()),
                          info.id);
    }
    m_picker->setCurrentIndex(qMax(0, m_picker->findData(shown)));
    updateResume();
}

void EvaluationMatrixDialog::openSet(const QString& path, const QStringList& models)
{
    if (!m_runBar) {
        return;
    }
    m_runBar->setPath()->setText(path);
    m_runBar->checkModels(models);
}

void EvaluationMatrixDialog::enableRuns(Engine& engine)
{
    if (m_runBar) {
        return;
    }
    m_runBar = new EvaluationRunBar(engine, this);
    static_cast<QVBoxLayout*>(layout())->insertWidget(0, m_runBar);
    m_resume = new QPushButton(tr("Resume evaluation"), this);
    m_resume->setObjectName(QStringLiteral("evaluationResume"));
    m_resume->setToolTip(tr("Ask the cells of the evaluation shown that are not done; what was paid for is not "
                            "asked again"));
    m_top->addWidget(m_resume);
    connect(m_resume, &QPushButton::clicked, this, [this] { m_runBar->resumeEvaluation(m_model->info().id); });
    connect(m_runBar, &EvaluationRunBar::evaluationStarted, this, [this](qint64 id) {
        reloadList();
        showEvaluation(id);
    });
    connect(m_runBar, &EvaluationRunBar::cellsChanged, this,
            [this](const EvaluationInfo& info, const QList<EvaluationCell>& cells) {
                if (info.id != m_model->info().id) {
                    return;
                }
                m_model->setEvaluation(info, cells);
                fitColumns();
                showSummary();
            });
    connect(m_runBar, &EvaluationRunBar::evaluationFinished, this, [this] { reloadList(); });
    resize(width(), height() + m_runBar->sizeHint().height());
    updateResume();
}

void EvaluationMatrixDialog::updateResume()
{
    if (!m_resume) {
        return;
    }
    const qint64 shown = m_model->info().id;
    bool incomplete = false;
    for (const EvaluationInfo& info : std::as_const(m_evaluations)) {
        incomplete = incomplete || (info.id == shown && info.status != EvaluationStatus::Complete);
    }
    m_resume->setEnabled(incomplete && !m_runBar->isRunning());
}

void EvaluationMatrixDialog::showSummary()
{
    const auto suggestion = EvaluationSummary::cheapestPassing(m_model->summaries());
    m_summary->setText(suggestion.model.isEmpty()
                           ? suggestion.reason
                           : tr("Cheapest model that passes: %1. %2").arg(suggestion.model, suggestion.reason));
}

EvaluationMatrixDialog::~EvaluationMatrixDialog() = default;

QString EvaluationMatrixDialog::summaryText() const
{
    return m_summary->text();
}

QString EvaluationMatrixDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

// Every model column at least as wide as the widest one needs, and the spare width shared by
// all of them (no empty band on the right); more models than fit scroll.
void EvaluationMatrixDialog::fitColumns()
{
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_table->resizeColumnsToContents();
    int widest = 0;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        widest = qMax(widest, header->sectionSize(column));
    }
    header->setMinimumSectionSize(widest);
    header->setSectionResizeMode(QHeaderView::Stretch);
}

void EvaluationMatrixDialog::showEvaluation(qint64 id)
{
    for (const EvaluationInfo& info : std::as_const(m_evaluations)) {
        if (id != 0 && info.id != id) {
            continue;
        }
        QString error;
        const auto cells = m_store->cells(info.id, &error);
        if (!cells) {
            m_error->setText(tr("The evaluation's cells cannot be read: %1").arg(error));
            m_error->show();
            return;
        }
        m_error->hide();
        m_model->setEvaluation(info, *cells);
        fitColumns();
        const int pickerIndex = m_picker->findData(info.id);
        if (pickerIndex != m_picker->currentIndex()) {
            m_picker->setCurrentIndex(pickerIndex);
        }
        showSummary();
        updateResume();
        return;
    }
}

void EvaluationMatrixDialog::exportAs(EvaluationExport::Format format)
{
    if (m_model->info().id == 0) {
        return;
    }
    const QString suffix = format == EvaluationExport::Format::Csv ? QStringLiteral("csv")
        : format == EvaluationExport::Format::Jsonl                ? QStringLiteral("jsonl")
                                                                   : QStringLiteral("html");
    const QString path = FileDialogs::saveFileName(
        this, tr("Export the evaluation"), QStringLiteral("evaluation-%1.%2").arg(m_model->info().id).arg(suffix),
        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!EvaluationExport::write(path, m_model->info(), m_model->cells(), &error)) {
        m_error->setText(error);
        m_error->show();
    }
}
