#include "core/ledger/LedgerUrl.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QUrl>
#include <QUrlQuery>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LedgerUrl", text);
}

const QStringList kParameters
    = { QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),     QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),  QStringLiteral("connect_timeout"), QStringLiteral("application_name") };
const QStringList kSslModes = { QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                                QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full") };

QMutex s_passwordsMutex;
QHash<QString, QString> s_passwords;
} // namespace

bool LedgerUrl::isUrl(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::optional<LedgerUrl> LedgerUrl::parse(const QString& text, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    if (!isUrl(text)) {
        return fail(tr("A database URL starts with postgresql://."));
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's message quotes the input, password included: say where instead.
        return fail(tr("The database URL is not a valid URL (postgresql://user@host:port/database)."));
    }
    LedgerUrl out;
    out.host = url.host();
    if (out.host.isEmpty()) {
        return fail(tr("The database URL names no host (postgresql://user@host:port/database)."));
    }
    out.port = url.port(5432);
    out.user = url.userName();
    out.password = url.password();
    out.database = url.path().mid(1);
    if (out.database.isEmpty() || out.database.contains(u'/')) {
        return fail(tr("The database URL names no database after the host (postgresql://user@host:port/database)."));
    }
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!kParameters.contains(key)) {
            return fail(
                tr("The database URL has the parameter \"%1\", which Switchyard does not pass on (it knows %2).")
                    .arg(key, kParameters.join(QStringLiteral(", "))));
        }
        if (key == QLatin1String("sslmode") && !kSslModes.contains(value)) {
            return fail(tr("The database URL's sslmode \"%1\" is not one of %2.")
                            .arg(value, kSslModes.join(QStringLiteral(", "))));
        }
        bool numeric = false;
        if (key == QLatin1String("connect_timeout") && (value.toInt(&numeric) < 0 || !numeric)) {
            return fail(tr("The database URL's connect_timeout \"%1\" is not a number of seconds.").arg(value));
        }
        out.parameters.append({ key, value });
    }
    return out;
}

QString LedgerUrl::redacted() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + database);
    QUrlQuery query;
    for (const auto& [key, value] : parameters) {
        query.addQueryItem(key, value);
    }
    url.setQuery(query);
    return url.toString();
}

QString LedgerUrl::parameter(const QString& name) const
{
    for (const auto& [key, value] : parameters) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

QString LedgerUrl::connectOptions() const
{
    QStringList options;
    bool timeout = false;
    for (const auto& [key, value] : parameters) {
        // Values were checked in parse(); quoting keeps a path with spaces one value for libpq.
        QString quoted = value;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        options << QStringLiteral("%1='%2'").arg(key, quoted);
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    if (!timeout) {
        options << QStringLiteral("connect_timeout=5");
    }
    return options.join(u';');
}

void LedgerUrl::setPassword(const QString& redactedUrl, const QString& password)
{
    QMutexLocker lock(&s_passwordsMutex);
    s_passwords.insert(redactedUrl, password);
}

QString LedgerUrl::storedPassword(const QString& redactedUrl)
{
    QMutexLocker lock(&s_passwordsMutex);
    return s_passwords.value(redactedUrl);
}

QString ledgerLocationForDisplay(const QString& location)
{
    if (!LedgerUrl::isUrl(location)) {
        return location;
    }
    const std::optional<LedgerUrl> url = LedgerUrl::parse(location, nullptr);
    return url ? url->redacted() : QStringLiteral("postgresql://…");
}
