#include "core/sandbox/SandboxWire.h"

#include "core/common/JsonText.h"
#include "core/common/RequestNeeds.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace SandboxWire {

namespace {

QString textOf(const QJsonValue& content)
{
    if (content.isString()) {
        return content.toString();
    }
    QString text;
    for (const QJsonValue& part : content.toArray()) {
        const QJsonObject block = part.toObject();
        if (block.value(QLatin1String("type")).toString() == QLatin1String("text")) {
            text += block.value(QLatin1String("text")).toString();
        }
    }
    return text;
}

struct Shape
{
    QByteArray type;
    QByteArray code; // OpenAI only; empty = null
    QByteArray message;
    QByteArray param;
};

Shape openAiShape(int status, const QByteArray& code)
{
    if (code == "insufficient_quota" || (code.isEmpty() && status == 402)) {
        return { "insufficient_quota",
                 "insufficient_quota",
                 "You exceeded your current quota, please check your plan and billing details. (sandbox)",
                 {} };
    }
    if (code == "rate_limit_exceeded" || (code.isEmpty() && status == 429)) {
        return { "requests",
                 "rate_limit_exceeded",
                 "Rate limit reached for requests per min (RPM). Please try again later. (sandbox)",
                 {} };
    }
    if (code == "context_length_exceeded") {
        return { "invalid_request_error", code, "This model's maximum context length was exceeded. (sandbox)",
                 "messages" };
    }
    if (code == "invalid_api_key" || (code.isEmpty() && status == 401)) {
        return { "invalid_request_error", "invalid_api_key", "Incorrect API key provided. (sandbox)", {} };
    }
    if (code == "model_not_found" || (code.isEmpty() && status == 404)) {
        return {
            "invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it.", {}
        };
    }
    if (status == 403) {
        return { "invalid_request_error",
                 code.isEmpty() ? QByteArray("permission_denied") : code,
                 "You are not allowed to use this model. (sandbox)",
                 {} };
    }
    if (status == 503 || status == 529) {
        return { "server_error",
                 code,
                 "That model is currently overloaded with other requests. You can retry your request. (sandbox)",
                 {} };
    }
    if (status >= 500) {
        return { "server_error", code, "The server had an error while processing your request. Sorry about that!", {} };
    }
    return { "invalid_request_error", code, "Invalid request. (sandbox)", {} };
}

Shape anthropicShape(int status, const QByteArray& code)
{
    if (code.endsWith("_error")) {
        return { code, {}, "Simulated " + code + " (sandbox)", {} };
    }
    if (code == "insufficient_quota" || (code.isEmpty() && status == 402)) {
        return { "billing_error", {}, "Your credit balance is too low to access the Anthropic API. (sandbox)", {} };
    }
    if (code == "rate_limit_exceeded" || (code.isEmpty() && status == 429)) {
        return { "rate_limit_error",
                 {},
                 "This request would exceed your account's rate limit. Please try again later. (sandbox)",
                 {} };
    }
    if (code == "context_length_exceeded") {
        return { "invalid_request_error", {}, "prompt is too long (sandbox)", {} };
    }
    if (code == "invalid_api_key" || (code.isEmpty() && status == 401)) {
        return { "authentication_error", {}, "invalid x-api-key", {} };
    }
    if (code == "model_not_found" || (code.isEmpty() && status == 404)) {
        return { "not_found_error", {}, "model not found", {} };
    }
    switch (status) {
    case 403:
        return { "permission_error", {}, "Your API key does not have permission to use the specified resource.", {} };
    case 413:
        return { "request_too_large", {}, "Request exceeds the maximum allowed number of bytes.", {} };
    case 504:
        return { "timeout_error", {}, "Request timed out (sandbox)", {} };
    case 529:
        return { "overloaded_error", {}, "Overloaded", {} };
    default:
        break;
    }
    if (status >= 500) {
        return { "api_error", {}, "Internal server error (sandbox)", {} };
    }
    return { "invalid_request_error", {}, "Invalid request (sandbox)", {} };
}

QJsonValue nullable(const QByteArray& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromUtf8(text));
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

bool parseRequest(Wire wire, const QByteArray& body, Call* call, QByteArray* errorMessage, Purpose purpose)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *errorMessage = "We could not parse the JSON body of your request.";
        return false;
    }
    const QJsonObject root = document.object();
    call->model = root.value(QLatin1String("model")).toString();
    // Azure takes the deployment from the URL; a model in the body is ignored there.
    if (call->model.isEmpty() && wire != Wire::Azure) {
        *errorMessage = wire == Wire::Anthropic ? "model: Field required" : "you must provide a model parameter";
        return false;
    }
    const QJsonValue messages = root.value(QLatin1String("messages"));
    if (!messages.isArray()) {
        *errorMessage
            = wire == Wire::Anthropic ? "messages: Field required" : "Missing required parameter: 'messages'.";
        return false;
    }
    call->stream = root.value(QLatin1String("stream")).toBool(false);
    call->includeUsage
        = root.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool(false);
    const QJsonValue maxTokens = root.contains(QLatin1String("max_completion_tokens"))
        ? root.value(QLatin1String("max_completion_tokens"))
        : root.value(QLatin1String("max_tokens"));
    if (wire == Wire::Anthropic && purpose == Purpose::Answer && !maxTokens.isDouble()) {
        *errorMessage = "max_tokens: Field required";
        return false;
    }
    call->maxTokens = maxTokens.toInt(0);
    if (wire != Wire::Anthropic && root.value(QLatin1String("logprobs")).toBool()) {
        call->topLogprobs = qBound(0, root.value(QLatin1String("top_logprobs")).toInt(0), 20);
    }
    call->sentMaxTokens = root.contains(QLatin1String("max_tokens"));
    for (const auto& [name, field] :
         { std::pair { "temperature", &call->temperature }, std::pair { "top_p", &call->topP } }) {
        const QJsonValue value = root.value(QLatin1String(name));
        *field = value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
    }

    if (wire != Wire::Anthropic) {
        call->reasoningEffort = root.value(QLatin1String("reasoning_effort")).toString();
    } else if (root.contains(QLatin1String("thinking"))) {
        // Anthropic's answers to a thinking request it cannot take (extended thinking's documented limits).
        const QJsonObject thinking = root.value(QLatin1String("thinking")).toObject();
        const QString type = thinking.value(QLatin1String("type")).toString();
        const QJsonValue budget = thinking.value(QLatin1String("budget_tokens"));
        if (type == QLatin1String("enabled")) {
            if (!budget.isDouble()) {
                *errorMessage = "thinking.enabled.budget_tokens: Field required";
                return false;
            }
            if (budget.toInt() < 1024) {
                *errorMessage = "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024";
                return false;
            }
            if (purpose == Purpose::Answer && call->maxTokens <= budget.toInt()) {
                *errorMessage = "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our "
                                "documentation at https://docs.claude.com/en/docs/build-with-claude/"
                                "extended-thinking#max-tokens-and-context-window-size";
                return false;
            }
            if (call->temperature && *call->temperature != 1) {
                *errorMessage = "`temperature` may only be set to 1 when thinking is enabled. Please consult our "
                                "documentation at https://docs.claude.com/en/docs/build-with-claude/"
                                "extended-thinking#feature-compatibility";
                return false;
            }
            call->thinkingBudget = budget.toInt();
        } else if (type != QLatin1String("disabled")) {
            *errorMessage = "thinking: Input tag '" + type.toUtf8()
                + "' found using 'type' does not match any of the expected tags: 'disabled', 'enabled'";
            return false;
        }
    }

    call->promptText = wire == Wire::Anthropic ? textOf(root.value(QLatin1String("system"))) : QString();
    call->lastUserText.clear();
    for (const QJsonValue& value : messages.toArray()) {
        const QJsonObject message = value.toObject();
        const QString text = textOf(message.value(QLatin1String("content")));
        call->promptText += text;
        if (message.value(QLatin1String("role")).toString() == QLatin1String("user")) {
            call->lastUserText = text;
        }
    }
    call->size = PromptSize::ofBody(
        body, wire == Wire::Anthropic ? ProviderKind::AnthropicMessages : ProviderKind::OpenAiCompatible);
    call->promptTokens = estimateTokens(call->promptText) + call->size.imageTokens;
    call->ask = SandboxAnswer::read(root, wire == Wire::Anthropic);
    return true;
}

QByteArray anthropicTokenCount(qint64 inputTokens)
{
    return compact({ { QStringLiteral("input_tokens"), inputTokens } });
}

QByteArray errorBody(Wire wire, int status, const QByteArray& code, const QByteArray& message)
{
    if (wire == Wire::Anthropic) {
        const Shape shape = anthropicShape(status, code);
        QJsonObject error { { QStringLiteral("type"), QString::fromUtf8(shape.type) },
                            { QStringLiteral("message"),
                              QString::fromUtf8(message.isEmpty() ? shape.message : message) } };
        return compact({ { QStringLiteral("type"), QStringLiteral("error") }, { QStringLiteral("error"), error } });
    }
    const Shape shape = openAiShape(status, code);
    QJsonObject error { { QStringLiteral("message"), QString::fromUtf8(message.isEmpty() ? shape.message : message) },
                        { QStringLiteral("type"), QString::fromUtf8(shape.type) },
                        { QStringLiteral("param"), nullable(shape.param) },
                        { QStringLiteral("code"), nullable(shape.code) } };
    return compact({ { QStringLiteral("error"), error } });
}

QJsonObject azureFilterResults(bool answerFiltered)
{
    const auto category = [](bool filtered, const char* severity) {
        return QJsonObject { { QStringLiteral("filtered"), filtered },
                             { QStringLiteral("severity"), QLatin1String(severity) } };
    };
    return { { QStringLiteral("hate"), category(false, "safe") },
             { QStringLiteral("self_harm"), category(false, "safe") },
             { QStringLiteral("sexual"), category(false, "safe") },
             { QStringLiteral("violence"), answerFiltered ? category(true, "high") : category(false, "safe") } };
}

QJsonArray azurePromptFilterResults()
{
    QJsonObject results = azureFilterResults(false);
    results.insert(QStringLiteral("jailbreak"),
                   QJsonObject { { QStringLiteral("filtered"), false }, { QStringLiteral("detected"), false } });
    return { QJsonObject { { QStringLiteral("prompt_index"), 0 },
                           { QStringLiteral("content_filter_results"), results } } };
}

QByteArray azureCompletion(const QByteArray& id, const QString& model, qint64 created, const SandboxText::Reply& reply,
                           qint64 promptTokens, bool withUsage, bool filtered)
{
    QJsonObject root
        = QJsonDocument::fromJson(openAiCompletion(id, model, created, reply, promptTokens, withUsage)).object();
    QJsonArray choices = root.value(QLatin1String("choices")).toArray();
    QJsonObject choice = choices.first().toObject();
    choice.insert(QStringLiteral("content_filter_results"), azureFilterResults(filtered));
    if (filtered) {
        QJsonObject message = choice.value(QLatin1String("message")).toObject();
        message.insert(QStringLiteral("content"), QJsonValue::Null);
        message.remove(QStringLiteral("tool_calls"));
        choice.insert(QStringLiteral("message"), message);
        choice.insert(QStringLiteral("finish_reason"), QStringLiteral("content_filter"));
    }
    choices.replace(0, choice);
    root.insert(QStringLiteral("choices"), choices);
    root.insert(QStringLiteral("prompt_filter_results"), azurePromptFilterResults());
    return compact(root); // QJsonObject writes its keys sorted, as Azure does
}

QByteArray azurePromptFilterEvent()
{
    return sseData({ { QStringLiteral("choices"), QJsonArray() },
                     { QStringLiteral("created"), 0 },
                     { QStringLiteral("id"), QString() },
                     { QStringLiteral("model"), QString() },
                     { QStringLiteral("object"), QString() },
                     { QStringLiteral("prompt_filter_results"), azurePromptFilterResults() } });
}

QByteArray azureErrorBody(int status, const QByteArray& code, int retryAfterSec)
{
    if (code == "content_filter") {
        // tests/data/wire-next/azure-openai-error-400-content-filter.json, key order included.
        return QByteArrayLiteral(
            R"({"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content )"
            R"(management policy. Please modify your prompt and retry. To learn more about our content filtering )"
            R"(policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766","type":null,)"
            R"("param":"prompt","code":"content_filter","status":400,"innererror":{"code":)"
            R"("ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},)"
            R"("jailbreak":{"filtered":true,"detected":true},"self_harm":{"filtered":false,"severity":"safe"},)"
            R"("sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}}}})");
    }
    QString message;
    QString errorCode = code.isEmpty() ? QString::number(status) : QString::fromUtf8(code);
    if (status == 429) {
        // tests/data/wire-next/azure-openai-error-429.json: the wait is only in the prose.
        message = QStringLiteral("Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
                                 "2024-10-21 have exceeded token rate limit of your current AIServices S0 pricing "
                                 "tier. Please retry after %1 seconds. Please contact Azure support service if you "
                                 "would like to further increase the default rate limit.")
                      .arg(retryAfterSec >= 0 ? retryAfterSec : 60);
    } else if (status == 401 && code == "invalid_token") {
        // A bearer token Azure does not take (expired, revoked, another audience).
        errorCode = QStringLiteral("401");
        message = QStringLiteral("Unauthorized. Access token is missing, invalid, audience is incorrect "
                                 "(https://cognitiveservices.azure.com), or have expired.");
    } else if (status == 401) {
        message = QStringLiteral("Access denied due to invalid subscription key or wrong API endpoint. Make sure to "
                                 "provide a valid key for an active subscription and use a correct regional API "
                                 "endpoint for your resource.");
    } else if (status == 404 && code == "DeploymentNotFound") {
        message = QStringLiteral("The API deployment for this resource does not exist. If you created the deployment "
                                 "within the last 5 minutes, please wait a moment and try again.");
    } else if (status == 404) {
        message = QStringLiteral("Resource not found");
    } else if (status >= 500) {
        message = QStringLiteral("The server had an error while processing your request. Sorry about that! (sandbox)");
    } else {
        message = QStringLiteral("Invalid request. (sandbox)");
    }
    // Azure writes code before message here.
    QByteArray body = "{\"error\":{\"code\":";
    JsonText::appendString(body, errorCode);
    body += ",\"message\":";
    JsonText::appendString(body, message);
    body += "}}";
    return body;
}

QByteArray textOnlyRefusal(const QByteArray& body)
{
    // DeepSeek's deserializer stops at the first image part: the message's index, and the line and
    // column just past the "image_url" it did not expect (bodies here are one line).
    QString message = QStringLiteral("0");
    const RequestNeeds needs = RequestNeeds::ofBody(body, ProviderKind::OpenAiCompatible);
    for (const RequestNeeds::Need& need : needs.needs) {
        if (need.capability == ModelCapability::Vision) {
            message = need.field.section(QLatin1Char('['), 1, 1).section(QLatin1Char(']'), 0, 0);
        }
    }
    const qsizetype at = body.indexOf("\"image_url\"");
    const qsizetype column = at < 0 ? 1 : at + qsizetype(sizeof("\"image_url\"")) - 1;
    const QJsonObject error {
        { QStringLiteral("message"),
          QStringLiteral("Failed to deserialize the JSON body into the target type: messages[%1]: unknown variant "
                         "`image_url`, expected `text` at line 1 column %2")
              .arg(message)
              .arg(column) },
        { QStringLiteral("type"), QStringLiteral("invalid_request_error") },
        { QStringLiteral("param"), QJsonValue::Null },
        { QStringLiteral("code"), QStringLiteral("invalid_request_error") }
    };
    return compact({ { QStringLiteral("error"), error } });
}

bool isOpenAiReasoningModel(const QString& model)
{
    const QString name = model.toLower();
    return (name.startsWith(QLatin1String("gpt-5")) && !name.startsWith(QLatin1String("gpt-5-chat")))
        || name == QLatin1String("o1") || name == QLatin1String("o3") || name.startsWith(QLatin1String("o1-"))
        || name.startsWith(QLatin1String("o3-")) || name.startsWith(QLatin1String("o4-"));
}

int hiddenReasoningTokens(const QString& effort)
{
    static const QHash<QString, int> tokens { { QStringLiteral("minimal"), 0 },
                                              { QStringLiteral("low"), 128 },
                                              { QStringLiteral("medium"), 512 },
                                              { QStringLiteral("high"), 2048 } };
    return tokens.value(effort, -1);
}

QByteArray reasoningModelRefusal(const QString& model, const Call& call)
{
    const QString name = model.toLower();
    const bool reasoning = isOpenAiReasoningModel(model);
    auto refuse = [](const char* param, const char* code, const QString& message) {
        const QJsonObject error { { QStringLiteral("message"), message },
                                  { QStringLiteral("type"), QStringLiteral("invalid_request_error") },
                                  { QStringLiteral("param"), QLatin1String(param) },
                                  { QStringLiteral("code"), QLatin1String(code) } };
        return compact({ { QStringLiteral("error"), error } });
    };
    if (!reasoning) {
        // OpenAI's chat models (gpt-4.1, gpt-4o, gpt-5-chat) refuse an effort they cannot spend.
        if (!call.reasoningEffort.isEmpty() && name.startsWith(QLatin1String("gpt-"))) {
            return refuse(
                "reasoning_effort", "unsupported_parameter",
                QStringLiteral("Unsupported parameter: 'reasoning_effort' is not supported with this model."));
        }
        return {};
    }
    if (!call.reasoningEffort.isEmpty() && hiddenReasoningTokens(call.reasoningEffort) < 0) {
        return refuse("reasoning_effort", "invalid_value",
                      QStringLiteral("Invalid value: '%1'. Supported values are: 'minimal', 'low', 'medium', and "
                                     "'high'.")
                          .arg(call.reasoningEffort));
    }
    // The wording of OpenAI's own answers (fixtures/wire/openai-error-400-unsupported-parameter.json).
    if (call.sentMaxTokens) {
        return refuse("max_tokens", "unsupported_parameter",
                      QStringLiteral("Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                                     "'max_completion_tokens' instead."));
    }
    if (call.temperature && *call.temperature != 1) {
        return refuse("temperature", "unsupported_value",
                      QStringLiteral("Unsupported value: 'temperature' does not support %1 with this model. Only the "
                                     "default (1) value is supported.")
                          .arg(*call.temperature));
    }
    if (call.topP) {
        return refuse("top_p", "unsupported_parameter",
                      QStringLiteral("Unsupported parameter: 'top_p' is not supported with this model."));
    }
    return {};
}

QByteArray sseData(const QJsonObject& object)
{
    return "data: " + compact(object) + "\n\n";
}

QByteArray sseEvent(const QByteArray& name, const QJsonObject& object)
{
    return "event: " + name + "\ndata: " + compact(object) + "\n\n";
}

QJsonObject openAiUsage(qint64 promptTokens, const SandboxText::Reply& reply, qint64 cachedTokens)
{
    const qint64 completion = reply.tokenCount() + reply.hiddenReasoningTokens;
    return { { QStringLiteral("prompt_tokens"), promptTokens },
             { QStringLiteral("completion_tokens"), completion },
             { QStringLiteral("total_tokens"), promptTokens + completion },
             { QStringLiteral("prompt_tokens_details"),
               QJsonObject { { QStringLiteral("cached_tokens"), cachedTokens } } },
             { QStringLiteral("completion_tokens_details"),
               QJsonObject { { QStringLiteral("reasoning_tokens"),
                               qint64(reply.reasoning.size()) + reply.hiddenReasoningTokens } } } };
}

QJsonObject logprobEntry(const QString& token, int tokenIndex, int top)
{
    auto entry = [](const QString& text, double logprob) {
        QJsonArray bytes;
        for (const char byte : text.toUtf8()) {
            bytes.append(int(quint8(byte)));
        }
        return QJsonObject { { QStringLiteral("token"), text },
                             { QStringLiteral("logprob"), logprob },
                             { QStringLiteral("bytes"), bytes } };
    };
    const double logprob = -0.0005 * (1 + (tokenIndex * 7) % 40);
    QJsonArray alternatives;
    for (int k = 0; k < top; ++k) {
        alternatives.append(entry(k == 0 ? token : token + QString(k, u'~'), logprob - 1.5 * k));
    }
    QJsonObject result = entry(token, logprob);
    result.insert(QStringLiteral("top_logprobs"), alternatives);
    return result;
}

QJsonArray openAiAnnotations(const SandboxText::Reply& reply)
{
    if (reply.webSearches == 0 || !reply.toolName.isEmpty()) {
        return {};
    }
    // The search models cite the page their answer rests on: here the whole answer, in characters.
    const QString text = reply.text();
    const qsizetype end
        = text.size() - std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLowSurrogate(); });
    const QJsonObject citation { { QStringLiteral("end_index"), end },
                                 { QStringLiteral("start_index"), 0 },
                                 { QStringLiteral("title"),
                                   QStringLiteral("Sandbox result for: ") + reply.searchQuery },
                                 { QStringLiteral("url"), QStringLiteral("https://sandbox.invalid/search?q=1") } };
    return { QJsonObject { { QStringLiteral("type"), QStringLiteral("url_citation") },
                           { QStringLiteral("url_citation"), citation } } };
}

QByteArray openAiCompletion(const QByteArray& id, const QString& model, qint64 created, const SandboxText::Reply& reply,
                            qint64 promptTokens, bool withUsage, int topLogprobs, qint64 cachedTokens)
{
    const bool tool = !reply.toolName.isEmpty();
    QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") },
                          { QStringLiteral("content"), tool ? QJsonValue() : QJsonValue(reply.text()) },
                          { QStringLiteral("refusal"), QJsonValue::Null } };
    if (!reply.reasoning.isEmpty()) {
        message.insert(QStringLiteral("reasoning_content"), reply.reasoningText());
    }
    if (const QJsonArray annotations = openAiAnnotations(reply); !annotations.isEmpty()) {
        message.insert(QStringLiteral("annotations"), annotations);
    }
    if (tool) {
        message.insert(
            QStringLiteral("tool_calls"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), reply.toolCallId },
                                       { QStringLiteral("type"), QStringLiteral("function") },
                                       { QStringLiteral("function"),
                                         QJsonObject { { QStringLiteral("name"), reply.toolName },
                                                       { QStringLiteral("arguments"), reply.text() } } } } });
    }
    QJsonValue logprobs = QJsonValue::Null;
    if (topLogprobs >= 0 && !tool) {
        QJsonArray content;
        for (qsizetype i = 0; i < reply.pieces.size(); ++i) {
            content.append(logprobEntry(reply.pieces.at(i), int(i), topLogprobs));
        }
        logprobs
            = QJsonObject { { QStringLiteral("content"), content }, { QStringLiteral("refusal"), QJsonValue::Null } };
    }
    const QJsonObject choice { { QStringLiteral("index"), 0 },
                               { QStringLiteral("message"), message },
                               { QStringLiteral("logprobs"), logprobs },
                               { QStringLiteral("finish_reason"),
                                 tool ? "tool_calls" : (reply.truncated ? "length" : "stop") } };
    QJsonObject root { { QStringLiteral("id"), QString::fromLatin1(id) },
                       { QStringLiteral("object"), QStringLiteral("chat.completion") },
                       { QStringLiteral("created"), created },
                       { QStringLiteral("model"), model },
                       { QStringLiteral("choices"), QJsonArray { choice } },
                       { QStringLiteral("system_fingerprint"), QStringLiteral("fp_sandbox") } };
    if (withUsage) {
        root.insert(QStringLiteral("usage"), openAiUsage(promptTokens, reply, cachedTokens));
    }
    return compact(root);
}

QByteArray openAiPieceEvent(const QByteArray& id, const QString& model, qint64 created, const QString& piece,
                            bool reasoning, int topLogprobs, int tokenIndex)
{
    QByteArray out;
    out.reserve(200 + piece.size() * 2);
    out += "data: {\"id\":";
    JsonText::appendString(out, QByteArrayView(id));
    out += ",\"object\":\"chat.completion.chunk\",\"created\":" + QByteArray::number(created) + ",\"model\":";
    JsonText::appendString(out, model);
    out += ",\"system_fingerprint\":\"fp_sandbox\",\"choices\":[{\"index\":0,\"delta\":{";
    out += reasoning ? "\"content\":null,\"reasoning_content\":" : "\"content\":";
    JsonText::appendString(out, piece);
    if (topLogprobs >= 0 && !reasoning) {
        out += "},\"logprobs\":{\"content\":["
            + QJsonDocument(logprobEntry(piece, tokenIndex, topLogprobs)).toJson(QJsonDocument::Compact)
            + "],\"refusal\":null},\"finish_reason\":null}]}\n\n";
        return out;
    }
    out += "},\"logprobs\":null,\"finish_reason\":null}]}\n\n";
    return out;
}

QByteArray anthropicTextDeltaEvent(const QString& piece, int index)
{
    QByteArray out;
    out.reserve(120 + piece.size() * 2);
    out += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":";
    out += QByteArray::number(index);
    out += ",\"delta\":{\"type\":\"text_delta\",\"text\":";
    JsonText::appendString(out, piece);
    out += "}}\n\n";
    return out;
}

QByteArray openAiToolPieceEvent(const QByteArray& id, const QString& model, qint64 created,
                                const SandboxText::Reply& reply, const QString& piece, bool first)
{
    QJsonObject function { { QStringLiteral("arguments"), piece } };
    QJsonObject call { { QStringLiteral("index"), 0 } };
    if (first) {
        function.insert(QStringLiteral("name"), reply.toolName);
        call.insert(QStringLiteral("id"), reply.toolCallId);
        call.insert(QStringLiteral("type"), QStringLiteral("function"));
    }
    call.insert(QStringLiteral("function"), function);
    return sseData(
        openAiChunk(id, model, created, QJsonObject { { QStringLiteral("tool_calls"), QJsonArray { call } } }));
}

QByteArray anthropicToolPieceEvent(const QString& piece, int index)
{
    return sseEvent("content_block_delta",
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
                                  { QStringLiteral("index"), index },
                                  { QStringLiteral("delta"),
                                    QJsonObject { { QStringLiteral("type"), QStringLiteral("input_json_delta") },
                                                  { QStringLiteral("partial_json"), piece } } } });
}

QJsonObject anthropicBlockStart(const SandboxText::Reply& reply)
{
    const QJsonObject block = reply.toolName.isEmpty()
        ? QJsonObject { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), QString() } }
        : QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                        { QStringLiteral("id"), reply.toolCallId },
                        { QStringLiteral("name"), reply.toolName },
                        { QStringLiteral("input"), QJsonObject() } };
    return { { QStringLiteral("type"), QStringLiteral("content_block_start") },
             { QStringLiteral("index"), anthropicAnswerIndex(reply) },
             { QStringLiteral("content_block"), block } };
}

QByteArray anthropicAnswerStartEvents(const SandboxText::Reply& reply)
{
    return reply.toolName.isEmpty() ? anthropicTextBlockStartEvents(reply, 0)
                                    : sseEvent("content_block_start", anthropicBlockStart(reply));
}

int anthropicAnswerIndex(const SandboxText::Reply& reply)
{
    return (reply.reasoning.isEmpty() ? 0 : 1) + reply.webSearches * 2;
}

QList<AnthropicTextBlock> anthropicTextBlocks(const SandboxText::Reply& reply)
{
    if (!reply.toolName.isEmpty()) {
        return {};
    }
    const int pieces = int(reply.pieces.size());
    if (reply.webSearches == 0 || pieces < 2) {
        return { { 0, pieces, reply.webSearches > 0 } };
    }
    // As Claude answers (tests/data/citations): "Based on the search results, " uncited, then
    // what the result says with its citation, then the rest of the sentence uncited again.
    const int begin = qMax(1, pieces / 4);
    const int end = qMax(begin + 1, pieces / 2);
    QList<AnthropicTextBlock> blocks { { 0, begin, false }, { begin, end, true } };
    if (end < pieces) {
        blocks.append({ end, pieces, false });
    }
    return blocks;
}

QByteArray anthropicTextBlockStartEvents(const SandboxText::Reply& reply, int block)
{
    const QList<AnthropicTextBlock> blocks = anthropicTextBlocks(reply);
    const bool cited = block < blocks.size() && blocks.at(block).cited;
    const int index = anthropicAnswerIndex(reply) + block;
    QJsonObject text { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), QString() } };
    if (cited) {
        text.insert(QStringLiteral("citations"), QJsonArray());
    }
    QByteArray out = sseEvent("content_block_start",
                              QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_start") },
                                            { QStringLiteral("index"), index },
                                            { QStringLiteral("content_block"), text } });
    if (cited) {
        out += sseEvent("content_block_delta",
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
                                      { QStringLiteral("index"), index },
                                      { QStringLiteral("delta"),
                                        QJsonObject { { QStringLiteral("type"), QStringLiteral("citations_delta") },
                                                      { QStringLiteral("citation"), anthropicCitation(reply) } } } });
    }
    return out;
}

int anthropicLastAnswerIndex(const SandboxText::Reply& reply)
{
    return anthropicAnswerIndex(reply) + int(qMax<qsizetype>(1, anthropicTextBlocks(reply).size())) - 1;
}

QString anthropicSignature(const SandboxText::Reply& reply)
{
    // Opaque to clients, as Anthropic's are; derived from the thinking so a replay can be checked.
    return QString::fromLatin1(
        QCryptographicHash::hash(reply.reasoningText().toUtf8(), QCryptographicHash::Sha256).toBase64());
}

QByteArray anthropicThinkingStart()
{
    return sseEvent("content_block_start",
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_start") },
                                  { QStringLiteral("index"), 0 },
                                  { QStringLiteral("content_block"),
                                    QJsonObject { { QStringLiteral("type"), QStringLiteral("thinking") },
                                                  { QStringLiteral("thinking"), QString() },
                                                  { QStringLiteral("signature"), QString() } } } });
}

QByteArray anthropicThinkingDeltaEvent(const QString& piece)
{
    QByteArray out = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
                     "\"type\":\"thinking_delta\",\"thinking\":";
    JsonText::appendString(out, piece);
    out += "}}\n\n";
    return out;
}

QByteArray anthropicThinkingEnd(const SandboxText::Reply& reply)
{
    QByteArray out
        = sseEvent("content_block_delta",
                   QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
                                 { QStringLiteral("index"), 0 },
                                 { QStringLiteral("delta"),
                                   QJsonObject { { QStringLiteral("type"), QStringLiteral("signature_delta") },
                                                 { QStringLiteral("signature"), anthropicSignature(reply) } } } });
    out += sseEvent("content_block_stop",
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                                  { QStringLiteral("index"), 0 } });
    return out;
}

static QJsonObject searchQuery(const SandboxText::Reply& reply)
{
    return { { QStringLiteral("query"), reply.searchQuery } };
}

static QJsonObject searchResult(const SandboxText::Reply& reply)
{
    const QJsonObject result {
        { QStringLiteral("type"), QStringLiteral("web_search_result") },
        { QStringLiteral("url"), QStringLiteral("https://sandbox.invalid/search?q=1") },
        { QStringLiteral("title"), QStringLiteral("Sandbox result for: ") + reply.searchQuery },
        { QStringLiteral("encrypted_content"), QStringLiteral("c2FuZGJveCBzZWFyY2ggcmVzdWx0") },
        { QStringLiteral("page_age"), QJsonValue::Null },
    };
    return { { QStringLiteral("type"), QStringLiteral("web_search_tool_result") },
             { QStringLiteral("tool_use_id"), reply.serverToolId },
             { QStringLiteral("content"), QJsonArray { result } } };
}

QJsonObject anthropicCitation(const SandboxText::Reply& reply)
{
    const QJsonObject result = searchResult(reply).value(QLatin1String("content")).toArray().first().toObject();
    return { { QStringLiteral("type"), QStringLiteral("web_search_result_location") },
             { QStringLiteral("url"), result.value(QLatin1String("url")) },
             { QStringLiteral("title"), result.value(QLatin1String("title")) },
             { QStringLiteral("encrypted_index"), QStringLiteral("c2FuZGJveCBpbmRleA==") },
             { QStringLiteral("cited_text"), QStringLiteral("Sandbox search result text.") } };
}

static QJsonObject serverToolUse(const SandboxText::Reply& reply, const QJsonObject& input)
{
    return { { QStringLiteral("type"), QStringLiteral("server_tool_use") },
             { QStringLiteral("id"), reply.serverToolId },
             { QStringLiteral("name"), QStringLiteral("web_search") },
             { QStringLiteral("input"), input } };
}

QJsonArray anthropicSearchBlocks(const SandboxText::Reply& reply)
{
    QJsonArray blocks;
    for (int i = 0; i < reply.webSearches; ++i) {
        blocks.append(serverToolUse(reply, searchQuery(reply)));
        blocks.append(searchResult(reply));
    }
    return blocks;
}

QByteArray anthropicSearchEvents(const SandboxText::Reply& reply)
{
    const auto start = [](int index, const QJsonObject& block) {
        return sseEvent("content_block_start",
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_start") },
                                      { QStringLiteral("index"), index },
                                      { QStringLiteral("content_block"), block } });
    };
    const auto stop = [](int index) {
        return sseEvent("content_block_stop",
                        QJsonObject { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                                      { QStringLiteral("index"), index } });
    };
    QByteArray out;
    for (int i = 0; i < reply.webSearches; ++i) {
        const int index = (reply.reasoning.isEmpty() ? 0 : 1) + i * 2;
        out += start(index, serverToolUse(reply, QJsonObject()));
        out += anthropicToolPieceEvent(
            QString::fromUtf8(QJsonDocument(searchQuery(reply)).toJson(QJsonDocument::Compact)), index);
        out += stop(index);
        out += start(index + 1, searchResult(reply));
        out += stop(index + 1);
    }
    return out;
}

QJsonObject openAiChunk(const QByteArray& id, const QString& model, qint64 created, const QJsonObject& delta,
                        const QJsonValue& finishReason)
{
    const QJsonObject choice { { QStringLiteral("index"), 0 },
                               { QStringLiteral("delta"), delta },
                               { QStringLiteral("logprobs"), QJsonValue::Null },
                               { QStringLiteral("finish_reason"), finishReason } };
    return { { QStringLiteral("id"), QString::fromLatin1(id) },
             { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
             { QStringLiteral("created"), created },
             { QStringLiteral("model"), model },
             { QStringLiteral("system_fingerprint"), QStringLiteral("fp_sandbox") },
             { QStringLiteral("choices"), QJsonArray { choice } } };
}

QJsonObject openAiUsageChunk(const QByteArray& id, const QString& model, qint64 created, qint64 promptTokens,
                             const SandboxText::Reply& reply, qint64 cachedTokens)
{
    return { { QStringLiteral("id"), QString::fromLatin1(id) },
             { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
             { QStringLiteral("created"), created },
             { QStringLiteral("model"), model },
             { QStringLiteral("system_fingerprint"), QStringLiteral("fp_sandbox") },
             { QStringLiteral("choices"), QJsonArray() },
             { QStringLiteral("usage"), openAiUsage(promptTokens, reply, cachedTokens) } };
}

QByteArray openAiModelList(const QList<SandboxModel>& models)
{
    QJsonArray data;
    for (const SandboxModel& model : models) {
        data.append(QJsonObject { { QStringLiteral("id"), model.name },
                                  { QStringLiteral("object"), QStringLiteral("model") },
                                  { QStringLiteral("created"), 1735689600 },
                                  { QStringLiteral("owned_by"), model.providerId } });
    }
    return compact({ { QStringLiteral("object"), QStringLiteral("list") }, { QStringLiteral("data"), data } });
}

// As the API reports it since 2025: input_tokens without the cache reads and writes, and the
// writes split by time to live; server_tool_use once the server used a tool.
static QJsonObject anthropicUsage(const PromptUsage& prompt, qint64 output, int webSearches = 0)
{
    const qint64 writes = prompt.cacheWrite5m + prompt.cacheWrite1h;
    QJsonObject usage { { QStringLiteral("input_tokens"), qMax<qint64>(0, prompt.tokens - prompt.cacheRead - writes) },
                        { QStringLiteral("cache_creation_input_tokens"), writes },
                        { QStringLiteral("cache_read_input_tokens"), prompt.cacheRead },
                        { QStringLiteral("cache_creation"),
                          QJsonObject { { QStringLiteral("ephemeral_5m_input_tokens"), prompt.cacheWrite5m },
                                        { QStringLiteral("ephemeral_1h_input_tokens"), prompt.cacheWrite1h } } },
                        { QStringLiteral("output_tokens"), output } };
    if (webSearches > 0) {
        usage.insert(QStringLiteral("server_tool_use"),
                     QJsonObject { { QStringLiteral("web_search_requests"), webSearches } });
    }
    return usage;
}

static QString stopReason(const SandboxText::Reply& reply)
{
    if (!reply.toolName.isEmpty()) {
        return QStringLiteral("tool_use");
    }
    return reply.truncated ? QStringLiteral("max_tokens") : QStringLiteral("end_turn");
}

QByteArray anthropicMessage(const QByteArray& id, const QString& model, const SandboxText::Reply& reply,
                            const PromptUsage& prompt, bool withUsage)
{
    QJsonArray answer;
    for (const AnthropicTextBlock& block : anthropicTextBlocks(reply)) {
        QJsonObject text { { QStringLiteral("type"), QStringLiteral("text") },
                           { QStringLiteral("text"),
                             reply.pieces.mid(block.begin, block.end - block.begin).join(QString()) } };
        if (block.cited) {
            text.insert(QStringLiteral("citations"), QJsonArray { anthropicCitation(reply) });
        }
        answer.append(text);
    }
    if (!reply.toolName.isEmpty()) {
        answer.append(
            QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                          { QStringLiteral("id"), reply.toolCallId },
                          { QStringLiteral("name"), reply.toolName },
                          { QStringLiteral("input"), QJsonDocument::fromJson(reply.text().toUtf8()).object() } });
    }
    QJsonArray content;
    if (!reply.reasoning.isEmpty()) {
        content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("thinking") },
                                     { QStringLiteral("thinking"), reply.reasoningText() },
                                     { QStringLiteral("signature"), anthropicSignature(reply) } });
    }
    for (const QJsonValue& search : anthropicSearchBlocks(reply)) {
        content.append(search);
    }
    for (const QJsonValue& block : std::as_const(answer)) {
        content.append(block);
    }
    QJsonObject root { { QStringLiteral("id"), QString::fromLatin1(id) },
                       { QStringLiteral("type"), QStringLiteral("message") },
                       { QStringLiteral("role"), QStringLiteral("assistant") },
                       { QStringLiteral("model"), model },
                       { QStringLiteral("content"), content },
                       { QStringLiteral("stop_reason"), stopReason(reply) },
                       { QStringLiteral("stop_sequence"), QJsonValue::Null } };
    if (withUsage) {
        root.insert(QStringLiteral("usage"), anthropicUsage(prompt, reply.tokenCount(), reply.webSearches));
    }
    return compact(root);
}

QJsonObject anthropicMessageStart(const QByteArray& id, const QString& model, const PromptUsage& prompt, bool withUsage)
{
    QJsonObject message { { QStringLiteral("id"), QString::fromLatin1(id) },
                          { QStringLiteral("type"), QStringLiteral("message") },
                          { QStringLiteral("role"), QStringLiteral("assistant") },
                          { QStringLiteral("content"), QJsonArray() },
                          { QStringLiteral("model"), model },
                          { QStringLiteral("stop_reason"), QJsonValue::Null },
                          { QStringLiteral("stop_sequence"), QJsonValue::Null } };
    if (withUsage) {
        message.insert(QStringLiteral("usage"), anthropicUsage(prompt, 1));
    }
    return { { QStringLiteral("type"), QStringLiteral("message_start") }, { QStringLiteral("message"), message } };
}

QJsonObject anthropicMessageDelta(const SandboxText::Reply& reply, bool withUsage)
{
    QJsonObject event { { QStringLiteral("type"), QStringLiteral("message_delta") },
                        { QStringLiteral("delta"),
                          QJsonObject { { QStringLiteral("stop_reason"), stopReason(reply) },
                                        { QStringLiteral("stop_sequence"), QJsonValue::Null } } } };
    if (withUsage) {
        QJsonObject usage { { QStringLiteral("output_tokens"), reply.tokenCount() } };
        if (reply.webSearches > 0) {
            usage.insert(QStringLiteral("server_tool_use"),
                         QJsonObject { { QStringLiteral("web_search_requests"), reply.webSearches } });
        }
        event.insert(QStringLiteral("usage"), usage);
    }
    return event;
}

QByteArray anthropicModelList(const QList<SandboxModel>& models)
{
    QJsonArray data;
    for (const SandboxModel& model : models) {
        data.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("model") },
                                  { QStringLiteral("id"), model.name },
                                  { QStringLiteral("display_name"), model.name },
                                  { QStringLiteral("created_at"), QStringLiteral("2025-01-01T00:00:00Z") } });
    }
    const QString first = models.isEmpty() ? QString() : models.first().name;
    const QString last = models.isEmpty() ? QString() : models.last().name;
    return compact({ { QStringLiteral("data"), data },
                     { QStringLiteral("has_more"), false },
                     { QStringLiteral("first_id"), first },
                     { QStringLiteral("last_id"), last } });
}

} // namespace SandboxWire
