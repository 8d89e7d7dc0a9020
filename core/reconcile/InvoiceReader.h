#pragma once

#include "core/reconcile/InvoiceFormat.h"
#include "core/reconcile/InvoiceLine.h"
#include "core/reconcile/InvoiceParseError.h"

#include <QList>

#include <optional>

// What reading one export gave: its format and lines, or the error and no lines at all.
struct InvoiceImport
{
    std::optional<InvoiceFormat> format;
    QList<InvoiceLine> lines;
    std::optional<InvoiceParseError> error;

    bool ok() const { return !error.has_value(); }
};

// Reads a provider's usage or cost export. The format is told from the content, not the file
// name: JSON when the text starts with '{' or '[' (one API page, or an array of the pages a
// paginated download gave), otherwise CSV with a header line; then by the fields each format
// has. A file that does not parse gives an error naming the place and no lines: nothing is
// imported half.
class InvoiceReader final
{
public:
    static InvoiceImport read(const QString& path);
    static InvoiceImport parse(const QByteArray& bytes, const QString& fileName);
};
