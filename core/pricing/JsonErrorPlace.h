#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonParseError>
#include <QString>

// "line 3, column 14 (offset 52): unterminated string" for a JSON syntax error, so a user can find
// the problem in the file they edited or downloaded.
inline QString jsonErrorPlace(const QByteArray& json, const QJsonParseError& error)
{
    const int offset = int(error.offset);
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = offset - int(before.lastIndexOf('\n') + 1) + 1;
    return QCoreApplication::translate("PriceTable", "line %1, column %2 (offset %3): %4")
        .arg(line)
        .arg(column)
        .arg(offset)
        .arg(error.errorString());
}
