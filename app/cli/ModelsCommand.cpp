#include "app/cli/ModelsCommand.h"

#include "app/cli/Console.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderClient.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace {
} // namespace

bool ModelsCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the configured models and their prices per 1M tokens."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOption(jsonOption);
    if (!Console::parseArguments(parser, QStringLiteral("switchyard models"), arguments)) {
        return false;
    }
    m_json = parser.isSet(jsonOption);
    return true;
}

void ModelsCommand::run(Engine& engine)
{
    if (m_json) {
        QJsonArray models;
        for (const ModelConfig& model : engine.models()) {
            const ProviderConfig* provider = engine.provider(model.providerId);
            QJsonObject object {
                { QStringLiteral("id"), model.id },
                { QStringLiteral("provider"), model.providerId },
                { QStringLiteral("upstream_model"), model.upstreamModel },
                { QStringLiteral("context_window"), model.contextWindow },
                { QStringLiteral("simulated"), provider && provider->simulated },
                { QStringLiteral("has_key"), provider && engine.client()->hasKey(*provider) },
                // "chat" or "embedding" (served by /v1/embeddings only)
                { QStringLiteral("mode"), ModelModes::id(engine.prices().modeOf(model)) },
            };
            if (model.price.known) {
                object.insert(QStringLiteral("price_per_mtok"),
                              QJsonObject { { QStringLiteral("input"), model.price.inputPerMTok },
                                            { QStringLiteral("output"), model.price.outputPerMTok },
                                            { QStringLiteral("cached_input"), model.price.cachedInputPerMTok } });
            } else {
                object.insert(QStringLiteral("price_per_mtok"), QJsonValue());
            }
            models.append(object);
        }
        Console::printJson({ { QStringLiteral("models"), models } });
        emit done(0);
        return;
    }
    if (engine.models().isEmpty()) {
        Console::err(tr("No models configured. Try `switchyard --sandbox models` for the offline sandbox.\n"));
        emit done(0);
        return;
    }
    QStringList lines;
    lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                 .arg(tr("MODEL"), -28)
                 .arg(tr("PROVIDER"), -18)
                 .arg(tr("IN/1M"), 8)
                 .arg(tr("OUT/1M"), 8)
                 .arg(tr("CACHED/1M"), 9)
                 .arg(tr("CONTEXT"), 8);
    for (const ModelConfig& model : engine.models()) {
        const bool priced = model.price.known;
        lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(model.id, -28)
                     .arg(model.providerId, -18)
                     .arg(priced ? Money::format(model.price.inputPerMTok) : tr("unpriced"), 8)
                     .arg(priced ? Money::format(model.price.outputPerMTok) : QString(), 8)
                     .arg(priced ? Money::format(model.price.cachedInputPerMTok) : QString(), 9)
                     .arg(model.contextWindow > 0 ? QString::number(model.contextWindow) : QStringLiteral("?"), 8);
    }
    Console::out(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    emit done(0);
}
