#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One function a model may call: what OpenAI's chat completions take as
// {"type":"function","function":{name, description, parameters, strict}}.
struct ToolDefinition
{
    QString name;
    QString description;
    QJsonObject parameters; // a JSON Schema; empty = no parameters
    std::optional<bool> strict; // unset: not sent

    bool operator==(const ToolDefinition&) const = default;
};

// The tools a comparison offers every column, defined once. JSON only at its edges: OpenAI's
// `tools` array in and out (a file, pasted text, the saved workbench, a request body).
class ToolSet final
{
    Q_DECLARE_TR_FUNCTIONS(ToolSet)

public:
    QList<ToolDefinition> tools;

    bool isEmpty() const { return tools.isEmpty(); }
    qsizetype size() const { return tools.size(); }
    const ToolDefinition* find(const QString& name) const;

    // OpenAI's `tools` array.
    QJsonArray toJson() const;
    // What the set cannot be sent with, each naming its place: "tools[1].function.name: missing",
    // a duplicate name, a name the APIs refuse, parameters that are not a valid JSON Schema.
    QStringList problems() const;

    // An OpenAI-style `tools` JSON (a list of {"type":"function","function":{...}}, or an object
    // with a "tools" member), checked: nullopt with *error naming the place ("line 3, column 14
    // ...", "tools[0].function.name: missing") when it is not a tool set that can be sent.
    static std::optional<ToolSet> parse(const QByteArray& json, QString* error);
    // Whatever tools a `tools` array holds, unchecked (saved settings, a request body).
    static ToolSet fromJson(const QJsonArray& array);
    // The tools a request body offered (its "tools" member); empty when it has none.
    static ToolSet ofRequestBody(const QByteArray& body);

    bool operator==(const ToolSet&) const = default;
};
