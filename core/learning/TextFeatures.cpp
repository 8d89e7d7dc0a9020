#include "core/learning/TextFeatures.h"

#include <QChar>

#include <algorithm>
#include <array>
#include <cmath>

namespace {
constexpr std::uint64_t kFnvBasis = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

inline std::uint64_t fnv(std::uint64_t hash, std::uint64_t value)
{
    return (hash ^ value) * kFnvPrime;
}

// Spreads the bits of an FNV hash before masking (FNV's low bits are weak for short keys).
inline std::uint32_t finish(std::uint64_t hash)
{
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    return std::uint32_t(hash);
}

inline char16_t fold(char16_t c)
{
    if (c < 128) {
        if (c >= u'A' && c <= u'Z') {
            return char16_t(c + 32);
        }
        if (c >= u'0' && c <= u'9') {
            return u'0';
        }
        return c;
    }
    const QChar qc(c);
    if (qc.isDigit()) {
        return u'0';
    }
    return qc.toLower().unicode();
}

inline bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r' || (c >= 128 && QChar(c).isSpace());
}

inline bool isWordChar(char16_t c)
{
    if (c < 128) {
        return (c >= u'a' && c <= u'z') || c == u'0' || c == u'_';
    }
    return QChar(c).isLetterOrNumber();
}

// 1 + ln(count) for the counts a prompt has, computed once: logf was a seventh of a decision.
float sublinear(std::uint32_t count)
{
    static const std::array<float, 256> table = [] {
        std::array<float, 256> values {};
        values[0] = 0.0f;
        values[1] = 1.0f;
        for (std::uint32_t n = 2; n < values.size(); ++n) {
            values[n] = 1.0f + std::log(float(n));
        }
        return values;
    }();
    return count < table.size() ? table[count] : 1.0f + std::log(float(count));
}

int bucketOf(double value)
{
    return value <= 1 ? 0 : int(std::log2(value));
}
} // namespace

QJsonObject FeatureSettings::toJson() const
{
    return { { QStringLiteral("hash_bits"), hashBits },
             { QStringLiteral("char_min"), charMin },
             { QStringLiteral("char_max"), charMax },
             { QStringLiteral("word_bigrams"), wordBigrams },
             { QStringLiteral("word_weight"), double(wordWeight) },
             { QStringLiteral("char_weight"), double(charWeight) },
             { QStringLiteral("shape_weight"), double(shapeWeight) } };
}

bool FeatureSettings::fromJson(const QJsonObject& json, FeatureSettings* settings)
{
    const char* keys[]
        = { "hash_bits", "char_min", "char_max", "word_bigrams", "word_weight", "char_weight", "shape_weight" };
    for (const char* key : keys) {
        if (!json.contains(QLatin1String(key))) {
            return false;
        }
    }
    FeatureSettings result;
    result.hashBits = json.value(QStringLiteral("hash_bits")).toInt();
    result.charMin = json.value(QStringLiteral("char_min")).toInt();
    result.charMax = json.value(QStringLiteral("char_max")).toInt();
    result.wordBigrams = json.value(QStringLiteral("word_bigrams")).toBool();
    result.wordWeight = float(json.value(QStringLiteral("word_weight")).toDouble());
    result.charWeight = float(json.value(QStringLiteral("char_weight")).toDouble());
    result.shapeWeight = float(json.value(QStringLiteral("shape_weight")).toDouble());
    if (result.hashBits < 10 || result.hashBits > 22 || result.charMin < 1 || result.charMax < result.charMin
        || result.charMax > 8) {
        return false;
    }
    *settings = result;
    return true;
}

TextFeaturizer::TextFeaturizer(const FeatureSettings& settings)
    : m_settings(settings)
    , m_mask(std::uint32_t(settings.buckets() - 1))
{
}

void TextFeaturizer::extract(QStringView text, const float* idf, SparseRow& out)
{
    out.clear();
    m_folded.clear();
    m_words.clear();
    m_chars.clear();
    m_shape.clear();

    // Folded text with whitespace runs collapsed to one space, framed by spaces so that
    // character n-grams see word starts and ends.
    int lines = 1;
    int digits = 0;
    m_folded.push_back(u' ');
    for (QChar qc : text) {
        const char16_t raw = qc.unicode();
        if (raw == u'\n') {
            ++lines;
        }
        if (isSpace(raw)) {
            if (m_folded.back() != u' ') {
                m_folded.push_back(u' ');
            }
            continue;
        }
        const char16_t c = fold(raw);
        digits += c == u'0';
        m_folded.push_back(c);
    }
    if (m_folded.back() != u' ') {
        m_folded.push_back(u' ');
    }

    const std::size_t size = m_folded.size();
    const char16_t* data = m_folded.data();

    // Words and bigrams.
    std::uint64_t previous = 0;
    bool hasPrevious = false;
    std::size_t i = 0;
    while (i < size) {
        while (i < size && !isWordChar(data[i])) {
            // Punctuation breaks a bigram only at sentence ends; spaces never do.
            if (data[i] == u'.' || data[i] == u'?' || data[i] == u'!') {
                hasPrevious = false;
            }
            ++i;
        }
        if (i >= size) {
            break;
        }
        std::uint64_t hash = fnv(kFnvBasis, Words);
        while (i < size && isWordChar(data[i])) {
            hash = fnv(hash, data[i]);
            ++i;
        }
        m_words.push_back(finish(hash));
        if (m_settings.wordBigrams && hasPrevious) {
            m_words.push_back(finish(fnv(fnv(previous, 0x9e3779b9ULL), hash)));
        }
        previous = hash;
        hasPrevious = true;
    }

    // Character n-grams: each start extends one hash through the lengths charMin..charMax.
    const std::size_t minLength = std::size_t(m_settings.charMin);
    const std::size_t maxLength = std::size_t(m_settings.charMax);
    for (std::size_t start = 0; start + minLength <= size; ++start) {
        std::uint64_t hash = fnv(kFnvBasis, Chars);
        const std::size_t end = std::min(size, start + maxLength);
        for (std::size_t at = start; at < end; ++at) {
            hash = fnv(hash, data[at]);
            if (at - start + 1 >= minLength) {
                m_chars.push_back(finish(hash));
            }
        }
    }

    // Shape: length, line count and digits, as log buckets.
    const auto shapeToken = [this](std::uint64_t kind, int bucket) {
        m_shape.push_back(finish(fnv(fnv(fnv(kFnvBasis, Shape), kind), std::uint64_t(bucket))));
    };
    shapeToken(1, bucketOf(double(text.size())));
    shapeToken(2, bucketOf(double(lines)));
    shapeToken(3, bucketOf(double(digits)));
    shapeToken(4, std::min(10, int(50.0 * digits / std::max<qsizetype>(1, text.size()))));

    addGroup(m_words, idf, m_settings.wordWeight, out);
    addGroup(m_chars, idf, m_settings.charWeight, out);
    addGroup(m_shape, idf, m_settings.shapeWeight, out);
}

void TextFeaturizer::addGroup(std::vector<std::uint32_t>& hashes, const float* idf, float weight, SparseRow& out)
{
    if (hashes.empty() || weight <= 0) {
        return;
    }
    // Counts by open addressing (key + 1, 0 = empty), in first-seen order: no sort per prompt.
    std::size_t capacity = 64;
    while (capacity < hashes.size() * 2) {
        capacity *= 2;
    }
    if (m_table.size() < capacity) {
        m_table.assign(capacity, 0);
        m_tableCounts.assign(capacity, 0);
    }
    const std::size_t tableMask = capacity - 1;
    m_used.clear();
    for (std::uint32_t hash : hashes) {
        const std::uint32_t bucket = hash & m_mask;
        std::size_t slot = (hash >> 7) & tableMask;
        while (m_table[slot] != 0 && m_table[slot] != bucket + 1) {
            slot = (slot + 1) & tableMask;
        }
        if (m_table[slot] == 0) {
            m_table[slot] = bucket + 1;
            m_used.push_back(std::uint32_t(slot));
        }
        ++m_tableCounts[slot];
    }
    const std::size_t first = out.indices.size();
    double norm = 0;
    for (std::uint32_t slot : m_used) {
        const std::uint32_t bucket = m_table[slot] - 1;
        float value = sublinear(m_tableCounts[slot]);
        if (idf) {
            value *= idf[bucket];
        }
        out.indices.push_back(bucket);
        out.values.push_back(value);
        norm += double(value) * value;
        m_table[slot] = 0;
        m_tableCounts[slot] = 0;
    }
    if (norm <= 0) {
        return;
    }
    const float scale = float(weight / std::sqrt(norm));
    for (std::size_t at = first; at < out.values.size(); ++at) {
        out.values[at] *= scale;
    }
}
