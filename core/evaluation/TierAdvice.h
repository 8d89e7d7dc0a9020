#pragma once

#include "core/evaluation/EvaluationStore.h"
#include "core/evaluation/EvaluationSummary.h"
#include "core/routing/RoutingPolicy.h"

#include <QCoreApplication>

// "Cheapest model that passes" for one tier of a routing policy: the evaluation's prompts that the
// policy's rules send to the tier (learned rules left out: they need the trained router), the
// models' figures over those prompts, and EvaluationSummary's suggestion. When no prompt of the
// evaluation goes to the tier, every prompt is the evidence (and `allPrompts` says so). Pure.
struct TierAdvice
{
    Q_DECLARE_TR_FUNCTIONS(TierAdvice)

public:
    QString tier;
    QString primary; // the tier's primary now; empty for an empty chain
    int prompts = 0; // the prompts judged
    bool allPrompts = false;
    QList<ModelSummary> models;
    EvaluationSummary::Suggestion suggestion;

    static TierAdvice of(const RoutingPolicy& policy, const QString& tier, const EvaluationInfo& info,
                         const QList<EvaluationCell>& cells);
    // Whether applying would change the policy: a suggestion that is not the primary already.
    bool changesPrimary() const { return !suggestion.model.isEmpty() && suggestion.model != primary; }
    // The policy with the suggested model as the tier's primary: moved to the top when it is in
    // the chain already, else put first (the old primary becomes the first fallback).
    RoutingPolicy apply(const RoutingPolicy& policy) const;
    // One translated sentence: what was judged and what it suggests.
    QString summary() const;
};
