#include "core/config/ConfigMerge.h"

#include <QHash>

namespace {
bool sameEndpoint(const ProviderConfig& a, const ProviderConfig& b)
{
    return a.kind == b.kind && a.baseUrl == b.baseUrl && a.keyEnv == b.keyEnv && a.apiVersion == b.apiVersion
        && a.auth == b.auth && a.awsRegion == b.awsRegion && a.awsProfile == b.awsProfile;
}

template <typename List, typename Key>
void upsert(List& list, const typename List::value_type& item, Key key)
{
    for (auto& existing : list) {
        if (key(existing) == key(item)) {
            existing = item;
            return;
        }
    }
    list.append(item);
}
} // namespace

SwitchyardConfig ConfigMerge::merge(SwitchyardConfig base, const SwitchyardConfig& fragment)
{
    QHash<QString, QString> providerIds; // fragment id -> id in the result
    for (const ProviderConfig& provider : fragment.providers) {
        const auto same = std::find_if(base.providers.cbegin(), base.providers.cend(),
                                       [&](const ProviderConfig& p) { return sameEndpoint(p, provider); });
        if (same != base.providers.cend()) {
            providerIds.insert(provider.id, same->id);
            continue;
        }
        ProviderConfig added = provider;
        for (int n = 2; base.provider(added.id); ++n) {
            added.id = QStringLiteral("%1-%2").arg(provider.id).arg(n);
        }
        providerIds.insert(provider.id, added.id);
        base.providers.append(added);
    }
    for (ModelConfig model : fragment.models) {
        model.providerId = providerIds.value(model.providerId, model.providerId);
        upsert(base.models, model, [](const ModelConfig& m) { return m.id; });
    }
    for (const ModelGroup& group : fragment.policy.groups) {
        upsert(base.policy.groups, group, [](const ModelGroup& g) { return g.name; });
    }
    base.policy.defaults = fragment.policy.defaults;
    return base;
}
