#pragma once

#include "core/common/JsonText.h"
#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// The few pieces of JSON the gateway writes per token, written by hand: one append per chunk
// instead of building a QJsonDocument for every delta.
namespace GatewayJson {
// OpenAI's usage object: prompt/completion/total tokens with the cached and reasoning details.
QByteArray openAiUsage(const TokenUsage& usage);
// Compares two secrets in time that depends only on their lengths.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
} // namespace GatewayJson
