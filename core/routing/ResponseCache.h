#pragma once

#include "core/common/ProviderTypes.h"

#include <QHash>
#include <QString>

#include <list>
#include <optional>

// An answer kept for the exact same conversation on the same tier.
struct CachedAnswer
{
    QString text;
    TokenUsage usage;
    QString modelId;
    QString providerId;
    qint64 storedMs = 0; // Clock ms since epoch
};

// Opt-in exact-match cache (TierSettings::cacheEnabled), the router's last resort when every
// model failed. Keyed by the normalised messages (role + content, trimmed, whitespace collapsed)
// and the tier; least recently used entries go first. Not thread-safe: one thread owns it.
class ResponseCache
{
public:
    explicit ResponseCache(int capacity = 256);

    static QString key(const QList<ChatMessage>& messages, const QString& tier);

    std::optional<CachedAnswer> lookup(const QList<ChatMessage>& messages, const QString& tier);
    void store(const QList<ChatMessage>& messages, const QString& tier, const CachedAnswer& answer);

    int size() const { return int(m_index.size()); }
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    void clear();

private:
    struct Entry
    {
        QString key;
        CachedAnswer answer;
    };
    void trim();

    int m_capacity;
    std::list<Entry> m_entries; // most recently used first
    QHash<QString, std::list<Entry>::iterator> m_index;
};
