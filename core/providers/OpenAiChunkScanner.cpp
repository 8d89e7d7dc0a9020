#include "OpenAiChunkScanner.h"

#include "WireJson.h"

namespace {
constexpr int kMaxDepth = 64;

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}
} // namespace

bool OpenAiChunkScanner::scan(QByteArrayView json, Chunk* chunk)
{
    if (!WireJson::isValidUtf8(json)) {
        return false;
    }
    OpenAiChunkScanner scanner(json, chunk);
    scanner.skipSpace();
    if (!scanner.value(Slot::Root, 0)) {
        return false;
    }
    scanner.skipSpace();
    return scanner.m_at == scanner.m_end && scanner.m_choiceCount == 1;
}

OpenAiChunkScanner::OpenAiChunkScanner(QByteArrayView json, Chunk* chunk)
    : m_at(json.data())
    , m_end(json.data() + json.size())
    , m_chunk(chunk)
{
}

void OpenAiChunkScanner::skipSpace()
{
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t')) {
        ++m_at;
    }
}

OpenAiChunkScanner::Slot OpenAiChunkScanner::childOf(Slot parent, QByteArrayView key) const
{
    switch (parent) {
    case Slot::Root:
        if (key == "choices") {
            return Slot::Choices;
        }
        if (key == "error" || key == "usage") {
            return Slot::Rejected;
        }
        return Slot::Ignored;
    case Slot::Choice:
        if (key == "delta") {
            return Slot::Delta;
        }
        if (key == "finish_reason") {
            return Slot::FinishReason;
        }
        if (key == "index") {
            return Slot::Index;
        }
        return Slot::Ignored;
    case Slot::Delta:
        if (key == "content") {
            return Slot::Content;
        }
        if (key == "reasoning_content") {
            return Slot::ReasoningContent;
        }
        if (key == "reasoning") {
            return Slot::Reasoning;
        }
        return Slot::Ignored;
    default:
        return Slot::Ignored;
    }
}

bool OpenAiChunkScanner::value(Slot slot, int depth)
{
    if (m_at >= m_end || depth > kMaxDepth) {
        return false;
    }
    const char c = *m_at;
    if (slot == Slot::Rejected) {
        return c == 'n' && literal("null"); // a null error or usage changes nothing
    }
    if (c == '{') {
        return object(slot, depth);
    }
    if (slot == Slot::Root || slot == Slot::Choice || slot == Slot::Delta) {
        return false; // not an object where one is expected: the full decoder decides
    }
    if (c == '[') {
        return array(slot, depth);
    }
    if (slot == Slot::Choices) {
        return false;
    }
    if (c == '"') {
        QString* target = nullptr;
        switch (slot) {
        case Slot::Content:
            target = &m_chunk->content;
            break;
        case Slot::ReasoningContent:
            target = &m_chunk->reasoningContent;
            break;
        case Slot::Reasoning:
            target = &m_chunk->reasoning;
            break;
        case Slot::FinishReason:
            target = &m_chunk->finishReason;
            break;
        case Slot::Index:
            return false; // a numeric string index: rare, leave it to the full decoder
        default:
            break;
        }
        return string(target);
    }
    if (c == 't') {
        return literal("true");
    }
    if (c == 'f') {
        return literal("false");
    }
    if (c == 'n') {
        return literal("null");
    }
    bool isZero = false;
    if (!number(&isZero)) {
        return false;
    }
    return slot != Slot::Index || isZero; // only choice 0 is shown
}

bool OpenAiChunkScanner::object(Slot slot, int depth)
{
    ++m_at; // '{'
    if (closesAt('}')) {
        return true; // empty
    }
    while (m_at < m_end) {
        if (*m_at != '"') {
            return false;
        }
        const char* keyStart = m_at + 1;
        if (!string(nullptr)) {
            return false;
        }
        const QByteArrayView key(keyStart, m_at - 1 - keyStart);
        if (key.contains('\\')) {
            return false; // an escaped key may spell a wanted one
        }
        const Slot child = childOf(slot, key);
        if (child != Slot::Ignored) {
            const unsigned bit = 1u << unsigned(child);
            if (m_seen & bit) {
                return false; // a duplicate key: which one wins is the full decoder's call
            }
            m_seen |= bit;
        }
        skipSpace();
        if (m_at >= m_end || *m_at != ':') {
            return false;
        }
        ++m_at;
        skipSpace();
        if (!value(child, depth + 1)) {
            return false;
        }
        const Step step = afterMember('}');
        if (step != Step::More) {
            return step == Step::Closed;
        }
    }
    return false;
}

bool OpenAiChunkScanner::array(Slot slot, int depth)
{
    ++m_at; // '['
    if (closesAt(']')) {
        return true; // empty
    }
    while (m_at < m_end) {
        Slot child = Slot::Ignored;
        if (slot == Slot::Choices) {
            if (++m_choiceCount > 1) {
                return false; // several choices: the full decoder picks index 0
            }
            child = Slot::Choice;
        }
        if (!value(child, depth + 1)) {
            return false;
        }
        const Step step = afterMember(']');
        if (step != Step::More) {
            return step == Step::Closed;
        }
    }
    return false;
}

bool OpenAiChunkScanner::closesAt(char close)
{
    skipSpace();
    if (m_at < m_end && *m_at == close) {
        ++m_at;
        return true;
    }
    return false;
}

OpenAiChunkScanner::Step OpenAiChunkScanner::afterMember(char close)
{
    if (closesAt(close)) {
        return Step::Closed;
    }
    if (m_at >= m_end || *m_at != ',') {
        return Step::Invalid;
    }
    ++m_at;
    skipSpace();
    return Step::More;
}

// At the opening quote; leaves m_at after the closing one. Decodes into *decoded when given.
bool OpenAiChunkScanner::string(QString* decoded)
{
    ++m_at;
    const char* runStart = m_at;
    QString text;
    auto flushRun = [&] {
        if (decoded && m_at > runStart) {
            text += QString::fromUtf8(runStart, m_at - runStart);
        }
    };
    while (m_at < m_end) {
        const unsigned char c = static_cast<unsigned char>(*m_at);
        if (c == '"') {
            flushRun();
            ++m_at;
            if (decoded) {
                *decoded = std::move(text);
            }
            return true;
        }
        if (c < 0x20) {
            return false;
        }
        if (c != '\\') {
            ++m_at;
            continue;
        }
        flushRun();
        if (m_end - m_at < 2) {
            return false;
        }
        const char escaped = m_at[1];
        m_at += 2;
        char16_t unit = 0;
        switch (escaped) {
        case '"':
        case '\\':
        case '/':
            unit = char16_t(escaped);
            break;
        case 'b':
            unit = u'\b';
            break;
        case 'f':
            unit = u'\f';
            break;
        case 'n':
            unit = u'\n';
            break;
        case 'r':
            unit = u'\r';
            break;
        case 't':
            unit = u'\t';
            break;
        case 'u': {
            if (m_end - m_at < 4) {
                return false;
            }
            int code = 0;
            for (int i = 0; i < 4; ++i) {
                const int digit = hexValue(m_at[i]);
                if (digit < 0) {
                    return false;
                }
                code = code * 16 + digit;
            }
            m_at += 4;
            if (code >= 0xD800 && code <= 0xDFFF) {
                return false; // surrogates: how lone ones decode is the full decoder's call
            }
            unit = char16_t(code);
            break;
        }
        default:
            return false;
        }
        if (decoded) {
            text += QChar(unit);
        }
        runStart = m_at;
    }
    return false;
}

bool OpenAiChunkScanner::number(bool* isZero)
{
    const char* start = m_at;
    if (m_at < m_end && *m_at == '-') {
        ++m_at;
    }
    if (m_at >= m_end) {
        return false;
    }
    if (*m_at == '0') {
        ++m_at;
    } else if (*m_at >= '1' && *m_at <= '9') {
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
    } else {
        return false;
    }
    const bool integer = m_at == m_end || (*m_at != '.' && *m_at != 'e' && *m_at != 'E');
    if (m_at < m_end && *m_at == '.') {
        ++m_at;
        const char* digits = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
        if (m_at == digits) {
            return false;
        }
    }
    if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
        ++m_at;
        if (m_at < m_end && (*m_at == '+' || *m_at == '-')) {
            ++m_at;
        }
        const char* digits = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
            ++m_at;
        }
        if (m_at == digits) {
            return false;
        }
    }
    *isZero = integer && QByteArrayView(start, m_at - start) == "0";
    // Exponents and very long numbers may overflow a double, which QJsonDocument refuses.
    const bool plain = m_at - start <= 18 && !QByteArrayView(start, m_at - start).contains('e')
        && !QByteArrayView(start, m_at - start).contains('E');
    return plain;
}

bool OpenAiChunkScanner::literal(QByteArrayView word)
{
    if (m_end - m_at < word.size() || QByteArrayView(m_at, word.size()) != word) {
        return false;
    }
    m_at += word.size();
    return true;
}
