#include "core/evaluation/PromptfooFile.h"

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
// on defaultTest; promptfoo itself sets them per provider, and the models here come from --models.
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
        return PromptSet::of(list);
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
