#include "core/gateway/GatewayFormat.h"

#include "core/gateway/AnthropicGatewayFormat.h"
#include "core/gateway/OpenAiGatewayFormat.h"

std::unique_ptr<GatewayFormat> GatewayFormat::create(Api api, quint64 serial)
{
    if (api == Api::Anthropic) {
        return std::make_unique<AnthropicGatewayFormat>(serial);
    }
    return std::make_unique<OpenAiGatewayFormat>(serial);
}
