#include "core/evaluation/EvaluationPlan.h"

#include <QFileInfo>
#include <QStringList>

std::optional<EvaluationInfo> EvaluationPlan::of(const QString& path, const PromptSet& prompts,
                                                 const QList<GraderSpec>& graders, const QStringList& models,
                                                 QString* error, const PromptTools& tools)
{
    if (!prompts.ok()) {
        *error = prompts.errorString();
        return std::nullopt;
    }
    // The provider entries' tools first: --tools fills in only where neither the prompt nor the
    // model's entry offers any.
    const auto offered = prompts.forModels(models, error);
    if (!offered) {
        return std::nullopt;
    }
    EvaluationInfo info;
    info.prompts = tools.isEmpty() ? *offered : offered->withTools(tools);
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

QString EvaluationPlan::describeGraders(const EvaluationInfo& info)
{
    QStringList names;
    for (const GraderSpec& spec : info.graders) {
        names.append(spec.describe());
    }
    int own = 0;
    for (const PromptItem& item : info.prompts.items()) {
        own += item.graders.isEmpty() ? 0 : 1;
    }
    QString text = info.graders.size() > 1
        ? tr("Graders: %1; a cell passes when every one passes.").arg(names.join(QStringLiteral(", ")))
        : tr("Grader: %1.").arg(names.join(QStringLiteral(", ")));
    if (own > 0) {
        text += QLatin1Char(' ')
            + tr("%n of %1 prompt(s) name their own graders, which replace these for them.", nullptr, own)
                  .arg(info.prompts.size());
    }
    return text;
}
