#include "core/common/SearchContextSize.h"

QString SearchContextSizes::id(SearchContextSize size)
{
    switch (size) {
    case SearchContextSize::Low:
        return QStringLiteral("low");
    case SearchContextSize::Medium:
        return QStringLiteral("medium");
    case SearchContextSize::High:
        return QStringLiteral("high");
    }
    return {};
}

std::optional<SearchContextSize> SearchContextSizes::fromId(const QString& id)
{
    for (SearchContextSize size : { SearchContextSize::Low, SearchContextSize::Medium, SearchContextSize::High }) {
        if (SearchContextSizes::id(size) == id) {
            return size;
        }
    }
    return std::nullopt;
}
