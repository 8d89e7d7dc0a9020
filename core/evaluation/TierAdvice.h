#pragma once

#include "core/evaluation/EvaluationStore.h"
#include "core/evaluation/EvaluationSummary.h"
#include "core/routing/RoutingPolicy.h"

#include <QCoreApplication>

#include <functional>

// "Cheapest model that passes" for one tier of a routing policy: the evaluation's prompts that the
// policy's rules send to the tier (learned rules left out: they need the trained router), the
// models' figures over those prompts, and EvaluationSummary's suggestion. When no prompt of the
// evaluation goes to the tier, every prompt is the evidence (and `allPrompts` says so). An
// evaluation's model is matched to the chain by what it names: a model group of the policy (its
// deployments), else the configured model an alias stands for (`modelIdOf`, e.g. the engine's
// resolveModel: "gpt-4.1-mini" for "sandbox/gpt-4.1-mini"), else the name itself. Pure.
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
    // The chain's model ids the suggestion stands for (a group: its deployments, in order).
    QStringList suggestedIds;
    bool suggestedGroup = false;

    // The configured model id a name given to an evaluation stands for; empty when it names none.
    using ModelIdOf = std::function<QString(const QString&)>;

    static TierAdvice of(const RoutingPolicy& policy, const QString& tier, const EvaluationInfo& info,
                         const QList<EvaluationCell>& cells, const ModelIdOf& modelIdOf = {});
    // Whether applying would change the policy: a suggestion that is not the primary already.
    bool changesPrimary() const { return !suggestion.model.isEmpty() && !suggestedIds.contains(primary); }
    // The policy with the suggested model as the tier's primary: its step moved to the top when
    // the chain has it already, else put first (a group as one step of its deployments; the old
    // primary becomes the first fallback).
    RoutingPolicy apply(const RoutingPolicy& policy) const;
    // One translated sentence: what was judged and what it suggests.
    QString summary() const;
};
