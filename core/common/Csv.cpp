#include "core/common/Csv.h"

#include <QCoreApplication>

namespace Csv {

QString field(const QString& value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r')) {
        return value;
    }
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString line(const QStringList& fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString& value : fields) {
        out << field(value);
    }
    return out.join(u',') + QStringLiteral("\r\n");
}

Table parse(const QByteArray& utf8)
{
    QString text = QString::fromUtf8(utf8);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    Table table;
    Record record;
    QString field;
    int line = 1;
    int quoteLine = 0;
    bool quoted = false;
    bool recordStarted = false;
    auto endRecord = [&] {
        record.fields << field;
        field.clear();
        // A line with nothing on it is no record (the blank line many files end with).
        if (!(record.fields.size() == 1 && record.fields.first().isEmpty() && !recordStarted)) {
            table.records << record;
        }
        record = Record();
        recordStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!recordStarted && record.fields.isEmpty() && field.isEmpty()) {
            record.line = line;
        }
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            quoteLine = line;
            recordStarted = true;
        } else if (c == u',') {
            record.fields << field;
            field.clear();
            recordStarted = true;
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            ++line;
        } else {
            field += c;
            recordStarted = true;
        }
    }
    if (quoted) {
        table.error = QCoreApplication::translate("Csv", "a quoted field is not closed");
        table.errorLine = quoteLine;
        table.records.clear();
        return table;
    }
    if (recordStarted || !record.fields.isEmpty() || !field.isEmpty()) {
        endRecord();
    }
    return table;
}

} // namespace Csv
