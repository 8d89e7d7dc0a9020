#pragma once

#include "core/gateway/GatewayError.h"

#include "core/common/LeanJsonDocument.h"
#include "core/common/ProviderTypes.h"

#include <QJsonObject>
#include <QSet>

#include <optional>

// Checks what a client's body carries beyond text - tools, tool calls and their results, images,
// response_format - before anything goes upstream, and reads the text the router and the ledger
// use. A bad piece gives a 400 naming its place in the client's own notation (OpenAI
// "messages[2].content[0]", Anthropic "messages.2.content.0"). Types it does not know pass: a
// provider of the same format may know them.
class GatewayBodyCheck final
{
public:
    enum class Api
    {
        OpenAi,
        Anthropic,
    };

    // Strings are read through `source`, the document the checked values come from: its long
    // strings (images, documents) are looked at where they are in the client's body.
    GatewayBodyCheck(Api api, const LeanJsonDocument& source);

    bool tools(const QJsonObject& body);
    bool responseFormat(const QJsonObject& body);
    std::optional<QString> systemText(const QJsonValue& system);
    // One message in order (tool results are checked against the calls made before them).
    std::optional<ChatMessage> message(const QJsonValue& value, qsizetype index);

    const GatewayError& error() const { return m_error; }

private:
    QString at(const QString& base, qsizetype index) const;
    bool fail(const QString& param, const QString& message);
    std::optional<QString> content(const QJsonValue& content, const QString& param, const QString& role);
    bool part(const QJsonObject& part, const QString& param, const QString& role, QString& text);
    bool toolCalls(const QJsonObject& message, const QString& param);
    QString string(const QJsonValue& value) const;
    bool imageUrl(const QJsonValue& url, const QString& param);
    // Past the API's own limit per image (decoded bytes): refused, naming the place.
    bool imageSize(qint64 bytes, const QString& param);

    Api m_api;
    const LeanJsonDocument& m_source;
    QSet<QString> m_callIds; // tool calls made by earlier assistant messages
    GatewayError m_error;
};
