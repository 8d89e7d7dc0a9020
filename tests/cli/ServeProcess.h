#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

// `switchyard serve` as a real process on a free port (--port 0, read back from its banner),
// plus what the serve tests ask of it: /health, and the rows its ledger holds.
class ServeProcess
{
public:
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts `switchyard --home HOME <global> serve --port 0 <serveArguments>`; false when no
    // banner appears within 15 s.
    bool start(const QString& home, const QStringList& global, const QStringList& serveArguments = {})
    {
        m_process.start(QStringLiteral(SWITCHYARD_BINARY),
                        QStringList { QStringLiteral("--home"), home } + global
                            + QStringList { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0") }
                            + serveArguments);
        static const QRegularExpression banner(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/v1"));
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 15000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            m_out += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = banner.match(QString::fromUtf8(m_out));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }

    QUrl url(const QString& path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)); }
    QProcess& process() { return m_process; }
    // What it printed to stdout so far (its banners).
    QByteArray standardOutput()
    {
        m_out += m_process.readAllStandardOutput();
        return m_out;
    }
    qint64 pid() const { return m_process.processId(); }

    // GET /health on its own connection; an empty object when it does not answer.
    QJsonObject health()
    {
        QNetworkReply* reply = m_health.get(QNetworkRequest(url(QStringLiteral("/health"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(5000);
        }
        const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return object;
    }

    // Exit code once it has ended on its own, -1 if it crashed or still runs after timeoutMs.
    int waitForExit(int timeoutMs)
    {
        // waitForFinished() is false for a process already seen to end.
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs)) {
            return -1;
        }
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QByteArray standardError()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }

    // Rows in the ledger's requests table by status, read with a connection of our own.
    static QHash<QString, int> ledgerRowsByStatus(const QString& ledgerPath)
    {
        QHash<QString, int> rows;
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(ledgerPath);
            if (db.open()) {
                QSqlQuery query(QStringLiteral("SELECT status, COUNT(*) FROM requests GROUP BY status"), db);
                while (query.next()) {
                    rows.insert(query.value(0).toString(), query.value(1).toInt());
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }
    // Every uuid in the requests table, with duplicates.
    static QStringList ledgerUuids(const QString& path)
    {
        QStringList uuids;
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery query(QStringLiteral("SELECT uuid FROM requests"), db);
                while (query.next()) {
                    uuids.append(query.value(0).toString());
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return uuids;
    }
    static int total(const QHash<QString, int>& rows)
    {
        int sum = 0;
        for (int count : rows) {
            sum += count;
        }
        return sum;
    }

private:
    QProcess m_process;
    QNetworkAccessManager m_health;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

// A connection of our own, as another program would hold it.
class LedgerLockHolder
{
public:
    explicit LedgerLockHolder(const QString& path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~LedgerLockHolder()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        return query.exec(sql);
    }

private:
    QString m_name;
};

// One chat request from a client, sent at once and collected when it ends.
struct ClientCall
{
    QNetworkReply* reply = nullptr;
    bool stream = false;

    // extra: more members, e.g. ",\"max_tokens\":5".
    static QByteArray body(const QString& model, bool stream, const QByteArray& extra = {})
    {
        return "{\"model\":\"" + model.toUtf8() + "\",\"stream\":" + (stream ? "true" : "false") + extra
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"Explain the plan in detail\"}]}";
    }
    static ClientCall send(QNetworkAccessManager& nam, const QUrl& url, const QString& model, bool stream,
                           const QByteArray& extra = {})
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return { nam.post(request, body(model, stream, extra)), stream };
    }
};

// How a client's request ended, as the client saw it.
enum class ClientOutcome
{
    Complete, // a whole answer: a completion body, or a stream that ended with [DONE]
    Error, // an error the gateway sent: an error status with an error body, or an error event
    Nothing, // no answer at all (the connection dropped, or nothing within the wait)
};

Q_DECLARE_METATYPE(ClientOutcome)

inline ClientOutcome outcomeOf(QNetworkReply* reply, bool stream)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        return ClientOutcome::Nothing;
    }
    if (stream && status == 200) {
        if (body.contains("data: [DONE]") && !body.contains("\"error\"")) {
            return ClientOutcome::Complete;
        }
        return body.contains("\"error\"") ? ClientOutcome::Error : ClientOutcome::Nothing;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (status == 200 && object.contains(QLatin1String("choices"))) {
        return ClientOutcome::Complete;
    }
    return object.contains(QLatin1String("error")) ? ClientOutcome::Error : ClientOutcome::Nothing;
}
