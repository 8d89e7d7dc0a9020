#include "core/routing/ResponseCache.h"

#include "core/common/Clock.h"

ResponseCache::ResponseCache(int capacity)
    : m_capacity(qMax(1, capacity))
{
}

QString ResponseCache::key(const QList<ChatMessage>& messages, const QString& tier)
{
    // Unit and record separators cannot appear in normalised text, so keys cannot collide by joining.
    QString result = tier;
    for (const ChatMessage& message : messages) {
        result += QChar(0x1e) + message.role.trimmed().toLower() + QChar(0x1f) + message.content.simplified();
    }
    return result;
}

std::optional<CachedAnswer> ResponseCache::lookup(const QList<ChatMessage>& messages, const QString& tier)
{
    const auto found = m_index.constFind(key(messages, tier));
    if (found == m_index.cend()) {
        return std::nullopt;
    }
    m_entries.splice(m_entries.begin(), m_entries, *found);
    return m_entries.front().answer;
}

void ResponseCache::store(const QList<ChatMessage>& messages, const QString& tier, const CachedAnswer& answer)
{
    const QString entryKey = key(messages, tier);
    CachedAnswer stored = answer;
    if (stored.storedMs == 0) {
        stored.storedMs = Clock::instance().currentMSecsSinceEpoch();
    }
    const auto found = m_index.constFind(entryKey);
    if (found != m_index.cend()) {
        (*found)->answer = stored;
        m_entries.splice(m_entries.begin(), m_entries, *found);
        return;
    }
    m_entries.push_front({ entryKey, stored });
    m_index.insert(entryKey, m_entries.begin());
    trim();
}

void ResponseCache::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    trim();
}

void ResponseCache::clear()
{
    m_entries.clear();
    m_index.clear();
}

void ResponseCache::trim()
{
    while (int(m_entries.size()) > m_capacity) {
        m_index.remove(m_entries.back().key);
        m_entries.pop_back();
    }
}
