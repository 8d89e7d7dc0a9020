#pragma once

#include <QByteArrayView>
#include <QString>

// The fast path for the one shape that makes up almost every OpenAI-compatible stream: a chunk
// with a single choice carrying a text delta, no usage and no error. One strict pass over the
// bytes, no DOM. Anything else (or any doubt: invalid JSON, duplicate keys, odd types) returns
// false and the caller decodes with QJsonDocument, which also words the errors - so the fast
// path can only be faster, never different.
class OpenAiChunkScanner
{
public:
    struct Chunk
    {
        QString content;
        QString reasoningContent;
        QString reasoning;
        QString finishReason;
    };

    static bool scan(QByteArrayView json, Chunk* chunk);

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
        Rejected // error or usage with a value: leave it to the full decoder
    };

    enum class Step
    {
        More, // a comma: another member follows
        Closed,
        Invalid
    };

    explicit OpenAiChunkScanner(QByteArrayView json, Chunk* chunk);
    bool value(Slot slot, int depth);
    bool object(Slot slot, int depth);
    bool array(Slot slot, int depth);
    bool string(QString* decoded);
    bool number(bool* isZero);
    bool literal(QByteArrayView word);
    void skipSpace();
    // After '{' / '[': consumes the closing bracket of an empty container.
    bool closesAt(char close);
    // After a member or element: the closing bracket, a comma, or anything else.
    Step afterMember(char close);
    Slot childOf(Slot parent, QByteArrayView key) const;

    const char* m_at;
    const char* m_end;
    Chunk* m_chunk;
    int m_choiceCount = 0;
    unsigned m_seen = 0; // wanted keys already met, to refuse duplicates
};
