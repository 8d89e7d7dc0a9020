#include "core/gateway/ResponsesGatewayFormat.h"

#include "core/gateway/OpenAiGatewayFormat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
const QString kType = QStringLiteral("type");
const QString kItemId = QStringLiteral("item_id");
const QString kOutputIndex = QStringLiteral("output_index");
const QString kContentIndex = QStringLiteral("content_index");
const QString kDelta = QStringLiteral("delta");

QJsonObject usageJson(const TokenUsage& usage)
{
    return { { QStringLiteral("input_tokens"), usage.promptTokens },
             { QStringLiteral("input_tokens_details"),
               QJsonObject { { QStringLiteral("cached_tokens"), usage.cachedTokens } } },
             { QStringLiteral("output_tokens"), usage.completionTokens },
             { QStringLiteral("output_tokens_details"),
               QJsonObject { { QStringLiteral("reasoning_tokens"), usage.reasoningTokens } } },
             { QStringLiteral("total_tokens"), usage.promptTokens + usage.completionTokens } };
}

QJsonValue orNull(const QJsonValue& value)
{
    return value.isUndefined() ? QJsonValue() : value;
}

// "completed", or "incomplete" with its reason when the answer was cut.
QString incompleteReason(const QString& finishReason)
{
    const QByteArray reason = OpenAiGatewayFormat::finishReason(finishReason);
    if (reason == "length") {
        return QStringLiteral("max_output_tokens");
    }
    return reason == "content_filter" ? QStringLiteral("content_filter") : QString();
}
} // namespace

ResponsesGatewayFormat::ResponsesGatewayFormat(quint64 serial, QJsonObject echo)
    : m_echo(std::move(echo))
    , m_created(QDateTime::currentSecsSinceEpoch())
{
    m_id = "resp_sy" + QByteArray::number(m_created, 36) + QByteArray::number(serial, 36);
}

QByteArray ResponsesGatewayFormat::nextId(const char* prefix)
{
    return QByteArray(prefix) + "_sy" + m_id.mid(7) + '_' + QByteArray::number(m_itemSerial++);
}

QByteArray ResponsesGatewayFormat::errorBody(const GatewayError& error) const
{
    return error.toOpenAiJson();
}

QJsonObject ResponsesGatewayFormat::partJson(const Part& part)
{
    if (part.refusal) {
        return { { kType, QStringLiteral("refusal") }, { QStringLiteral("refusal"), part.text } };
    }
    return { { kType, QStringLiteral("output_text") },
             { QStringLiteral("annotations"), part.annotations },
             { QStringLiteral("logprobs"), part.logprobs },
             { QStringLiteral("text"), part.text } };
}

QJsonArray ResponsesGatewayFormat::logprobsOf(const QString& entries)
{
    if (entries.isEmpty()) {
        return {};
    }
    // The entries are chat completions' logprobs.content objects, which the Responses API
    // writes the same way (token, logprob, bytes, top_logprobs).
    return QJsonDocument::fromJson('[' + entries.toUtf8() + ']').array();
}

// Chat completions nests a url citation's fields ({"type": "url_citation", "url_citation": {...}});
// the Responses API writes them flat on the annotation.
QJsonArray ResponsesGatewayFormat::annotationsOf(const QString& citations)
{
    QJsonArray out;
    if (citations.isEmpty()) {
        return out;
    }
    for (const QJsonValue& value : QJsonDocument::fromJson('[' + citations.toUtf8() + ']').array()) {
        QJsonObject annotation = value.toObject();
        const QString type = annotation.value(kType).toString();
        const QJsonValue nested = annotation.value(type);
        if (nested.isObject()) {
            annotation.remove(type);
            const QJsonObject fields = nested.toObject();
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                annotation.insert(it.key(), it.value());
            }
        }
        out.append(annotation);
    }
    return out;
}

QJsonObject ResponsesGatewayFormat::itemJson(const Item& item, bool done)
{
    const QString status = done ? QStringLiteral("completed") : QStringLiteral("in_progress");
    switch (item.kind) {
    case Item::Kind::Reasoning: {
        QJsonArray summary;
        if (done) {
            summary.append(
                QJsonObject { { kType, QStringLiteral("summary_text") }, { QStringLiteral("text"), item.text } });
        }
        return { { QStringLiteral("id"), QString::fromLatin1(item.id) },
                 { kType, QStringLiteral("reasoning") },
                 { QStringLiteral("summary"), summary } };
    }
    case Item::Kind::Function:
        return { { QStringLiteral("id"), QString::fromLatin1(item.id) },
                 { kType, QStringLiteral("function_call") },
                 { QStringLiteral("status"), status },
                 { QStringLiteral("arguments"), done ? item.text : QString() },
                 { QStringLiteral("call_id"), item.callId },
                 { QStringLiteral("name"), item.name } };
    case Item::Kind::Message:
        break;
    }
    QJsonArray content;
    if (done) {
        for (const Part& part : item.parts) {
            content.append(partJson(part));
        }
    }
    return { { QStringLiteral("id"), QString::fromLatin1(item.id) },
             { kType, QStringLiteral("message") },
             { QStringLiteral("status"), status },
             { QStringLiteral("role"), QStringLiteral("assistant") },
             { QStringLiteral("content"), content } };
}

QJsonArray ResponsesGatewayFormat::outputOf(const QList<Item>& items)
{
    QJsonArray output;
    for (const Item& item : items) {
        output.append(itemJson(item, true));
    }
    return output;
}

QJsonObject ResponsesGatewayFormat::response(const QString& model, const char* status, const CallResult* result,
                                             const QJsonArray& output) const
{
    const QJsonObject reasoning = m_echo.value(QLatin1String("reasoning")).toObject();
    QJsonObject text { { QStringLiteral("format"),
                         m_echo.value(QLatin1String("text"))
                             .toObject()
                             .value(QLatin1String("format"))
                             .toObject(QJsonObject { { kType, QStringLiteral("text") } }) } };
    if (m_echo.value(QLatin1String("text")).toObject().contains(QLatin1String("verbosity"))) {
        text.insert(QStringLiteral("verbosity"),
                    m_echo.value(QLatin1String("text")).toObject().value(QLatin1String("verbosity")));
    }
    auto echoed = [this](const char* key, const QJsonValue& fallback) {
        const QJsonValue value = m_echo.value(QLatin1String(key));
        return value.isUndefined() ? fallback : value;
    };
    QJsonObject out { { QStringLiteral("id"), QString::fromLatin1(m_id) },
                      { QStringLiteral("object"), QStringLiteral("response") },
                      { QStringLiteral("created_at"), m_created },
                      { QStringLiteral("status"), QLatin1String(status) },
                      { QStringLiteral("background"), false },
                      { QStringLiteral("error"), QJsonValue() },
                      { QStringLiteral("incomplete_details"), QJsonValue() },
                      { QStringLiteral("instructions"), echoed("instructions", QJsonValue()) },
                      { QStringLiteral("max_output_tokens"), echoed("max_output_tokens", QJsonValue()) },
                      { QStringLiteral("metadata"), echoed("metadata", QJsonObject()) },
                      { QStringLiteral("model"), model },
                      { QStringLiteral("output"), output },
                      { QStringLiteral("parallel_tool_calls"), echoed("parallel_tool_calls", true) },
                      { QStringLiteral("previous_response_id"), echoed("previous_response_id", QJsonValue()) },
                      { QStringLiteral("reasoning"),
                        QJsonObject {
                            { QStringLiteral("effort"), orNull(reasoning.value(QLatin1String("effort"))) },
                            { QStringLiteral("summary"), orNull(reasoning.value(QLatin1String("summary"))) } } },
                      { QStringLiteral("store"), echoed("store", false) },
                      { QStringLiteral("temperature"), echoed("temperature", 1.0) },
                      { QStringLiteral("text"), text },
                      { QStringLiteral("tool_choice"), echoed("tool_choice", QStringLiteral("auto")) },
                      { QStringLiteral("tools"), echoed("tools", QJsonArray()) },
                      { QStringLiteral("top_p"), echoed("top_p", 1.0) },
                      { QStringLiteral("truncation"), QStringLiteral("disabled") },
                      { QStringLiteral("usage"), result ? QJsonValue(usageJson(result->usage)) : QJsonValue() },
                      { QStringLiteral("user"), echoed("user", QJsonValue()) } };
    if (result) {
        const QString reason = incompleteReason(result->finishReason);
        if (!reason.isEmpty()) {
            out.insert(QStringLiteral("status"), QStringLiteral("incomplete"));
            out.insert(QStringLiteral("incomplete_details"), QJsonObject { { QStringLiteral("reason"), reason } });
        }
    }
    return out;
}

QByteArray ResponsesGatewayFormat::completeBody(const CallResult& result, const QString& model) const
{
    // The items a whole answer has, in the order the API gives them.
    QList<Item> items;
    int serial = 0;
    auto id = [&](const char* prefix) {
        return QByteArray(prefix) + "_sy" + m_id.mid(7) + '_' + QByteArray::number(serial++);
    };
    if (!result.reasoning.isEmpty()) {
        items.append({ Item::Kind::Reasoning, id("rs"), result.reasoning, {}, {}, {}, false });
    }
    if (!result.text.isEmpty() || !result.refusal.isEmpty()) {
        Item message { Item::Kind::Message, id("msg"), {}, {}, {}, {}, false };
        if (!result.text.isEmpty()) {
            message.parts.append(
                Part { false, result.text, logprobsOf(result.logprobs), annotationsOf(result.citations) });
        }
        if (!result.refusal.isEmpty()) {
            message.parts.append(Part { true, result.refusal, {} });
        }
        items.append(message);
    }
    for (const ToolCall& call : result.toolCalls) {
        items.append({ Item::Kind::Function, id("fc"), call.arguments, {}, call.id, call.name, false });
    }
    const QJsonObject done = response(model, "completed", &result, outputOf(items));
    if (m_completed) {
        m_completed(done);
    }
    return QJsonDocument(done).toJson(QJsonDocument::Compact);
}

QByteArray ResponsesGatewayFormat::event(const char* type, QJsonObject data)
{
    data.insert(kType, QLatin1String(type));
    data.insert(QStringLiteral("sequence_number"), m_sequence++);
    return QByteArray("event: ") + type + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray ResponsesGatewayFormat::streamStart(const QString& model, qint64)
{
    m_model = model;
    const QJsonObject created = response(model, "in_progress", nullptr, {});
    QByteArray out = event("response.created", { { QStringLiteral("response"), created } });
    out += event("response.in_progress", { { QStringLiteral("response"), created } });
    return out;
}

QByteArray ResponsesGatewayFormat::openItem(Item::Kind kind, const QString& callId, const QString& name)
{
    QByteArray out = kind == Item::Kind::Function ? QByteArray() : closeOpenItems();
    Item item;
    item.kind = kind;
    item.id = nextId(kind == Item::Kind::Reasoning ? "rs" : (kind == Item::Kind::Message ? "msg" : "fc"));
    item.callId = callId;
    item.name = name;
    m_items.append(item);
    const int index = int(m_items.size() - 1);
    if (kind != Item::Kind::Function) {
        m_current = index;
    }
    out += event("response.output_item.added",
                 { { kOutputIndex, index }, { QStringLiteral("item"), itemJson(item, false) } });
    if (kind == Item::Kind::Reasoning) {
        out += event(
            "response.reasoning_summary_part.added",
            { { kItemId, QString::fromLatin1(item.id) },
              { kOutputIndex, index },
              { QStringLiteral("summary_index"), 0 },
              { QStringLiteral("part"),
                QJsonObject { { kType, QStringLiteral("summary_text") }, { QStringLiteral("text"), QString() } } } });
    }
    return out;
}

QByteArray ResponsesGatewayFormat::closePart(int index)
{
    Item& item = m_items[index];
    if (item.parts.isEmpty()) {
        return {};
    }
    const Part& part = item.parts.constLast();
    const int contentIndex = int(item.parts.size() - 1);
    QJsonObject done { { kItemId, QString::fromLatin1(item.id) },
                       { kOutputIndex, index },
                       { kContentIndex, contentIndex } };
    QJsonObject text = done;
    QByteArray out;
    if (part.refusal) {
        text.insert(QStringLiteral("refusal"), part.text);
        out += event("response.refusal.done", text);
    } else {
        text.insert(QStringLiteral("text"), part.text);
        text.insert(QStringLiteral("logprobs"), part.logprobs);
        out += event("response.output_text.done", text);
    }
    done.insert(QStringLiteral("part"), partJson(part));
    out += event("response.content_part.done", done);
    return out;
}

QByteArray ResponsesGatewayFormat::closeItem(int index)
{
    Item& item = m_items[index];
    if (!item.open) {
        return {};
    }
    item.open = false;
    QByteArray out;
    const QString id = QString::fromLatin1(item.id);
    switch (item.kind) {
    case Item::Kind::Reasoning: {
        const QJsonObject part { { kType, QStringLiteral("summary_text") }, { QStringLiteral("text"), item.text } };
        out += event("response.reasoning_summary_text.done",
                     { { kItemId, id },
                       { kOutputIndex, index },
                       { QStringLiteral("summary_index"), 0 },
                       { QStringLiteral("text"), item.text } });
        out += event("response.reasoning_summary_part.done",
                     { { kItemId, id },
                       { kOutputIndex, index },
                       { QStringLiteral("summary_index"), 0 },
                       { QStringLiteral("part"), part } });
        break;
    }
    case Item::Kind::Message:
        out += closePart(index);
        break;
    case Item::Kind::Function:
        out += event("response.function_call_arguments.done",
                     { { kItemId, id }, { kOutputIndex, index }, { QStringLiteral("arguments"), item.text } });
        break;
    }
    out += event("response.output_item.done",
                 { { kOutputIndex, index }, { QStringLiteral("item"), itemJson(item, true) } });
    if (m_current == index) {
        m_current = -1;
    }
    return out;
}

QByteArray ResponsesGatewayFormat::closeOpenItems()
{
    QByteArray out;
    for (int i = 0; i < m_items.size(); ++i) {
        out += closeItem(i);
    }
    return out;
}

QByteArray ResponsesGatewayFormat::reasoningDelta(const QString& text)
{
    QByteArray out;
    if (m_current < 0 || m_items.at(m_current).kind != Item::Kind::Reasoning) {
        out += openItem(Item::Kind::Reasoning);
    }
    Item& item = m_items[m_current];
    item.text += text;
    out += event("response.reasoning_summary_text.delta",
                 { { kItemId, QString::fromLatin1(item.id) },
                   { kOutputIndex, m_current },
                   { QStringLiteral("summary_index"), 0 },
                   { kDelta, text } });
    return out;
}

QByteArray ResponsesGatewayFormat::messagePiece(bool refusal, const QString& text)
{
    QByteArray out;
    if (m_current < 0 || m_items.at(m_current).kind != Item::Kind::Message) {
        out += openItem(Item::Kind::Message);
    }
    const int index = m_current;
    Item& item = m_items[index];
    if (item.parts.isEmpty() || item.parts.constLast().refusal != refusal) {
        out += closePart(index);
        item.parts.append(Part { refusal, {}, {}, {} });
        if (!refusal) {
            std::swap(item.parts.last().annotations, m_pendingAnnotations);
        }
        out += event("response.content_part.added",
                     { { kItemId, QString::fromLatin1(item.id) },
                       { kOutputIndex, index },
                       { kContentIndex, int(item.parts.size() - 1) },
                       { QStringLiteral("part"), partJson(item.parts.constLast()) } });
    }
    item.parts.last().text += text;
    QJsonObject delta { { kItemId, QString::fromLatin1(item.id) },
                        { kOutputIndex, index },
                        { kContentIndex, int(item.parts.size() - 1) },
                        { kDelta, text } };
    if (!refusal) {
        delta.insert(QStringLiteral("logprobs"), QJsonArray());
    }
    out += event(refusal ? "response.refusal.delta" : "response.output_text.delta", delta);
    return out;
}

// They follow the text they belong to (chat completions sends them beside it): an output_text
// delta with no text carries them, and the part keeps them for its done event.
QByteArray ResponsesGatewayFormat::logprobsDelta(const QString& entries)
{
    if (m_current < 0 || m_items.at(m_current).kind != Item::Kind::Message || m_items.at(m_current).parts.isEmpty()
        || m_items.at(m_current).parts.constLast().refusal) {
        return {};
    }
    Item& item = m_items[m_current];
    const QJsonArray logprobs = logprobsOf(entries);
    for (const QJsonValue& entry : logprobs) {
        item.parts.last().logprobs.append(entry);
    }
    return event("response.output_text.delta",
                 { { kItemId, QString::fromLatin1(item.id) },
                   { kOutputIndex, m_current },
                   { kContentIndex, int(item.parts.size() - 1) },
                   { kDelta, QString() },
                   { QStringLiteral("logprobs"), logprobs } });
}

// A citation belongs to the text before it (OpenAI sends it after that text); one that comes before
// any text waits for the text part it will belong to.
QByteArray ResponsesGatewayFormat::annotationAdded(const QString& citation)
{
    const QJsonArray annotations = annotationsOf(citation);
    if (m_current < 0 || m_items.at(m_current).kind != Item::Kind::Message || m_items.at(m_current).parts.isEmpty()
        || m_items.at(m_current).parts.constLast().refusal) {
        for (const QJsonValue& annotation : annotations) {
            m_pendingAnnotations.append(annotation);
        }
        return {};
    }
    Item& item = m_items[m_current];
    QJsonArray& kept = item.parts.last().annotations;
    QByteArray out;
    for (const QJsonValue& annotation : annotations) {
        kept.append(annotation);
        out += event("response.output_text.annotation.added",
                     { { kItemId, QString::fromLatin1(item.id) },
                       { kOutputIndex, m_current },
                       { kContentIndex, int(item.parts.size() - 1) },
                       { QStringLiteral("annotation_index"), int(kept.size() - 1) },
                       { QStringLiteral("annotation"), annotation } });
    }
    return out;
}

QByteArray ResponsesGatewayFormat::textDelta(const QString& text)
{
    return messagePiece(false, text);
}

QByteArray ResponsesGatewayFormat::partDelta(const AnswerPart& part)
{
    switch (part.kind) {
    case AnswerPart::Kind::Refusal:
        return messagePiece(true, part.text);
    case AnswerPart::Kind::Signature:
    case AnswerPart::Kind::RedactedThinking:
        return {}; // Anthropic's, for sending thinking back to Anthropic: the Responses API has no place for it
    case AnswerPart::Kind::Logprobs:
        return logprobsDelta(part.text);
    case AnswerPart::Kind::Citation:
        // Claude's come ahead of their text too, without a range: the annotation comes with the block's end.
        return part.text.isEmpty() ? QByteArray() : annotationAdded(part.text);
    case AnswerPart::Kind::ServerTool:
    case AnswerPart::Kind::TextBlock:
        // Claude's server blocks (its searches ran on its side) and block starts: the message has
        // one output_text, the citations as its annotations; a server block is no function call.
        return {};
    case AnswerPart::Kind::ToolCall:
        break;
    }
    QByteArray out;
    auto found = m_functions.constFind(part.index);
    if (found == m_functions.cend()) {
        if (m_current >= 0) {
            out += closeItem(m_current); // text before the calls is done
        }
        out += openItem(Item::Kind::Function, part.id, part.name);
        found = m_functions.insert(part.index, int(m_items.size() - 1));
    }
    const int index = *found;
    Item& item = m_items[index];
    if (!part.text.isEmpty()) {
        item.text += part.text;
        out += event("response.function_call_arguments.delta",
                     { { kItemId, QString::fromLatin1(item.id) }, { kOutputIndex, index }, { kDelta, part.text } });
    }
    return out;
}

QByteArray ResponsesGatewayFormat::streamEnd(const CallResult& result, bool)
{
    QByteArray out = closeOpenItems();
    // An answer that came whole (the response cache, an upstream that did not stream) is sent as
    // its items now, so the stream always holds what the final response does.
    const bool textSent = std::any_of(m_items.cbegin(), m_items.cend(),
                                      [](const Item& item) { return item.kind == Item::Kind::Message; });
    if (!textSent && (!result.text.isEmpty() || !result.refusal.isEmpty())) {
        if (!result.text.isEmpty()) {
            out += messagePiece(false, result.text);
            out += annotationAdded(result.citations);
        }
        if (!result.refusal.isEmpty()) {
            out += messagePiece(true, result.refusal);
        }
        out += closeOpenItems();
    }
    if (m_functions.isEmpty()) {
        for (qsizetype i = 0; i < result.toolCalls.size(); ++i) {
            const ToolCall& call = result.toolCalls.at(i);
            out += partDelta({ AnswerPart::Kind::ToolCall, int(i), call.id, call.name, call.arguments });
        }
        out += closeOpenItems();
    }
    const QJsonObject done
        = response(m_model.isEmpty() ? result.modelId : m_model, "completed", &result, outputOf(m_items));
    const bool complete = done.value(QLatin1String("status")).toString() == QLatin1String("completed");
    if (m_completed) {
        m_completed(done);
    }
    out += event(complete ? "response.completed" : "response.incomplete", { { QStringLiteral("response"), done } });
    return out;
}

QByteArray ResponsesGatewayFormat::streamError(const GatewayError& error)
{
    // As OpenAI ends a stream that fails after it began: an error event (the SDKs raise it), then
    // response.failed with the error on the response.
    const QJsonObject body
        = QJsonDocument::fromJson(error.toOpenAiJson()).object().value(QLatin1String("error")).toObject();
    QByteArray out = event("error", { { QStringLiteral("error"), body } });
    QJsonObject failed = response(m_model, "failed", nullptr, outputOf(m_items));
    failed.insert(QStringLiteral("error"),
                  QJsonObject { { QStringLiteral("code"), body.value(QLatin1String("code")) },
                                { QStringLiteral("message"), body.value(QLatin1String("message")) } });
    out += event("response.failed", { { QStringLiteral("response"), failed } });
    return out;
}
