#include "core/learning/LearnedRouter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <memory>

namespace {
constexpr char kMagic[] = "SWYROUTR"; // 8 bytes, no terminator written
constexpr qsizetype kMagicSize = 8;
constexpr qsizetype kDigestSize = 32;

void appendU32(QByteArray& out, quint32 value)
{
    const quint32 little = qToLittleEndian(value);
    out.append(reinterpret_cast<const char*>(&little), sizeof little);
}

void appendFloats(QByteArray& out, const std::vector<float>& values)
{
    const qsizetype start = out.size();
    out.resize(start + qsizetype(values.size() * sizeof(float)));
    char* at = out.data() + start;
    for (float value : values) {
        quint32 bits;
        std::memcpy(&bits, &value, sizeof bits);
        bits = qToLittleEndian(bits);
        std::memcpy(at, &bits, sizeof bits);
        at += sizeof bits;
    }
}

// Reads little-endian fields in order; any read past the end marks the reader failed.
class Reader
{
public:
    Reader(const char* data, qsizetype size)
        : m_data(data)
        , m_size(size)
    {
    }
    bool ok() const { return m_ok; }
    qsizetype position() const { return m_at; }
    quint32 u32()
    {
        if (!take(4)) {
            return 0;
        }
        quint32 value;
        std::memcpy(&value, m_data + m_at - 4, 4);
        return qFromLittleEndian(value);
    }
    QByteArray bytes(qsizetype count)
    {
        if (!take(count)) {
            return {};
        }
        return QByteArray(m_data + m_at - count, count);
    }
    std::vector<float> floats(quint32 count)
    {
        std::vector<float> values;
        if (!take(qsizetype(count) * 4)) {
            return values;
        }
        values.resize(count);
        const char* at = m_data + m_at - qsizetype(count) * 4;
        for (float& value : values) {
            quint32 bits;
            std::memcpy(&bits, at, 4);
            bits = qFromLittleEndian(bits);
            std::memcpy(&value, &bits, 4);
            at += 4;
        }
        return values;
    }

private:
    bool take(qsizetype count)
    {
        if (!m_ok || count < 0 || m_size - m_at < count) {
            m_ok = false;
            return false;
        }
        m_at += count;
        return true;
    }
    const char* m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
    bool m_ok = true;
};

bool allFinite(const std::vector<float>& values)
{
    for (float value : values) {
        if (!std::isfinite(value)) {
            return false;
        }
    }
    return true;
}
} // namespace

QString LearnedRouter::defaultPath(const QString& homeDir)
{
    return QDir(homeDir).filePath(fileName());
}

LearnedRouter::LearnedRouter(const FeatureSettings& features, std::vector<float> idf, std::vector<float> weights,
                             float bias)
    : m_features(features)
    , m_idf(std::move(idf))
    , m_weights(std::move(weights))
    , m_bias(bias)
{
}

void LearnedRouter::stackedFeatures(double gap, double weakFails, double strongRight, QStringView prompt, float* out)
{
    out[0] = float(gap); // first: the trees start from a line over it
    out[1] = float(weakFails);
    out[2] = float(strongRight);
    PromptShape::extract(prompt, out + 3);
}

void LearnedRouter::setStack(std::vector<float> weakFails, float weakFailsBias, std::vector<float> strongRight,
                             float strongRightBias, BoostedTrees trees)
{
    m_weakFails = std::move(weakFails);
    m_weakFailsBias = weakFailsBias;
    m_strongRight = std::move(strongRight);
    m_strongRightBias = strongRightBias;
    m_trees = std::move(trees);
    // The three weights of a bucket side by side: one cache miss per feature instead of three
    // (the arrays are 1 MB each at 2^18 buckets; the decision is mostly these misses).
    m_packed.resize(m_weights.size() * 3);
    for (std::size_t i = 0; i < m_weights.size(); ++i) {
        m_packed[3 * i] = m_weights[i];
        m_packed[3 * i + 1] = m_weakFails[i];
        m_packed[3 * i + 2] = m_strongRight[i];
    }
}

double LearnedRouter::margin(QStringView prompt, TextFeaturizer& featurizer) const
{
    thread_local SparseRow row;
    featurizer.extract(prompt, m_idf.data(), row);
    double sum = m_bias;
    if (!m_trees.isValid()) {
        for (std::size_t k = 0; k < row.indices.size(); ++k) {
            sum += double(m_weights[row.indices[k]]) * row.values[k];
        }
        return sum;
    }
    double weakFails = m_weakFailsBias;
    double strongRight = m_strongRightBias;
    for (std::size_t k = 0; k < row.indices.size(); ++k) {
        const float* weights = &m_packed[3 * std::size_t(row.indices[k])];
        sum += double(weights[0]) * row.values[k];
        weakFails += double(weights[1]) * row.values[k];
        strongRight += double(weights[2]) * row.values[k];
    }
    float stacked[kStackedCount];
    stackedFeatures(sum, weakFails, strongRight, prompt, stacked);
    return m_trees.predict(stacked);
}

double LearnedRouter::probability(double margin) const
{
    return 1.0 / (1.0 + std::exp(-(m_calibrationSlope * margin + m_calibrationIntercept)));
}

double LearnedRouter::pStrong(QStringView prompt, TextFeaturizer& featurizer) const
{
    return probability(margin(prompt, featurizer));
}

double LearnedRouter::pStrong(QStringView prompt) const
{
    thread_local std::unique_ptr<TextFeaturizer> scratch;
    if (!scratch || !(scratch->settings() == m_features)) {
        scratch = std::make_unique<TextFeaturizer>(m_features);
    }
    return pStrong(prompt, *scratch);
}

QByteArray LearnedRouter::serialize() const
{
    QJsonObject header;
    header.insert(QStringLiteral("weak_model"), m_weakModel);
    header.insert(QStringLiteral("strong_model"), m_strongModel);
    header.insert(QStringLiteral("features"), m_features.toJson());
    header.insert(QStringLiteral("bias"), double(m_bias));
    header.insert(QStringLiteral("calibration"),
                  QJsonObject { { QStringLiteral("slope"), m_calibrationSlope },
                                { QStringLiteral("intercept"), m_calibrationIntercept } });
    header.insert(QStringLiteral("report"), m_report);
    if (m_trees.isValid()) {
        header.insert(QStringLiteral("stack"),
                      QJsonObject { { QStringLiteral("weak_fails_bias"), double(m_weakFailsBias) },
                                    { QStringLiteral("strong_right_bias"), double(m_strongRightBias) },
                                    { QStringLiteral("base"), m_trees.base() },
                                    { QStringLiteral("slope"), m_trees.slope() },
                                    { QStringLiteral("features"), m_trees.featureCount() },
                                    { QStringLiteral("trees"), m_trees.rounds() },
                                    { QStringLiteral("nodes"), qint64(m_trees.nodes().size()) } });
    }
    const QByteArray headerBytes = QJsonDocument(header).toJson(QJsonDocument::Compact);

    QByteArray out;
    out.reserve(kMagicSize + 16 + headerBytes.size() + qsizetype(m_weights.size() * 8) + kDigestSize);
    out.append(kMagic, kMagicSize);
    appendU32(out, kFormatVersion);
    appendU32(out, quint32(headerBytes.size()));
    out.append(headerBytes);
    appendU32(out, quint32(m_weights.size()));
    appendFloats(out, m_idf);
    appendFloats(out, m_weights);
    if (m_trees.isValid()) {
        appendFloats(out, m_weakFails);
        appendFloats(out, m_strongRight);
        for (quint32 root : m_trees.roots()) {
            appendU32(out, root);
        }
        for (const BoostedTrees::Node& node : m_trees.nodes()) {
            appendU32(out, quint32(node.feature));
            appendFloats(out, { node.feature < 0 ? node.value : node.threshold });
            appendU32(out, node.left);
            appendU32(out, node.right);
        }
    }
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));
    return out;
}

std::optional<LearnedRouter> LearnedRouter::deserialize(const QByteArray& bytes, QString* error)
{
    const auto fail = [error](const QString& why) {
        *error = why;
        return std::nullopt;
    };
    if (bytes.size() < kMagicSize + 4 || std::memcmp(bytes.constData(), kMagic, kMagicSize) != 0) {
        return fail(QCoreApplication::translate("LearnedRouter", "not a Switchyard router model"));
    }
    Reader reader(bytes.constData() + kMagicSize, bytes.size() - kMagicSize);
    const quint32 version = reader.u32();
    if (version != kFormatVersion) {
        return fail(QCoreApplication::translate("LearnedRouter",
                                                "model format version %1 is not supported (this version of "
                                                "Switchyard reads version %2); train the router again")
                        .arg(version)
                        .arg(kFormatVersion));
    }
    const QString corrupt = QCoreApplication::translate("LearnedRouter", "the model file is corrupt (%1)");
    if (bytes.size() < kMagicSize + 4 + kDigestSize) {
        return fail(corrupt.arg(QCoreApplication::translate("LearnedRouter", "too short")));
    }
    const QByteArray body = bytes.left(bytes.size() - kDigestSize);
    if (QCryptographicHash::hash(body, QCryptographicHash::Sha256) != bytes.right(kDigestSize)) {
        return fail(corrupt.arg(QCoreApplication::translate("LearnedRouter", "checksum mismatch")));
    }
    Reader bodyReader(body.constData() + kMagicSize + 4, body.size() - kMagicSize - 4);
    const quint32 headerSize = bodyReader.u32();
    const QByteArray headerBytes = bodyReader.bytes(qsizetype(headerSize));
    QJsonParseError parseError;
    const QJsonDocument header = QJsonDocument::fromJson(headerBytes, &parseError);
    FeatureSettings features;
    if (!bodyReader.ok() || !header.isObject()
        || !FeatureSettings::fromJson(header.object().value(QStringLiteral("features")).toObject(), &features)) {
        return fail(corrupt.arg(QCoreApplication::translate("LearnedRouter", "unreadable header")));
    }
    const quint32 buckets = bodyReader.u32();
    if (buckets != quint32(features.buckets())) {
        return fail(corrupt.arg(QCoreApplication::translate("LearnedRouter", "weights do not match the features")));
    }
    std::vector<float> idf = bodyReader.floats(buckets);
    std::vector<float> weights = bodyReader.floats(buckets);
    const QJsonObject object = header.object();
    const QJsonObject stack = object.value(QStringLiteral("stack")).toObject();
    std::vector<float> weakFails;
    std::vector<float> strongRight;
    std::optional<BoostedTrees> trees;
    if (!stack.isEmpty()) {
        const int treeCount = stack.value(QStringLiteral("trees")).toInt(-1);
        const qint64 nodeCount = stack.value(QStringLiteral("nodes")).toInteger(-1);
        const QString badTrees = corrupt.arg(QCoreApplication::translate("LearnedRouter", "unreadable trees"));
        if (stack.value(QStringLiteral("features")).toInt() != kStackedCount || treeCount < 0 || nodeCount < treeCount
            || nodeCount > 16 * 1024 * 1024) {
            return fail(badTrees);
        }
        weakFails = bodyReader.floats(buckets);
        strongRight = bodyReader.floats(buckets);
        std::vector<quint32> roots(static_cast<std::size_t>(treeCount));
        for (quint32& root : roots) {
            root = bodyReader.u32();
        }
        std::vector<BoostedTrees::Node> nodes(static_cast<std::size_t>(nodeCount));
        bool finite = true;
        for (BoostedTrees::Node& node : nodes) {
            node.feature = qint32(bodyReader.u32());
            const std::vector<float> one = bodyReader.floats(1);
            const float value = one.empty() ? 0.0f : one.front();
            (node.feature < 0 ? node.value : node.threshold) = value;
            node.left = bodyReader.u32();
            node.right = bodyReader.u32();
            finite = finite && std::isfinite(value);
        }
        if (!bodyReader.ok()) {
            return fail(corrupt.arg(QCoreApplication::translate("LearnedRouter", "weights do not match the features")));
        }
        if (!finite) {
            return fail(badTrees);
        }
        trees = BoostedTrees::fromParts(kStackedCount, stack.value(QStringLiteral("base")).toDouble(),
                                        stack.value(QStringLiteral("slope")).toDouble(), std::move(roots),
                                        std::move(nodes));
        if (!trees) {
            return fail(badTrees);
        }
    }
    if (!bodyReader.ok() || bodyReader.position() != body.size() - kMagicSize - 4 || !allFinite(idf)
        || !allFinite(weights) || !allFinite(weakFails) || !allFinite(strongRight)) {
        return fail(corrupt.arg(QCoreApplication::translate("LearnedRouter", "weights do not match the features")));
    }
    LearnedRouter router(features, std::move(idf), std::move(weights),
                         float(object.value(QStringLiteral("bias")).toDouble()));
    if (trees) {
        router.setStack(std::move(weakFails), float(stack.value(QStringLiteral("weak_fails_bias")).toDouble()),
                        std::move(strongRight), float(stack.value(QStringLiteral("strong_right_bias")).toDouble()),
                        std::move(*trees));
    }
    const QJsonObject calibration = object.value(QStringLiteral("calibration")).toObject();
    router.setCalibration(calibration.value(QStringLiteral("slope")).toDouble(1.0),
                          calibration.value(QStringLiteral("intercept")).toDouble(0.0));
    router.setModels(object.value(QStringLiteral("weak_model")).toString(),
                     object.value(QStringLiteral("strong_model")).toString());
    router.setReport(object.value(QStringLiteral("report")).toObject());
    return router;
}

bool LearnedRouter::save(const QString& path, QString* error) const
{
    const QByteArray bytes = serialize();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("LearnedRouter", "cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<LearnedRouter> LearnedRouter::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = QCoreApplication::translate("LearnedRouter",
                                             "no trained router at %1; run `switchyard router train FILE.jsonl`")
                     .arg(path);
        return std::nullopt;
    }
    // A model is a few MB; a file far larger is not one of ours and is not read into memory.
    constexpr qint64 kMaxBytes = 64 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("LearnedRouter", "cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxBytes) {
        *error = QStringLiteral("%1: %2").arg(
            path,
            QCoreApplication::translate("LearnedRouter", "the model file is corrupt (%1)")
                .arg(QCoreApplication::translate("LearnedRouter", "larger than 64 MiB")));
        return std::nullopt;
    }
    QString why;
    std::optional<LearnedRouter> router = deserialize(file.readAll(), &why);
    if (!router) {
        *error = QStringLiteral("%1: %2").arg(path, why);
    }
    return router;
}
