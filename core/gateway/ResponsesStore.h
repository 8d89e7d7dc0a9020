#pragma once

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

// The responses the gateway answered on /v1/responses with `store` (the API's default), kept so
// that a later request's `previous_response_id` continues the conversation as OpenAI's own store
// does: each response keeps the input it added and the output it gave, and a conversation is the
// chain of them. In memory while the gateway runs, bounded by count and size; the oldest go first,
// and a chain whose start is gone is not found (a 400 naming previous_response_id, as OpenAI answers).
class ResponsesStore
{
public:
    explicit ResponsesStore(qsizetype maxResponses = 10000, qsizetype maxBytes = 128 * 1024 * 1024);

    // `input`: the items this request added (after those of `previousId`'s conversation).
    void put(const QString& id, const QString& previousId, const QJsonArray& input, const QJsonArray& output);
    // Every item of the conversation up to and including `id`'s output, oldest first; nullopt when
    // `id` (or a response it continues) is not kept.
    std::optional<QJsonArray> conversation(const QString& id) const;
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry
    {
        QString previousId;
        QJsonArray input;
        QJsonArray output;
        qsizetype bytes = 0;
    };
    void evict();

    QHash<QString, Entry> m_entries;
    QList<QString> m_order; // oldest first
    qsizetype m_bytes = 0;
    qsizetype m_maxResponses;
    qsizetype m_maxBytes;
};
