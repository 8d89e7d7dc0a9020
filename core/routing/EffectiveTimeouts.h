#pragma once

#include "core/common/ProviderTypes.h"
#include "core/routing/RoutingPolicy.h"
#include "core/routing/TimeoutSource.h"

#include <QJsonObject>

// The timeouts a call runs with, each field with the layer it came from. One precedence for every
// path (ask, route, serve, the workbench): request > model (deployment) > tier > defaults. Each
// layer sets only the fields its TimeoutField bits name, also when a value equals a default.
struct EffectiveTimeouts
{
    Timeouts values;
    TimeoutSource connect = TimeoutSource::Defaults;
    TimeoutSource firstToken = TimeoutSource::Defaults;
    TimeoutSource idle = TimeoutSource::Defaults;
    TimeoutSource total = TimeoutSource::Defaults;

    // `tier`: the settings of the tier the call runs in, nullptr for a call outside tiers (a
    // direct model call, a group); `defaults`: the routing defaults.
    static EffectiveTimeouts resolve(const ChatRequest& request, const ModelConfig& model, const TierSettings* tier,
                                     const TierSettings& defaults);

    // `own` where `ownSet` names a field, `fallback` elsewhere: how a layer's unset fields take
    // the values of the layer below.
    static Timeouts merged(const Timeouts& own, quint8 ownSet, const Timeouts& fallback);

    // {"connect_ms": {"value": 5000, "from": "defaults"}, ...} for explain.
    QJsonObject toJson() const;
    // "connect 5000 ms (defaults), first token 1000 ms (model), ..." for explain.
    QString toText() const;
};
