// The loopback transport's HTTP/1.1 response parser on hostile input.
// Invariants: no crash/UB; the outcome (state, status, body, keep-alive) does not depend on
// how the bytes were split into reads; the body never holds more bytes than arrived.
#include "FuzzInput.h"
#include "core/providers/HttpResponseParser.h"

namespace {
struct Outcome
{
    HttpResponseParser::State state;
    int status = 0;
    QByteArray body;
    bool keepAlive = false;

    bool operator==(const Outcome&) const = default;
};

Outcome parse(const QList<QByteArrayView>& pieces, bool closeAtEnd)
{
    HttpResponseParser parser;
    QByteArray body;
    qsizetype fed = 0;
    for (QByteArrayView piece : pieces) {
        parser.feed(piece, body);
        fed += piece.size();
        FUZZ_CHECK(body.size() <= fed);
    }
    if (closeAtEnd) {
        parser.finishOnClose();
    }
    return { parser.state(), parser.headComplete() ? parser.status() : 0, body,
             parser.state() == HttpResponseParser::State::Complete && parser.keepAlive() };
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1) {
        return 0;
    }
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const bool closeAtEnd = data[0] & 0x80;
    const Outcome whole = parse({ bytes }, closeAtEnd);
    const Outcome split = parse(fuzzSplit(bytes, data[0]), closeAtEnd);
    // An error found in the head may be found at a different byte, but it is an error either way.
    if (whole.state == HttpResponseParser::State::Error || split.state == HttpResponseParser::State::Error) {
        FUZZ_CHECK(whole.state == split.state);
        return 0;
    }
    FUZZ_CHECK(whole == split);
    return 0;
}
