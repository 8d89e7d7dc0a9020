// SseParser: any bytes, any feed boundaries. Invariants: no crash/UB, and the events, comment
// count and failure state of a split feed equal those of a one-shot feed.
#include "FuzzInput.h"
#include "core/providers/SseParser.h"

namespace {
struct Result
{
    QList<SseEvent> events;
    int comments = 0;
    bool ok = true;
};

Result run(const QList<QByteArrayView>& pieces, qsizetype cap)
{
    SseParser parser(cap);
    Result result;
    for (QByteArrayView piece : pieces) {
        result.ok = parser.feed(piece, result.events) && result.ok;
    }
    FUZZ_CHECK(result.ok != parser.hasError());
    parser.finish(result.events);
    result.ok = !parser.hasError();
    result.comments = parser.commentCount();
    return result;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1) {
        return 0;
    }
    const std::uint8_t control = data[0];
    const QByteArrayView body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    // A small cap now and then exercises the endless-line path.
    const qsizetype cap = control & 0x80 ? 64 : 32 * 1024 * 1024;
    const Result whole = run({ body }, cap);
    const Result split = run(fuzzSplit(body, control), cap);
    FUZZ_CHECK(whole.ok == split.ok);
    FUZZ_CHECK(whole.comments == split.comments);
    FUZZ_CHECK(whole.events == split.events);
    for (const SseEvent& event : whole.events) {
        FUZZ_CHECK(event.data.size() <= cap);
        FUZZ_CHECK(!event.data.contains('\r'));
    }
    return 0;
}
