#pragma once

#include <QString>

// Why an export could not be read, and where: "costs.json:12:18: data[0].results[1].amount.value:
// expected a number, found "abc"". The place is the file's line (and column when known); `field`
// is the CSV column or JSON path that was expected.
struct InvoiceParseError
{
    QString file;
    int line = 0; // 0: not known
    int column = 0; // 0: not known
    QString field;
    QString expected;
    QString found;

    QString message() const;
    bool operator==(const InvoiceParseError&) const = default;
};
