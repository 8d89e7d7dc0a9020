// The OpenAI stream chunk fast path against the full JSON decoder.
// Invariant: whenever OpenAiChunkScanner accepts an input, QJsonDocument accepts it as an object
// (one choice, or none with a usage object) and yields the same content, reasoning, finish reason
// and usage.
#include "FuzzInput.h"
#include "providers/OpenAiChunkScanner.h"
#include "providers/OpenAiWire.h"
#include "providers/WireJson.h"

#include <QJsonArray>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
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
