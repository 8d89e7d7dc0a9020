#include "core/reconcile/ExportCsvReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ExportCsvReader", text);
}

QString quoted(const QString& text)
{
    return u'"' + text.left(60) + u'"';
}
} // namespace

ExportCsvReader::ExportCsvReader(const Csv::Table& table)
{
    if (!table.error.isEmpty()) {
        fail(table.errorLine, QString(), table.error, QString());
        return;
    }
    if (table.records.isEmpty()) {
        fail(1, QString(), tr("expected a header line"), tr("an empty file"));
        return;
    }
    m_headerLine = table.records.first().line;
    for (const QString& name : table.records.first().fields) {
        m_header << name.trimmed().toLower();
    }
    m_rows = table.records.mid(1);
}

int ExportCsvReader::column(const QStringList& names) const
{
    for (const QString& name : names) {
        if (const qsizetype i = m_header.indexOf(name); i >= 0) {
            return int(i);
        }
    }
    return -1;
}

int ExportCsvReader::require(const QStringList& names)
{
    const int i = column(names);
    if (i < 0) {
        fail(m_headerLine, names.first(),
             names.size() > 1 ? tr("expected a column named %1").arg(names.join(QStringLiteral(" or ")))
                              : tr("expected a column named %1").arg(names.first()),
             tr("the columns %1").arg(m_header.join(u',')));
    }
    return i;
}

QList<Csv::Record> ExportCsvReader::rows()
{
    if (failed()) {
        return {};
    }
    for (const Csv::Record& row : std::as_const(m_rows)) {
        if (row.fields.size() < m_header.size()) {
            fail(row.line, QString(), tr("expected %1 fields as in the header").arg(m_header.size()),
                 QString::number(row.fields.size()));
            return {};
        }
    }
    return m_rows;
}

QString ExportCsvReader::text(const Csv::Record& row, int column) const
{
    return column >= 0 && column < row.fields.size() ? row.fields.at(column).trimmed() : QString();
}

std::optional<double> ExportCsvReader::number(const Csv::Record& row, int column, bool required)
{
    if (failed() || column < 0) {
        return std::nullopt;
    }
    QString cell = text(row, column);
    if (cell.isEmpty() && !required) {
        return std::nullopt;
    }
    if (cell.startsWith(u'$')) {
        cell.remove(0, 1);
    }
    bool ok = false;
    const double value = QLocale::c().toDouble(cell, &ok);
    if (!ok || !std::isfinite(value)) {
        fail(row.line, m_header.at(column), tr("expected a number"), quoted(text(row, column)));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> ExportCsvReader::count(const Csv::Record& row, int column, bool required)
{
    const std::optional<double> value = number(row, column, required);
    if (!value) {
        return std::nullopt;
    }
    if (*value < 0 || *value != std::floor(*value)) {
        fail(row.line, m_header.at(column), tr("expected a whole number"), quoted(text(row, column)));
        return std::nullopt;
    }
    return qint64(*value);
}

std::optional<QDate> ExportCsvReader::day(const Csv::Record& row, int column)
{
    if (failed() || column < 0) {
        return std::nullopt;
    }
    const QString cell = text(row, column);
    QDateTime time;
    bool isNumber = false;
    const qint64 seconds = cell.toLongLong(&isNumber);
    if (isNumber) {
        time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    } else if (const QDate date = QDate::fromString(cell, Qt::ISODate); date.isValid()) {
        return date;
    } else {
        QString iso = cell;
        iso.replace(u' ', u'T');
        time = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (time.isValid() && time.timeSpec() == Qt::LocalTime) {
            time.setTimeSpec(Qt::UTC); // exports are in UTC when they do not say
        }
    }
    if (!time.isValid()) {
        fail(row.line, m_header.at(column), tr("expected a date (YYYY-MM-DD, ISO time or Unix seconds)"), quoted(cell));
        return std::nullopt;
    }
    return time.toUTC().date();
}

void ExportCsvReader::fail(int line, const QString& field, const QString& expected, const QString& found)
{
    if (m_error) {
        return;
    }
    InvoiceParseError error;
    error.line = line;
    error.field = field;
    error.expected = expected;
    error.found = found;
    m_error = error;
}
