#include "core/common/HomeSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSettings>
#include <QStandardPaths>

namespace {
QMutex& homeMutex()
{
    static QMutex mutex;
    return mutex;
}

QString& activeHome()
{
    static QString dir;
    return dir;
}
} // namespace

QString HomeSettings::defaultHomeDir()
{
    const QString fromEnv = qEnvironmentVariable("SWITCHYARD_HOME");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

void HomeSettings::setHomeDir(const QString& dir)
{
    const QMutexLocker lock(&homeMutex());
    activeHome() = dir;
}

QString HomeSettings::homeDir()
{
    {
        const QMutexLocker lock(&homeMutex());
        if (!activeHome().isEmpty()) {
            return activeHome();
        }
    }
    return defaultHomeDir();
}

QString HomeSettings::filePath()
{
    return QDir(homeDir()).filePath(QString::fromLatin1(FileName));
}

std::unique_ptr<QSettings> HomeSettings::open()
{
    const QString path = filePath();
    const bool isNew = !QFileInfo::exists(path);
    auto settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    if (isNew && QDir::cleanPath(homeDir()) == QDir::cleanPath(defaultHomeDir())) {
        importLegacySettings(*settings);
    }
    return settings;
}

void HomeSettings::importLegacySettings(QSettings& settings)
{
    // Only for the default home: a home given with --home starts fresh (its own first run).
    const QSettings legacy(QSettings::NativeFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                           QCoreApplication::applicationName());
    const QStringList keys = legacy.allKeys();
    if (keys.isEmpty()) {
        return;
    }
    for (const QString& key : keys) {
        settings.setValue(key, legacy.value(key));
    }
    settings.sync();
}
