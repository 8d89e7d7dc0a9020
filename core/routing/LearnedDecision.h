#pragma once

#include <QJsonObject>
#include <QString>

// What a learned rule decided: the trained router's estimate and the model it chose.
struct LearnedDecision
{
    double pStrong = 0;
    double threshold = 0.5;
    bool strong = false; // pStrong >= threshold
    QString model; // the rule's strong or weak model

    QString choiceId() const { return strong ? QStringLiteral("strong") : QStringLiteral("weak"); }
    // {"p_strong": 0.63, "threshold": 0.5, "choice": "strong", "model": "..."}: explain and route --json.
    QJsonObject toJson() const;
    bool operator==(const LearnedDecision&) const = default;
};
