#include "core/providers/GeminiTranslator.h"

#include "core/providers/GeminiWire.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString at(const QString& base, qsizetype index)
{
    return WireJson::indexed(base, index);
}

using WireJson::absent;
using WireJson::member;

using WireJson::splitDataUrl;

QJsonObject inlineData(const QString& mimeType, const QString& data)
{
    return { { QStringLiteral("inlineData"),
               QJsonObject { { QStringLiteral("mimeType"), mimeType }, { QStringLiteral("data"), data } } } };
}

// Gemini 3 checks that the function calls of the turn being answered carry the signature Gemini
// gave them; a call that never had one (made by another model before a failover) gets the value
// Google documents for exactly that case.
const QLatin1String kNoSignature("skip_thought_signature_validator");

class ToGemini
{
public:
    explicit ToGemini(const QString& upstreamModel)
        : m_model(upstreamModel)
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
            error.message = QCoreApplication::translate("GeminiTranslator", "%1: %2 (the model speaks the Gemini API).")
                                .arg(param, why);
            m_refusal = error;
        }
        return false;
    }
    bool noEquivalent(const QString& param)
    {
        return refuse(param, QCoreApplication::translate("GeminiTranslator", "no equivalent in that API"));
    }

    // Appends parts to the turn of this role, or starts one: Gemini wants user and model turns to
    // alternate, so consecutive messages of one role (tool results and the user text after them,
    // say) become one turn.
    void append(const QString& role, const QJsonArray& parts)
    {
        if (parts.isEmpty()) {
            return;
        }
        if (!m_contents.isEmpty() && m_contents.last().toObject().value(QLatin1String("role")).toString() == role) {
            QJsonObject last = m_contents.last().toObject();
            QJsonArray merged = last.value(QLatin1String("parts")).toArray();
            for (const QJsonValue& part : parts) {
                merged.append(part);
            }
            last.insert(QStringLiteral("parts"), merged);
            m_contents.replace(m_contents.size() - 1, last);
            return;
        }
        m_contents.append(QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("parts"), parts } });
    }

    bool userPart(const QJsonObject& part, const QString& param, QJsonArray& parts)
    {
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            parts.append(QJsonObject { { QStringLiteral("text"), part.value(QLatin1String("text")) } });
            return true;
        }
        if (type == QLatin1String("image_url")) {
            const QJsonObject image = part.value(QLatin1String("image_url")).toObject();
            const QString urlParam = member(member(param, "image_url"), "url");
            const auto data = splitDataUrl(image.value(QLatin1String("url")).toString());
            if (!data) {
                // Gemini's fileData takes uploaded files with their MIME type, which a web URL does not say
                // without fetching it.
                return refuse(urlParam,
                              QCoreApplication::translate("GeminiTranslator",
                                                          "Gemini takes images inline only: send a data: URL"));
            }
            if (!absent(image.value(QLatin1String("detail")))
                && image.value(QLatin1String("detail")).toString() != QLatin1String("auto")) {
                return noEquivalent(member(member(param, "image_url"), "detail"));
            }
            parts.append(inlineData(data->first, data->second));
            return true;
        }
        if (type == QLatin1String("input_audio")) {
            const QJsonObject audio = part.value(QLatin1String("input_audio")).toObject();
            const QString format = audio.value(QLatin1String("format")).toString();
            if (format != QLatin1String("wav") && format != QLatin1String("mp3")) {
                return noEquivalent(member(member(param, "input_audio"), "format"));
            }
            parts.append(inlineData(QStringLiteral("audio/") + format, audio.value(QLatin1String("data")).toString()));
            return true;
        }
        if (type == QLatin1String("file")) {
            const QJsonObject file = part.value(QLatin1String("file")).toObject();
            const auto data = splitDataUrl(file.value(QLatin1String("file_data")).toString());
            if (!data) {
                return refuse(member(param, "file"),
                              QCoreApplication::translate("GeminiTranslator",
                                                          "only files sent inline as file_data can be carried"));
            }
            parts.append(inlineData(data->first, data->second));
            return true;
        }
        return refuse(
            member(param, "type"),
            QCoreApplication::translate("GeminiTranslator", "content part type \"%1\" has no equivalent in that API")
                .arg(type));
    }

    // Text of system, developer, assistant and tool content: a string or text parts.
    std::optional<QString> text(const QJsonValue& content, const QString& param)
    {
        if (content.isString() || absent(content)) {
            return content.toString();
        }
        QString joined;
        const QJsonArray parts = content.toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QJsonObject part = parts.at(i).toObject();
            if (part.value(QLatin1String("type")).toString() != QLatin1String("text")) {
                refuse(at(param, i),
                       QCoreApplication::translate("GeminiTranslator", "only text parts can be carried here"));
                return std::nullopt;
            }
            joined += part.value(QLatin1String("text")).toString();
        }
        return joined;
    }

    bool assistant(const QJsonObject& message, const QString& param)
    {
        QJsonArray parts;
        const QJsonValue reasoning = message.value(QLatin1String("reasoning_content"));
        if (reasoning.isString() && !reasoning.toString().isEmpty()) {
            parts.append(QJsonObject { { QStringLiteral("text"), reasoning }, { QStringLiteral("thought"), true } });
        }
        const auto content = text(message.value(QLatin1String("content")), member(param, "content"));
        if (!content) {
            return false;
        }
        if (!content->isEmpty()) {
            parts.append(QJsonObject { { QStringLiteral("text"), *content } });
        }
        const QJsonArray calls = message.value(QLatin1String("tool_calls")).toArray();
        bool signed_ = false;
        qsizetype firstCall = -1;
        for (qsizetype j = 0; j < calls.size(); ++j) {
            const QString callParam = at(member(param, "tool_calls"), j);
            const QJsonObject call = calls.at(j).toObject();
            if (call.value(QLatin1String("type")).toString(QStringLiteral("function")) != QLatin1String("function")) {
                return noEquivalent(member(callParam, "type"));
            }
            const QJsonObject function = call.value(QLatin1String("function")).toObject();
            const QString name = function.value(QLatin1String("name")).toString();
            QString reason;
            const QJsonDocument arguments
                = WireJson::parse(function.value(QLatin1String("arguments")).toString().toUtf8(), &reason);
            if (!arguments.isObject()) {
                return refuse(member(member(callParam, "function"), "arguments"),
                              QCoreApplication::translate("GeminiTranslator",
                                                          "the arguments must be a JSON object to be carried"));
            }
            const QString id = call.value(QLatin1String("id")).toString();
            m_callNames.insert(id, name);
            QJsonObject functionCall { { QStringLiteral("name"), name },
                                       { QStringLiteral("args"), arguments.object() } };
            const QString geminiId = geminiIdOf(id);
            if (!geminiId.isEmpty()) {
                functionCall.insert(QStringLiteral("id"), geminiId);
            }
            QJsonObject part { { QStringLiteral("functionCall"), functionCall } };
            const QString signature = GeminiWire::thoughtSignatureOf(id);
            if (!signature.isEmpty()) {
                part.insert(QStringLiteral("thoughtSignature"), signature);
                signed_ = true;
            }
            if (firstCall < 0) {
                firstCall = parts.size();
            }
            parts.append(part);
        }
        if (firstCall >= 0 && !signed_ && GeminiWire::takesThinkingLevel(m_model)) {
            QJsonObject part = parts.at(firstCall).toObject();
            part.insert(QStringLiteral("thoughtSignature"), kNoSignature);
            parts.replace(firstCall, part);
        }
        if (parts.isEmpty()) {
            // An empty assistant turn says nothing Gemini could be sent (it refuses empty parts).
            return true;
        }
        append(QStringLiteral("model"), parts);
        return true;
    }

    // GeminiWire::toolCallId's "call_g<hex>" form: the id Gemini gave the call.
    static QString geminiIdOf(const QString& toolCallId)
    {
        if (!toolCallId.startsWith(QLatin1String("call_g"))) {
            return {};
        }
        QString hex = toolCallId.mid(6);
        hex.truncate(hex.indexOf(QLatin1String("_ts_")) < 0 ? hex.size() : hex.indexOf(QLatin1String("_ts_")));
        return QString::fromUtf8(QByteArray::fromHex(hex.toLatin1()));
    }

    bool tool(const QJsonObject& message, const QString& param)
    {
        const QString id = message.value(QLatin1String("tool_call_id")).toString();
        const auto name = m_callNames.constFind(id);
        if (name == m_callNames.cend()) {
            // Gemini names the function a result answers; only an earlier assistant turn says which.
            return refuse(member(param, "tool_call_id"),
                          QCoreApplication::translate("GeminiTranslator",
                                                      "no earlier assistant tool call has this id, so the function "
                                                      "it answers is unknown"));
        }
        const auto content = text(message.value(QLatin1String("content")), member(param, "content"));
        if (!content) {
            return false;
        }
        // Gemini takes a result as a JSON object: one that already is goes as it is, anything else
        // as its "output" (the key Google documents for a function's output).
        QString reason;
        const QJsonDocument parsed = WireJson::parse(content->toUtf8(), &reason);
        const QJsonObject response
            = parsed.isObject() ? parsed.object() : QJsonObject { { QStringLiteral("output"), *content } };
        QJsonObject functionResponse { { QStringLiteral("name"), *name }, { QStringLiteral("response"), response } };
        const QString geminiId = geminiIdOf(id);
        if (!geminiId.isEmpty()) {
            functionResponse.insert(QStringLiteral("id"), geminiId);
        }
        append(QStringLiteral("user"),
               QJsonArray { QJsonObject { { QStringLiteral("functionResponse"), functionResponse } } });
        return true;
    }

    bool messages(const QJsonArray& list)
    {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString param = at(QStringLiteral("messages"), i);
            const QJsonObject message = list.at(i).toObject();
            const QString role = message.value(QLatin1String("role")).toString();
            for (auto it = message.constBegin(); it != message.constEnd(); ++it) {
                const QString key = it.key();
                const bool known = key == QLatin1String("role") || key == QLatin1String("content")
                    || (role == QLatin1String("assistant")
                        && (key == QLatin1String("tool_calls") || key == QLatin1String("reasoning_content")
                            || key == QLatin1String("refusal")))
                    || (role == QLatin1String("tool") && key == QLatin1String("tool_call_id"));
                if (!known && !absent(it.value())) {
                    return noEquivalent(param + QLatin1Char('.') + key);
                }
            }
            const QJsonValue content = message.value(QLatin1String("content"));
            const QString contentParam = member(param, "content");
            if (role == QLatin1String("system") || role == QLatin1String("developer")) {
                if (!m_contents.isEmpty()) {
                    // Gemini has one system instruction, ahead of the turns; moving later text there
                    // would change what it instructs.
                    return refuse(param,
                                  QCoreApplication::translate("GeminiTranslator",
                                                              "system text can only come before the conversation"));
                }
                const auto system = text(content, contentParam);
                if (!system) {
                    return false;
                }
                m_system.append(QJsonObject { { QStringLiteral("text"), *system } });
            } else if (role == QLatin1String("user")) {
                QJsonArray parts;
                if (content.isString()) {
                    parts.append(QJsonObject { { QStringLiteral("text"), content } });
                } else {
                    const QJsonArray list = content.toArray();
                    for (qsizetype j = 0; j < list.size(); ++j) {
                        if (!userPart(list.at(j).toObject(), at(contentParam, j), parts)) {
                            return false;
                        }
                    }
                }
                append(QStringLiteral("user"), parts);
            } else if (role == QLatin1String("assistant")) {
                if (!absent(message.value(QLatin1String("refusal")))) {
                    return noEquivalent(member(param, "refusal"));
                }
                if (!assistant(message, param)) {
                    return false;
                }
            } else if (role == QLatin1String("tool")) {
                if (!tool(message, param)) {
                    return false;
                }
            } else {
                return refuse(
                    member(param, "role"),
                    QCoreApplication::translate("GeminiTranslator", "role \"%1\" has no equivalent in that API")
                        .arg(role));
            }
        }
        return true;
    }

    bool tools(const QJsonArray& list, bool* strict)
    {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString param = at(QStringLiteral("tools"), i);
            const QJsonObject tool = list.at(i).toObject();
            if (tool.value(QLatin1String("type")).toString() != QLatin1String("function")) {
                return noEquivalent(member(param, "type"));
            }
            const QJsonObject function = tool.value(QLatin1String("function")).toObject();
            QJsonObject declaration { { QStringLiteral("name"), function.value(QLatin1String("name")) } };
            for (auto it = function.constBegin(); it != function.constEnd(); ++it) {
                if (it.key() == QLatin1String("name") || absent(it.value())) {
                    continue;
                }
                if (it.key() == QLatin1String("description")) {
                    declaration.insert(it.key(), it.value());
                } else if (it.key() == QLatin1String("parameters")) {
                    // parametersJsonSchema takes full JSON Schema; the older `parameters` field
                    // refuses keywords outside Google's OpenAPI subset (additionalProperties, $ref...).
                    declaration.insert(QStringLiteral("parametersJsonSchema"), it.value());
                } else if (it.key() == QLatin1String("strict")) {
                    *strict = *strict || it.value().toBool();
                } else {
                    return noEquivalent(member(member(param, "function"), it.key().toUtf8().constData()));
                }
            }
            m_declarations.append(declaration);
        }
        return true;
    }

    bool toolChoice(const QJsonValue& choice, QJsonObject& config)
    {
        static const QHash<QString, QString> modes { { QStringLiteral("auto"), QStringLiteral("AUTO") },
                                                     { QStringLiteral("none"), QStringLiteral("NONE") },
                                                     { QStringLiteral("required"), QStringLiteral("ANY") } };
        if (choice.isString()) {
            if (!modes.contains(choice.toString())) {
                return noEquivalent(QStringLiteral("tool_choice"));
            }
            config.insert(QStringLiteral("mode"), modes.value(choice.toString()));
            return true;
        }
        const QJsonObject object = choice.toObject();
        const QString type = object.value(QLatin1String("type")).toString();
        if (type == QLatin1String("function")) {
            config.insert(QStringLiteral("mode"), QStringLiteral("ANY"));
            config.insert(
                QStringLiteral("allowedFunctionNames"),
                QJsonArray { object.value(QLatin1String("function")).toObject().value(QLatin1String("name")) });
            return true;
        }
        if (type == QLatin1String("allowed_tools")) {
            const QJsonObject allowed = object.value(QLatin1String("allowed_tools")).toObject();
            const QString mode = allowed.value(QLatin1String("mode")).toString();
            if (mode != QLatin1String("auto") && mode != QLatin1String("required")) {
                return noEquivalent(QStringLiteral("tool_choice.allowed_tools.mode"));
            }
            QJsonArray names;
            const QJsonArray tools = allowed.value(QLatin1String("tools")).toArray();
            for (qsizetype i = 0; i < tools.size(); ++i) {
                const QJsonObject tool = tools.at(i).toObject();
                if (tool.value(QLatin1String("type")).toString() != QLatin1String("function")) {
                    return noEquivalent(at(QStringLiteral("tool_choice.allowed_tools.tools"), i));
                }
                names.append(tool.value(QLatin1String("function")).toObject().value(QLatin1String("name")));
            }
            // Gemini takes a list of allowed functions under ANY and VALIDATED only; VALIDATED is its
            // AUTO that keeps to the list.
            config.insert(QStringLiteral("mode"),
                          mode == QLatin1String("auto") ? QStringLiteral("VALIDATED") : QStringLiteral("ANY"));
            config.insert(QStringLiteral("allowedFunctionNames"), names);
            return true;
        }
        return noEquivalent(QStringLiteral("tool_choice.type"));
    }

    bool reasoningEffort(const QJsonValue& value, QJsonObject& generation)
    {
        const QString effort = value.toString();
        QJsonObject thinking { { QStringLiteral("includeThoughts"), effort != QLatin1String("none") } };
        if (GeminiWire::takesThinkingLevel(m_model)) {
            static const QStringList levels { QStringLiteral("minimal"), QStringLiteral("low"),
                                              QStringLiteral("medium"), QStringLiteral("high") };
            if (!levels.contains(effort)) {
                return refuse(QStringLiteral("reasoning_effort"),
                              QCoreApplication::translate("GeminiTranslator",
                                                          "Gemini 3 takes minimal, low, medium or high (it always "
                                                          "thinks)"));
            }
            thinking.insert(QStringLiteral("thinkingLevel"), effort);
        } else {
            const int budget = GeminiTranslator::thinkingBudget(effort);
            if (budget < 0) {
                return refuse(
                    QStringLiteral("reasoning_effort"),
                    QCoreApplication::translate("GeminiTranslator", "Gemini takes none, minimal, low, medium or high"));
            }
            thinking.insert(QStringLiteral("thinkingBudget"), budget);
        }
        generation.insert(QStringLiteral("thinkingConfig"), thinking);
        return true;
    }

    bool responseFormat(const QJsonObject& format, QJsonObject& generation)
    {
        const QString type = format.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            return true;
        }
        if (type == QLatin1String("json_object")) {
            generation.insert(QStringLiteral("responseMimeType"), QStringLiteral("application/json"));
            return true;
        }
        if (type != QLatin1String("json_schema")) {
            return noEquivalent(QStringLiteral("response_format.type"));
        }
        const QJsonObject schema = format.value(QLatin1String("json_schema")).toObject();
        for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
            // The name and description label the schema for OpenAI; Gemini follows the schema
            // itself, strictly, so neither they nor strict change what comes back.
            const bool known = it.key() == QLatin1String("name") || it.key() == QLatin1String("schema")
                || it.key() == QLatin1String("strict") || it.key() == QLatin1String("description");
            if (!known && !absent(it.value())) {
                return noEquivalent(QStringLiteral("response_format.json_schema.") + it.key());
            }
        }
        generation.insert(QStringLiteral("responseMimeType"), QStringLiteral("application/json"));
        generation.insert(QStringLiteral("responseJsonSchema"), schema.value(QLatin1String("schema")));
        return true;
    }

    bool webSearch(const QJsonValue& value)
    {
        const QJsonObject options = value.toObject();
        for (auto it = options.constBegin(); it != options.constEnd(); ++it) {
            if (!absent(it.value())) {
                // Google Search grounding takes no context size and no location.
                return noEquivalent(QStringLiteral("web_search_options.") + it.key());
            }
        }
        m_googleSearch = true;
        return true;
    }

    RequestTranslator::Result run(const QJsonObject& body)
    {
        QJsonObject generation;
        QJsonObject callingConfig;
        bool strict = false;
        bool ok = true;
        for (auto it = body.constBegin(); ok && it != body.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (key == QLatin1String("messages")) {
                ok = messages(value.toArray());
            } else if (absent(value) || key == QLatin1String("stream_options") || key == QLatin1String("tier")
                       || key == QLatin1String("model") || key == QLatin1String("stream")) {
                // null means "not set"; stream_options and tier are the gateway's own (Gemini reports
                // usage on every event anyway); model and stream go in the URL.
            } else if (key == QLatin1String("max_tokens") || key == QLatin1String("max_completion_tokens")) {
                generation.insert(QStringLiteral("maxOutputTokens"), value);
            } else if (key == QLatin1String("temperature") || key == QLatin1String("seed")) {
                generation.insert(key, value);
            } else if (key == QLatin1String("top_p")) {
                generation.insert(QStringLiteral("topP"), value);
            } else if (key == QLatin1String("presence_penalty")) {
                generation.insert(QStringLiteral("presencePenalty"), value);
            } else if (key == QLatin1String("frequency_penalty")) {
                generation.insert(QStringLiteral("frequencyPenalty"), value);
            } else if (key == QLatin1String("stop")) {
                generation.insert(QStringLiteral("stopSequences"), value.isString() ? QJsonArray { value } : value);
            } else if (key == QLatin1String("n")) {
                if (value.toDouble() != 1) {
                    ok = refuse(key,
                                QCoreApplication::translate("GeminiTranslator",
                                                            "one choice per request is what Switchyard answers"));
                }
            } else if (key == QLatin1String("tools")) {
                ok = tools(value.toArray(), &strict);
            } else if (key == QLatin1String("tool_choice")) {
                ok = toolChoice(value, callingConfig);
            } else if (key == QLatin1String("parallel_tool_calls")) {
                if (!value.toBool()) {
                    ok = noEquivalent(key); // Gemini decides how many calls a turn makes
                }
            } else if (key == QLatin1String("response_format")) {
                ok = responseFormat(value.toObject(), generation);
            } else if (key == QLatin1String("reasoning_effort")) {
                ok = reasoningEffort(value, generation);
            } else if (key == QLatin1String("web_search_options")) {
                ok = webSearch(value);
            } else if (key == QLatin1String("store") && !value.toBool()) {
            } else if (key == QLatin1String("modalities") && value.toArray() == QJsonArray { QStringLiteral("text") }) {
            } else {
                ok = noEquivalent(key);
            }
        }
        if (!ok) {
            return { {}, m_refusal };
        }
        QJsonObject out { { QStringLiteral("contents"), m_contents } };
        if (!m_system.isEmpty()) {
            out.insert(QStringLiteral("systemInstruction"), QJsonObject { { QStringLiteral("parts"), m_system } });
        }
        QJsonArray tools;
        if (!m_declarations.isEmpty()) {
            tools.append(QJsonObject { { QStringLiteral("functionDeclarations"), m_declarations } });
        }
        if (m_googleSearch) {
            tools.append(QJsonObject { { QStringLiteral("google_search"), QJsonObject() } });
        }
        if (!tools.isEmpty()) {
            out.insert(QStringLiteral("tools"), tools);
        }
        if (strict
            && callingConfig.value(QLatin1String("mode")).toString(QStringLiteral("AUTO")) == QLatin1String("AUTO")) {
            // strict: calls must follow their schema. VALIDATED is Gemini's AUTO with that check
            // (ANY checks already; NONE makes no calls).
            callingConfig.insert(QStringLiteral("mode"), QStringLiteral("VALIDATED"));
        }
        if (!callingConfig.isEmpty()) {
            out.insert(QStringLiteral("toolConfig"),
                       QJsonObject { { QStringLiteral("functionCallingConfig"), callingConfig } });
        }
        if (!generation.contains(QLatin1String("thinkingConfig")) && GeminiWire::thinks(m_model)) {
            generation.insert(QStringLiteral("thinkingConfig"),
                              QJsonObject { { QStringLiteral("includeThoughts"), true } });
        }
        if (!generation.isEmpty()) {
            out.insert(QStringLiteral("generationConfig"), generation);
        }
        return { QJsonDocument(out).toJson(QJsonDocument::Compact), std::nullopt };
    }

private:
    QString m_model;
    QJsonArray m_contents;
    QJsonArray m_system;
    QJsonArray m_declarations;
    QHash<QString, QString> m_callNames; // tool call id -> function name
    bool m_googleSearch = false;
    std::optional<CallError> m_refusal;
};

} // namespace

RequestTranslator::Result GeminiTranslator::fromOpenAi(const QJsonObject& body, const QString& upstreamModel)
{
    return ToGemini(upstreamModel).run(body);
}

int GeminiTranslator::thinkingBudget(const QString& effort)
{
    static const QHash<QString, int> budgets { { QStringLiteral("none"), 0 },
                                               { QStringLiteral("minimal"), 1024 },
                                               { QStringLiteral("low"), 1024 },
                                               { QStringLiteral("medium"), 8192 },
                                               { QStringLiteral("high"), 24576 } };
    return budgets.value(effort, -1);
}
