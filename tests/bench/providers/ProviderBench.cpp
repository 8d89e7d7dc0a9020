#include "core/providers/SseParser.h"
#include "core/providers/WireFormat.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <functional>

// Throughput of the wire layer on realistic streams: a recorded fixture repeated to ~50 MB
// (--mb N to change), fed in 1 KiB and 16 KiB pieces like network reads.
namespace {
QByteArray readFixture(const char* name)
{
    QFile file(QStringLiteral(SWITCHYARD_WIRE_FIXTURES "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The fixture's events without its end marker, repeated, then the end marker once: a long
// stream the decoder reads to the end.
QByteArray repeatedStream(const QByteArray& body, const QByteArray& endMarker, qint64 targetBytes)
{
    QByteArray events = body;
    const qsizetype end = events.indexOf(endMarker);
    if (end >= 0) {
        events.truncate(end);
    }
    if (!events.endsWith("\n\n")) {
        events.append("\n\n");
    }
    QByteArray stream;
    stream.reserve(targetBytes + events.size() + endMarker.size() + 4);
    while (stream.size() < targetBytes) {
        stream.append(events);
    }
    stream.append(endMarker);
    stream.append("\n\n");
    return stream;
}

// Best of three runs, in MB/s (10^6 bytes).
double measure(const QByteArray& stream, qsizetype feedSize, const std::function<void(QByteArrayView)>& feed,
               const std::function<void()>& reset)
{
    double best = 0;
    for (int run = 0; run < 3; ++run) {
        reset();
        QElapsedTimer timer;
        timer.start();
        for (qsizetype pos = 0; pos < stream.size(); pos += feedSize) {
            feed(QByteArrayView(stream).sliced(pos, qMin(feedSize, stream.size() - pos)));
        }
        const qint64 ns = qMax<qint64>(1, timer.nsecsElapsed());
        best = qMax(best, double(stream.size()) / 1e6 / (double(ns) / 1e9));
    }
    return best;
}
} // namespace

int runProviderBenchmarks(const QStringList& args)
{
    QTextStream out(stdout);
    qint64 megabytes = 50;
    const qsizetype mbIndex = args.indexOf(QStringLiteral("--mb"));
    if (mbIndex >= 0 && mbIndex + 1 < args.size()) {
        megabytes = qMax(1, args.at(mbIndex + 1).toInt());
    }
    struct Stream
    {
        const char* label;
        const char* fixture;
        QByteArray endMarker;
        ProviderKind kind;
    };
    const Stream streams[] = {
        { "openai", "openai-chat-stream-usage-obfuscation.sse", "data: [DONE]", ProviderKind::OpenAiCompatible },
        { "deepseek", "deepseek-stream-reasoning.sse", "data: [DONE]", ProviderKind::OpenAiCompatible },
        { "anthropic", "anthropic-stream-usage-2025.sse", "event: message_stop", ProviderKind::AnthropicMessages },
    };
    out << "providers: wire-format throughput, best of 3, " << megabytes << " MB per stream\n";
    for (const Stream& spec : streams) {
        const QByteArray body = readFixture(spec.fixture);
        if (body.isEmpty()) {
            out << "  missing fixture " << spec.fixture << "\n";
            return 1;
        }
        QByteArray stream = repeatedStream(body, spec.endMarker, megabytes * 1000 * 1000);
        if (spec.kind == ProviderKind::AnthropicMessages) {
            stream.replace("event: message_stop\n\n", "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        }
        const auto wire = WireFormat::create(spec.kind);
        for (const qsizetype feedSize : { qsizetype(1024), qsizetype(16 * 1024) }) {
            std::unique_ptr<SseParser> parser;
            QList<SseEvent> events;
            qint64 eventCount = 0;
            const double sseRate = measure(
                stream, feedSize,
                [&](QByteArrayView piece) {
                    parser->feed(piece, events);
                    eventCount += events.size();
                    events.clear();
                },
                [&] {
                    parser = std::make_unique<SseParser>();
                    eventCount = 0;
                });

            std::unique_ptr<StreamDecoder> decoder;
            QList<WireDelta> deltas;
            qint64 textChars = 0;
            const double decodeRate = measure(
                stream, feedSize,
                [&](QByteArrayView piece) {
                    decoder->feed(piece, deltas);
                    for (const WireDelta& delta : std::as_const(deltas)) {
                        textChars += delta.text.size();
                    }
                    deltas.clear();
                },
                [&] {
                    decoder = wire->createStreamDecoder();
                    textChars = 0;
                });
            QList<WireDelta> tail;
            decoder->finish(tail);
            out << QStringLiteral("  %1 %2 KiB feeds: SSE parse %3 MB/s (%4 events), full decode %5 MB/s (%6 text "
                                  "chars, complete=%7)\n")
                       .arg(QLatin1String(spec.label), -9)
                       .arg(feedSize / 1024, 2)
                       .arg(sseRate, 7, 'f', 0)
                       .arg(eventCount)
                       .arg(decodeRate, 6, 'f', 1)
                       .arg(textChars)
                       .arg(decoder->complete() ? QStringLiteral("yes") : QStringLiteral("NO"));
        }
    }
    return 0;
}
