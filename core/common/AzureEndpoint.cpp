#include "core/common/AzureEndpoint.h"

QString AzureEndpoint::defaultApiVersion()
{
    return QStringLiteral("2024-10-21");
}

bool AzureEndpoint::isV1Base(const QUrl& baseUrl)
{
    QString path = baseUrl.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    return path.endsWith(QLatin1String("/openai/v1"));
}

QUrl AzureEndpoint::forResource(const QString& resource)
{
    return QUrl(QStringLiteral("https://%1.openai.azure.com").arg(resource.trimmed().toLower()));
}
