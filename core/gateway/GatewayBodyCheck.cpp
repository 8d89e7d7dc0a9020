#include "core/gateway/GatewayBodyCheck.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GatewayBodyCheck", text);
}

QString member(const QString& base, const char* name)
{
    return base + QLatin1Char('.') + QLatin1String(name);
}

bool present(const QJsonValue& value)
{
    return !value.isUndefined() && !value.isNull();
}

// The largest image either API takes, decoded: OpenAI's 20 MB per image, Anthropic's 5 MB. A larger
// one is refused here rather than uploaded only to be refused upstream (and billed as a request).
constexpr qint64 kMaxOpenAiImageBytes = 20 * 1000 * 1000;
constexpr qint64 kMaxAnthropicImageBytes = 5 * 1000 * 1000;

// A long URL's first characters: enough for "data:image/...;base64," and an http(s) scheme.
constexpr qsizetype kUrlHead = 512;

// The decoded size of base64 text of this length.
qint64 decodedBytes(qsizetype base64Length)
{
    return qint64(base64Length) / 4 * 3;
}

// OpenAI's rule for function names; Anthropic's tool names follow the same pattern.
bool validToolName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9_-]{1,64}$"));
    return pattern.match(name).hasMatch();
}
} // namespace

GatewayBodyCheck::GatewayBodyCheck(Api api, const LeanJsonDocument& source)
    : m_api(api)
    , m_source(source)
{
}

QString GatewayBodyCheck::string(const QJsonValue& value) const
{
    return m_source.string(value);
}

QString GatewayBodyCheck::at(const QString& base, qsizetype index) const
{
    return m_api == Api::OpenAi ? QStringLiteral("%1[%2]").arg(base).arg(index)
                                : QStringLiteral("%1.%2").arg(base).arg(index);
}

bool GatewayBodyCheck::fail(const QString& param, const QString& message)
{
    m_error = GatewayError::badRequest(message, param);
    return false;
}

bool GatewayBodyCheck::tools(const QJsonObject& body)
{
    const QJsonValue value = body.value(QLatin1String("tools"));
    if (!present(value)) {
        return true;
    }
    if (!value.isArray()) {
        return fail(QStringLiteral("tools"), tr("tools must be an array."));
    }
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString param = at(QStringLiteral("tools"), i);
        const QJsonObject tool = list.at(i).toObject();
        if (!list.at(i).isObject()) {
            return fail(param, tr("%1 must be an object.").arg(param));
        }
        const QString type = string(tool.value(QLatin1String("type")));
        if (m_api == Api::OpenAi) {
            if (type.isEmpty()) {
                return fail(member(param, "type"), tr("%1.type is required (\"function\").").arg(param));
            }
            if (type != QLatin1String("function")) {
                continue; // custom or later tool kinds: the provider judges them
            }
            const QJsonObject function = tool.value(QLatin1String("function")).toObject();
            const QString functionParam = member(param, "function");
            if (!validToolName(string(function.value(QLatin1String("name"))))) {
                return fail(member(functionParam, "name"),
                            tr("%1.name must be 1-64 letters, digits, underscores or dashes.").arg(functionParam));
            }
            const QJsonValue schema = function.value(QLatin1String("parameters"));
            if (present(schema) && !schema.isObject()) {
                return fail(member(functionParam, "parameters"),
                            tr("%1.parameters must be a JSON Schema object.").arg(functionParam));
            }
            continue;
        }
        if (!type.isEmpty() && type != QLatin1String("custom")) {
            continue; // server tools (web search, code execution...): Anthropic judges them
        }
        if (!validToolName(string(tool.value(QLatin1String("name"))))) {
            return fail(member(param, "name"),
                        tr("%1.name must be 1-64 letters, digits, underscores or dashes.").arg(param));
        }
        if (!tool.value(QLatin1String("input_schema")).isObject()) {
            return fail(member(param, "input_schema"), tr("%1.input_schema must be a JSON Schema object.").arg(param));
        }
    }
    return true;
}

bool GatewayBodyCheck::responseFormat(const QJsonObject& body)
{
    const QJsonValue value = body.value(QLatin1String("response_format"));
    if (!present(value)) {
        return true;
    }
    const QJsonObject format = value.toObject();
    const QString type = string(format.value(QLatin1String("type")));
    if (!value.isObject() || type.isEmpty()) {
        return fail(QStringLiteral("response_format"),
                    tr("response_format must be an object with a type (text, json_object or json_schema)."));
    }
    if (type != QLatin1String("json_schema")) {
        return true;
    }
    const QJsonObject schema = format.value(QLatin1String("json_schema")).toObject();
    if (string(schema.value(QLatin1String("name"))).isEmpty()) {
        return fail(QStringLiteral("response_format.json_schema.name"),
                    tr("response_format.json_schema.name is required."));
    }
    const QJsonValue inner = schema.value(QLatin1String("schema"));
    if (present(inner) && !inner.isObject()) {
        return fail(QStringLiteral("response_format.json_schema.schema"),
                    tr("response_format.json_schema.schema must be a JSON Schema object."));
    }
    return true;
}

std::optional<QString> GatewayBodyCheck::systemText(const QJsonValue& system)
{
    return content(system, QStringLiteral("system"), QStringLiteral("system"));
}

bool GatewayBodyCheck::imageUrl(const QJsonValue& value, const QString& param)
{
    // A long data URL is judged in the client's text, by its head and its length.
    const QByteArrayView raw = m_source.raw(value);
    const QString url
        = raw.isEmpty() ? value.toString() : LeanJsonDocument::decode(raw.first(std::min(raw.size(), kUrlHead)));
    const qsizetype size = raw.isEmpty() ? url.size() : raw.size();
    const bool web = url.startsWith(QLatin1String("https://")) || url.startsWith(QLatin1String("http://"));
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    const bool data = url.startsWith(QLatin1String("data:image/")) && comma > 0
        && QStringView(url).first(comma).endsWith(QLatin1String(";base64"));
    if (!web && !data) {
        return fail(param, tr("%1 must be an http(s) URL or a data:image/...;base64, URL.").arg(param));
    }
    if (data) {
        return imageSize(decodedBytes(size - comma - 1), param);
    }
    return true;
}

bool GatewayBodyCheck::imageSize(qint64 bytes, const QString& param)
{
    const qint64 limit = m_api == Api::OpenAi ? kMaxOpenAiImageBytes : kMaxAnthropicImageBytes;
    if (bytes <= limit) {
        return true;
    }
    return fail(param,
                tr("%1 holds an image of %2 MB; at most %3 MB are taken per image.")
                    .arg(param)
                    .arg(double(bytes) / 1e6, 0, 'f', 1)
                    .arg(limit / 1000000));
}

bool GatewayBodyCheck::part(const QJsonObject& part, const QString& param, const QString& role, QString& text)
{
    const QString type = string(part.value(QLatin1String("type")));
    if (type.isEmpty()) {
        return fail(member(param, "type"), tr("%1 needs a type.").arg(param));
    }
    if (type == QLatin1String("text")) {
        if (!part.value(QLatin1String("text")).isString()) {
            return fail(member(param, "text"), tr("%1.text must be a string.").arg(param));
        }
        text += string(part.value(QLatin1String("text")));
        return true;
    }
    if (m_api == Api::OpenAi) {
        if (type == QLatin1String("image_url")) {
            const QJsonValue image = part.value(QLatin1String("image_url"));
            return imageUrl(image.isString() ? image : image.toObject().value(QLatin1String("url")),
                            member(member(param, "image_url"), "url"));
        }
        return true;
    }
    if (type == QLatin1String("image")) {
        const QJsonObject source = part.value(QLatin1String("source")).toObject();
        const QString sourceType = string(source.value(QLatin1String("type")));
        const QString sourceParam = member(param, "source");
        if (sourceType == QLatin1String("url")) {
            return imageUrl(source.value(QLatin1String("url")), member(sourceParam, "url"));
        }
        if (sourceType == QLatin1String("base64")) {
            if (!string(source.value(QLatin1String("media_type"))).startsWith(QLatin1String("image/"))
                || m_source.stringSize(source.value(QLatin1String("data"))) == 0) {
                return fail(sourceParam, tr("%1 needs media_type image/... and base64 data.").arg(sourceParam));
            }
            return imageSize(decodedBytes(m_source.stringSize(source.value(QLatin1String("data")))),
                             member(sourceParam, "data"));
        }
        if (sourceType != QLatin1String("file")) {
            return fail(member(sourceParam, "type"), tr("%1.type must be base64, url or file.").arg(sourceParam));
        }
        return true;
    }
    if (type == QLatin1String("tool_use")) {
        if (role != QLatin1String("assistant")) {
            return fail(param, tr("%1: tool_use blocks belong to assistant messages.").arg(param));
        }
        const QString id = string(part.value(QLatin1String("id")));
        if (id.isEmpty() || string(part.value(QLatin1String("name"))).isEmpty()
            || !part.value(QLatin1String("input")).isObject()) {
            return fail(param, tr("%1 needs an id, a name and an input object.").arg(param));
        }
        m_callIds.insert(id);
        return true;
    }
    if (type == QLatin1String("tool_result")) {
        const QString id = string(part.value(QLatin1String("tool_use_id")));
        if (!m_callIds.contains(id)) {
            return fail(
                member(param, "tool_use_id"),
                tr("%1.tool_use_id \"%2\" answers no tool_use of an earlier assistant message.").arg(param, id));
        }
        const QJsonValue result = part.value(QLatin1String("content"));
        if (result.isString()) {
            text += string(result);
        }
        return true;
    }
    return true;
}

std::optional<QString> GatewayBodyCheck::content(const QJsonValue& value, const QString& param, const QString& role)
{
    if (value.isString()) {
        return string(value);
    }
    if (value.isNull() && role == QLatin1String("assistant")) {
        return QString(); // an assistant turn made only of tool calls
    }
    if (!value.isArray()) {
        fail(param, tr("%1 must be a string or an array of content parts.").arg(param));
        return std::nullopt;
    }
    QString text;
    const QJsonArray parts = value.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString partParam = at(param, i);
        if (!parts.at(i).isObject()) {
            fail(partParam, tr("%1 must be an object.").arg(partParam));
            return std::nullopt;
        }
        if (!part(parts.at(i).toObject(), partParam, role, text)) {
            return std::nullopt;
        }
    }
    return text;
}

bool GatewayBodyCheck::toolCalls(const QJsonObject& message, const QString& param)
{
    const QJsonValue value = message.value(QLatin1String("tool_calls"));
    if (!present(value)) {
        return true;
    }
    const QString callsParam = member(param, "tool_calls");
    if (!value.isArray()) {
        return fail(callsParam, tr("%1 must be an array.").arg(callsParam));
    }
    const QJsonArray calls = value.toArray();
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QString callParam = at(callsParam, i);
        const QJsonObject call = calls.at(i).toObject();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        const QString id = string(call.value(QLatin1String("id")));
        if (id.isEmpty() || string(function.value(QLatin1String("name"))).isEmpty()
            || !function.value(QLatin1String("arguments")).isString()) {
            return fail(callParam,
                        tr("%1 needs an id and a function with a name and arguments (a JSON string).").arg(callParam));
        }
        m_callIds.insert(id);
    }
    return true;
}

std::optional<ChatMessage> GatewayBodyCheck::message(const QJsonValue& value, qsizetype index)
{
    const QString param = at(QStringLiteral("messages"), index);
    if (!value.isObject()) {
        fail(param, tr("%1 must be an object.").arg(param));
        return std::nullopt;
    }
    const QJsonObject message = value.toObject();
    QString role = string(message.value(QLatin1String("role")));
    const QString roleParam = member(param, "role");
    if (m_api == Api::Anthropic) {
        if (role != QLatin1String("user") && role != QLatin1String("assistant")) {
            fail(roleParam, tr("%1 must be \"user\" or \"assistant\".").arg(roleParam));
            return std::nullopt;
        }
    } else {
        if (role == QLatin1String("developer")) {
            role = QStringLiteral("system");
        }
        if (role != QLatin1String("system") && role != QLatin1String("user") && role != QLatin1String("assistant")
            && role != QLatin1String("tool")) {
            fail(roleParam,
                 tr("%1 must be \"system\", \"developer\", \"user\", \"assistant\" or \"tool\".").arg(roleParam));
            return std::nullopt;
        }
        if (role == QLatin1String("assistant") && !toolCalls(message, param)) {
            return std::nullopt;
        }
        if (role == QLatin1String("tool")) {
            const QString id = string(message.value(QLatin1String("tool_call_id")));
            if (!m_callIds.contains(id)) {
                fail(member(param, "tool_call_id"),
                     tr("%1.tool_call_id \"%2\" answers no tool call of an earlier assistant message.").arg(param, id));
                return std::nullopt;
            }
        }
    }
    const auto text = content(message.value(QLatin1String("content")), member(param, "content"), role);
    if (!text) {
        return std::nullopt;
    }
    return ChatMessage { role, *text };
}
