// The stream event fast paths against the full JSON decoder. Invariants: whenever
// OpenAiChunkScanner accepts an input, QJsonDocument accepts it as an object (one choice, or none
// with a usage object) and yields the same content, reasoning, finish reason and usage; whenever
// AnthropicEventScanner accepts one, QJsonDocument reads the same event type and, for a
// content_block_delta, the same text and thinking.
#include "FuzzInput.h"
#include "providers/AnthropicEventScanner.h"
#include "providers/OpenAiChunkScanner.h"
#include "providers/OpenAiWire.h"
#include "providers/WireJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {
void checkAnthropic(const QByteArray& json)
{
    AnthropicEventScanner::Event fast;
    if (!AnthropicEventScanner::scan(json, &fast)) {
        return;
    }
    QString error;
    const QJsonDocument document = WireJson::parse(json, &error);
    FUZZ_CHECK(document.isObject());
    const QJsonObject event = document.object();
    const QString type = event.value(QLatin1String("type")).toString();
    switch (fast.kind) {
    case AnthropicEventScanner::Kind::Delta:
        FUZZ_CHECK(type == QLatin1String("content_block_delta"));
        break;
    case AnthropicEventScanner::Kind::MessageStop:
        FUZZ_CHECK(type == QLatin1String("message_stop"));
        break;
    case AnthropicEventScanner::Kind::Quiet:
        FUZZ_CHECK(type == QLatin1String("ping") || type == QLatin1String("content_block_stop"));
        break;
    }
    const bool isDelta = type == QLatin1String("content_block_delta");
    const QJsonObject change = event.value(QLatin1String("delta")).toObject();
    const QString kind = change.value(QLatin1String("type")).toString();
    FUZZ_CHECK(fast.text
               == (isDelta && kind == QLatin1String("text_delta") ? change.value(QLatin1String("text")).toString()
                                                                  : QString()));
    FUZZ_CHECK(fast.thinking
               == (isDelta && kind == QLatin1String("thinking_delta")
                       ? change.value(QLatin1String("thinking")).toString()
                       : QString()));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    checkAnthropic(json);
    OpenAiChunkScanner::Chunk fast;
    if (!OpenAiChunkScanner::scan(json, &fast)) {
        return 0;
    }
    QString error;
    const QJsonDocument document = WireJson::parse(json, &error);
    FUZZ_CHECK(document.isObject());
    const QJsonObject object = document.object();
    const std::optional<TokenUsage> usage = OpenAiWire::parseUsage(object.value(QLatin1String("usage")));
    FUZZ_CHECK(fast.usage.has_value() == usage.has_value());
    FUZZ_CHECK(!usage || OpenAiWire::usageFrom(*fast.usage) == *usage);
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    FUZZ_CHECK(choices.size() == 1 || (choices.isEmpty() && usage));
    const QJsonObject choice = choices.isEmpty() ? QJsonObject() : choices.first().toObject();
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
    FUZZ_CHECK(fast.content == delta.value(QLatin1String("content")).toString());
    FUZZ_CHECK(fast.reasoningContent == delta.value(QLatin1String("reasoning_content")).toString());
    FUZZ_CHECK(fast.reasoning == delta.value(QLatin1String("reasoning")).toString());
    FUZZ_CHECK(fast.finishReason == choice.value(QLatin1String("finish_reason")).toString());
    return 0;
}
