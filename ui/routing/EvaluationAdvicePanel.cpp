#include "ui/routing/EvaluationAdvicePanel.h"

#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationStore.h"
#include "ui/routing/RoutingDocument.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %");
}
} // namespace

EvaluationAdvicePanel::EvaluationAdvicePanel(Engine& engine, RoutingDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_document(document)
    , m_evaluationPicker(new QComboBox(this))
    , m_tierPicker(new QComboBox(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_summary(new QLabel(this))
    , m_apply(new QPushButton(this))
{
    setObjectName(QStringLiteral("evaluationAdvicePanel"));
    m_evaluationPicker->setObjectName(QStringLiteral("adviceEvaluationPicker"));
    m_evaluationPicker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_evaluationPicker->setMinimumContentsLength(24);
    m_tierPicker->setObjectName(QStringLiteral("adviceTierPicker"));
    m_table->setObjectName(QStringLiteral("adviceTable"));
    m_table->setHorizontalHeaderLabels({ tr("Model"), tr("Passes"), tr("95 % interval"), tr("Cost per prompt") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary->setObjectName(QStringLiteral("adviceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_apply->setObjectName(QStringLiteral("adviceApply"));
    m_apply->hide();
    connect(m_apply, &QPushButton::clicked, this, &EvaluationAdvicePanel::applySuggestion);

    auto* form = new QFormLayout;
    form->addRow(tr("&Evaluation:"), m_evaluationPicker);
    form->addRow(tr("T&ier:"), m_tierPicker);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_apply, 0, Qt::AlignLeft);

    connect(m_evaluationPicker, &QComboBox::currentIndexChanged, this,
            [this](int index) { showEvaluation(m_evaluationPicker->itemData(index).toLongLong()); });
    connect(m_tierPicker, &QComboBox::currentIndexChanged, this, &EvaluationAdvicePanel::refresh);
    connect(document, &RoutingDocument::policyChanged, this, [this] {
        refreshTiers();
        refresh();
    });
    refreshTiers();
    reload();
}

EvaluationAdvicePanel::~EvaluationAdvicePanel() = default;

void EvaluationAdvicePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload(); // an evaluation may have finished since
}

void EvaluationAdvicePanel::reload()
{
    m_evaluations.clear();
    QString error;
    if (m_engine.ledgerPath().isEmpty()) {
        error = tr("there is no ledger");
    } else if (!m_store) {
        m_store = std::make_unique<EvaluationStore>(m_engine.ledgerPath());
        if (!m_store->open(&error)) {
            m_store.reset();
        }
    }
    if (m_store) {
        if (auto evaluations = m_store->list(&error)) {
            m_evaluations = *evaluations;
        }
    }
    const qint64 shown = m_shown;
    {
        const QSignalBlocker blocker(m_evaluationPicker);
        m_evaluationPicker->clear();
        for (const EvaluationInfo& info : std::as_const(m_evaluations)) {
            m_evaluationPicker->addItem(tr("%1: %2, %3 prompts x %4 models")
                                            .arg(info.id)
                                            .arg(info.name)
                                            .arg(info.prompts.size())
                                            .arg(info.models.size()),
                                        info.id);
        }
    }
    if (m_evaluations.isEmpty()) {
        m_shown = 0;
        m_cells.clear();
        m_advice = {};
        m_table->setRowCount(0);
        m_apply->hide();
        m_summary->setText(error.isEmpty()
                               ? tr("No evaluation yet: run one with `switchyard eval run SET --models A,B`.")
                               : tr("The evaluations cannot be read: %1").arg(error));
        return;
    }
    const bool stillThere = std::any_of(m_evaluations.cbegin(), m_evaluations.cend(),
                                        [shown](const EvaluationInfo& info) { return info.id == shown; });
    showEvaluation(stillThere ? shown : 0);
}

void EvaluationAdvicePanel::showEvaluation(qint64 id)
{
    for (const EvaluationInfo& info : std::as_const(m_evaluations)) {
        if (id != 0 && info.id != id) {
            continue;
        }
        QString error;
        const auto cells = m_store->cells(info.id, &error);
        m_shown = info.id;
        m_cells = cells.value_or(QList<EvaluationCell> {});
        {
            const QSignalBlocker blocker(m_evaluationPicker);
            m_evaluationPicker->setCurrentIndex(m_evaluationPicker->findData(info.id));
        }
        refresh();
        if (!cells) {
            m_summary->setText(tr("The evaluation's cells cannot be read: %1").arg(error));
        }
        return;
    }
}

void EvaluationAdvicePanel::showTier(const QString& tier)
{
    m_tierPicker->setCurrentIndex(m_tierPicker->findText(tier));
}

QString EvaluationAdvicePanel::summaryText() const
{
    return m_summary->text();
}

void EvaluationAdvicePanel::refreshTiers()
{
    const QString current = m_tierPicker->currentText();
    const QSignalBlocker blocker(m_tierPicker);
    m_tierPicker->clear();
    for (const RoutingTier& tier : m_document->policy().tiers) {
        m_tierPicker->addItem(tier.name);
    }
    const int index = m_tierPicker->findText(current);
    m_tierPicker->setCurrentIndex(index >= 0 ? index : 0);
}

void EvaluationAdvicePanel::refresh()
{
    const EvaluationInfo* info = nullptr;
    for (const EvaluationInfo& candidate : std::as_const(m_evaluations)) {
        if (candidate.id == m_shown) {
            info = &candidate;
        }
    }
    if (!info || m_tierPicker->currentIndex() < 0) {
        return;
    }
    // An evaluation's model names may be aliases ("gpt-4.1-mini") or groups of the policy.
    m_advice = TierAdvice::of(m_document->policy(), m_tierPicker->currentText(), *info, m_cells,
                              [this](const QString& name) {
                                  const ModelConfig* model = m_engine.resolveModel(name, nullptr);
                                  return model ? model->id : QString();
                              });
    m_table->setRowCount(int(m_advice.models.size()));
    for (int row = 0; row < m_advice.models.size(); ++row) {
        const ModelSummary& model = m_advice.models.at(row);
        const QStringList texts {
            model.model,
            tr("%1 of %2").arg(model.passes).arg(model.graded),
            model.graded == 0 ? QString()
                              : percent(model.wilsonLow) + QStringLiteral(" – ") + percent(model.wilsonHigh),
            model.costPerPrompt ? Money::format(*model.costPerPrompt) : tr("unpriced"),
        };
        for (int column = 0; column < texts.size(); ++column) {
            auto* item = new QTableWidgetItem(texts.at(column));
            if (model.model == m_advice.suggestion.model && !m_advice.suggestion.model.isEmpty()) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(row, column, item);
        }
    }
    m_summary->setText(m_advice.summary());
    m_apply->setText(tr("Make %1 the primary of %2").arg(m_advice.suggestion.model, m_advice.tier));
    m_apply->setToolTip(
        tr("Put %1 at the top of the %2 chain (undoable)").arg(m_advice.suggestion.model, m_advice.tier));
    m_apply->setVisible(m_advice.changesPrimary());
}

bool EvaluationAdvicePanel::applySuggestion()
{
    if (!m_advice.changesPrimary()) {
        return false;
    }
    const RoutingPolicy edited = m_advice.apply(m_document->policy());
    if (edited == m_document->policy()) {
        return false;
    }
    m_document->apply(edited, tr("Make %1 the primary of %2").arg(m_advice.suggestion.model, m_advice.tier));
    return true;
}
