#pragma once

#include <QObject>
#include <QStringList>

class Engine;

// One `switchyard <command>`: parses its own arguments, runs (possibly asynchronously) and
// reports its exit code through done(). Errors are one line on stderr.
class CliCommand : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    // Arguments after the command name. Returns false (after printing the error) on bad usage.
    virtual bool parse(const QStringList& arguments) = 0;
    virtual void run(Engine& engine) = 0;
    // Commands that never talk to providers can run without opening the sandbox.
    virtual bool needsEngine() const { return true; }
    // Commands that only read the ledger still run when the configuration cannot be used.
    virtual bool needsConfig() const { return true; }

signals:
    void done(int exitCode);
};
