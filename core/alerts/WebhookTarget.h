#pragma once

#include <QUrl>

// Where alerts are POSTed, and in which body: the generic JSON (Alert::toJson) or Slack's
// incoming-webhook `{"text": ...}` (also what Mattermost and Rocket.Chat accept).
struct WebhookTarget
{
    enum class Format
    {
        Generic,
        Slack,
    };
    QUrl url;
    Format format = Format::Generic;

    bool operator==(const WebhookTarget&) const = default;
};
