#include "core/gateway/ResponsesStore.h"

#include <QJsonDocument>

ResponsesStore::ResponsesStore(qsizetype maxResponses, qsizetype maxBytes)
    : m_maxResponses(maxResponses)
    , m_maxBytes(maxBytes)
{
}

void ResponsesStore::put(const QString& id, const QString& previousId, const QJsonArray& input,
                         const QJsonArray& output)
{
    if (id.isEmpty() || m_entries.contains(id)) {
        return;
    }
    Entry entry { previousId, input, output, 0 };
    entry.bytes = QJsonDocument(input).toJson(QJsonDocument::Compact).size()
        + QJsonDocument(output).toJson(QJsonDocument::Compact).size() + id.size() + previousId.size();
    m_bytes += entry.bytes;
    m_entries.insert(id, std::move(entry));
    m_order.append(id);
    evict();
}

void ResponsesStore::evict()
{
    while (!m_order.isEmpty() && (m_order.size() > m_maxResponses || m_bytes > m_maxBytes)) {
        const auto oldest = m_entries.constFind(m_order.takeFirst());
        if (oldest != m_entries.cend()) {
            m_bytes -= oldest->bytes;
            m_entries.erase(oldest);
        }
    }
}

std::optional<QJsonArray> ResponsesStore::conversation(const QString& id) const
{
    QList<const Entry*> chain;
    QString at = id;
    // Each response names an older one, so a chain is at most as long as the store.
    while (!at.isEmpty()) {
        const auto entry = m_entries.constFind(at);
        if (entry == m_entries.cend() || chain.size() > m_entries.size()) {
            return std::nullopt;
        }
        chain.prepend(&*entry);
        at = entry->previousId;
    }
    QJsonArray items;
    for (const Entry* entry : std::as_const(chain)) {
        for (const QJsonValue& item : entry->input) {
            items.append(item);
        }
        for (const QJsonValue& item : entry->output) {
            items.append(item);
        }
    }
    return items;
}
