#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

// The AWS event-stream binary framing (application/vnd.amazon.eventstream) that Bedrock's
// ConverseStream answers with. Per message: total length and headers length (4-byte big-endian
// each), the CRC32 of those 8 bytes, the headers, the payload, and the CRC32 of everything before
// it. Decoding here, encoding for the sandbox: both sides of the wire use the one implementation.
namespace AwsEventStream {

// A header value as carried on the wire; string headers are the only ones Bedrock sends, the other
// types are read so that a frame holding them is not mistaken for a corrupt one.
struct Header
{
    QByteArray name;
    quint8 type = 7; // 7 = string
    QByteArray value; // string or bytes value; other types their raw big-endian bytes

    bool operator==(const Header&) const = default;
};

struct Message
{
    QList<Header> headers;
    QByteArray payload;

    // A string header by name (":event-type", ":message-type"...), empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool operator==(const Message&) const = default;
};

// IEEE 802.3 CRC32 (the one zlib computes), continuing from `crc` (0 to start).
quint32 crc32(QByteArrayView bytes, quint32 crc = 0);

// One message with string headers, as Bedrock frames it.
QByteArray encode(const Message& message);
// An event message: :event-type, :content-type application/json, :message-type event.
QByteArray encodeEvent(const QByteArray& eventType, const QByteArray& jsonPayload);
// An exception message: :exception-type, :content-type application/json, :message-type exception.
QByteArray encodeException(const QByteArray& exceptionType, const QByteArray& jsonPayload);

// Cuts a byte stream into messages whatever the reads' boundaries; checks both CRCs and the
// lengths. After the first error it takes no more input.
class Decoder final
{
public:
    // Appends the bytes; messages complete by now go to `out`. False once the stream is corrupt.
    bool feed(QByteArrayView bytes, QList<Message>& out);
    // What is wrong with the stream (offset and reason), empty while it is fine.
    const QString& error() const { return m_error; }
    // Bytes of an unfinished message still waiting for the rest.
    qsizetype pending() const { return m_buffer.size() - m_start; }

    static constexpr quint32 kMaxMessageBytes = 16 * 1024 * 1024; // the format's own limit
private:
    bool fail(const QString& reason);
    std::optional<Message> parse(QByteArrayView frame);

    QByteArray m_buffer;
    qsizetype m_start = 0;
    qint64 m_consumed = 0; // offset of m_buffer[0] in the whole stream
    QString m_error;
};

} // namespace AwsEventStream
