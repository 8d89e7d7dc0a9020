#include "core/workbench/ColumnSpec.h"

#include "core/workbench/PromptBody.h"

ChatRequest ColumnSpec::requestFor(const PromptSettings& prompt, const AttachmentFit& fit, bool takesTemperature,
                                   const QList<AttachmentFit>& earlierFits) const
{
    ChatRequest request;
    const QString system = systemPrompt.value_or(prompt.systemPrompt);
    if (!system.trimmed().isEmpty()) {
        request.messages.append({ QStringLiteral("system"), system });
    }
    bool richHistory = false;
    for (const ConversationTurn& turn : prompt.history) {
        if (!turn.question.isEmpty()) {
            request.messages.append({ QStringLiteral("user"), turn.question });
        }
        request.messages.append({ QStringLiteral("assistant"), turn.answerText() });
        if (turn.answered()) {
            // The plain messages serve estimates and the ledger: the results count as input.
            request.messages.append({ QStringLiteral("user"), turn.toolResults.join(QLatin1Char('\n')) });
        }
        richHistory = richHistory || turn.answered() || !turn.attachments.isEmpty();
    }
    if (!prompt.prompt.isEmpty()) {
        request.messages.append({ QStringLiteral("user"), prompt.prompt });
    }
    request.temperature = temperature ? temperature : prompt.temperature;
    request.maxTokens = maxTokens.value_or(prompt.maxTokens);
    request.stream = true;
    if (!prompt.attachments.isEmpty() || reasoningEffort != ReasoningEffort::Default || !prompt.tools.isEmpty()
        || richHistory) {
        if (reasoningEffort != ReasoningEffort::Default || !takesTemperature) {
            request.temperature.reset(); // reasoning models take none (a thinking Claude only 1)
        }
        PromptBody::Parts parts;
        parts.system = system;
        parts.earlier = &prompt.history;
        parts.earlierFits = &earlierFits;
        parts.question = prompt.prompt;
        parts.attachments = &prompt.attachments;
        parts.fit = &fit;
        parts.temperature = request.temperature;
        parts.maxTokens = request.maxTokens;
        parts.stream = request.stream;
        parts.tools = &prompt.tools;
        parts.effort = reasoningEffort;
        request.clientBody = PromptBody::build(parts);
        request.clientFormat = ProviderKind::OpenAiCompatible;
    }
    return request;
}

QJsonObject ColumnSpec::toJson() const
{
    QJsonObject object;
    if (routed) {
        object.insert(QStringLiteral("route"), true);
    } else {
        object.insert(QStringLiteral("model"), modelId);
    }
    if (temperature) {
        object.insert(QStringLiteral("temperature"), *temperature);
    }
    if (maxTokens) {
        object.insert(QStringLiteral("maxTokens"), *maxTokens);
    }
    if (systemPrompt) {
        object.insert(QStringLiteral("systemPrompt"), *systemPrompt);
    }
    if (reasoningEffort != ReasoningEffort::Default) {
        object.insert(QStringLiteral("reasoningEffort"), ReasoningEfforts::id(reasoningEffort));
    }
    return object;
}

ColumnSpec ColumnSpec::fromJson(const QJsonObject& object)
{
    ColumnSpec spec;
    spec.routed = object.value(QStringLiteral("route")).toBool();
    spec.modelId = spec.routed ? QString() : object.value(QStringLiteral("model")).toString();
    if (object.contains(QStringLiteral("temperature"))) {
        spec.temperature = object.value(QStringLiteral("temperature")).toDouble();
    }
    if (object.contains(QStringLiteral("maxTokens"))) {
        spec.maxTokens = object.value(QStringLiteral("maxTokens")).toInt();
    }
    if (object.contains(QStringLiteral("systemPrompt"))) {
        spec.systemPrompt = object.value(QStringLiteral("systemPrompt")).toString();
    }
    spec.reasoningEffort = ReasoningEfforts::fromId(object.value(QStringLiteral("reasoningEffort")).toString())
                               .value_or(ReasoningEffort::Default);
    return spec;
}

QJsonArray ColumnSpec::listToJson(const QList<ColumnSpec>& columns)
{
    QJsonArray array;
    for (const auto& column : columns) {
        array.append(column.toJson());
    }
    return array;
}

QList<ColumnSpec> ColumnSpec::listFromJson(const QJsonArray& array)
{
    QList<ColumnSpec> columns;
    for (const auto& value : array) {
        const ColumnSpec spec = fromJson(value.toObject());
        if (spec.routed || !spec.modelId.isEmpty()) {
            columns.append(spec);
        }
    }
    return columns;
}
