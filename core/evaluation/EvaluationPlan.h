#pragma once

#include "core/evaluation/EvaluationStore.h"

#include <QCoreApplication>

// An evaluation about to start, as the command line and the app build it from a prompt file: the
// set's graders are those given, else "contains the expected answer"; a prompt with neither a
// grader of its own nor an expected answer is refused, naming the file and its line.
class EvaluationPlan final
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationPlan)

public:
    static std::optional<EvaluationInfo> of(const QString& path, const PromptSet& prompts,
                                            const QList<GraderSpec>& graders, const QStringList& models,
                                            QString* error);
};
