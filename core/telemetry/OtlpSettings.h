#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

// Where and how spans are exported, from the command line and the standard OpenTelemetry
// environment variables (https://opentelemetry.io/docs/specs/otel/protocol/exporter/ and the
// batch span processor's OTEL_BSP_*). Export is off unless an endpoint is given.
struct OtlpSettings
{
    Q_DECLARE_TR_FUNCTIONS(OtlpSettings)

public:
    QUrl tracesUrl; // the full URL POSTed to, ".../v1/traces"
    QList<std::pair<QByteArray, QByteArray>> headers; // sent with every export (a collector's token)
    int batchSize = 512; // spans per POST at most (OTEL_BSP_MAX_EXPORT_BATCH_SIZE)
    int intervalMs = 5000; // spans wait at most this long (OTEL_BSP_SCHEDULE_DELAY)
    int maxQueue = 2048; // spans waiting past this are dropped (OTEL_BSP_MAX_QUEUE_SIZE)
    int timeoutMs = 10000; // one export's deadline (OTEL_EXPORTER_OTLP_TIMEOUT)
    QString serviceName = QStringLiteral("switchyard"); // OTEL_SERVICE_NAME

    // `base` + "/v1/traces" (a base already ending so is kept).
    static QUrl tracesUrlFor(const QUrl& base);

    // The endpoint, first found: `endpointOption` (serve --otlp-endpoint, a base URL),
    // SWITCHYARD_OTLP_ENDPOINT (a base URL), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL),
    // OTEL_EXPORTER_OTLP_ENDPOINT (a base URL). Headers from OTEL_EXPORTER_OTLP_HEADERS, then
    // OTEL_EXPORTER_OTLP_TRACES_HEADERS ("key=value,key2=value2", values percent-encoded).
    // nullopt with an empty *error when no endpoint is set (or OTEL_SDK_DISABLED=true); nullopt
    // with *error naming the option or variable when one is wrong.
    static std::optional<OtlpSettings> resolve(const QString& endpointOption, const QProcessEnvironment& environment,
                                               QString* error);
};
