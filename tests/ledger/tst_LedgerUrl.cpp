#include "core/ledger/LedgerDialect.h"
#include "core/ledger/LedgerUrl.h"

#include <QTest>

// How a --database URL is read: what is passed to libpq, what is refused (naming the part), and
// that the password never survives into the form that is shown.
class TestLedgerUrl : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("redacted");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("error");
        QTest::newRow("user, host, port and database") << "postgresql://gateway@db.example:6543/ledger"
                                                       << "postgresql://gateway@db.example:6543/ledger"
                                                       << "connect_timeout=5"
                                                       << "";
        QTest::newRow("the port defaults to 5432") << "postgresql://gateway@db.example/ledger"
                                                   << "postgresql://gateway@db.example:5432/ledger"
                                                   << "connect_timeout=5"
                                                   << "";
        QTest::newRow("postgres:// is the same scheme") << "postgres://u@h/d"
                                                        << "postgresql://u@h:5432/d"
                                                        << "connect_timeout=5"
                                                        << "";
        QTest::newRow("a password in the URL is used but never shown") << "postgresql://u:s3cret@h:5/d"
                                                                       << "postgresql://u@h:5/d"
                                                                       << "connect_timeout=5"
                                                                       << "";
        QTest::newRow("sslmode and certificates are passed on")
            << "postgresql://u@h/d?sslmode=verify-full&sslrootcert=/etc/ca.pem"
            << "postgresql://u@h:5432/d?sslmode=verify-full&sslrootcert=/etc/ca.pem"
            << "sslmode='verify-full';sslrootcert='/etc/ca.pem';connect_timeout=5"
            << "";
        QTest::newRow("connect_timeout replaces the default") << "postgresql://u@h/d?connect_timeout=20"
                                                              << "postgresql://u@h:5432/d?connect_timeout=20"
                                                              << "connect_timeout='20'"
                                                              << "";
        QTest::newRow("an unknown sslmode is refused by name") << "postgresql://u@h/d?sslmode=always"
                                                               << ""
                                                               << ""
                                                               << "sslmode \"always\"";
        QTest::newRow("a parameter Switchyard does not pass on is refused by name")
            << "postgresql://u@h/d?options=-c%20x"
            << ""
            << ""
            << "parameter \"options\"";
        QTest::newRow("no database") << "postgresql://u@h:5432/"
                                     << ""
                                     << ""
                                     << "no database";
        QTest::newRow("no host") << "postgresql:///d"
                                 << ""
                                 << ""
                                 << "no host";
        QTest::newRow("a file path is not a URL") << "/home/me/ledger.sqlite"
                                                  << ""
                                                  << ""
                                                  << "postgresql://";
        QTest::newRow("a timeout that is no number") << "postgresql://u@h/d?connect_timeout=soon"
                                                     << ""
                                                     << ""
                                                     << "connect_timeout \"soon\"";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, redacted);
        QFETCH(QString, options);
        QFETCH(QString, error);
        QString message;
        const std::optional<LedgerUrl> url = LedgerUrl::parse(text, &message);
        if (!error.isEmpty()) {
            QVERIFY(!url);
            QVERIFY2(message.contains(error), qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("s3cret")), qPrintable(message));
            return;
        }
        QVERIFY2(url, qPrintable(message));
        QCOMPARE(url->redacted(), redacted);
        QCOMPARE(url->connectOptions(), options);
        QCOMPARE(ledgerLocationForDisplay(text), redacted);
    }

    void backend_followsTheLocation_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("backend");
        QTest::newRow("a file path is SQLite") << "/var/lib/switchyard/ledger.sqlite"
                                               << "sqlite";
        QTest::newRow("a relative file named like a URL host is still a file") << "postgresql.sqlite"
                                                                               << "sqlite";
        QTest::newRow("postgresql:// is PostgreSQL") << "postgresql://u@h/d"
                                                     << "postgresql";
        QTest::newRow("the scheme in capitals too") << "POSTGRESQL://u@h/d"
                                                    << "postgresql";
    }
    void backend_followsTheLocation()
    {
        QFETCH(QString, location);
        QFETCH(QString, backend);
        QCOMPARE(LedgerBackends::id(LedgerBackends::ofLocation(location)), backend);
        QCOMPARE(LedgerBackends::fromId(backend), LedgerBackends::ofLocation(location));
    }

    void ddl_sqliteStepsBecomePostgres_data()
    {
        QTest::addColumn<QString>("sqlite");
        QTest::addColumn<QString>("postgres");
        QTest::newRow("row id becomes an identity")
            << "CREATE TABLE votes(id INTEGER PRIMARY KEY, tie INTEGER NOT NULL)"
            << "CREATE TABLE votes(id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, tie BIGINT NOT NULL)";
        QTest::newRow("REAL becomes DOUBLE PRECISION") << "ALTER TABLE r ADD COLUMN c REAL"
                                                       << "ALTER TABLE r ADD COLUMN c DOUBLE PRECISION";
        QTest::newRow("WITHOUT ROWID is dropped") << "CREATE TABLE t(a INTEGER, PRIMARY KEY(a)) WITHOUT ROWID"
                                                  << "CREATE TABLE t(a BIGINT, PRIMARY KEY(a))";
        QTest::newRow("column names containing the words stay") << "CREATE INDEX i ON requests(integer_part)"
                                                                << "CREATE INDEX i ON requests(integer_part)";
    }
    void ddl_sqliteStepsBecomePostgres()
    {
        QFETCH(QString, sqlite);
        QFETCH(QString, postgres);
        QCOMPARE(LedgerDialect(LedgerBackend::Postgres).ddl(sqlite), postgres);
        QCOMPARE(LedgerDialect(LedgerBackend::Sqlite).ddl(sqlite), sqlite);
    }
};

QTEST_GUILESS_MAIN(TestLedgerUrl)
#include "tst_LedgerUrl.moc"
