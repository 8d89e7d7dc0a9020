#pragma once

#include "JsonCursor.h"

#include <QByteArrayView>
#include <QString>

// The fast path for the events that make up almost every Anthropic Messages stream:
// content_block_delta with a text or thinking delta, and the events that carry nothing we show
// (ping, content_block_stop) or only the end (message_stop). One strict pass (JsonCursor), no DOM;
// the exact bytes Anthropic sends for a delta are matched first. Any other event, and any doubt
// (duplicate keys, odd types, escaped names), returns false and the caller decodes with
// QJsonDocument - so the fast path can only be faster, never different.
class AnthropicEventScanner
{
public:
    enum class Kind
    {
        Delta, // text and thinking as the full decoder shows them (empty for tool input, signatures)
        Quiet, // ping, content_block_stop
        MessageStop
    };

    struct Event
    {
        Kind kind = Kind::Quiet;
        QString text;
        QString thinking;
    };

    static bool scan(QByteArrayView json, Event* event);

private:
    explicit AnthropicEventScanner(QByteArrayView json);
    bool exactDelta();
    bool anyLayout();
    bool change(int depth);
    // After a member: true and *closed at the closing brace, true at a comma, false otherwise.
    bool afterMember(bool* closed);

    JsonCursor m_json;
    QByteArrayView m_type; // the event's "type"
    QByteArrayView m_kind; // its delta's "type"
    bool m_sawDelta = false;
    QString m_text;
    QString m_thinking;
};
