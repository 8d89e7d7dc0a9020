#pragma once

#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstdlib>

// Splits a fuzz input into feeds whose sizes come from a small PRNG seeded by the input's
// control byte, so one input always replays the same way.
inline QList<QByteArrayView> fuzzSplit(QByteArrayView bytes, std::uint8_t seed)
{
    QList<QByteArrayView> pieces;
    std::uint32_t state = 0x9E3779B9u ^ seed;
    const int maxPiece = (seed & 0x0F) + 1; // 1..16 bytes, or whole inputs when seed says so
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        state = state * 1664525u + 1013904223u;
        qsizetype length = seed & 0x10 ? bytes.size() : 1 + qsizetype((state >> 16) % std::uint32_t(maxPiece * 4));
        length = qMin(length, bytes.size() - pos);
        pieces.append(bytes.sliced(pos, length));
        pos += length;
    }
    return pieces;
}

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            __builtin_trap();                                                                                          \
        }                                                                                                              \
    } while (false)
