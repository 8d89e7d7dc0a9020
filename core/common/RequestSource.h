#pragma once

#include <QList>
#include <QString>

#include <optional>

// Where a request came from.
enum class RequestSource
{
    Workbench, // "workbench": a workbench column
    Route, // "route": `switchyard route`
    Gateway, // "gateway": the local gateway
    Cli, // "cli": `switchyard ask` (a model, group or tier by name)
    Probe, // "probe": an active health probe (ProviderProbes), never part of savings
    Batch, // "batch": a result of a provider batch job (`switchyard batch`), billed at batch rates
    Evaluation, // "evaluation": a batch evaluation's model and judge calls (`switchyard eval run`)
};

namespace RequestSources {
// Stable identifiers, used only where SQL or JSON needs a string.
QString id(RequestSource value);
std::optional<RequestSource> fromId(const QString& id);
QList<RequestSource> all();
// Calls that compare models (workbench columns, evaluation cells) rather than serve traffic: never
// "routed" savings, nor the volume a routing projection scales to.
bool isComparison(RequestSource value);
QList<RequestSource> comparisons();
} // namespace RequestSources
