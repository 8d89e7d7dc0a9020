#include "core/common/AwsCredentialChain.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace AwsCredentialChain {

namespace {

QString homeFile(const QProcessEnvironment& environment, const char* variable, const char* name)
{
    const QString set = environment.value(QLatin1String(variable));
    if (!set.isEmpty()) {
        return set.startsWith(QLatin1String("~/")) ? QDir::homePath() + set.mid(1) : set;
    }
    const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
    return home + QLatin1String("/.aws/") + QLatin1String(name);
}

QHash<QString, QHash<QString, QString>> readIni(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return parseIni(file.read(1024 * 1024));
}

// The section of a profile: "name" in the credentials file, "profile name" (or "default") in the
// config file.
QHash<QString, QString> section(const QHash<QString, QHash<QString, QString>>& ini, const QString& profile,
                                bool configFile)
{
    if (configFile && profile != QLatin1String("default")) {
        return ini.value(QLatin1String("profile ") + profile);
    }
    return ini.value(profile);
}

QString effectiveProfile(const QString& profile, const QProcessEnvironment& environment)
{
    if (!profile.isEmpty()) {
        return profile;
    }
    const QString fromEnvironment = environment.value(QStringLiteral("AWS_PROFILE"));
    return fromEnvironment.isEmpty() ? QStringLiteral("default") : fromEnvironment;
}

} // namespace

QHash<QString, QHash<QString, QString>> parseIni(const QByteArray& text)
{
    QHash<QString, QHash<QString, QString>> sections;
    QString current;
    bool inSection = false;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = line.mid(1, line.size() - 2).simplified();
            inSection = true;
            sections[current];
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!inSection || equals <= 0) {
            continue;
        }
        sections[current].insert(line.left(equals).trimmed().toLower(), line.mid(equals + 1).trimmed());
    }
    return sections;
}

QString credentialsFile(const QProcessEnvironment& environment)
{
    return homeFile(environment, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
}

QString configFile(const QProcessEnvironment& environment)
{
    return homeFile(environment, "AWS_CONFIG_FILE", "config");
}

Result credentials(const QString& profile, const QProcessEnvironment& environment)
{
    Result result;
    const QString accessKey = environment.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString secret = environment.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (profile.isEmpty() && !accessKey.isEmpty() && !secret.isEmpty()) {
        result.credentials = { accessKey, secret, environment.value(QStringLiteral("AWS_SESSION_TOKEN")),
                               QCoreApplication::translate("AwsCredentialChain", "environment") };
        return result;
    }
    const QString name = effectiveProfile(profile, environment);
    const QString credentialsPath = credentialsFile(environment);
    const QString configPath = configFile(environment);
    const auto fromFile = [&](const QString& path, bool isConfig) {
        const QHash<QString, QString> values = section(readIni(path), name, isConfig);
        const AwsCredentials found {
            values.value(QStringLiteral("aws_access_key_id")), values.value(QStringLiteral("aws_secret_access_key")),
            values.value(QStringLiteral("aws_session_token")),
            QCoreApplication::translate("AwsCredentialChain", "profile %1 (%2)").arg(name, path)
        };
        return found;
    };
    for (const auto& [path, isConfig] : { std::pair { credentialsPath, false }, std::pair { configPath, true } }) {
        const AwsCredentials found = fromFile(path, isConfig);
        if (found.isValid()) {
            result.credentials = found;
            return result;
        }
    }
    result.problem = profile.isEmpty()
        ? QCoreApplication::translate("AwsCredentialChain",
                                      "No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give "
                                      "profile %1 aws_access_key_id and aws_secret_access_key in %2 or %3.")
              .arg(name, credentialsPath, configPath)
        : QCoreApplication::translate("AwsCredentialChain",
                                      "No AWS credentials for profile %1: neither %2 nor %3 gives it "
                                      "aws_access_key_id and aws_secret_access_key.")
              .arg(name, credentialsPath, configPath);
    return result;
}

QString region(const QString& configured, const QString& profile, const QProcessEnvironment& environment)
{
    if (!configured.isEmpty()) {
        return configured;
    }
    for (const char* variable : { "AWS_REGION", "AWS_DEFAULT_REGION" }) {
        const QString value = environment.value(QLatin1String(variable));
        if (!value.isEmpty()) {
            return value;
        }
    }
    const QString name = effectiveProfile(profile, environment);
    const QString fromConfig = section(readIni(configFile(environment)), name, true).value(QStringLiteral("region"));
    if (!fromConfig.isEmpty()) {
        return fromConfig;
    }
    return section(readIni(credentialsFile(environment)), name, false).value(QStringLiteral("region"));
}

} // namespace AwsCredentialChain
