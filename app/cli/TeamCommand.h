#pragma once

#include "app/cli/CliCommand.h"

// `switchyard team push|pull|history`: one configuration for a team's gateways and apps, kept in
// the ledger database (TeamConfigStore): providers.json, routing.json and client-keys.json,
// versioned, with who pushed each version. `serve --team-config` follows it.
class TeamCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;
    bool needsConfig() const override { return false; }

private:
    enum class Action
    {
        Push,
        Pull,
        History,
    };
    int push(const Engine& engine);
    int pull(const Engine& engine);
    int history(const Engine& engine);

    Action m_action = Action::History;
    QString m_note;
    bool m_force = false;
    int m_version = 0; // pull: 0 = the newest
    bool m_json = false;
};
