#include "core/gateway/ResponsesRequest.h"

#include "core/gateway/ResponsesStore.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ResponsesRequest", text);
}

// Reasoning items the gateway itself wrote ("rs_sy..."): sent back by a client replaying its
// conversation, they hold only the summary text a chat upstream gave.
const QLatin1String kOwnReasoningPrefix("rs_sy");

// Copies that pass to chat completions under the same name.
const QSet<QString>& sameNameFields()
{
    static const QSet<QString> fields { QStringLiteral("model"),
                                        QStringLiteral("temperature"),
                                        QStringLiteral("top_p"),
                                        QStringLiteral("parallel_tool_calls"),
                                        QStringLiteral("metadata"),
                                        QStringLiteral("user"),
                                        QStringLiteral("store"),
                                        QStringLiteral("service_tier"),
                                        QStringLiteral("prompt_cache_key"),
                                        QStringLiteral("safety_identifier"),
                                        QStringLiteral("stream") };
    return fields;
}

class Translator
{
public:
    std::optional<GatewayError> error;

    bool fail(const QString& param, const QString& message)
    {
        error = GatewayError::badRequest(message, param, QByteArrayLiteral("unsupported_parameter"));
        return false;
    }

    bool invalid(const QString& param, const QString& message)
    {
        error = GatewayError::badRequest(message, param);
        return false;
    }

    // One content part of a message item, as its chat equivalent.
    bool part(const QJsonValue& value, const QString& param, QJsonArray& out)
    {
        const QJsonObject part = value.toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("input_text") || type == QLatin1String("output_text")) {
            out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                     { QStringLiteral("text"), part.value(QLatin1String("text")) } });
            return true;
        }
        if (type == QLatin1String("refusal")) {
            out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("refusal") },
                                     { QStringLiteral("refusal"), part.value(QLatin1String("refusal")) } });
            return true;
        }
        if (type == QLatin1String("input_image")) {
            const QJsonValue url = part.value(QLatin1String("image_url"));
            if (!url.isString()) {
                return fail(param + QStringLiteral(".image_url"),
                            QCoreApplication::translate(
                                "ResponsesRequest",
                                "%1 needs image_url (a URL or data URL); an uploaded file_id cannot be sent to a "
                                "chat completions model.")
                                .arg(param));
            }
            QJsonObject image { { QStringLiteral("url"), url } };
            if (part.contains(QLatin1String("detail"))) {
                image.insert(QStringLiteral("detail"), part.value(QLatin1String("detail")));
            }
            out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("image_url") },
                                     { QStringLiteral("image_url"), image } });
            return true;
        }
        if (type == QLatin1String("input_file")) {
            if (part.contains(QLatin1String("file_url"))) {
                return fail(param + QStringLiteral(".file_url"),
                            QCoreApplication::translate(
                                "ResponsesRequest",
                                "%1: a file by URL cannot be sent to a chat completions model; send file_data.")
                                .arg(param));
            }
            QJsonObject file;
            for (const char* key : { "file_data", "file_id", "filename" }) {
                if (part.contains(QLatin1String(key))) {
                    file.insert(QLatin1String(key), part.value(QLatin1String(key)));
                }
            }
            out.append(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("file") }, { QStringLiteral("file"), file } });
            return true;
        }
        return fail(
            param + QStringLiteral(".type"),
            QCoreApplication::translate("ResponsesRequest", "%1.type \"%2\" cannot be translated to chat completions.")
                .arg(param, type));
    }

    bool message(const QJsonObject& item, const QString& param, QJsonArray& messages)
    {
        const QString role = item.value(QLatin1String("role")).toString();
        static const QSet<QString> roles { QStringLiteral("user"), QStringLiteral("system"),
                                           QStringLiteral("developer"), QStringLiteral("assistant") };
        if (!roles.contains(role)) {
            return invalid(
                param + QStringLiteral(".role"),
                QCoreApplication::translate("ResponsesRequest",
                                            "%1.role must be \"user\", \"system\", \"developer\" or \"assistant\".")
                    .arg(param));
        }
        const QJsonValue content = item.value(QLatin1String("content"));
        QJsonObject message { { QStringLiteral("role"), role } };
        if (content.isString()) {
            message.insert(QStringLiteral("content"), content);
        } else if (content.isArray()) {
            QJsonArray parts;
            const QJsonArray list = content.toArray();
            for (qsizetype j = 0; j < list.size(); ++j) {
                if (!part(list.at(j), param + QStringLiteral(".content[%1]").arg(j), parts)) {
                    return false;
                }
            }
            // An assistant's refusal is its own field in chat completions.
            if (role == QLatin1String("assistant")) {
                QJsonArray texts;
                for (const QJsonValue& entry : std::as_const(parts)) {
                    if (entry.toObject().value(QLatin1String("type")).toString() == QLatin1String("refusal")) {
                        message.insert(QStringLiteral("refusal"), entry.toObject().value(QLatin1String("refusal")));
                    } else {
                        texts.append(entry);
                    }
                }
                parts = texts;
            }
            message.insert(QStringLiteral("content"), parts);
        } else {
            return invalid(
                param + QStringLiteral(".content"),
                QCoreApplication::translate("ResponsesRequest", "%1.content must be a string or an array of parts.")
                    .arg(param));
        }
        messages.append(message);
        return true;
    }

    // Consecutive function calls (after an assistant message or not) are one assistant turn.
    bool functionCall(const QJsonObject& item, const QString& param, QJsonArray& messages)
    {
        const QJsonValue callId = item.value(QLatin1String("call_id"));
        const QJsonValue name = item.value(QLatin1String("name"));
        const QJsonValue arguments = item.value(QLatin1String("arguments"));
        if (!callId.isString() || !name.isString() || !arguments.isString()) {
            return invalid(
                param,
                QCoreApplication::translate("ResponsesRequest", "%1 needs call_id, name and arguments as strings.")
                    .arg(param));
        }
        const QJsonObject call { { QStringLiteral("id"), callId },
                                 { QStringLiteral("type"), QStringLiteral("function") },
                                 { QStringLiteral("function"),
                                   QJsonObject { { QStringLiteral("name"), name },
                                                 { QStringLiteral("arguments"), arguments } } } };
        QJsonObject last = messages.isEmpty() ? QJsonObject() : messages.last().toObject();
        if (last.value(QLatin1String("role")).toString() == QLatin1String("assistant")) {
            QJsonArray calls = last.value(QLatin1String("tool_calls")).toArray();
            calls.append(call);
            last.insert(QStringLiteral("tool_calls"), calls);
            messages.replace(messages.size() - 1, last);
        } else {
            messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                                          { QStringLiteral("content"), QJsonValue() },
                                          { QStringLiteral("tool_calls"), QJsonArray { call } } });
        }
        return true;
    }

    bool functionOutput(const QJsonObject& item, const QString& param, QJsonArray& messages)
    {
        const QJsonValue callId = item.value(QLatin1String("call_id"));
        const QJsonValue output = item.value(QLatin1String("output"));
        if (!callId.isString()) {
            return invalid(param + QStringLiteral(".call_id"),
                           QCoreApplication::translate("ResponsesRequest", "%1.call_id must be a string.").arg(param));
        }
        QJsonValue content = output;
        if (output.isArray()) {
            QJsonArray parts;
            const QJsonArray list = output.toArray();
            for (qsizetype j = 0; j < list.size(); ++j) {
                if (!part(list.at(j), param + QStringLiteral(".output[%1]").arg(j), parts)) {
                    return false;
                }
            }
            content = parts;
        } else if (!output.isString()) {
            return invalid(
                param + QStringLiteral(".output"),
                QCoreApplication::translate("ResponsesRequest", "%1.output must be a string or an array of parts.")
                    .arg(param));
        }
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("tool") },
                                      { QStringLiteral("tool_call_id"), callId },
                                      { QStringLiteral("content"), content } });
        return true;
    }

    bool input(const QJsonValue& input, QJsonArray& messages)
    {
        if (input.isString()) {
            messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                          { QStringLiteral("content"), input } });
            return true;
        }
        const QJsonArray items = input.toArray();
        if (!input.isArray() || items.isEmpty()) {
            return invalid(QStringLiteral("input"),
                           QCoreApplication::translate("ResponsesRequest",
                                                       "input must be a string or a non-empty array of items."));
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString param = QStringLiteral("input[%1]").arg(i);
            const QJsonObject item = items.at(i).toObject();
            if (!items.at(i).isObject()) {
                return invalid(param,
                               QCoreApplication::translate("ResponsesRequest", "%1 must be an object.").arg(param));
            }
            const QString type = item.value(QLatin1String("type")).toString(QStringLiteral("message"));
            bool ok = true;
            if (type == QLatin1String("message")) {
                ok = message(item, param, messages);
            } else if (type == QLatin1String("function_call")) {
                ok = functionCall(item, param, messages);
            } else if (type == QLatin1String("function_call_output")) {
                ok = functionOutput(item, param, messages);
            } else if (type == QLatin1String("reasoning")) {
                if (!item.value(QLatin1String("id")).toString().startsWith(kOwnReasoningPrefix)) {
                    return fail(param,
                                QCoreApplication::translate(
                                    "ResponsesRequest",
                                    "%1: a reasoning item from another service (encrypted content) cannot be "
                                    "sent to a chat completions model.")
                                    .arg(param));
                }
            } else {
                return fail(param + QStringLiteral(".type"),
                            QCoreApplication::translate("ResponsesRequest",
                                                        "%1.type \"%2\" cannot be translated to chat completions.")
                                .arg(param, type));
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    bool tools(const QJsonValue& value, QJsonObject& chat)
    {
        const QJsonArray list = value.toArray();
        if (!value.isArray()) {
            return invalid(QStringLiteral("tools"),
                           QCoreApplication::translate("ResponsesRequest", "tools must be an array."));
        }
        QJsonArray out;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject tool = list.at(i).toObject();
            const QString type = tool.value(QLatin1String("type")).toString();
            const QString param = QStringLiteral("tools[%1]").arg(i);
            if (isWebSearch(type)) {
                if (!webSearch(tool, param, chat)) {
                    return false;
                }
                continue;
            }
            if (type != QLatin1String("function")) {
                return fail(param + QStringLiteral(".type"),
                            QCoreApplication::translate(
                                "ResponsesRequest",
                                "%1.type \"%2\": only function tools can be translated to chat completions.")
                                .arg(param, type));
            }
            if (!tool.value(QLatin1String("name")).isString()) {
                return invalid(param + QStringLiteral(".name"),
                               QCoreApplication::translate("ResponsesRequest", "%1.name must be a string.").arg(param));
            }
            QJsonObject function;
            for (const char* key : { "name", "description", "parameters", "strict" }) {
                if (tool.contains(QLatin1String(key))) {
                    function.insert(QLatin1String(key), tool.value(QLatin1String(key)));
                }
            }
            out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                                     { QStringLiteral("function"), function } });
        }
        if (!out.isEmpty()) {
            chat.insert(QStringLiteral("tools"), out);
        }
        return true;
    }

    static bool isWebSearch(const QString& type)
    {
        return type == QLatin1String("web_search") || type == QLatin1String("web_search_preview")
            || type.startsWith(QLatin1String("web_search_20")) || type.startsWith(QLatin1String("web_search_preview_"));
    }

    // The hosted web search tool as chat completions' web_search_options (OpenAI's search models
    // search for every such request; Claude gets its own web search tool): context size and
    // approximate location carry over, domain filters do not.
    bool webSearch(const QJsonObject& tool, const QString& param, QJsonObject& chat)
    {
        if (chat.contains(QLatin1String("web_search_options"))) {
            return fail(param,
                        QCoreApplication::translate("ResponsesRequest",
                                                    "%1: only one web search tool can be translated to chat "
                                                    "completions.")
                            .arg(param));
        }
        QJsonObject options;
        for (auto it = tool.constBegin(); it != tool.constEnd(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("type") || it.value().isNull()) {
                continue;
            }
            if (key == QLatin1String("search_context_size")) {
                options.insert(key, it.value());
            } else if (key == QLatin1String("user_location")) {
                QJsonObject approximate = it.value().toObject();
                if (approximate.value(QLatin1String("type")).toString(QStringLiteral("approximate"))
                    != QLatin1String("approximate")) {
                    return fail(param + QStringLiteral(".user_location.type"),
                                QCoreApplication::translate("ResponsesRequest",
                                                            "%1.user_location.type: only \"approximate\" can be "
                                                            "translated to chat completions.")
                                    .arg(param));
                }
                approximate.remove(QStringLiteral("type"));
                options.insert(key,
                               QJsonObject { { QStringLiteral("type"), QStringLiteral("approximate") },
                                             { QStringLiteral("approximate"), approximate } });
            } else {
                return fail(param + QLatin1Char('.') + key,
                            QCoreApplication::translate("ResponsesRequest",
                                                        "%1.%2 of a web search cannot be translated to chat "
                                                        "completions.")
                                .arg(param, key));
            }
        }
        chat.insert(QStringLiteral("web_search_options"), options);
        return true;
    }

    bool toolChoice(const QJsonValue& value, QJsonObject& chat)
    {
        if (value.isString()) {
            chat.insert(QStringLiteral("tool_choice"), value);
            return true;
        }
        const QJsonObject choice = value.toObject();
        if (choice.value(QLatin1String("type")).toString() == QLatin1String("function")
            && choice.value(QLatin1String("name")).isString()) {
            chat.insert(
                QStringLiteral("tool_choice"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                              { QStringLiteral("function"),
                                QJsonObject { { QStringLiteral("name"), choice.value(QLatin1String("name")) } } } });
            return true;
        }
        return fail(QStringLiteral("tool_choice"),
                    QCoreApplication::translate(
                        "ResponsesRequest",
                        "tool_choice: only \"auto\", \"none\", \"required\" or a function can be translated to chat "
                        "completions."));
    }

    // What the client asks the response to include: token log probabilities map to chat's
    // logprobs; the rest (encrypted reasoning, search results ...) has no chat equivalent.
    bool include(const QJsonValue& value, QJsonObject& chat)
    {
        if (value.isNull()) {
            return true;
        }
        if (!value.isArray()) {
            return invalid(QStringLiteral("include"),
                           QCoreApplication::translate("ResponsesRequest", "include must be an array of strings."));
        }
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString item = items.at(i).toString();
            if (item == QLatin1String("message.output_text.logprobs")) {
                chat.insert(QStringLiteral("logprobs"), true);
                continue;
            }
            if (item == QLatin1String("reasoning.encrypted_content")) {
                // Stateless reasoning as Codex asks for it: a chat upstream keeps no reasoning state
                // to encrypt, so reasoning items carry their text and encrypted_content null.
                continue;
            }
            const QString param = QStringLiteral("include[%1]").arg(i);
            return fail(param,
                        QCoreApplication::translate("ResponsesRequest",
                                                    "%1: \"%2\" asks for output that a chat completions model does "
                                                    "not give.")
                            .arg(param, item));
        }
        return true;
    }

    bool text(const QJsonValue& value, QJsonObject& chat)
    {
        const QJsonObject text = value.toObject();
        for (auto it = text.constBegin(); it != text.constEnd(); ++it) {
            if (it.key() == QLatin1String("verbosity")) {
                chat.insert(QStringLiteral("verbosity"), it.value());
            } else if (it.key() != QLatin1String("format")) {
                return fail(
                    QStringLiteral("text.") + it.key(),
                    QCoreApplication::translate("ResponsesRequest", "text.%1 cannot be translated to chat completions.")
                        .arg(it.key()));
            }
        }
        if (!text.contains(QLatin1String("format"))) {
            return true;
        }
        const QJsonObject format = text.value(QLatin1String("format")).toObject();
        const QString type = format.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            return true;
        }
        if (type == QLatin1String("json_object")) {
            chat.insert(QStringLiteral("response_format"), QJsonObject { { QStringLiteral("type"), type } });
            return true;
        }
        if (type == QLatin1String("json_schema")) {
            if (!format.value(QLatin1String("name")).isString() || !format.value(QLatin1String("schema")).isObject()) {
                return invalid(
                    QStringLiteral("text.format"),
                    QCoreApplication::translate("ResponsesRequest",
                                                "text.format of type json_schema needs a name and a schema object."));
            }
            QJsonObject schema;
            for (const char* key : { "name", "schema", "strict", "description" }) {
                if (format.contains(QLatin1String(key))) {
                    schema.insert(QLatin1String(key), format.value(QLatin1String(key)));
                }
            }
            chat.insert(QStringLiteral("response_format"),
                        QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("json_schema"), schema } });
            return true;
        }
        return invalid(
            QStringLiteral("text.format.type"),
            QCoreApplication::translate("ResponsesRequest",
                                        "text.format.type must be \"text\", \"json_object\" or \"json_schema\"."));
    }

    bool reasoning(const QJsonValue& value, QJsonObject& chat)
    {
        const QJsonObject reasoning = value.toObject();
        for (auto it = reasoning.constBegin(); it != reasoning.constEnd(); ++it) {
            if (it.key() == QLatin1String("effort")) {
                if (!it.value().isNull()) {
                    chat.insert(QStringLiteral("reasoning_effort"), it.value());
                }
            } else if (it.key() != QLatin1String("summary") && it.key() != QLatin1String("generate_summary")) {
                return fail(QStringLiteral("reasoning.") + it.key(),
                            QCoreApplication::translate("ResponsesRequest",
                                                        "reasoning.%1 cannot be translated to chat completions.")
                                .arg(it.key()));
            }
        }
        return true;
    }
};
} // namespace

ResponsesRequest ResponsesRequest::fromJson(const QByteArray& bytes, const ResponsesStore* store)
{
    ResponsesRequest out;
    QString reason;
    const QJsonDocument document = WireJson::parse(bytes, &reason);
    if (!document.isObject()) {
        out.error = GatewayError::badRequest(
            document.isNull()
                ? QCoreApplication::translate("GatewayRequest", "The request body is not valid JSON: %1.").arg(reason)
                : QCoreApplication::translate("GatewayRequest", "The request body must be a JSON object."),
            {}, QByteArrayLiteral("invalid_json"));
        return out;
    }
    const QJsonObject body = document.object();
    Translator translate;
    QJsonObject chat;
    QJsonArray messages;
    const QJsonValue instructions = body.value(QLatin1String("instructions"));
    if (instructions.isString() && !instructions.toString().isEmpty()) {
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                                      { QStringLiteral("content"), instructions } });
    } else if (!instructions.isUndefined() && !instructions.isNull() && !instructions.isString()) {
        out.error = GatewayError::badRequest(tr("instructions must be a string."), QStringLiteral("instructions"));
        return out;
    }
    if (!body.contains(QLatin1String("input"))) {
        out.error = GatewayError::badRequest(tr("input is required."), QStringLiteral("input"));
        return out;
    }
    // A stored conversation goes first, as OpenAI continues one (its instructions are not carried over).
    const QJsonValue previous = body.value(QLatin1String("previous_response_id"));
    if (previous.isString() && store) {
        out.previousId = previous.toString();
        const std::optional<QJsonArray> conversation = store->conversation(out.previousId);
        if (!conversation) {
            out.error = GatewayError::badRequest(tr("Previous response with id '%1' not found.").arg(out.previousId),
                                                 QStringLiteral("previous_response_id"),
                                                 QByteArrayLiteral("previous_response_not_found"));
            return out;
        }
        if (!conversation->isEmpty() && !translate.input(*conversation, messages)) {
            out.error = translate.error;
            return out;
        }
    } else if (!previous.isUndefined() && !previous.isNull() && !previous.isString()) {
        out.error = GatewayError::badRequest(tr("previous_response_id must be a string."),
                                             QStringLiteral("previous_response_id"));
        return out;
    }
    const QJsonValue input = body.value(QLatin1String("input"));
    bool ok = translate.input(input, messages);
    // What this request adds to the conversation, as the API keeps input items.
    out.input = input.isString() ? QJsonArray { QJsonObject {
                    { QStringLiteral("type"), QStringLiteral("message") },
                    { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"),
                      QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("input_text") },
                                                 { QStringLiteral("text"), input } } } } } }
                                 : input.toArray();
    out.store = body.value(QLatin1String("store")).toBool(true);
    for (auto it = body.constBegin(); ok && it != body.constEnd(); ++it) {
        const QString& key = it.key();
        const QJsonValue& value = it.value();
        if (key == QLatin1String("input") || key == QLatin1String("instructions")) {
            continue;
        }
        if (sameNameFields().contains(key)) {
            chat.insert(key, value);
        } else if (key == QLatin1String("max_output_tokens")) {
            if (!value.isNull()) {
                chat.insert(QStringLiteral("max_completion_tokens"), value);
            }
        } else if (key == QLatin1String("tools")) {
            ok = translate.tools(value, chat);
        } else if (key == QLatin1String("tool_choice")) {
            ok = translate.toolChoice(value, chat);
        } else if (key == QLatin1String("text")) {
            ok = translate.text(value, chat);
        } else if (key == QLatin1String("reasoning")) {
            ok = value.isNull() || translate.reasoning(value, chat);
        } else if (key == QLatin1String("truncation")) {
            ok = value.isNull() || value.toString() == QLatin1String("disabled")
                || translate.fail(key, tr("truncation \"auto\" cannot be translated to chat completions."));
        } else if (key == QLatin1String("include")) {
            ok = translate.include(value, chat);
        } else if (key == QLatin1String("top_logprobs")) {
            ok = value.isDouble() || translate.fail(key, tr("top_logprobs must be a number from 0 to 20."));
            chat.insert(key, value);
        } else if (key == QLatin1String("previous_response_id")) {
            ok = value.isNull() || store
                || translate.fail(key, tr("%1: stored responses are not kept here; send the whole input.").arg(key));
        } else if (key == QLatin1String("conversation")) {
            ok = value.isNull()
                || translate.fail(key,
                                  tr("%1: the Conversations API is not served here; use previous_response_id "
                                     "or send the whole input.")
                                      .arg(key));
        } else if (key == QLatin1String("background")) {
            ok = !value.toBool() || translate.fail(key, tr("background responses are not supported here."));
        } else if (key == QLatin1String("stream_options")) {
            // include_obfuscation only: the gateway pads nothing.
            ok = value.isNull() || value.toObject().keys() == QStringList { QStringLiteral("include_obfuscation") }
                || translate.fail(key, tr("stream_options: only include_obfuscation is understood here."));
        } else {
            ok = translate.fail(key, tr("%1 cannot be translated to chat completions.").arg(key));
        }
        if (!ok) {
            break;
        }
    }
    if (!ok) {
        out.error = translate.error;
        return out;
    }
    out.stream = body.value(QLatin1String("stream")).toBool();
    if (out.stream) {
        chat.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    }
    chat.insert(QStringLiteral("messages"), messages);
    out.chatBody = QJsonDocument(chat).toJson(QJsonDocument::Compact);
    for (const char* key :
         { "instructions", "max_output_tokens", "metadata", "parallel_tool_calls", "previous_response_id", "reasoning",
           "store", "temperature", "text", "tool_choice", "tools", "top_p", "user" }) {
        if (body.contains(QLatin1String(key))) {
            out.echo.insert(QLatin1String(key), body.value(QLatin1String(key)));
        }
    }
    return out;
}
