#include "core/workbench/ToolSet.h"

#include "core/common/JsonSchemaCheck.h"
#include "core/pricing/JsonErrorPlace.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace {
QString place(qsizetype index, const char* field)
{
    return QStringLiteral("tools[%1].%2").arg(index).arg(QLatin1String(field));
}

QJsonObject functionOf(const QJsonObject& tool)
{
    // The legacy `functions` shape ({"name": ..., "parameters": ...}) is taken as well.
    return tool.contains(QLatin1String("function")) ? tool.value(QLatin1String("function")).toObject() : tool;
}

ToolDefinition definitionOf(const QJsonObject& function)
{
    ToolDefinition tool;
    tool.name = function.value(QLatin1String("name")).toString();
    tool.description = function.value(QLatin1String("description")).toString();
    tool.parameters = function.value(QLatin1String("parameters")).toObject();
    if (function.value(QLatin1String("strict")).isBool()) {
        tool.strict = function.value(QLatin1String("strict")).toBool();
    }
    return tool;
}

// The shape of one entry, before its values are checked: the fields that must be of a kind.
QString shapeProblem(const QJsonValue& value, qsizetype i)
{
    if (!value.isObject()) {
        return ToolSet::tr("%1: expected an object {\"type\": \"function\", \"function\": {...}}")
            .arg(QStringLiteral("tools[%1]").arg(i));
    }
    const QJsonObject tool = value.toObject();
    if (tool.contains(QLatin1String("type")) && tool.value(QLatin1String("type")) != QLatin1String("function")) {
        return ToolSet::tr("%1: only \"function\" tools can be defined here").arg(place(i, "type"));
    }
    if (tool.contains(QLatin1String("function")) && !tool.value(QLatin1String("function")).isObject()) {
        return ToolSet::tr("%1: expected an object").arg(place(i, "function"));
    }
    const QJsonObject function = functionOf(tool);
    const QJsonValue name = function.value(QLatin1String("name"));
    if (!name.isUndefined() && !name.isString()) {
        return ToolSet::tr("%1: expected text").arg(place(i, "function.name"));
    }
    const QJsonValue description = function.value(QLatin1String("description"));
    if (!description.isUndefined() && !description.isString()) {
        return ToolSet::tr("%1: expected text").arg(place(i, "function.description"));
    }
    const QJsonValue parameters = function.value(QLatin1String("parameters"));
    if (!parameters.isUndefined() && !parameters.isObject()) {
        return ToolSet::tr("%1: expected a JSON Schema object").arg(place(i, "function.parameters"));
    }
    const QJsonValue strict = function.value(QLatin1String("strict"));
    if (!strict.isUndefined() && !strict.isBool()) {
        return ToolSet::tr("%1: expected true or false").arg(place(i, "function.strict"));
    }
    return {};
}
} // namespace

const ToolDefinition* ToolSet::find(const QString& name) const
{
    for (const ToolDefinition& tool : tools) {
        if (tool.name == name) {
            return &tool;
        }
    }
    return nullptr;
}

QJsonArray ToolSet::toJson() const
{
    QJsonArray array;
    for (const ToolDefinition& tool : tools) {
        QJsonObject function { { QStringLiteral("name"), tool.name } };
        if (!tool.description.isEmpty()) {
            function.insert(QStringLiteral("description"), tool.description);
        }
        if (!tool.parameters.isEmpty()) {
            function.insert(QStringLiteral("parameters"), tool.parameters);
        }
        if (tool.strict) {
            function.insert(QStringLiteral("strict"), *tool.strict);
        }
        array.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                                   { QStringLiteral("function"), function } });
    }
    return array;
}

QStringList ToolSet::problems() const
{
    // The APIs' own rule for function names (OpenAI: ^[a-zA-Z0-9_-]{1,64}$; Anthropic likewise).
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    QStringList out;
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const ToolDefinition& tool = tools[i];
        const QString name = place(i, "function.name");
        if (tool.name.trimmed().isEmpty()) {
            out.append(tr("%1: missing (every tool needs a name)").arg(name));
        } else if (!validName.match(tool.name).hasMatch()) {
            out.append(tr("%1: \"%2\" may hold only letters, digits, _ and - (at most 64)").arg(name, tool.name));
        } else {
            for (qsizetype j = 0; j < i; ++j) {
                if (tools[j].name == tool.name) {
                    out.append(tr("%1: \"%2\" is defined twice (also tools[%3])").arg(name, tool.name).arg(j));
                    break;
                }
            }
        }
        const QString parameters = place(i, "function.parameters");
        const QJsonValue type = tool.parameters.value(QLatin1String("type"));
        if (!tool.parameters.isEmpty() && type != QLatin1String("object")) {
            out.append(tr("%1: the parameters of a tool are an object schema (\"type\": \"object\")")
                           .arg(parameters + QStringLiteral(".type")));
        }
        for (const JsonSchemaCheck::Problem& problem : JsonSchemaCheck::checkSchema(tool.parameters, parameters)) {
            out.append(problem.text());
        }
    }
    return out;
}

std::optional<ToolSet> ToolSet::parse(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = jsonErrorPlace(json, parseError);
        return std::nullopt;
    }
    QJsonArray array;
    if (document.isArray()) {
        array = document.array();
    } else if (document.object().value(QLatin1String("tools")).isArray()) {
        array = document.object().value(QLatin1String("tools")).toArray();
    } else {
        *error = tr("expected a list of tools, or an object with a \"tools\" list");
        return std::nullopt;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString problem = shapeProblem(array.at(i), i);
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    const ToolSet set = fromJson(array);
    const QStringList problems = set.problems();
    if (!problems.isEmpty()) {
        *error = problems.first();
        return std::nullopt;
    }
    return set;
}

ToolSet ToolSet::fromJson(const QJsonArray& array)
{
    ToolSet set;
    for (const QJsonValue& value : array) {
        if (value.isObject()) {
            set.tools.append(definitionOf(functionOf(value.toObject())));
        }
    }
    return set;
}

ToolSet ToolSet::ofRequestBody(const QByteArray& body)
{
    if (!body.contains("\"tools\"")) {
        return {};
    }
    return fromJson(QJsonDocument::fromJson(body).object().value(QLatin1String("tools")).toArray());
}
