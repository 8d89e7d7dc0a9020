#include "core/sandbox/SandboxStream.h"

#include "core/http/HttpResponder.h"
#include "core/sandbox/SandboxBedrock.h"
#include "core/sandbox/SandboxGemini.h"

#include <QJsonArray>
#include <QJsonDocument>
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
    if (m_plan.wire == Wire::Bedrock) {
        // Text blocks get no contentBlockStart on Bedrock, tool blocks do (fixtures: bedrock-converse-stream*.bin).
        m_responder->beginStream(200, QByteArrayLiteral("application/vnd.amazon.eventstream"), m_plan.headers);
        m_out += SandboxBedrock::messageStart();
        if (!m_plan.reply.toolName.isEmpty()) {
            m_out += SandboxBedrock::toolStart(m_plan.reply);
        }
    } else if (m_plan.wire == Wire::Gemini) {
        // No preamble: every Gemini event is a whole response with the candidate so far.
        m_responder->beginStream(200, QByteArrayLiteral("text/event-stream"), m_plan.headers);
    } else if (m_plan.wire == Wire::Anthropic) {
        m_responder->beginStream(200, QByteArrayLiteral("text/event-stream; charset=utf-8"), m_plan.headers);
        m_out += SandboxWire::sseEvent(
            "message_start",
            SandboxWire::anthropicMessageStart(m_plan.id, m_plan.model, m_plan.prompt, m_plan.reportsUsage));
        if (!m_plan.reply.reasoning.isEmpty()) {
            m_out += SandboxWire::anthropicThinkingStart(); // searches and the answer follow the thinking
        } else {
            m_out += SandboxWire::anthropicSearchEvents(m_plan.reply);
            m_out += SandboxWire::anthropicAnswerStartEvents(m_plan.reply);
        }
        m_out += SandboxWire::sseEvent("ping", QJsonObject { { QStringLiteral("type"), QStringLiteral("ping") } });
    } else {
        m_responder->beginStream(200, QByteArrayLiteral("text/event-stream; charset=utf-8"), m_plan.headers);
        if (m_plan.wire == Wire::Azure) {
            m_out += SandboxWire::azurePromptFilterEvent();
        }
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
    if (m_plan.errorAfterTokens >= 0 && m_next >= qMin(m_plan.errorAfterTokens, total)) {
        if (m_plan.wire == Wire::Bedrock) {
            m_out += SandboxBedrock::exceptionFrame(m_plan.errorStatus);
        } else if (m_plan.wire == Wire::Gemini) {
            m_out += SandboxGemini::errorEvent(m_plan.errorStatus);
        } else if (m_plan.wire == Wire::Anthropic) {
            m_out += SandboxWire::sseEvent(
                "error",
                QJsonDocument::fromJson(SandboxWire::errorBody(Wire::Anthropic, m_plan.errorStatus, {})).object());
        } else {
            m_out += SandboxWire::sseData(
                QJsonDocument::fromJson(SandboxWire::errorBody(Wire::OpenAi, m_plan.errorStatus, {})).object());
        }
        flush();
        m_responder->endStream();
        return false;
    }
    if (m_plan.malformed && m_next == qMin(2, total)) {
        m_plan.malformed = false;
        if (m_plan.wire == Wire::Bedrock) {
            QByteArray frame = SandboxBedrock::textDelta(QStringLiteral("oops"), 0);
            frame[frame.size() - 1] = char(frame.at(frame.size() - 1) ^ 0x5A); // the message CRC no longer matches
            m_out += frame;
        } else if (m_plan.wire == Wire::Gemini) {
            m_out += "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"oops\r\n\r\n";
        } else if (m_plan.wire == Wire::Anthropic) {
            m_out += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
                     "\"type\":\"text_delta\",\"text\":\"oops\n\n";
        } else {
            m_out += "data: {\"id\":\"" + m_plan.id
                + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"oops\n\n";
        }
    }
    if (m_next >= total || m_plan.filtered) {
        finish();
        return false;
    }
    const bool reasoning = m_next < reply.reasoning.size();
    const QString& piece = reasoning ? reply.reasoning[m_next] : reply.pieces[m_next - reply.reasoning.size()];
    ++m_next;
    const int answerBlock = reply.reasoning.isEmpty() ? 0 : 1;
    if (m_plan.wire == Wire::Gemini) {
        if (!reasoning && !reply.toolName.isEmpty()) {
            m_next = total; // Gemini sends a function call whole, with the last event
            finish();
            return false;
        }
        const int thoughts = int(qMin<qsizetype>(m_next, reply.reasoning.size()));
        m_out += SandboxGemini::pieceEvent(m_plan.model, m_plan.id, piece, reasoning, m_plan.prompt, m_next - thoughts,
                                           thoughts, m_plan.reportsUsage);
    } else if (m_plan.wire == Wire::Bedrock) {
        if (reasoning) {
            m_out += SandboxBedrock::reasoningDelta(piece);
            if (m_next == reply.reasoning.size()) {
                m_out += SandboxBedrock::blockStop(0);
            }
        } else if (!reply.toolName.isEmpty()) {
            m_out += SandboxBedrock::toolDelta(piece, answerBlock);
        } else {
            m_out += SandboxBedrock::textDelta(piece, answerBlock);
        }
    } else if (m_plan.wire == Wire::Anthropic && reasoning) {
        m_out += SandboxWire::anthropicThinkingDeltaEvent(piece);
        if (m_next == reply.reasoning.size()) {
            m_out += SandboxWire::anthropicThinkingEnd(reply);
            m_out += SandboxWire::anthropicSearchEvents(reply);
            m_out += SandboxWire::anthropicAnswerStartEvents(reply);
        }
    } else if (!reply.toolName.isEmpty() && !reasoning) {
        m_out += m_plan.wire == Wire::Anthropic
            ? SandboxWire::anthropicToolPieceEvent(piece, SandboxWire::anthropicAnswerIndex(reply))
            : SandboxWire::openAiToolPieceEvent(m_plan.id, m_plan.model, m_plan.created, reply, piece,
                                                m_next == reply.reasoning.size() + 1);
    } else if (m_plan.wire == Wire::Anthropic) {
        // Claude's answer after a web search comes in blocks, each with exactly its own citations.
        const int at = m_next - 1 - int(reply.reasoning.size());
        const QList<SandboxWire::AnthropicTextBlock> blocks = SandboxWire::anthropicTextBlocks(reply);
        int block = 0;
        while (block + 1 < blocks.size() && blocks.at(block + 1).begin <= at) {
            ++block;
        }
        const int index = SandboxWire::anthropicAnswerIndex(reply) + block;
        if (block > 0 && blocks.at(block).begin == at) {
            m_out
                += SandboxWire::sseEvent("content_block_stop",
                                         QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                                                       { QStringLiteral("index"), index - 1 } });
            m_out += SandboxWire::anthropicTextBlockStartEvents(reply, block);
        }
        m_out += SandboxWire::anthropicTextDeltaEvent(piece, index);
    } else {
        m_out += SandboxWire::openAiPieceEvent(m_plan.id, m_plan.model, m_plan.created, piece, reasoning,
                                               m_plan.topLogprobs, int(m_next - 1 - reply.reasoning.size()));
    }
    return true;
}

void SandboxStream::finish()
{
    const SandboxText::Reply& reply = m_plan.reply;
    if (m_plan.wire == Wire::Gemini) {
        m_out += SandboxGemini::lastEvent(m_plan.model, m_plan.id, reply, m_plan.prompt, m_plan.searchQueries,
                                          m_plan.reportsUsage, m_plan.filtered);
    } else if (m_plan.wire == Wire::Bedrock) {
        m_out += SandboxBedrock::blockStop(reply.reasoning.isEmpty() ? 0 : 1);
        m_out += SandboxBedrock::messageStop(reply);
        if (m_plan.reportsUsage) {
            m_out += SandboxBedrock::metadata(reply, m_plan.prompt);
        }
    } else if (m_plan.wire == Wire::Anthropic) {
        m_out += SandboxWire::sseEvent(
            "content_block_stop",
            QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                          { QStringLiteral("index"), SandboxWire::anthropicLastAnswerIndex(reply) } });
        m_out += SandboxWire::sseEvent("message_delta", SandboxWire::anthropicMessageDelta(reply, m_plan.reportsUsage));
        m_out += SandboxWire::sseEvent("message_stop",
                                       QJsonObject { { QStringLiteral("type"), QStringLiteral("message_stop") } });
    } else {
        const QString reason = m_plan.filtered ? QStringLiteral("content_filter")
            : !reply.toolName.isEmpty()        ? QStringLiteral("tool_calls")
            : reply.truncated                  ? QStringLiteral("length")
                                               : QStringLiteral("stop");
        if (const QJsonArray annotations = SandboxWire::openAiAnnotations(reply); !annotations.isEmpty()) {
            m_out += SandboxWire::sseData(
                SandboxWire::openAiChunk(m_plan.id, m_plan.model, m_plan.created,
                                         QJsonObject { { QStringLiteral("annotations"), annotations } }));
        }
        QJsonObject last = SandboxWire::openAiChunk(m_plan.id, m_plan.model, m_plan.created, QJsonObject(), reason);
        if (m_plan.wire == Wire::Azure) {
            QJsonArray choices = last.value(QLatin1String("choices")).toArray();
            QJsonObject choice = choices.first().toObject();
            choice.insert(QStringLiteral("content_filter_results"), SandboxWire::azureFilterResults(m_plan.filtered));
            choices.replace(0, choice);
            last.insert(QStringLiteral("choices"), choices);
        }
        m_out += SandboxWire::sseData(last);
        if (m_plan.includeUsage) {
            m_out += SandboxWire::sseData(SandboxWire::openAiUsageChunk(
                m_plan.id, m_plan.model, m_plan.created, m_plan.prompt.tokens, reply, m_plan.prompt.cacheRead));
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
