#include "ui/workbench/EvaluationSetDialog.h"

#include "core/evaluation/HistorySet.h"
#include "ui/common/FileDialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

EvaluationSetDialog::EvaluationSetDialog(const QList<RequestRecord>& records, const QString& suggestedPath,
                                         QWidget* parent)
    : QDialog(parent)
    , m_records(records)
    , m_expected(new QComboBox(this))
    , m_path(new QLineEdit(suggestedPath, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New Evaluation Set"));
    setObjectName(QStringLiteral("evaluationSetDialog"));
    m_expected->setObjectName(QStringLiteral("evaluationSetExpected"));
    m_path->setObjectName(QStringLiteral("evaluationSetFile"));
    m_error->setObjectName(QStringLiteral("evaluationSetError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_expected->addItem(tr("No expected answer"), QString());
    QSet<QString> runs;
    QStringList models;
    for (const RequestRecord& record : records) {
        runs.insert(record.compareGroup.isEmpty() ? record.id : record.compareGroup);
        if (!record.finalModel.isEmpty() && !models.contains(record.finalModel)) {
            models.append(record.finalModel);
        }
    }
    for (const QString& model : std::as_const(models)) {
        m_expected->addItem(tr("The answer of %1").arg(model), model);
    }
    auto* browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &EvaluationSetDialog::browse);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&Expected answer:"), m_expected);
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);
    auto* intro = new QLabel(tr("%n run(s) selected. Each prompt becomes a line of a JSONL prompt set, which "
                                "opens in the evaluation run box.",
                                nullptr, int(runs.size())),
                             this);
    intro->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Write Set"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EvaluationSetDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EvaluationSetDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(qMax(sizeHint().width(), 560), sizeHint().height());
}

EvaluationSetDialog::~EvaluationSetDialog() = default;

QString EvaluationSetDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void EvaluationSetDialog::browse()
{
    const QString path
        = FileDialogs::saveFileName(this, tr("Save the Prompt Set"), m_path->text(), tr("Prompt sets (*.jsonl)"));
    if (!path.isEmpty()) {
        m_path->setText(path);
    }
}

void EvaluationSetDialog::accept()
{
    QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_error->setText(tr("Name the file to write."));
        m_error->show();
        return;
    }
    if (!path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".jsonl"); // the set is JSONL; PromptSet reads it by its suffix
    }
    const QString model = m_expected->currentData().toString();
    const HistorySet::Result set = HistorySet::of(HistorySet::runsAnsweredBy(m_records, model), !model.isEmpty());
    if (set.written == 0) {
        m_error->setText(tr("No prompt to write: %1").arg(HistorySet::describe(set)));
        m_error->show();
        return;
    }
    QString error;
    if (!HistorySet::save(path, set.jsonl, &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_written = path;
    QDialog::accept();
}
