#include "core/providers/WireJson.h"

#include <QCoreApplication>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cstring>

bool WireJson::isValidUtf8(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = p + bytes.size();
    while (p < end) {
        // ASCII fast path, eight bytes at a time where the data allows.
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL) {
                break;
            }
            p += 8;
        }
        if (p == end) {
            break;
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        unsigned char min2 = 0x80, max2 = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0) {
                min2 = 0xA0; // overlong
            } else if (c == 0xED) {
                max2 = 0x9F; // UTF-16 surrogates
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0) {
                min2 = 0x90; // overlong
            } else if (c == 0xF4) {
                max2 = 0x8F; // above U+10FFFF
            }
        } else {
            return false;
        }
        if (end - p <= extra) {
            return false;
        }
        if (p[1] < min2 || p[1] > max2) {
            return false;
        }
        for (int i = 2; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        p += extra + 1;
    }
    return true;
}

QJsonDocument WireJson::parse(const QByteArray& bytes, QString* error)
{
    if (!isValidUtf8(bytes)) {
        *error = QCoreApplication::translate("WireJson", "invalid UTF-8");
        return {};
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("WireJson", "invalid JSON at offset %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return {};
    }
    return document;
}

LeanJsonDocument WireJson::parseLean(const QByteArray& bytes, QString* error)
{
    if (!isValidUtf8(bytes)) {
        *error = QCoreApplication::translate("WireJson", "invalid UTF-8");
        return {};
    }
    QJsonParseError parseError;
    LeanJsonDocument document = LeanJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("WireJson", "invalid JSON at offset %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return {};
    }
    return document;
}

qint64 WireJson::toInt64(const QJsonValue& value, qint64 fallback)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        // Token counts beyond 2^53 are nonsense; clamp rather than overflow the cast.
        if (number != number || number > 9.0e15 || number < -9.0e15) {
            return fallback;
        }
        return qint64(number);
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().trimmed().toLongLong(&ok);
        return ok ? number : fallback;
    }
    return fallback;
}

QString WireJson::excerpt(QByteArrayView bytes, qsizetype maxChars)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // Decode a little more than needed: a character is at most 4 bytes.
    QString text = decoder.decode(bytes.first(qMin(bytes.size(), maxChars * 4)));
    text = text.trimmed();
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        if (text.back().isHighSurrogate()) {
            text.chop(1);
        }
    }
    for (QChar& ch : text) {
        if (ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format) {
            ch = QLatin1Char(' ');
        }
    }
    return text.simplified();
}

CallError WireJson::malformed(const QString& message)
{
    CallError error;
    error.failureClass = FailureClass::MalformedResponse;
    error.message = message;
    return error;
}

QString WireJson::indexed(const QString& base, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(base).arg(index);
}

QString WireJson::dotted(const QString& base, qsizetype index)
{
    return QStringLiteral("%1.%2").arg(base).arg(index);
}

QString WireJson::member(const QString& base, const char* name)
{
    return base + QLatin1Char('.') + QLatin1String(name);
}

bool WireJson::absent(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull();
}

std::optional<std::pair<QString, QString>> WireJson::splitDataUrl(const QString& url)
{
    if (!url.startsWith(QLatin1String("data:"))) {
        return std::nullopt;
    }
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    const qsizetype marker = url.lastIndexOf(QLatin1String(";base64"), comma);
    if (comma < 0 || marker < 5 || marker + 7 != comma) {
        return std::nullopt;
    }
    return std::make_pair(url.mid(5, marker - 5), url.mid(comma + 1));
}
