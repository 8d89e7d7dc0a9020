// Stream decoders, non-streaming bodies and the error classifier on hostile input.
// Invariants: no crash/UB; nothing follows an error delta; complete() is false after an error;
// the assembled result does not depend on feed boundaries.
#include "FuzzInput.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/WireFormat.h"

#include <QJsonDocument>

namespace {
struct Assembled
{
    QString text;
    QString reasoning;
    QString finishReason;
    std::optional<TokenUsage> usage;
    FailureClass failure = FailureClass::None;
    bool complete = false;

    bool operator==(const Assembled&) const = default;
};

void add(Assembled& result, const QList<WireDelta>& deltas)
{
    for (const WireDelta& delta : deltas) {
        FUZZ_CHECK(result.failure == FailureClass::None); // nothing after an error
        FUZZ_CHECK(!delta.isEmpty());
        result.text += delta.text;
        result.reasoning += delta.reasoning;
        if (!delta.finishReason.isEmpty()) {
            result.finishReason = delta.finishReason;
        }
        if (delta.usage) {
            result.usage = delta.usage;
        }
        if (delta.error) {
            FUZZ_CHECK(delta.error->isError());
            result.failure = delta.error->failureClass;
        }
    }
}

Assembled decode(const WireFormat& wire, const QList<QByteArrayView>& pieces)
{
    const auto decoder = wire.createStreamDecoder();
    Assembled result;
    QList<WireDelta> deltas;
    for (QByteArrayView piece : pieces) {
        decoder->feed(piece, deltas);
        add(result, deltas);
        deltas.clear();
    }
    decoder->finish(deltas);
    add(result, deltas);
    result.complete = decoder->complete();
    FUZZ_CHECK(!(result.complete && result.failure != FailureClass::None));
    return result;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2) {
        return 0;
    }
    const std::uint8_t control = data[0];
    const QByteArrayView body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const auto wire
        = WireFormat::create(control & 0x01 ? ProviderKind::AnthropicMessages : ProviderKind::OpenAiCompatible);
    switch ((control >> 1) & 0x03) {
    case 0: {
        const Assembled whole = decode(*wire, { body });
        const Assembled split = decode(*wire, fuzzSplit(body, control));
        FUZZ_CHECK(whole == split);
        break;
    }
    case 1: {
        const WireDelta delta = wire->decodeResponse(body.toByteArray());
        FUZZ_CHECK(delta.error || delta.endOfStream);
        break;
    }
    case 2: {
        // Status from the second byte, a few headers cut from the body's first line.
        const int status = 400 + (data[1] % 200);
        const qsizetype newline = body.indexOf('\n');
        const QByteArray value = body.first(newline < 0 ? 0 : qMin<qsizetype>(newline, 64)).toByteArray();
        const QList<std::pair<QByteArray, QByteArray>> headers { { "retry-after", value },
                                                                 { "x-ratelimit-reset-tokens", value },
                                                                 { "date", value } };
        const CallError error = ErrorClassifier::classifyHttpError(status, headers, body.toByteArray());
        FUZZ_CHECK(error.isError());
        FUZZ_CHECK(error.message.size() <= qMax<qsizetype>(200, body.size()));
        FUZZ_CHECK(error.retryAfterMs >= -1);
        break;
    }
    default: {
        const CallError error
            = ErrorClassifier::classifyInBandError(QJsonDocument::fromJson(body.toByteArray()).object());
        FUZZ_CHECK(error.isError());
        FUZZ_CHECK(ErrorClassifier::parseDuration(body.first(qMin<qsizetype>(body.size(), 80))) >= -1);
        break;
    }
    }
    return 0;
}
