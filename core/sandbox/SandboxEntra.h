#pragma once

#include "core/http/HttpRequest.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QString>

// Microsoft Entra ID's token endpoint as the sandbox serves it, for one app registration: the
// client-credentials grant of the Microsoft identity platform v2.0 (POST
// <authority>/<tenant>/oauth2/v2.0/token, form-encoded), its answers and refusals as documented
// (AADSTS codes), and the tokens it issued, which Azure OpenAI's routes accept as bearers until
// they expire or are revoked.
class SandboxEntra
{
public:
    struct App
    {
        QString tenantId;
        QString clientId;
        QString clientSecret;
        int lifetimeS = 3599; // Entra's usual expires_in for an app token
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };

    void setApp(const App& app) { m_app = app; }
    bool isConfigured() const { return !m_app.tenantId.isEmpty(); }
    // `rest` is the path after "/entra".
    Answer tokenRequest(const HttpRequest& request, QByteArrayView rest);
    // Authorization: Bearer <a token issued here, not expired nor revoked>.
    bool accepts(const HttpRequest& request) const;
    bool carriesBearer(const HttpRequest& request) const;
    void revokeAll() { m_issued.clear(); }
    int tokenRequests() const { return m_tokenRequests; }

private:
    static Answer refusal(int status, const char* error, const QString& description, int code);

    App m_app;
    QHash<QByteArray, QDeadlineTimer> m_issued; // token -> when it expires
    int m_tokenRequests = 0;
    int m_serial = 0;
};
