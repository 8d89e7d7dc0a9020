#pragma once

#include "app/cli/CliCommand.h"

// `switchyard models [--json]`: the configured models with provider, prices and context window.
class ModelsCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    bool m_json = false;
};
