#include "core/config/ConfigStore.h"

#include "core/config/ConfigJsonReader.h"
#include "core/config/ConfigJsonWriter.h"
#include "core/config/ConfigValidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ConfigStore", text);
}

constexpr char kProvidersLastGood[] = "providers.last-good.json";
constexpr char kRoutingLastGood[] = "routing.last-good.json";

// Reads a file that may be absent; a file that exists but cannot be read, or is empty (a write
// cut short, a full disk), is an error: it must not count as "no config".
QByteArray readFile(const QString& path, const QString& name, QList<ConfigProblem>* problems)
{
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(
            { name, QString(),
              QCoreApplication::translate("ConfigStore", "cannot read the file: %1").arg(file.errorString()) });
        return {};
    }
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty()) {
        problems->append({ name, QString(),
                           QCoreApplication::translate(
                               "ConfigStore", "the file is empty (0 bytes); delete it to start without one") });
    }
    return bytes;
}

// Atomic; an absent original removes the copy.
void mirrorFile(const QString& path, const QByteArray& bytes)
{
    if (bytes.isEmpty()) {
        QFile::remove(path);
        return;
    }
    QFile current(path);
    if (current.open(QIODevice::ReadOnly) && current.readAll() == bytes) {
        return;
    }
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()) {
        file.commit();
    }
}

void setFile(QList<ConfigProblem>* problems, qsizetype from, const QString& file)
{
    for (qsizetype i = from; i < problems->size(); ++i) {
        if ((*problems)[i].file.isEmpty()) {
            (*problems)[i].file = file;
        }
    }
}
} // namespace

ConfigStore::ConfigStore(const QString& homeDir)
    : m_homeDir(homeDir)
{
}

QString ConfigStore::providersPath() const
{
    return QDir(m_homeDir).filePath(QLatin1String(ConfigValidator::kProvidersFile));
}

QString ConfigStore::routingPath() const
{
    return QDir(m_homeDir).filePath(QLatin1String(ConfigValidator::kRoutingFile));
}

QString ConfigStore::providersLastGoodPath() const
{
    return QDir(m_homeDir).filePath(QLatin1String(kProvidersLastGood));
}

QString ConfigStore::routingLastGoodPath() const
{
    return QDir(m_homeDir).filePath(QLatin1String(kRoutingLastGood));
}

ConfigLoadResult ConfigStore::load() const
{
    QList<ConfigProblem> readProblems;
    const QByteArray providers
        = readFile(providersPath(), QLatin1String(ConfigValidator::kProvidersFile), &readProblems);
    const QByteArray routing = readFile(routingPath(), QLatin1String(ConfigValidator::kRoutingFile), &readProblems);
    ConfigLoadResult result = parse(providers, routing);
    result.problems = readProblems + result.problems;
    result.ok = !ConfigProblems::hasErrors(result.problems);
    if (result.ok) {
        keepLastGood(providers, routing);
    }
    return result;
}

bool ConfigStore::hasLastGood() const
{
    return QFile::exists(providersLastGoodPath()) || QFile::exists(routingLastGoodPath());
}

ConfigLoadResult ConfigStore::loadLastGood() const
{
    if (!hasLastGood()) {
        return {};
    }
    QList<ConfigProblem> readProblems;
    const QByteArray providers = readFile(providersLastGoodPath(), QLatin1String(kProvidersLastGood), &readProblems);
    const QByteArray routing = readFile(routingLastGoodPath(), QLatin1String(kRoutingLastGood), &readProblems);
    ConfigLoadResult result = parse(providers, routing);
    result.problems = readProblems + result.problems;
    result.ok = !ConfigProblems::hasErrors(result.problems);
    return result;
}

void ConfigStore::keepLastGood(const QByteArray& providers, const QByteArray& routing) const
{
    mirrorFile(providersLastGoodPath(), providers);
    mirrorFile(routingLastGoodPath(), routing);
}

ConfigLoadResult ConfigStore::reload(SwitchyardConfig* current) const
{
    ConfigLoadResult result = load();
    if (result.ok) {
        *current = result.config;
    }
    return result;
}

ConfigLoadResult ConfigStore::parse(const QByteArray& providersJson, const QByteArray& routingJson)
{
    ConfigLoadResult result;
    const QString providersFile = QLatin1String(ConfigValidator::kProvidersFile);
    const QString routingFile = QLatin1String(ConfigValidator::kRoutingFile);
    bool documentsOk = true;
    if (!providersJson.isEmpty()) {
        const auto document = ConfigJsonReader::parseDocument(providersJson, ConfigJson::kProvidersFormat,
                                                              providersFile, &result.problems);
        if (document) {
            const qsizetype before = result.problems.size();
            ConfigJsonReader::readProviders(*document, &result.config, &result.problems);
            setFile(&result.problems, before, providersFile);
        }
        documentsOk = documentsOk && document.has_value();
    }
    if (!routingJson.isEmpty()) {
        const auto document
            = ConfigJsonReader::parseDocument(routingJson, ConfigJson::kRoutingFormat, routingFile, &result.problems);
        if (document) {
            const qsizetype before = result.problems.size();
            ConfigJsonReader::readRouting(*document, &result.config.policy, &result.problems);
            setFile(&result.problems, before, routingFile);
        }
        documentsOk = documentsOk && document.has_value();
    }
    // Cross references only mean something when both files were read.
    if (documentsOk) {
        result.problems += ConfigValidator::validate(result.config);
    }
    result.ok = !ConfigProblems::hasErrors(result.problems);
    return result;
}

QByteArray ConfigStore::providersJson(const SwitchyardConfig& config)
{
    return QJsonDocument(ConfigJsonWriter::providersDocument(config)).toJson(QJsonDocument::Indented);
}

QByteArray ConfigStore::routingJson(const SwitchyardConfig& config)
{
    return QJsonDocument(ConfigJsonWriter::routingDocument(config.policy)).toJson(QJsonDocument::Indented);
}

ConfigSaveResult ConfigStore::save(const SwitchyardConfig& config) const
{
    ConfigSaveResult result;
    result.problems = ConfigValidator::validate(config);
    if (ConfigProblems::hasErrors(result.problems)) {
        return result;
    }
    if (!QDir().mkpath(m_homeDir)) {
        result.problems.append({ QString(), QString(), tr("cannot create the directory %1").arg(m_homeDir) });
        return result;
    }
    // Write both to temporary files first, then commit: a failed write leaves the old files whole.
    QSaveFile providers(providersPath());
    QSaveFile routing(routingPath());
    const struct
    {
        QSaveFile* file;
        QByteArray bytes;
        const char* name;
    } outputs[] = {
        { &providers, providersJson(config), ConfigValidator::kProvidersFile },
        { &routing, routingJson(config), ConfigValidator::kRoutingFile },
    };
    for (const auto& output : outputs) {
        if (!output.file->open(QIODevice::WriteOnly) || output.file->write(output.bytes) != output.bytes.size()) {
            result.problems.append({ QLatin1String(output.name), QString(),
                                     tr("cannot write the file: %1").arg(output.file->errorString()) });
            providers.cancelWriting();
            routing.cancelWriting();
            return result;
        }
    }
    for (const auto& output : outputs) {
        if (!output.file->commit()) {
            result.problems.append({ QLatin1String(output.name), QString(),
                                     tr("cannot save the file: %1").arg(output.file->errorString()) });
            return result;
        }
    }
    keepLastGood(outputs[0].bytes, outputs[1].bytes);
    result.ok = true;
    return result;
}
