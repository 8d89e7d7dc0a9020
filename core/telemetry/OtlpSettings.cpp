#include "core/telemetry/OtlpSettings.h"

namespace {
bool isHttpUrl(const QUrl& url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// "k=v,k2=v2" into `headers`, a later key replacing an earlier one; false on an entry without "=".
bool parseHeaders(const QString& text, QList<std::pair<QByteArray, QByteArray>>& headers)
{
    for (const QString& entry : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return false;
        }
        const QByteArray key = entry.left(equals).trimmed().toLatin1();
        const QByteArray value = QByteArray::fromPercentEncoding(entry.mid(equals + 1).trimmed().toUtf8());
        if (key.isEmpty()) {
            return false;
        }
        headers.removeIf([&key](const auto& header) { return header.first.compare(key, Qt::CaseInsensitive) == 0; });
        headers.append({ key, value });
    }
    return true;
}
} // namespace

QUrl OtlpSettings::tracesUrlFor(const QUrl& base)
{
    QUrl url = base;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/v1/traces"))) {
        return url;
    }
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QLatin1String("/v1/traces"));
    return url;
}

std::optional<OtlpSettings> OtlpSettings::resolve(const QString& endpointOption, const QProcessEnvironment& environment,
                                                  QString* error)
{
    error->clear();
    if (endpointOption.isEmpty()
        && environment.value(QStringLiteral("OTEL_SDK_DISABLED"))
                .trimmed()
                .compare(QLatin1String("true"), Qt::CaseInsensitive)
            == 0) {
        return std::nullopt;
    }
    struct Source
    {
        QString name;
        QString value;
        bool base;
    };
    const QList<Source> sources {
        { QStringLiteral("--otlp-endpoint"), endpointOption, true },
        { QStringLiteral("SWITCHYARD_OTLP_ENDPOINT"), environment.value(QStringLiteral("SWITCHYARD_OTLP_ENDPOINT")),
          true },
        { QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
          environment.value(QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")), false },
        { QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT"),
          environment.value(QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT")), true },
    };
    OtlpSettings settings;
    for (const Source& source : sources) {
        if (source.value.trimmed().isEmpty()) {
            continue;
        }
        const QUrl url(source.value.trimmed(), QUrl::StrictMode);
        if (!isHttpUrl(url)) {
            *error = tr("%1: \"%2\" is not an http:// or https:// URL.").arg(source.name, source.value);
            return std::nullopt;
        }
        settings.tracesUrl = source.base ? tracesUrlFor(url) : url;
        break;
    }
    if (settings.tracesUrl.isEmpty()) {
        return std::nullopt;
    }

    const QString protocol = environment.value(QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"),
                                               environment.value(QStringLiteral("OTEL_EXPORTER_OTLP_PROTOCOL")));
    if (protocol.trimmed() == QLatin1String("grpc")) {
        *error = tr("OTEL_EXPORTER_OTLP_PROTOCOL: Switchyard exports OTLP over HTTP (JSON), not gRPC; point the "
                    "endpoint at the collector's HTTP port (4318).");
        return std::nullopt;
    }
    for (const QString& name :
         { QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS"), QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_HEADERS") }) {
        if (!parseHeaders(environment.value(name), settings.headers)) {
            *error = tr("%1: every entry must be key=value, separated by commas.").arg(name);
            return std::nullopt;
        }
    }
    struct Number
    {
        QString name;
        int* target;
        int minimum;
    };
    const QList<Number> numbers {
        { QStringLiteral("OTEL_EXPORTER_OTLP_TIMEOUT"), &settings.timeoutMs, 1 },
        { QStringLiteral("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT"), &settings.timeoutMs, 1 },
        { QStringLiteral("OTEL_BSP_SCHEDULE_DELAY"), &settings.intervalMs, 1 },
        { QStringLiteral("OTEL_BSP_MAX_QUEUE_SIZE"), &settings.maxQueue, 1 },
        { QStringLiteral("OTEL_BSP_MAX_EXPORT_BATCH_SIZE"), &settings.batchSize, 1 },
    };
    for (const Number& number : numbers) {
        const QString text = environment.value(number.name).trimmed();
        if (text.isEmpty()) {
            continue;
        }
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < number.minimum) {
            *error = tr("%1: \"%2\" is not a positive whole number.").arg(number.name, text);
            return std::nullopt;
        }
        *number.target = value;
    }
    settings.batchSize = qMin(settings.batchSize, settings.maxQueue);
    const QString service = environment.value(QStringLiteral("OTEL_SERVICE_NAME")).trimmed();
    if (!service.isEmpty()) {
        settings.serviceName = service;
    }
    return settings;
}
