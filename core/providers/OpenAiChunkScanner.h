#pragma once

#include "core/providers/JsonCursor.h"
#include "core/providers/OpenAiWire.h"

#include <QByteArrayView>
#include <QString>

// The fast path for the shapes that make up almost every OpenAI-compatible stream: a chunk with
// a single choice carrying a text delta, and the usage chunk at the end; never an error. One
// strict pass over the bytes (JsonCursor), no DOM. Anything else (or any doubt: invalid JSON,
// duplicate keys, odd types) returns false and the caller decodes with QJsonDocument, which also
// words the errors - so the fast path can only be faster, never different.
class OpenAiChunkScanner
{
public:
    struct Chunk
    {
        QString content;
        QString reasoningContent;
        QString reasoning;
        QString finishReason;
        std::optional<OpenAiWire::UsageCounts> usage; // set when the chunk has a usage object
    };

    // Every chunk of a stream starts with the same members before "choices" (id, object, created,
    // model, system_fingerprint). Once read clean, those bytes need not be read again: the memo
    // keeps them, and a chunk starting with them resumes after them.
    struct Memo
    {
        QByteArray cleanPrefix;
    };

    static bool scan(QByteArrayView json, Chunk* chunk, Memo* memo = nullptr);

private:
    enum class Slot
    {
        Ignored,
        Root,
        Choices,
        Choice,
        Delta,
        Index,
        Content,
        ReasoningContent,
        Reasoning,
        FinishReason,
        Usage,
        PromptTokens,
        CompletionTokens,
        TotalTokens,
        CacheHitTokens,
        PromptDetails,
        CachedTokens,
        CompletionDetails,
        ReasoningTokens,
        Rejected // an error with a value: leave it to the full decoder
    };

    enum class Step
    {
        More, // a comma: another member follows
        Closed,
        Invalid
    };

    explicit OpenAiChunkScanner(QByteArrayView json, Chunk* chunk);
    bool value(Slot slot, int depth);
    // resumed: already inside the object, at the start of a member.
    bool object(Slot slot, int depth, bool resumed = false);
    bool array(Slot slot, int depth);
    // After a member or element: the closing bracket, a comma, or anything else.
    Step afterMember(char close);
    Slot childOf(Slot parent, QByteArrayView key) const;
    QString* stringTarget(Slot slot);
    qint64* countTarget(Slot slot);

    JsonCursor m_json;
    Chunk* m_chunk;
    int m_choiceCount = 0;
    unsigned m_seen = 0; // wanted keys already met, to refuse duplicates
    const char* m_cleanEnd = nullptr; // the last root member start with only ignored members before it
};
