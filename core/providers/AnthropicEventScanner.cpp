#include "AnthropicEventScanner.h"

bool AnthropicEventScanner::scan(QByteArrayView json, Event* event)
{
    AnthropicEventScanner scanner(json);
    if (!scanner.exactDelta()) {
        scanner = AnthropicEventScanner(json); // start over on the general reading
        if (!scanner.anyLayout()) {
            return false;
        }
    }
    if (JsonCursor::equals(scanner.m_type, "content_block_delta")) {
        if (!scanner.m_sawDelta) {
            return false;
        }
        // What the full decoder shows: the text of a text_delta, the thinking of a thinking_delta,
        // nothing of input_json_delta, signature_delta or later kinds.
        event->kind = Kind::Delta;
        event->text = JsonCursor::equals(scanner.m_kind, "text_delta") ? std::move(scanner.m_text) : QString();
        event->thinking
            = JsonCursor::equals(scanner.m_kind, "thinking_delta") ? std::move(scanner.m_thinking) : QString();
        return true;
    }
    if (JsonCursor::equals(scanner.m_type, "message_stop")) {
        event->kind = Kind::MessageStop;
        return true;
    }
    event->kind = Kind::Quiet;
    return JsonCursor::equals(scanner.m_type, "ping") || JsonCursor::equals(scanner.m_type, "content_block_stop");
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
        m_kind = "text_delta";
        target = &m_text;
    } else if (m_json.literal(R"(,"delta":{"type":"thinking_delta","thinking":)")) {
        m_kind = "thinking_delta";
        target = &m_thinking;
    } else {
        return false;
    }
    if (m_json.atEnd() || m_json.peek() != '"' || !m_json.string(target) || !m_json.literal("}}")) {
        return false;
    }
    m_json.skipSpace();
    m_type = "content_block_delta";
    m_sawDelta = true;
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
        QByteArrayView key;
        if (m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(&key)) {
            return false;
        }
        m_json.skipSpace();
        if (!m_json.consume(':')) {
            return false;
        }
        m_json.skipSpace();
        if (JsonCursor::equals(key, "type")) {
            if (sawType || m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(&m_type)) {
                return false; // a repeated or escaped type: the full decoder's call
            }
            sawType = true;
            const bool known = JsonCursor::equals(m_type, "content_block_delta") || JsonCursor::equals(m_type, "ping")
                || JsonCursor::equals(m_type, "content_block_stop") || JsonCursor::equals(m_type, "message_stop");
            if (!known) {
                return false; // events with usage, blocks, errors: the full way
            }
        } else if (JsonCursor::equals(key, "delta")) {
            if (m_sawDelta || !change(1)) {
                return false;
            }
            m_sawDelta = true;
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

// The "delta" object: its type, and the text or thinking it carries.
bool AnthropicEventScanner::change(int depth)
{
    if (m_json.atEnd() || !m_json.consume('{')) {
        return false;
    }
    m_json.skipSpace();
    bool sawKind = false;
    bool sawText = false;
    bool sawThinking = false;
    bool closed = m_json.consume('}');
    while (!closed) {
        QByteArrayView key;
        if (m_json.atEnd() || m_json.peek() != '"' || !m_json.plainString(&key)) {
            return false;
        }
        m_json.skipSpace();
        if (!m_json.consume(':')) {
            return false;
        }
        m_json.skipSpace();
        const bool isString = !m_json.atEnd() && m_json.peek() == '"';
        if (JsonCursor::equals(key, "type")) {
            if (sawKind || !isString || !m_json.plainString(&m_kind)) {
                return false;
            }
            sawKind = true;
        } else if (const bool isText = JsonCursor::equals(key, "text"); isText || JsonCursor::equals(key, "thinking")) {
            bool& saw = isText ? sawText : sawThinking;
            // Not a string (or said twice): the full decoder's reading decides.
            if (saw || !isString || !m_json.string(isText ? &m_text : &m_thinking)) {
                return false;
            }
            saw = true;
        } else if (!m_json.skipValue(depth + 1)) {
            return false;
        }
        if (!afterMember(&closed)) {
            return false;
        }
    }
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
