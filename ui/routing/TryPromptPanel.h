#pragma once

#include "core/routing/Explanation.h"

#include <QWidget>

class Engine;
class QLineEdit;
class QPlainTextEdit;
class QTextBrowser;
class Router;
class RoutingDocument;

// "Try a prompt": which rule fires for a typed prompt under the edited (unsaved) policy, which
// tier and chain, and which models would be skipped and why. Updates while typing.
class TryPromptPanel : public QWidget
{
    Q_OBJECT

public:
    TryPromptPanel(Engine& engine, RoutingDocument* document, QWidget* parent = nullptr);
    ~TryPromptPanel() override;

    QPlainTextEdit* promptEdit() const { return m_prompt; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QString prompt() const;
    QStringList tags() const;
    const Explanation& explanation() const { return m_explanation; }
    QString resultText() const;

    void refresh();

signals:
    void explained();

private:
    Engine& m_engine;
    RoutingDocument* m_document;
    Router* m_router; // a copy holding the edited policy; explains, never routes
    QPlainTextEdit* m_prompt;
    QLineEdit* m_tags;
    QTextBrowser* m_result;
    Explanation m_explanation;
};
