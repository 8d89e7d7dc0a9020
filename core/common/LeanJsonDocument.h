#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// A JSON document whose long string values stay where they are in the source text. QJsonDocument
// keeps a copy of every string, and reading one makes a UTF-16 copy of it: a 4 MB image data URL
// cost 4 MB to parse and 8 MB more to look at, although a gateway body passes upstream as it is.
// Here each string value longer than the threshold is replaced in the parsed tree by a short marker;
// isLong(), raw() and string() reach the real text in the source. Keys, numbers and short strings
// are parsed as usual, and a document without long strings is a plain QJsonDocument.
class LeanJsonDocument final
{
public:
    static constexpr qsizetype kLongString = 16 * 1024; // raw bytes between the quotes

    // Parses like QJsonDocument::fromJson (same validity, same error and offset).
    static LeanJsonDocument fromJson(const QByteArray& json, QJsonParseError* error = nullptr,
                                     qsizetype longString = kLongString);

    const QJsonDocument& document() const { return m_document; }
    bool isObject() const { return m_document.isObject(); }
    QJsonObject object() const { return m_document.object(); }
    qsizetype longStringCount() const { return m_spans.size(); }

    // True when the value is a long string left in the source.
    bool isLong(const QJsonValue& value) const { return spanOf(value) >= 0; }
    // A long string's text as written in the source, between its quotes (escapes not decoded);
    // empty for other values.
    QByteArrayView raw(const QJsonValue& value) const;
    // The value as a string, decoded, long or not (QJsonValue::toString() for the others).
    QString string(const QJsonValue& value) const;
    // The string's length in characters of the source text: exact for short strings, for long
    // ones the raw length (escapes counted as written). Cheap either way.
    qsizetype stringSize(const QJsonValue& value) const;
    // Compact JSON of a value from this document with its long strings put back.
    QByteArray toJson(const QJsonValue& value) const;

    // Decodes the text of a JSON string (between the quotes, already known to be valid).
    static QString decode(QByteArrayView raw);

private:
    struct Span
    {
        qsizetype start = 0; // after the opening quote
        qsizetype length = 0;
    };

    qsizetype spanOf(const QJsonValue& value) const;
    QByteArray strip(qsizetype longString);

    QByteArray m_source; // shared with the caller's, never copied
    QJsonDocument m_document;
    QList<Span> m_spans;
    QString m_marker; // "\0lean:<nonce>:", then the span's index
};
