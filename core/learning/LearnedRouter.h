#pragma once

#include "core/learning/TextFeatures.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

// A trained router: from a prompt's text, the probability that the strong model of its pair is
// needed (scores higher than the weak one). A linear model over hashed text features (see
// TextFeaturizer), its margin mapped to a probability by a calibration fitted on held-out folds.
//
// Stored as one versioned binary file in the home directory (router.model): magic, format
// version, a JSON header (models, features, calibration, the training report), the idf and
// weight arrays, and a SHA-256 over all of it. A file of another version, or whose checksum or
// layout does not hold, is refused with the reason; it is never half-read.
class LearnedRouter final
{
public:
    static constexpr quint32 kFormatVersion = 1;
    static QString fileName() { return QStringLiteral("router.model"); }
    static QString defaultPath(const QString& homeDir);

    LearnedRouter() = default;
    LearnedRouter(const FeatureSettings& features, std::vector<float> idf, std::vector<float> weights, float bias);

    bool isValid() const { return !m_weights.empty(); }
    const FeatureSettings& features() const { return m_features; }

    // The raw linear score; pStrong() is its calibrated probability. `featurizer` is the caller's
    // scratch (one per thread) and must use features().
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
    double m_calibrationSlope = 1;
    double m_calibrationIntercept = 0;
    QString m_weakModel;
    QString m_strongModel;
    QJsonObject m_report;
};
