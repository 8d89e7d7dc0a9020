#pragma once

#include "app/cli/CliCommand.h"
#include "core/common/ProviderTypes.h"
#include "core/routing/RoutedTypes.h"

// `switchyard route [--json] [--tag T] PROMPT`: the policy picks the model, failover keeps the
// answer coming; progress (tier, rule, failovers) goes to stderr, the answer to stdout.
class RouteCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

    // Also serves `ask --model GROUP`.
    static void start(CliCommand* owner, Engine& engine, const ChatRequest& request, const QStringList& tags,
                      const RouteOptions& options, bool json);

private:
    ChatRequest m_request;
    QStringList m_tags;
    QString m_model;
    bool m_json = false;
};
