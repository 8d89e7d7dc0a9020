#include "core/evaluation/ProviderTools.h"

#include <QHash>

QString ProviderTools::modelName() const
{
    QStringList parts = id.split(u':');
    if (parts.size() < 2) {
        return id;
    }
    parts.removeFirst(); // the provider: openai, anthropic, bedrock, azure, ...
    // promptfoo's API kinds between the provider and the model; a model id may hold colons itself
    // (Bedrock's "anthropic.claude-3-haiku-20240307-v1:0"), so only these are taken off.
    static const QStringList apis { QStringLiteral("chat"),     QStringLiteral("completion"),
                                    QStringLiteral("messages"), QStringLiteral("responses"),
                                    QStringLiteral("converse"), QStringLiteral("assistant"),
                                    QStringLiteral("realtime") };
    if (parts.size() > 1 && apis.contains(parts.first())) {
        parts.removeFirst();
    }
    return parts.join(u':');
}

bool ProviderTools::names(const QString& model) const
{
    const QString own = modelName();
    return model == id || (!label.isEmpty() && model == label) || model == own
        || model.endsWith(QLatin1Char('/') + own);
}

std::optional<QHash<QString, int>> ProviderTools::match(const QList<ProviderTools>& entries, const QStringList& models,
                                                        QString* error)
{
    QHash<QString, int> taken;
    for (int e = 0; e < entries.size(); ++e) {
        const ProviderTools& entry = entries.at(e);
        bool any = false;
        for (const QString& model : models) {
            if (!entry.names(model)) {
                continue;
            }
            any = true;
            if (taken.contains(model)) {
                *error = tr("%1: %2 names the model %3, as %4 does; give each a label that is one model's name")
                             .arg(entry.place, entry.id, model, entries.at(taken.value(model)).id);
                return std::nullopt;
            }
            taken.insert(model, e);
        }
        if (!any) {
            *error = tr("%1.config.tools: %2 is none of the models evaluated (%3), so its tools would not be "
                        "offered; evaluate its model or give the entry a label that is one of them")
                         .arg(entry.place, entry.id, models.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    return taken;
}
