#pragma once

#include "core/common/ModelMode.h"
#include "core/common/ProviderTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// What we know about one model's price and limits.
struct PriceEntry
{
    ModelPrice price;
    int contextWindow = 0; // input tokens, 0 = unknown
    int maxOutputTokens = 0; // 0 = unknown
    QString litellmProvider; // "openai", "anthropic", "vertex_ai-language-models", ...
    // The endpoint the model answers: an embedding model is billed for its input only and serves
    // the gateway's /v1/embeddings, never a chat.
    ModelMode mode = ModelMode::Chat;
    ModelCapabilities capabilities; // "supports": what it takes besides text (unknown when absent)

    // The rates that apply to a request with this many prompt tokens (price.ratesFor).
    ModelPrice priceFor(qint64 promptTokens) const { return price.ratesFor(promptTokens); }
    bool operator==(const PriceEntry&) const = default;
};

// One change set: the entries that version `version` added or changed.
struct PriceVersion
{
    int version = 0;
    QDateTime createdAt; // UTC
    QString note; // "bundled defaults", "LiteLLM import", "edited by hand"
    QMap<QString, PriceEntry> changes;
};

// Model id -> price, with history. Every change makes a new version and old versions are kept, so
// a request costed under version N can be re-costed the same way later, whatever was edited since.
//
// Lookup by id: the full id first; if it is unknown and contains '/', the part after the last '/'
// (Switchyard's "openai/gpt-4o" and "sandbox/gpt-4.1-mini" find "gpt-4o" and "gpt-4.1-mini").
//
// File format (JSON, written atomically with QSaveFile):
//   { "format": "switchyard-prices", "formatVersion": 1, "version": N,
//     "versions": [ { "version": 1, "createdAt": ISO-8601, "note": "...",
//                     "models": { "<id>": { "input": USD/1M, "output": USD/1M, "cachedInput": USD/1M,
//                                           "cacheWrite5m": USD/1M, "cacheWrite1h": USD/1M,
//                                           "reasoning": USD/1M, "perImage": USD,
//                                           "batchInput": USD/1M, "batchOutput": USD/1M,
//                                           "webSearch": USD per search (OpenAI: at medium context),
//                                           "webSearchLow": USD, "webSearchHigh": USD (OpenAI's other
//                                           search_context_size rates), "webSearchPerPrompt": true
//                                           (Gemini 2.x grounding: once per grounded prompt),
//                                           "contextWindow": n, "maxOutputTokens": n,
//                                           "litellmProvider": "...", "mode": "embedding",
//                                           "supports": [ "vision", "tools", "pdf", "json_schema" ],
//                                           "longContext": { "aboveTokens": n, "input": ..., "output": ...,
//                                                            "cachedInput": ..., "cacheWrite5m": ...,
//                                                            "cacheWrite1h": ... } } } }, ... ] }
// Every rate but input and output is optional (0 or absent: see ModelPrice for the fallback).
// An entry without "input"/"output" (or with "known": false) is an unpriced model; "mode" is
// "chat" when absent; without "supports" nothing is known of its capabilities (never skipped).
class PriceTable
{
public:
    static constexpr int Current = -1;
    static constexpr int FormatVersion = 1;

    int version() const { return m_versions.isEmpty() ? 0 : m_versions.constLast().version; }
    bool isEmpty() const { return m_current.isEmpty(); }

    std::optional<PriceEntry> lookup(const QString& modelId, int version = Current) const;
    // The table key a lookup of modelId uses (itself or its last path part); empty when unknown.
    QString resolvedId(const QString& modelId, int version = Current) const;
    QMap<QString, PriceEntry> entries(int version = Current) const;
    // What a configured model answers, looked up by what its provider calls it (the id when it
    // names none): chat unless the table says otherwise.
    ModelMode modeOf(const ModelConfig& model) const;
    QStringList modelIds() const;

    // Both return the new version, or the current one when nothing actually changed.
    int setPrice(const QString& modelId, const PriceEntry& entry, const QString& note = {});
    int setPrices(const QMap<QString, PriceEntry>& entries, const QString& note = {});

    const QList<PriceVersion>& history() const { return m_versions; }
    // The version in force at a moment (0 before the first one).
    int versionAt(const QDateTime& when) const;

    QByteArray toJson() const;
    // Parses a price file; on failure returns nullopt and says where the problem is.
    static std::optional<PriceTable> fromJson(const QByteArray& json, QString* error = nullptr);

    // Load keeps this table unchanged when the file is missing or bad.
    bool load(const QString& path, QString* error = nullptr);
    bool save(const QString& path, QString* error = nullptr) const;

    // Prices shipped with Switchyard (":/pricing/prices.json").
    static PriceTable bundled();

private:
    std::optional<PriceEntry> exactLookup(const QString& modelId, int version) const;
    bool isValidVersion(int version) const
    {
        return version == Current || (version >= 1 && version <= this->version());
    }

    QList<PriceVersion> m_versions; // ascending by version
    QHash<QString, PriceEntry> m_current; // all entries as of the latest version
};
