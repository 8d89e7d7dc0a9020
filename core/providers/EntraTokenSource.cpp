#include "core/providers/EntraTokenSource.h"

#include "core/providers/HttpExchange.h"
#include "core/providers/ProviderClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {
// The audience of Azure OpenAI's data plane.
constexpr auto kScope = "https://cognitiveservices.azure.com/.default";
constexpr int kFetchTimeoutMs = 15000;
// Renewed this long before it expires (Azure's SDKs take 5 minutes), or at half its life if shorter.
constexpr qint64 kRefreshMarginMs = 5 * 60 * 1000;

QByteArray formField(const char* name, const QString& value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}
} // namespace

EntraTokenSource::EntraTokenSource(ProviderClient* client)
    : QObject(client)
    , m_client(client)
    , m_environment([](const QString& name) { return qEnvironmentVariable(name.toUtf8().constData()); })
    , m_fetchTimeout(new QTimer(this))
{
    m_fetchTimeout->setSingleShot(true);
    connect(m_fetchTimeout, &QTimer::timeout, this, [this] {
        finish({},
               CallError { FailureClass::ConnectTimeout, 0,
                           tr("Microsoft Entra ID did not answer the token request at %1 within %2 s.")
                               .arg(m_fetchUrl.toString())
                               .arg(kFetchTimeoutMs / 1000),
                           QStringLiteral("entra_token") });
    });
}

EntraTokenSource::Credentials EntraTokenSource::credentials() const
{
    Credentials credentials { m_environment(QStringLiteral("AZURE_AUTHORITY_HOST")),
                              m_environment(QStringLiteral("AZURE_TENANT_ID")),
                              m_environment(QStringLiteral("AZURE_CLIENT_ID")),
                              m_environment(QStringLiteral("AZURE_CLIENT_SECRET")) };
    if (credentials.authorityHost.isEmpty()) {
        credentials.authorityHost = QStringLiteral("https://login.microsoftonline.com");
    }
    return credentials;
}

QUrl EntraTokenSource::tokenUrl(const Credentials& credentials)
{
    QString host = credentials.authorityHost;
    while (host.endsWith(QLatin1Char('/'))) {
        host.chop(1);
    }
    return QUrl(host + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(credentials.tenantId))
                + QStringLiteral("/oauth2/v2.0/token"));
}

QString EntraTokenSource::cachedToken() const
{
    const Credentials now = credentials();
    if (m_token.isEmpty() || m_refreshAt.hasExpired() || m_credentialsKey != now.tenantId + u'|' + now.clientId) {
        return {};
    }
    return m_token;
}

void EntraTokenSource::token(QObject* context, Done done)
{
    const QString kept = cachedToken();
    if (!kept.isEmpty()) {
        done(kept, std::nullopt);
        return;
    }
    m_waiting.append({ QPointer<QObject>(context), std::move(done) });
    if (!m_fetch) {
        fetch();
    }
}

void EntraTokenSource::invalidate(const QString& token)
{
    if (token == m_token) {
        m_token.clear();
    }
}

void EntraTokenSource::fetch()
{
    const Credentials credentials = this->credentials();
    m_fetchUrl = tokenUrl(credentials);
    if (!credentials.isComplete() || !m_fetchUrl.isValid()
        || (m_fetchUrl.scheme() != QLatin1String("https") && m_fetchUrl.scheme() != QLatin1String("http"))) {
        // Queued: callers hear of it after token() returned, as with a fetch.
        QTimer::singleShot(0, this, [this] {
            finish({},
                   CallError { FailureClass::Auth, 0,
                               tr("No Microsoft Entra ID token: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                                  "AZURE_CLIENT_SECRET (AZURE_AUTHORITY_HOST for another cloud), or a token in "
                                  "the provider's key variable."),
                               QStringLiteral("no_key") });
        });
        return;
    }
    const QByteArray body = formField("grant_type", QStringLiteral("client_credentials")) + '&'
        + formField("client_id", credentials.clientId) + '&' + formField("client_secret", credentials.clientSecret)
        + '&' + formField("scope", QLatin1String(kScope));
    const HttpExchange::Headers headers {
        { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded") },
        { QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") },
    };
    const QString key = credentials.tenantId + u'|' + credentials.clientId;
    m_response.clear();
    m_fetch = m_client->createExchange(HttpExchange::Method::Post, m_fetchUrl, headers, body, this);
    connect(m_fetch, &HttpExchange::readyRead, this, [this] {
        m_response += m_fetch->readAll();
        if (m_response.size() > 1024 * 1024) {
            finish({},
                   CallError { FailureClass::MalformedResponse, 0,
                               tr("The token answer from %1 is too large.").arg(m_fetchUrl.toString()),
                               QStringLiteral("entra_token") });
        }
    });
    connect(m_fetch, &HttpExchange::finished, this, [this, key] {
        m_response += m_fetch->readAll();
        const int status = m_fetch->status();
        const QString place = m_fetchUrl.toString();
        if (m_fetch->failure() != HttpExchange::Failure::None || status == 0) {
            finish({},
                   CallError { FailureClass::NetworkError, 0,
                               tr("The token request to %1 failed: %2").arg(place, m_fetch->errorString()),
                               QStringLiteral("entra_token") });
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(m_response).object();
        const QString token = answer.value(QLatin1String("access_token")).toString();
        // v2.0 sends expires_in as a number, v1.0 as text.
        const QJsonValue expiresValue = answer.value(QLatin1String("expires_in"));
        const qint64 expiresInS
            = expiresValue.isString() ? expiresValue.toString().toLongLong() : qint64(expiresValue.toDouble());
        if (status != 200 || token.isEmpty() || expiresInS <= 0) {
            // Entra's own words ("AADSTS7000215: Invalid client secret provided ..."), first line.
            QString reason = answer.value(QLatin1String("error_description")).toString().section(u'\n', 0, 0).trimmed();
            if (reason.isEmpty()) {
                reason = answer.value(QLatin1String("error")).toString();
            }
            if (reason.isEmpty()) {
                reason = status == 200 ? tr("no access_token and expires_in in the answer") : tr("no reason given");
            }
            finish({},
                   CallError { status == 200 ? FailureClass::MalformedResponse : FailureClass::Auth, status,
                               tr("Microsoft Entra ID refused the token request at %1 (HTTP %2): %3")
                                   .arg(place)
                                   .arg(status)
                                   .arg(reason),
                               answer.value(QLatin1String("error")).toString() });
            return;
        }
        const qint64 lifeMs = expiresInS * 1000;
        m_token = token;
        m_credentialsKey = key;
        m_refreshAt = QDeadlineTimer(lifeMs - qMin(kRefreshMarginMs, lifeMs / 2));
        finish(token, std::nullopt);
    });
    m_fetchTimeout->start(kFetchTimeoutMs);
    m_fetch->start();
}

void EntraTokenSource::finish(const QString& token, const std::optional<CallError>& error)
{
    m_fetchTimeout->stop();
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->abort();
        m_fetch->deleteLater();
        m_fetch = nullptr;
    }
    const QList<std::pair<QPointer<QObject>, Done>> waiting = std::exchange(m_waiting, {});
    for (const auto& [context, done] : waiting) {
        if (context) {
            done(token, error);
        }
    }
}
