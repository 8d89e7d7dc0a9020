#include "ui/workbench/PromptEditor.h"

#include "ui/common/FileDialogs.h"
#include "ui/common/Icons.h"
#include "ui/workbench/AttachmentStrip.h"
#include "ui/workbench/PromptTextEdit.h"
#include "ui/workbench/ToolsDialog.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// The spin boxes show "Default" at their minimum: the provider's own default, nothing sent.
constexpr double TemperatureDefault = -0.1;
} // namespace

PromptEditor::PromptEditor(QWidget* parent)
    : QWidget(parent)
{
    m_systemToggle = new QToolButton(this);
    m_systemToggle->setText(tr("System prompt"));
    m_systemToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_systemToggle->setAutoRaise(true);
    m_systemToggle->setCheckable(true);
    m_systemToggle->setIconSize(QSize(14, 14));

    m_system = new QPlainTextEdit(this);
    m_system->setPlaceholderText(tr("Optional instructions sent to every column (a column may override them)"));
    m_system->setTabChangesFocus(true);
    m_system->setFixedHeight(m_system->fontMetrics().lineSpacing() * 3 + 14);
    m_system->hide();

    auto* prompt = new PromptTextEdit(this);
    m_prompt = prompt;
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(
        tr("Ask every column the same question. Drop or paste images, PDFs and text files to attach them. "
           "Ctrl+Enter sends, Esc stops."));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 3 + 14);

    m_attachments = new AttachmentStrip(this);
    m_attach = new QToolButton(this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setText(tr("Attach"));
    m_attach->setIcon(Icons::icon(QStringLiteral("attach")));
    // The paperclip alone: the row must fit half a 1920 px screen in German too.
    m_attach->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_attach->setIconSize(QSize(16, 16));
    m_attach->setAccessibleName(m_attach->text());
    m_attach->setAutoRaise(true);
    m_attach->setToolTip(tr("Attach an image, a PDF or a text file to the prompt (or drop or paste it)"));
    connect(m_attach, &QToolButton::clicked, this, [this] {
        const QString path = FileDialogs::openFileName(
            this, tr("Attach a file"), FileDialogs::startDirectory(),
            tr("Images, PDFs and text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.json *.*)"));
        if (!path.isEmpty()) {
            m_attachments->addFiles({ path });
        }
    });
    connect(prompt, &PromptTextEdit::filesDropped, m_attachments, &AttachmentStrip::addFiles);
    connect(prompt, &PromptTextEdit::imagePasted, m_attachments, &AttachmentStrip::addImage);
    connect(m_attachments, &AttachmentStrip::changed, this, &PromptEditor::settingsEdited);

    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(TemperatureDefault, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setSpecialValueText(tr("Default"));
    m_temperature->setValue(TemperatureDefault);
    m_temperature->setToolTip(tr("Sampling temperature for every column; Default leaves it to the provider"));

    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(0, 1000000);
    m_maxTokens->setSingleStep(256);
    m_maxTokens->setSpecialValueText(tr("Default"));
    m_maxTokens->setToolTip(tr("Most output tokens per answer; Default leaves it to the provider"));

    m_toolsButton = new QPushButton(this);
    m_toolsButton->setObjectName(QStringLiteral("toolsButton"));
    m_toolsButton->setToolTip(tr("Tools offered to every column (name, description, JSON Schema)"));
    setTools({});
    connect(m_toolsButton, &QPushButton::clicked, this, [this] {
        ToolsDialog dialog(m_tools, this);
        if (dialog.exec() == QDialog::Accepted) {
            setTools(dialog.tools());
            emit settingsEdited();
        }
    });

    m_stop = new QPushButton(Icons::icon(QStringLiteral("stop")), tr("Stop"), this);
    m_stop->setToolTip(tr("Stop every column (Esc)"));
    m_stop->setEnabled(false);
    m_send = new QPushButton(Icons::icon(QStringLiteral("send"), Qt::white), tr("Send to all"), this);
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the prompt to every column (Ctrl+Enter)"));
    QPalette accent = m_send->palette();
    accent.setColor(QPalette::Button, accent.color(QPalette::Highlight));
    accent.setColor(QPalette::ButtonText, accent.color(QPalette::HighlightedText));
    m_send->setPalette(accent);

    auto* controls = new QHBoxLayout;
    controls->setSpacing(6);
    controls->addWidget(m_systemToggle);
    controls->addWidget(m_attach);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Temperature"), this));
    controls->addWidget(m_temperature);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Max tokens"), this));
    controls->addWidget(m_maxTokens);
    controls->addSpacing(12);
    controls->addWidget(m_toolsButton);
    controls->addStretch(1);
    controls->addWidget(m_stop);
    controls->addWidget(m_send);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_system);
    layout->addWidget(m_attachments);
    layout->addWidget(m_prompt, 1);
    layout->addLayout(controls);

    auto updateToggle = [this](bool visible) {
        m_systemToggle->setIcon(
            Icons::icon(visible ? QStringLiteral("chevron-down") : QStringLiteral("chevron-right")));
        m_system->setVisible(visible);
    };
    updateToggle(false);
    connect(m_systemToggle, &QToolButton::toggled, this, updateToggle);
    connect(m_systemToggle, &QToolButton::toggled, this, &PromptEditor::settingsEdited);
    connect(m_send, &QPushButton::clicked, this, &PromptEditor::sendRequested);
    connect(m_stop, &QPushButton::clicked, this, &PromptEditor::stopRequested);
    connect(m_system, &QPlainTextEdit::textChanged, this, [this] {
        const bool set = !m_system->toPlainText().trimmed().isEmpty();
        m_systemToggle->setText(set ? tr("System prompt \u2022") : tr("System prompt"));
        emit settingsEdited();
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &PromptEditor::settingsEdited);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &PromptEditor::settingsEdited);
}

PromptSettings PromptEditor::settings() const
{
    PromptSettings settings;
    settings.prompt = m_prompt->toPlainText();
    settings.systemPrompt = m_system->toPlainText();
    if (m_temperature->value() > TemperatureDefault + 0.001) {
        settings.temperature = m_temperature->value();
    }
    settings.maxTokens = m_maxTokens->value();
    settings.attachments = m_attachments->attachments();
    settings.tools = m_tools;
    return settings;
}

void PromptEditor::setPromptText(const QString& text)
{
    m_prompt->setPlainText(text);
}

void PromptEditor::setSystemPrompt(const QString& text)
{
    m_system->setPlainText(text);
}

void PromptEditor::setTemperature(std::optional<double> temperature)
{
    m_temperature->setValue(temperature.value_or(TemperatureDefault));
}

void PromptEditor::setMaxTokens(int maxTokens)
{
    m_maxTokens->setValue(maxTokens);
}

void PromptEditor::setTools(const ToolSet& tools)
{
    m_tools = tools;
    m_toolsButton->setText(tools.isEmpty() ? tr("Tools…") : tr("Tools (%1)…").arg(tools.size()));
}

bool PromptEditor::isSystemPromptVisible() const
{
    return m_systemToggle->isChecked();
}

void PromptEditor::setSystemPromptVisible(bool visible)
{
    m_systemToggle->setChecked(visible);
}

void PromptEditor::setRunning(bool running)
{
    m_stop->setEnabled(running);
}

void PromptEditor::setSendEnabled(bool enabled)
{
    m_send->setEnabled(enabled);
}
