#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// A request body as ranges of one shared source text with small new pieces between them: a
// client's multi-megabyte body goes upstream with its model name rewritten without a whole copy
// (DirectHttpExchange writes it a chunk at a time). A body made in one piece is just that piece.
class BodyPieces final
{
public:
    // Below this a body is joined: one copy is cheaper than keeping pieces (and is sent with the
    // request head in one write).
    static constexpr qsizetype kSpliceFrom = 64 * 1024;

    BodyPieces() = default;
    BodyPieces(QByteArray whole); // NOLINT(google-explicit-constructor): most bodies are one piece
    // An empty body over `source`, to be assembled with appendSource() and appendBytes().
    static BodyPieces over(QByteArray source);

    void appendSource(qsizetype from, qsizetype length);
    void appendBytes(QByteArrayView bytes);

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // One piece that is all of its source (then join() shares it).
    bool isWhole() const;
    // The whole text: the one piece itself (shared), else a joined copy.
    QByteArray join() const;
    // A copy of at most `max` bytes from `offset` on, for a write.
    QByteArray chunk(qsizetype offset, qsizetype max) const;

private:
    struct Piece
    {
        qsizetype from = -1; // in the source; -1: `bytes` of its own
        qsizetype length = 0;
        QByteArray bytes;
    };

    QByteArray m_source;
    QList<Piece> m_pieces;
    qsizetype m_size = 0;
};
