#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// RFC 4180 text: written for the CSV exports (history, comparisons, dashboard tables), read for
// the providers' usage exports.
namespace Csv {
// `value` as one field: quoted, with inner quotes doubled, when it holds a comma, a quote or a
// line break; otherwise as it is.
QString field(const QString& value);
// The fields quoted as needed and joined by commas, ended by CRLF.
QString line(const QStringList& fields);

// One record as read, with the 1-based line it starts on (a quoted field may span lines).
struct Record
{
    int line = 0;
    QStringList fields;
};

// Every record of `utf8` (a UTF-8 byte order mark is skipped; CRLF, LF and blank lines at the
// end are fine). `error` is empty unless a quoted field is not closed, which is reported with
// the line the field started on in `errorLine`; the records are then empty.
struct Table
{
    QList<Record> records;
    QString error;
    int errorLine = 0;
};
Table parse(const QByteArray& utf8);
} // namespace Csv
