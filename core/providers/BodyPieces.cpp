#include "core/providers/BodyPieces.h"

#include <algorithm>
#include <cstring>

BodyPieces::BodyPieces(QByteArray whole)
    : m_source(std::move(whole))
    , m_size(m_source.size())
{
    if (m_size > 0) {
        m_pieces.append({ 0, m_size, {} });
    }
}

BodyPieces BodyPieces::over(QByteArray source)
{
    BodyPieces pieces;
    pieces.m_source = std::move(source);
    return pieces;
}

void BodyPieces::appendSource(qsizetype from, qsizetype length)
{
    if (length <= 0) {
        return;
    }
    Q_ASSERT(from >= 0 && from + length <= m_source.size());
    if (!m_pieces.isEmpty() && m_pieces.last().from >= 0 && m_pieces.last().from + m_pieces.last().length == from) {
        m_pieces.last().length += length; // adjacent ranges stay one piece
    } else {
        m_pieces.append({ from, length, {} });
    }
    m_size += length;
}

void BodyPieces::appendBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty()) {
        return;
    }
    if (!m_pieces.isEmpty() && m_pieces.last().from < 0) {
        m_pieces.last().bytes += bytes;
        m_pieces.last().length += bytes.size();
    } else {
        m_pieces.append({ -1, bytes.size(), bytes.toByteArray() });
    }
    m_size += bytes.size();
}

bool BodyPieces::isWhole() const
{
    return m_pieces.size() == 1 && m_pieces.first().from == 0 && m_size == m_source.size();
}

QByteArray BodyPieces::join() const
{
    return isWhole() ? m_source : chunk(0, m_size);
}

QByteArray BodyPieces::chunk(qsizetype offset, qsizetype max) const
{
    QByteArray out(std::clamp<qsizetype>(m_size - offset, 0, max), Qt::Uninitialized);
    char* at = out.data();
    qsizetype skip = offset;
    qsizetype left = out.size();
    for (const Piece& piece : m_pieces) {
        if (left == 0) {
            break;
        }
        if (skip >= piece.length) {
            skip -= piece.length;
            continue;
        }
        const char* data = piece.from >= 0 ? m_source.constData() + piece.from : piece.bytes.constData();
        const qsizetype take = std::min(piece.length - skip, left);
        std::memcpy(at, data + skip, size_t(take));
        at += take;
        left -= take;
        skip = 0;
    }
    return out;
}
