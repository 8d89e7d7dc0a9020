#pragma once

#include "core/sandbox/SandboxTypes.h"

#include <QStringList>

// Splits argv into global options (--home, --sandbox), the command and its arguments.
struct CommandLine
{
    QString homeDir;
    QString database; // --database: a ledger file or a postgresql:// URL
    bool sandbox = false;
    QList<std::pair<QString, SandboxFault>> sandboxFaults; // --sandbox-fault MODEL=SPEC
    QString command; // empty: open the GUI
    QStringList commandArguments;
    bool showHelp = false;
    bool showVersion = false;
    QString error;

    static CommandLine parse(const QStringList& arguments);
    static QString usage();
    // "503", "429:insufficient_quota", "429:retry=3", "hang", "silence", "drop", "malformed", "slow", "fail30",
    // "ignore-max-tokens"
    static std::optional<SandboxFault> parseFault(const QString& spec);
};

// Runs a command to completion on the current QCoreApplication; returns the exit code.
int runCommand(const CommandLine& commandLine);
