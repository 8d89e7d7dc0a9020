#include "core/providers/RequestTranslator.h"

#include "core/providers/AnthropicWire.h"
#include "core/providers/ConverseTranslator.h"
#include "core/providers/GeminiTranslator.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
QString at(const QString& base, qsizetype index)
{
    return WireJson::indexed(base, index);
}

using WireJson::absent;
using WireJson::member;

// Walks one body; the first field that cannot be carried ends the walk with a refusal.
class Walk
{
public:
    explicit Walk(const char* target)
        : m_target(QLatin1String(target))
    {
    }

    bool refuse(const QString& param, const QString& why)
    {
        if (!m_refusal) {
            CallError error;
            error.failureClass = FailureClass::Unsupported;
            error.httpStatus = 400;
            error.providerCode = QStringLiteral("unsupported_parameter");
            error.param = param;
            error.message = QCoreApplication::translate("RequestTranslator", "%1: %2 (the model speaks the %3).")
                                .arg(param, why, m_target);
            m_refusal = error;
        }
        return false;
    }
    bool noEquivalent(const QString& param)
    {
        return refuse(param, QCoreApplication::translate("RequestTranslator", "no equivalent in that API"));
    }

    RequestTranslator::Result result(const QJsonObject& body) const
    {
        if (m_refusal) {
            return { {}, m_refusal };
        }
        return { QJsonDocument(body).toJson(QJsonDocument::Compact), std::nullopt };
    }

private:
    QString m_target;
    std::optional<CallError> m_refusal;
};

using WireJson::splitDataUrl;

// ---- OpenAI -> Anthropic ----

class ToAnthropic
{
public:
    Walk walk { "Anthropic Messages API" };

    // A user content part as an Anthropic block.
    bool part(const QJsonValue& value, const QString& param, QJsonArray& blocks)
    {
        const QJsonObject part = value.toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            blocks.append(QJsonObject { { QStringLiteral("type"), type },
                                        { QStringLiteral("text"), part.value(QLatin1String("text")) } });
            return true;
        }
        if (type == QLatin1String("image_url")) {
            const QJsonObject image = part.value(QLatin1String("image_url")).toObject();
            const QString detail = image.value(QLatin1String("detail")).toString();
            // Anthropic always reads images at full resolution: "auto" and "high" ask for no less.
            if (detail == QLatin1String("low")) {
                return walk.noEquivalent(member(member(param, "image_url"), "detail"));
            }
            const QString url = image.value(QLatin1String("url")).toString();
            QJsonObject source;
            if (const auto data = splitDataUrl(url)) {
                source = { { QStringLiteral("type"), QStringLiteral("base64") },
                           { QStringLiteral("media_type"), data->first },
                           { QStringLiteral("data"), data->second } };
            } else {
                source = { { QStringLiteral("type"), QStringLiteral("url") }, { QStringLiteral("url"), url } };
            }
            blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("image") },
                                        { QStringLiteral("source"), source } });
            return true;
        }
        if (type == QLatin1String("file")) {
            const QJsonObject file = part.value(QLatin1String("file")).toObject();
            const auto data = splitDataUrl(file.value(QLatin1String("file_data")).toString());
            if (!data || data->first != QLatin1String("application/pdf")) {
                return walk.refuse(member(param, "file"),
                                   QCoreApplication::translate(
                                       "RequestTranslator", "only PDF files sent inline as file_data can be carried"));
            }
            blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("document") },
                                        { QStringLiteral("source"),
                                          QJsonObject { { QStringLiteral("type"), QStringLiteral("base64") },
                                                        { QStringLiteral("media_type"), data->first },
                                                        { QStringLiteral("data"), data->second } } } });
            return true;
        }
        return walk.refuse(
            member(param, "type"),
            QCoreApplication::translate("RequestTranslator", "content part type \"%1\" has no equivalent in that API")
                .arg(type));
    }

    // Text of system/developer/tool content: a string or text parts.
    std::optional<QJsonValue> textContent(const QJsonValue& content, const QString& param)
    {
        if (content.isString()) {
            return content;
        }
        QJsonArray blocks;
        const QJsonArray parts = content.toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (parts.at(i).toObject().value(QLatin1String("type")).toString() != QLatin1String("text")) {
                walk.refuse(at(param, i),
                            QCoreApplication::translate("RequestTranslator", "only text parts can be carried here"));
                return std::nullopt;
            }
            blocks.append(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                              { QStringLiteral("text"), parts.at(i).toObject().value(QLatin1String("text")) } });
        }
        return blocks;
    }

    bool messages(const QJsonArray& list, QJsonObject& out)
    {
        QJsonArray system;
        QJsonArray messages;
        bool lastIsToolResults = false;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString param = at(QStringLiteral("messages"), i);
            const QJsonObject message = list.at(i).toObject();
            const QString role = message.value(QLatin1String("role")).toString();
            for (auto it = message.constBegin(); it != message.constEnd(); ++it) {
                const QString key = it.key();
                const bool known = key == QLatin1String("role") || key == QLatin1String("content")
                    || key == QLatin1String("tool_calls") || key == QLatin1String("tool_call_id");
                if (!known && !absent(it.value())) {
                    return walk.noEquivalent(param + QLatin1Char('.') + key);
                }
            }
            const QJsonValue content = message.value(QLatin1String("content"));
            const QString contentParam = member(param, "content");
            if (role == QLatin1String("system") || role == QLatin1String("developer")) {
                const auto text = textContent(content, contentParam);
                if (!text) {
                    return false;
                }
                if (text->isString()) {
                    system.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                                { QStringLiteral("text"), *text } });
                } else {
                    for (const QJsonValue& block : text->toArray()) {
                        system.append(block);
                    }
                }
                continue;
            }
            if (role == QLatin1String("tool")) {
                const auto text = textContent(content, contentParam);
                if (!text) {
                    return false;
                }
                const QJsonObject result { { QStringLiteral("type"), QStringLiteral("tool_result") },
                                           { QStringLiteral("tool_use_id"),
                                             message.value(QLatin1String("tool_call_id")) },
                                           { QStringLiteral("content"), *text } };
                if (lastIsToolResults) {
                    QJsonObject last = messages.last().toObject();
                    QJsonArray blocks = last.value(QLatin1String("content")).toArray();
                    blocks.append(result);
                    last.insert(QStringLiteral("content"), blocks);
                    messages.replace(messages.size() - 1, last);
                } else {
                    messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                                  { QStringLiteral("content"), QJsonArray { result } } });
                }
                lastIsToolResults = true;
                continue;
            }
            lastIsToolResults = false;
            QJsonArray blocks;
            if (role == QLatin1String("user")) {
                if (content.isString()) {
                    messages.append(
                        QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), content } });
                    continue;
                }
                const QJsonArray parts = content.toArray();
                for (qsizetype j = 0; j < parts.size(); ++j) {
                    if (!part(parts.at(j), at(contentParam, j), blocks)) {
                        return false;
                    }
                }
            } else { // assistant
                if (content.isString() && !content.toString().isEmpty()) {
                    blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                                { QStringLiteral("text"), content } });
                } else if (content.isArray()) {
                    const auto text = textContent(content, contentParam);
                    if (!text) {
                        return false;
                    }
                    for (const QJsonValue& block : text->toArray()) {
                        blocks.append(block);
                    }
                }
                const QJsonArray calls = message.value(QLatin1String("tool_calls")).toArray();
                for (qsizetype j = 0; j < calls.size(); ++j) {
                    const QJsonObject call = calls.at(j).toObject();
                    const QJsonObject function = call.value(QLatin1String("function")).toObject();
                    const QString argumentsParam
                        = member(member(at(member(param, "tool_calls"), j), "function"), "arguments");
                    QString reason;
                    const QJsonDocument arguments
                        = WireJson::parse(function.value(QLatin1String("arguments")).toString().toUtf8(), &reason);
                    if (!arguments.isObject()) {
                        return walk.refuse(
                            argumentsParam,
                            QCoreApplication::translate("RequestTranslator",
                                                        "the arguments must be a JSON object to be carried"));
                    }
                    blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                                                { QStringLiteral("id"), call.value(QLatin1String("id")) },
                                                { QStringLiteral("name"), function.value(QLatin1String("name")) },
                                                { QStringLiteral("input"), arguments.object() } });
                }
            }
            messages.append(QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), blocks } });
        }
        if (!system.isEmpty()) {
            out.insert(QStringLiteral("system"), system);
        }
        out.insert(QStringLiteral("messages"), messages);
        return true;
    }

    bool tools(const QJsonArray& list, QJsonObject& out)
    {
        QJsonArray tools;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString param = at(QStringLiteral("tools"), i);
            const QJsonObject tool = list.at(i).toObject();
            if (tool.value(QLatin1String("type")).toString() != QLatin1String("function")) {
                return walk.noEquivalent(member(param, "type"));
            }
            const QJsonObject function = tool.value(QLatin1String("function")).toObject();
            if (function.value(QLatin1String("strict")).toBool(false)) {
                return walk.noEquivalent(member(member(param, "function"), "strict"));
            }
            QJsonObject out { { QStringLiteral("name"), function.value(QLatin1String("name")) } };
            if (function.contains(QLatin1String("description"))) {
                out.insert(QStringLiteral("description"), function.value(QLatin1String("description")));
            }
            const QJsonValue schema = function.value(QLatin1String("parameters"));
            out.insert(QStringLiteral("input_schema"),
                       schema.isObject() ? schema
                                         : QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
                                                         { QStringLiteral("properties"), QJsonObject() } });
            tools.append(out);
        }
        out.insert(QStringLiteral("tools"), tools);
        return true;
    }

    bool toolChoice(const QJsonValue& choice, QJsonObject& out)
    {
        QJsonObject mapped;
        if (choice.isString()) {
            static const QHash<QString, QString> kinds { { QStringLiteral("auto"), QStringLiteral("auto") },
                                                         { QStringLiteral("none"), QStringLiteral("none") },
                                                         { QStringLiteral("required"), QStringLiteral("any") } };
            if (!kinds.contains(choice.toString())) {
                return walk.noEquivalent(QStringLiteral("tool_choice"));
            }
            mapped.insert(QStringLiteral("type"), kinds.value(choice.toString()));
        } else if (choice.toObject().value(QLatin1String("type")).toString() == QLatin1String("function")) {
            mapped.insert(QStringLiteral("type"), QStringLiteral("tool"));
            mapped.insert(QStringLiteral("name"),
                          choice.toObject().value(QLatin1String("function")).toObject().value(QLatin1String("name")));
        } else {
            return walk.noEquivalent(QStringLiteral("tool_choice.type"));
        }
        out.insert(QStringLiteral("tool_choice"), mapped);
        return true;
    }

    // OpenAI's web_search_options (the search models) as Claude's web search server tool: the
    // approximate location carries over; a search context size other than the default does not.
    bool webSearch(const QJsonValue& value, QJsonObject& tool)
    {
        const QString param = QStringLiteral("web_search_options");
        if (!value.isObject()) {
            return walk.refuse(param, QCoreApplication::translate("RequestTranslator", "must be an object"));
        }
        tool = { { QStringLiteral("type"), QStringLiteral("web_search_20250305") },
                 { QStringLiteral("name"), QStringLiteral("web_search") } };
        const QJsonObject options = value.toObject();
        for (auto it = options.constBegin(); it != options.constEnd(); ++it) {
            const QString key = it.key();
            if (absent(it.value())) {
            } else if (key == QLatin1String("search_context_size")) {
                if (it.value().toString() != QLatin1String("medium")) {
                    return walk.refuse(member(param, "search_context_size"),
                                       QCoreApplication::translate("RequestTranslator",
                                                                   "Claude's web search has one context size, the "
                                                                   "default (medium)"));
                }
            } else if (key == QLatin1String("user_location")) {
                const QJsonObject location = it.value().toObject();
                const QString locationParam = member(param, "user_location");
                if (location.value(QLatin1String("type")).toString() != QLatin1String("approximate")) {
                    return walk.noEquivalent(member(locationParam, "type"));
                }
                QJsonObject mapped { { QStringLiteral("type"), QStringLiteral("approximate") } };
                const QJsonObject approximate = location.value(QLatin1String("approximate")).toObject();
                for (auto field = approximate.constBegin(); field != approximate.constEnd(); ++field) {
                    if (field.key() != QLatin1String("city") && field.key() != QLatin1String("country")
                        && field.key() != QLatin1String("region") && field.key() != QLatin1String("timezone")) {
                        return walk.noEquivalent(locationParam + QStringLiteral(".approximate.") + field.key());
                    }
                    mapped.insert(field.key(), field.value());
                }
                tool.insert(QStringLiteral("user_location"), mapped);
            } else {
                return walk.noEquivalent(param + QLatin1Char('.') + key);
            }
        }
        return true;
    }

    // OpenAI's reasoning_effort as Claude's thinking budget, as LiteLLM maps it (low 1,024, medium
    // 2,048, high 4,096 tokens); "minimal" and "none" ask for no thinking, which is Claude's default.
    bool reasoningEffort(const QJsonValue& value, QJsonObject& out)
    {
        static const QHash<QString, int> budgets { { QStringLiteral("none"), 0 },
                                                   { QStringLiteral("minimal"), 0 },
                                                   { QStringLiteral("low"), 1024 },
                                                   { QStringLiteral("medium"), 2048 },
                                                   { QStringLiteral("high"), 4096 } };
        const auto found = budgets.constFind(value.toString());
        if (!value.isString() || found == budgets.cend()) {
            return walk.refuse(
                QStringLiteral("reasoning_effort"),
                QCoreApplication::translate("RequestTranslator", "Claude takes none, minimal, low, medium or high"));
        }
        if (*found > 0) {
            out.insert(QStringLiteral("thinking"),
                       QJsonObject { { QStringLiteral("type"), QStringLiteral("enabled") },
                                     { QStringLiteral("budget_tokens"), *found } });
        }
        return true;
    }

    RequestTranslator::Result run(const QJsonObject& body)
    {
        QJsonObject out;
        QJsonObject searchTool; // from web_search_options, added to the tools at the end
        bool ok = true;
        for (auto it = body.constBegin(); ok && it != body.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (key == QLatin1String("messages")) {
                ok = messages(value.toArray(), out);
            } else if (absent(value) || key == QLatin1String("stream_options") || key == QLatin1String("tier")) {
                // null means "not set"; stream_options and tier are the gateway's own.
            } else if (key == QLatin1String("model") || key == QLatin1String("stream")
                       || key == QLatin1String("top_p")) {
                out.insert(key, value);
            } else if (key == QLatin1String("max_tokens") || key == QLatin1String("max_completion_tokens")) {
                out.insert(QStringLiteral("max_tokens"), value);
            } else if (key == QLatin1String("temperature")) {
                if (value.toDouble() > 1) {
                    ok = walk.refuse(
                        key,
                        QCoreApplication::translate("RequestTranslator", "Anthropic takes temperatures from 0 to 1"));
                }
                out.insert(key, value);
            } else if (key == QLatin1String("stop")) {
                out.insert(QStringLiteral("stop_sequences"), value.isString() ? QJsonArray { value } : value);
            } else if (key == QLatin1String("tools")) {
                ok = tools(value.toArray(), out);
            } else if (key == QLatin1String("tool_choice")) {
                ok = toolChoice(value, out);
            } else if (key == QLatin1String("parallel_tool_calls")) {
                // Applied below, once tool_choice is known.
            } else if (key == QLatin1String("user")) {
                out.insert(QStringLiteral("metadata"), QJsonObject { { QStringLiteral("user_id"), value } });
            } else if (key == QLatin1String("reasoning_effort")) {
                ok = reasoningEffort(value, out);
            } else if (key == QLatin1String("web_search_options")) {
                ok = webSearch(value, searchTool);
            } else if (key == QLatin1String("n") && value.toDouble() == 1) {
            } else if (key == QLatin1String("response_format")
                       && value.toObject().value(QLatin1String("type")).toString() == QLatin1String("text")) {
            } else {
                ok = walk.noEquivalent(key);
            }
        }
        if (ok && !searchTool.isEmpty()) {
            QJsonArray tools = out.value(QLatin1String("tools")).toArray();
            tools.append(searchTool);
            out.insert(QStringLiteral("tools"), tools);
        }
        if (ok && body.value(QLatin1String("parallel_tool_calls")) == QJsonValue(false)) {
            QJsonObject choice = out.value(QLatin1String("tool_choice")).toObject();
            if (choice.isEmpty()) {
                choice.insert(QStringLiteral("type"), QStringLiteral("auto"));
            }
            choice.insert(QStringLiteral("disable_parallel_tool_use"), true);
            out.insert(QStringLiteral("tool_choice"), choice);
        }
        const int budget
            = out.value(QLatin1String("thinking")).toObject().value(QLatin1String("budget_tokens")).toInt();
        if (ok && budget > 0) {
            // Claude's thinking counts against max_tokens, which must leave room for the answer, and
            // takes no sampling temperature.
            if (!out.contains(QLatin1String("max_tokens"))) {
                out.insert(QStringLiteral("max_tokens"), budget + AnthropicWire::kDefaultMaxTokens);
            } else if (out.value(QLatin1String("max_tokens")).toInt() <= budget) {
                ok = walk.refuse(
                    body.contains(QLatin1String("max_completion_tokens")) ? QStringLiteral("max_completion_tokens")
                                                                          : QStringLiteral("max_tokens"),
                    QCoreApplication::translate("RequestTranslator",
                                                "must be above the %1 thinking tokens that reasoning_effort %2 "
                                                "gives Claude")
                        .arg(budget)
                        .arg(body.value(QLatin1String("reasoning_effort")).toString()));
            }
            if (ok && out.contains(QLatin1String("temperature"))
                && out.value(QLatin1String("temperature")).toDouble() != 1) {
                ok = walk.refuse(QStringLiteral("temperature"),
                                 QCoreApplication::translate("RequestTranslator",
                                                             "Claude takes no temperature but 1 while it thinks "
                                                             "(reasoning_effort)"));
            }
        }
        if (!ok) {
            return walk.result(out);
        }
        if (!out.contains(QLatin1String("max_tokens"))) {
            out.insert(QStringLiteral("max_tokens"), AnthropicWire::kDefaultMaxTokens);
        }
        return walk.result(out);
    }
};

// ---- Anthropic -> OpenAI ----

class ToOpenAi
{
public:
    // Anthropic names positions with dots: messages.2.content.0.
    static QString ix(const QString& base, qsizetype index) { return WireJson::dotted(base, index); }

    Walk walk { "OpenAI Chat Completions API" };

    // cache_control is a caching hint; OpenAI caches long prompts by itself, so it maps to nothing.
    bool blockFieldsKnown(const QJsonObject& block, const QString& param, std::initializer_list<const char*> known)
    {
        for (auto it = block.constBegin(); it != block.constEnd(); ++it) {
            bool ok = it.key() == QLatin1String("type") || it.key() == QLatin1String("cache_control");
            for (const char* name : known) {
                ok = ok || it.key() == QLatin1String(name);
            }
            if (!ok && !absent(it.value())) {
                return walk.noEquivalent(param + QLatin1Char('.') + it.key());
            }
        }
        return true;
    }

    std::optional<QJsonValue> textOnly(const QJsonValue& content, const QString& param)
    {
        if (content.isString()) {
            return content;
        }
        QJsonArray parts;
        const QJsonArray blocks = content.toArray();
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const QJsonObject block = blocks.at(i).toObject();
            if (block.value(QLatin1String("type")).toString() != QLatin1String("text")) {
                walk.refuse(ix(param, i),
                            QCoreApplication::translate("RequestTranslator", "only text blocks can be carried here"));
                return std::nullopt;
            }
            if (!blockFieldsKnown(block, ix(param, i), { "text" })) {
                return std::nullopt;
            }
            parts.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                       { QStringLiteral("text"), block.value(QLatin1String("text")) } });
        }
        return parts;
    }

    std::optional<QJsonObject> userPart(const QJsonObject& block, const QString& param)
    {
        const QString type = block.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            if (!blockFieldsKnown(block, param, { "text" })) {
                return std::nullopt;
            }
            return QJsonObject { { QStringLiteral("type"), type },
                                 { QStringLiteral("text"), block.value(QLatin1String("text")) } };
        }
        const QJsonObject source = block.value(QLatin1String("source")).toObject();
        const QString sourceType = source.value(QLatin1String("type")).toString();
        const QString dataUrl = QStringLiteral("data:%1;base64,%2")
                                    .arg(source.value(QLatin1String("media_type")).toString(),
                                         source.value(QLatin1String("data")).toString());
        if (type == QLatin1String("image") && blockFieldsKnown(block, param, { "source" })) {
            if (sourceType != QLatin1String("base64") && sourceType != QLatin1String("url")) {
                walk.noEquivalent(member(member(param, "source"), "type"));
                return std::nullopt;
            }
            const QString url
                = sourceType == QLatin1String("url") ? source.value(QLatin1String("url")).toString() : dataUrl;
            return QJsonObject { { QStringLiteral("type"), QStringLiteral("image_url") },
                                 { QStringLiteral("image_url"), QJsonObject { { QStringLiteral("url"), url } } } };
        }
        if (type == QLatin1String("document") && blockFieldsKnown(block, param, { "source" })) {
            if (sourceType != QLatin1String("base64")
                || source.value(QLatin1String("media_type")).toString() != QLatin1String("application/pdf")) {
                walk.refuse(member(param, "source"),
                            QCoreApplication::translate("RequestTranslator",
                                                        "only PDF documents sent inline as base64 can be carried"));
                return std::nullopt;
            }
            return QJsonObject { { QStringLiteral("type"), QStringLiteral("file") },
                                 { QStringLiteral("file"),
                                   QJsonObject { { QStringLiteral("filename"), QStringLiteral("document.pdf") },
                                                 { QStringLiteral("file_data"), dataUrl } } } };
        }
        if (type != QLatin1String("image") && type != QLatin1String("document")) {
            walk.refuse(member(param, "type"),
                        QCoreApplication::translate("RequestTranslator",
                                                    "content block type \"%1\" has no equivalent in that API")
                            .arg(type));
        }
        return std::nullopt;
    }

    bool message(const QJsonObject& message, const QString& param, QJsonArray& out)
    {
        const QString role = message.value(QLatin1String("role")).toString();
        const QJsonValue content = message.value(QLatin1String("content"));
        const QString contentParam = member(param, "content");
        if (content.isString()) {
            out.append(QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), content } });
            return true;
        }
        const QJsonArray blocks = content.toArray();
        if (role == QLatin1String("assistant")) {
            QString text;
            QJsonArray calls;
            for (qsizetype i = 0; i < blocks.size(); ++i) {
                const QJsonObject block = blocks.at(i).toObject();
                const QString type = block.value(QLatin1String("type")).toString();
                if (type == QLatin1String("text")
                    && blockFieldsKnown(block, ix(contentParam, i), { "text", "citations" })) {
                    // Citations point into search results only Anthropic can read (encrypted).
                    text += block.value(QLatin1String("text")).toString();
                } else if (type == QLatin1String("server_tool_use")
                           || type == QLatin1String("web_search_tool_result")) {
                    // This answer's own web search record: encrypted for Anthropic; the text keeps what it found.
                } else if (type == QLatin1String("tool_use")
                           && blockFieldsKnown(block, ix(contentParam, i), { "id", "name", "input" })) {
                    const QByteArray arguments
                        = QJsonDocument(block.value(QLatin1String("input")).toObject()).toJson(QJsonDocument::Compact);
                    calls.append(QJsonObject {
                        { QStringLiteral("id"), block.value(QLatin1String("id")) },
                        { QStringLiteral("type"), QStringLiteral("function") },
                        { QStringLiteral("function"),
                          QJsonObject { { QStringLiteral("name"), block.value(QLatin1String("name")) },
                                        { QStringLiteral("arguments"), QString::fromUtf8(arguments) } } } });
                } else {
                    return walk.refuse(
                        ix(contentParam, i),
                        QCoreApplication::translate("RequestTranslator",
                                                    "content block type \"%1\" has no equivalent in that API")
                            .arg(type));
                }
            }
            QJsonObject assistant { { QStringLiteral("role"), role },
                                    { QStringLiteral("content"),
                                      text.isEmpty() && !calls.isEmpty() ? QJsonValue() : QJsonValue(text) } };
            if (!calls.isEmpty()) {
                assistant.insert(QStringLiteral("tool_calls"), calls);
            }
            out.append(assistant);
            return true;
        }
        // A user turn: its tool results become tool messages, which must come first.
        QJsonArray parts;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const QJsonObject block = blocks.at(i).toObject();
            const QString blockParam = ix(contentParam, i);
            if (block.value(QLatin1String("type")).toString() == QLatin1String("tool_result")) {
                if (block.value(QLatin1String("is_error")).toBool(false)) {
                    return walk.noEquivalent(member(blockParam, "is_error"));
                }
                if (!blockFieldsKnown(block, blockParam, { "tool_use_id", "content", "is_error" })) {
                    return false;
                }
                const auto text = textOnly(block.value(QLatin1String("content")), member(blockParam, "content"));
                if (!text) {
                    return false;
                }
                out.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("tool") },
                                         { QStringLiteral("tool_call_id"), block.value(QLatin1String("tool_use_id")) },
                                         { QStringLiteral("content"), *text } });
                continue;
            }
            const auto part = userPart(block, blockParam);
            if (!part) {
                return false;
            }
            parts.append(*part);
        }
        if (!parts.isEmpty()) {
            out.append(QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), parts } });
        }
        return true;
    }

    bool tools(const QJsonArray& list, QJsonObject& out)
    {
        QJsonArray tools;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString param = ix(QStringLiteral("tools"), i);
            const QJsonObject tool = list.at(i).toObject();
            const QString type = tool.value(QLatin1String("type")).toString(QStringLiteral("custom"));
            if (type.startsWith(QLatin1String("web_search_"))) {
                if (out.contains(QLatin1String("web_search_options"))) {
                    return walk.refuse(
                        param, QCoreApplication::translate("RequestTranslator", "that API takes one web search"));
                }
                if (!webSearch(tool, param, out)) {
                    return false;
                }
                continue;
            }
            if (type != QLatin1String("custom")) {
                return walk.refuse(
                    member(param, "type"),
                    QCoreApplication::translate("RequestTranslator", "the tool \"%1\" runs on Anthropic's servers")
                        .arg(type));
            }
            if (!blockFieldsKnown(tool, param, { "name", "description", "input_schema" })) {
                return false;
            }
            QJsonObject function { { QStringLiteral("name"), tool.value(QLatin1String("name")) },
                                   { QStringLiteral("parameters"), tool.value(QLatin1String("input_schema")) } };
            if (tool.contains(QLatin1String("description"))) {
                function.insert(QStringLiteral("description"), tool.value(QLatin1String("description")));
            }
            tools.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                                       { QStringLiteral("function"), function } });
        }
        if (!tools.isEmpty() || !out.contains(QLatin1String("web_search_options"))) {
            out.insert(QStringLiteral("tools"), tools);
        }
        return true;
    }

    // Claude's web search server tool as web_search_options (OpenAI's search models search once
    // for each request, within any max_uses); domain filters have no equivalent there.
    bool webSearch(const QJsonObject& tool, const QString& param, QJsonObject& out)
    {
        if (!blockFieldsKnown(tool, param, { "name", "max_uses", "user_location" })) {
            return false;
        }
        QJsonObject options;
        const QJsonValue location = tool.value(QLatin1String("user_location"));
        if (!absent(location)) {
            QJsonObject approximate = location.toObject();
            approximate.remove(QStringLiteral("type"));
            options.insert(QStringLiteral("user_location"),
                           QJsonObject { { QStringLiteral("type"), QStringLiteral("approximate") },
                                         { QStringLiteral("approximate"), approximate } });
        }
        out.insert(QStringLiteral("web_search_options"), options);
        return true;
    }

    bool toolChoice(const QJsonObject& choice, QJsonObject& out)
    {
        const QString type = choice.value(QLatin1String("type")).toString();
        if (type == QLatin1String("auto") || type == QLatin1String("none")) {
            out.insert(QStringLiteral("tool_choice"), type);
        } else if (type == QLatin1String("any")) {
            out.insert(QStringLiteral("tool_choice"), QStringLiteral("required"));
        } else if (type == QLatin1String("tool")) {
            out.insert(
                QStringLiteral("tool_choice"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                              { QStringLiteral("function"),
                                QJsonObject { { QStringLiteral("name"), choice.value(QLatin1String("name")) } } } });
        } else {
            return walk.noEquivalent(QStringLiteral("tool_choice.type"));
        }
        if (choice.value(QLatin1String("disable_parallel_tool_use")).toBool(false)) {
            out.insert(QStringLiteral("parallel_tool_calls"), false);
        }
        return true;
    }

    RequestTranslator::Result run(const QJsonObject& body)
    {
        QJsonObject out;
        QJsonArray messages;
        bool ok = true;
        const QJsonValue system = body.value(QLatin1String("system"));
        if (!absent(system)) {
            const auto text = textOnly(system, QStringLiteral("system"));
            ok = text.has_value();
            if (ok) {
                messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                                              { QStringLiteral("content"), *text } });
            }
        }
        for (auto it = body.constBegin(); ok && it != body.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (key == QLatin1String("messages")) {
                const QJsonArray list = value.toArray();
                for (qsizetype i = 0; ok && i < list.size(); ++i) {
                    ok = message(list.at(i).toObject(), ix(QStringLiteral("messages"), i), messages);
                }
            } else if (absent(value) || key == QLatin1String("system") || key == QLatin1String("tier")) {
            } else if (key == QLatin1String("model") || key == QLatin1String("stream")
                       || key == QLatin1String("temperature") || key == QLatin1String("top_p")
                       || key == QLatin1String("max_tokens")) {
                out.insert(key, value);
            } else if (key == QLatin1String("stop_sequences")) {
                out.insert(QStringLiteral("stop"), value);
            } else if (key == QLatin1String("tools")) {
                ok = tools(value.toArray(), out);
            } else if (key == QLatin1String("tool_choice")) {
                ok = toolChoice(value.toObject(), out);
            } else if (key == QLatin1String("metadata")) {
                const QJsonObject metadata = value.toObject();
                for (auto field = metadata.constBegin(); ok && field != metadata.constEnd(); ++field) {
                    if (field.key() == QLatin1String("user_id")) {
                        out.insert(QStringLiteral("user"), field.value());
                    } else {
                        ok = walk.noEquivalent(QStringLiteral("metadata.") + field.key());
                    }
                }
            } else if (key == QLatin1String("thinking")
                       && value.toObject().value(QLatin1String("type")).toString() == QLatin1String("disabled")) {
            } else {
                ok = walk.noEquivalent(key);
            }
        }
        out.insert(QStringLiteral("messages"), messages);
        return walk.result(out);
    }
};
} // namespace

RequestTranslator::Result RequestTranslator::translate(const QByteArray& body, ProviderKind from, ProviderKind to,
                                                       const QString& upstreamModel)
{
    QString reason;
    const QJsonDocument document = WireJson::parse(body, &reason);
    if (from == to || !document.isObject()) {
        return { body, std::nullopt };
    }
    if (to == ProviderKind::Gemini) {
        // Gemini is reached through OpenAI's shape, the closer of the two.
        if (from == ProviderKind::OpenAiCompatible) {
            return GeminiTranslator::fromOpenAi(document.object(), upstreamModel);
        }
        const Result openAi = anthropicToOpenAi(document.object());
        if (openAi.refusal) {
            return openAi;
        }
        return GeminiTranslator::fromOpenAi(QJsonDocument::fromJson(openAi.body).object(), upstreamModel);
    }
    if (to == ProviderKind::BedrockConverse) {
        // Converse is reached through Anthropic's shape, the closer of the two.
        if (from == ProviderKind::AnthropicMessages) {
            return ConverseTranslator::fromAnthropic(document.object());
        }
        const Result anthropic = openAiToAnthropic(document.object());
        if (anthropic.refusal) {
            return anthropic;
        }
        return ConverseTranslator::fromAnthropic(QJsonDocument::fromJson(anthropic.body).object());
    }
    return to == ProviderKind::AnthropicMessages ? openAiToAnthropic(document.object())
                                                 : anthropicToOpenAi(document.object());
}

RequestTranslator::Result RequestTranslator::openAiToAnthropic(const QJsonObject& body)
{
    return ToAnthropic().run(body);
}

RequestTranslator::Result RequestTranslator::anthropicToOpenAi(const QJsonObject& body)
{
    return ToOpenAi().run(body);
}

RequestTranslator::OfferedTools RequestTranslator::offeredTools(const QJsonObject& body, ProviderKind from)
{
    OfferedTools offered;
    const QJsonArray list = body.value(QLatin1String("tools")).toArray();
    const QJsonValue choice = body.value(QLatin1String("tool_choice"));
    if (from == ProviderKind::AnthropicMessages) {
        QJsonArray custom;
        for (const QJsonValue& tool : list) {
            if (tool.toObject().value(QLatin1String("type")).toString(QStringLiteral("custom"))
                == QLatin1String("custom")) {
                custom.append(tool);
            }
        }
        ToOpenAi translation;
        QJsonObject out;
        if (custom.isEmpty() || !translation.tools(custom, out)) {
            return offered;
        }
        offered.tools = out.value(QLatin1String("tools")).toArray();
        QJsonObject mapped;
        if (choice.isObject() && translation.toolChoice(choice.toObject(), mapped)) {
            offered.choice = mapped.value(QLatin1String("tool_choice"));
        }
    } else {
        for (const QJsonValue& tool : list) {
            if (tool.toObject().value(QLatin1String("type")).toString() == QLatin1String("function")) {
                offered.tools.append(tool);
            }
        }
        if (offered.tools.isEmpty()) {
            return offered;
        }
        const QString mode = choice.toString();
        if (mode == QLatin1String("auto") || mode == QLatin1String("none") || mode == QLatin1String("required")
            || choice.toObject().value(QLatin1String("type")).toString() == QLatin1String("function")) {
            offered.choice = choice;
        }
    }
    // A choice of one tool stays only when that tool is among those kept (not a server tool).
    if (offered.choice.isObject()) {
        const QString name = offered.choice.toObject()
                                 .value(QLatin1String("function"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const bool kept = std::any_of(offered.tools.begin(), offered.tools.end(), [&](const QJsonValue& tool) {
            return tool.toObject().value(QLatin1String("function")).toObject().value(QLatin1String("name")).toString()
                == name;
        });
        if (!kept) {
            offered.choice = QJsonValue(QJsonValue::Undefined);
        }
    }
    return offered;
}
