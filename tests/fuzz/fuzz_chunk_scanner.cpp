// The stream event fast paths against the full JSON decoder. Invariants: whenever
// OpenAiChunkScanner accepts an input, QJsonDocument accepts it as an object (one choice, or none
// with a usage object) and yields the same content, reasoning, finish reason and usage; whenever
// AnthropicEventScanner accepts one, QJsonDocument gives the same event kind, text, thinking,
// stop reason and usage as AnthropicStreamDecoder's full reading; and an OpenAiChunkScanner memo
// primed with the input's first line never changes how the rest is read.
#include "FuzzInput.h"
#include "providers/AnthropicEventScanner.h"
#include "providers/AnthropicWire.h"
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
    // AnthropicStreamDecoder's full reading, from a usage of zeros.
    const QJsonObject event = document.object();
    const QString type = event.value(QLatin1String("type")).toString();
    using Kind = AnthropicEventScanner::Kind;
    QString text;
    QString thinking;
    QString stopReason;
    QJsonValue usage;
    Kind kind = Kind::Quiet;
    if (type == QLatin1String("content_block_delta") || type == QLatin1String("content_block_start")) {
        const bool isDelta = type == QLatin1String("content_block_delta");
        const QJsonObject part = event.value(QLatin1String(isDelta ? "delta" : "content_block")).toObject();
        const QString partKind = part.value(QLatin1String("type")).toString();
        if (partKind == QLatin1String(isDelta ? "text_delta" : "text")) {
            text = part.value(QLatin1String("text")).toString();
        } else if (partKind == QLatin1String(isDelta ? "thinking_delta" : "thinking")) {
            thinking = part.value(QLatin1String("thinking")).toString();
        }
        kind = Kind::Text;
    } else if (type == QLatin1String("message_start")) {
        usage = event.value(QLatin1String("message")).toObject().value(QLatin1String("usage"));
        kind = Kind::MessageStart;
    } else if (type == QLatin1String("message_delta")) {
        stopReason = event.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")).toString();
        usage = event.value(QLatin1String("usage"));
        kind = Kind::MessageDelta;
    } else if (type == QLatin1String("message_stop")) {
        kind = Kind::MessageStop;
    } else {
        FUZZ_CHECK(type == QLatin1String("ping") || type == QLatin1String("content_block_stop"));
    }
    FUZZ_CHECK(fast.kind == kind);
    FUZZ_CHECK(fast.text == text);
    FUZZ_CHECK(fast.thinking == thinking);
    FUZZ_CHECK(fast.stopReason == stopReason);
    FUZZ_CHECK(fast.usage.has_value() == usage.isObject());
    if (fast.usage) {
        AnthropicUsage full;
        full.merge(usage.toObject());
        FUZZ_CHECK(full.inputTokens == fast.usage->inputTokens.value_or(0));
        FUZZ_CHECK(full.cacheReadTokens == fast.usage->cacheReadTokens.value_or(0));
        FUZZ_CHECK(full.cacheCreationTokens == fast.usage->cacheCreationTokens.value_or(0));
        FUZZ_CHECK(full.outputTokens == fast.usage->outputTokens.value_or(0));
    }
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
