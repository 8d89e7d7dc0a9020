#pragma once

#include "app/cli/CliCommand.h"

// `switchyard import litellm-config FILE [--dry-run]` and `switchyard import prices FILE [--yes]`.
// Both show what would change first; prices are applied only with --yes.
class ImportCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    int importLiteLlmConfig(Engine& engine);
    int importPrices(Engine& engine);

    QString m_what;
    QString m_file;
    bool m_apply = false;
};
