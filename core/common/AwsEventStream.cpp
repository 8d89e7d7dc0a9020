#include "core/common/AwsEventStream.h"

#include <QCoreApplication>
#include <QtEndian>

#include <array>

namespace AwsEventStream {

namespace {

constexpr qsizetype kPreludeBytes = 12; // total length, headers length, prelude CRC
constexpr qsizetype kMinMessageBytes = kPreludeBytes + 4; // no headers, no payload, message CRC

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        table[i] = c;
    }
    return table;
}

void appendUInt32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

quint32 readUInt32(const char* bytes)
{
    return qFromBigEndian<quint32>(bytes);
}

// Size of a header value of this type after the type byte; -1 for an unknown type, and for the
// two length-prefixed types the 2 length bytes only (the caller adds the length).
qsizetype fixedValueSize(quint8 type)
{
    switch (type) {
    case 0: // true
    case 1: // false
        return 0;
    case 2: // byte
        return 1;
    case 3: // short
        return 2;
    case 4: // int
        return 4;
    case 5: // long
    case 8: // timestamp
        return 8;
    case 6: // bytes
    case 7: // string
        return 2;
    case 9: // uuid
        return 16;
    default:
        return -1;
    }
}

} // namespace

QByteArray Message::header(QByteArrayView name) const
{
    for (const Header& header : headers) {
        if (header.name == name) {
            return header.value;
        }
    }
    return {};
}

quint32 crc32(QByteArrayView bytes, quint32 crc)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    crc = ~crc;
    for (const char byte : bytes) {
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    }
    return ~crc;
}

QByteArray encode(const Message& message)
{
    QByteArray headers;
    for (const Header& header : message.headers) {
        headers += char(header.name.size());
        headers += header.name;
        headers += char(7);
        char length[2];
        qToBigEndian(quint16(header.value.size()), length);
        headers.append(length, 2);
        headers += header.value;
    }
    const quint32 total = quint32(kMinMessageBytes + headers.size() + message.payload.size());
    QByteArray out;
    out.reserve(total);
    appendUInt32(out, total);
    appendUInt32(out, quint32(headers.size()));
    appendUInt32(out, crc32(out));
    out += headers;
    out += message.payload;
    appendUInt32(out, crc32(out));
    return out;
}

QByteArray encodeEvent(const QByteArray& eventType, const QByteArray& jsonPayload)
{
    return encode({ { { QByteArrayLiteral(":event-type"), 7, eventType },
                      { QByteArrayLiteral(":content-type"), 7, QByteArrayLiteral("application/json") },
                      { QByteArrayLiteral(":message-type"), 7, QByteArrayLiteral("event") } },
                    jsonPayload });
}

QByteArray encodeException(const QByteArray& exceptionType, const QByteArray& jsonPayload)
{
    return encode({ { { QByteArrayLiteral(":message-type"), 7, QByteArrayLiteral("exception") },
                      { QByteArrayLiteral(":exception-type"), 7, exceptionType },
                      { QByteArrayLiteral(":content-type"), 7, QByteArrayLiteral("application/json") } },
                    jsonPayload });
}

bool Decoder::fail(const QString& reason)
{
    if (m_error.isEmpty()) {
        m_error = QCoreApplication::translate("AwsEventStream", "Corrupt event stream at byte %1: %2")
                      .arg(m_consumed + m_start)
                      .arg(reason);
    }
    m_buffer.clear();
    m_start = 0;
    return false;
}

bool Decoder::feed(QByteArrayView bytes, QList<Message>& out)
{
    if (!m_error.isEmpty()) {
        return false;
    }
    m_buffer.append(bytes.data(), bytes.size());
    while (m_buffer.size() - m_start >= kPreludeBytes) {
        const char* prelude = m_buffer.constData() + m_start;
        const quint32 total = readUInt32(prelude);
        const quint32 headersLength = readUInt32(prelude + 4);
        if (crc32(QByteArrayView(prelude, 8)) != readUInt32(prelude + 8)) {
            return fail(QCoreApplication::translate("AwsEventStream", "the prelude checksum does not match"));
        }
        if (total < kMinMessageBytes || total > kMaxMessageBytes || headersLength > total - kMinMessageBytes) {
            return fail(
                QCoreApplication::translate("AwsEventStream", "impossible lengths (message %1 bytes, headers %2 bytes)")
                    .arg(total)
                    .arg(headersLength));
        }
        if (m_buffer.size() - m_start < qsizetype(total)) {
            break; // the rest of this message is still on its way
        }
        const QByteArrayView frame(prelude, total);
        if (crc32(frame.first(total - 4)) != readUInt32(prelude + total - 4)) {
            return fail(QCoreApplication::translate("AwsEventStream", "the message checksum does not match"));
        }
        std::optional<Message> message = parse(frame);
        if (!message) {
            return false;
        }
        out.append(std::move(*message));
        m_start += total;
    }
    // Drop what was consumed once it is the larger part, so a long stream does not grow the buffer.
    if (m_start > 0 && m_start * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_start);
        m_consumed += m_start;
        m_start = 0;
    }
    return true;
}

std::optional<Message> Decoder::parse(QByteArrayView frame)
{
    const quint32 headersLength = readUInt32(frame.data() + 4);
    const QByteArrayView headers = frame.sliced(kPreludeBytes, headersLength);
    Message message;
    qsizetype at = 0;
    while (at < headers.size()) {
        const qsizetype nameLength = quint8(headers[at]);
        if (nameLength == 0 || at + 1 + nameLength + 1 > headers.size()) {
            fail(QCoreApplication::translate("AwsEventStream", "a header name runs past the headers"));
            return std::nullopt;
        }
        Header header;
        header.name = headers.sliced(at + 1, nameLength).toByteArray();
        at += 1 + nameLength;
        header.type = quint8(headers[at]);
        ++at;
        qsizetype size = fixedValueSize(header.type);
        if (size < 0) {
            fail(QCoreApplication::translate("AwsEventStream", "header %1 has the unknown value type %2")
                     .arg(QString::fromLatin1(header.name))
                     .arg(header.type));
            return std::nullopt;
        }
        if (at + size > headers.size()) {
            fail(QCoreApplication::translate("AwsEventStream", "the value of header %1 runs past the headers")
                     .arg(QString::fromLatin1(header.name)));
            return std::nullopt;
        }
        if (header.type == 6 || header.type == 7) {
            const qsizetype length = qFromBigEndian<quint16>(headers.data() + at);
            at += 2;
            size = length;
            if (at + size > headers.size()) {
                fail(QCoreApplication::translate("AwsEventStream", "the value of header %1 runs past the headers")
                         .arg(QString::fromLatin1(header.name)));
                return std::nullopt;
            }
        }
        header.value = headers.sliced(at, size).toByteArray();
        at += size;
        message.headers.append(std::move(header));
    }
    const qsizetype payloadStart = kPreludeBytes + headersLength;
    message.payload = frame.sliced(payloadStart, frame.size() - payloadStart - 4).toByteArray();
    return message;
}

} // namespace AwsEventStream
