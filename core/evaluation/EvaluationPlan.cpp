#include "core/evaluation/EvaluationPlan.h"

#include <QFileInfo>

std::optional<EvaluationInfo> EvaluationPlan::of(const QString& path, const PromptSet& prompts,
                                                 const QList<GraderSpec>& graders, const QStringList& models,
                                                 QString* error)
{
    if (!prompts.ok()) {
        *error = prompts.errorString();
        return std::nullopt;
    }
    EvaluationInfo info;
    info.prompts = prompts;
    info.graders = graders;
    if (info.graders.isEmpty()) {
        for (const PromptItem& item : prompts.items()) {
            if (item.graders.isEmpty() && item.expected.isEmpty()) {
                *error = tr("%1:%2: prompt \"%3\" has no grader and no expected answer; name a grader")
                             .arg(path)
                             .arg(item.line)
                             .arg(item.id);
                return std::nullopt;
            }
        }
        GraderSpec contains;
        contains.kind = GraderKind::Contains;
        info.graders = { contains };
    }
    info.name = QFileInfo(path).fileName();
    info.models = models;
    return info;
}
