#pragma once

#include "core/common/AwsSigV4.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

// Where AWS credentials and the region come from, in the order the AWS SDKs use: the profile a
// provider names, the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN),
// then the profile of AWS_PROFILE or "default" in the shared credentials file
// (AWS_SHARED_CREDENTIALS_FILE, ~/.aws/credentials) and the config file (AWS_CONFIG_FILE,
// ~/.aws/config). Reads files on each call: a rotated key is picked up by the next request.
namespace AwsCredentialChain {

struct Result
{
    AwsCredentials credentials; // invalid when nothing was found
    QString problem; // why nothing was found, naming the places looked at (no secret in it)
};

// profile: the provider's own profile, empty for the standard chain.
Result credentials(const QString& profile,
                   const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
// configured (the provider's own) > AWS_REGION > AWS_DEFAULT_REGION > the profile's region in the
// config or credentials file; empty when none names one.
QString region(const QString& configured, const QString& profile,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

// INI sections of an AWS config or credentials file: section name (as written, "profile x" kept)
// -> lower-case key -> value. Comments (# ;) and blank lines skipped.
QHash<QString, QHash<QString, QString>> parseIni(const QByteArray& text);
QString credentialsFile(const QProcessEnvironment& environment);
QString configFile(const QProcessEnvironment& environment);

} // namespace AwsCredentialChain
