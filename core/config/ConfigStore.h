#pragma once

#include "ConfigProblem.h"
#include "SwitchyardConfig.h"

#include <QString>

struct ConfigLoadResult
{
    bool ok = false; // false: at least one error; the caller keeps its last good config
    SwitchyardConfig config;
    QList<ConfigProblem> problems; // errors and warnings, each with file and path
};

struct ConfigSaveResult
{
    bool ok = false; // false: nothing (or, on a disk error, not everything) was written
    QList<ConfigProblem> problems;
};

// Reads and writes providers.json and routing.json in Switchyard's home directory. Files are
// versioned; a newer version is refused rather than half-read. A config with errors is never
// written, and writes are atomic (QSaveFile), so a good file is never replaced by a bad one.
class ConfigStore
{
public:
    explicit ConfigStore(const QString& homeDir);

    QString homeDir() const { return m_homeDir; }
    QString providersPath() const;
    QString routingPath() const;

    // Missing files are not an error: a first run loads an empty config.
    ConfigLoadResult load() const;
    ConfigSaveResult save(const SwitchyardConfig& config) const;
    // load(), then replace *current only if the files had no errors: a broken edit never replaces
    // the config the app runs with.
    ConfigLoadResult reload(SwitchyardConfig* current) const;

    // The same checks as load() on file contents already in memory (an empty array = missing file).
    static ConfigLoadResult parse(const QByteArray& providersJson, const QByteArray& routingJson);
    static QByteArray providersJson(const SwitchyardConfig& config);
    static QByteArray routingJson(const SwitchyardConfig& config);

private:
    QString m_homeDir;
};
