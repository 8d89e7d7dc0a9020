#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// JSON Schema for what tools and structured answers use of it: type (a name or a list of names),
// properties, required, additionalProperties, patternProperties, min/maxProperties, enum, const,
// items (a schema or a list), prefixItems, min/maxItems, uniqueItems, min/maxLength, pattern,
// minimum/maximum, exclusiveMinimum/Maximum (numbers, or draft 4's booleans), multipleOf,
// anyOf/oneOf/allOf/not, if/then/else and $ref to the schema's own #/$defs or #/definitions.
// `format` is an annotation and not checked. Pure functions: a value and a schema in, the places
// that break it out.
class JsonSchemaCheck final
{
    Q_DECLARE_TR_FUNCTIONS(JsonSchemaCheck)

public:
    struct Problem
    {
        QString path; // "arguments.city", "arguments.stops[2].name"
        QString message; // "required", "expected string, got number"

        QString text() const { return path + QStringLiteral(": ") + message; } // "arguments.city: required"
        bool operator==(const Problem&) const = default;
    };

    // Where `value` breaks `schema` (an object or a boolean schema), in document order; empty
    // when it fits. `path` names the value ("arguments").
    static QList<Problem> validate(const QJsonValue& value, const QJsonValue& schema,
                                   const QString& path = QStringLiteral("arguments"));
    // Where `schema` is not a well-formed schema: a keyword with a value of the wrong kind, an
    // unknown type name, a pattern that is not a regular expression, a $ref that does not resolve.
    static QList<Problem> checkSchema(const QJsonValue& schema, const QString& path = QStringLiteral("parameters"));
};
