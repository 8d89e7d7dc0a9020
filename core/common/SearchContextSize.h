#pragma once

#include <QString>

#include <optional>

// How much web context an OpenAI web search gathers (`web_search_options.search_context_size` of
// the search-preview models, `search_context_size` of the Responses web_search tool): priced
// apart per 1k searches. Medium is what OpenAI uses when a request does not say.
enum class SearchContextSize
{
    Low,
    Medium,
    High,
};

namespace SearchContextSizes {
QString id(SearchContextSize size); // "low", "medium", "high"
std::optional<SearchContextSize> fromId(const QString& id);
} // namespace SearchContextSizes
