#pragma once

#include "core/evaluation/EvaluationStore.h"

#include <QCoreApplication>

// An evaluation about to start, as the command line and the app build it from a prompt file: the
// set's graders are those given, else "contains the expected answer"; a prompt with neither a
// grader of its own nor an expected answer is refused, naming the file and its line. A prompt's own
// graders (from the file) replace the set's for that prompt; a cell passes when every grader that
// grades it passes. The tools: a prompt's own, else its provider entry's for that model (promptfoo
// `providers[].config.tools`), else `tools` (--tools).
class EvaluationPlan final
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationPlan)

public:
    static std::optional<EvaluationInfo> of(const QString& path, const PromptSet& prompts,
                                            const QList<GraderSpec>& graders, const QStringList& models, QString* error,
                                            const PromptTools& tools = {});
    // How the cells are graded, for the run box and the command line: "Graders: regex ^\d+$,
    // contains; a cell passes when every one passes. 3 of 10 prompts name their own graders, which
    // replace these for them."
    static QString describeGraders(const EvaluationInfo& info);
};
