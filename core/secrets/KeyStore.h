#pragma once

#include "core/common/ProviderTypes.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QStringList>

namespace QKeychain {
class Job;
}

// API keys in the OS keychain (Secret Service, macOS Keychain, Windows Credential Store) through
// QtKeychain, the way Nheko does it: one job at a time, "entry not found" means "no key".
// Keys read are cached in memory so that key() can answer synchronously for ProviderClient's key
// resolver; a provider without a keychain key falls back to its environment variable (keyEnv).
// There is no plain-text fallback: when no keychain service runs, keychainAvailable() turns false,
// keychainError() says why, and keys can still come from the environment.
// Keys are never logged; show them with masked().
class KeyStore : public QObject
{
    Q_OBJECT

public:
    enum class Source
    {
        None,
        Keychain,
        Environment,
    };
    Q_ENUM(Source)

    static constexpr const char* ServiceName = "Switchyard";

    explicit KeyStore(QObject* parent = nullptr);
    ~KeyStore() override;

    // Each emits its signal once the keychain has answered (queued behind earlier jobs).
    void readKey(const QString& providerId);
    void writeKey(const QString& providerId, const QString& key);
    void deleteKey(const QString& providerId);
    // Reads all of them into the cache, then emits preloaded().
    void preload(const QStringList& providerIds);

    // Synchronous, from the cache: the keychain key if one was read or written, else the
    // environment variable named by provider.keyEnv, else empty.
    QString key(const ProviderConfig& provider) const;
    Source source(const ProviderConfig& provider) const;
    // "in the keychain", "from OPENAI_API_KEY", "no key" - for the providers dialog.
    QString sourceText(const ProviderConfig& provider) const;
    bool hasCachedKey(const QString& providerId) const { return m_keys.contains(providerId); }
    // An entry that is no provider's key (the ledger's password, LedgerUrl::keychainEntry), once
    // read or written; empty otherwise.
    QString cachedSecret(const QString& entry) const { return m_keys.value(entry); }
    // Reads `entry` and waits for the keychain's answer (up to timeoutMs, events processed
    // meanwhile), for what must be known before startup goes on. Empty when there is none.
    QString readSecretNow(const QString& entry, int timeoutMs = 5000);
    bool isBusy() const { return m_current != nullptr || !m_queue.isEmpty(); }

    // True until a job found no keychain service.
    bool keychainAvailable() const { return m_available; }
    // A sentence for the user when the keychain is unavailable; empty otherwise.
    QString keychainError() const { return m_keychainError; }

    // "sk-…9f3a": enough to recognise a key, never enough to use it.
    static QString masked(const QString& key);

signals:
    void keyRead(const QString& providerId, bool found);
    void keyWritten(const QString& providerId, bool ok, const QString& error);
    void keyDeleted(const QString& providerId, bool ok, const QString& error);
    void preloaded();
    void keychainAvailabilityChanged(bool available);

private:
    enum class OpType
    {
        Read,
        Write,
        Delete,
        PreloadDone,
    };
    struct Op
    {
        OpType type;
        QString providerId;
        QString key;
    };

    void enqueue(Op op);
    void startNext();
    void jobFinished(QKeychain::Job* job);
    void markUnavailable(const QString& detail);

    QQueue<Op> m_queue;
    QKeychain::Job* m_current = nullptr;
    Op m_currentOp { OpType::Read, {}, {} };
    QHash<QString, QString> m_keys;
    bool m_available = true;
    QString m_keychainError;
};
