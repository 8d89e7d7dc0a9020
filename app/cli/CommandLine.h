#pragma once

#include <QStringList>

// Splits argv into global options (--home, --sandbox), the command and its arguments.
struct CommandLine
{
    QString homeDir;
    bool sandbox = false;
    QString command; // empty: open the GUI
    QStringList commandArguments;
    bool showHelp = false;
    bool showVersion = false;
    QString error;

    static CommandLine parse(const QStringList& arguments);
    static QString usage();
};

// Runs a command to completion on the current QCoreApplication; returns the exit code.
int runCommand(const CommandLine& commandLine);
