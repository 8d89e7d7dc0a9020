#include "core/evaluation/GraderSpec.h"

#include "core/common/JsonSchemaCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
QString key(const char* name)
{
    return QString::fromLatin1(name);
}

// A grader that cannot work is refused when it is read, not when the first answer comes.
bool check(const GraderSpec& spec, QString* error)
{
    switch (spec.kind) {
    case GraderKind::Regex:
        if (spec.value.isEmpty()) {
            *error = GraderSpec::tr("regex needs a pattern");
            return false;
        }
        return true;
    case GraderKind::JsonSchemaValid: {
        if (!spec.schema.isObject() && !spec.schema.isBool()) {
            *error = GraderSpec::tr("json-schema-valid needs a JSON Schema object");
            return false;
        }
        const auto problems = JsonSchemaCheck::checkSchema(spec.schema, QStringLiteral("schema"));
        if (!problems.isEmpty()) {
            *error = GraderSpec::tr("json-schema-valid: the schema is not valid: %1").arg(problems.first().text());
            return false;
        }
        return true;
    }
    case GraderKind::Numeric:
        if (!(spec.tolerance >= 0)) {
            *error = GraderSpec::tr("numeric needs a tolerance of 0 or more");
            return false;
        }
        return true;
    case GraderKind::ToolCall:
        if (spec.toolName.isEmpty()) {
            *error = GraderSpec::tr("tool-call needs the tool's name");
            return false;
        }
        if (!spec.toolArguments.isUndefined() && !spec.toolArguments.isObject()) {
            *error = GraderSpec::tr("tool-call: the expected arguments must be a JSON object");
            return false;
        }
        return true;
    case GraderKind::LlmJudge:
        if (spec.judgeModel.isEmpty()) {
            *error = GraderSpec::tr("llm-judge needs a judge model");
            return false;
        }
        if (spec.threshold < 1 || spec.threshold > 10) {
            *error = GraderSpec::tr("llm-judge: the pass threshold must be between 1 and 10");
            return false;
        }
        return true;
    case GraderKind::LlmPairwise:
        if (spec.judgeModel.isEmpty()) {
            *error = GraderSpec::tr("llm-pairwise needs a judge model");
            return false;
        }
        if (spec.judgeModel == spec.baselineModel) {
            *error = GraderSpec::tr("llm-pairwise: the judge cannot be the baseline");
            return false;
        }
        return true;
    case GraderKind::Equals:
    case GraderKind::Contains:
    case GraderKind::JsonValid:
        return true;
    }
    return true;
}
} // namespace

QJsonObject GraderSpec::toJson() const
{
    QJsonObject object { { key("kind"), GraderKinds::id(kind) } };
    if (!value.isEmpty()) {
        object.insert(key("value"), value);
    }
    if (kind == GraderKind::Numeric) {
        object.insert(key("tolerance"), tolerance);
    }
    if (kind == GraderKind::JsonSchemaValid) {
        object.insert(key("schema"), schema);
    }
    if (kind == GraderKind::ToolCall) {
        object.insert(key("tool"), toolName);
        if (!toolArguments.isUndefined()) {
            object.insert(key("arguments"), toolArguments);
        }
    }
    if (kind == GraderKind::LlmPairwise) {
        object.insert(key("judge"), judgeModel);
        if (!baselineModel.isEmpty()) {
            object.insert(key("baseline"), baselineModel);
        }
    }
    if (kind == GraderKind::LlmJudge) {
        object.insert(key("judge"), judgeModel);
        object.insert(key("threshold"), threshold);
        if (!rubric.isEmpty()) {
            object.insert(key("rubric"), rubric);
        }
    }
    return object;
}

std::optional<GraderSpec> GraderSpec::fromJson(const QJsonObject& object, QString* error)
{
    const QJsonValue kindValue = object.value(key("kind"));
    if (!kindValue.isString()) {
        *error = tr("field \"kind\" must be one of %1").arg(GraderKinds::idList());
        return std::nullopt;
    }
    const auto kind = GraderKinds::fromId(kindValue.toString());
    if (!kind) {
        *error = tr("unknown grader \"%1\" (known: %2)").arg(kindValue.toString(), GraderKinds::idList());
        return std::nullopt;
    }
    GraderSpec spec;
    spec.kind = *kind;
    auto text = [&](const char* name, QString* out) {
        const QJsonValue value = object.value(key(name));
        if (value.isUndefined()) {
            return true;
        }
        if (value.isDouble()) {
            *out = QString::number(value.toDouble(), 'g', 17);
            return true;
        }
        if (!value.isString()) {
            *error = tr("field \"%1\" must be a string").arg(key(name));
            return false;
        }
        *out = value.toString();
        return true;
    };
    auto number = [&](const char* name, double* out) {
        const QJsonValue value = object.value(key(name));
        if (value.isUndefined()) {
            return true;
        }
        if (!value.isDouble()) {
            *error = tr("field \"%1\" must be a number").arg(key(name));
            return false;
        }
        *out = value.toDouble();
        return true;
    };
    double threshold = spec.threshold;
    if (!text("value", &spec.value) || !number("tolerance", &spec.tolerance) || !text("tool", &spec.toolName)
        || !text("judge", &spec.judgeModel) || !text("rubric", &spec.rubric) || !number("threshold", &threshold)
        || !text("baseline", &spec.baselineModel)) {
        return std::nullopt;
    }
    spec.threshold = int(threshold);
    spec.schema = object.value(key("schema"));
    spec.toolArguments = object.value(key("arguments"));
    if (!check(spec, error)) {
        return std::nullopt;
    }
    return spec;
}

std::optional<GraderSpec> GraderSpec::parse(const QString& text, QString* error)
{
    const qsizetype colon = text.indexOf(u':');
    const QString kindId = colon < 0 ? text : text.left(colon);
    const QString argument = colon < 0 ? QString() : text.mid(colon + 1);
    const auto kind = GraderKinds::fromId(kindId);
    if (!kind) {
        *error = tr("unknown grader \"%1\" (known: %2)").arg(kindId, GraderKinds::idList());
        return std::nullopt;
    }
    GraderSpec spec;
    spec.kind = *kind;
    switch (*kind) {
    case GraderKind::Equals:
    case GraderKind::Contains:
    case GraderKind::Regex:
        spec.value = argument;
        break;
    case GraderKind::JsonValid:
        break;
    case GraderKind::JsonSchemaValid: {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(argument.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = tr("json-schema-valid:SCHEMA needs the schema as JSON: %1").arg(parseError.errorString());
            return std::nullopt;
        }
        spec.schema = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        break;
    }
    case GraderKind::Numeric:
        if (!argument.isEmpty()) {
            bool ok = false;
            spec.tolerance = argument.toDouble(&ok);
            if (!ok) {
                *error = tr("numeric:TOLERANCE needs a number, not \"%1\"").arg(argument);
                return std::nullopt;
            }
        }
        break;
    case GraderKind::ToolCall:
        spec.toolName = argument;
        break;
    case GraderKind::LlmPairwise: {
        // JUDGE[:BASELINE]: a model id holding a colon itself is named in a set's {"kind": ...} form.
        const qsizetype at = argument.indexOf(u':');
        spec.judgeModel = at < 0 ? argument : argument.left(at);
        spec.baselineModel = at < 0 ? QString() : argument.mid(at + 1);
        break;
    }
    case GraderKind::LlmJudge: {
        // MODEL[:THRESHOLD]; a model id may hold colons itself, so only a final number is a threshold.
        static const QRegularExpression withThreshold(QStringLiteral("^(.+):(\\d+)$"));
        const auto match = withThreshold.match(argument);
        if (match.hasMatch()) {
            spec.judgeModel = match.captured(1);
            spec.threshold = match.captured(2).toInt();
        } else {
            spec.judgeModel = argument;
        }
        break;
    }
    }
    if (!check(spec, error)) {
        return std::nullopt;
    }
    return spec;
}

QString GraderSpec::describe() const
{
    const QString kindId = GraderKinds::id(kind);
    switch (kind) {
    case GraderKind::Equals:
    case GraderKind::Contains:
    case GraderKind::Regex:
        return value.isEmpty() ? kindId : kindId + QLatin1Char(' ') + value;
    case GraderKind::Numeric:
        return kindId + QStringLiteral(" ±") + QString::number(tolerance);
    case GraderKind::ToolCall:
        return kindId + QLatin1Char(' ') + toolName;
    case GraderKind::LlmJudge:
        return QStringLiteral("%1 %2 (>= %3)").arg(kindId, judgeModel).arg(threshold);
    case GraderKind::LlmPairwise:
        return baselineModel.isEmpty() ? QStringLiteral("%1 %2").arg(kindId, judgeModel)
                                       : QStringLiteral("%1 %2 vs %3").arg(kindId, judgeModel, baselineModel);
    case GraderKind::JsonValid:
    case GraderKind::JsonSchemaValid:
        return kindId;
    }
    return kindId;
}
