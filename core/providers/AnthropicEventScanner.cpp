#include "AnthropicEventScanner.h"

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

bool AnthropicEventScanner::anyLayout()
{
    m_json.skipSpace();
    if (!m_json.consume('{')) {
        return false;
    }
    m_json.skipSpace();
    bool sawType = false;
    bool closed = m_json.consume('}');
    while (!closed) {
        QByteArrayView name;
        if (!key(&name)) {
            return false;
        }
        if (JsonCursor::equals(name, "type")) {
            if (sawType || m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(&m_type)
                || !isKnownType(m_type)) {
                return false; // errors and events we do not know go the full way
            }
            sawType = true;
        } else if (JsonCursor::equals(name, "delta")) {
            if (!part(&m_delta, 1)) {
                return false;
            }
        } else if (JsonCursor::equals(name, "content_block")) {
            if (!part(&m_block, 1)) {
                return false;
            }
        } else if (JsonCursor::equals(name, "message")) {
            if (m_sawMessage || !message(1)) {
                return false;
            }
            m_sawMessage = true;
        } else if (JsonCursor::equals(name, "usage")) {
            if (m_usage || !usage(&m_usage, 1)) {
                return false;
            }
        } else if (!m_json.skipValue(1)) {
            return false;
        }
        if (!afterMember(&closed)) {
            return false;
        }
    }
    m_json.skipSpace();
    return m_json.atEnd() && sawType;
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
        // The text of a text block or delta, the thinking of a thinking one, nothing of
        // tool input, signatures or later kinds.
        event->kind = Kind::Text;
        const bool text = isDelta ? JsonCursor::equals(part.kind, "text_delta") : JsonCursor::equals(part.kind, "text");
        const bool thinking
            = isDelta ? JsonCursor::equals(part.kind, "thinking_delta") : JsonCursor::equals(part.kind, "thinking");
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
    event->kind = JsonCursor::equals(m_type, "message_stop") ? Kind::MessageStop : Kind::Quiet;
    return true;
}

bool AnthropicEventScanner::part(Part* into, int depth)
{
    if (into->seen || m_json.atEnd() || !m_json.consume('{')) {
        return false;
    }
    into->seen = true;
    m_json.skipSpace();
    bool sawKind = false;
    bool sawText = false;
    bool sawThinking = false;
    bool sawStop = false;
    bool closed = m_json.consume('}');
    while (!closed) {
        QByteArrayView name;
        if (!key(&name)) {
            return false;
        }
        const bool isString = !m_json.atEnd() && m_json.peek() == '"';
        // A wanted member that is not a string (or comes twice): the full decoder's reading decides.
        if (JsonCursor::equals(name, "type")) {
            if (sawKind || !isString || !m_json.plainString(&into->kind)) {
                return false;
            }
            sawKind = true;
        } else if (JsonCursor::equals(name, "text")) {
            if (sawText || !isString || !m_json.string(&into->text)) {
                return false;
            }
            sawText = true;
        } else if (JsonCursor::equals(name, "thinking")) {
            if (sawThinking || !isString || !m_json.string(&into->thinking)) {
                return false;
            }
            sawThinking = true;
        } else if (JsonCursor::equals(name, "stop_reason")) {
            const bool ok = isString ? m_json.string(&into->stopReason) : m_json.literal("null");
            if (sawStop || !ok) {
                return false;
            }
            sawStop = true;
        } else if (!m_json.skipValue(depth + 1)) {
            return false;
        }
        if (!afterMember(&closed)) {
            return false;
        }
    }
    return true;
}

// message_start's "message": only its usage matters.
bool AnthropicEventScanner::message(int depth)
{
    if (m_json.atEnd() || !m_json.consume('{')) {
        return false;
    }
    m_json.skipSpace();
    bool closed = m_json.consume('}');
    while (!closed) {
        QByteArrayView name;
        if (!key(&name)) {
            return false;
        }
        if (JsonCursor::equals(name, "usage")) {
            if (m_messageUsage || !usage(&m_messageUsage, depth + 1)) {
                return false;
            }
        } else if (!m_json.skipValue(depth + 1)) {
            return false;
        }
        if (!afterMember(&closed)) {
            return false;
        }
    }
    return true;
}

bool AnthropicEventScanner::usage(std::optional<UsageCounts>* into, int depth)
{
    if (m_json.atEnd() || !m_json.consume('{')) {
        return false; // null or not an object: rare, the full decoder reads it
    }
    UsageCounts& counts = into->emplace();
    unsigned seen = 0; // the wanted keys met, to refuse a repeated one
    m_json.skipSpace();
    bool closed = m_json.consume('}');
    while (!closed) {
        QByteArrayView name;
        if (!key(&name)) {
            return false;
        }
        std::optional<qint64>* field = nullptr;
        unsigned bit = 0;
        if (JsonCursor::equals(name, "input_tokens")) {
            field = &counts.inputTokens;
            bit = 1;
        } else if (JsonCursor::equals(name, "cache_read_input_tokens")) {
            field = &counts.cacheReadTokens;
            bit = 2;
        } else if (JsonCursor::equals(name, "cache_creation_input_tokens")) {
            field = &counts.cacheCreationTokens;
            bit = 4;
        } else if (JsonCursor::equals(name, "output_tokens")) {
            field = &counts.outputTokens;
            bit = 8;
        }
        if (field) {
            // A count, or null (which leaves the field as it was); strings and the rest: full way.
            qint64 count = 0;
            if ((seen & bit) || m_json.atEnd()) {
                return false;
            }
            seen |= bit;
            if (m_json.peek() == 'n') {
                if (!m_json.literal("null")) {
                    return false;
                }
            } else if (!m_json.count(&count)) {
                return false;
            } else {
                *field = count;
            }
        } else if (!m_json.skipValue(depth + 1)) {
            return false;
        }
        if (!afterMember(&closed)) {
            return false;
        }
    }
    return true;
}

bool AnthropicEventScanner::key(QByteArrayView* name)
{
    if (m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(name)) {
        return false;
    }
    m_json.skipSpace();
    if (!m_json.consume(':')) {
        return false;
    }
    m_json.skipSpace();
    return true;
}

bool AnthropicEventScanner::afterMember(bool* closed)
{
    m_json.skipSpace();
    if (m_json.consume('}')) {
        *closed = true;
        return true;
    }
    if (!m_json.consume(',')) {
        return false;
    }
    m_json.skipSpace();
    return true;
}
