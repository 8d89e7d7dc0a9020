#include "core/sandbox/SandboxEntra.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace {
constexpr auto kScope = "https://cognitiveservices.azure.com/.default";
}

SandboxEntra::Answer SandboxEntra::refusal(int status, const char* error, const QString& description, int code)
{
    // The shape of the identity platform's error answers (trace and correlation ids are zeros here).
    const QJsonObject body {
        { QStringLiteral("error"), QLatin1String(error) },
        { QStringLiteral("error_description"),
          QStringLiteral("AADSTS%1: %2 Trace ID: 00000000-0000-0000-0000-000000000000 Correlation ID: "
                         "00000000-0000-0000-0000-000000000000 Timestamp: 2026-01-01 00:00:00Z")
              .arg(code)
              .arg(description) },
        { QStringLiteral("error_codes"), QJsonArray { code } },
        { QStringLiteral("timestamp"), QStringLiteral("2026-01-01 00:00:00Z") },
        { QStringLiteral("trace_id"), QStringLiteral("00000000-0000-0000-0000-000000000000") },
        { QStringLiteral("correlation_id"), QStringLiteral("00000000-0000-0000-0000-000000000000") },
        { QStringLiteral("error_uri"), QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code) },
    };
    return { status, QJsonDocument(body).toJson(QJsonDocument::Compact) };
}

SandboxEntra::Answer SandboxEntra::tokenRequest(const HttpRequest& request, QByteArrayView rest)
{
    ++m_tokenRequests;
    const QByteArray expected = '/' + m_app.tenantId.toUtf8() + "/oauth2/v2.0/token";
    if (request.method != "POST") {
        return refusal(400, "invalid_request",
                       QStringLiteral("The request body must contain the following parameter: 'grant_type'."), 900144);
    }
    if (!isConfigured() || rest != QByteArrayView(expected)) {
        return refusal(
            400, "invalid_request",
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are "
                           "signing into the correct cloud.")
                .arg(QString::fromUtf8(rest.toByteArray()).section(u'/', 1, 1)),
            90002);
    }
    const QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    const auto field
        = [&form](const char* name) { return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    if (field("grant_type") != QLatin1String("client_credentials")) {
        return refusal(400, "unsupported_grant_type",
                       QStringLiteral("The provided value for the input parameter 'grant_type' is not valid."), 70003);
    }
    if (field("client_id") != m_app.clientId) {
        return refusal(
            400, "unauthorized_client",
            QStringLiteral("Application with identifier '%1' was not found in the directory.").arg(field("client_id")),
            700016);
    }
    if (field("client_secret") != m_app.clientSecret) {
        return refusal(401, "invalid_client",
                       QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is "
                                      "the client secret value, not the client secret ID, for a secret added to app "
                                      "'%1'.")
                           .arg(m_app.clientId),
                       7000215);
    }
    if (field("scope") != QLatin1String(kScope)) {
        return refusal(400, "invalid_scope",
                       QStringLiteral("The provided value for scope %1 is not valid. Client credential flows must have "
                                      "a scope value with /.default suffixed to the resource identifier.")
                           .arg(field("scope")),
                       1002012);
    }
    const QByteArray token = "sandbox-entra-token-" + QByteArray::number(++m_serial);
    m_issued.insert(token, QDeadlineTimer(qint64(m_app.lifetimeS) * 1000));
    const QJsonObject body { { QStringLiteral("token_type"), QStringLiteral("Bearer") },
                             { QStringLiteral("expires_in"), m_app.lifetimeS },
                             { QStringLiteral("ext_expires_in"), m_app.lifetimeS },
                             { QStringLiteral("access_token"), QString::fromLatin1(token) } };
    return { 200, QJsonDocument(body).toJson(QJsonDocument::Compact) };
}

bool SandboxEntra::carriesBearer(const HttpRequest& request) const
{
    return request.header("authorization").startsWith("Bearer ");
}

bool SandboxEntra::accepts(const HttpRequest& request) const
{
    if (!carriesBearer(request)) {
        return false;
    }
    const auto issued = m_issued.constFind(request.header("authorization").mid(7));
    return issued != m_issued.cend() && !issued->hasExpired();
}
