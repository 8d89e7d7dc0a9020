#include "core/evaluation/PromptfooFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace {
struct Failure
{
    QString message;
};

int lineOf(const YAML::Node& node)
{
    return node.IsDefined() && !node.Mark().is_null() ? node.Mark().line + 1 : 0;
}

[[noreturn]] void fail(const QString& path, const YAML::Node& node, const QString& field, const QString& why)
{
    throw Failure { QStringLiteral("%1:%2: %3: %4").arg(path).arg(lineOf(node)).arg(field, why) };
}

QString scalar(const QString& path, const YAML::Node& node, const QString& field)
{
    if (!node.IsScalar()) {
        fail(path, node, field, PromptfooFile::tr("must be text"));
    }
    return QString::fromStdString(node.Scalar());
}

// parent[key] as text; missing is refused on the parent's line.
QString member(const QString& path, const YAML::Node& parent, const char* key, const QString& field)
{
    const YAML::Node node = parent[key];
    if (!node.IsDefined()) {
        fail(path, parent, field, PromptfooFile::tr("missing"));
    }
    return scalar(path, node, field);
}

// A YAML value as JSON (for schemas and tool arguments): maps, lists, and scalars as numbers,
// booleans or strings.
QJsonValue toJson(const YAML::Node& node)
{
    if (node.IsMap()) {
        QJsonObject object;
        for (const auto& entry : node) {
            object.insert(QString::fromStdString(entry.first.Scalar()), toJson(entry.second));
        }
        return object;
    }
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto& element : node) {
            array.append(toJson(element));
        }
        return array;
    }
    if (node.IsNull()) {
        return QJsonValue::Null;
    }
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() != "!") { // plain (unquoted) scalars may be numbers or booleans
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (ok) {
            return number;
        }
        if (text == QLatin1String("true") || text == QLatin1String("false")) {
            return text == QLatin1String("true");
        }
    }
    return text;
}

GraderSpec assertion(const QString& path, const YAML::Node& node, const QString& field)
{
    if (!node.IsMap()) {
        fail(path, node, field, PromptfooFile::tr("must be a map with \"type\""));
    }
    const QString type = member(path, node, "type", field + QStringLiteral(".type"));
    const YAML::Node value = node["value"];
    const QString valueField = field + QStringLiteral(".value");
    GraderSpec spec;
    if (type == QLatin1String("equals") || type == QLatin1String("contains") || type == QLatin1String("regex")) {
        spec.kind = GraderKinds::fromId(type).value();
        spec.value = member(path, node, "value", valueField);
    } else if (type == QLatin1String("is-json")) {
        spec.kind = value.IsDefined() ? GraderKind::JsonSchemaValid : GraderKind::JsonValid;
        if (value.IsDefined()) {
            spec.schema = toJson(value);
        }
    } else if (type == QLatin1String("llm-rubric")) {
        spec.kind = GraderKind::LlmJudge;
        spec.rubric = member(path, node, "value", valueField);
        spec.judgeModel = member(path, node, "provider", field + QStringLiteral(".provider"));
        if (node["threshold"].IsDefined()) {
            bool ok = false;
            const double threshold
                = member(path, node, "threshold", field + QStringLiteral(".threshold")).toDouble(&ok);
            if (!ok || threshold < 0 || threshold > 1) {
                fail(path, node["threshold"], field + QStringLiteral(".threshold"),
                     PromptfooFile::tr("must be a number from 0 to 1"));
            }
            spec.threshold = qBound(1, int(std::lround(threshold * 10)), 10);
        }
    } else if (const auto kind = GraderKinds::fromId(type)) {
        // Switchyard's own kinds, with their fields as in a JSONL grader object.
        QJsonObject object = toJson(node).toObject();
        object.insert(QStringLiteral("kind"), object.take(QStringLiteral("type")));
        QString why;
        const auto parsed = GraderSpec::fromJson(object, &why);
        if (!parsed) {
            fail(path, node, field, why);
        }
        spec = *parsed;
    } else {
        fail(path, node["type"], field + QStringLiteral(".type"),
             PromptfooFile::tr("\"%1\" is not supported (supported: equals, contains, regex, is-json, llm-rubric, %2)")
                 .arg(type, GraderKinds::idList()));
    }
    QString why;
    if (!GraderSpec::fromJson(spec.toJson(), &why)) {
        fail(path, node, field, why);
    }
    return spec;
}

QList<GraderSpec> assertions(const QString& path, const YAML::Node& node, const QString& field)
{
    QList<GraderSpec> specs;
    if (!node.IsDefined() || node.IsNull()) {
        return specs;
    }
    if (!node.IsSequence()) {
        fail(path, node, field, PromptfooFile::tr("must be a list"));
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        specs.append(assertion(path, node[i], QStringLiteral("%1[%2]").arg(field).arg(i)));
    }
    return specs;
}

// Switchyard's own fields `tools` and `tool_choice` (OpenAI's shape, as YAML or JSON) on a test or
// on defaultTest, offered to every model; promptfoo's own per provider are read by providerTools.
std::optional<PromptTools> toolsOf(const QString& path, const YAML::Node& node, const QString& field)
{
    const YAML::Node tools = node["tools"];
    const YAML::Node choice = node["tool_choice"];
    if (!tools.IsDefined() && !choice.IsDefined()) {
        return std::nullopt;
    }
    QString why;
    const auto read
        = PromptTools::fromJson(tools.IsDefined() ? toJson(tools) : QJsonValue(QJsonValue::Undefined),
                                choice.IsDefined() ? toJson(choice) : QJsonValue(QJsonValue::Undefined), &why);
    if (!read) {
        fail(path, tools.IsDefined() ? tools : choice, field, why);
    }
    return read;
}

// A YAML file a provider entry's `tools: file://tools.json` names (JSON is YAML), next to the file.
YAML::Node toolsFile(const QString& path, const YAML::Node& node, const QString& field, const QString& reference)
{
    const QString name = reference.mid(int(qstrlen("file://")));
    static const QStringList readable { QStringLiteral("json"), QStringLiteral("yaml"), QStringLiteral("yml") };
    if (!readable.contains(QFileInfo(name).suffix().toLower())) {
        fail(path, node, field,
             PromptfooFile::tr("%1: only a .json or .yaml file of tools is read, not a script").arg(reference));
    }
    const QString file = QFileInfo(path).dir().filePath(name);
    QString why;
    const QByteArray content = PromptSet::readBounded(file, PromptSet::kMaxLineBytes, &why);
    if (!why.isEmpty()) {
        fail(path, node, field, why);
    }
    try {
        return YAML::Load(content.toStdString());
    } catch (const YAML::Exception& exception) {
        fail(path, node, field,
             QStringLiteral("%1:%2:%3: %4")
                 .arg(file)
                 .arg(exception.mark.line + 1)
                 .arg(exception.mark.column + 1)
                 .arg(QString::fromStdString(exception.msg)));
    }
}

// A provider entry's `config.tools` in OpenAI's format, as promptfoo takes them: OpenAI's own, or
// the native forms it passes on to Anthropic ({name, description, input_schema}) and Bedrock
// ({toolSpec: {name, description, inputSchema: {json}}}), which map one to one. Google's
// functionDeclarations and anything else are refused: their schemas are not JSON Schema as sent.
QJsonArray openAiTools(const QString& path, const YAML::Node& node, const QString& field)
{
    const QString reference = node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
    if (node.IsScalar() && !reference.startsWith(QLatin1String("file://"))) {
        fail(path, node, field, PromptfooFile::tr("must be a list of tools or a file://tools.json reference"));
    }
    const YAML::Node list = node.IsScalar() ? toolsFile(path, node, field, reference) : node;
    if (!list.IsSequence()) {
        fail(path, node, field, PromptfooFile::tr("must be a list of tools"));
    }
    QJsonArray tools;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QString place = QStringLiteral("%1[%2]").arg(field).arg(i);
        const QJsonObject tool = toJson(list[i]).toObject();
        const YAML::Node at = node.IsSequence() ? node[i] : node;
        if (tool.contains(QLatin1String("type")) || tool.contains(QLatin1String("function"))) {
            tools.append(tool); // OpenAI's: checked with the others below
            continue;
        }
        QJsonObject function;
        if (tool.contains(QLatin1String("toolSpec"))) {
            const QJsonObject spec = tool.value(QLatin1String("toolSpec")).toObject();
            function.insert(QStringLiteral("name"), spec.value(QLatin1String("name")));
            if (spec.contains(QLatin1String("description"))) {
                function.insert(QStringLiteral("description"), spec.value(QLatin1String("description")));
            }
            function.insert(QStringLiteral("parameters"),
                            spec.value(QLatin1String("inputSchema")).toObject().value(QLatin1String("json")));
        } else if (tool.contains(QLatin1String("input_schema"))) {
            function.insert(QStringLiteral("name"), tool.value(QLatin1String("name")));
            if (tool.contains(QLatin1String("description"))) {
                function.insert(QStringLiteral("description"), tool.value(QLatin1String("description")));
            }
            function.insert(QStringLiteral("parameters"), tool.value(QLatin1String("input_schema")));
        } else if (tool.contains(QLatin1String("functionDeclarations"))) {
            fail(path, at, place,
                 PromptfooFile::tr("Google's functionDeclarations are not read; write the tools in OpenAI's format "
                                   "({type: function, function: {name, parameters}})"));
        } else {
            fail(path, at, place,
                 PromptfooFile::tr("is neither OpenAI's {type: function, function: {name, parameters}} nor "
                                   "Anthropic's {name, input_schema} nor Bedrock's {toolSpec}"));
        }
        tools.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                                   { QStringLiteral("function"), function } });
    }
    return tools;
}

// `config.tool_choice` as OpenAI takes it; Anthropic's native {type: auto|any|tool|none, name}
// (which promptfoo passes on) mapped to it.
QJsonValue openAiToolChoice(const YAML::Node& node)
{
    const QJsonValue choice = toJson(node);
    const QJsonObject object = choice.toObject();
    const QString type = object.value(QLatin1String("type")).toString();
    if (!choice.isObject() || type == QLatin1String("function")) {
        return choice;
    }
    if (type == QLatin1String("auto") || type == QLatin1String("none")) {
        return type;
    }
    if (type == QLatin1String("any")) {
        return QStringLiteral("required");
    }
    if (type == QLatin1String("tool")) {
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                             { QStringLiteral("function"),
                               QJsonObject { { QStringLiteral("name"), object.value(QLatin1String("name")) } } } };
    }
    return choice; // refused by PromptTools, naming the field
}

// The file's provider entries (`providers`, or promptfoo's other name for them, `targets`) that
// set tools: each an id ("openai:gpt-4.1-mini"), a map {id, label?, config?}, or the older
// {ID: {label?, config?}}. Entries without tools are not kept: the models come from --models.
QList<ProviderTools> providerTools(const QString& path, const YAML::Node& root)
{
    QList<ProviderTools> result;
    const YAML::Node providers = root["providers"];
    const YAML::Node targets = root["targets"];
    if (providers.IsDefined() && targets.IsDefined()) {
        fail(path, targets, QStringLiteral("targets"), PromptfooFile::tr("give providers or targets, not both"));
    }
    const YAML::Node list = providers.IsDefined() ? providers : targets;
    const QString listField = providers.IsDefined() ? QStringLiteral("providers") : QStringLiteral("targets");
    if (!list.IsDefined() || list.IsNull() || list.IsScalar()) {
        return result; // none, or one id without options
    }
    if (!list.IsSequence()) {
        fail(path, list, listField, PromptfooFile::tr("must be a list of providers"));
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node entry = list[i];
        const QString field = QStringLiteral("%1[%2]").arg(listField).arg(i);
        if (entry.IsScalar()) {
            continue;
        }
        const bool keyed = entry.IsMap() && !entry["id"].IsDefined() && entry.size() == 1; // {ID: {config}}
        if (!entry.IsMap() || (!keyed && !entry["id"].IsDefined())) {
            fail(path, entry, field, PromptfooFile::tr("must be a provider id or a map with \"id\""));
        }
        const QString id = keyed ? QString::fromStdString(entry.begin()->first.Scalar())
                                 : member(path, entry, "id", field + QStringLiteral(".id"));
        const YAML::Node options = keyed ? YAML::Node(entry.begin()->second) : entry;
        if (!options.IsMap()) {
            continue;
        }
        const YAML::Node config = options["config"];
        if (!config.IsDefined() || config.IsNull()) {
            continue;
        }
        if (!config.IsMap()) {
            fail(path, config, field + QStringLiteral(".config"), PromptfooFile::tr("must be a map"));
        }
        for (const char* legacy : { "functions", "function_call" }) {
            if (config[legacy].IsDefined()) {
                fail(path, config[legacy], field + QStringLiteral(".config.") + QLatin1String(legacy),
                     PromptfooFile::tr("OpenAI's older functions are not read; give them as tools"));
            }
        }
        const YAML::Node tools = config["tools"];
        const YAML::Node choice = config["tool_choice"];
        if (!tools.IsDefined()) {
            if (choice.IsDefined()) {
                fail(path, choice, field + QStringLiteral(".config.tool_choice"),
                     PromptfooFile::tr("there is no config.tools to choose from"));
            }
            continue;
        }
        QString why;
        const auto offered = PromptTools::fromJson(
            openAiTools(path, tools, field + QStringLiteral(".config.tools")),
            choice.IsDefined() ? openAiToolChoice(choice) : QJsonValue(QJsonValue::Undefined), &why);
        if (!offered) {
            fail(path, why.startsWith(QLatin1String("tool_choice")) ? choice : tools, field + QStringLiteral(".config"),
                 why);
        }
        ProviderTools provider;
        provider.id = id;
        if (options["label"].IsDefined()) {
            provider.label = member(path, options, "label", field + QStringLiteral(".label"));
        }
        provider.tools = *offered;
        provider.place = QStringLiteral("%1:%2: %3").arg(path).arg(lineOf(entry)).arg(field);
        result.append(provider);
    }
    return result;
}

QString render(const QString& path, const YAML::Node& where, const QString& field, const QString& templ,
               const QHash<QString, QString>& vars)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"));
    QString text;
    qsizetype from = 0;
    auto matches = placeholder.globalMatch(templ);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString name = match.captured(1);
        if (!vars.contains(name)) {
            fail(path, where, field, PromptfooFile::tr("no variable \"%1\" for the prompt").arg(name));
        }
        text += templ.mid(from, match.capturedStart() - from) + vars.value(name);
        from = match.capturedEnd();
    }
    return text + templ.mid(from);
}

QList<PromptItem> items(const QString& path, const YAML::Node& root)
{
    if (!root.IsMap()) {
        fail(path, root, QStringLiteral("(file)"), PromptfooFile::tr("must be a map with \"tests\""));
    }
    QStringList templates;
    const YAML::Node prompts = root["prompts"];
    if (prompts.IsDefined()) {
        if (!prompts.IsSequence()) {
            fail(path, prompts, QStringLiteral("prompts"), PromptfooFile::tr("must be a list of prompt templates"));
        }
        for (std::size_t i = 0; i < prompts.size(); ++i) {
            templates.append(scalar(path, prompts[i], QStringLiteral("prompts[%1]").arg(i)));
        }
    }
    const YAML::Node defaultTest = root["defaultTest"];
    if (defaultTest.IsDefined() && !defaultTest.IsMap()) {
        fail(path, defaultTest, QStringLiteral("defaultTest"), PromptfooFile::tr("must be a map"));
    }
    const QList<GraderSpec> defaults = defaultTest.IsDefined()
        ? assertions(path, defaultTest["assert"], QStringLiteral("defaultTest.assert"))
        : QList<GraderSpec> {};
    const std::optional<PromptTools> defaultTools
        = defaultTest.IsDefined() ? toolsOf(path, defaultTest, QStringLiteral("defaultTest")) : std::nullopt;
    const YAML::Node tests = root["tests"];
    if (!tests.IsSequence() || tests.size() == 0) {
        fail(path, tests.IsDefined() ? tests : root, QStringLiteral("tests"),
             PromptfooFile::tr("must be a non-empty list"));
    }
    QList<PromptItem> result;
    for (std::size_t t = 0; t < tests.size(); ++t) {
        const YAML::Node test = tests[t];
        const QString field = QStringLiteral("tests[%1]").arg(t);
        if (!test.IsMap()) {
            fail(path, test, field, PromptfooFile::tr("must be a map"));
        }
        QHash<QString, QString> vars;
        const YAML::Node varsNode = test["vars"];
        if (varsNode.IsDefined()) {
            if (!varsNode.IsMap()) {
                fail(path, varsNode, field + QStringLiteral(".vars"), PromptfooFile::tr("must be a map"));
            }
            for (const auto& entry : varsNode) {
                const QString name = QString::fromStdString(entry.first.Scalar());
                vars.insert(name, scalar(path, entry.second, field + QStringLiteral(".vars.") + name));
            }
        }
        const QString id = test["description"].IsDefined()
            ? member(path, test, "description", field + QStringLiteral(".description"))
            : QStringLiteral("test %1").arg(t + 1);
        QList<GraderSpec> graders = defaults + assertions(path, test["assert"], field + QStringLiteral(".assert"));
        const std::optional<PromptTools> tools = toolsOf(path, test, field);
        const QStringList own = templates.isEmpty() ? QStringList { QStringLiteral("{{prompt}}") } : templates;
        for (qsizetype p = 0; p < own.size(); ++p) {
            PromptItem item;
            item.id = own.size() > 1 ? QStringLiteral("%1/%2").arg(id).arg(p + 1) : id;
            item.prompt = render(path, test, field, own.at(p), vars);
            item.expected = vars.value(QStringLiteral("expected"));
            item.graders = graders;
            item.tools = tools ? *tools : defaultTools.value_or(PromptTools {});
            item.line = lineOf(test);
            result.append(item);
        }
    }
    return result;
}
} // namespace

PromptSet PromptfooFile::read(const QString& path, const QByteArray& content)
{
    try {
        const YAML::Node root = YAML::Load(content.toStdString());
        QList<PromptItem> list = items(path, root);
        QHash<QString, int> seen;
        for (const PromptItem& item : list) {
            if (seen.contains(item.id)) {
                return PromptSet::failed(tr("%1:%2: description \"%3\" is used again (first on line %4)")
                                             .arg(path)
                                             .arg(item.line)
                                             .arg(item.id)
                                             .arg(seen.value(item.id)));
            }
            seen.insert(item.id, item.line);
        }
        return PromptSet::of(list).withProviderTools(providerTools(path, root));
    } catch (const Failure& failure) {
        return PromptSet::failed(failure.message);
    } catch (const YAML::Exception& exception) {
        return PromptSet::failed(QStringLiteral("%1:%2:%3: %4")
                                     .arg(path)
                                     .arg(exception.mark.line + 1)
                                     .arg(exception.mark.column + 1)
                                     .arg(QString::fromStdString(exception.msg)));
    }
}
