#pragma once

#include "core/evaluation/PromptTools.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The tools one provider entry of a promptfoo file offers (`providers: [{id, label, config:
// {tools, tool_choice}}]`), for the cells of the model that entry stands for. The models of an
// evaluation come from --models (or the app's list), so an entry is matched to them by name: its
// label, its id, or the model of its id ("openai:chat:gpt-4.1-mini" -> gpt-4.1-mini, which also
// names "sandbox/gpt-4.1-mini").
struct ProviderTools
{
    Q_DECLARE_TR_FUNCTIONS(ProviderTools)

public:
    QString id; // promptfoo's provider id, "openai:chat:gpt-4.1-mini"
    QString label; // may be empty
    PromptTools tools;
    QString place; // "FILE:LINE: providers[1]" for errors

    bool operator==(const ProviderTools&) const = default;

    // The model of the id: what follows the provider and its API ("openai:chat:", "anthropic:messages:").
    QString modelName() const;
    bool names(const QString& model) const;

    // Which entry each evaluated model takes (model -> index in `entries`). nullopt with *error,
    // naming the entry's place, when an entry names none of the models (its tools would be
    // dropped) or a model is named by two entries.
    static std::optional<QHash<QString, int>> match(const QList<ProviderTools>& entries, const QStringList& models,
                                                    QString* error);
};
