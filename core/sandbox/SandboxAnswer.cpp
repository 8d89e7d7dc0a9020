#include "core/sandbox/SandboxAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {
bool isToolResult(const QJsonObject& message, bool anthropic)
{
    if (!anthropic) {
        return message.value(QLatin1String("role")).toString() == QLatin1String("tool");
    }
    for (const QJsonValue& block : message.value(QLatin1String("content")).toArray()) {
        if (block.toObject().value(QLatin1String("type")).toString() == QLatin1String("tool_result")) {
            return true;
        }
    }
    return false;
}

// Pieces of about eight characters, as the APIs stream tool arguments.
QStringList cut(const QString& text)
{
    QStringList pieces;
    for (qsizetype at = 0; at < text.size(); at += 8) {
        pieces.append(text.mid(at, 8));
    }
    return pieces;
}
} // namespace

SandboxAnswer::Ask SandboxAnswer::read(const QJsonObject& root, bool anthropic)
{
    Ask ask;
    const QJsonArray messages = root.value(QLatin1String("messages")).toArray();
    for (const QJsonValue& value : messages) {
        const QJsonObject message = value.toObject();
        if (message.value(QLatin1String("role")).toString() != QLatin1String("user")) {
            continue;
        }
        for (const QJsonValue& part : message.value(QLatin1String("content")).toArray()) {
            const QString type = part.toObject().value(QLatin1String("type")).toString();
            ask.images += type == QLatin1String(anthropic ? "image" : "image_url") ? 1 : 0;
        }
    }
    const QJsonValue choice = root.value(QLatin1String("tool_choice"));
    const QString choiceType
        = choice.isString() ? choice.toString() : choice.toObject().value(QLatin1String("type")).toString();
    const QString chosen = anthropic
        ? choice.toObject().value(QLatin1String("name")).toString()
        : choice.toObject().value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString();
    const bool answered = !messages.isEmpty() && isToolResult(messages.last().toObject(), anthropic);
    bool searchOffered = false;
    if (choiceType != QLatin1String("none") && !answered) {
        for (const QJsonValue& value : root.value(QLatin1String("tools")).toArray()) {
            const QJsonObject tool = value.toObject();
            searchOffered = searchOffered
                || (anthropic && tool.value(QLatin1String("type")).toString().startsWith(QLatin1String("web_search_")));
            const QJsonObject function = anthropic ? tool : tool.value(QLatin1String("function")).toObject();
            const QString name = function.value(QLatin1String("name")).toString();
            if (name.isEmpty() || (!chosen.isEmpty() && name != chosen)
                || (anthropic && tool.contains(QLatin1String("type"))
                    && tool.value(QLatin1String("type")) != QLatin1String("custom"))) {
                continue;
            }
            ask.toolName = name;
            ask.toolForced
                = !chosen.isEmpty() || choiceType == QLatin1String("required") || choiceType == QLatin1String("any");
            ask.toolSchema = function.value(QLatin1String(anthropic ? "input_schema" : "parameters")).toObject();
            break;
        }
    }
    // OpenAI's search models search before every answer asked with web_search_options.
    searchOffered = searchOffered || (!anthropic && root.value(QLatin1String("web_search_options")).isObject());
    // The server runs the search itself and answers in the same turn (max_uses is at least 1).
    ask.webSearches = searchOffered && ask.toolName.isEmpty() ? 1 : 0;
    const QJsonObject format = root.value(QLatin1String("response_format")).toObject();
    const QString formatType = format.value(QLatin1String("type")).toString();
    if (formatType == QLatin1String("json_object")) {
        ask.format = Format::JsonObject;
    } else if (formatType == QLatin1String("json_schema")) {
        ask.format = Format::JsonSchema;
        ask.schema = format.value(QLatin1String("json_schema")).toObject().value(QLatin1String("schema")).toObject();
    }
    return ask;
}

void SandboxAnswer::shape(const Ask& ask, const QString& toolCallId, SandboxText::Reply& reply)
{
    reply.webSearches = ask.webSearches;
    if (ask.webSearches > 0) {
        reply.serverToolId = QStringLiteral("srv") + toolCallId; // "srvtoolu_msg_sandbox00000001"
    }
    if (!ask.toolName.isEmpty()) {
        reply.toolName = ask.toolName;
        reply.toolCallId = toolCallId;
        const QJsonValue arguments = exampleFor(ask.toolSchema);
        reply.pieces = cut(QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact)));
        reply.truncated = false;
        return;
    }
    if (ask.format == Format::JsonObject) {
        const QJsonObject answer { { QStringLiteral("answer"), reply.text().trimmed() } };
        reply.pieces = cut(QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
        reply.truncated = false;
    } else if (ask.format == Format::JsonSchema) {
        const QJsonValue value = exampleFor(ask.schema);
        const QByteArray json = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        reply.pieces = cut(QString::fromUtf8(json));
        reply.truncated = false;
    }
    if (ask.images > 0 && ask.format == Format::Text) {
        reply.pieces.prepend(ask.images == 1 ? QStringLiteral("I got 1 image. ")
                                             : QStringLiteral("I got %1 images. ").arg(ask.images));
    }
}

namespace {
// "#/$defs/name" or "#/definitions/name" in the tool's own schema; an empty schema otherwise.
QJsonObject referenced(const QJsonObject& root, const QString& ref)
{
    QJsonValue at = root;
    if (!ref.startsWith(QLatin1String("#/"))) {
        return {};
    }
    for (QString token : ref.mid(2).split(QLatin1Char('/'))) {
        token.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        at = at.toObject().value(token);
    }
    return at.toObject();
}

QJsonValue example(const QJsonObject& root, const QJsonObject& schema, int depth)
{
    if (schema.contains(QLatin1String("$ref")) && depth < 16) {
        return example(root, referenced(root, schema.value(QLatin1String("$ref")).toString()), depth + 1);
    }
    const QJsonArray choices = schema.value(QLatin1String("enum")).toArray();
    if (!choices.isEmpty()) {
        return choices.first();
    }
    if (schema.contains(QLatin1String("const"))) {
        return schema.value(QLatin1String("const"));
    }
    const QJsonValue typeValue = schema.value(QLatin1String("type"));
    // ["string", "null"]: the first type that is not null.
    QString type = typeValue.toString();
    for (const QJsonValue& candidate : typeValue.toArray()) {
        if (candidate.toString() != QLatin1String("null")) {
            type = candidate.toString();
            break;
        }
    }
    for (const char* alternatives : { "anyOf", "oneOf" }) {
        const QJsonArray options = schema.value(QLatin1String(alternatives)).toArray();
        if (type.isEmpty() && !options.isEmpty() && depth < 16) {
            return example(root, options.first().toObject(), depth + 1);
        }
    }
    if (type.isEmpty() && schema.contains(QLatin1String("properties"))) {
        type = QStringLiteral("object");
    }
    if (type == QLatin1String("object")) {
        QJsonObject out;
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.constBegin(); it != properties.constEnd() && depth < 16; ++it) {
            out.insert(it.key(), example(root, it.value().toObject(), depth + 1));
        }
        return out;
    }
    if (type == QLatin1String("array")) {
        if (depth >= 16) {
            return QJsonArray();
        }
        // As many items as minItems asks for (at least one), each fitting the items schema.
        QJsonArray out;
        const int count = qBound(1, schema.value(QLatin1String("minItems")).toInt(1), 16);
        for (int i = 0; i < count; ++i) {
            out.append(example(root, schema.value(QLatin1String("items")).toObject(), depth + 1));
        }
        return out;
    }
    if (type == QLatin1String("integer") || type == QLatin1String("number")) {
        const QJsonValue minimum = schema.value(QLatin1String("minimum"));
        const QJsonValue exclusiveMinimum = schema.value(QLatin1String("exclusiveMinimum"));
        const QJsonValue maximum = schema.value(QLatin1String("maximum"));
        if (minimum.isDouble()) {
            return minimum.toDouble();
        }
        if (exclusiveMinimum.isDouble()) {
            return std::floor(exclusiveMinimum.toDouble()) + 1;
        }
        return maximum.isDouble() && maximum.toDouble() < 1 ? maximum.toDouble() : 1.0;
    }
    if (type == QLatin1String("boolean")) {
        return true;
    }
    if (type == QLatin1String("null")) {
        return QJsonValue::Null;
    }
    // "example", padded to minLength and cut to maxLength.
    QString text = QStringLiteral("example");
    const int minLength = schema.value(QLatin1String("minLength")).toInt(0);
    if (text.size() < minLength) {
        text += QString(minLength - text.size(), QLatin1Char('x'));
    }
    const QJsonValue maxLength = schema.value(QLatin1String("maxLength"));
    if (maxLength.isDouble()) {
        text.truncate(qMax(0, maxLength.toInt()));
    }
    return text;
}
} // namespace

QJsonValue SandboxAnswer::exampleFor(const QJsonObject& schema, int depth)
{
    return example(schema, schema, depth);
}
