#pragma once

#include "core/pricing/PriceTable.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

struct SkippedPrice
{
    QString modelId;
    QString reason; // translated, e.g. "mode \"responses\" is not a chat or embedding model"
};

struct LiteLlmPrices
{
    QMap<QString, PriceEntry> entries;
    QList<SkippedPrice> skipped;
};

struct PriceChange
{
    QString modelId;
    std::optional<PriceEntry> before; // empty for an added model
    PriceEntry after;
};

// What an import would do, shown to the user before anything is applied.
struct PriceDiff
{
    QList<PriceChange> added;
    QList<PriceChange> changed;
    int unchanged = 0;

    bool isEmpty() const { return added.isEmpty() && changed.isEmpty(); }
    QString summary() const; // "3 added, 2 changed, 40 unchanged"
};

// Import of LiteLLM's model_prices_and_context_window.json (USD per token) into a PriceTable
// (USD per 1M tokens). Chat and embedding models are imported (an embedding model with its mode,
// for the gateway's /v1/embeddings): Switchyard speaks chat/completions, messages and embeddings,
// so image, audio and "responses"-only models are skipped with a reason.
namespace PriceImport {

// nullopt (with the place of the problem in *error) when the bytes are not a JSON object.
std::optional<LiteLlmPrices> parseLiteLlm(const QByteArray& json, QString* error = nullptr);

// Compares by exact model id (no provider-prefix fallback): an import never edits a model it
// does not name. Models of the table that the import lacks are left alone.
PriceDiff diff(const PriceTable& table, const QMap<QString, PriceEntry>& imported);

// Writes the diff's additions and changes as one new version; returns it (or the current
// version when the diff is empty).
int apply(PriceTable& table, const PriceDiff& diff, const QString& note = {});

// LiteLLM's USD per token to USD per 1M tokens, rounded to 1e-6 USD/1M so that 3e-07 gives 0.3.
double perMillion(double usdPerToken);

} // namespace PriceImport
