#pragma once

#include "core/common/FailureClass.h"
#include "core/common/LeanJsonDocument.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <utility>

// Small helpers shared by the wire formats and the error classifier: strict parsing (QJsonDocument
// silently replaces invalid UTF-8, we must not) and lenient number reading.
namespace WireJson {
// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);
// Parses a complete JSON text after checking its UTF-8. Leading/trailing whitespace is fine.
// On failure returns a null document and sets *error to a short reason.
QJsonDocument parse(const QByteArray& bytes, QString* error);
// The same, leaving long strings in `bytes` (see LeanJsonDocument): for bodies that pass on.
LeanJsonDocument parseLean(const QByteArray& bytes, QString* error);
// A number that may arrive as a JSON number or a numeric string; fallback when absent/other.
qint64 toInt64(const QJsonValue& value, qint64 fallback = 0);
// A printable excerpt of a body for messages: invalid UTF-8 replaced, control characters
// turned into spaces, at most maxChars characters.
QString excerpt(QByteArrayView bytes, qsizetype maxChars = 200);
// A MalformedResponse error with our own message.
CallError malformed(const QString& message);
// Where a field sits, for a refusal's param: OpenAI's notation "messages[2]" (indexed), Anthropic's
// and Bedrock's "messages.2" (dotted), a member "tools[0].type".
QString indexed(const QString& base, qsizetype index);
QString dotted(const QString& base, qsizetype index);
QString member(const QString& base, const char* name);
// Undefined or null: a field that is not set.
bool absent(const QJsonValue& value);
// "data:image/png;base64,AAAA" -> media type and data; nullopt for anything else.
std::optional<std::pair<QString, QString>> splitDataUrl(const QString& url);
} // namespace WireJson
