#pragma once

#include "core/common/TextPosition.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonParseError>
#include <QString>

// "line 3, column 14 (offset 52): unterminated string" for a JSON syntax error, so a user can find
// the problem in the file they edited or downloaded; the same place providers.json errors name.
inline QString jsonErrorPlace(const QByteArray& json, const QJsonParseError& error)
{
    const TextPosition place = TextPosition::ofJsonError(json, error);
    return QCoreApplication::translate("PriceTable", "line %1, column %2 (offset %3): %4")
        .arg(place.line)
        .arg(place.column)
        .arg(place.offset)
        .arg(error.errorString());
}
