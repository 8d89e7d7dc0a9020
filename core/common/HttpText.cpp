#include "core/common/HttpText.h"

namespace HttpText {

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    return text.sliced(begin, end - begin);
}

bool listHasToken(QByteArrayView text, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype comma = text.indexOf(',', start);
        if (comma < 0) {
            comma = text.size();
        }
        if (trimmed(text.sliced(start, comma - start)).compare(token, Qt::CaseInsensitive) == 0) {
            return true;
        }
        start = comma + 1;
    }
    return false;
}

} // namespace HttpText
