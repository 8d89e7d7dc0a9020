#pragma once

#include "app/cli/CliCommand.h"

// `switchyard migrate-ledger --to postgresql://user@host:port/db [--from FILE]`: copies the
// SQLite ledger (the home directory's unless --from names one) into a PostgreSQL database, in
// batches that each commit their progress, verified by counts and sums at the end. Run again
// after an interruption, it continues where it stopped.
class MigrateLedgerCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return false; }

private:
    QString m_to;
    QString m_from;
};
