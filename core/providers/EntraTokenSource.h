#pragma once

#include "core/common/FailureClass.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class HttpExchange;
class ProviderClient;
class QTimer;

// Microsoft Entra ID access tokens for Azure OpenAI by the client-credentials grant, from the
// variables Azure's own SDKs read (EnvironmentCredential): AZURE_TENANT_ID, AZURE_CLIENT_ID,
// AZURE_CLIENT_SECRET, and AZURE_AUTHORITY_HOST for another cloud. A token is kept until shortly
// before it expires; calls that need one while it is fetched wait for that same fetch. The secret
// goes to the authority host only and is never part of an error.
class EntraTokenSource : public QObject
{
    Q_OBJECT

public:
    struct Credentials
    {
        QString authorityHost; // "https://login.microsoftonline.com"
        QString tenantId;
        QString clientId;
        QString clientSecret;
        bool isComplete() const { return !tenantId.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty(); }
    };
    using Environment = std::function<QString(const QString& name)>;
    // An empty token comes with the error that says why.
    using Done = std::function<void(const QString& token, const std::optional<CallError>& error)>;

    explicit EntraTokenSource(ProviderClient* client);

    void setEnvironment(Environment environment) { m_environment = std::move(environment); }
    Credentials credentials() const;
    bool isConfigured() const { return credentials().isComplete(); }
    // "<authority>/<tenant>/oauth2/v2.0/token"
    static QUrl tokenUrl(const Credentials& credentials);

    // A token that is good for a while yet, or empty.
    QString cachedToken() const;
    // Calls `done` with a token (at once when one is kept), unless `context` is gone by then.
    void token(QObject* context, Done done);
    // Azure answered 401 to this token: the next call fetches a new one.
    void invalidate(const QString& token);

private:
    void fetch();
    void finish(const QString& token, const std::optional<CallError>& error);

    ProviderClient* m_client;
    Environment m_environment;
    QString m_token;
    QDeadlineTimer m_refreshAt; // a while before the token expires
    QString m_credentialsKey; // the tenant and client the kept token is for
    QPointer<HttpExchange> m_fetch;
    QTimer* m_fetchTimeout;
    QUrl m_fetchUrl;
    QByteArray m_response;
    QList<std::pair<QPointer<QObject>, Done>> m_waiting;
};
