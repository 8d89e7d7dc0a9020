#pragma once

#include <QJsonObject>
#include <QStringList>

class QCommandLineParser;
#include <QString>

// stdout for results, stderr for progress and errors; both flushed at once so streamed answers
// appear as they arrive.
namespace Console {
void out(const QString& text);
void err(const QString& text);
void printJson(const QJsonObject& object);
// "switchyard: <message>" on stderr; returns the exit code to use.
int fail(const QString& message, int exitCode = 1);
// Parses a command's arguments; prints the parser's error or its --help text and returns false
// when the command should not run.
bool parseArguments(QCommandLineParser& parser, const QString& command, const QStringList& arguments);
} // namespace Console
