#pragma once

#include "core/reconcile/InvoiceParseError.h"

#include "core/common/Csv.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <optional>

// Typed reads from an export's CSV for the parsers: columns are found by their header name
// (exports add and reorder columns over time; a column may go by one of several names), values
// are checked as read. The first problem becomes the error, naming the line, the column, what
// was expected and what was found; after that reads return nothing.
class ExportCsvReader final
{
public:
    explicit ExportCsvReader(const Csv::Table& table);

    bool failed() const { return m_error.has_value(); }
    const std::optional<InvoiceParseError>& error() const { return m_error; }

    QStringList header() const { return m_header; }
    // The index of the first of `names` the header has, or -1.
    int column(const QStringList& names) const;
    bool hasColumn(const QStringList& names) const { return column(names) >= 0; }
    // As column(), but a missing column is the error (at the header line).
    int require(const QStringList& names);

    // The records after the header; one with fewer fields than the header is the error.
    QList<Csv::Record> rows();

    QString text(const Csv::Record& row, int column) const;
    // Empty cells read as "not given" unless required.
    std::optional<qint64> count(const Csv::Record& row, int column, bool required = false);
    std::optional<double> number(const Csv::Record& row, int column, bool required = false);
    // "2026-11-03", an ISO date-time ("2026-11-03T14:22:01Z", "2026-11-03 14:22:01.123") or Unix
    // seconds, as a UTC day.
    std::optional<QDate> day(const Csv::Record& row, int column);

    void fail(int line, const QString& field, const QString& expected, const QString& found);

private:
    QStringList m_header;
    int m_headerLine = 1;
    QList<Csv::Record> m_rows;
    std::optional<InvoiceParseError> m_error;
};
