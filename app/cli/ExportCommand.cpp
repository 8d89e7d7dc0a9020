#include "app/cli/ExportCommand.h"

#include "app/cli/Console.h"
#include "core/config/LiteLlmConfig.h"
#include "core/config/PortkeyConfig.h"
#include "core/engine/Engine.h"
#include "core/ledger/LedgerExport.h"
#include "core/routing/Router.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}
} // namespace

bool ExportCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export the configuration (LiteLLM, Portkey) or the request history."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"), tr("History format: csv or jsonl."), QStringLiteral("F"),
                                    QStringLiteral("csv"));
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("WHAT"), tr("litellm-config, portkey-config or history"));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Where to write."));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard export"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    static const QStringList kinds { QStringLiteral("litellm-config"), QStringLiteral("portkey-config"),
                                     QStringLiteral("history") };
    if (positional.size() != 2 || !kinds.contains(positional.first())) {
        Console::fail(tr("usage: switchyard export litellm-config|portkey-config|history [--format csv|jsonl] FILE"),
                      64);
        return false;
    }
    m_what = positional.at(0);
    m_file = positional.at(1);
    m_format = parser.value(format);
    if (m_format != QLatin1String("csv") && m_format != QLatin1String("jsonl")) {
        Console::fail(tr("--format must be csv or jsonl"), 64);
        return false;
    }
    return true;
}

void ExportCommand::run(Engine& engine)
{
    QString error;
    if (m_what == QLatin1String("history")) {
        if (engine.ledgerPath().isEmpty()) {
            emit done(Console::fail(tr("no history database is available")));
            return;
        }
        LedgerExport exporter(engine.ledgerPath());
        const bool ok = m_format == QLatin1String("csv") ? exporter.exportCsv(m_file) : exporter.exportJsonl(m_file);
        if (!ok) {
            emit done(Console::fail(tr("cannot export the history: %1").arg(exporter.errorString())));
            return;
        }
        Console::out(tr("%1 requests written to %2\n").arg(exporter.exportedRows()).arg(m_file));
        emit done(0);
        return;
    }
    // What is running now (including the sandbox's providers when --sandbox is given).
    SwitchyardConfig config;
    config.providers = engine.providers();
    config.models = engine.models();
    config.policy = engine.router()->policy();
    QByteArray bytes;
    QList<ConfigProblem> notes;
    if (m_what == QLatin1String("litellm-config")) {
        // The home's own configuration when it has one: what the engine adds at run time (prices and
        // context windows from the price table, the built-in tiers) is not the user's and would come
        // back as configured values on the next import.
        const LiteLlmExportResult exported
            = LiteLlmConfig::exportYaml(engine.config().providers.isEmpty() ? config : engine.config());
        bytes = exported.yaml;
        notes = exported.notes;
    } else {
        const PortkeyExportResult exported = PortkeyConfig::exportAllTiers(config);
        bytes = QJsonDocument(exported.document).toJson(QJsonDocument::Indented);
        notes = exported.notes;
    }
    if (!writeAtomically(m_file, bytes, &error)) {
        emit done(Console::fail(tr("cannot write %1: %2").arg(m_file, error)));
        return;
    }
    for (const ConfigProblem& note : notes) {
        Console::err(QStringLiteral("  note: ") + note.toString() + QLatin1Char('\n'));
    }
    Console::out(tr("Written to %1\n").arg(m_file));
    emit done(0);
}
