#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

// Deterministic replies for the sandbox: the same prompt and model always give the same pieces
// (one streamed token each), so tests and demos are repeatable. Pure functions.
namespace SandboxText {

struct Reply
{
    QStringList reasoning; // pieces of reasoning text, sent first (reasoning models only)
    QStringList pieces; // pieces of the answer
    bool truncated = false; // cut by maxTokens
    // A tool call instead of text: then `pieces` are the arguments (JSON text) as they stream.
    QString toolName;
    QString toolCallId;
    // Server-side web searches made before the answer (Anthropic's web_search tool): each is a
    // server_tool_use block and its web_search_tool_result ahead of the text, billed per search.
    int webSearches = 0;
    QString serverToolId; // "srvtoolu_..."
    QString searchQuery;

    // OpenAI's reasoning models think without showing it: billed as output, never streamed.
    int hiddenReasoningTokens = 0;

    int tokenCount() const { return int(reasoning.size() + pieces.size()); }
    QString text() const { return pieces.join(QString()); }
    QString reasoningText() const { return reasoning.join(QString()); }
};

// FNV-1a, stable across runs and Qt versions (unlike qHash).
quint32 stableHash(QByteArrayView data, quint32 seed = 2166136261u);

// True when the text asks for code ("write a function", "python script", "implement"...).
bool asksForCode(const QString& text);

// A few sentences seeded by the prompt and model, plus a fenced code block when the last user
// message asks for code. maxTokens > 0 bounds reasoning + answer pieces together.
Reply generate(const QString& prompt, const QString& lastUserText, const QString& model, int maxTokens,
               bool withReasoning);

// Splits text into stream pieces: each piece is a whitespace run followed by a word.
QStringList splitPieces(const QString& text);

} // namespace SandboxText
