#pragma once

#include "core/workbench/ColumnSpec.h"

#include <QWidget>

class AttachmentStrip;
class QDoubleSpinBox;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

// The prompt, an optional collapsible system prompt, files attached to the prompt, temperature and
// max tokens, and the Send / Stop buttons. Ctrl+Enter and Esc are the window's actions (see WorkbenchView).
class PromptEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PromptEditor(QWidget* parent = nullptr);

    PromptSettings settings() const;
    void setPromptText(const QString& text);
    void setSystemPrompt(const QString& text);
    void setTemperature(std::optional<double> temperature);
    void setMaxTokens(int maxTokens);
    // The tools offered to every column; the Tools button shows how many.
    void setTools(const ToolSet& tools);
    bool isSystemPromptVisible() const;
    void setSystemPromptVisible(bool visible);
    void setRunning(bool running);
    void setSendEnabled(bool enabled);

    QPlainTextEdit* promptEdit() const { return m_prompt; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* stopButton() const { return m_stop; }
    AttachmentStrip* attachmentStrip() const { return m_attachments; }
    QToolButton* attachButton() const { return m_attach; }
    QPushButton* toolsButton() const { return m_toolsButton; }

signals:
    void sendRequested();
    void stopRequested();
    void settingsEdited();

private:
    QToolButton* m_systemToggle;
    QPlainTextEdit* m_system;
    QPlainTextEdit* m_prompt;
    AttachmentStrip* m_attachments;
    QToolButton* m_attach;
    QDoubleSpinBox* m_temperature;
    QSpinBox* m_maxTokens;
    QPushButton* m_toolsButton;
    ToolSet m_tools;
    QPushButton* m_send;
    QPushButton* m_stop;
};
