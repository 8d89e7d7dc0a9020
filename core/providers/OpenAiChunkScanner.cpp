#include "core/providers/OpenAiChunkScanner.h"

bool OpenAiChunkScanner::scan(QByteArrayView json, Chunk* chunk, Memo* memo)
{
    OpenAiChunkScanner scanner(json, chunk);
    bool read = false;
    if (memo && !memo->cleanPrefix.isEmpty() && json.startsWith(memo->cleanPrefix)) {
        // The same state as reading those bytes again: inside the root object, at a member,
        // nothing wanted seen (ignored members set nothing).
        scanner.m_json.seek(json.data() + memo->cleanPrefix.size());
        scanner.m_json.skipSpace();
        read = scanner.object(Slot::Root, 0, true);
    } else {
        scanner.m_json.skipSpace();
        read = scanner.value(Slot::Root, 0);
    }
    if (!read) {
        return false;
    }
    scanner.m_json.skipSpace();
    // A usage chunk may come with "choices": [] (OpenAI's last chunk).
    const bool choicesFit = scanner.m_choiceCount == 1 || (scanner.m_choiceCount == 0 && chunk->usage);
    if (!scanner.m_json.atEnd() || !choicesFit) {
        return false;
    }
    if (memo && scanner.m_cleanEnd) {
        const qsizetype length = scanner.m_cleanEnd - json.data();
        if (length != memo->cleanPrefix.size() || !json.startsWith(memo->cleanPrefix)) {
            memo->cleanPrefix = json.first(length).toByteArray();
        }
    }
    return true;
}

OpenAiChunkScanner::OpenAiChunkScanner(QByteArrayView json, Chunk* chunk)
    : m_json(json)
    , m_chunk(chunk)
{
}

OpenAiChunkScanner::Slot OpenAiChunkScanner::childOf(Slot parent, QByteArrayView key) const
{
    switch (parent) {
    case Slot::Root:
        if (JsonCursor::equals(key, "choices")) {
            return Slot::Choices;
        }
        if (JsonCursor::equals(key, "usage")) {
            return Slot::Usage;
        }
        if (JsonCursor::equals(key, "error")) {
            return Slot::Rejected;
        }
        return Slot::Ignored;
    case Slot::Usage:
        if (JsonCursor::equals(key, "prompt_tokens")) {
            return Slot::PromptTokens;
        }
        if (JsonCursor::equals(key, "completion_tokens")) {
            return Slot::CompletionTokens;
        }
        if (JsonCursor::equals(key, "total_tokens")) {
            return Slot::TotalTokens;
        }
        if (JsonCursor::equals(key, "prompt_cache_hit_tokens")) {
            return Slot::CacheHitTokens;
        }
        if (JsonCursor::equals(key, "prompt_tokens_details")) {
            return Slot::PromptDetails;
        }
        if (JsonCursor::equals(key, "completion_tokens_details")) {
            return Slot::CompletionDetails;
        }
        return Slot::Ignored;
    case Slot::PromptDetails:
        return JsonCursor::equals(key, "cached_tokens") ? Slot::CachedTokens : Slot::Ignored;
    case Slot::CompletionDetails:
        return JsonCursor::equals(key, "reasoning_tokens") ? Slot::ReasoningTokens : Slot::Ignored;
    case Slot::Choice:
        if (JsonCursor::equals(key, "delta")) {
            return Slot::Delta;
        }
        if (JsonCursor::equals(key, "finish_reason")) {
            return Slot::FinishReason;
        }
        if (JsonCursor::equals(key, "index")) {
            return Slot::Index;
        }
        if (JsonCursor::equals(key, "logprobs")) {
            return Slot::Rejected; // token log probabilities (when not null) are read by the full decoder
        }
        return Slot::Ignored;
    case Slot::Delta:
        if (JsonCursor::equals(key, "content")) {
            return Slot::Content;
        }
        if (JsonCursor::equals(key, "reasoning_content")) {
            return Slot::ReasoningContent;
        }
        if (JsonCursor::equals(key, "reasoning")) {
            return Slot::Reasoning;
        }
        if (JsonCursor::equals(key, "tool_calls") || JsonCursor::equals(key, "refusal")
            || JsonCursor::equals(key, "function_call") || JsonCursor::equals(key, "annotations")) {
            return Slot::Rejected; // tool calls, refusals, citations (when not null): the full decoder
        }
        return Slot::Ignored;
    default:
        return Slot::Ignored;
    }
}

bool OpenAiChunkScanner::value(Slot slot, int depth)
{
    if (m_json.atEnd() || depth > JsonCursor::kMaxDepth) {
        return false;
    }
    const char c = m_json.peek();
    if (slot == Slot::Ignored) {
        return m_json.skipValue(depth); // most members: no slot to care about
    }
    if (slot == Slot::Rejected) {
        return c == 'n' && m_json.literal("null"); // a null error changes nothing
    }
    if (qint64* target = countTarget(slot)) {
        return m_json.count(target); // anything but a plain count: the full decoder's lenient reading
    }
    if (slot == Slot::Usage || slot == Slot::PromptDetails || slot == Slot::CompletionDetails) {
        if (c == 'n') {
            return m_json.literal("null"); // the same as absent
        }
        if (c != '{') {
            return false;
        }
        if (slot == Slot::Usage) {
            m_chunk->usage.emplace();
        }
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
        // A numeric string index is rare: the full decoder reads it.
        return slot != Slot::Index && m_json.string(stringTarget(slot));
    }
    if (c == 't' || c == 'f' || c == 'n') {
        return m_json.skipValue(depth);
    }
    bool isZero = false;
    return m_json.number(&isZero) && (slot != Slot::Index || isZero); // only choice 0 is shown
}

bool OpenAiChunkScanner::object(Slot slot, int depth, bool resumed)
{
    if (!resumed) {
        m_json.consume('{');
        m_json.skipSpace();
        if (m_json.consume('}')) {
            return true; // empty
        }
    }
    while (!m_json.atEnd()) {
        if (slot == Slot::Root && m_seen == 0) {
            m_cleanEnd = m_json.position();
        }
        if (m_json.peek() != '"') {
            return false;
        }
        QByteArrayView key;
        if (!m_json.plainString(&key)) {
            return false;
        }
        const Slot child = childOf(slot, key);
        if (child != Slot::Ignored) {
            const unsigned bit = 1u << unsigned(child);
            if (m_seen & bit) {
                return false; // a duplicate key: which one wins is the full decoder's call
            }
            m_seen |= bit;
        }
        m_json.skipSpace();
        if (!m_json.consume(':')) {
            return false;
        }
        m_json.skipSpace();
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
    m_json.consume('[');
    m_json.skipSpace();
    if (m_json.consume(']')) {
        return true; // empty
    }
    while (!m_json.atEnd()) {
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

OpenAiChunkScanner::Step OpenAiChunkScanner::afterMember(char close)
{
    m_json.skipSpace();
    if (m_json.consume(close)) {
        return Step::Closed;
    }
    if (!m_json.consume(',')) {
        return Step::Invalid;
    }
    m_json.skipSpace();
    return Step::More;
}

QString* OpenAiChunkScanner::stringTarget(Slot slot)
{
    switch (slot) {
    case Slot::Content:
        return &m_chunk->content;
    case Slot::ReasoningContent:
        return &m_chunk->reasoningContent;
    case Slot::Reasoning:
        return &m_chunk->reasoning;
    case Slot::FinishReason:
        return &m_chunk->finishReason;
    default:
        return nullptr;
    }
}

qint64* OpenAiChunkScanner::countTarget(Slot slot)
{
    if (!m_chunk->usage) {
        return nullptr;
    }
    OpenAiWire::UsageCounts& counts = *m_chunk->usage;
    switch (slot) {
    case Slot::PromptTokens:
        return &counts.promptTokens;
    case Slot::CompletionTokens:
        return &counts.completionTokens;
    case Slot::TotalTokens:
        return &counts.totalTokens;
    case Slot::CacheHitTokens:
        return &counts.cacheHitTokens;
    case Slot::CachedTokens:
        return &counts.cachedTokens;
    case Slot::ReasoningTokens:
        return &counts.reasoningTokens;
    default:
        return nullptr;
    }
}
