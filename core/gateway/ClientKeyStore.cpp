#include "core/gateway/ClientKeyStore.h"

#include "core/common/TextPosition.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sys/stat.h>

namespace {
constexpr int kFormatVersion = 1;

QString tr(const char* text)
{
    return QCoreApplication::translate("ClientKeyStore", text);
}

QJsonValue optionalTime(const std::optional<QDateTime>& time)
{
    return time ? QJsonValue(time->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

ClientKeyStore::ClientKeyStore(QString filePath)
    : m_path(std::move(filePath))
{
}

ClientKeyStore::FileStamp ClientKeyStore::stampNow() const
{
    struct stat info
    {
    };
    if (m_path.isEmpty() || ::stat(QFile::encodeName(m_path).constData(), &info) != 0) {
        return {};
    }
    return { qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec, qint64(info.st_size),
             quint64(info.st_ino) };
}

bool ClientKeyStore::load()
{
    m_error.clear();
    m_loadError.clear();
    const FileStamp stamp = stampNow();
    QFile file(m_path);
    if (!file.exists()) {
        m_keys.clear();
        m_stamp = stamp;
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("Cannot read %1: %2").arg(m_path, file.errorString());
    } else if (!fromJson(file.readAll())) {
        m_error = QStringLiteral("%1: %2").arg(m_path, m_error);
    } else {
        m_stamp = stamp;
        return true;
    }
    m_loadError = m_error;
    return false;
}

bool ClientKeyStore::reloadIfChanged()
{
    if (stampNow() == m_stamp) {
        return true;
    }
    const QList<ClientKey> previous = m_keys;
    if (!load()) {
        m_keys = previous; // a half-written or broken file must not open the door
        return false;
    }
    return true;
}

bool ClientKeyStore::save()
{
    m_error.clear();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(toJson());
    if (!file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    m_stamp = stampNow();
    return true;
}

const ClientKey* ClientKeyStore::find(const QString& id) const
{
    for (const ClientKey& key : m_keys) {
        if (key.id == id) {
            return &key;
        }
    }
    return nullptr;
}

const ClientKey* ClientKeyStore::findByIdOrName(const QString& idOrName) const
{
    if (const ClientKey* byId = find(idOrName)) {
        return byId;
    }
    const ClientKey* found = nullptr;
    for (const ClientKey& key : m_keys) {
        if (key.name == idOrName) {
            if (found) {
                return nullptr; // ambiguous: use the id
            }
            found = &key;
        }
    }
    return found;
}

std::optional<IssuedClientKey> ClientKeyStore::create(const ClientKey& settings, const QDateTime& now)
{
    m_error = m_loadError;
    if (!m_loadError.isEmpty()) {
        return std::nullopt; // writing now would replace keys we could not read
    }
    if (settings.name.trimmed().isEmpty()) {
        m_error = tr("A client key needs a name.");
        return std::nullopt;
    }
    IssuedClientKey issued = ClientKeys::issue(settings.name.trimmed(), now);
    while (find(issued.key.id)) {
        issued = ClientKeys::issue(settings.name.trimmed(), now);
    }
    ClientKey& key = issued.key;
    key.expiresAt = settings.expiresAt;
    key.allowedModels = settings.allowedModels;
    key.dailyBudgetUsd = settings.dailyBudgetUsd;
    key.monthlyBudgetUsd = settings.monthlyBudgetUsd;
    key.allowUnpriced = settings.allowUnpriced;
    key.requestsPerMinute = settings.requestsPerMinute;
    key.maxConcurrent = settings.maxConcurrent;
    m_keys.append(key);
    if (!save()) {
        m_keys.removeLast();
        return std::nullopt;
    }
    return issued;
}

ClientKey* ClientKeyStore::editableKey(const QString& idOrName)
{
    m_error = m_loadError;
    if (!m_loadError.isEmpty()) {
        return nullptr;
    }
    const ClientKey* found = findByIdOrName(idOrName);
    if (!found) {
        m_error = tr("No client key \"%1\" (give its id when two keys share a name).").arg(idOrName);
        return nullptr;
    }
    return &m_keys[found - m_keys.constData()];
}

bool ClientKeyStore::revoke(const QString& idOrName, const QDateTime& now)
{
    ClientKey* editable = editableKey(idOrName);
    if (!editable) {
        return false;
    }
    ClientKey& key = *editable;
    if (key.revokedAt) {
        return true;
    }
    key.revokedAt = now.toUTC();
    if (!save()) {
        key.revokedAt.reset();
        return false;
    }
    return true;
}

bool ClientKeyStore::setAllowUnpriced(const QString& idOrName, bool allow)
{
    ClientKey* editable = editableKey(idOrName);
    if (!editable) {
        return false;
    }
    ClientKey& key = *editable;
    if (key.allowUnpriced == allow) {
        return true;
    }
    key.allowUnpriced = allow;
    if (!save()) {
        key.allowUnpriced = !allow;
        return false;
    }
    return true;
}

QByteArray ClientKeyStore::toJson() const
{
    QJsonArray keys;
    for (const ClientKey& key : m_keys) {
        keys.append(QJsonObject {
            { QStringLiteral("id"), key.id },
            { QStringLiteral("name"), key.name },
            { QStringLiteral("created"), key.createdAt.toUTC().toString(Qt::ISODateWithMs) },
            { QStringLiteral("expires"), optionalTime(key.expiresAt) },
            { QStringLiteral("revoked"), optionalTime(key.revokedAt) },
            { QStringLiteral("models"), QJsonArray::fromStringList(key.allowedModels) },
            { QStringLiteral("daily_budget_usd"), optionalNumber(key.dailyBudgetUsd) },
            { QStringLiteral("monthly_budget_usd"), optionalNumber(key.monthlyBudgetUsd) },
            { QStringLiteral("allow_unpriced"), key.allowUnpriced },
            { QStringLiteral("requests_per_minute"),
              key.requestsPerMinute ? QJsonValue(*key.requestsPerMinute) : QJsonValue() },
            { QStringLiteral("max_concurrent"), key.maxConcurrent ? QJsonValue(*key.maxConcurrent) : QJsonValue() },
            { QStringLiteral("salt"), QString::fromLatin1(key.salt.toBase64()) },
            { QStringLiteral("sha256"), QString::fromLatin1(key.hash.toBase64()) },
        });
    }
    return QJsonDocument(
               QJsonObject { { QStringLiteral("version"), kFormatVersion }, { QStringLiteral("keys"), keys } })
        .toJson(QJsonDocument::Indented);
}

bool ClientKeyStore::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition place = TextPosition::ofJsonError(json, parseError);
        m_error = tr("not valid JSON at line %1, column %2: %3")
                      .arg(place.line)
                      .arg(place.column)
                      .arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();
    const int version = root.value(QLatin1String("version")).toInt(-1);
    if (version != kFormatVersion) {
        m_error = tr("unknown format version %1 (this Switchyard reads version %2)").arg(version).arg(kFormatVersion);
        return false;
    }
    QList<ClientKey> keys;
    const QJsonArray array = root.value(QLatin1String("keys")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        auto time = [&](const char* field) -> std::optional<QDateTime> {
            const QJsonValue value = object.value(QLatin1String(field));
            if (value.isNull() || value.isUndefined()) {
                return std::nullopt;
            }
            QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            return parsed.isValid() ? std::optional(parsed.toUTC()) : std::nullopt;
        };
        auto number = [&](const char* field) -> std::optional<double> {
            const QJsonValue value = object.value(QLatin1String(field));
            return value.isDouble() && value.toDouble() >= 0 ? std::optional(value.toDouble()) : std::nullopt;
        };
        ClientKey key;
        key.id = object.value(QLatin1String("id")).toString();
        key.name = object.value(QLatin1String("name")).toString();
        key.createdAt = time("created").value_or(QDateTime());
        key.expiresAt = time("expires");
        key.revokedAt = time("revoked");
        for (const QJsonValue& model : object.value(QLatin1String("models")).toArray()) {
            key.allowedModels.append(model.toString());
        }
        key.dailyBudgetUsd = number("daily_budget_usd");
        key.monthlyBudgetUsd = number("monthly_budget_usd");
        key.allowUnpriced = object.value(QLatin1String("allow_unpriced")).toBool(false); // absent in older files
        if (const auto rpm = number("requests_per_minute")) {
            key.requestsPerMinute = int(*rpm);
        }
        if (const auto concurrent = number("max_concurrent")) {
            key.maxConcurrent = int(*concurrent);
        }
        key.salt = QByteArray::fromBase64(object.value(QLatin1String("salt")).toString().toLatin1());
        key.hash = QByteArray::fromBase64(object.value(QLatin1String("sha256")).toString().toLatin1());
        if (ClientKeys::idOf("sk-sy-" + key.id.toLatin1() + "-x").isEmpty() || key.salt.size() < 16
            || key.hash.size() != 32) {
            m_error = tr("key %1 (\"%2\") is damaged: id, salt or hash missing").arg(i + 1).arg(key.name);
            return false;
        }
        keys.append(key);
    }
    m_keys = keys;
    return true;
}
