#include "core/routing/LearnedDecision.h"

QJsonObject LearnedDecision::toJson() const
{
    return { { QStringLiteral("p_strong"), pStrong },
             { QStringLiteral("threshold"), threshold },
             { QStringLiteral("choice"), choiceId() },
             { QStringLiteral("model"), model } };
}
