#pragma once

#include "GatewayFormat.h"

#include <QHash>

// Anthropic Messages API responses: a message object, or the event stream message_start,
// content_block_start, content_block_delta..., content_block_stop, message_delta, message_stop.
class AnthropicGatewayFormat : public GatewayFormat
{
public:
    explicit AnthropicGatewayFormat(quint64 serial);

    QByteArray errorBody(const GatewayError& error) const override;
    QByteArray completeBody(const CallResult& result, const QString& model) const override;
    QByteArray streamStart(const QString& model, qint64 promptTokensEstimate) override;
    QByteArray textDelta(const QString& text) override;
    QByteArray reasoningDelta(const QString& text) override;
    QByteArray partDelta(const AnswerPart& part) override;
    QByteArray streamEnd(const CallResult& result, bool includeUsage) override;
    QByteArray streamError(const GatewayError& error) override;

    static QByteArray stopReason(const QString& upstreamReason);

private:
    // Closes the open block and opens the next one; returns the events.
    QByteArray nextBlock(QByteArrayView contentBlock);

    int m_block = 0; // index of the open content block
    bool m_textOpen = false; // the open block is a text block
    QHash<int, int> m_toolBlocks; // tool call index -> content block index
};
