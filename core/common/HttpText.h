#pragma once

#include <QByteArrayView>

// Header value helpers shared by the HTTP server's request parser and the provider transport's
// response parser.
namespace HttpText {
// Strips HTTP optional whitespace (spaces and tabs) at both ends.
QByteArrayView trimmed(QByteArrayView text);
// A comma-separated header list contains a token, case-insensitively ("Connection: keep-alive, Close").
bool listHasToken(QByteArrayView list, QByteArrayView token);
} // namespace HttpText
