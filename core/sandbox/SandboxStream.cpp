#include "core/sandbox/SandboxStream.h"

#include "core/http/HttpResponder.h"

#include <QJsonObject>

using SandboxWire::Wire;

SandboxStream::SandboxStream(HttpResponder* responder, Plan plan)
    : QObject(responder)
    , m_responder(responder)
    , m_plan(std::move(plan))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SandboxStream::tick);
    connect(responder, &HttpResponder::clientDisconnected, &m_timer, &QTimer::stop);
}

void SandboxStream::start()
{
    m_responder->beginStream(200, QByteArrayLiteral("text/event-stream; charset=utf-8"), m_plan.headers);
    if (m_plan.wire == Wire::Anthropic) {
        m_out += SandboxWire::sseEvent(
            "message_start",
            SandboxWire::anthropicMessageStart(m_plan.id, m_plan.model, m_plan.prompt, m_plan.reportsUsage));
        m_out += SandboxWire::sseEvent("content_block_start", SandboxWire::anthropicBlockStart(m_plan.reply));
        m_out += SandboxWire::sseEvent("ping", QJsonObject { { QStringLiteral("type"), QStringLiteral("ping") } });
    } else {
        const QJsonObject delta { { QStringLiteral("role"), QStringLiteral("assistant") },
                                  { QStringLiteral("content"), QString() },
                                  { QStringLiteral("refusal"), QJsonValue::Null } };
        m_out += SandboxWire::sseData(SandboxWire::openAiChunk(m_plan.id, m_plan.model, m_plan.created, delta));
    }
    flush();
    if (m_plan.firstTokenMs <= 0) {
        tick();
    } else {
        m_timer.start(m_plan.firstTokenMs);
    }
}

void SandboxStream::tick()
{
    // With no pacing the whole reply goes out in one write.
    do {
        if (!sendPiece()) {
            return;
        }
    } while (m_plan.intervalMs <= 0);
    flush();
    m_timer.start(m_plan.intervalMs);
}

bool SandboxStream::sendPiece()
{
    if (!m_responder->isConnected()) {
        return false;
    }
    const SandboxText::Reply& reply = m_plan.reply;
    const int total = reply.tokenCount();
    if (m_plan.dropAfterTokens >= 0 && m_next >= qMin(m_plan.dropAfterTokens, total)) {
        flush();
        m_responder->abortConnection();
        return false;
    }
    if (m_plan.malformed && m_next == qMin(2, total)) {
        m_plan.malformed = false;
        if (m_plan.wire == Wire::Anthropic) {
            m_out += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
                     "\"type\":\"text_delta\",\"text\":\"oops\n\n";
        } else {
            m_out += "data: {\"id\":\"" + m_plan.id
                + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"oops\n\n";
        }
    }
    if (m_next >= total) {
        finish();
        return false;
    }
    const bool reasoning = m_next < reply.reasoning.size();
    const QString& piece = reasoning ? reply.reasoning[m_next] : reply.pieces[m_next - reply.reasoning.size()];
    ++m_next;
    if (!reply.toolName.isEmpty() && !reasoning) {
        m_out += m_plan.wire == Wire::Anthropic
            ? SandboxWire::anthropicToolPieceEvent(piece)
            : SandboxWire::openAiToolPieceEvent(m_plan.id, m_plan.model, m_plan.created, reply, piece,
                                                m_next == reply.reasoning.size() + 1);
    } else if (m_plan.wire == Wire::Anthropic) {
        m_out += SandboxWire::anthropicTextDeltaEvent(piece);
    } else {
        m_out += SandboxWire::openAiPieceEvent(m_plan.id, m_plan.model, m_plan.created, piece, reasoning);
    }
    return true;
}

void SandboxStream::finish()
{
    const SandboxText::Reply& reply = m_plan.reply;
    if (m_plan.wire == Wire::Anthropic) {
        m_out += SandboxWire::sseEvent("content_block_stop",
                                       QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                                                     { QStringLiteral("index"), 0 } });
        m_out += SandboxWire::sseEvent("message_delta", SandboxWire::anthropicMessageDelta(reply, m_plan.reportsUsage));
        m_out += SandboxWire::sseEvent("message_stop",
                                       QJsonObject { { QStringLiteral("type"), QStringLiteral("message_stop") } });
    } else {
        const QString reason = !reply.toolName.isEmpty() ? QStringLiteral("tool_calls")
            : reply.truncated                            ? QStringLiteral("length")
                                                         : QStringLiteral("stop");
        m_out += SandboxWire::sseData(
            SandboxWire::openAiChunk(m_plan.id, m_plan.model, m_plan.created, QJsonObject(), reason));
        if (m_plan.includeUsage) {
            m_out += SandboxWire::sseData(
                SandboxWire::openAiUsageChunk(m_plan.id, m_plan.model, m_plan.created, m_plan.prompt.tokens, reply));
        }
        m_out += "data: [DONE]\n\n";
    }
    flush();
    m_responder->endStream();
}

void SandboxStream::flush()
{
    if (!m_out.isEmpty()) {
        m_responder->writeChunk(m_out);
        m_out.clear();
    }
}
