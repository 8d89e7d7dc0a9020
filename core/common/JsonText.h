#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// JSON strings written by hand, for the hot paths that emit one small JSON object per token
// (the sandbox's stream, the gateway's chunks): one append instead of a QJsonDocument each.
namespace JsonText {
// Appends "text" (quoted, escaped per RFC 8259).
void appendString(QByteArray& out, QByteArrayView utf8);
void appendString(QByteArray& out, const QString& text);
QByteArray quoted(const QString& text);
// Appends a JSON integer without a temporary QByteArray.
void appendInteger(QByteArray& out, qint64 value);
} // namespace JsonText
