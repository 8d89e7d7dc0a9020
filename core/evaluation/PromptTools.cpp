#include "core/evaluation/PromptTools.h"

#include "core/common/TextPosition.h"
#include "core/evaluation/PromptSet.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// OpenAI's tool_choice; Anthropic's "any" and "tool" are what the translation makes of it.
QString checkChoice(const QJsonValue& choice, const ToolSet& tools)
{
    if (choice.isUndefined() || choice.isNull()) {
        return {};
    }
    if (tools.isEmpty()) {
        return PromptTools::tr("tool_choice: there are no tools to choose from");
    }
    if (choice.isString()) {
        const QString text = choice.toString();
        if (text == QLatin1String("auto") || text == QLatin1String("none") || text == QLatin1String("required")) {
            return {};
        }
        return PromptTools::tr("tool_choice: \"%1\" is not auto, none, required or "
                               "{\"type\": \"function\", \"function\": {\"name\": ...}}")
            .arg(text);
    }
    const QJsonObject object = choice.toObject();
    if (!choice.isObject() || object.value(QLatin1String("type")) != QLatin1String("function")) {
        return PromptTools::tr("tool_choice: must be auto, none, required or "
                               "{\"type\": \"function\", \"function\": {\"name\": ...}}");
    }
    const QJsonValue name = object.value(QLatin1String("function")).toObject().value(QLatin1String("name"));
    if (!name.isString()) {
        return PromptTools::tr("tool_choice.function.name: missing");
    }
    if (!tools.find(name.toString())) {
        return PromptTools::tr("tool_choice.function.name: \"%1\" is not one of the tools").arg(name.toString());
    }
    return {};
}
} // namespace

std::optional<PromptTools> PromptTools::fromJson(const QJsonValue& tools, const QJsonValue& choice, QString* error)
{
    PromptTools result;
    if (!tools.isUndefined() && !tools.isNull()) {
        if (!tools.isArray()) {
            *error = tr("tools: must be a list of {\"type\": \"function\", \"function\": {...}}");
            return std::nullopt;
        }
        // ToolSet's own check, so a set's tools are held to the rule the workbench's are.
        const auto set = ToolSet::parse(QJsonDocument(tools.toArray()).toJson(QJsonDocument::Compact), error);
        if (!set) {
            return std::nullopt;
        }
        if (set->isEmpty()) {
            *error = tr("tools: the list is empty");
            return std::nullopt;
        }
        result.tools = *set;
    }
    if (const QString problem = checkChoice(choice, result.tools); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    result.choice = choice.isNull() ? QJsonValue(QJsonValue::Undefined) : choice;
    return result;
}

std::optional<PromptTools> PromptTools::parse(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition place = TextPosition::ofJsonError(json, parseError);
        *error = QStringLiteral("%1:%2: %3").arg(place.line).arg(place.column).arg(parseError.errorString());
        return std::nullopt;
    }
    if (document.isArray()) {
        return fromJson(document.array(), QJsonValue::Undefined, error);
    }
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("tools") && it.key() != QLatin1String("tool_choice")) {
            *error = tr("unknown field \"%1\" (known: tools, tool_choice)").arg(it.key());
            return std::nullopt;
        }
    }
    if (!object.contains(QLatin1String("tools"))) {
        *error = tr("expected a list of tools, or an object with a \"tools\" list");
        return std::nullopt;
    }
    return fromJson(object.value(QLatin1String("tools")), object.value(QLatin1String("tool_choice")), error);
}

std::optional<PromptTools> PromptTools::readFile(const QString& path, QString* error)
{
    QString why;
    const QByteArray content = PromptSet::readBounded(path, PromptSet::kMaxLineBytes, &why);
    if (!why.isEmpty()) {
        *error = why; // names the file already
        return std::nullopt;
    }
    const auto tools = parse(content, &why);
    if (!tools) {
        const bool placed = !why.isEmpty() && why.front().isDigit(); // "LINE:COL: what"
        *error = placed ? QStringLiteral("%1:%2").arg(path, why) : QStringLiteral("%1: %2").arg(path, why);
    }
    return tools;
}

void PromptTools::addTo(QJsonObject& body) const
{
    if (tools.isEmpty()) {
        return;
    }
    body.insert(QStringLiteral("tools"), tools.toJson());
    if (!choice.isUndefined()) {
        body.insert(QStringLiteral("tool_choice"), choice);
    }
}
