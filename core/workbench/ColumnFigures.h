#pragma once

#include "core/common/ProviderTypes.h"

#include <QString>

#include <optional>

// The numbers a workbench column shows. -1 / nullopt mean "not known (yet)".
struct ColumnFigures
{
    qint64 ttftMs = -1;
    qint64 latencyMs = -1;
    TokenUsage usage; // usage.estimated: counted by us, shown with "~"
    std::optional<double> tokensPerSecond; // output tokens per second, counted from the first token
    std::optional<double> costUsd; // nullopt = unpriced (or nothing to price yet)
    bool priced = false; // the model has a known price
    bool costEstimated = false;
    // What the reasoning tokens added to the cost (nullopt: no reasoning tokens, or unpriced).
    std::optional<double> reasoningCostUsd;

    // Output tokens per second between the first token and `elapsedMs`; nullopt when there is no
    // first token or the answer came in one burst (under 20 ms after it).
    static std::optional<double> rate(qint64 completionTokens, qint64 ttftMs, qint64 elapsedMs);

    bool operator==(const ColumnFigures&) const = default;
};

// Display strings shared by the columns and the exports, so both say the same thing.
namespace FigureFormat {
QString milliseconds(qint64 ms); // "840 ms", "12.4 s", "—"
QString tokens(qint64 count, bool estimated); // "1,234" or "~1,234"
QString tokensPerSecond(const std::optional<double>& rate); // "87.3 tok/s"
QString cost(const ColumnFigures& figures); // Money::format(), "~" first when estimated; "unpriced", "free"
QString pricePerMTok(const ModelPrice& price); // "$0.15 / $0.60" or "unpriced"
} // namespace FigureFormat
