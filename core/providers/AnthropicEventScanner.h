#pragma once

#include "core/providers/JsonCursor.h"

#include <QByteArrayView>
#include <QString>

#include <initializer_list>
#include <optional>

// The fast path for the events of an Anthropic Messages stream: content_block_delta,
// content_block_start, message_start and message_delta (their text, thinking, stop reason and
// usage counts), and ping, content_block_stop and message_stop. One strict pass (JsonCursor), no
// DOM; the exact bytes Anthropic sends for a delta are matched first. Errors, unknown events and
// any doubt (duplicate keys, odd types, escaped names, counts as strings) return false and the
// caller decodes with QJsonDocument - so the fast path can only be faster, never different.
class AnthropicEventScanner
{
public:
    enum class Kind
    {
        Text, // content_block_delta / a thinking block's start: text and thinking as the full decoder shows them
        TextStart, // a text block's start: its text, and `cited` when it has Claude's (empty) citations list
        MessageStart,
        MessageDelta,
        Quiet, // ping
        BlockStop, // content_block_stop
        MessageStop
    };

    // The fields a "usage" object sets; the others keep their value (AnthropicUsage::merge).
    struct UsageCounts
    {
        std::optional<qint64> inputTokens;
        std::optional<qint64> cacheReadTokens;
        std::optional<qint64> cacheCreationTokens;
        std::optional<qint64> cacheWrite5mTokens; // usage.cache_creation.ephemeral_5m_input_tokens
        std::optional<qint64> cacheWrite1hTokens; // usage.cache_creation.ephemeral_1h_input_tokens
        std::optional<qint64> outputTokens;
        std::optional<qint64> webSearches; // usage.server_tool_use.web_search_requests, billed per search
    };

    struct Event
    {
        Kind kind = Kind::Quiet;
        QString text;
        QString thinking;
        QString stopReason; // message_delta
        std::optional<UsageCounts> usage; // message_start, message_delta: set when a usage object came
        bool cited = false; // TextStart: the block has a citations list
    };

    static bool scan(QByteArrayView json, Event* event);

private:
    // A "delta" or "content_block" object: its type and the strings we show.
    struct Part
    {
        bool seen = false;
        QByteArrayView kind;
        QString text;
        QString thinking;
        QString stopReason;
        bool citations = false; // an empty "citations" list (a list with citations is the full decoder's)
    };

    explicit AnthropicEventScanner(QByteArrayView json);
    bool exactDelta();
    bool anyLayout();
    bool result(Event* event);
    bool part(Part* into, int depth);
    bool message(int depth);
    bool usage(std::optional<UsageCounts>* into, int depth);
    // Reads {"name": count or null, ...}: each listed count at most once, others skipped.
    bool counts(std::initializer_list<std::pair<const char*, std::optional<qint64>*>> fields, int depth,
                UsageCounts* nested);
    template <typename ReadValue>
    bool members(ReadValue readValue);

    JsonCursor m_json;
    QByteArrayView m_type; // the event's "type"
    Part m_delta;
    Part m_block; // content_block
    bool m_sawMessage = false;
    std::optional<UsageCounts> m_usage; // the event's own (message_delta)
    std::optional<UsageCounts> m_messageUsage; // its message's (message_start)
};
