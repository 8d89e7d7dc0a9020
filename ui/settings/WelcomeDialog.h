#pragma once

#include <QDialog>

class QLabel;

// First start with nothing configured: try the offline sandbox, or add a real provider.
// The caller opens it window-modal (open()), reads choice() when it is finished and acts on it:
// sets up the sandbox example (SandboxExample) or opens the providers dialog.
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
    // Nothing configured (no providers.json), never shown before, and not started with --sandbox.
    static bool shouldShow(int configuredProviders, bool firstRunDone, bool sandboxRequested = false);

    // The sandbox choice needs an engine running on the sandbox; otherwise it says how to get one.
    void setSandboxAvailable(bool available);
    void choose(Choice choice);

private:
    Choice m_choice = Choice::None;
    QWidget* m_sandbox = nullptr;
    QLabel* m_sandboxNote = nullptr;
};
