#include "core/evaluation/PairwiseVerdict.h"

#include <QCoreApplication>

namespace PairwiseVerdicts {

QString id(PairwiseVerdict verdict)
{
    switch (verdict) {
    case PairwiseVerdict::Win:
        return QStringLiteral("win");
    case PairwiseVerdict::Tie:
        return QStringLiteral("tie");
    case PairwiseVerdict::Loss:
        return QStringLiteral("loss");
    }
    return QStringLiteral("tie");
}

std::optional<PairwiseVerdict> fromId(const QString& id)
{
    for (PairwiseVerdict verdict : { PairwiseVerdict::Win, PairwiseVerdict::Tie, PairwiseVerdict::Loss }) {
        if (PairwiseVerdicts::id(verdict) == id) {
            return verdict;
        }
    }
    return std::nullopt;
}

double points(PairwiseVerdict verdict)
{
    switch (verdict) {
    case PairwiseVerdict::Win:
        return 1.0;
    case PairwiseVerdict::Tie:
        return 0.5;
    case PairwiseVerdict::Loss:
        return 0.0;
    }
    return 0.5;
}

std::optional<PairwiseVerdict> fromPoints(double value)
{
    for (PairwiseVerdict verdict : { PairwiseVerdict::Win, PairwiseVerdict::Tie, PairwiseVerdict::Loss }) {
        if (points(verdict) == value) {
            return verdict;
        }
    }
    return std::nullopt;
}

PairwiseVerdict combine(PairwiseVerdict first, PairwiseVerdict second)
{
    return first == second ? first : PairwiseVerdict::Tie;
}

QString label(PairwiseVerdict verdict)
{
    switch (verdict) {
    case PairwiseVerdict::Win:
        return QCoreApplication::translate("PairwiseVerdict", "win");
    case PairwiseVerdict::Tie:
        return QCoreApplication::translate("PairwiseVerdict", "tie");
    case PairwiseVerdict::Loss:
        return QCoreApplication::translate("PairwiseVerdict", "loss");
    }
    return {};
}

} // namespace PairwiseVerdicts
