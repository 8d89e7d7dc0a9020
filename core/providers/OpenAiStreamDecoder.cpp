#include "core/providers/OpenAiStreamDecoder.h"

#include "core/providers/ErrorClassifier.h"
#include "core/providers/OpenAiChunkScanner.h"
#include "core/providers/OpenAiWire.h"
#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
// The choice we show: index 0 (n > 1 is never requested), else the first one.
QJsonObject primaryChoice(const QJsonArray& choices)
{
    for (const QJsonValue& choice : choices) {
        const QJsonObject object = choice.toObject();
        if (WireJson::toInt64(object.value(QLatin1String("index")), 0) == 0) {
            return object;
        }
    }
    return QJsonObject();
}
} // namespace

void OpenAiStreamDecoder::handleEvent(const SseEvent& event, WireDelta& delta)
{
    if (event.data.isEmpty()) {
        return; // e.g. "event: ping" without data
    }
    if (isDoneSentinel(event.data)) {
        delta.endOfStream = true;
        markComplete();
        return;
    }
    OpenAiChunkScanner::Chunk fast;
    // A content filter stop takes the full parse: it names the categories that fired.
    if (OpenAiChunkScanner::scan(event.data, &fast, &m_memo) && fast.finishReason != QLatin1String("content_filter")) {
        delta.text = std::move(fast.content);
        delta.reasoning
            = fast.reasoningContent.isEmpty() ? std::move(fast.reasoning) : std::move(fast.reasoningContent);
        delta.finishReason = std::move(fast.finishReason);
        if (fast.usage) {
            // Gemini's OpenAI endpoint repeats cumulative usage on every chunk: each one replaces the last.
            delta.usage = OpenAiWire::usageFrom(*fast.usage);
        }
        if (!delta.finishReason.isEmpty()) {
            markComplete();
        }
        return;
    }
    QJsonObject chunk;
    if (!parseObject(event, &chunk, delta)) {
        return;
    }
    const QJsonValue error = chunk.value(QLatin1String("error"));
    if (!error.isUndefined() && !error.isNull()) {
        delta.error = ErrorClassifier::classifyInBandError(chunk);
        return;
    }
    const QJsonValue choices = chunk.value(QLatin1String("choices"));
    const QJsonValue usage = chunk.value(QLatin1String("usage"));
    if (!choices.isArray() && (usage.isUndefined() || usage.isNull())) {
        delta.error
            = WireJson::malformed(QCoreApplication::translate("OpenAiStreamDecoder", "Stream chunk has no choices: %1")
                                      .arg(WireJson::excerpt(event.data, 120)));
        return;
    }
    const QJsonObject choice = primaryChoice(choices.toArray());
    const QJsonObject message = choice.value(QLatin1String("delta")).toObject();
    delta.text = message.value(QLatin1String("content")).toString();
    delta.reasoning = message.value(QLatin1String("reasoning_content")).toString();
    if (delta.reasoning.isEmpty()) {
        delta.reasoning = message.value(QLatin1String("reasoning")).toString();
    }
    OpenAiWire::readParts(message, delta.parts);
    OpenAiWire::readLogprobs(choice, delta.parts);
    delta.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    if (delta.finishReason == QLatin1String("content_filter")) {
        delta.filteredCategories = OpenAiWire::filteredCategoriesOf(choice);
    }
    // Gemini's OpenAI endpoint repeats cumulative usage on every chunk: each one replaces the last.
    delta.usage = OpenAiWire::parseUsage(usage);
    if (!delta.finishReason.isEmpty()) {
        markComplete();
    }
}
