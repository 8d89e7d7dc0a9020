#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// A PostgreSQL ledger's connection URL, postgresql://user[:password]@host[:port]/database[?k=v&...],
// as libpq writes it. Only the parameters Switchyard passes on are accepted (sslmode and the
// certificate files, connect_timeout, application_name); anything else is refused by name. The
// password is best kept out of the URL: without one, libpq reads PGPASSFILE (or ~/.pgpass), and
// the app hands over one from the keychain (setPassword). redacted() is the only form that may
// appear in logs, messages or settings shown to the user.
struct LedgerUrl
{
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QList<QPair<QString, QString>> parameters; // in URL order

    // Empty error on success; otherwise a message naming the part of the URL that is wrong.
    static std::optional<LedgerUrl> parse(const QString& text, QString* error);
    static bool isUrl(const QString& location);

    // The URL without its password.
    QString redacted() const;
    // The name its password has in the OS keychain ("ledger:" + redacted()).
    QString keychainEntry() const { return QStringLiteral("ledger:") + redacted(); }
    QString parameter(const QString& name) const;
    // libpq connection options for QPSQL (key=value;...), connect_timeout defaulting to 5 s.
    QString connectOptions() const;

    // Passwords the app read from the keychain, by redacted URL, for connections opened later on
    // any thread. Kept in memory only.
    static void setPassword(const QString& redactedUrl, const QString& password);
    static QString storedPassword(const QString& redactedUrl);
};

// A location as it may be shown: a file path as is, a URL without its password.
QString ledgerLocationForDisplay(const QString& location);
