#include "core/gateway/GatewayFormat.h"

#include "core/gateway/AnthropicGatewayFormat.h"
#include "core/gateway/OpenAiGatewayFormat.h"
#include "core/gateway/ResponsesGatewayFormat.h"

std::unique_ptr<GatewayFormat> GatewayFormat::create(Api api, quint64 serial)
{
    if (api == Api::Anthropic) {
        return std::make_unique<AnthropicGatewayFormat>(serial);
    }
    if (api == Api::Responses) {
        return std::make_unique<ResponsesGatewayFormat>(serial, QJsonObject());
    }
    return std::make_unique<OpenAiGatewayFormat>(serial);
}
