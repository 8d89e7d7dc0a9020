#include "app/cli/ImportCommand.h"

#include "app/cli/Console.h"
#include "core/config/ConfigMerge.h"
#include "core/config/LiteLlmConfig.h"
#include "core/engine/Engine.h"
#include "core/pricing/PriceImport.h"
#include "core/pricing/PriceTable.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
void printProblems(const QList<ConfigProblem>& problems)
{
    for (const ConfigProblem& problem : problems) {
        Console::err(QStringLiteral("  ") + problem.toString() + QLatin1Char('\n'));
    }
}
} // namespace

bool ImportCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import a LiteLLM proxy config.yaml or a LiteLLM price table."));
    parser.addHelpOption();
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Show what would change; write nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("Apply a price import after showing it."));
    parser.addOptions({ dryRun, yes });
    parser.addPositionalArgument(QStringLiteral("WHAT"), tr("litellm-config or prices"));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to import."));
    if (!Console::parseArguments(parser, QStringLiteral("switchyard import"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2
        || (positional.first() != QLatin1String("litellm-config") && positional.first() != QLatin1String("prices"))) {
        Console::fail(tr("usage: switchyard import litellm-config|prices FILE"), 64);
        return false;
    }
    m_what = positional.at(0);
    m_file = positional.at(1);
    m_apply = m_what == QLatin1String("prices") ? parser.isSet(yes) : !parser.isSet(dryRun);
    return true;
}

void ImportCommand::run(Engine& engine)
{
    emit done(m_what == QLatin1String("prices") ? importPrices(engine) : importLiteLlmConfig(engine));
}

int ImportCommand::importLiteLlmConfig(Engine& engine)
{
    LiteLlmImportOptions options;
    options.baseDefaults = engine.config().policy.defaults; // what the file does not set stays
    const LiteLlmImportResult imported = LiteLlmConfig::importFile(m_file, options);
    const QString fileName = QFileInfo(m_file).fileName();
    if (!imported.problems.isEmpty()) {
        Console::err(tr("%1: what could not be mapped or needs attention:\n").arg(m_file));
        printProblems(imported.problems);
    }
    if (!imported.ok) {
        return Console::fail(tr("%1 was not imported; nothing changed.").arg(m_file));
    }
    if (imported.config.models.isEmpty()) {
        return Console::fail(imported.skippedDeployments > 0
                                 ? tr("nothing was imported from %1: none of its deployments could be used (%2 "
                                      "skipped, see above); nothing changed.")
                                       .arg(m_file)
                                       .arg(imported.skippedDeployments)
                                 : tr("nothing was imported from %1: it has no deployments in model_list; nothing "
                                      "changed.")
                                       .arg(m_file));
    }
    const SwitchyardConfig config = ConfigMerge::merge(engine.config(), imported.config);
    Console::out(tr("%1 providers, %2 models, %3 model groups from %4\n")
                     .arg(imported.config.providers.size())
                     .arg(imported.config.models.size())
                     .arg(imported.config.policy.groups.size())
                     .arg(m_file));
    if (imported.skippedDeployments > 0) {
        Console::out(tr("%1 deployments skipped (see the notes above)\n").arg(imported.skippedDeployments));
    }
    if (!imported.keyVariables.isEmpty()) {
        // The names only: the keys stay in the file and go nowhere else.
        Console::out(tr("%1 has literal API keys, which were not copied. Put each into its variable; it is sent "
                        "only to its host:\n")
                         .arg(fileName));
        for (const LiteLlmKeyVariable& variable : imported.keyVariables) {
            Console::out(
                QStringLiteral("  %1  %2\n")
                    .arg(variable.name,
                         variable.isSet
                             ? tr("(already set) for %1, %2 line %3").arg(variable.host, fileName).arg(variable.line)
                             : tr("for %1, the key on %2 line %3").arg(variable.host, fileName).arg(variable.line)));
        }
    }
    if (!m_apply) {
        Console::out(tr("Dry run: nothing written.\n"));
        return 0;
    }
    const QList<ConfigProblem> problems = engine.saveConfig(config);
    if (ConfigProblems::hasErrors(problems)) {
        printProblems(problems);
        return Console::fail(tr("the imported configuration is not valid; nothing changed."));
    }
    Console::out(tr("Saved to %1\n").arg(QDir::toNativeSeparators(engine.homeDir())));
    return 0;
}

int ImportCommand::importPrices(Engine& engine)
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly)) {
        return Console::fail(tr("cannot read %1: %2").arg(m_file, file.errorString()));
    }
    QString error;
    const std::optional<LiteLlmPrices> parsed = PriceImport::parseLiteLlm(file.readAll(), &error);
    if (!parsed) {
        return Console::fail(tr("%1 is not a LiteLLM price table: %2").arg(m_file, error));
    }
    PriceTable table = engine.prices();
    const PriceDiff diff = PriceImport::diff(table, parsed->entries);
    Console::out(
        tr("%1 (%2 skipped: not chat models or incomplete)\n").arg(diff.summary()).arg(parsed->skipped.size()));
    for (const PriceChange& change : diff.changed) {
        Console::out(QStringLiteral("  ~ %1: $%2/$%3 -> $%4/$%5 per 1M in/out\n")
                         .arg(change.modelId)
                         .arg(change.before->price.inputPerMTok)
                         .arg(change.before->price.outputPerMTok)
                         .arg(change.after.price.inputPerMTok)
                         .arg(change.after.price.outputPerMTok));
    }
    for (const PriceChange& change : diff.added) {
        Console::out(QStringLiteral("  + %1: $%2/$%3 per 1M in/out\n")
                         .arg(change.modelId)
                         .arg(change.after.price.inputPerMTok)
                         .arg(change.after.price.outputPerMTok));
    }
    if (!m_apply || diff.isEmpty()) {
        if (!diff.isEmpty()) {
            Console::out(tr("Nothing applied; run again with --yes to apply.\n"));
        }
        return 0;
    }
    const int version = PriceImport::apply(table, diff, tr("LiteLLM import of %1").arg(QFileInfo(m_file).fileName()));
    const QString path = QDir(engine.homeDir()).filePath(QStringLiteral("prices.json"));
    if (!table.save(path, &error)) {
        return Console::fail(tr("cannot save %1: %2").arg(path, error));
    }
    Console::out(tr("Applied as price version %1; recorded costs keep the prices they were made with.\n").arg(version));
    return 0;
}
