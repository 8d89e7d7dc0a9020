#include "app/cli/TeamCommand.h"

#include "app/cli/Console.h"
#include "core/engine/Engine.h"
#include "core/engine/TeamConfigFiles.h"
#include "core/ledger/LedgerUrl.h"
#include "core/ledger/TeamConfigStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

bool TeamCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("One configuration for a team's gateways and apps, kept in the ledger database: providers.json, "
           "routing.json and client-keys.json, versioned, with who pushed each version.\n"
           "  team push [--note TEXT] [--force]   this home's files as the next version\n"
           "  team pull [--version N]              a version (default: the newest) into this home\n"
           "  team history [--json]                every version, newest first"));
    parser.addHelpOption();
    const QCommandLineOption note(QStringLiteral("note"), tr("Why, for the history."), QStringLiteral("TEXT"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Push even though someone pushed since this home's version."));
    const QCommandLineOption version(QStringLiteral("version"), tr("The version to pull."), QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({ note, force, version, json });
    parser.addPositionalArgument(QStringLiteral("action"), tr("push, pull or history"));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard team"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("history"));
    if (positional.size() > 1 || !QStringList { "push", "pull", "history" }.contains(action)) {
        Console::fail(tr("team needs push, pull or history (see switchyard team --help)"), 64);
        return false;
    }
    m_action = action == QLatin1String("push") ? Action::Push
        : action == QLatin1String("pull")      ? Action::Pull
                                               : Action::History;
    m_note = parser.value(note).trimmed();
    m_force = parser.isSet(force);
    m_json = parser.isSet(json);
    if (parser.isSet(version)) {
        bool ok = false;
        m_version = parser.value(version).toInt(&ok);
        if (!ok || m_version < 1) {
            Console::fail(tr("--version needs a version number of at least 1"), 64);
            return false;
        }
    }
    return true;
}

void TeamCommand::run(Engine& engine)
{
    int code = 0;
    switch (m_action) {
    case Action::Push:
        code = push(engine);
        break;
    case Action::Pull:
        code = pull(engine);
        break;
    case Action::History:
        code = history(engine);
        break;
    }
    emit done(code);
}

int TeamCommand::push(const Engine& engine)
{
    TeamConfigVersion config;
    QString error;
    if (!TeamConfigFiles::read(engine.homeDir(), &config, &error)) {
        return Console::fail(error);
    }
    if (!TeamConfigFiles::check(config, &error)) {
        return Console::fail(tr("Not pushed: the configuration has errors (%1).").arg(error));
    }
    config.note = m_note;
    TeamConfigStore store(engine.ledgerPath());
    const int base = TeamConfigFiles::appliedVersion(engine.homeDir());
    const int pushed = store.push(config, base, m_force);
    if (pushed == 0) {
        if (const std::optional<TeamConfigVersion> newer = store.conflict()) {
            return Console::fail(tr("Not pushed: %1 is newer than the version this home holds (%2). Pull it "
                                    "(switchyard team pull), make your change again and push, or push with --force "
                                    "to replace it.")
                                     .arg(TeamConfigFiles::describe(*newer))
                                     .arg(base == 0 ? tr("none") : QString::number(base)));
        }
        return Console::fail(
            tr("Not pushed to %1: %2").arg(ledgerLocationForDisplay(engine.ledgerPath()), store.errorString()));
    }
    if (!TeamConfigFiles::setAppliedVersion(engine.homeDir(), pushed, &error)) {
        Console::err(error + QLatin1Char('\n'));
    }
    Console::out(tr("Pushed version %1.\n").arg(pushed));
    return 0;
}

int TeamCommand::pull(const Engine& engine)
{
    TeamConfigStore store(engine.ledgerPath());
    const std::optional<TeamConfigVersion> config = store.version(m_version);
    if (!config) {
        if (!store.errorString().isEmpty()) {
            return Console::fail(tr("Cannot read the team configuration from %1: %2")
                                     .arg(ledgerLocationForDisplay(engine.ledgerPath()), store.errorString()));
        }
        return Console::fail(m_version > 0 ? tr("There is no version %1 of the team configuration.").arg(m_version)
                                           : tr("No team configuration has been pushed yet."));
    }
    QString error;
    if (!TeamConfigFiles::check(*config, &error)) {
        return Console::fail(tr("Not pulled: %1 has errors (%2).").arg(TeamConfigFiles::describe(*config), error));
    }
    if (!TeamConfigFiles::write(engine.homeDir(), *config, &error)
        || !TeamConfigFiles::setAppliedVersion(engine.homeDir(), config->version, &error)) {
        return Console::fail(error);
    }
    Console::out(tr("Pulled %1.\n").arg(TeamConfigFiles::describe(*config)));
    return 0;
}

int TeamCommand::history(const Engine& engine)
{
    TeamConfigStore store(engine.ledgerPath());
    const std::optional<QList<TeamConfigVersion>> versions = store.history();
    if (!versions) {
        return Console::fail(tr("Cannot read the team configuration from %1: %2")
                                 .arg(ledgerLocationForDisplay(engine.ledgerPath()), store.errorString()));
    }
    const int applied = TeamConfigFiles::appliedVersion(engine.homeDir());
    if (m_json) {
        QJsonArray list;
        for (const TeamConfigVersion& version : *versions) {
            list.append(QJsonObject { { QStringLiteral("version"), version.version },
                                      { QStringLiteral("changed_by"), version.changedBy },
                                      { QStringLiteral("changed_on"), version.changedOn },
                                      { QStringLiteral("changed_at"), version.changedAt.toString(Qt::ISODate) },
                                      { QStringLiteral("note"), version.note } });
        }
        Console::printJson(
            QJsonObject { { QStringLiteral("versions"), list }, { QStringLiteral("this_home"), applied } });
        return 0;
    }
    if (versions->isEmpty()) {
        Console::out(tr("No team configuration has been pushed yet; switchyard team push makes the first "
                        "version from this home's files.\n"));
        return 0;
    }
    for (const TeamConfigVersion& version : *versions) {
        Console::out((version.version == applied ? QStringLiteral("* ") : QStringLiteral("  "))
                     + TeamConfigFiles::describe(version) + QLatin1Char('\n'));
    }
    return 0;
}
