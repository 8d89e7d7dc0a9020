#include "core/gateway/ClientKey.h"

#include "core/common/ModelNamePattern.h"
#include "core/gateway/GatewayJson.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace {
constexpr QByteArrayView kPrefix = "sk-sy-";
constexpr qsizetype kIdLength = 8;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), count / 4);
    return bytes;
}

QByteArray digest(const QByteArray& salt, QByteArrayView secret)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(secret);
    return hash.result();
}
} // namespace

ClientKey::Status ClientKey::status(const QDateTime& now) const
{
    if (revokedAt && *revokedAt <= now) {
        return Status::Revoked;
    }
    if (expiresAt && *expiresAt <= now) {
        return Status::Expired;
    }
    return Status::Active;
}

QString ClientKey::statusId(Status status)
{
    switch (status) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Revoked:
        return QStringLiteral("revoked");
    case Status::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

bool ClientKey::allows(const QString& target, const QString& forcedTier) const
{
    if (allowedModels.isEmpty()) {
        return true;
    }
    // An allowed wildcard ("anthropic/*") allows the names its pattern matches.
    const bool targetAllowed = allowedModels.contains(target)
        || std::any_of(allowedModels.cbegin(), allowedModels.cend(),
                       [&](const QString& allowed) { return ModelNamePattern(allowed).match(target).has_value(); });
    return targetAllowed && (forcedTier.isEmpty() || allowedModels.contains(forcedTier));
}

IssuedClientKey ClientKeys::issue(const QString& name, const QDateTime& now)
{
    IssuedClientKey issued;
    issued.key.id = QString::fromLatin1(randomBytes(4).toHex());
    issued.key.name = name;
    issued.key.createdAt = now.toUTC();
    issued.key.salt = randomBytes(16);
    const QByteArray secret = randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    issued.secret = kPrefix.toByteArray() + issued.key.id.toLatin1() + '-' + secret;
    issued.key.hash = digest(issued.key.salt, issued.secret);
    return issued;
}

QString ClientKeys::idOf(QByteArrayView presented)
{
    if (!presented.startsWith(kPrefix) || presented.size() < kPrefix.size() + kIdLength + 2
        || presented.at(kPrefix.size() + kIdLength) != '-') {
        return {};
    }
    const QByteArrayView id = presented.sliced(kPrefix.size(), kIdLength);
    for (char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return {};
        }
    }
    return QString::fromLatin1(id);
}

bool ClientKeys::matches(const ClientKey& key, QByteArrayView presented)
{
    return GatewayJson::constantTimeEquals(digest(key.salt, presented), key.hash);
}
