#pragma once

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

// A real PostgreSQL server for one test process: tests/postgres/pg-server.sh runs initdb in a
// temporary directory and starts the server on a free loopback port (as the postgres user when
// the tests run as root). start() once in initTestCase; each test takes a fresh database from
// createDatabase(). When no server is installed (or the QPSQL driver is missing), start() says
// why and the PostgreSQL rows skip, so the suite still runs without it.
class PostgresServer final
{
public:
    PostgresServer() = default;
    ~PostgresServer() { stop(); }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    bool start()
    {
        if (!m_url.isEmpty()) {
            return true;
        }
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            m_skipReason = QStringLiteral("Qt's QPSQL driver is not installed (libqt6sql6-psql)");
            return false;
        }
        m_dir.setAutoRemove(true);
        if (!m_dir.isValid()) {
            m_skipReason = QStringLiteral("no temporary directory");
            return false;
        }
        // The server's own user must reach its directory through the temporary one.
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeOther | QFile::ExeGroup);
        m_dataDir = m_dir.filePath(QStringLiteral("pg"));
        QProcess process;
        process.start(script(), { QStringLiteral("start"), m_dataDir });
        process.waitForFinished(60000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || out.isEmpty()) {
            m_skipReason = QStringLiteral("PostgreSQL did not start (exit %1): %2")
                               .arg(process.exitCode())
                               .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
            return false;
        }
        m_url = out;
        return true;
    }

    void stop()
    {
        if (m_url.isEmpty()) {
            return;
        }
        run(QStringLiteral("stop"));
        m_url.clear();
    }
    // Stops and starts the same server (same port, same data): an outage as clients see it.
    bool pause() { return run(QStringLiteral("pause")); }
    bool resume() { return run(QStringLiteral("resume")); }

    // Sends `sig` to the server and every process it started: SIGSTOP makes a server that hangs
    // with its connections open (as a stalled host does), SIGCONT lets it go on.
    bool signalAll(int sig)
    {
        QFile pidFile(m_dataDir + QStringLiteral("/data/postmaster.pid"));
        if (!pidFile.open(QIODevice::ReadOnly)) {
            return false;
        }
        const pid_t postmaster = pid_t(pidFile.readLine().trimmed().toLongLong());
        if (postmaster <= 0) {
            return false;
        }
        QList<pid_t> pids { postmaster };
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString& entry : entries) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (!entry.front().isDigit() || !stat.open(QIODevice::ReadOnly)) {
                continue;
            }
            // pid (comm) state ppid ...: the command may hold spaces, the last ')' ends it.
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && fields[1].toLongLong() == postmaster) {
                pids << pid_t(entry.toLongLong());
            }
        }
        bool ok = true;
        for (const pid_t pid : std::as_const(pids)) {
            ok = (::kill(pid, sig) == 0 || errno == ESRCH) && ok; // a backend may have ended meanwhile
        }
        return ok;
    }

    QString skipReason() const { return m_skipReason; }
    bool isRunning() const { return !m_url.isEmpty(); }
    // The server's maintenance database (postgres), as a URL.
    QString url() const { return m_url; }

    // A new, empty database; its URL (postgresql://switchyard@127.0.0.1:port/name).
    QString createDatabase(const QString& prefix = QStringLiteral("ledger"))
    {
        static QAtomicInteger<int> counter;
        const QString name = QStringLiteral("%1_%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
        if (!exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            return {};
        }
        QUrl url(m_url);
        url.setPath(u'/' + name);
        return url.toString();
    }

    // Runs one statement on the maintenance database; false (and lastError()) on failure.
    bool exec(const QString& sql, const QString& databaseUrl = {})
    {
        const QUrl url(databaseUrl.isEmpty() ? m_url : databaseUrl);
        const QString name = QStringLiteral("pg-test-admin");
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
            ok = db.open();
            QSqlQuery query(db);
            ok = ok && query.exec(sql);
            m_lastError = ok ? QString() : (query.lastError().isValid() ? query.lastError() : db.lastError()).text();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }
    QString lastError() const { return m_lastError; }
    // Runs an SQL script (statements end with ';', lines starting with "--" are comments) on a
    // database, statement by statement; false (and lastError() naming the statement) on failure.
    bool execScript(const QString& path, const QString& databaseUrl)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_lastError = path + QStringLiteral(": ") + file.errorString();
            return false;
        }
        QString script;
        for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
            if (!line.trimmed().startsWith(QLatin1String("--"))) {
                script += line + u'\n';
            }
        }
        for (const QString& statement : script.split(u';', Qt::SkipEmptyParts)) {
            if (!statement.trimmed().isEmpty() && !exec(statement, databaseUrl)) {
                m_lastError = statement.trimmed() + QStringLiteral(": ") + m_lastError;
                return false;
            }
        }
        return true;
    }

private:
    static QString script() { return QStringLiteral(SWITCHYARD_TESTS_DIR "/postgres/pg-server.sh"); }

    bool run(const QString& command)
    {
        QProcess process;
        process.start(script(), { command, m_dataDir });
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }

    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_url;
    QString m_skipReason;
    QString m_lastError;
};
