#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

struct RoutedError;

// An error the gateway answers with, in either API's envelope. Upstream provider keys never get
// here: messages come from our own text or from CallError::summary(), which holds what the
// provider said, not what we sent.
struct GatewayError
{
    int status = 400;
    QByteArray code; // OpenAI "code": "model_not_found", "invalid_api_key", ...
    QString param; // the offending field, e.g. "messages[1].content"; empty = null
    QString message;
    QJsonArray attempts; // upstream attempts made, for 5xx after routing

    static GatewayError badRequest(const QString& message, const QString& param = {},
                                   const QByteArray& code = QByteArrayLiteral("invalid_request"));
    // 502 (upstream failed), 503 (nothing could be tried), 504 (the last attempt timed out), or
    // the client's fault (400) when the provider rejected the request itself.
    static GatewayError fromRouted(const RoutedError& error);

    // {"error":{"message","type","param","code"[,"attempts"]}}
    QByteArray toOpenAiJson() const;
    // {"type":"error","error":{"type","message"[,"attempts"]}}
    QByteArray toAnthropicJson() const;
    QByteArray openAiType() const;
    QByteArray anthropicType() const;
};
