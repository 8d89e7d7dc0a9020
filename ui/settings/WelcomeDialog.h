#pragma once

#include <QDialog>

// First start with nothing configured: try the offline sandbox, or add a real provider.
// The caller reads choice() after exec() and acts on it (restart the engine with the sandbox, or
// open the providers dialog), then puts examplePrompt() into the workbench.
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        None,
        Sandbox,
        AddProvider,
    };

    explicit WelcomeDialog(QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    // A prompt that shows routing (several models side by side) and, in the sandbox, a failover.
    static QString examplePrompt();
    // Nothing configured and no provider key in the environment: show the welcome.
    static bool shouldShow(int configuredProviders, bool firstRunDone);

    void choose(Choice choice);

private:
    Choice m_choice = Choice::None;
};
