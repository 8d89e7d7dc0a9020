#pragma once

#include "app/cli/CliCommand.h"

#include "core/workbench/Leaderboard.h"

// `switchyard leaderboard [--by model|settings] [--tier T] [--rule R] [--tag TAG] [--since DATE]
// [--until DATE] [--json] [--csv FILE] [--votes-csv FILE]`: the workbench votes added up, as the
// app's Leaderboard dock shows them.
class LeaderboardCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return false; }

private:
    Leaderboard::Grouping m_grouping = Leaderboard::Grouping::Model;
    Leaderboard::Filter m_filter;
    bool m_json = false;
    QString m_csvPath;
    QString m_votesPath;
};
