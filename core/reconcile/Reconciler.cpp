#include "core/reconcile/Reconciler.h"

#include "core/reconcile/ModelNames.h"

#include "core/ledger/LedgerQueries.h"

#include <cmath>
#include <map>
#include <tuple>

namespace {
using RowKey = std::tuple<QDate, QString, QString>; // day, canonical model, key

template <typename T>
void add(std::optional<T>& sum, const std::optional<T>& value)
{
    if (value) {
        sum = sum.value_or(T()) + *value;
    }
}

std::optional<qint64> tokensOf(const InvoiceLine& line)
{
    if (!line.inputTokens && !line.outputTokens) {
        return std::nullopt;
    }
    return line.inputTokens.value_or(0) + line.outputTokens.value_or(0);
}

// (ledger - provider) / provider in percent; unset when the provider's figure is 0 and the
// ledger's is not.
std::optional<double> drift(double provider, double ledger)
{
    if (provider == 0) {
        return ledger == 0 ? std::optional<double>(0) : std::nullopt;
    }
    // Rounded to a millionth of a percent: sums of many small costs differ in the last bits, and
    // a drift of -0.0000000000001 % must read 0.0 %, not -0.0 %.
    const double percent = std::round((ledger - provider) / provider * 100.0 * 1e6) / 1e6;
    return percent == 0 ? 0.0 : percent;
}
} // namespace

std::pair<QDate, QDate> Reconciler::period(const QList<InvoiceLine>& lines, const ReconcileOptions& options)
{
    QDate since = options.since;
    QDate until = options.until;
    for (const InvoiceLine& line : lines) {
        if (!options.since.isValid() && (!since.isValid() || line.day < since)) {
            since = line.day;
        }
        if (!options.until.isValid() && (!until.isValid() || line.day > until)) {
            until = line.day;
        }
    }
    return { since, until };
}

ReconcileReport Reconciler::reconcile(InvoiceProvider provider, const QList<InvoiceLine>& lines, LedgerQueries& ledger,
                                      const ReconcileOptions& options)
{
    const auto [since, until] = period(lines, options);
    QList<DailyUsageRow> rows;
    if (since.isValid() && until.isValid()) {
        rows = ledger.dailyUsage(since.startOfDay(Qt::UTC), until.addDays(1).startOfDay(Qt::UTC),
                                 options.ledgerProviders);
    }
    ReconcileReport report = compare(provider, lines, rows, options);
    report.error = ledger.errorString();
    return report;
}

ReconcileReport Reconciler::compare(InvoiceProvider provider, const QList<InvoiceLine>& lines,
                                    const QList<DailyUsageRow>& ledgerRows, const ReconcileOptions& options)
{
    ReconcileReport report;
    report.provider = provider;
    std::tie(report.since, report.until) = period(lines, options);
    report.thresholdPercent = options.thresholdPercent;
    report.byKey = !options.keyMap.isEmpty();
    auto inPeriod = [&](const QDate& day) {
        return report.since.isValid() && report.until.isValid() && day >= report.since && day <= report.until;
    };
    // An export not grouped by model (a cost page without line items) is compared per day.
    bool byModel = false;
    for (const InvoiceLine& line : lines) {
        byModel = byModel || !line.model.isEmpty();
    }

    std::map<RowKey, ReconcileRow> rows;
    for (const InvoiceLine& line : lines) {
        if (line.provider != provider || !inPeriod(line.day)) {
            continue;
        }
        const QString key = report.byKey ? options.keyMap.value(line.key, line.key) : QString();
        ReconcileRow& row = rows[{ line.day, byModel ? ModelNames::canonical(line.model) : QString(), key }];
        if (row.model.isEmpty()) {
            row.model = line.model;
        }
        add(row.provider.requests, line.requests);
        add(row.provider.tokens, tokensOf(line));
        add(row.provider.costUsd, line.costUsd);
    }
    const std::map<RowKey, ReconcileRow> exported = rows;
    for (const DailyUsageRow& usage : ledgerRows) {
        if ((!options.ledgerProviders.isEmpty() && !options.ledgerProviders.contains(usage.provider))
            || !inPeriod(usage.day)) {
            continue;
        }
        const QString model = options.upstreamModels.value(usage.model, usage.model);
        const QString key = report.byKey ? usage.clientKey : QString();
        ReconcileRow& row = rows[{ usage.day, byModel ? ModelNames::canonical(model) : QString(), key }];
        if (row.model.isEmpty()) {
            row.model = byModel ? model : QString();
        }
        add(row.ledger.requests, std::optional<qint64>(usage.requests));
        add(row.ledger.tokens, std::optional<qint64>(usage.promptTokens + usage.completionTokens));
        add(row.ledger.costUsd, std::optional<double>(usage.costUsd));
    }

    for (auto& [rowKey, row] : rows) {
        row.day = std::get<0>(rowKey);
        row.key = std::get<2>(rowKey);
        const bool onExport = exported.count(rowKey) > 0;
        const bool inLedger = row.ledger.requests.has_value();
        row.status = !inLedger ? ReconcileStatus::MissingInLedger
            : !onExport        ? ReconcileStatus::MissingAtProvider
                               : ReconcileStatus::Matched;
        if (row.status == ReconcileStatus::Matched) {
            if (row.provider.costUsd) {
                row.basis = DriftBasis::Cost;
                row.driftPercent = drift(*row.provider.costUsd, row.ledger.costUsd.value_or(0));
            } else if (row.provider.tokens) {
                row.basis = DriftBasis::Tokens;
                row.driftPercent = drift(double(*row.provider.tokens), double(row.ledger.tokens.value_or(0)));
            }
            row.flagged = row.basis != DriftBasis::None
                && (!row.driftPercent || std::abs(*row.driftPercent) > options.thresholdPercent);
            ++report.matched;
        } else {
            row.flagged = true;
            ++(row.status == ReconcileStatus::MissingInLedger ? report.missingInLedger : report.missingAtProvider);
        }
        report.flagged += row.flagged ? 1 : 0;
        report.providerCostUsd += row.provider.costUsd.value_or(0);
        report.ledgerCostUsd += row.ledger.costUsd.value_or(0);
        report.rows << row;
    }
    return report;
}
