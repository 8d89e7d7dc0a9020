#pragma once

#include "app/cli/CliCommand.h"

#include <QDateTime>

// `switchyard stats [--since DATE] [--until DATE] [--by model|provider|tier|day] [--json]`:
// spend and requests from the ledger, and `switchyard prune --older-than DAYS` for retention.
class StatsCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return false; }

private:
    QDateTime m_since;
    QDateTime m_until;
    QString m_by = QStringLiteral("model");
    bool m_json = false;
};

class PruneCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return false; }

private:
    int m_days = 0;
};
