#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtEndian>

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

// A read position in JSON text for hand-written decoders of hot shapes (OpenAiChunkScanner,
// AnthropicEventScanner). It steps over the lexical pieces - space, strings, numbers, literals -
// as strictly as RFC 8259, and answers false wherever QJsonDocument might read a piece
// differently (lone surrogate escapes, numbers that overflow a double), so that a decoder built
// on it can fall back to QJsonDocument and never disagree with it. UTF-8 is checked inside
// strings only: outside them a non-ASCII byte is never valid JSON anyway.
class JsonCursor
{
public:
    // Deeper nesting is refused (QJsonDocument's own limit is higher; the caller falls back).
    static constexpr int kMaxDepth = 64;

    // A raw key or tag against a literal, inlined (QByteArrayView's == calls into QtCore).
    template <qsizetype N>
    static bool equals(QByteArrayView raw, const char (&word)[N])
    {
        return raw.size() == N - 1 && std::memcmp(raw.data(), word, N - 1) == 0;
    }

    explicit JsonCursor(QByteArrayView json)
        : m_at(json.data())
        , m_end(json.data() + json.size())
    {
    }

    bool atEnd() const { return m_at >= m_end; }
    const char* position() const { return m_at; }
    // Moves to a position inside the same text, e.g. past a prefix known to be read already.
    void seek(const char* at) { m_at = at; }
    // The current byte; only when !atEnd().
    char peek() const { return *m_at; }

    // Steps over c when it is next.
    bool consume(char c)
    {
        if (m_at < m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    void skipSpace()
    {
        // Compact JSON (the usual) has no space at all: one compare and out.
        while (m_at < m_end && static_cast<unsigned char>(*m_at) <= ' '
               && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t')) {
            ++m_at;
        }
    }

    // At the opening quote; leaves the cursor after the closing one. Decodes into *decoded when
    // given; sets *escaped (when given) if the string held an escape sequence.
    bool string(QString* decoded, bool* escaped = nullptr)
    {
        // The usual string is plain ASCII: one skip to its closing quote.
        const char* const start = m_at + 1;
        const char* const stop = skipPlain(start, m_end);
        if (stop < m_end && *stop == '"') {
            if (decoded) {
                *decoded = QString::fromLatin1(start, stop - start);
            }
            m_at = stop + 1;
            return true;
        }
        return stringWithEscapes(decoded, escaped);
    }

    // At the opening quote: a string without escape sequences, as its raw bytes. For object keys
    // and type tags: an escaped one returns false, since it may spell a name the caller wants.
    bool plainString(QByteArrayView* raw)
    {
        const char* const start = m_at + 1;
        bool escaped = false;
        if (!string(nullptr, &escaped) || escaped) {
            return false;
        }
        *raw = QByteArrayView(start, m_at - 1 - start);
        return true;
    }

    // Steps over any valid value (depth: the nesting it starts at), reading nothing.
    bool skipValue(int depth);
    // A number, refused where a double could not hold it; *isZero for exactly "0".
    bool number(bool* isZero);
    // A token count: a plain non-negative integer small enough to be exact as a double.
    bool count(qint64* into);
    bool literal(QByteArrayView word);

private:
    bool stringWithEscapes(QString* decoded, bool* escaped);
    bool skipContainer(char close, int depth);

    // The first byte in [at, end) that ends a plain run inside a string: a quote, a backslash, a
    // control character or a non-ASCII byte. Sixteen bytes at a time with SSE2 (every x86-64 has
    // it), then eight with the zero-byte tricks of "Bit Twiddling Hacks": those may flag a byte
    // above a real hit, never below it, so the lowest flagged byte is exact.
    static const char* skipPlain(const char* at, const char* end)
    {
#ifdef __SSE2__
        while (end - at >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
            // As signed bytes, control characters and non-ASCII bytes are exactly those below 0x20.
            const __m128i hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))),
                _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)));
            if (const int mask = _mm_movemask_epi8(hits)) {
                return at + qCountTrailingZeroBits(unsigned(mask));
            }
            at += 16;
        }
#endif
        constexpr quint64 ones = 0x0101010101010101ULL;
        constexpr quint64 highs = 0x8080808080808080ULL;
        auto zeroBytes = [](quint64 v) { return (v - ones) & ~v & highs; };
        while (end - at >= 8) {
            const quint64 word = qFromLittleEndian<quint64>(at);
            const quint64 hits = zeroBytes(word ^ (ones * '"')) | zeroBytes(word ^ (ones * '\\'))
                | ((word - ones * 0x20) & ~word & highs) | (word & highs);
            if (hits) {
                return at + qCountTrailingZeroBits(hits) / 8;
            }
            at += 8;
        }
        while (at < end) {
            const auto c = static_cast<unsigned char>(*at);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
                break;
            }
            ++at;
        }
        return at;
    }

    const char* m_at;
    const char* m_end;
};
