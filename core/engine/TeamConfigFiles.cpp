#include "core/engine/TeamConfigFiles.h"

#include "core/config/ConfigStore.h"
#include "core/engine/Engine.h"
#include "core/gateway/ClientKeyStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
QString clientKeysPath(const QString& homeDir)
{
    return QDir(homeDir).filePath(ClientKeyStore::fileName());
}

bool readFile(const QString& path, QByteArray* bytes, QString* error)
{
    QFile file(path);
    if (!file.exists()) {
        bytes->clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("TeamConfigFiles", "Cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    if (bytes.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = QCoreApplication::translate("TeamConfigFiles", "Cannot remove %1")
                         .arg(QDir::toNativeSeparators(path));
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("TeamConfigFiles", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}
} // namespace

namespace TeamConfigFiles {
QString stateFileName()
{
    return QStringLiteral("team-config.json");
}

bool read(const QString& homeDir, TeamConfigVersion* config, QString* error)
{
    const ConfigStore store(homeDir);
    return readFile(store.providersPath(), &config->providers, error)
        && readFile(store.routingPath(), &config->routing, error)
        && readFile(clientKeysPath(homeDir), &config->clientKeys, error);
}

bool check(const TeamConfigVersion& config, QString* error)
{
    const ConfigLoadResult loaded = ConfigStore::parse(config.providers, config.routing);
    QStringList problems;
    for (const ConfigProblem& problem : loaded.problems) {
        if (problem.isError()) {
            problems << problem.toString();
        }
    }
    ClientKeyStore keys;
    if (!config.clientKeys.isEmpty() && !keys.fromJson(config.clientKeys)) {
        problems << ClientKeyStore::fileName() + QStringLiteral(": ") + keys.errorString();
    }
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

bool write(const QString& homeDir, const TeamConfigVersion& config, QString* error)
{
    const ConfigStore store(homeDir);
    return writeFile(store.providersPath(), config.providers, error)
        && writeFile(store.routingPath(), config.routing, error)
        && writeFile(clientKeysPath(homeDir), config.clientKeys, error);
}

bool writeClientKeys(const QString& homeDir, const QByteArray& clientKeys, QString* error)
{
    return writeFile(clientKeysPath(homeDir), clientKeys, error);
}

int appliedVersion(const QString& homeDir)
{
    QFile file(QDir(homeDir).filePath(stateFileName()));
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("version")).toInt();
}

bool setAppliedVersion(const QString& homeDir, int version, QString* error)
{
    return writeFile(QDir(homeDir).filePath(stateFileName()),
                     QJsonDocument(QJsonObject { { QStringLiteral("version"), version } }).toJson(), error);
}

bool apply(Engine& engine, const TeamConfigVersion& config, QString* error)
{
    if (!check(config, error)) {
        return false;
    }
    const QList<ConfigProblem> problems
        = engine.saveConfig(ConfigStore::parse(config.providers, config.routing).config);
    if (ConfigProblems::hasErrors(problems)) {
        *error = problems.constFirst().toString();
        return false;
    }
    return writeClientKeys(engine.homeDir(), config.clientKeys, error)
        && setAppliedVersion(engine.homeDir(), config.version, error);
}

QString describe(const TeamConfigVersion& config)
{
    QString text = QCoreApplication::translate("TeamConfigFiles", "version %1, pushed by %2 (%3) at %4")
                       .arg(config.version)
                       .arg(config.changedBy, config.changedOn,
                            config.changedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    if (!config.note.isEmpty()) {
        text += QStringLiteral(": ") + config.note;
    }
    return text;
}
} // namespace TeamConfigFiles
