#pragma once

#include <QByteArray>
#include <QString>

class Router;

// What a client's `model` names, and the list GET /v1/models shows.
namespace GatewayModels {

enum class Kind
{
    Unknown,
    Auto, // "auto": the policy's rules pick the tier
    Group, // a LiteLLM-style model group (with its fallbacks)
    Tier, // a routing tier's chain
    Model, // one configured model, by id or by its provider's name for it
    Wildcard, // a name only a wildcard group's pattern matches: passed through to its provider
};

struct Target
{
    Kind kind = Kind::Unknown;
    QString name; // group, tier or model id to route to; the requested name for a wildcard
};

Target resolve(const Router& router, const QString& requested);
// {"object":"list","data":[{"id","object":"model","created","owned_by"}, ...]}: auto, groups,
// tiers, then models. A wildcard group is listed once by its pattern ("anthropic/*", owned_by
// "switchyard-wildcard"): the names it takes are whatever its provider serves, which Switchyard does
// not ask the provider for; its template deployments are not listed as models.
QByteArray listJson(const Router& router);

} // namespace GatewayModels
