#pragma once

#include <QString>

// "Test connection" for a ledger location before it is used: a postgresql:// URL is parsed and
// connected to with the password given (else the stored one, else PGPASSFILE), and the answer says
// what is there. Blocks up to the URL's connect_timeout; run it off the UI thread. The password
// never appears in the message.
class LedgerCheck
{
public:
    struct Result
    {
        bool ok = false;
        QString message; // for the user, either way
    };

    static Result run(const QString& location, const QString& password);
};
