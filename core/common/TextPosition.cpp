#include "core/common/TextPosition.h"

#include <QString>

TextPosition TextPosition::at(const QByteArray& utf8, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, utf8.size());
    // lastIndexOf(.., -1) would search from the end.
    const qsizetype lineStart = offset > 0 ? utf8.lastIndexOf('\n', offset - 1) + 1 : 0;
    TextPosition position;
    position.line = int(utf8.left(offset).count('\n')) + 1;
    position.column = int(QString::fromUtf8(utf8.mid(lineStart, offset - lineStart)).size()) + 1;
    position.offset = offset;
    return position;
}

TextPosition TextPosition::ofJsonError(const QByteArray& json, const QJsonParseError& error)
{
    // Cut short (unterminated string, missing brace): the place is the end, where more was due.
    return at(json, error.offset >= json.size() ? json.size() : error.offset - 1);
}
