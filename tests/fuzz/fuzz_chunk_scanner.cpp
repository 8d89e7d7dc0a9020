// The stream event fast paths against the full JSON decoder. Invariants: whenever
// OpenAiChunkScanner accepts an input, QJsonDocument accepts it as an object (one choice, or none
// with a usage object) and yields the same content, reasoning, finish reason and usage; whenever
// AnthropicEventScanner accepts one, QJsonDocument gives the same event kind, text, thinking,
// stop reason and usage as AnthropicStreamDecoder's full reading; and an OpenAiChunkScanner memo
// primed with the input's first line never changes how the rest is read.
#include "AnthropicFullReading.h"
#include "FuzzInput.h"
#include "core/providers/OpenAiChunkScanner.h"
#include "core/providers/OpenAiWire.h"
#include "core/providers/WireJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {
void checkAnthropic(const QByteArray& json)
{
    AnthropicEventScanner::Event fast;
    if (!AnthropicEventScanner::scan(json, &fast)) {
        return;
    }
    const std::optional<AnthropicReading> full = anthropicFullReading(json);
    FUZZ_CHECK(full && full->kind);
    FUZZ_CHECK(anthropicFastReading(fast) == *full);
}

// "previous\ncurrent": a memo primed with the first event never changes the reading of the second.
void checkMemo(const QByteArray& input)
{
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0) {
        return;
    }
    OpenAiChunkScanner::Memo memo;
    OpenAiChunkScanner::Chunk primed;
    OpenAiChunkScanner::scan(input.first(newline), &primed, &memo);
    const QByteArray current = input.sliced(newline + 1);
    OpenAiChunkScanner::Chunk plain;
    OpenAiChunkScanner::Chunk withMemo;
    const bool accepted = OpenAiChunkScanner::scan(current, &plain);
    FUZZ_CHECK(OpenAiChunkScanner::scan(current, &withMemo, &memo) == accepted);
    if (accepted) {
        FUZZ_CHECK(plain.content == withMemo.content && plain.reasoningContent == withMemo.reasoningContent
                   && plain.reasoning == withMemo.reasoning && plain.finishReason == withMemo.finishReason);
        FUZZ_CHECK(plain.usage.has_value() == withMemo.usage.has_value());
        FUZZ_CHECK(!plain.usage || OpenAiWire::usageFrom(*plain.usage) == OpenAiWire::usageFrom(*withMemo.usage));
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    checkAnthropic(json);
    checkMemo(json);
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
