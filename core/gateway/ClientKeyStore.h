#pragma once

#include "core/gateway/ClientKey.h"

#include <QList>
#include <QString>

// The gateway's client keys in `client-keys.json` in the home dir: salted hashes and limits, never
// a secret. Saved atomically and readable by the owner only. Another process (`switchyard keys
// revoke`) may change the file while a gateway runs: reloadIfChanged() picks that up before the
// next request is checked.
class ClientKeyStore
{
public:
    explicit ClientKeyStore(QString filePath = {});

    static QString fileName() { return QStringLiteral("client-keys.json"); }
    QString filePath() const { return m_path; }

    // An absent file holds no keys. False with errorString() naming the file and place.
    bool load();
    bool save();
    // Re-reads the file when it changed on disk since the last load or save (cheap: one stat).
    // A file that became unreadable keeps the keys last read, and says so in errorString().
    bool reloadIfChanged();
    QString errorString() const { return m_error; }

    const QList<ClientKey>& keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }
    const ClientKey* find(const QString& id) const;
    // By id, or by name when exactly one key has it.
    const ClientKey* findByIdOrName(const QString& idOrName) const;

    // Adds a key made from `settings` (name and limits; id, salt and hash are made here) and saves.
    // The secret in the result is the only copy there will ever be.
    std::optional<IssuedClientKey> create(const ClientKey& settings, const QDateTime& now);
    bool revoke(const QString& idOrName, const QDateTime& now);
    // Whether the key's budget lets unpriced models through (ClientKey::allowUnpriced); saves.
    bool setAllowUnpriced(const QString& idOrName, bool allow);

    QByteArray toJson() const;
    bool fromJson(const QByteArray& json);

private:
    struct FileStamp
    {
        qint64 modifiedNs = -1;
        qint64 size = -1;
        quint64 inode = 0;
        bool operator==(const FileStamp&) const = default;
    };
    FileStamp stampNow() const;
    // The key to change, or nullptr with m_error set (the file unreadable, no such key).
    ClientKey* editableKey(const QString& idOrName);

    QString m_path;
    QList<ClientKey> m_keys;
    QString m_error;
    QString m_loadError; // set while the file on disk could not be read: it must not be overwritten
    FileStamp m_stamp;
};
