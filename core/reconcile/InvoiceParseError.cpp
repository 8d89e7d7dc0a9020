#include "core/reconcile/InvoiceParseError.h"

#include <QCoreApplication>

QString InvoiceParseError::message() const
{
    QString place = file;
    if (line > 0) {
        place += QStringLiteral(":%1").arg(line);
        if (column > 0) {
            place += QStringLiteral(":%1").arg(column);
        }
    }
    QString text = field.isEmpty() ? expected : QStringLiteral("%1: %2").arg(field, expected);
    if (!found.isNull()) {
        text = QCoreApplication::translate("InvoiceParseError", "%1, found %2").arg(text, found);
    }
    return place.isEmpty() ? text : QStringLiteral("%1: %2").arg(place, text);
}
