#pragma once

#include <QString>
#include <QStringList>

class Engine;

// The welcome's "Try with simulated providers": the example prompt's route under the current
// policy, with the route's first model switched down in the sandbox (HTTP 503), so that a routed
// request visibly fails over to the next model in the chain. No widgets: the window shows it.
struct SandboxExample
{
    QString prompt;
    QString rule; // the rule that picks the tier
    QString tier;
    QStringList chain; // model ids, primary first
    QString downModel; // the primary, answering 503 now
    QString fallbackModel; // the model a routed request fails over to

    bool isValid() const { return !downModel.isEmpty() && !fallbackModel.isEmpty(); }

    // Needs a sandboxed engine (invalid otherwise, and nothing is switched down).
    static SandboxExample prepare(Engine& engine, const QString& prompt);
};
