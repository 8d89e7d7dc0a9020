#pragma once

#include "core/gateway/GatewayFormat.h"

#include <QHash>
#include <QStringList>

// Anthropic Messages API responses: a message object, or the event stream message_start,
// content_block_start, content_block_delta..., content_block_stop, message_delta, message_stop.
class AnthropicGatewayFormat : public GatewayFormat
{
public:
    explicit AnthropicGatewayFormat(quint64 serial);

    QByteArray errorBody(const GatewayError& error) const override;
    QByteArray completeBody(const CallResult& result, const QString& model) const override;
    bool startCarriesPromptEstimate() const override { return true; } // message_start's input_tokens
    QByteArray streamStart(const QString& model, qint64 promptTokensEstimate) override;
    QByteArray textDelta(const QString& text) override;
    QByteArray reasoningDelta(const QString& text) override;
    QByteArray partDelta(const AnswerPart& part) override;
    QByteArray streamEnd(const CallResult& result, bool includeUsage) override;
    QByteArray streamError(const GatewayError& error) override;
    void setUpstream(ProviderKind kind) override { m_signedThinking = kind == ProviderKind::AnthropicMessages; }

    static QByteArray stopReason(const QString& upstreamReason);

private:
    enum class Block
    {
        None,
        Text,
        Thinking,
        Tool,
        Server, // a server tool block of Anthropic's, passed on
    };
    QByteArray serverBlock(const AnswerPart& part);
    QByteArray citationDelta(const AnswerPart& part);
    // Closes the open block and opens a text block (with Claude's empty citations list when cited).
    QByteArray openText(bool cited);
    // The answer's text blocks with Anthropic's server blocks and citations where they came.
    static void appendInterleaved(QByteArray& out, const QString& text, const QList<AnswerPart>& serverParts);
    // Closes the open block (if any) and opens the next one; returns the events.
    QByteArray nextBlock(Block kind, QByteArrayView contentBlock);

    int m_block = -1; // index of the open content block; blocks open as their first piece comes
    Block m_open = Block::None;
    QHash<int, int> m_toolBlocks; // tool call index -> content block index
    // Thinking from Anthropic comes signed and goes back to the client; reasoning from other
    // upstreams has no signature the client could send back, so it is left out.
    bool m_signedThinking = false;
    bool m_textCited = false; // the open text block got its citations after its text: more text opens a new one
    bool m_blockText = false; // the open text block has text
    // Citations written ahead of the open text block's text (as Claude sends them), whose whole
    // form (with the range, for other APIs) still comes at the block's end.
    QStringList m_citedAhead;
};
