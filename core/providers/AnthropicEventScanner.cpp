#include "core/providers/AnthropicEventScanner.h"

namespace {
bool isKnownType(QByteArrayView type)
{
    for (const char* known : { "content_block_delta", "content_block_start", "message_start", "message_delta", "ping",
                               "content_block_stop", "message_stop" }) {
        if (type == QByteArrayView(known)) {
            return true;
        }
    }
    return false;
}
} // namespace

bool AnthropicEventScanner::scan(QByteArrayView json, Event* event)
{
    AnthropicEventScanner scanner(json);
    if (!scanner.exactDelta()) {
        scanner = AnthropicEventScanner(json); // start over on the general reading
        if (!scanner.anyLayout()) {
            return false;
        }
    }
    return scanner.result(event);
}

AnthropicEventScanner::AnthropicEventScanner(QByteArrayView json)
    : m_json(json)
{
}

// {"type":"content_block_delta","index":N,"delta":{"type":"text_delta","text":"..."}}, byte for
// byte as the API writes it (or thinking_delta / "thinking"): only the string needs reading.
bool AnthropicEventScanner::exactDelta()
{
    bool isZero = false;
    if (!m_json.literal(R"({"type":"content_block_delta","index":)") || m_json.atEnd() || !m_json.number(&isZero)) {
        return false;
    }
    QString* target = nullptr;
    if (m_json.literal(R"(,"delta":{"type":"text_delta","text":)")) {
        m_delta.kind = "text_delta";
        target = &m_delta.text;
    } else if (m_json.literal(R"(,"delta":{"type":"thinking_delta","thinking":)")) {
        m_delta.kind = "thinking_delta";
        target = &m_delta.thinking;
    } else {
        return false;
    }
    if (m_json.atEnd() || m_json.peek() != '"' || !m_json.string(target) || !m_json.literal("}}")) {
        return false;
    }
    m_json.skipSpace();
    m_type = "content_block_delta";
    m_delta.seen = true;
    return m_json.atEnd();
}

// At '{': reads every member up to '}', with readValue(key) reading each value. False on
// invalid JSON or when readValue refuses.
template <typename ReadValue>
bool AnthropicEventScanner::members(ReadValue readValue)
{
    if (m_json.atEnd() || !m_json.consume('{')) {
        return false;
    }
    m_json.skipSpace();
    if (m_json.consume('}')) {
        return true;
    }
    while (true) {
        QByteArrayView name;
        if (m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(&name)) {
            return false;
        }
        m_json.skipSpace();
        if (!m_json.consume(':')) {
            return false;
        }
        m_json.skipSpace();
        if (!readValue(name)) {
            return false;
        }
        m_json.skipSpace();
        if (m_json.consume('}')) {
            return true;
        }
        if (!m_json.consume(',')) {
            return false;
        }
        m_json.skipSpace();
    }
}

bool AnthropicEventScanner::anyLayout()
{
    bool sawType = false;
    m_json.skipSpace();
    const bool read = members([this, &sawType](QByteArrayView name) {
        if (JsonCursor::equals(name, "type")) {
            if (sawType || m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(&m_type)) {
                return false; // a repeated or escaped type: the full decoder's call
            }
            sawType = true;
            return isKnownType(m_type); // errors and events we do not know go the full way
        }
        if (JsonCursor::equals(name, "delta")) {
            return part(&m_delta, 1);
        }
        if (JsonCursor::equals(name, "content_block")) {
            return part(&m_block, 1);
        }
        if (JsonCursor::equals(name, "message")) {
            return !std::exchange(m_sawMessage, true) && message(1);
        }
        if (JsonCursor::equals(name, "usage")) {
            return !m_usage && usage(&m_usage, 1);
        }
        return m_json.skipValue(1);
    });
    m_json.skipSpace();
    return read && m_json.atEnd() && sawType;
}

// What the full decoder reads off each event type.
bool AnthropicEventScanner::result(Event* event)
{
    if (JsonCursor::equals(m_type, "content_block_delta") || JsonCursor::equals(m_type, "content_block_start")) {
        const bool isDelta = JsonCursor::equals(m_type, "content_block_delta");
        Part& part = isDelta ? m_delta : m_block;
        if (!part.seen || (isDelta ? m_block.seen : m_delta.seen) || m_sawMessage || m_usage || m_messageUsage) {
            return false; // members the full decoder would not read here: keep to the usual shape
        }
        // The text of a text block or delta, the thinking of a thinking one; other kinds go to the full decoder.
        event->kind = Kind::Text;
        const bool text = isDelta ? JsonCursor::equals(part.kind, "text_delta") : JsonCursor::equals(part.kind, "text");
        const bool thinking
            = isDelta ? JsonCursor::equals(part.kind, "thinking_delta") : JsonCursor::equals(part.kind, "thinking");
        if (!text && !thinking) {
            return false; // tool calls, signatures, citations, server blocks: the full decoder reads them
        }
        if (!text && part.citations) {
            return false; // a citations list on another kind of block: the full decoder's reading
        }
        if (text && !isDelta) {
            event->kind = Kind::TextStart; // where Claude's blocks begin: each has its own citations
            event->cited = part.citations;
        }
        event->text = text ? std::move(part.text) : QString();
        event->thinking = thinking ? std::move(part.thinking) : QString();
        return true;
    }
    if (JsonCursor::equals(m_type, "message_start")) {
        event->kind = Kind::MessageStart;
        event->usage = m_messageUsage;
        return m_sawMessage && !m_usage && !m_block.seen && !m_delta.seen; // a top-level usage is not read here
    }
    if (JsonCursor::equals(m_type, "message_delta")) {
        event->kind = Kind::MessageDelta;
        event->stopReason = std::move(m_delta.stopReason);
        event->usage = m_usage;
        return !m_sawMessage && !m_messageUsage && !m_block.seen;
    }
    event->kind = JsonCursor::equals(m_type, "message_stop")
        ? Kind::MessageStop
        : (JsonCursor::equals(m_type, "content_block_stop") ? Kind::BlockStop : Kind::Quiet);
    return true;
}

bool AnthropicEventScanner::part(Part* into, int depth)
{
    if (std::exchange(into->seen, true)) {
        return false;
    }
    unsigned seen = 0; // the wanted members met: one said twice is the full decoder's call
    return members([this, into, depth, &seen](QByteArrayView name) {
        const bool isString = !m_json.atEnd() && m_json.peek() == '"';
        // A wanted member that is not a string (or comes twice): the full decoder's reading decides.
        const auto first = [&seen](unsigned bit) {
            const bool fresh = !(seen & bit);
            seen |= bit;
            return fresh;
        };
        if (JsonCursor::equals(name, "type")) {
            return first(1) && isString && m_json.plainString(&into->kind);
        }
        if (JsonCursor::equals(name, "text")) {
            return first(2) && isString && m_json.string(&into->text);
        }
        if (JsonCursor::equals(name, "thinking")) {
            return first(4) && isString && m_json.string(&into->thinking);
        }
        if (JsonCursor::equals(name, "stop_reason")) {
            return first(8) && (isString ? m_json.string(&into->stopReason) : m_json.literal("null"));
        }
        if (JsonCursor::equals(name, "citations")) {
            // Claude's cited blocks start with an empty list; citations in it are the full decoder's to read.
            into->citations = true;
            return first(16) && m_json.literal("[]");
        }
        return m_json.skipValue(depth + 1);
    });
}

// message_start's "message": only its usage matters.
bool AnthropicEventScanner::message(int depth)
{
    return members([this, depth](QByteArrayView name) {
        if (JsonCursor::equals(name, "usage")) {
            return !m_messageUsage && usage(&m_messageUsage, depth + 1);
        }
        return m_json.skipValue(depth + 1);
    });
}

bool AnthropicEventScanner::usage(std::optional<UsageCounts>* into, int depth)
{
    // Null or not an object is rare: members() refuses it and the full decoder reads it.
    UsageCounts& counts = into->emplace();
    return this->counts({ { "input_tokens", &counts.inputTokens },
                          { "cache_read_input_tokens", &counts.cacheReadTokens },
                          { "cache_creation_input_tokens", &counts.cacheCreationTokens },
                          { "output_tokens", &counts.outputTokens },
                          { "cache_creation", nullptr },
                          { "server_tool_use", nullptr } },
                        depth, &counts);
}

bool AnthropicEventScanner::counts(std::initializer_list<std::pair<const char*, std::optional<qint64>*>> fields,
                                   int depth, UsageCounts* nested)
{
    unsigned seen = 0; // the counts met, to refuse a repeated one
    return members([this, fields, &seen, depth, nested](QByteArrayView name) {
        unsigned i = 0;
        for (const auto& [key, target] : fields) {
            if (name != QByteArrayView(key)) {
                ++i;
                continue;
            }
            if ((seen & (1u << i)) || m_json.atEnd()) {
                return false;
            }
            seen |= 1u << i;
            if (m_json.peek() == 'n') {
                return m_json.literal("null");
            }
            if (!target) {
                if (!nested) {
                    return false;
                }
                // Server tools billed per use: skipping them would drop the surcharge of a search.
                if (name == QByteArrayView("server_tool_use")) {
                    return counts({ { "web_search_requests", &nested->webSearches } }, depth + 1, nullptr);
                }
                // The split of the cache writes by time to live (2025 and later).
                return counts({ { "ephemeral_5m_input_tokens", &nested->cacheWrite5mTokens },
                                { "ephemeral_1h_input_tokens", &nested->cacheWrite1hTokens } },
                              depth + 1, nullptr);
            }
            // A count, or null (which leaves the field as it was); strings and the rest: full way.
            qint64 count = 0;
            if (!m_json.count(&count)) {
                return false;
            }
            *target = count;
            return true;
        }
        return m_json.skipValue(depth + 1);
    });
}
