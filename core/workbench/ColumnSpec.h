#pragma once

#include "core/common/ProviderTypes.h"
#include "core/workbench/Attachment.h"
#include "core/workbench/AttachmentFit.h"
#include "core/workbench/ConversationTurn.h"
#include "core/workbench/ReasoningEffort.h"
#include "core/workbench/ToolSet.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What the prompt editor holds: shared by every column unless a column overrides it.
struct PromptSettings
{
    QString prompt; // empty when a column goes on from the tool results of its last turn
    QString systemPrompt; // empty = none
    std::optional<double> temperature; // nullopt = provider default
    int maxTokens = 0; // 0 = provider default
    QList<ConversationTurn> history; // earlier turns when continuing a conversation
    QList<Attachment> attachments; // sent with the prompt to every column
    ToolSet tools; // offered to every column

    bool operator==(const PromptSettings&) const = default;
};

// One column of the workbench: a model and its per-column overrides. The same model may appear
// in several columns with different settings.
struct ColumnSpec
{
    QString modelId; // empty for a routed column
    std::optional<double> temperature = {};
    std::optional<int> maxTokens = {};
    std::optional<QString> systemPrompt = {}; // an empty string means "no system prompt for this column"
    bool routed = false; // "Route it": the router picks the model on every run
    ReasoningEffort reasoningEffort = ReasoningEffort::Default;

    static ColumnSpec routeIt()
    {
        ColumnSpec spec;
        spec.routed = true;
        return spec;
    }
    bool hasOverrides() const
    {
        return temperature || maxTokens || systemPrompt || reasoningEffort != ReasoningEffort::Default;
    }
    // The request this column sends for the shared prompt settings. With attachments (this turn's
    // or an earlier one's), tools, calls answered by hand or an effort it carries them as an OpenAI
    // body (PromptBody), the files as `fit` (this turn) and `earlierFits` (each earlier turn) say;
    // that body has no temperature when an effort is asked or the model takes none.
    ChatRequest requestFor(const PromptSettings& prompt, const AttachmentFit& fit = {}, bool takesTemperature = true,
                           const QList<AttachmentFit>& earlierFits = {}) const;

    QJsonObject toJson() const;
    static ColumnSpec fromJson(const QJsonObject& object);
    static QJsonArray listToJson(const QList<ColumnSpec>& columns);
    static QList<ColumnSpec> listFromJson(const QJsonArray& array);

    bool operator==(const ColumnSpec&) const = default;
};
