#include "core/telemetry/OtlpSpan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {
QJsonObject anyValue(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return { { QStringLiteral("boolValue"), value.toBool() } };
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        // int64 is a string in OTLP JSON, as protobuf's JSON mapping says.
        return { { QStringLiteral("intValue"), QString::number(value.toLongLong()) } };
    case QMetaType::Double:
        return { { QStringLiteral("doubleValue"), value.toDouble() } };
    case QMetaType::QStringList: {
        QJsonArray values;
        for (const QString& item : value.toStringList()) {
            values.append(QJsonObject { { QStringLiteral("stringValue"), item } });
        }
        return { { QStringLiteral("arrayValue"), QJsonObject { { QStringLiteral("values"), values } } } };
    }
    default:
        return { { QStringLiteral("stringValue"), value.toString() } };
    }
}

QJsonArray attributeArray(const QList<OtlpSpan::Attribute>& list)
{
    QJsonArray out;
    for (const auto& [key, value] : list) {
        out.append(QJsonObject { { QStringLiteral("key"), key }, { QStringLiteral("value"), anyValue(value) } });
    }
    return out;
}

QJsonObject spanJson(const OtlpSpan& span)
{
    QJsonObject json {
        { QStringLiteral("traceId"), QString::fromLatin1(span.traceId.toHex()) },
        { QStringLiteral("spanId"), QString::fromLatin1(span.spanId.toHex()) },
        { QStringLiteral("name"), span.name },
        { QStringLiteral("kind"), int(span.kind) },
        { QStringLiteral("startTimeUnixNano"), QString::number(span.startUnixNano) },
        { QStringLiteral("endTimeUnixNano"), QString::number(span.endUnixNano) },
        { QStringLiteral("attributes"), attributeArray(span.attributes) },
    };
    if (!span.parentSpanId.isEmpty()) {
        json.insert(QStringLiteral("parentSpanId"), QString::fromLatin1(span.parentSpanId.toHex()));
    }
    if (span.status != OtlpSpan::Status::Unset) {
        QJsonObject status { { QStringLiteral("code"), int(span.status) } };
        if (!span.statusMessage.isEmpty()) {
            status.insert(QStringLiteral("message"), span.statusMessage);
        }
        json.insert(QStringLiteral("status"), status);
    }
    return json;
}
} // namespace

QByteArray OtlpSpan::exportRequest(const QList<OtlpSpan>& spans, const QString& serviceName,
                                   const QString& serviceVersion)
{
    QJsonArray spanArray;
    for (const OtlpSpan& span : spans) {
        spanArray.append(spanJson(span));
    }
    QList<Attribute> resource { { QStringLiteral("service.name"), serviceName } };
    if (!serviceVersion.isEmpty()) {
        resource.append({ QStringLiteral("service.version"), serviceVersion });
    }
    const QJsonObject scope { { QStringLiteral("name"), QStringLiteral("switchyard") } };
    const QJsonObject scopeSpans { { QStringLiteral("scope"), scope }, { QStringLiteral("spans"), spanArray } };
    const QJsonObject resourceSpans {
        { QStringLiteral("resource"), QJsonObject { { QStringLiteral("attributes"), attributeArray(resource) } } },
        { QStringLiteral("scopeSpans"), QJsonArray { scopeSpans } },
    };
    const QJsonObject body { { QStringLiteral("resourceSpans"), QJsonArray { resourceSpans } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
