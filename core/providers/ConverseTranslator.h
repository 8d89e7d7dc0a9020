#pragma once

#include "core/providers/RequestTranslator.h"

#include <QJsonObject>

// An Anthropic Messages body as a Bedrock Converse body (an OpenAI body goes through
// RequestTranslator::openAiToAnthropic first). System text, text, images and PDFs sent inline,
// tool use and results, thinking blocks, tools and tool_choice, limits and sampling map across
// (cache_control becomes a cachePoint after its block, thinking goes to
// additionalModelRequestFields as Bedrock's Claude models take it); model and stream go in the
// URL. What has no Converse equivalent (images by URL, server tools...) is refused naming the field.
class ConverseTranslator final
{
public:
    static RequestTranslator::Result fromAnthropic(const QJsonObject& body);
};
