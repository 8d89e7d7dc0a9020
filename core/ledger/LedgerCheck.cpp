#include "core/ledger/LedgerCheck.h"

#include "core/ledger/LedgerConnection.h"
#include "core/ledger/LedgerUrl.h"

#include <QCoreApplication>
#include <QSqlQuery>

LedgerCheck::Result LedgerCheck::run(const QString& location, const QString& password)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("LedgerCheck", text); };
    QString error;
    const std::optional<LedgerUrl> url = LedgerUrl::parse(location, &error);
    if (!url) {
        return { false, error };
    }
    Result result;
    {
        LedgerConnection connection(location, QStringLiteral("check"));
        connection.setPassword(password);
        if (!connection.open(5000, &error)) {
            return { false, error };
        }
        QSqlQuery version(connection.database());
        const QString server = version.exec(QStringLiteral("SHOW server_version")) && version.next()
            ? version.value(0).toString().section(QLatin1Char(' '), 0, 0)
            : QString();
        QSqlQuery ledger(connection.database());
        const bool hasLedger = ledger.exec(QStringLiteral("SELECT to_regclass('requests') IS NOT NULL"))
            && ledger.next() && ledger.value(0).toBool();
        result.ok = true;
        result.message = (hasLedger ? tr("Connected to PostgreSQL %1 at %2; it holds a Switchyard ledger.")
                                    : tr("Connected to PostgreSQL %1 at %2; the ledger is created there when "
                                         "Switchyard starts with it."))
                             .arg(server, url->redacted());
    }
    return result;
}
