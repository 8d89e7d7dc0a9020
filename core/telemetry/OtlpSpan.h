#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

// One span as OTLP carries it, and the JSON encoding of a batch of them (OTLP/HTTP with
// Content-Type application/json, https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding):
// trace and span ids as lowercase hex, 64-bit integers and timestamps as decimal strings, enums
// as their integer values, attribute values as AnyValue objects.
struct OtlpSpan
{
    // Span.SpanKind
    enum class Kind
    {
        Internal = 1,
        Server = 2,
        Client = 3,
    };
    // Status.StatusCode
    enum class Status
    {
        Unset = 0,
        Ok = 1,
        Error = 2,
    };
    // An attribute value: QString, qint64 (or int), double, bool, or QStringList (an array).
    using Attribute = std::pair<QString, QVariant>;

    QByteArray traceId; // 16 bytes
    QByteArray spanId; // 8 bytes
    QByteArray parentSpanId; // 8 bytes, empty for a root span
    QString name;
    Kind kind = Kind::Internal;
    qint64 startUnixNano = 0;
    qint64 endUnixNano = 0;
    QList<Attribute> attributes;
    Status status = Status::Unset;
    QString statusMessage;

    // The ExportTraceServiceRequest body: one resource (service.name and service.version), one
    // scope ("switchyard"), these spans.
    static QByteArray exportRequest(const QList<OtlpSpan>& spans, const QString& serviceName,
                                    const QString& serviceVersion);
};
