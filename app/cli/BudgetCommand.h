#pragma once

#include "app/cli/CliCommand.h"

// `switchyard budget [--json]`: where every daily and monthly limit stands, what running batch
// jobs hold shown apart from what was spent (it is counted, not billed yet).
class BudgetCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    bool m_json = false;
};
