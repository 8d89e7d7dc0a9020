#include "app/cli/ReconcileCommand.h"

#include "app/cli/Console.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/LedgerQueries.h"
#include "core/reconcile/InvoiceReader.h"
#include "core/reconcile/Reconciler.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QLocale>

namespace {
QJsonValue orNull(const std::optional<qint64>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue orNull(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject figuresJson(const ReconcileFigures& figures)
{
    return { { QStringLiteral("requests"), orNull(figures.requests) },
             { QStringLiteral("tokens"), orNull(figures.tokens) },
             { QStringLiteral("cost_usd"), orNull(figures.costUsd) } };
}

// "10 / 12", "- / 2": the provider's figure, then the ledger's.
QString pair(const std::optional<QString>& provider, const std::optional<QString>& ledger)
{
    return QStringLiteral("%1 / %2").arg(provider.value_or(QStringLiteral("-")), ledger.value_or(QStringLiteral("-")));
}

std::optional<QString> count(const std::optional<qint64>& value)
{
    return value ? std::optional(QLocale().toString(*value)) : std::nullopt;
}

std::optional<QString> money(const std::optional<double>& value)
{
    return value ? std::optional(Money::format(*value)) : std::nullopt;
}
} // namespace

bool ReconcileCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Put a provider's usage or cost export next to the ledger, per day x model (x key). Reads OpenAI's "
           "Costs and Usage API JSON and dashboard CSVs, Anthropic's usage and cost reports (JSON) and Console "
           "CSVs, OpenRouter's activity CSV. Exit code 3 when a row drifts more than the threshold or is missing "
           "on one side, 65 when a file does not parse."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Export files of one provider (e.g. costs and usage)."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption since(QStringLiteral("since"),
                                   tr("First day compared (YYYY-MM-DD, UTC); default: the "
                                      "export's first day."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption until(QStringLiteral("until"),
                                   tr("Last day compared, included; default: the export's "
                                      "last day."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption threshold(QStringLiteral("threshold"),
                                       tr("Flag matched rows drifting more than PCT percent (default 5)."),
                                       QStringLiteral("PCT"), QStringLiteral("5"));
    const QCommandLineOption keyMap(QStringLiteral("key-map"),
                                    tr("Compare per key: the provider's API key (id or name, as the export writes "
                                       "it) is the gateway client key CLIENT_KEY. Repeatable."),
                                    QStringLiteral("PROVIDER_KEY=CLIENT_KEY"));
    parser.addOptions({ json, since, until, threshold, keyMap });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard reconcile"), arguments)) {
        return false;
    }
    m_files = parser.positionalArguments();
    if (m_files.isEmpty()) {
        Console::fail(tr("reconcile needs an export FILE"), 64);
        return false;
    }
    m_json = parser.isSet(json);
    for (const auto& [option, date] :
         { std::pair { &since, &m_options.since }, std::pair { &until, &m_options.until } }) {
        if (parser.isSet(*option)) {
            *date = QDate::fromString(parser.value(*option), Qt::ISODate);
            if (!date->isValid()) {
                Console::fail(tr("--%1 needs a date (YYYY-MM-DD)").arg(option->names().first()), 64);
                return false;
            }
        }
    }
    if (m_options.since.isValid() && m_options.until.isValid() && m_options.since > m_options.until) {
        Console::fail(tr("--since must not be after --until"), 64);
        return false;
    }
    bool ok = false;
    m_options.thresholdPercent = parser.value(threshold).toDouble(&ok);
    if (!ok || m_options.thresholdPercent < 0) {
        Console::fail(tr("--threshold needs a percentage (0 or more)"), 64);
        return false;
    }
    for (const QString& mapping : parser.values(keyMap)) {
        const qsizetype equals = mapping.indexOf(u'=');
        if (equals <= 0) {
            Console::fail(tr("--key-map needs PROVIDER_KEY=CLIENT_KEY, not \"%1\"").arg(mapping), 64);
            return false;
        }
        m_options.keyMap.insert(mapping.left(equals), mapping.mid(equals + 1));
    }
    return true;
}

void ReconcileCommand::run(Engine& engine)
{
    // Every file is read before anything is compared: one that does not parse stops it all.
    QList<InvoiceLine> lines;
    QStringList formats;
    std::optional<InvoiceProvider> provider;
    for (const QString& file : std::as_const(m_files)) {
        const InvoiceImport imported = InvoiceReader::read(file);
        if (!imported.ok()) {
            emit done(Console::fail(imported.error->message(), ExitUnparsable));
            return;
        }
        const InvoiceProvider fileProvider = InvoiceFormats::provider(*imported.format);
        if (provider && *provider != fileProvider) {
            emit done(Console::fail(
                tr("%1: expected an export of %2 like the files before it, found one of %3")
                    .arg(file, InvoiceProviders::displayName(*provider), InvoiceProviders::displayName(fileProvider)),
                ExitUnparsable));
            return;
        }
        provider = fileProvider;
        formats << InvoiceFormats::id(*imported.format);
        lines += imported.lines;
    }
    if (engine.ledgerPath().isEmpty()) {
        emit done(Console::fail(tr("no history database is available")));
        return;
    }
    ReconcileOptions options = m_options;
    options.ledgerProviders = InvoiceProviders::ledgerProviderIds(*provider, engine.providers());
    for (const ModelConfig& model : engine.models()) {
        if (!model.upstreamModel.isEmpty() && model.upstreamModel != model.id) {
            options.upstreamModels.insert(model.id, model.upstreamModel);
        }
    }
    LedgerQueries queries(engine.ledgerPath());
    const ReconcileReport report = Reconciler::reconcile(*provider, lines, queries, options);
    if (!report.error.isEmpty()) {
        emit done(Console::fail(report.error));
        return;
    }
    const int exitCode = report.hasFlags() ? ExitFlagged : 0;

    if (m_json) {
        QJsonArray rows;
        for (const ReconcileRow& row : report.rows) {
            rows.append(QJsonObject { { QStringLiteral("day"), row.day.toString(Qt::ISODate) },
                                      { QStringLiteral("model"), row.model },
                                      { QStringLiteral("key"), row.key },
                                      { QStringLiteral("status"), ReconcileStatuses::id(row.status) },
                                      { QStringLiteral("flagged"), row.flagged },
                                      { QStringLiteral("drift_basis"), DriftBases::id(row.basis) },
                                      { QStringLiteral("drift_percent"), orNull(row.driftPercent) },
                                      { QStringLiteral("provider"), figuresJson(row.provider) },
                                      { QStringLiteral("ledger"), figuresJson(row.ledger) } });
        }
        Console::printJson({ { QStringLiteral("provider"), InvoiceProviders::id(*provider) },
                             { QStringLiteral("formats"), QJsonArray::fromStringList(formats) },
                             { QStringLiteral("since"), report.since.toString(Qt::ISODate) },
                             { QStringLiteral("until"), report.until.toString(Qt::ISODate) },
                             { QStringLiteral("threshold_percent"), report.thresholdPercent },
                             { QStringLiteral("by_key"), report.byKey },
                             { QStringLiteral("rows"), rows },
                             { QStringLiteral("matched"), report.matched },
                             { QStringLiteral("missing_in_ledger"), report.missingInLedger },
                             { QStringLiteral("missing_at_provider"), report.missingAtProvider },
                             { QStringLiteral("flagged"), report.flagged },
                             { QStringLiteral("provider_cost_usd"), report.providerCostUsd },
                             { QStringLiteral("ledger_cost_usd"), report.ledgerCostUsd } });
        emit done(exitCode);
        return;
    }

    QStringList out;
    out << tr("%1, %2 to %3 (UTC), provider / ledger; drift above %4 % or missing rows marked !")
               .arg(InvoiceProviders::displayName(*provider), report.since.toString(Qt::ISODate),
                    report.until.toString(Qt::ISODate))
               .arg(report.thresholdPercent);
    auto line = [&](const QStringList& cells) {
        // Left-aligned text, right-aligned figures; the key column only when rows are split by key.
        static const int widths[] = { -10, -28, -16, -19, 13, 19, 21, 9 };
        QStringList padded;
        for (int i = 0; i < cells.size(); ++i) {
            if (i == 2 && !report.byKey) {
                continue;
            }
            padded << (widths[i] < 0 ? cells.at(i).leftJustified(-widths[i]) : cells.at(i).rightJustified(widths[i]));
        }
        return padded.join(QStringLiteral("  ")).trimmed();
    };
    out << line(
        { tr("DAY"), tr("MODEL"), tr("KEY"), tr("STATUS"), tr("REQUESTS"), tr("TOKENS"), tr("COST"), tr("DRIFT") });
    for (const ReconcileRow& row : report.rows) {
        const QString drift
            = row.driftPercent ? QStringLiteral("%1 %").arg(*row.driftPercent, 0, 'f', 1) : QStringLiteral("-");
        out << line({ row.day.toString(Qt::ISODate), row.model.isEmpty() ? tr("(all models)") : row.model,
                      row.key.isEmpty() ? tr("(none)") : row.key, ReconcileStatuses::displayName(row.status),
                      pair(count(row.provider.requests), count(row.ledger.requests)),
                      pair(count(row.provider.tokens), count(row.ledger.tokens)),
                      pair(money(row.provider.costUsd), money(row.ledger.costUsd)),
                      drift + (row.flagged ? QStringLiteral(" !") : QStringLiteral("  ")) });
    }
    out << tr("%1 matched, %2 missing in the ledger (spend outside Switchyard), %3 missing at the provider; %4 "
              "flagged. Provider %5, ledger %6.")
               .arg(report.matched)
               .arg(report.missingInLedger)
               .arg(report.missingAtProvider)
               .arg(report.flagged)
               .arg(Money::format(report.providerCostUsd), Money::format(report.ledgerCostUsd));
    Console::out(out.join(u'\n') + u'\n');
    emit done(exitCode);
}
