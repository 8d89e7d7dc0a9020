#include "core/providers/HttpExchange.h"

HttpExchange::~HttpExchange() = default;

QByteArray HttpExchange::header(QByteArrayView lowerName) const
{
    for (const auto& [name, value] : headers()) {
        if (name == lowerName) {
            return value;
        }
    }
    return {};
}
