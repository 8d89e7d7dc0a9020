#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>

#include <utility>

// One parsed HTTP/1.1 request, body complete.
struct HttpRequest
{
    QByteArray method;
    QByteArray path; // without the query string
    QByteArray query; // after '?', not decoded
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    QByteArray body;
    QHostAddress peer;
    bool http10 = false;

    // First value of a header, or a null QByteArray. Pass the name in lower case.
    QByteArray header(QByteArrayView lowerName) const;
};

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;
