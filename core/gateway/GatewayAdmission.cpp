#include "core/gateway/GatewayAdmission.h"

#include "core/common/HttpText.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <cctype>

namespace {

QByteArray normalizedOrigin(QByteArrayView origin)
{
    QByteArray text = HttpText::trimmed(origin).toByteArray().toLower();
    while (text.endsWith('/')) {
        text.chop(1);
    }
    return text;
}

// The host part of a Host header value: "[::1]:4000" -> "::1", "Name.Example.:80" -> "name.example".
QByteArray hostName(QByteArrayView value)
{
    QByteArrayView host = HttpText::trimmed(value);
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        return close < 0 ? QByteArray() : host.sliced(1, close - 1).toByteArray().toLower();
    }
    if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        host = host.first(colon);
    }
    QByteArray name = host.toByteArray().toLower();
    if (name.endsWith('.')) {
        name.chop(1);
    }
    return name;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("GatewayAdmission", text);
}

GatewayError refusal(int status, const char* code, const QString& param, const QString& message)
{
    return GatewayError { status, QByteArray(code), param, message, {} };
}

} // namespace

GatewayAdmission::GatewayAdmission(QStringList allowedHosts, QStringList allowedOrigins)
{
    for (const QString& host : std::as_const(allowedHosts)) {
        const QByteArray name = hostName(host.toUtf8());
        if (!name.isEmpty()) {
            m_hosts.append(name);
        }
    }
    for (const QString& origin : std::as_const(allowedOrigins)) {
        const QByteArray normalized = normalizedOrigin(origin.toUtf8());
        if (normalized == "*") {
            m_anyOrigin = true;
        } else if (!normalized.isEmpty()) {
            m_origins.append(normalized);
        }
    }
}

bool GatewayAdmission::isLoopbackOrAddress(QByteArrayView host)
{
    const QByteArray name = hostName(host);
    if (name.isEmpty()) {
        return false;
    }
    if (name == "localhost" || name.endsWith(".localhost")) {
        return true; // RFC 6761: browsers resolve these to loopback themselves
    }
    // An address literal cannot be rebound: a page can only reach it under that address as its
    // own origin, which the Origin check then refuses.
    QHostAddress address;
    return address.setAddress(QString::fromLatin1(name));
}

bool GatewayAdmission::hostAllowed(QByteArrayView host) const
{
    if (isLoopbackOrAddress(host)) {
        return true;
    }
    const QByteArray name = hostName(host);
    for (const QByteArray& allowed : m_hosts) {
        if (allowed == name || (allowed.startsWith("*.") && name.endsWith(allowed.sliced(1)))) {
            return true;
        }
    }
    return false;
}

bool GatewayAdmission::originAllowed(QByteArrayView origin) const
{
    return m_anyOrigin || m_origins.contains(normalizedOrigin(origin));
}

std::optional<GatewayError> GatewayAdmission::check(const HttpRequest& request) const
{
    const QByteArray host = request.header("host");
    if (host.isNull() && !request.http10) {
        return refusal(400, "missing_host", QStringLiteral("Host"), tr("The request has no Host header."));
    }
    if (!host.isNull() && !hostAllowed(host)) {
        return refusal(403, "host_not_allowed", QStringLiteral("Host"),
                       tr("This gateway does not answer to the host name \"%1\". Use 127.0.0.1 or localhost, or "
                          "allow the name (serve --allow-host NAME).")
                           .arg(QString::fromLatin1(hostName(host))));
    }
    const QByteArray origin = request.header("origin");
    if (!origin.isNull() && !originAllowed(origin)) {
        return refusal(403, "origin_not_allowed", QStringLiteral("Origin"),
                       tr("Requests from web pages at %1 are not allowed. Allow the origin explicitly "
                          "(serve --allow-origin ORIGIN) if that page should use this gateway.")
                           .arg(QString::fromUtf8(origin.left(200))));
    }
    if (request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
        const QByteArray type = request.header("content-type");
        const qsizetype semicolon = type.indexOf(';');
        const QByteArrayView media
            = HttpText::trimmed(semicolon < 0 ? QByteArrayView(type) : QByteArrayView(type).first(semicolon));
        if (media.compare("application/json", Qt::CaseInsensitive) != 0) {
            return refusal(415, "unsupported_media_type", QStringLiteral("Content-Type"),
                           type.isEmpty()
                               ? tr("Request bodies must be JSON: send the header \"Content-Type: application/json\".")
                               : tr("Request bodies must be JSON: send \"Content-Type: application/json\", not \"%1\".")
                                     .arg(QString::fromLatin1(type.left(100))));
        }
    }
    return std::nullopt;
}

bool GatewayAdmission::isPreflight(const HttpRequest& request)
{
    return request.method == "OPTIONS" && !request.header("origin").isNull()
        && !request.header("access-control-request-method").isNull();
}

HttpHeaders GatewayAdmission::corsHeaders(const HttpRequest& request) const
{
    const QByteArray origin = request.header("origin");
    if (origin.isNull() || !originAllowed(origin)) {
        return {};
    }
    return { { QByteArrayLiteral("Access-Control-Allow-Origin"), HttpText::trimmed(origin).toByteArray() },
             { QByteArrayLiteral("Access-Control-Expose-Headers"), QByteArrayLiteral("*") },
             { QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin") } };
}

HttpHeaders GatewayAdmission::preflightHeaders(const HttpRequest& request) const
{
    HttpHeaders headers;
    if (corsHeaders(request).isEmpty()) {
        return headers;
    }
    headers.append({ QByteArrayLiteral("Access-Control-Allow-Methods"), QByteArrayLiteral("GET, POST, OPTIONS") });
    // Echo the asked-for headers when they are a plain list of names (the SDKs send their own
    // x-stainless-* and anthropic-* headers); anything else gets the usual three.
    const QByteArray asked = request.header("access-control-request-headers");
    bool plain = !asked.isEmpty() && asked.size() <= 2048;
    for (char c : asked) {
        plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ',' || c == ' ');
    }
    headers.append({ QByteArrayLiteral("Access-Control-Allow-Headers"),
                     plain ? asked : QByteArrayLiteral("authorization, content-type, x-api-key") });
    headers.append({ QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600") });
    return headers;
}
