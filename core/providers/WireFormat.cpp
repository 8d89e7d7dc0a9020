#include "WireFormat.h"

#include "AnthropicWire.h"
#include "OpenAiWire.h"

std::unique_ptr<WireFormat> WireFormat::create(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::AnthropicMessages:
        return std::make_unique<AnthropicWire>();
    case ProviderKind::OpenAiCompatible:
        break;
    }
    return std::make_unique<OpenAiWire>();
}

QUrl WireFormat::endpointUrl(const QUrl& baseUrl) const
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QLatin1Char('/') + endpointPath());
    return url;
}
