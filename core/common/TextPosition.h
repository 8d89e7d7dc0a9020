#pragma once

#include <QByteArray>
#include <QJsonParseError>

// A place in a text file as editors show it: 1-based line and column, columns counting
// characters (not UTF-8 bytes). Used for every JSON syntax error the user has to find.
struct TextPosition
{
    int line = 0; // 0: not known
    int column = 0;
    qsizetype offset = -1; // 0-based byte offset of the character

    // The position of the byte at `offset` (clamped to the text).
    static TextPosition at(const QByteArray& utf8, qsizetype offset);
    // The character a JSON parser stopped at (Qt's offset is just past it), or the end of a text
    // that was cut short.
    static TextPosition ofJsonError(const QByteArray& json, const QJsonParseError& error);

    bool operator==(const TextPosition&) const = default;
};
