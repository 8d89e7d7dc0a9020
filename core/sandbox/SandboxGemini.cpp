#include "core/sandbox/SandboxGemini.h"

#include "core/common/ProviderTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace SandboxGemini {

namespace {

const QLatin1String kNoSignature("skip_thought_signature_validator");
constexpr int kImageTokens = 258; // Gemini counts an image of up to 384 px a side as 258 tokens
constexpr int kSearchResultTokens = 40; // the search results a query adds to the prompt (toolUsePromptTokenCount)

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The REST surface takes both spellings of a field (proto JSON): compare in lowerCamelCase.
QString camel(const QString& name)
{
    QString out;
    bool upper = false;
    for (const QChar c : name) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

QString statusOf(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 503:
        return QStringLiteral("UNAVAILABLE");
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    default:
        return QStringLiteral("INTERNAL");
    }
}

// Google's parser names the first unknown field and where it sits ("at 'generation_config'").
class Check
{
public:
    bool known(const QJsonObject& object, std::initializer_list<const char*> names, const QString& where)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = camel(it.key());
            bool found = false;
            for (const char* name : names) {
                found = found || key == QLatin1String(name);
            }
            if (!found) {
                const QString at = where.isEmpty() ? QString() : QStringLiteral(" at '%1'").arg(where);
                return fail(QStringLiteral("Invalid JSON payload received. Unknown name \"%1\"%2: Cannot find field.")
                                .arg(it.key(), at),
                            where);
            }
        }
        return true;
    }

    bool fail(const QString& message, const QString& field = {})
    {
        QJsonObject violation { { QStringLiteral("description"), message } };
        if (!field.isEmpty()) {
            violation.insert(QStringLiteral("field"), field);
        }
        const QJsonObject error {
            { QStringLiteral("code"), 400 },
            { QStringLiteral("message"), message },
            { QStringLiteral("status"), QStringLiteral("INVALID_ARGUMENT") },
            { QStringLiteral("details"),
              QJsonArray { QJsonObject {
                  { QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.BadRequest") },
                  { QStringLiteral("fieldViolations"), QJsonArray { violation } } } } },
        };
        m_body = QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson();
        return false;
    }

    QByteArray body() const { return m_body; }

private:
    QByteArray m_body;
};

QJsonValue field(const QJsonObject& object, const char* camelName)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (camel(it.key()) == QLatin1String(camelName)) {
            return it.value();
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool thinks(const QString& model)
{
    return model.startsWith(QLatin1String("gemini-2.5")) || model.startsWith(QLatin1String("gemini-3"));
}

bool checksSignatures(const QString& model)
{
    return model.startsWith(QLatin1String("gemini-3"));
}

QJsonObject usage(const SandboxWire::PromptUsage& prompt, int answerTokens, int thoughtTokens, int queries)
{
    QJsonObject out { { QStringLiteral("promptTokenCount"), prompt.tokens } };
    if (answerTokens > 0) {
        out.insert(QStringLiteral("candidatesTokenCount"), answerTokens);
    }
    const qint64 toolUse = qint64(queries) * kSearchResultTokens;
    if (toolUse > 0) {
        out.insert(QStringLiteral("toolUsePromptTokenCount"), toolUse);
    }
    out.insert(QStringLiteral("totalTokenCount"), prompt.tokens + toolUse + answerTokens + thoughtTokens);
    out.insert(QStringLiteral("promptTokensDetails"),
               QJsonArray { QJsonObject { { QStringLiteral("modality"), QStringLiteral("TEXT") },
                                          { QStringLiteral("tokenCount"), prompt.tokens } } });
    if (thoughtTokens > 0) {
        out.insert(QStringLiteral("thoughtsTokenCount"), thoughtTokens);
    }
    return out;
}

QJsonObject grounding(const QString& text, const QStringList& queries)
{
    QJsonArray chunks;
    QJsonArray supports;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        chunks.append(QJsonObject {
            { QStringLiteral("web"),
              QJsonObject {
                  { QStringLiteral("uri"),
                    QStringLiteral("https://vertexaisearch.cloud.google.com/grounding-api-redirect/sandbox%1").arg(i) },
                  { QStringLiteral("title"), QStringLiteral("example%1.org").arg(i) } } } });
    }
    // The whole answer is supported by every result (byte offsets into the part's UTF-8 text).
    const qint64 end = text.toUtf8().size();
    QJsonArray indices;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        indices.append(int(i));
    }
    supports.append(QJsonObject { { QStringLiteral("segment"),
                                    QJsonObject { { QStringLiteral("startIndex"), 0 },
                                                  { QStringLiteral("endIndex"), end },
                                                  { QStringLiteral("text"), text } } },
                                  { QStringLiteral("groundingChunkIndices"), indices } });
    return {
        { QStringLiteral("webSearchQueries"), QJsonArray::fromStringList(queries) },
        { QStringLiteral("searchEntryPoint"),
          QJsonObject { { QStringLiteral("renderedContent"),
                          QStringLiteral("<style>.container{}</style><div class=\"container\">%1</div>")
                              .arg(queries.join(QStringLiteral(" | "))) } } },
        { QStringLiteral("groundingChunks"), chunks },
        { QStringLiteral("groundingSupports"), supports },
    };
}

QJsonObject candidate(const QJsonArray& parts, const QString& finishReason)
{
    QJsonObject out { { QStringLiteral("content"),
                        QJsonObject { { QStringLiteral("parts"), parts },
                                      { QStringLiteral("role"), QStringLiteral("model") } } },
                      { QStringLiteral("index"), 0 } };
    if (!finishReason.isEmpty()) {
        out.insert(QStringLiteral("finishReason"), finishReason);
    }
    return out;
}

QJsonObject functionCallPart(const QString& model, const SandboxText::Reply& reply)
{
    QJsonObject part { { QStringLiteral("functionCall"),
                         QJsonObject {
                             { QStringLiteral("name"), reply.toolName },
                             { QStringLiteral("args"), QJsonDocument::fromJson(reply.text().toUtf8()).object() } } } };
    if (thinks(model)) {
        part.insert(QStringLiteral("thoughtSignature"), thoughtSignature(model, reply.toolName));
    }
    return part;
}

QJsonObject filteredCandidate()
{
    return { { QStringLiteral("finishReason"), QStringLiteral("SAFETY") },
             { QStringLiteral("index"), 0 },
             { QStringLiteral("safetyRatings"),
               QJsonArray {
                   QJsonObject { { QStringLiteral("category"), QStringLiteral("HARM_CATEGORY_DANGEROUS_CONTENT") },
                                 { QStringLiteral("probability"), QStringLiteral("HIGH") },
                                 { QStringLiteral("blocked"), true } } } } };
}

QByteArray sse(const QJsonObject& object)
{
    return "data: " + compact(object) + "\r\n\r\n"; // Gemini frames its events with CRLF
}

} // namespace

bool parsePath(QByteArrayView rest, QString* model, bool* stream)
{
    if (!rest.startsWith("/models/")) {
        return false;
    }
    const QByteArrayView tail = rest.sliced(8);
    for (const auto& [suffix, streamed] : { std::pair { QByteArrayView(":streamGenerateContent"), true },
                                            std::pair { QByteArrayView(":generateContent"), false } }) {
        if (tail.endsWith(suffix) && tail.size() > suffix.size()) {
            *model = QString::fromUtf8(QByteArray::fromPercentEncoding(tail.chopped(suffix.size()).toByteArray()));
            *stream = streamed;
            return !model->contains(QLatin1Char('/'));
        }
    }
    return false;
}

QString thoughtSignature(const QString& model, const QString& functionName)
{
    return QString::fromLatin1(("sandbox-thought:" + model + u':' + functionName).toUtf8().toBase64());
}

QStringList searchQueries(const QString& lastUserText)
{
    const QString topic = lastUserText.simplified().left(60);
    return { topic, topic + QStringLiteral(" latest") };
}

bool parseRequest(const QByteArray& body, const QString& model, bool stream, SandboxWire::Call* call, Extras* extras,
                  QByteArray* errorBody)
{
    Check check;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    call->model = model;
    call->stream = stream;
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        check.fail(QStringLiteral("Invalid JSON payload received. Unexpected token."));
        *errorBody = check.body();
        return false;
    }
    const QJsonObject root = document.object();
    const auto refuse = [&] {
        *errorBody = check.body();
        return false;
    };
    if (!check.known(root,
                     { "contents", "tools", "toolConfig", "safetySettings", "systemInstruction", "generationConfig",
                       "cachedContent" },
                     {})) {
        return refuse();
    }
    // The OpenAI-shaped view SandboxAnswer reads: tools, tool choice, images, tool results, JSON mode.
    QJsonObject view;
    QJsonArray messages;
    QStringList text;
    const QJsonObject system = field(root, "systemInstruction").toObject();
    for (const QJsonValue& part : field(system, "parts").toArray()) {
        text.append(field(part.toObject(), "text").toString());
    }
    const QJsonArray contents = field(root, "contents").toArray();
    if (contents.isEmpty()) {
        check.fail(QStringLiteral("* GenerateContentRequest.contents: contents is not specified\n"));
        return refuse();
    }
    int images = 0;
    qsizetype currentTurn = 0; // the last user turn with text or media: the turn being answered
    for (qsizetype i = 0; i < contents.size(); ++i) {
        const QString where = QStringLiteral("contents[%1]").arg(i);
        const QJsonObject content = contents.at(i).toObject();
        if (!check.known(content, { "role", "parts" }, where)) {
            return refuse();
        }
        const QString role = field(content, "role").toString(QStringLiteral("user"));
        if (role != QLatin1String("user") && role != QLatin1String("model")) {
            check.fail(QStringLiteral("Please use a valid role: user, model."));
            return refuse();
        }
        const QJsonArray parts = field(content, "parts").toArray();
        if (parts.isEmpty()) {
            check.fail(
                QStringLiteral("* GenerateContentRequest.%1.parts: contents.parts must not be empty.\n").arg(where));
            return refuse();
        }
        QJsonArray openAiParts;
        bool results = false;
        bool prompt = false;
        for (qsizetype j = 0; j < parts.size(); ++j) {
            const QJsonObject part = parts.at(j).toObject();
            if (!check.known(part,
                             { "text", "inlineData", "fileData", "functionCall", "functionResponse", "thought",
                               "thoughtSignature", "executableCode", "codeExecutionResult", "videoMetadata" },
                             QStringLiteral("%1.parts[%2]").arg(where).arg(j))) {
                return refuse();
            }
            if (part.contains(QLatin1String("text")) && !field(part, "thought").toBool()) {
                text.append(part.value(QLatin1String("text")).toString());
                prompt = true;
                if (role == QLatin1String("user")) {
                    call->lastUserText = part.value(QLatin1String("text")).toString();
                }
            }
            if (field(part, "inlineData").isObject() || field(part, "fileData").isObject()) {
                prompt = true;
                const QString mime = field(field(part, "inlineData").toObject(), "mimeType").toString();
                if (mime.startsWith(QLatin1String("image/"))) {
                    ++images;
                    openAiParts.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("image_url") } });
                }
            }
            results = results || field(part, "functionResponse").isObject();
            if (field(part, "functionResponse").isObject()) {
                text.append(QString::fromUtf8(compact(field(part, "functionResponse").toObject())));
            }
        }
        if (role == QLatin1String("user") && prompt) {
            currentTurn = i;
        }
        messages.append(QJsonObject { { QStringLiteral("role"),
                                        role == QLatin1String("model") ? QStringLiteral("assistant")
                                            : results                  ? QStringLiteral("tool")
                                                                       : QStringLiteral("user") },
                                      { QStringLiteral("content"), openAiParts } });
    }
    if (checksSignatures(model)) {
        // Gemini 3 wants the signature it gave each turn's first function call back with it.
        for (qsizetype i = currentTurn + 1; i < contents.size(); ++i) {
            const QJsonArray parts = field(contents.at(i).toObject(), "parts").toArray();
            for (qsizetype j = 0; j < parts.size(); ++j) {
                const QJsonObject part = parts.at(j).toObject();
                if (!field(part, "functionCall").isObject()) {
                    continue;
                }
                const QString name = field(field(part, "functionCall").toObject(), "name").toString();
                const QString signature = field(part, "thoughtSignature").toString();
                if (signature.isEmpty()) {
                    check.fail(
                        QStringLiteral("Function call is missing a thought_signature in functionCall parts. "
                                       "This is required for tools to work correctly, and missing "
                                       "thought_signature may lead to degraded model performance. "
                                       "Additional data, function call `default_api:%1` , position %2. "
                                       "Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures "
                                       "for more details.")
                            .arg(name)
                            .arg(i + 1));
                    return refuse();
                }
                if (signature != thoughtSignature(model, name) && signature != kNoSignature) {
                    check.fail(QStringLiteral("Corrupted thought signature."));
                    return refuse();
                }
                break; // only the first call of a turn carries one
            }
        }
    }
    view.insert(QStringLiteral("messages"), messages);

    QJsonArray tools;
    const QJsonArray declaredTools = field(root, "tools").toArray();
    for (qsizetype i = 0; i < declaredTools.size(); ++i) {
        const QJsonObject tool = declaredTools.at(i).toObject();
        if (!check.known(
                tool,
                { "functionDeclarations", "googleSearch", "googleSearchRetrieval", "codeExecution", "urlContext" },
                QStringLiteral("tools[%1]").arg(i))) {
            return refuse();
        }
        extras->googleSearch = extras->googleSearch || field(tool, "googleSearch").isObject();
        const QJsonArray declarations = field(tool, "functionDeclarations").toArray();
        for (qsizetype j = 0; j < declarations.size(); ++j) {
            const QJsonObject declaration = declarations.at(j).toObject();
            if (!check.known(declaration,
                             { "name", "description", "parameters", "parametersJsonSchema", "response",
                               "responseJsonSchema", "behavior" },
                             QStringLiteral("tools[%1].function_declarations[%2]").arg(i).arg(j))) {
                return refuse();
            }
            const QJsonValue schema = field(declaration, "parametersJsonSchema").isObject()
                ? field(declaration, "parametersJsonSchema")
                : field(declaration, "parameters");
            tools.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                                       { QStringLiteral("function"),
                                         QJsonObject { { QStringLiteral("name"), field(declaration, "name") },
                                                       { QStringLiteral("parameters"), schema } } } });
        }
    }
    view.insert(QStringLiteral("tools"), tools);
    const QJsonObject calling = field(field(root, "toolConfig").toObject(), "functionCallingConfig").toObject();
    const QString mode = field(calling, "mode").toString();
    const QJsonArray allowed = field(calling, "allowedFunctionNames").toArray();
    if (mode == QLatin1String("NONE")) {
        view.insert(QStringLiteral("tool_choice"), QStringLiteral("none"));
    } else if (mode == QLatin1String("ANY") && allowed.size() == 1) {
        view.insert(QStringLiteral("tool_choice"),
                    QJsonObject {
                        { QStringLiteral("type"), QStringLiteral("function") },
                        { QStringLiteral("function"), QJsonObject { { QStringLiteral("name"), allowed.first() } } } });
    } else if (mode == QLatin1String("ANY")) {
        view.insert(QStringLiteral("tool_choice"), QStringLiteral("required"));
    }

    const QJsonObject generation = field(root, "generationConfig").toObject();
    if (!check.known(generation,
                     { "stopSequences",
                       "responseMimeType",
                       "responseSchema",
                       "responseJsonSchema",
                       "responseModalities",
                       "candidateCount",
                       "maxOutputTokens",
                       "temperature",
                       "topP",
                       "topK",
                       "seed",
                       "presencePenalty",
                       "frequencyPenalty",
                       "responseLogprobs",
                       "logprobs",
                       "enableEnhancedCivicAnswers",
                       "speechConfig",
                       "thinkingConfig",
                       "imageConfig",
                       "mediaResolution" },
                     QStringLiteral("generation_config"))) {
        return refuse();
    }
    const QJsonObject thinking = field(generation, "thinkingConfig").toObject();
    if (!check.known(thinking, { "includeThoughts", "thinkingBudget", "thinkingLevel" },
                     QStringLiteral("generation_config.thinking_config"))) {
        return refuse();
    }
    if (!field(thinking, "thinkingBudget").isUndefined() && !field(thinking, "thinkingLevel").isUndefined()) {
        check.fail(QStringLiteral("You can only set only one of thinking budget and thinking level."));
        return refuse();
    }
    extras->includeThoughts = thinks(model) && field(thinking, "includeThoughts").toBool()
        && field(thinking, "thinkingBudget").toInt(-1) != 0;
    call->thinkingBudget = extras->includeThoughts ? 1 : 0;
    call->maxTokens = field(generation, "maxOutputTokens").toInt();
    if (field(generation, "temperature").isDouble()) {
        call->temperature = field(generation, "temperature").toDouble();
    }
    if (field(generation, "responseMimeType").toString() == QLatin1String("application/json")) {
        const QJsonValue schema = field(generation, "responseJsonSchema").isObject()
            ? field(generation, "responseJsonSchema")
            : field(generation, "responseSchema");
        view.insert(QStringLiteral("response_format"),
                    schema.isObject() ? QJsonObject { { QStringLiteral("type"), QStringLiteral("json_schema") },
                                                      { QStringLiteral("json_schema"),
                                                        QJsonObject { { QStringLiteral("schema"), schema } } } }
                                      : QJsonObject { { QStringLiteral("type"), QStringLiteral("json_object") } });
    }
    call->ask = SandboxAnswer::read(view, false);
    call->promptText = text.join(QLatin1Char('\n'));
    call->size.images = images;
    call->promptTokens = estimateTokens(call->promptText) + qint64(images) * kImageTokens;
    return true;
}

QByteArray errorBody(int status, const QByteArray& code, const QByteArray& message, int retryAfterSec)
{
    QString text = QString::fromUtf8(message);
    QJsonArray details;
    if (code == "API_KEY_INVALID") {
        text = QStringLiteral("API key not valid. Please pass a valid API key.");
        details = {
            QJsonObject { { QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo") },
                          { QStringLiteral("reason"), QStringLiteral("API_KEY_INVALID") },
                          { QStringLiteral("domain"), QStringLiteral("googleapis.com") },
                          { QStringLiteral("metadata"),
                            QJsonObject { { QStringLiteral("service"),
                                            QStringLiteral("generativelanguage.googleapis.com") } } } },
            QJsonObject {
                { QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.LocalizedMessage") },
                { QStringLiteral("locale"), QStringLiteral("en-US") },
                { QStringLiteral("message"), text } },
        };
    } else if (status == 429) {
        if (text.isEmpty()) {
            text = QStringLiteral("You exceeded your current quota, please check your plan.");
        }
        details.append(
            QJsonObject { { QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.QuotaFailure") },
                          { QStringLiteral("violations"),
                            QJsonArray { QJsonObject {
                                { QStringLiteral("quotaId"),
                                  QStringLiteral("GenerateRequestsPerMinutePerProjectPerModel-FreeTier") } } } } });
        if (retryAfterSec >= 0) {
            details.append(
                QJsonObject { { QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.RetryInfo") },
                              { QStringLiteral("retryDelay"), QStringLiteral("%1s").arg(retryAfterSec) } });
        }
    } else if (text.isEmpty()) {
        text = status == 503 ? QStringLiteral("This model is currently experiencing high demand. Spikes in demand are "
                                              "usually temporary. Please try again later.")
            : status == 500  ? QStringLiteral("An internal error has occurred. Please retry or report in "
                                               "https://developers.generativeai.google/guide/troubleshooting")
            : status == 403  ? QStringLiteral("Method doesn't allow unregistered callers (callers without established "
                                               "identity). Please use API Key or other form of API consumer identity "
                                               "to call this API.")
                             : QStringLiteral("Request contains an invalid argument.");
    }
    QJsonObject error { { QStringLiteral("code"), status },
                        { QStringLiteral("message"), text },
                        { QStringLiteral("status"), statusOf(status) } };
    if (!details.isEmpty()) {
        error.insert(QStringLiteral("details"), details);
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson();
}

QByteArray response(const QString& model, const QByteArray& responseId, const SandboxText::Reply& reply,
                    const SandboxWire::PromptUsage& prompt, const QStringList& queries, bool withUsage, bool filtered)
{
    if (filtered) {
        QJsonObject root { { QStringLiteral("candidates"), QJsonArray { filteredCandidate() } },
                           { QStringLiteral("modelVersion"), model },
                           { QStringLiteral("responseId"), QString::fromLatin1(responseId) } };
        if (withUsage) {
            root.insert(QStringLiteral("usageMetadata"), usage(prompt, 0, 0, 0));
        }
        return QJsonDocument(root).toJson();
    }
    QJsonArray parts;
    if (!reply.reasoning.isEmpty()) {
        parts.append(
            QJsonObject { { QStringLiteral("text"), reply.reasoningText() }, { QStringLiteral("thought"), true } });
    }
    if (!reply.toolName.isEmpty()) {
        parts.append(functionCallPart(model, reply));
    } else {
        parts.append(QJsonObject { { QStringLiteral("text"), reply.text() } });
    }
    QJsonObject first = candidate(parts, reply.truncated ? QStringLiteral("MAX_TOKENS") : QStringLiteral("STOP"));
    if (!queries.isEmpty()) {
        first.insert(QStringLiteral("groundingMetadata"), grounding(reply.text(), queries));
    }
    QJsonObject root { { QStringLiteral("candidates"), QJsonArray { first } },
                       { QStringLiteral("modelVersion"), model },
                       { QStringLiteral("responseId"), QString::fromLatin1(responseId) } };
    if (withUsage) {
        root.insert(QStringLiteral("usageMetadata"),
                    usage(prompt, int(reply.pieces.size()), int(reply.reasoning.size()), int(queries.size())));
    }
    return QJsonDocument(root).toJson();
}

QByteArray pieceEvent(const QString& model, const QByteArray& responseId, const QString& piece, bool thought,
                      const SandboxWire::PromptUsage& prompt, int answerTokens, int thoughtTokens, bool withUsage)
{
    QJsonObject part { { QStringLiteral("text"), piece } };
    if (thought) {
        part.insert(QStringLiteral("thought"), true);
    }
    QJsonObject root { { QStringLiteral("candidates"), QJsonArray { candidate(QJsonArray { part }, {}) } },
                       { QStringLiteral("modelVersion"), model },
                       { QStringLiteral("responseId"), QString::fromLatin1(responseId) } };
    if (withUsage) {
        root.insert(QStringLiteral("usageMetadata"), usage(prompt, answerTokens, thoughtTokens, 0));
    }
    return sse(root);
}

QByteArray lastEvent(const QString& model, const QByteArray& responseId, const SandboxText::Reply& reply,
                     const SandboxWire::PromptUsage& prompt, const QStringList& queries, bool withUsage, bool filtered)
{
    if (filtered) {
        QJsonObject root { { QStringLiteral("candidates"), QJsonArray { filteredCandidate() } },
                           { QStringLiteral("modelVersion"), model },
                           { QStringLiteral("responseId"), QString::fromLatin1(responseId) } };
        if (withUsage) {
            root.insert(QStringLiteral("usageMetadata"), usage(prompt, 0, 0, 0));
        }
        return sse(root);
    }
    // Gemini's last event carries an empty text part with the finishReason (a function call comes whole).
    const QJsonObject part = reply.toolName.isEmpty() ? QJsonObject { { QStringLiteral("text"), QString() } }
                                                      : functionCallPart(model, reply);
    QJsonObject last
        = candidate(QJsonArray { part }, reply.truncated ? QStringLiteral("MAX_TOKENS") : QStringLiteral("STOP"));
    if (!queries.isEmpty()) {
        last.insert(QStringLiteral("groundingMetadata"), grounding(reply.text(), queries));
    }
    QJsonObject root { { QStringLiteral("candidates"), QJsonArray { last } },
                       { QStringLiteral("modelVersion"), model },
                       { QStringLiteral("responseId"), QString::fromLatin1(responseId) } };
    if (withUsage) {
        root.insert(QStringLiteral("usageMetadata"),
                    usage(prompt, int(reply.pieces.size()), int(reply.reasoning.size()), int(queries.size())));
    }
    return sse(root);
}

QByteArray errorEvent(int status)
{
    return "data: " + QJsonDocument::fromJson(errorBody(status, {})).toJson(QJsonDocument::Compact) + "\r\n\r\n";
}

QByteArray modelList(const QList<SandboxModel>& models, int pageSize, int pageStart)
{
    QJsonArray list;
    const int end = pageSize > 0 ? qMin<int>(models.size(), pageStart + pageSize) : int(models.size());
    for (int i = qMax(0, pageStart); i < end; ++i) {
        const SandboxModel& model = models.at(i);
        list.append(QJsonObject { { QStringLiteral("name"), QStringLiteral("models/") + model.name },
                                  { QStringLiteral("version"), QStringLiteral("001") },
                                  { QStringLiteral("displayName"), model.name },
                                  { QStringLiteral("inputTokenLimit"), model.contextWindow },
                                  { QStringLiteral("outputTokenLimit"), 65536 },
                                  { QStringLiteral("supportedGenerationMethods"),
                                    QJsonArray { QStringLiteral("generateContent"), QStringLiteral("countTokens") } },
                                  { QStringLiteral("thinking"), thinks(model.name) } });
    }
    QJsonObject root { { QStringLiteral("models"), list } };
    if (end < models.size()) {
        root.insert(QStringLiteral("nextPageToken"), QString::number(end));
    }
    return QJsonDocument(root).toJson();
}

} // namespace SandboxGemini
