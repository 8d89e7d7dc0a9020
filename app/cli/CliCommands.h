#pragma once

#include <QString>

class CliCommand;

// The registry of `switchyard <command>`s.
namespace CliCommands {
CliCommand* create(const QString& name);
QString summary(); // one line per command for --help
bool isCommand(const QString& name);
} // namespace CliCommands
