#include "app/cli/CommandLine.h"

#include "app/cli/CliCommand.h"
#include "app/cli/CliCommands.h"
#include "app/cli/Console.h"
#include "core/engine/Engine.h"
#include "core/engine/EngineSettings.h"
#include "core/pricing/BudgetTracker.h"
#include "core/settings/AppSettings.h"
#include "core/telemetry/OtlpExporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QProcessEnvironment>

#include <memory>

CommandLine CommandLine::parse(const QStringList& arguments)
{
    CommandLine result;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (!result.command.isEmpty()) {
            result.commandArguments.append(argument);
        } else if (argument == QLatin1String("--home")) {
            if (++i >= arguments.size()) {
                result.error = QCoreApplication::translate("CommandLine", "--home needs a directory");
                return result;
            }
            result.homeDir = arguments.at(i);
        } else if (argument.startsWith(QLatin1String("--home="))) {
            result.homeDir = argument.mid(7);
        } else if (argument == QLatin1String("--database")) {
            if (++i >= arguments.size()) {
                result.error = QCoreApplication::translate(
                    "CommandLine", "--database needs a ledger file or a postgresql://user@host:port/database URL");
                return result;
            }
            result.database = arguments.at(i);
        } else if (argument.startsWith(QLatin1String("--database="))) {
            result.database = argument.mid(11);
        } else if (argument == QLatin1String("--sandbox")) {
            result.sandbox = true;
        } else if (argument == QLatin1String("--sandbox-fault")) {
            const QString value = ++i < arguments.size() ? arguments.at(i) : QString();
            const QString model = value.section(QLatin1Char('='), 0, 0);
            const std::optional<SandboxFault> fault = parseFault(value.section(QLatin1Char('='), 1));
            if (model.isEmpty() || !fault) {
                result.error = QCoreApplication::translate("CommandLine",
                                                           "--sandbox-fault needs MODEL=FAULT, e.g. gpt-5=503, "
                                                           "gpt-5=429:retry=3, gpt-5=drop (got \"%1\")")
                                   .arg(value);
                return result;
            }
            result.sandbox = true;
            result.sandboxFaults.append({ model, *fault });
        } else if (argument == QLatin1String("-h") || argument == QLatin1String("--help")) {
            result.showHelp = true;
        } else if (argument == QLatin1String("--version")) {
            result.showVersion = true;
        } else if (argument.startsWith(QLatin1Char('-'))) {
            // Qt's own GUI options (-platform, -style ...) are left to QApplication.
            if (argument == QLatin1String("-platform") || argument == QLatin1String("-style")) {
                ++i;
            }
        } else {
            result.command = argument;
        }
    }
    return result;
}

QString CommandLine::usage()
{
    return QCoreApplication::translate(
               "CommandLine",
               "Usage: switchyard [--home DIR] [--database URL] [--sandbox] [COMMAND [ARGS...]]\n"
               "\n"
               "Without a command, opens the desktop app.\n"
               "\n"
               "Commands:\n"
               "%1\n"
               "Options:\n"
               "  --home DIR   keep config and data in DIR (or set SWITCHYARD_HOME)\n"
               "  --database URL   keep the ledger in PostgreSQL, postgresql://user@host:port/db\n"
               "               (or set SWITCHYARD_DATABASE_URL; the password comes from PGPASSFILE)\n"
               "  --sandbox    use the offline simulated providers on 127.0.0.1\n"
               "  --sandbox-fault MODEL=FAULT   make a sandbox model fail: an HTTP status (503,\n"
               "               429:retry=3, 429:insufficient_quota, 400:content_filter), hang, silence,\n"
               "               drop, malformed, slow, ignore-max-tokens, filtered-answer or failNN\n"
               "               (NN% of requests)\n"
               "\n"
               "`switchyard COMMAND --help` describes a command.\n")
        .arg(CliCommands::summary());
}

namespace {
// Members go in reverse order: the command, and whatever it still owns (a gateway's exchanges,
// which record into the engine's ledger as they end), is destroyed before the engine.
struct CommandRun
{
    Engine engine;
    std::unique_ptr<CliCommand> command;
};
} // namespace

int runCommand(const CommandLine& commandLine)
{
    CommandRun run;
    run.command.reset(CliCommands::create(commandLine.command));
    CliCommand* command = run.command.get();
    if (!command) {
        return Console::fail(
            QCoreApplication::translate("CommandLine", "unknown command \"%1\" (see --help)").arg(commandLine.command),
            64);
    }
    if (!command->parse(commandLine.commandArguments)) {
        return 64;
    }
    Engine& engine = run.engine;
    if (command->needsEngine()) {
        Engine::Options options;
        options.homeDir = commandLine.homeDir;
        options.database = commandLine.database;
        options.sandbox = commandLine.sandbox;
        options.sandboxFaults = commandLine.sandboxFaults;
        if (!engine.open(options)) {
            return Console::fail(engine.errorString());
        }
        for (const QString& warning : engine.warnings()) {
            Console::err(QStringLiteral("switchyard: warning: ") + warning + QLatin1Char('\n'));
        }
        // Running on the sandbox or the default policy instead would hide the user's own setup.
        if (engine.configState() == Engine::ConfigState::Unusable && command->needsConfig()) {
            return Console::fail(QCoreApplication::translate("CommandLine",
                                                             "the configuration cannot be used (see the errors "
                                                             "above); fix %1 or delete the broken file")
                                     .arg(QDir::toNativeSeparators(engine.homeDir())),
                                 78);
        }
        // The budgets set in the app's settings hold for requests sent (and explained) from here too.
        // So do its default timeouts.
        const AppSettings appSettings;
        engine.budgets()->setSettings(EngineSettings::budgetSettings(appSettings, engine.budgets()->settings()));
        engine.setDefaultTimeouts(appSettings.defaultTimeouts(), appSettings.defaultTimeoutsSet());
        // And its privacy choice: with prompt storage off the ledger keeps no prompts or answers.
        engine.setStorePrompts(appSettings.storePrompts());
        // Requests sent from here are traced when the environment names a collector (serve also
        // takes --otlp-endpoint).
        QString traceError;
        const std::optional<OtlpSettings> traces
            = OtlpSettings::resolve({}, QProcessEnvironment::systemEnvironment(), &traceError);
        if (!traceError.isEmpty()) {
            Console::err(QStringLiteral("switchyard: warning: ") + traceError + QLatin1Char('\n'));
        }
        if (traces) {
            engine.setTraceExport(traces);
        }
    }
    int exitCode = -1;
    QObject::connect(command, &CliCommand::done, QCoreApplication::instance(), [&exitCode, &engine](int code) {
        exitCode = code;
        // The spans of what was sent get two seconds to reach the collector.
        OtlpExporter* traces = engine.traceExporter();
        if (traces && (traces->queuedSpans() > 0 || traces->isExporting())) {
            QObject::connect(traces, &OtlpExporter::drained, QCoreApplication::instance(),
                             [code] { QCoreApplication::exit(code); });
            traces->drain(2000);
            return;
        }
        QCoreApplication::exit(code);
    });
    command->run(engine);
    if (exitCode >= 0) {
        return exitCode; // finished synchronously
    }
    return QCoreApplication::exec();
}

std::optional<SandboxFault> CommandLine::parseFault(const QString& spec)
{
    using Kind = SandboxFault::Kind;
    static const QHash<QString, Kind> kinds {
        { QStringLiteral("hang"), Kind::HangBeforeHeaders },
        { QStringLiteral("silence"), Kind::HeadersThenSilence },
        { QStringLiteral("drop"), Kind::DropMidStream },
        { QStringLiteral("malformed"), Kind::MalformedJson },
        { QStringLiteral("slow"), Kind::SlowTokens },
        { QStringLiteral("ignore-max-tokens"), Kind::IgnoreMaxTokens },
        { QStringLiteral("filtered-answer"), Kind::FilteredAnswer },
    };
    if (kinds.contains(spec)) {
        return SandboxFault::ofKind(kinds.value(spec));
    }
    if (spec.startsWith(QLatin1String("fail"))) {
        bool ok = false;
        const int percent = spec.mid(4).toInt(&ok);
        if (!ok || percent < 0 || percent > 100) {
            return std::nullopt;
        }
        SandboxFault fault = SandboxFault::ofKind(Kind::FailPercent);
        fault.percent = percent;
        fault.httpStatus = 503;
        return fault;
    }
    const QStringList parts = spec.split(QLatin1Char(':'));
    bool ok = false;
    const int status = parts.first().toInt(&ok);
    if (!ok || status < 400 || status > 599) {
        return std::nullopt;
    }
    SandboxFault fault = SandboxFault::httpError(status);
    for (const QString& part : parts.mid(1)) {
        if (part.startsWith(QLatin1String("retry="))) {
            fault.retryAfterSec = part.mid(6).toInt(&ok);
            if (!ok) {
                return std::nullopt;
            }
        } else {
            fault.errorCode = part.toUtf8();
        }
    }
    return fault;
}
