#include "core/common/JsonSchemaCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <optional>

namespace {
// Deeper than any schema a person writes; a $ref loop stops here instead of overflowing the stack.
constexpr int MaxDepth = 64;

const char* const kTypeNames[] = { "null", "boolean", "object", "array", "number", "integer", "string" };

bool isIntegral(double value)
{
    return std::isfinite(value) && std::floor(value) == value;
}

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool hasType(const QJsonValue& value, const QString& type)
{
    if (type == QLatin1String("integer")) {
        return value.isDouble() && isIntegral(value.toDouble());
    }
    return typeName(value) == type;
}

// JSON equality as JSON Schema means it: 1 and 1.0 are the same number, member order does not count.
bool equal(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble()) {
        return a.toDouble() == b.toDouble();
    }
    if (a.type() != b.type()) {
        return false;
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size()) {
            return false;
        }
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!equal(x.at(i), y.at(i))) {
                return false;
            }
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size()) {
            return false;
        }
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            if (!y.contains(it.key()) || !equal(it.value(), y.value(it.key()))) {
                return false;
            }
        }
        return true;
    }
    return a == b;
}

// A value as compact JSON: 5, "celsius", ["a","b"].
QString compact(const QJsonValue& value)
{
    const QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString member(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString item(const QString& path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

// "#", "#/$defs/address", "#/definitions/a~1b" within the document `root`.
std::optional<QJsonValue> resolve(const QJsonValue& root, const QString& ref)
{
    if (!ref.startsWith(QLatin1Char('#'))) {
        return std::nullopt;
    }
    const QString pointer = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
    if (pointer.isEmpty()) {
        return root;
    }
    if (!pointer.startsWith(QLatin1Char('/'))) {
        return std::nullopt; // an anchor ("#address"), not a pointer
    }
    QJsonValue at = root;
    for (QString token : pointer.mid(1).split(QLatin1Char('/'))) {
        token.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (at.isObject() && at.toObject().contains(token)) {
            at = at.toObject().value(token);
        } else if (at.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= at.toArray().size()) {
                return std::nullopt;
            }
            at = at.toArray().at(index);
        } else {
            return std::nullopt;
        }
    }
    return at;
}

class Validator
{
public:
    explicit Validator(const QJsonValue& root)
        : m_root(root)
    {
    }

    QList<JsonSchemaCheck::Problem> problems;

    void check(const QJsonValue& value, const QJsonValue& schema, const QString& path, int depth)
    {
        if (depth > MaxDepth) {
            add(path, JsonSchemaCheck::tr("the schema nests too deeply (a $ref loop?)"));
            return;
        }
        if (schema.isBool()) {
            if (!schema.toBool()) {
                add(path, JsonSchemaCheck::tr("no value is allowed here"));
            }
            return;
        }
        const QJsonObject s = schema.toObject();
        if (s.contains(QLatin1String("$ref"))) {
            const QString ref = s.value(QLatin1String("$ref")).toString();
            if (const std::optional<QJsonValue> target = resolve(m_root, ref)) {
                check(value, *target, path, depth + 1);
            } else {
                add(path, JsonSchemaCheck::tr("cannot resolve $ref %1").arg(ref));
            }
        }
        if (!checkType(value, s, path)) {
            return; // the keywords of the other types would only repeat the mismatch
        }
        const QJsonValue choices = s.value(QLatin1String("enum"));
        if (choices.isArray()) {
            const QJsonArray list = choices.toArray();
            if (std::none_of(list.begin(), list.end(),
                             [&](const QJsonValue& choice) { return equal(choice, value); })) {
                add(path, JsonSchemaCheck::tr("not one of %1").arg(compact(list)));
            }
        }
        if (s.contains(QLatin1String("const")) && !equal(s.value(QLatin1String("const")), value)) {
            add(path, JsonSchemaCheck::tr("must be %1").arg(compact(s.value(QLatin1String("const")))));
        }
        if (value.isObject()) {
            checkObject(value.toObject(), s, path, depth);
        } else if (value.isArray()) {
            checkArray(value.toArray(), s, path, depth);
        } else if (value.isString()) {
            checkString(value.toString(), s, path);
        } else if (value.isDouble()) {
            checkNumber(value.toDouble(), s, path);
        }
        checkCombinations(value, s, path, depth);
    }

private:
    void add(const QString& path, const QString& message) { problems.append({ path, message }); }

    bool fits(const QJsonValue& value, const QJsonValue& schema, int depth) const
    {
        Validator sub(m_root);
        sub.check(value, schema, QString(), depth + 1);
        return sub.problems.isEmpty();
    }

    bool checkType(const QJsonValue& value, const QJsonObject& s, const QString& path)
    {
        const QJsonValue type = s.value(QLatin1String("type"));
        QStringList names;
        if (type.isString()) {
            names.append(type.toString());
        }
        for (const QJsonValue& name : type.toArray()) {
            names.append(name.toString());
        }
        if (names.isEmpty()
            || std::any_of(names.cbegin(), names.cend(), [&](const QString& name) { return hasType(value, name); })) {
            return true;
        }
        add(path,
            JsonSchemaCheck::tr("expected %1, got %2").arg(names.join(JsonSchemaCheck::tr(" or ")), typeName(value)));
        return false;
    }

    void checkObject(const QJsonObject& object, const QJsonObject& s, const QString& path, int depth)
    {
        for (const QJsonValue& name : s.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString())) {
                add(member(path, name.toString()), JsonSchemaCheck::tr("required"));
            }
        }
        const QJsonObject properties = s.value(QLatin1String("properties")).toObject();
        const QJsonObject patterns = s.value(QLatin1String("patternProperties")).toObject();
        const bool closed = s.contains(QLatin1String("additionalProperties"));
        const QJsonValue additional = s.value(QLatin1String("additionalProperties"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString at = member(path, it.key());
            bool matched = false;
            if (properties.contains(it.key())) {
                matched = true;
                check(it.value(), properties.value(it.key()), at, depth + 1);
            }
            for (auto pattern = patterns.constBegin(); pattern != patterns.constEnd(); ++pattern) {
                if (QRegularExpression(pattern.key()).match(it.key()).hasMatch()) {
                    matched = true;
                    check(it.value(), pattern.value(), at, depth + 1);
                }
            }
            if (matched || !closed) {
                continue;
            }
            if (additional.isBool() && !additional.toBool()) {
                add(at, JsonSchemaCheck::tr("not allowed (additionalProperties is false)"));
            } else {
                check(it.value(), additional, at, depth + 1);
            }
        }
        const QJsonValue minimum = s.value(QLatin1String("minProperties"));
        if (minimum.isDouble() && object.size() < minimum.toDouble()) {
            add(path, JsonSchemaCheck::tr("fewer properties than minProperties (%1)").arg(compact(minimum)));
        }
        const QJsonValue maximum = s.value(QLatin1String("maxProperties"));
        if (maximum.isDouble() && object.size() > maximum.toDouble()) {
            add(path, JsonSchemaCheck::tr("more properties than maxProperties (%1)").arg(compact(maximum)));
        }
    }

    void checkArray(const QJsonArray& array, const QJsonObject& s, const QString& path, int depth)
    {
        qsizetype positional = 0;
        const QJsonArray prefix = s.value(QLatin1String("prefixItems")).toArray();
        const QJsonValue items = s.value(QLatin1String("items"));
        // Draft 4-7 tuples: "items" as a list, "additionalItems" for the rest.
        const QJsonArray tuple = items.isArray() ? items.toArray() : prefix;
        for (; positional < tuple.size() && positional < array.size(); ++positional) {
            check(array.at(positional), tuple.at(positional), item(path, positional), depth + 1);
        }
        positional = tuple.size();
        const QJsonValue rest = items.isArray() ? s.value(QLatin1String("additionalItems")) : items;
        if (rest.isObject() || rest.isBool()) {
            for (qsizetype i = positional; i < array.size(); ++i) {
                if (rest.isBool() && !rest.toBool()) {
                    add(item(path, i), JsonSchemaCheck::tr("no item is allowed past the %1 listed").arg(tuple.size()));
                    break;
                }
                check(array.at(i), rest, item(path, i), depth + 1);
            }
        }
        const QJsonValue minimum = s.value(QLatin1String("minItems"));
        if (minimum.isDouble() && array.size() < minimum.toDouble()) {
            add(path, JsonSchemaCheck::tr("fewer items than minItems (%1)").arg(compact(minimum)));
        }
        const QJsonValue maximum = s.value(QLatin1String("maxItems"));
        if (maximum.isDouble() && array.size() > maximum.toDouble()) {
            add(path, JsonSchemaCheck::tr("more items than maxItems (%1)").arg(compact(maximum)));
        }
        if (s.value(QLatin1String("uniqueItems")).toBool()) {
            checkUnique(array, path);
        }
        if (s.contains(QLatin1String("contains"))) {
            const QJsonValue wanted = s.value(QLatin1String("contains"));
            if (std::none_of(array.begin(), array.end(),
                             [&](const QJsonValue& value) { return fits(value, wanted, depth); })) {
                add(path, JsonSchemaCheck::tr("has no item that fits \"contains\""));
            }
        }
    }

    // One report is enough: the first item that repeats an earlier one.
    void checkUnique(const QJsonArray& array, const QString& path)
    {
        for (qsizetype j = 1; j < array.size(); ++j) {
            for (qsizetype i = 0; i < j; ++i) {
                if (equal(array.at(i), array.at(j))) {
                    add(item(path, j), JsonSchemaCheck::tr("repeats item %1 (uniqueItems)").arg(i));
                    return;
                }
            }
        }
    }

    void checkString(const QString& text, const QJsonObject& s, const QString& path)
    {
        const qsizetype length = text.toUcs4().size(); // characters, not UTF-16 units
        const QJsonValue minimum = s.value(QLatin1String("minLength"));
        if (minimum.isDouble() && length < minimum.toDouble()) {
            add(path, JsonSchemaCheck::tr("shorter than minLength (%1)").arg(compact(minimum)));
        }
        const QJsonValue maximum = s.value(QLatin1String("maxLength"));
        if (maximum.isDouble() && length > maximum.toDouble()) {
            add(path, JsonSchemaCheck::tr("longer than maxLength (%1)").arg(compact(maximum)));
        }
        const QJsonValue pattern = s.value(QLatin1String("pattern"));
        if (pattern.isString()) {
            // ECMA-262 semantics: the pattern may match anywhere unless it anchors itself.
            const QRegularExpression expression(pattern.toString());
            if (expression.isValid() && !expression.match(text).hasMatch()) {
                add(path, JsonSchemaCheck::tr("does not match the pattern %1").arg(pattern.toString()));
            }
        }
    }

    void checkNumber(double number, const QJsonObject& s, const QString& path)
    {
        const QJsonValue exclusiveMinimum = s.value(QLatin1String("exclusiveMinimum"));
        const QJsonValue exclusiveMaximum = s.value(QLatin1String("exclusiveMaximum"));
        const QJsonValue minimum = s.value(QLatin1String("minimum"));
        if (minimum.isDouble()) {
            // Draft 4: a boolean exclusiveMinimum makes the minimum itself exclusive.
            if (exclusiveMinimum.toBool(false) ? number <= minimum.toDouble() : number < minimum.toDouble()) {
                add(path,
                    exclusiveMinimum.toBool(false)
                        ? JsonSchemaCheck::tr("not greater than %1 (exclusiveMinimum)").arg(compact(minimum))
                        : JsonSchemaCheck::tr("less than the minimum %1").arg(compact(minimum)));
            }
        }
        const QJsonValue maximum = s.value(QLatin1String("maximum"));
        if (maximum.isDouble()) {
            if (exclusiveMaximum.toBool(false) ? number >= maximum.toDouble() : number > maximum.toDouble()) {
                add(path,
                    exclusiveMaximum.toBool(false)
                        ? JsonSchemaCheck::tr("not less than %1 (exclusiveMaximum)").arg(compact(maximum))
                        : JsonSchemaCheck::tr("greater than the maximum %1").arg(compact(maximum)));
            }
        }
        if (exclusiveMinimum.isDouble() && number <= exclusiveMinimum.toDouble()) {
            add(path, JsonSchemaCheck::tr("not greater than %1 (exclusiveMinimum)").arg(compact(exclusiveMinimum)));
        }
        if (exclusiveMaximum.isDouble() && number >= exclusiveMaximum.toDouble()) {
            add(path, JsonSchemaCheck::tr("not less than %1 (exclusiveMaximum)").arg(compact(exclusiveMaximum)));
        }
        const QJsonValue multipleOf = s.value(QLatin1String("multipleOf"));
        if (multipleOf.isDouble() && multipleOf.toDouble() > 0) {
            const double quotient = number / multipleOf.toDouble();
            if (std::fabs(quotient - std::round(quotient)) > 1e-9 * std::max(1.0, std::fabs(quotient))) {
                add(path, JsonSchemaCheck::tr("not a multiple of %1").arg(compact(multipleOf)));
            }
        }
    }

    void checkCombinations(const QJsonValue& value, const QJsonObject& s, const QString& path, int depth)
    {
        for (const QJsonValue& sub : s.value(QLatin1String("allOf")).toArray()) {
            check(value, sub, path, depth + 1);
        }
        const QJsonArray anyOf = s.value(QLatin1String("anyOf")).toArray();
        if (!anyOf.isEmpty() && std::none_of(anyOf.begin(), anyOf.end(), [&](const QJsonValue& sub) {
                return fits(value, sub, depth);
            })) {
            add(path, JsonSchemaCheck::tr("fits none of the %1 schemas in anyOf").arg(anyOf.size()));
        }
        const QJsonArray oneOf = s.value(QLatin1String("oneOf")).toArray();
        if (!oneOf.isEmpty()) {
            const auto fitting = std::count_if(oneOf.begin(), oneOf.end(),
                                               [&](const QJsonValue& sub) { return fits(value, sub, depth); });
            if (fitting == 0) {
                add(path, JsonSchemaCheck::tr("fits none of the %1 schemas in oneOf").arg(oneOf.size()));
            } else if (fitting > 1) {
                add(path, JsonSchemaCheck::tr("fits %1 of the schemas in oneOf, not exactly one").arg(fitting));
            }
        }
        if (s.contains(QLatin1String("not")) && fits(value, s.value(QLatin1String("not")), depth)) {
            add(path, JsonSchemaCheck::tr("matches the schema in \"not\""));
        }
        if (s.contains(QLatin1String("if"))) {
            const char* branch = fits(value, s.value(QLatin1String("if")), depth) ? "then" : "else";
            if (s.contains(QLatin1String(branch))) {
                check(value, s.value(QLatin1String(branch)), path, depth + 1);
            }
        }
    }

    QJsonValue m_root;
};

class SchemaChecker
{
public:
    explicit SchemaChecker(const QJsonValue& root)
        : m_root(root)
    {
    }

    QList<JsonSchemaCheck::Problem> problems;

    void check(const QJsonValue& schema, const QString& path, int depth)
    {
        if (depth > MaxDepth) {
            add(path, JsonSchemaCheck::tr("the schema nests too deeply"));
            return;
        }
        if (schema.isBool()) {
            return;
        }
        if (!schema.isObject()) {
            add(path, JsonSchemaCheck::tr("not a schema (expected an object, or true or false)"));
            return;
        }
        const QJsonObject s = schema.toObject();
        for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
            keyword(it.key(), it.value(), member(path, it.key()), depth);
        }
    }

private:
    void add(const QString& path, const QString& message) { problems.append({ path, message }); }

    void schemaMap(const QJsonValue& value, const QString& path, int depth, bool keysArePatterns)
    {
        if (!value.isObject()) {
            add(path, JsonSchemaCheck::tr("must be an object of schemas"));
            return;
        }
        const QJsonObject map = value.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (keysArePatterns) {
                const QRegularExpression expression(it.key());
                if (!expression.isValid()) {
                    add(member(path, it.key()),
                        JsonSchemaCheck::tr("not a valid regular expression: %1").arg(expression.errorString()));
                }
            }
            check(it.value(), member(path, it.key()), depth + 1);
        }
    }

    void schemaList(const QJsonValue& value, const QString& path, int depth)
    {
        if (!value.isArray() || value.toArray().isEmpty()) {
            add(path, JsonSchemaCheck::tr("must be a non-empty list of schemas"));
            return;
        }
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            check(list.at(i), item(path, i), depth + 1);
        }
    }

    void typeNames(const QJsonValue& value, const QString& path)
    {
        QStringList known;
        for (const char* name : kTypeNames) {
            known.append(QString::fromLatin1(name));
        }
        const auto checkName = [&](const QJsonValue& name, const QString& at) {
            if (!name.isString() || !known.contains(name.toString())) {
                add(at,
                    JsonSchemaCheck::tr("unknown type %1 (known: %2)")
                        .arg(compact(name), known.join(QStringLiteral(", "))));
            }
        };
        if (value.isArray() && !value.toArray().isEmpty()) {
            const QJsonArray names = value.toArray();
            for (qsizetype i = 0; i < names.size(); ++i) {
                checkName(names.at(i), item(path, i));
            }
        } else if (value.isString()) {
            checkName(value, path);
        } else {
            add(path, JsonSchemaCheck::tr("must be a type name or a list of type names"));
        }
    }

    void keyword(const QString& key, const QJsonValue& value, const QString& path, int depth)
    {
        static const QStringList schemaMaps = { QStringLiteral("properties"), QStringLiteral("$defs"),
                                                QStringLiteral("definitions"), QStringLiteral("dependentSchemas") };
        static const QStringList singleSchemas = { QStringLiteral("additionalProperties"),
                                                   QStringLiteral("additionalItems"),
                                                   QStringLiteral("not"),
                                                   QStringLiteral("if"),
                                                   QStringLiteral("then"),
                                                   QStringLiteral("else"),
                                                   QStringLiteral("contains"),
                                                   QStringLiteral("propertyNames") };
        static const QStringList schemaLists = { QStringLiteral("anyOf"), QStringLiteral("oneOf"),
                                                 QStringLiteral("allOf"), QStringLiteral("prefixItems") };
        static const QStringList counts
            = { QStringLiteral("minLength"), QStringLiteral("maxLength"),     QStringLiteral("minItems"),
                QStringLiteral("maxItems"),  QStringLiteral("minProperties"), QStringLiteral("maxProperties") };
        if (key == QLatin1String("type")) {
            typeNames(value, path);
        } else if (schemaMaps.contains(key)) {
            schemaMap(value, path, depth, false);
        } else if (key == QLatin1String("patternProperties")) {
            schemaMap(value, path, depth, true);
        } else if (singleSchemas.contains(key)) {
            check(value, path, depth + 1);
        } else if (schemaLists.contains(key)) {
            schemaList(value, path, depth);
        } else if (key == QLatin1String("items")) {
            if (value.isArray()) {
                schemaList(value, path, depth);
            } else {
                check(value, path, depth + 1);
            }
        } else if (key == QLatin1String("required")) {
            const QJsonArray names = value.toArray();
            if (!value.isArray()
                || std::any_of(names.begin(), names.end(), [](const QJsonValue& name) { return !name.isString(); })) {
                add(path, JsonSchemaCheck::tr("must be a list of property names"));
            }
        } else if (key == QLatin1String("enum")) {
            if (!value.isArray()) {
                add(path, JsonSchemaCheck::tr("must be a list of values"));
            }
        } else if (counts.contains(key)) {
            if (!value.isDouble() || value.toDouble() < 0 || !isIntegral(value.toDouble())) {
                add(path, JsonSchemaCheck::tr("must be a whole number of 0 or more"));
            }
        } else if (key == QLatin1String("minimum") || key == QLatin1String("maximum")) {
            if (!value.isDouble()) {
                add(path, JsonSchemaCheck::tr("must be a number"));
            }
        } else if (key == QLatin1String("exclusiveMinimum") || key == QLatin1String("exclusiveMaximum")) {
            if (!value.isDouble() && !value.isBool()) {
                add(path, JsonSchemaCheck::tr("must be a number"));
            }
        } else if (key == QLatin1String("multipleOf")) {
            if (!value.isDouble() || value.toDouble() <= 0) {
                add(path, JsonSchemaCheck::tr("must be a number greater than 0"));
            }
        } else if (key == QLatin1String("uniqueItems")) {
            if (!value.isBool()) {
                add(path, JsonSchemaCheck::tr("must be true or false"));
            }
        } else if (key == QLatin1String("pattern")) {
            const QRegularExpression expression(value.toString());
            if (!value.isString()) {
                add(path, JsonSchemaCheck::tr("must be a regular expression (a string)"));
            } else if (!expression.isValid()) {
                add(path, JsonSchemaCheck::tr("not a valid regular expression: %1").arg(expression.errorString()));
            }
        } else if (key == QLatin1String("$ref")) {
            ref(value, path);
        }
    }

    void ref(const QJsonValue& value, const QString& path)
    {
        const QString target = value.toString();
        if (!value.isString()) {
            add(path, JsonSchemaCheck::tr("must be a reference such as \"#/$defs/name\""));
        } else if (!target.startsWith(QLatin1Char('#'))) {
            add(path,
                JsonSchemaCheck::tr("%1 is outside this schema: only references within it (#/$defs/...) work")
                    .arg(target));
        } else if (const std::optional<QJsonValue> resolved = resolve(m_root, target);
                   !resolved || (!resolved->isObject() && !resolved->isBool())) {
            add(path, JsonSchemaCheck::tr("%1 does not name a schema in this document").arg(target));
        }
    }

    QJsonValue m_root;
};
} // namespace

QList<JsonSchemaCheck::Problem> JsonSchemaCheck::validate(const QJsonValue& value, const QJsonValue& schema,
                                                          const QString& path)
{
    Validator validator(schema);
    validator.check(value, schema, path, 0);
    return validator.problems;
}

QList<JsonSchemaCheck::Problem> JsonSchemaCheck::checkSchema(const QJsonValue& schema, const QString& path)
{
    SchemaChecker checker(schema);
    checker.check(schema, path, 0);
    return checker.problems;
}
