#include "core/providers/GeminiWire.h"

#include "core/providers/ErrorClassifier.h"
#include "core/providers/GeminiStreamDecoder.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace {
const QLatin1String kSignatureMark("_ts_");
const QLatin1String kIdPrefix("call_");

QString bareModel(const QString& upstreamModel)
{
    return upstreamModel.startsWith(QLatin1String("models/")) ? upstreamModel.mid(7) : upstreamModel;
}

bool isBase64(const QString& text)
{
    for (const QChar c : text) {
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'+'
            || c == u'/' || c == u'=';
        if (!ok) {
            return false;
        }
    }
    return true;
}
} // namespace

QList<std::pair<QByteArray, QByteArray>> GeminiWire::authHeaders(const QString& apiKey) const
{
    if (apiKey.isEmpty()) {
        return {};
    }
    return { { QByteArrayLiteral("x-goog-api-key"), apiKey.toUtf8() } };
}

QString GeminiWire::modelPath(const QString& upstreamModel, bool stream)
{
    return QStringLiteral("models/") + bareModel(upstreamModel)
        + (stream ? QStringLiteral(":streamGenerateContent") : QStringLiteral(":generateContent"));
}

bool GeminiWire::takesThinkingLevel(const QString& upstreamModel)
{
    return bareModel(upstreamModel).startsWith(QLatin1String("gemini-3"));
}

bool GeminiWire::thinks(const QString& upstreamModel)
{
    const QString model = bareModel(upstreamModel);
    return takesThinkingLevel(model) || model.startsWith(QLatin1String("gemini-2.5"));
}

std::optional<CallError> GeminiWire::finishRequest(const OutgoingContext& context, QUrl& url,
                                                   QList<std::pair<QByteArray, QByteArray>>& headers) const
{
    Q_UNUSED(headers);
    url = urlOn(context.provider.baseUrl, modelPath(context.upstreamModel, context.stream));
    if (context.stream) {
        // Without alt=sse the stream is one JSON array written piece by piece.
        url.setQuery(QStringLiteral("alt=sse"));
    }
    return std::nullopt;
}

QByteArray GeminiWire::buildRequestBody(const QString& upstreamModel, const ChatRequest& request) const
{
    QJsonArray contents;
    QStringList system;
    for (const ChatMessage& message : request.messages) {
        if (message.role == QLatin1String("system")) {
            system.append(message.content);
            continue;
        }
        const QString role = message.role == QLatin1String("assistant") ? QStringLiteral("model") : message.role;
        const QJsonObject part { { QStringLiteral("text"), message.content } };
        if (!contents.isEmpty() && contents.last().toObject().value(QLatin1String("role")).toString() == role) {
            // Gemini wants turns to alternate: consecutive messages of one role become one turn.
            QJsonObject last = contents.last().toObject();
            QJsonArray parts = last.value(QLatin1String("parts")).toArray();
            parts.append(part);
            last.insert(QStringLiteral("parts"), parts);
            contents.replace(contents.size() - 1, last);
            continue;
        }
        contents.append(
            QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("parts"), QJsonArray { part } } });
    }
    QJsonObject body { { QStringLiteral("contents"), contents } };
    if (!system.isEmpty()) {
        body.insert(QStringLiteral("systemInstruction"),
                    QJsonObject { { QStringLiteral("parts"),
                                    QJsonArray { QJsonObject {
                                        { QStringLiteral("text"), system.join(QStringLiteral("\n\n")) } } } } });
    }
    QJsonObject generation;
    if (request.maxTokens > 0) {
        generation.insert(QStringLiteral("maxOutputTokens"), request.maxTokens);
    }
    if (request.temperature && qIsFinite(*request.temperature)) {
        generation.insert(QStringLiteral("temperature"), *request.temperature);
    }
    if (thinks(upstreamModel)) {
        // Thoughts come back only when asked for; the ledger and the app show them as reasoning.
        generation.insert(QStringLiteral("thinkingConfig"),
                          QJsonObject { { QStringLiteral("includeThoughts"), true } });
    }
    if (!generation.isEmpty()) {
        body.insert(QStringLiteral("generationConfig"), generation);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

BodyPieces GeminiWire::rewriteClientBody(const QString& upstreamModel, const QByteArray& body, bool stream) const
{
    Q_UNUSED(upstreamModel);
    Q_UNUSED(stream);
    return body;
}

std::unique_ptr<StreamDecoder> GeminiWire::createStreamDecoder() const
{
    return std::make_unique<GeminiStreamDecoder>();
}

TokenUsage GeminiWire::usageFrom(const QJsonObject& usage)
{
    TokenUsage out;
    out.promptTokens = WireJson::toInt64(usage.value(QLatin1String("promptTokenCount")))
        + WireJson::toInt64(usage.value(QLatin1String("toolUsePromptTokenCount")));
    out.cachedTokens = WireJson::toInt64(usage.value(QLatin1String("cachedContentTokenCount")));
    out.reasoningTokens = WireJson::toInt64(usage.value(QLatin1String("thoughtsTokenCount")));
    out.completionTokens = WireJson::toInt64(usage.value(QLatin1String("candidatesTokenCount"))) + out.reasoningTokens;
    return out;
}

QString GeminiWire::finishReason(const QString& reason, bool sawToolCall)
{
    if (reason == QLatin1String("STOP") || reason == QLatin1String("FINISH_REASON_UNSPECIFIED")) {
        // Gemini ends a turn of function calls with STOP too.
        return sawToolCall ? QStringLiteral("tool_calls") : QStringLiteral("stop");
    }
    if (reason == QLatin1String("MAX_TOKENS")) {
        return QStringLiteral("length");
    }
    static const QSet<QString> filtered { QStringLiteral("SAFETY"),
                                          QStringLiteral("RECITATION"),
                                          QStringLiteral("BLOCKLIST"),
                                          QStringLiteral("PROHIBITED_CONTENT"),
                                          QStringLiteral("SPII"),
                                          QStringLiteral("IMAGE_SAFETY"),
                                          QStringLiteral("IMAGE_PROHIBITED_CONTENT"),
                                          QStringLiteral("IMAGE_RECITATION") };
    if (filtered.contains(reason)) {
        return QStringLiteral("content_filter");
    }
    return reason.toLower();
}

std::optional<CallError> GeminiWire::finishError(const QString& reason, const QString& message)
{
    // The model wrote no usable answer: a call it could not form, or one the request did not offer.
    if (reason != QLatin1String("MALFORMED_FUNCTION_CALL") && reason != QLatin1String("UNEXPECTED_TOOL_CALL")
        && reason != QLatin1String("TOO_MANY_TOOL_CALLS")) {
        return std::nullopt;
    }
    CallError error
        = WireJson::malformed(QCoreApplication::translate("GeminiWire", "Gemini ended the answer with %1%2")
                                  .arg(reason, message.isEmpty() ? QString() : QStringLiteral(": ") + message));
    error.providerCode = reason;
    return error;
}

QString GeminiWire::toolCallId(const QString& geminiId, const QString& name, const QByteArray& args, int index,
                               const QString& signature)
{
    QString id = kIdPrefix;
    if (!geminiId.isEmpty()) {
        // Gemini's own id, hex so that it cannot contain the signature mark; 'g' tells it apart.
        id += QLatin1Char('g') + QString::fromLatin1(geminiId.toUtf8().toHex());
    } else {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(name.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(args);
        hash.addData(QByteArray::number(index));
        id += QString::fromLatin1(hash.result().toHex().left(16));
    }
    if (!signature.isEmpty() && isBase64(signature)) {
        QString url = signature;
        url.replace(QLatin1Char('+'), QLatin1Char('-')).replace(QLatin1Char('/'), QLatin1Char('_'));
        while (url.endsWith(QLatin1Char('='))) {
            url.chop(1);
        }
        id += kSignatureMark + url;
    }
    return id;
}

QString GeminiWire::thoughtSignatureOf(const QString& toolCallId)
{
    if (!toolCallId.startsWith(kIdPrefix)) {
        return {};
    }
    const qsizetype mark = toolCallId.indexOf(kSignatureMark, kIdPrefix.size());
    if (mark < 0) {
        return {};
    }
    QString signature = toolCallId.mid(mark + kSignatureMark.size());
    signature.replace(QLatin1Char('-'), QLatin1Char('+')).replace(QLatin1Char('_'), QLatin1Char('/'));
    while (signature.size() % 4 != 0) {
        signature += QLatin1Char('=');
    }
    return signature;
}

void GeminiWire::readResponse(const QJsonObject& response, ReadState& state, WireDelta& delta)
{
    if (response.value(QLatin1String("error")).isObject()) {
        delta.error = ErrorClassifier::classifyInBandError(response);
        return;
    }
    const QJsonArray candidates = response.value(QLatin1String("candidates")).toArray();
    const QJsonObject feedback = response.value(QLatin1String("promptFeedback")).toObject();
    const QString blockReason = feedback.value(QLatin1String("blockReason")).toString();
    if (candidates.isEmpty() && !blockReason.isEmpty()) {
        delta.error = ErrorClassifier::contentFiltered(true, { blockReason },
                                                       feedback.value(QLatin1String("blockReasonMessage")).toString());
        delta.error->providerCode = blockReason;
        return;
    }
    const QJsonObject candidate = candidates.isEmpty() ? QJsonObject() : candidates.first().toObject();
    const QJsonArray parts
        = candidate.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue& value : parts) {
        const QJsonObject part = value.toObject();
        if (part.value(QLatin1String("functionCall")).isObject()) {
            const QJsonObject call = part.value(QLatin1String("functionCall")).toObject();
            const QByteArray args
                = QJsonDocument(call.value(QLatin1String("args")).toObject()).toJson(QJsonDocument::Compact);
            AnswerPart answer;
            answer.index = state.toolCalls++;
            answer.name = call.value(QLatin1String("name")).toString();
            answer.id = toolCallId(call.value(QLatin1String("id")).toString(), answer.name, args, answer.index,
                                   part.value(QLatin1String("thoughtSignature")).toString());
            answer.text = QString::fromUtf8(args);
            delta.parts.append(answer);
            state.sawToolCall = true;
        } else if (part.value(QLatin1String("thought")).toBool()) {
            delta.reasoning += part.value(QLatin1String("text")).toString();
        } else {
            delta.text += part.value(QLatin1String("text")).toString();
        }
    }
    const QJsonObject grounding = candidate.value(QLatin1String("groundingMetadata")).toObject();
    state.answer += delta.text.toUtf8();
    readCitations(grounding, state, delta);
    const qsizetype searchesBefore = state.searchQueries.size();
    for (const QJsonValue& query : grounding.value(QLatin1String("webSearchQueries")).toArray()) {
        state.searchQueries.insert(query.toString());
    }
    const QString reason = candidate.value(QLatin1String("finishReason")).toString();
    if (!reason.isEmpty()) {
        if (auto error = finishError(reason, candidate.value(QLatin1String("finishMessage")).toString())) {
            delta.error = error;
            return;
        }
        delta.finishReason = finishReason(reason, state.sawToolCall);
        if (delta.finishReason == QLatin1String("content_filter")) {
            delta.filteredCategories.append(reason);
            for (const QJsonValue& rating : candidate.value(QLatin1String("safetyRatings")).toArray()) {
                if (rating.toObject().value(QLatin1String("blocked")).toBool()) {
                    delta.filteredCategories.append(rating.toObject().value(QLatin1String("category")).toString());
                }
            }
        }
        state.finished = true;
    }
    const bool counted = response.value(QLatin1String("usageMetadata")).isObject();
    if (counted) {
        state.usage = usageFrom(response.value(QLatin1String("usageMetadata")).toObject());
    }
    if (counted || state.searchQueries.size() != searchesBefore) {
        state.usage.webSearches = state.searchQueries.size();
        delta.usage = state.usage;
    }
}

void GeminiWire::readCitations(const QJsonObject& grounding, ReadState& state, WireDelta& delta)
{
    const QJsonArray chunks = grounding.value(QLatin1String("groundingChunks")).toArray();
    const auto offset = [&state](qint64 bytes) {
        return QString::fromUtf8(state.answer.left(qBound<qint64>(0, bytes, state.answer.size()))).size();
    };
    for (const QJsonValue& value : grounding.value(QLatin1String("groundingSupports")).toArray()) {
        const QJsonObject segment = value.toObject().value(QLatin1String("segment")).toObject();
        const qsizetype start = offset(WireJson::toInt64(segment.value(QLatin1String("startIndex"))));
        const qsizetype end = offset(WireJson::toInt64(segment.value(QLatin1String("endIndex"))));
        for (const QJsonValue& index : value.toObject().value(QLatin1String("groundingChunkIndices")).toArray()) {
            const QJsonObject web = chunks.at(index.toInt(-1)).toObject().value(QLatin1String("web")).toObject();
            const QString url = web.value(QLatin1String("uri")).toString();
            if (url.isEmpty()) {
                continue;
            }
            const QJsonObject citation { { QStringLiteral("type"), QStringLiteral("url_citation") },
                                         { QStringLiteral("url_citation"),
                                           QJsonObject { { QStringLiteral("url"), url },
                                                         { QStringLiteral("title"), web.value(QLatin1String("title")) },
                                                         { QStringLiteral("start_index"), start },
                                                         { QStringLiteral("end_index"), end } } } };
            const QString text = QString::fromUtf8(QJsonDocument(citation).toJson(QJsonDocument::Compact));
            if (!state.citations.contains(text)) {
                state.citations.insert(text);
                delta.parts.append({ AnswerPart::Kind::Citation, 0, {}, {}, text });
            }
        }
    }
}

WireDelta GeminiWire::decodeResponse(const QByteArray& body) const
{
    WireDelta delta;
    QString reason;
    const QJsonDocument document = WireJson::parse(body, &reason);
    const QJsonObject object = document.object();
    if (!document.isObject()
        || (!object.value(QLatin1String("candidates")).isArray()
            && !object.value(QLatin1String("promptFeedback")).isObject()
            && !object.value(QLatin1String("error")).isObject())) {
        delta.error = WireJson::malformed(
            QCoreApplication::translate("GeminiWire", "Response is not a Gemini answer (%1): %2")
                .arg(reason.isEmpty() ? QStringLiteral("no candidates") : reason, WireJson::excerpt(body, 120)));
        return delta;
    }
    ReadState state;
    readResponse(object, state, delta);
    delta.endOfStream = true;
    return delta;
}
