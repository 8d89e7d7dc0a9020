#pragma once

#include "core/common/ModelCapability.h"
#include "core/common/ProviderTypes.h"

#include <QByteArray>
#include <QList>

// What a request needs from a model (images, tools, PDF input, a JSON schema answer) and where
// it asks for each, read from a gateway client's own body in its wire format. The router skips a
// model whose data says it lacks one; the field names the place for the client's error.
struct RequestNeeds
{
    struct Need
    {
        ModelCapability capability = ModelCapability::Vision;
        QString field; // the first place asking for it: "messages[0].content[1]", "tools"

        bool operator==(const Need&) const = default;
    };
    QList<Need> needs; // one per capability, in the order first met

    bool isEmpty() const { return needs.isEmpty(); }
    // The first need these capabilities lack, or null.
    const Need* missingFrom(const ModelCapabilities& capabilities) const;

    static RequestNeeds ofBody(const QByteArray& body, ProviderKind format);
    // The client's body when there is one; a plain chat (text messages) needs nothing.
    static RequestNeeds ofRequest(const ChatRequest& request);
};
