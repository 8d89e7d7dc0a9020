#pragma once

#include "app/cli/CliCommand.h"

#include "core/reconcile/ReconcileTypes.h"

// `switchyard reconcile FILE... [--json] [--since DATE --until DATE] [--threshold PCT]
// [--key-map PROVIDER_KEY=CLIENT_KEY]...`: a provider's usage or cost export next to the ledger.
// Exit codes: 0 every row matched within the threshold; 3 some row drifts more than the
// threshold or is missing on one side; 65 a file does not parse (the message names file:line
// and the column or field expected); 64 bad usage; 1 the ledger cannot be read.
class ReconcileCommand : public CliCommand
{
    Q_OBJECT

public:
    static constexpr int ExitFlagged = 3;
    static constexpr int ExitUnparsable = 65;

    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return false; }

private:
    QStringList m_files;
    ReconcileOptions m_options;
    bool m_json = false;
};
