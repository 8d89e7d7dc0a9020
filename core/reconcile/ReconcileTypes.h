#pragma once

#include "core/reconcile/InvoiceProvider.h"
#include "core/reconcile/ReconcileStatus.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Inputs and results of Reconciler.

struct ReconcileOptions
{
    // The days compared, inclusive; invalid: the first and last day the export covers.
    QDate since;
    QDate until;
    double thresholdPercent = 5; // a matched row drifting more than this is flagged
    // The ledger's provider ids whose calls this provider bills (InvoiceProviders::ledgerProviderIds).
    QStringList ledgerProviders;
    // Switchyard model id -> the provider's model name, where they differ ("smart" -> "gpt-4o").
    QMap<QString, QString> upstreamModels;
    // Provider API key (id or name, as the export writes it) -> the gateway client key id the
    // ledger records. Empty: rows are per day x model, keys summed on both sides. Set: per day x
    // model x key; an export key not in the map stays itself (spend from a key Switchyard does
    // not use), and ledger requests without a client key show under "".
    QMap<QString, QString> keyMap;
};

// One side's figures for a row; a figure the export does not carry is unset.
struct ReconcileFigures
{
    std::optional<qint64> requests;
    std::optional<qint64> tokens; // input + output
    std::optional<double> costUsd;

    bool operator==(const ReconcileFigures&) const = default;
};

enum class DriftBasis
{
    Cost, // "cost": both sides have a cost
    Tokens, // "tokens": the export has no cost (a usage report), so tokens are compared
    None, // "none": nothing to compare (a row missing on one side)
};

namespace DriftBases {
// Stable identifiers, used only where JSON needs a string.
inline QString id(DriftBasis value)
{
    switch (value) {
    case DriftBasis::Cost:
        return QStringLiteral("cost");
    case DriftBasis::Tokens:
        return QStringLiteral("tokens");
    case DriftBasis::None:
        break;
    }
    return QStringLiteral("none");
}
} // namespace DriftBases

struct ReconcileRow
{
    QDate day;
    QString model; // as the export or the ledger names it (canonical names matched them)
    QString key; // empty when rows are not split by key
    ReconcileStatus status = ReconcileStatus::Matched;
    ReconcileFigures provider;
    ReconcileFigures ledger;
    DriftBasis basis = DriftBasis::None;
    // (ledger - provider) / provider in percent; unset without a basis or when the provider's
    // figure is 0 and the ledger's is not.
    std::optional<double> driftPercent;
    bool flagged = false; // above the threshold, or missing on one side

    bool operator==(const ReconcileRow&) const = default;
};

struct ReconcileReport
{
    InvoiceProvider provider = InvoiceProvider::OpenAi;
    QDate since;
    QDate until;
    double thresholdPercent = 5;
    bool byKey = false;
    QList<ReconcileRow> rows; // by day, then model, then key
    double providerCostUsd = 0; // rows with a provider cost
    double ledgerCostUsd = 0;
    qint64 matched = 0;
    qint64 missingInLedger = 0;
    qint64 missingAtProvider = 0;
    qint64 flagged = 0;
    QString error; // the ledger could not be read

    bool hasFlags() const { return flagged > 0; }
};
