#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

// `switchyard primaries [--days N] [--tier T]... [--json]`: "reconsider your primary" from the
// ledger: per tier the model its chain tries first, how often it failed over over the last N days,
// its provider's uptime, and, when it is above the failover-rate alert's threshold (alerts.json),
// the most reliable fallback to promote.
class PrimariesCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsEngine() const override { return true; }

private:
    int m_days = 7;
    QStringList m_tiers;
    bool m_json = false;
};
