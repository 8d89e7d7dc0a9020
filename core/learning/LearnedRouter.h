#pragma once

#include "core/learning/BoostedTrees.h"
#include "core/learning/PromptShape.h"
#include "core/learning/TextFeatures.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

// A trained router: from a prompt's text, the probability that the strong model of its pair is
// needed (scores higher than the weak one). A linear model over hashed text features (see
// TextFeaturizer) and, when training kept them, boosted trees stacked on it: they read the linear
// score, two more linear scores over the same features ("the weak model fails", "the strong model
// is right") and the prompt's shape (PromptShape). The score is mapped to a probability by a
// calibration fitted on held-out folds.
//
// Stored as one versioned binary file in the home directory (router.model): magic, format
// version, a JSON header (models, features, calibration, the training report, the stack's
// biases), the idf and weight arrays, the stack's weights and trees, and a SHA-256 over all of
// it. A file of another version, or whose checksum or layout does not hold, is refused with the
// reason; it is never half-read.
class LearnedRouter final
{
public:
    // 2: the stacked scores and boosted trees.
    static constexpr quint32 kFormatVersion = 2;
    // What the trees read: the three linear scores, then PromptShape's values.
    static constexpr int kStackedCount = 3 + PromptShape::kCount;
    static void stackedFeatures(double gap, double weakFails, double strongRight, QStringView prompt, float* out);
    static QString fileName() { return QStringLiteral("router.model"); }
    static QString defaultPath(const QString& homeDir);

    LearnedRouter() = default;
    LearnedRouter(const FeatureSettings& features, std::vector<float> idf, std::vector<float> weights, float bias);

    bool isValid() const { return !m_weights.empty(); }
    const FeatureSettings& features() const { return m_features; }

    // The trees and the weights of their two extra linear scores (each with its bias).
    void setStack(std::vector<float> weakFails, float weakFailsBias, std::vector<float> strongRight,
                  float strongRightBias, BoostedTrees trees);
    bool isBoosted() const { return m_trees.isValid(); }

    // The raw score (the linear margin, or the trees' estimate of the score gap when boosted);
    // pStrong() is its calibrated probability. `featurizer` is the caller's scratch (one per
    // thread) and must use features().
    double margin(QStringView prompt, TextFeaturizer& featurizer) const;
    double pStrong(QStringView prompt, TextFeaturizer& featurizer) const;
    // Convenience with a per-thread scratch featurizer.
    double pStrong(QStringView prompt) const;

    void setCalibration(double slope, double intercept)
    {
        m_calibrationSlope = slope;
        m_calibrationIntercept = intercept;
    }
    double probability(double margin) const;

    QString weakModel() const { return m_weakModel; }
    QString strongModel() const { return m_strongModel; }
    void setModels(const QString& weak, const QString& strong)
    {
        m_weakModel = weak;
        m_strongModel = strong;
    }
    // What training measured (cross-validation curve, chosen settings, held-out figures).
    QJsonObject report() const { return m_report; }
    void setReport(const QJsonObject& report) { m_report = report; }

    QByteArray serialize() const;
    // Empty with *error set (translated, without the path) when the bytes are not a model this
    // version reads.
    static std::optional<LearnedRouter> deserialize(const QByteArray& bytes, QString* error);

    // Atomic (QSaveFile): a crash leaves the old model or the new one, never a mix.
    bool save(const QString& path, QString* error) const;
    static std::optional<LearnedRouter> load(const QString& path, QString* error);

private:
    FeatureSettings m_features;
    std::vector<float> m_idf;
    std::vector<float> m_weights;
    float m_bias = 0;
    std::vector<float> m_weakFails;
    float m_weakFailsBias = 0;
    std::vector<float> m_strongRight;
    float m_strongRightBias = 0;
    BoostedTrees m_trees;
    std::vector<float> m_packed; // per bucket: weight, weak-fails weight, strong-right weight
    double m_calibrationSlope = 1;
    double m_calibrationIntercept = 0;
    QString m_weakModel;
    QString m_strongModel;
    QJsonObject m_report;
};
