#pragma once

#include "core/config/ConfigProblem.h"
#include "core/config/SwitchyardConfig.h"

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
// Every clean load and save also keeps a last-good copy of both files (providers.last-good.json,
// routing.last-good.json), which the app runs on when someone else breaks the files.
class ConfigStore
{
public:
    explicit ConfigStore(const QString& homeDir);

    QString homeDir() const { return m_homeDir; }
    QString providersPath() const;
    QString routingPath() const;
    QString providersLastGoodPath() const;
    QString routingLastGoodPath() const;

    // Missing files are not an error: a first run loads an empty config. An empty (0-byte) file
    // is. A clean load refreshes the last-good copies.
    ConfigLoadResult load() const;
    // The config of the last clean load or save; ok is false when there is none or it does not
    // load either.
    ConfigLoadResult loadLastGood() const;
    bool hasLastGood() const;
    ConfigSaveResult save(const SwitchyardConfig& config) const;
    // load(), then replace *current only if the files had no errors: a broken edit never replaces
    // the config the app runs with.
    ConfigLoadResult reload(SwitchyardConfig* current) const;

    // The same checks as load() on file contents already in memory (an empty array = missing file).
    static ConfigLoadResult parse(const QByteArray& providersJson, const QByteArray& routingJson);
    static QByteArray providersJson(const SwitchyardConfig& config);
    static QByteArray routingJson(const SwitchyardConfig& config);

private:
    // Mirrors what loaded cleanly (an absent file drops its copy); rewrites only what changed.
    void keepLastGood(const QByteArray& providers, const QByteArray& routing) const;

    QString m_homeDir;
};
