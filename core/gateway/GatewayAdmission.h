#pragma once

#include "core/gateway/GatewayError.h"
#include "core/http/HttpRequest.h"

#include <QStringList>

#include <optional>

// Who may use the gateway, decided from the request head before anything is parsed or sent
// upstream. A web page the user visits can send "simple" cross-origin requests (text/plain
// bodies, no preflight) and, with DNS rebinding, address us by its own host name; so:
// - the Host must be a loopback name, an IP address or a name the user allowed;
// - a request carrying an Origin must come from an origin the user allowed (none by default);
// - request bodies must be declared application/json.
// Pure: request head in, verdict and CORS headers out.
class GatewayAdmission
{
public:
    explicit GatewayAdmission(QStringList allowedHosts = {}, QStringList allowedOrigins = {});

    // The refusal for this request, or nothing when it may go on.
    std::optional<GatewayError> check(const HttpRequest& request) const;

    // An OPTIONS request from a browser asking whether it may send the real one.
    static bool isPreflight(const HttpRequest& request);
    // What a preflight answer from an allowed origin adds to corsHeaders().
    HttpHeaders preflightHeaders(const HttpRequest& request) const;
    // Headers every answer to an allowed cross-origin request carries (empty without Origin).
    HttpHeaders corsHeaders(const HttpRequest& request) const;

    // "localhost", "*.localhost", or an IPv4/IPv6 literal (port and brackets stripped).
    static bool isLoopbackOrAddress(QByteArrayView host);

private:
    bool hostAllowed(QByteArrayView host) const;
    bool originAllowed(QByteArrayView origin) const;

    QList<QByteArray> m_hosts; // lower case; "*.suffix" entries match subdomains
    QList<QByteArray> m_origins; // lower case, no trailing slash
    bool m_anyOrigin = false;
};
