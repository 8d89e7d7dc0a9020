#include "core/workbench/ToolCallCheck.h"

#include "core/common/JsonSchemaCheck.h"
#include "core/pricing/JsonErrorPlace.h"

#include <QJsonDocument>
#include <QJsonObject>

QString ToolCallCheck::summary() const
{
    switch (verdict) {
    case Verdict::Fits:
        return tr("Arguments fit the schema");
    case Verdict::Violates:
    case Verdict::NotJson:
    case Verdict::UnknownTool:
        return problems.join(QStringLiteral("; "));
    case Verdict::Unchecked:
        break;
    }
    return tr("Not checked: the tools offered are not known");
}

ToolCallCheck ToolCallCheck::of(const ToolCall& call, const ToolSet& offered)
{
    ToolCallCheck check;
    // A call without arguments (a tool with no parameters) is sent as an empty text by some APIs.
    const QByteArray text = call.arguments.trimmed().isEmpty() ? QByteArrayLiteral("{}") : call.arguments.toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    check.arguments
        = document.isObject() ? QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed() : call.arguments;
    if (offered.isEmpty()) {
        return check;
    }
    const ToolDefinition* tool = offered.find(call.name);
    if (!tool) {
        check.verdict = Verdict::UnknownTool;
        check.problems.append(tr("no tool named \"%1\" was offered").arg(call.name));
        return check;
    }
    if (error.error != QJsonParseError::NoError) {
        check.verdict = Verdict::NotJson;
        check.problems.append(tr("arguments are not JSON: %1").arg(jsonErrorPlace(text, error)));
        return check;
    }
    if (!document.isObject()) {
        check.verdict = Verdict::NotJson;
        check.problems.append(tr("arguments are not a JSON object"));
        return check;
    }
    const QList<JsonSchemaCheck::Problem> problems = tool->parameters.isEmpty()
        ? QList<JsonSchemaCheck::Problem> {}
        : JsonSchemaCheck::validate(document.object(), tool->parameters);
    for (const JsonSchemaCheck::Problem& problem : problems) {
        check.problems.append(problem.text());
    }
    check.verdict = problems.isEmpty() ? Verdict::Fits : Verdict::Violates;
    return check;
}

QList<ToolCallCheck> ToolCallCheck::ofAll(const QList<ToolCall>& calls, const ToolSet& offered)
{
    QList<ToolCallCheck> checks;
    for (const ToolCall& call : calls) {
        checks.append(of(call, offered));
    }
    return checks;
}
