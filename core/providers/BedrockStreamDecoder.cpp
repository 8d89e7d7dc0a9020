#include "core/providers/BedrockStreamDecoder.h"

#include "core/providers/BedrockWire.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>

void BedrockStreamDecoder::emitError(const CallError& error, QList<WireDelta>& out)
{
    m_failed = true;
    WireDelta delta;
    delta.error = error;
    out.append(delta);
}

void BedrockStreamDecoder::feed(QByteArrayView bytes, QList<WireDelta>& out)
{
    if (m_failed) {
        return;
    }
    m_messages.clear();
    const bool ok = m_decoder.feed(bytes, m_messages);
    for (const AwsEventStream::Message& message : std::as_const(m_messages)) {
        WireDelta delta = apply(message);
        if (!delta.isEmpty()) {
            const bool failed = delta.error.has_value();
            out.append(std::move(delta));
            if (failed) {
                m_failed = true;
                return;
            }
        }
    }
    if (!ok) {
        emitError(WireJson::malformed(m_decoder.error()), out);
    }
}

void BedrockStreamDecoder::finish(QList<WireDelta>& out)
{
    if (m_failed || m_decoder.pending() == 0) {
        return;
    }
    emitError({ FailureClass::StreamBroken,
                0,
                QCoreApplication::translate("BedrockStreamDecoder",
                                            "The event stream ended inside a message (%1 bytes of it arrived).")
                    .arg(m_decoder.pending()),
                {},
                -1,
                false },
              out);
}

WireDelta BedrockStreamDecoder::apply(const AwsEventStream::Message& message)
{
    WireDelta delta;
    const QByteArray messageType = message.header(":message-type");
    QString reason;
    const QJsonDocument document = WireJson::parse(message.payload, &reason);
    const QJsonObject payload = document.object();
    if (messageType == "exception" || messageType == "error") {
        // An exception after the 200: {"message": ...} with its name in :exception-type (or the
        // :error-code / :error-message headers of an error message).
        const QByteArray name
            = messageType == "exception" ? message.header(":exception-type") : message.header(":error-code");
        QString text = payload.value(QLatin1String("message")).toString();
        if (text.isEmpty()) {
            text = QString::fromUtf8(message.header(":error-message"));
        }
        const QJsonObject envelope { { QStringLiteral("error"),
                                       QJsonObject { { QStringLiteral("type"), QString::fromUtf8(name) },
                                                     { QStringLiteral("message"), text } } } };
        delta.error = ErrorClassifier::classifyInBandError(envelope);
        return delta;
    }
    if (messageType != "event") {
        return delta; // a message type from a later version of the protocol
    }
    if (!document.isObject()) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("BedrockStreamDecoder", "Event %1 is not a JSON object (%2): %3")
                .arg(QString::fromUtf8(message.header(":event-type")), reason,
                     WireJson::excerpt(message.payload, 120)));
        return delta;
    }
    const QByteArray event = message.header(":event-type");
    if (event == "contentBlockStart") {
        const QJsonObject use
            = payload.value(QLatin1String("start")).toObject().value(QLatin1String("toolUse")).toObject();
        if (!use.isEmpty()) {
            const qint64 block = WireJson::toInt64(payload.value(QLatin1String("contentBlockIndex")));
            const int index = int(m_toolCalls.size());
            m_toolCalls.insert(block, index);
            delta.parts.append({ AnswerPart::Kind::ToolCall,
                                 index,
                                 use.value(QLatin1String("toolUseId")).toString(),
                                 use.value(QLatin1String("name")).toString(),
                                 {} });
        }
    } else if (event == "contentBlockDelta") {
        const QJsonObject piece = payload.value(QLatin1String("delta")).toObject();
        if (piece.contains(QLatin1String("text"))) {
            delta.text = piece.value(QLatin1String("text")).toString();
        } else if (piece.value(QLatin1String("toolUse")).isObject()) {
            const qint64 block = WireJson::toInt64(payload.value(QLatin1String("contentBlockIndex")));
            const int index = m_toolCalls.value(block, -1);
            if (index >= 0) {
                delta.parts.append(
                    { AnswerPart::Kind::ToolCall,
                      index,
                      {},
                      {},
                      piece.value(QLatin1String("toolUse")).toObject().value(QLatin1String("input")).toString() });
            }
        } else if (piece.value(QLatin1String("reasoningContent")).isObject()) {
            const QJsonObject reasoning = piece.value(QLatin1String("reasoningContent")).toObject();
            delta.reasoning = reasoning.value(QLatin1String("text")).toString();
            if (reasoning.contains(QLatin1String("signature"))) {
                delta.parts.append(
                    { AnswerPart::Kind::Signature, 0, {}, {}, reasoning.value(QLatin1String("signature")).toString() });
            }
            if (reasoning.contains(QLatin1String("redactedContent"))) {
                delta.parts.append({ AnswerPart::Kind::RedactedThinking,
                                     0,
                                     {},
                                     {},
                                     reasoning.value(QLatin1String("redactedContent")).toString() });
            }
        }
    } else if (event == "messageStop") {
        m_stopped = true;
        delta.finishReason = BedrockWire::finishReason(payload.value(QLatin1String("stopReason")).toString());
    } else if (event == "metadata") {
        if (payload.value(QLatin1String("usage")).isObject()) {
            delta.usage = BedrockWire::usageFrom(payload.value(QLatin1String("usage")).toObject());
        }
        delta.endOfStream = m_stopped;
    }
    return delta;
}
