#include "app/cli/CliCommands.h"

#include "app/cli/AskCommand.h"
#include "app/cli/BatchCommand.h"
#include "app/cli/BudgetCommand.h"
#include "app/cli/EvalCommand.h"
#include "app/cli/ExplainCommand.h"
#include "app/cli/ExportCommand.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/KeysCommand.h"
#include "app/cli/LeaderboardCommand.h"
#include "app/cli/MigrateLedgerCommand.h"
#include "app/cli/ModelsCommand.h"
#include "app/cli/PrimariesCommand.h"
#include "app/cli/ReconcileCommand.h"
#include "app/cli/RouteCommand.h"
#include "app/cli/RouterCommand.h"
#include "app/cli/ServeCommand.h"
#include "app/cli/StatsCommand.h"
#include "app/cli/TeamCommand.h"

#include <QCoreApplication>

#include <functional>

namespace {
struct Entry
{
    const char* name;
    const char* summary;
    std::function<CliCommand*()> create;
};

const QList<Entry>& entries()
{
    static const QList<Entry> list = {
        { "ask", QT_TRANSLATE_NOOP("CliCommands", "ask --model M [--json] [--no-stream] PROMPT   ask one model"),
          [] { return new AskCommand; } },
        { "route",
          QT_TRANSLATE_NOOP(
              "CliCommands",
              "route [--json] [--tag tier=T] [--model GROUP] PROMPT   route by the policy, with failover"),
          [] { return new RouteCommand; } },
        { "explain",
          QT_TRANSLATE_NOOP("CliCommands", "explain [--json] PROMPT   show the rule, tier, chain and what is skipped"),
          [] { return new ExplainCommand; } },
        { "models", QT_TRANSLATE_NOOP("CliCommands", "models [--json]   list configured models and prices"),
          [] { return new ModelsCommand; } },
        { "stats",
          QT_TRANSLATE_NOOP("CliCommands",
                            "stats [--since DATE] [--until DATE] [--by model|provider|tier|day] [--json]   spend"),
          [] { return new StatsCommand; } },
        { "primaries",
          QT_TRANSLATE_NOOP("CliCommands",
                            "primaries [--days N] [--tier T] [--json]   each tier's primary: failover rate, uptime, "
                            "the fallback to promote"),
          [] { return new PrimariesCommand; } },
        { "leaderboard",
          QT_TRANSLATE_NOOP("CliCommands",
                            "leaderboard [--by model|settings] [--tier T] [--rule R] [--tag TAG] [--since DATE] "
                            "[--json] [--csv FILE]   ratings from your workbench votes"),
          [] { return new LeaderboardCommand; } },
        { "import",
          QT_TRANSLATE_NOOP("CliCommands", "import litellm-config|prices FILE   import a LiteLLM config or prices"),
          [] { return new ImportCommand; } },
        { "export",
          QT_TRANSLATE_NOOP("CliCommands", "export litellm-config|portkey-config|history [--format csv|jsonl] FILE"),
          [] { return new ExportCommand; } },
        { "serve",
          QT_TRANSLATE_NOOP("CliCommands", "serve [--port N] [--bind ADDR]   OpenAI-compatible gateway with failover"),
          [] { return new ServeCommand; } },
        { "keys",
          QT_TRANSLATE_NOOP("CliCommands",
                            "keys create --name NAME [limits] | list | revoke ID|NAME   the gateway's client keys"),
          [] { return new KeysCommand; } },
        { "reconcile",
          QT_TRANSLATE_NOOP("CliCommands",
                            "reconcile FILE... [--json] [--since DATE] [--until DATE] [--threshold PCT]   a "
                            "provider's usage or cost export next to the ledger"),
          [] { return new ReconcileCommand; } },
        { "router",
          QT_TRANSLATE_NOOP("CliCommands",
                            "router train FILE.jsonl [--weak KEY] [--strong KEY] | score FILE.jsonl   the learned "
                            "router"),
          [] { return new RouterCommand; } },
        { "eval",
          QT_TRANSLATE_NOOP("CliCommands",
                            "eval run SET --models A,B,... [--grader KIND[:ARG]] [--json] [--resume ID]   a batch "
                            "evaluation: pass rates, cost per pass, the cheapest model that passes"),
          [] { return new EvalCommand; } },
        { "batch",
          QT_TRANSLATE_NOOP("CliCommands",
                            "batch submit FILE.jsonl --model M | status ID | results ID [--wait] | list [--json]   "
                            "a provider's batch API at its batch price"),
          [] { return new BatchCommand; } },
        { "budget",
          QT_TRANSLATE_NOOP("CliCommands",
                            "budget [--json]   where each budget stands: spent, held by running batch jobs, limit"),
          [] { return new BudgetCommand; } },
        { "prune", QT_TRANSLATE_NOOP("CliCommands", "prune --older-than DAYS   delete old history records"),
          [] { return new PruneCommand; } },
        { "migrate-ledger",
          QT_TRANSLATE_NOOP("CliCommands",
                            "migrate-ledger --to postgresql://user@host:port/db [--from FILE]   copy the ledger to "
                            "PostgreSQL"),
          [] { return new MigrateLedgerCommand; } },
        { "team",
          QT_TRANSLATE_NOOP("CliCommands",
                            "team push [--note TEXT] | pull [--version N] | history   the team's configuration in "
                            "the ledger database"),
          [] { return new TeamCommand; } },
    };
    return list;
}
} // namespace

CliCommand* CliCommands::create(const QString& name)
{
    for (const Entry& entry : entries()) {
        if (name == QLatin1String(entry.name)) {
            return entry.create();
        }
    }
    return nullptr;
}

bool CliCommands::isCommand(const QString& name)
{
    for (const Entry& entry : entries()) {
        if (name == QLatin1String(entry.name)) {
            return true;
        }
    }
    return false;
}

QString CliCommands::summary()
{
    QString text;
    for (const Entry& entry : entries()) {
        text += QStringLiteral("  ") + QCoreApplication::translate("CliCommands", entry.summary) + QLatin1Char('\n');
    }
    return text;
}
