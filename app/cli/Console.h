#pragma once

#include <QJsonObject>
#include <QString>

// stdout for results, stderr for progress and errors; both flushed at once so streamed answers
// appear as they arrive.
namespace Console {
void out(const QString& text);
void err(const QString& text);
void printJson(const QJsonObject& object);
// "switchyard: <message>" on stderr; returns the exit code to use.
int fail(const QString& message, int exitCode = 1);
} // namespace Console
