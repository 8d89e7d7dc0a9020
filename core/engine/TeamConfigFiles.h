#pragma once

#include "core/ledger/TeamConfigStore.h"

#include <QString>

class Engine;

// A team configuration version as files in a home directory: providers.json, routing.json and
// client-keys.json, plus team-config.json, which remembers the version the home was last pulled
// from or pushed as (the base of the next push).
namespace TeamConfigFiles {
QString stateFileName();
// The home's three files as a version to push (a missing file is empty); false with *error.
bool read(const QString& homeDir, TeamConfigVersion* config, QString* error);
// The same checks as loading the files: a version with errors is never pushed nor applied.
bool check(const TeamConfigVersion& config, QString* error);
// Writes the three files atomically; an empty one removes the home's file.
bool write(const QString& homeDir, const TeamConfigVersion& config, QString* error);
// Only client-keys.json (a gateway applies providers and routing through the engine).
bool writeClientKeys(const QString& homeDir, const QByteArray& clientKeys, QString* error);
// The version the home holds (0: none, or never pulled).
int appliedVersion(const QString& homeDir);
bool setAppliedVersion(const QString& homeDir, int version, QString* error);
// Makes `config` what the engine runs on: providers and routing at once (saved as the engine saves
// them), client keys for the gateway's next request, and the home's version. Nothing changes when
// the version has errors; false with *error then.
bool apply(Engine& engine, const TeamConfigVersion& config, QString* error);
// "version 3, pushed by alice (alice@laptop) at 2026-03-02 10:00 UTC: note"
QString describe(const TeamConfigVersion& config);
} // namespace TeamConfigFiles
