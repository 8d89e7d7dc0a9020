#pragma once

#include <QJsonObject>
#include <QStringView>

#include <cstdint>
#include <vector>

// How a prompt becomes a sparse vector: hashed lower-cased word unigrams and bigrams (digits
// folded to 0, so "17 apples" and "42 apples" share a feature), character n-grams over the
// whitespace-collapsed text, and a few shape tokens (length, lines, digits). Each group is
// L2-normalised on its own and weighted, so the many character n-grams do not drown the words.
struct FeatureSettings
{
    int hashBits = 18; // 2^18 buckets
    int charMin = 3;
    int charMax = 5;
    bool wordBigrams = true;
    float wordWeight = 0.6f;
    float charWeight = 0.8f;
    float shapeWeight = 0.3f;

    int buckets() const { return 1 << hashBits; }
    QJsonObject toJson() const;
    // False when a field is missing or out of range (a damaged or foreign model file).
    static bool fromJson(const QJsonObject& json, FeatureSettings* settings);

    bool operator==(const FeatureSettings&) const = default;
};

// One sparse row: bucket indices and their values. A bucket appears at most once per feature
// group, so it may appear up to three times; dot products and updates simply add them up.
struct SparseRow
{
    std::vector<std::uint32_t> indices;
    std::vector<float> values;

    void clear()
    {
        indices.clear();
        values.clear();
    }
};

// Pure and allocation-light: a scratch buffer is kept per featurizer, so one featurizer per
// thread. Values are sublinear term frequencies (1 + ln count) times the inverse document
// frequency when one is given, normalised per group.
class TextFeaturizer final
{
public:
    explicit TextFeaturizer(const FeatureSettings& settings = {});

    const FeatureSettings& settings() const { return m_settings; }

    // idf: one weight per bucket, or nullptr for raw term frequencies (used to count documents).
    void extract(QStringView text, const float* idf, SparseRow& out);

private:
    enum Group : std::uint32_t
    {
        Words = 0,
        Chars = 1,
        Shape = 2,
    };
    void addGroup(std::vector<std::uint32_t>& hashes, const float* idf, float weight, SparseRow& out);

    FeatureSettings m_settings;
    std::uint32_t m_mask;
    std::vector<char16_t> m_folded;
    std::vector<std::uint32_t> m_words;
    std::vector<std::uint32_t> m_chars;
    std::vector<std::uint32_t> m_shape;
    std::vector<std::uint32_t> m_table; // open addressing: bucket + 1, 0 empty
    std::vector<std::uint32_t> m_tableCounts;
    std::vector<std::uint32_t> m_used;
};
