#include "ui/workbench/ColumnSettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

ColumnSettingsDialog::ColumnSettingsDialog(const ModelCatalog& catalog, const ColumnSpec& spec, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Column settings"));

    m_model = new QComboBox(this);
    // The routed entry's data is empty: no model id, the router picks.
    m_model->addItem(tr("Route it (the router picks)"), QString());
    for (const auto& model : catalog.models) {
        m_model->addItem(tr("%1  (%2)").arg(model.id, catalog.providerName(model.providerId)), model.id);
    }
    if (!spec.routed && m_model->findData(spec.modelId) < 0) {
        m_model->addItem(spec.modelId, spec.modelId);
    }
    m_model->setCurrentIndex(spec.routed ? 0 : m_model->findData(spec.modelId));

    m_overrideTemperature = new QCheckBox(tr("Own temperature"), this);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(spec.temperature.value_or(0.7));
    m_overrideTemperature->setChecked(spec.temperature.has_value());

    m_overrideMaxTokens = new QCheckBox(tr("Own max tokens"), this);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 1000000);
    m_maxTokens->setSingleStep(256);
    m_maxTokens->setValue(spec.maxTokens.value_or(1024));
    m_overrideMaxTokens->setChecked(spec.maxTokens.has_value());

    m_effort = new QComboBox(this);
    m_effort->setObjectName(QStringLiteral("reasoningEffort"));
    for (ReasoningEffort effort :
         { ReasoningEffort::Default, ReasoningEffort::Low, ReasoningEffort::Medium, ReasoningEffort::High }) {
        m_effort->addItem(ReasoningEfforts::displayName(effort), int(effort));
    }
    m_effort->setCurrentIndex(m_effort->findData(int(spec.reasoningEffort)));
    m_effort->setToolTip(tr("How long a reasoning model thinks before it answers: OpenAI's reasoning_effort; "
                            "Claude thinks with a budget of 1,024, 2,048 or 4,096 tokens. Models that do not "
                            "reason refuse it."));

    m_overrideSystem = new QCheckBox(tr("Own system prompt (empty = none)"), this);
    m_system = new QPlainTextEdit(this);
    m_system->setPlainText(spec.systemPrompt.value_or(QString()));
    m_overrideSystem->setChecked(spec.systemPrompt.has_value());

    auto bind = [](QCheckBox* box, QWidget* editor) {
        editor->setEnabled(box->isChecked());
        QObject::connect(box, &QCheckBox::toggled, editor, &QWidget::setEnabled);
    };
    bind(m_overrideTemperature, m_temperature);
    bind(m_overrideMaxTokens, m_maxTokens);
    bind(m_overrideSystem, m_system);

    auto* form = new QFormLayout;
    form->addRow(tr("Model"), m_model);
    form->addRow(m_overrideTemperature, m_temperature);
    form->addRow(m_overrideMaxTokens, m_maxTokens);
    form->addRow(tr("Reasoning"), m_effort);
    form->addRow(m_overrideSystem);
    form->addRow(m_system);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, 380);
}

ColumnSpec ColumnSettingsDialog::spec() const
{
    ColumnSpec spec;
    spec.modelId = m_model->currentData().toString();
    spec.routed = spec.modelId.isEmpty();
    if (m_overrideTemperature->isChecked()) {
        spec.temperature = m_temperature->value();
    }
    if (m_overrideMaxTokens->isChecked()) {
        spec.maxTokens = m_maxTokens->value();
    }
    if (m_overrideSystem->isChecked()) {
        spec.systemPrompt = m_system->toPlainText();
    }
    spec.reasoningEffort = ReasoningEffort(m_effort->currentData().toInt());
    return spec;
}
