#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <functional>

class Engine;
class QComboBox;
class QLabel;
class QPushButton;
class QPlainTextEdit;
class RoutedCall;
class Router;
class RoutingDocument;

// Simulate: switch a sandbox model or provider "down" with a failure class and send the test
// prompt through the edited policy to watch the chain fail over, step by step, with timings.
// Runs on a router copy (the engine's client, its own cooldowns) so a drill leaves the real
// router's state alone; nothing is recorded in the ledger.
class SimulatePanel : public QWidget
{
    Q_OBJECT

public:
    using PromptSource = std::function<std::pair<QString, QStringList>()>; // prompt, tags

    SimulatePanel(Engine& engine, RoutingDocument* document, PromptSource prompt, QWidget* parent = nullptr);
    ~SimulatePanel() override;

    QComboBox* targetCombo() const { return m_target; }
    QComboBox* faultCombo() const { return m_fault; }
    QStringList steps() const { return m_steps; }
    bool isRunning() const { return !m_call.isNull(); }

    void switchDown(); // the chosen target gets the chosen fault
    void clearFaults();
    void send();

signals:
    void runFinished(bool ok);

private:
    void addStep(const QString& text);
    void reloadTargets();

    Engine& m_engine;
    RoutingDocument* m_document;
    PromptSource m_prompt;
    Router* m_router;
    QComboBox* m_target;
    QComboBox* m_fault;
    QPushButton* m_send;
    QLabel* m_down;
    QPlainTextEdit* m_log;
    QStringList m_steps;
    QStringList m_downList;
    QPointer<RoutedCall> m_call;
    QElapsedTimer m_clock;
};
