#pragma once

#include <QString>
#include <QStringList>

// RFC 4180 text for the CSV exports (history, comparisons, dashboard tables).
namespace Csv {
// `value` as one field: quoted, with inner quotes doubled, when it holds a comma, a quote or a
// line break; otherwise as it is.
QString field(const QString& value);
// The fields quoted as needed and joined by commas, ended by CRLF.
QString line(const QStringList& fields);
} // namespace Csv
