#pragma once

#include "core/common/TextPosition.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

// A place inside a JSON document ("data[0].results[1].amount"), built while walking a
// QJsonDocument, which keeps no positions. locate() finds the same place in the text again, so
// an error about a value can name its line and column.
class JsonPath final
{
public:
    JsonPath key(const QString& name) const;
    JsonPath index(qsizetype i) const;

    // "data[0].results[1].amount", "" for the document itself.
    QString text() const;
    // Where the value at this path starts in `json`; where the deepest part of the path that
    // exists starts when the rest is missing (the object that lacks a field).
    TextPosition locate(const QByteArray& json) const;

private:
    QList<std::variant<QString, qsizetype>> m_parts;
};
