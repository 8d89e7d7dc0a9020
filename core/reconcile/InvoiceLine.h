#pragma once

#include "core/reconcile/InvoiceProvider.h"

#include <QDate>
#include <QString>

#include <optional>

// One row of a provider's export, normalised: what the provider says was used or billed on one
// UTC day. A figure the export does not carry stays unset (a cost report has no tokens, a usage
// report no cost), never 0.
struct InvoiceLine
{
    QDate day; // UTC, as the providers bucket
    InvoiceProvider provider = InvoiceProvider::OpenAi;
    QString model; // as the export names it ("gpt-4o-2024-08-06"); empty when not grouped by model
    QString key; // the provider's API key id or name; empty when not grouped by key
    std::optional<qint64> requests;
    std::optional<qint64> inputTokens; // cached and cache-write tokens included
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    int sourceLine = 0; // the CSV line it came from; 0 for JSON

    bool operator==(const InvoiceLine&) const = default;
};
