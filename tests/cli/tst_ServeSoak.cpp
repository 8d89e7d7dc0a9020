#include "ServeProcess.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>

// The fault-injection soak: 2,000 requests through `switchyard serve` while another connection
// keeps taking the ledger's write lock, and the server is stopped with SIGTERM (requests in
// flight) and started again twice. Every request a client saw answered is in the ledger exactly
// once. Bounded: about 20-40 s on the 2-core machine.
class TestServeSoak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void restartsAndLocks_everyAnsweredRequestRecordedOnce();

private:
    QTemporaryDir m_settings;
};

namespace {
constexpr int kRequests = 2000;
constexpr int kLifetimes = 3; // started, SIGTERMed and started again twice
constexpr int kClients = 10; // QNetworkAccessManager opens at most 6 connections per host
constexpr int kInFlight = 60; // below the gateway's 64 per client address

// Another program's connection: takes the write lock for 300 ms every 700 ms.
class LockCycler
{
public:
    explicit LockCycler(const QString& path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            QSqlQuery query(QSqlDatabase::database(m_name));
            if (m_locked) {
                m_locked = !query.exec(QStringLiteral("COMMIT"));
                m_timer.start(400);
            } else {
                m_locked = query.exec(QStringLiteral("BEGIN EXCLUSIVE"));
                locks += m_locked ? 1 : 0;
                m_timer.start(300);
            }
        });
        m_timer.setSingleShot(true);
        m_timer.start(100);
    }
    // Lets go now and takes the lock again later: ServeProcess::start() blocks this thread's event
    // loop, which would keep a lock taken just before for the whole start.
    void release()
    {
        if (m_locked) {
            m_locked = !QSqlQuery(QSqlDatabase::database(m_name)).exec(QStringLiteral("COMMIT"));
        }
        m_timer.start(400);
    }
    ~LockCycler()
    {
        m_timer.stop();
        if (m_locked) {
            QSqlQuery(QSqlDatabase::database(m_name)).exec(QStringLiteral("COMMIT"));
        }
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    int locks = 0;

private:
    QString m_name;
    QTimer m_timer;
    bool m_locked = false;
};

// How many rows each prompt has in the ledger.
QHash<QString, int> rowsPerPrompt(const QString& path)
{
    QHash<QString, int> rows;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(QStringLiteral("SELECT prompt FROM requests"), db);
            while (query.next()) {
                ++rows[query.value(0).toString()];
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QString promptOf(int n)
{
    return QStringLiteral("soak request %1").arg(n);
}
} // namespace

void TestServeSoak::initTestCase()
{
    QVERIFY(m_settings.isValid());
    qputenv("XDG_CONFIG_HOME", m_settings.path().toUtf8());
}

void TestServeSoak::restartsAndLocks_everyAnsweredRequestRecordedOnce()
{
    QElapsedTimer clock;
    clock.start();
    QTemporaryDir home;
    const QString ledgerPath = home.filePath(QStringLiteral("ledger.sqlite"));
    QSet<int> answered;
    QHash<int, int> outcomes; // by ClientOutcome
    std::unique_ptr<LockCycler> locks;
    int sent = 0;

    for (int lifetime = 0; lifetime < kLifetimes; ++lifetime) {
        ServeProcess serve;
        if (locks) {
            locks->release();
        }
        QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") }, { QStringLiteral("--quiet") }));
        if (!locks) {
            locks = std::make_unique<LockCycler>(ledgerPath); // the file exists once serve has started
        }
        std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<QNetworkAccessManager>());
        }
        const int target = kRequests * (lifetime + 1) / kLifetimes;
        int running = 0;
        std::function<void()> pump = [&] {
            while (running < kInFlight && sent < target) {
                const int n = sent++;
                const bool stream = n % 2 == 0;
                QNetworkRequest request(serve.url(QStringLiteral("/v1/chat/completions")));
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
                const QByteArray body = "{\"model\":\"sandbox/codestral-latest\",\"max_tokens\":5,\"stream\":"
                    + QByteArray(stream ? "true" : "false") + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + promptOf(n).toUtf8() + "\"}]}";
                QNetworkReply* reply = clients[n % kClients]->post(request, body);
                ++running;
                QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, n, stream] {
                    const ClientOutcome outcome = outcomeOf(reply, stream);
                    ++outcomes[int(outcome)];
                    if (outcome == ClientOutcome::Complete) {
                        answered.insert(n);
                    }
                    --running;
                    reply->deleteLater();
                    pump();
                });
            }
        };
        pump();
        if (lifetime + 1 < kLifetimes) {
            // Stopped with a full set of requests in flight.
            QTRY_VERIFY_WITH_TIMEOUT(sent == target, 30000);
            QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(running == 0, 30000);
        if (lifetime + 1 == kLifetimes) {
            QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
        }
        QCOMPARE(serve.waitForExit(20000), 0);
    }
    const int lockCount = locks->locks;
    locks.reset();
    // Stopped while the lock was held, the last server kept its rows in the spill file: the next
    // start writes them.
    const QString spill = ledgerPath + QStringLiteral(".pending.json");
    const bool spilledAtTheEnd = QFile::exists(spill);
    if (spilledAtTheEnd) {
        ServeProcess serve;
        QVERIFY(serve.start(home.path(), { QStringLiteral("--sandbox") }, { QStringLiteral("--quiet") }));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(spill), 10000);
        QCOMPARE(::kill(pid_t(serve.pid()), SIGTERM), 0);
        QCOMPARE(serve.waitForExit(20000), 0);
    }

    const QHash<QString, int> rows = rowsPerPrompt(ledgerPath);
    int missing = 0;
    for (const int n : std::as_const(answered)) {
        missing += rows.value(promptOf(n)) == 0 ? 1 : 0;
    }
    int doubled = 0;
    for (const int count : rows) {
        doubled += count > 1 ? 1 : 0;
    }
    qInfo("%d requests, %d answered, %d errors, %d unanswered, %d rows, %d write locks taken, spilled at the "
          "end: %s, %lld ms",
          sent, int(answered.size()), outcomes.value(int(ClientOutcome::Error)),
          outcomes.value(int(ClientOutcome::Nothing)), int(rows.size()), lockCount, spilledAtTheEnd ? "yes" : "no",
          clock.elapsed());
    QCOMPARE(sent, kRequests);
    QVERIFY2(answered.size() > kRequests * 9 / 10, qPrintable(QString::number(answered.size())));
    QCOMPARE(missing, 0);
    QCOMPARE(doubled, 0);
    QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestServeSoak)
#include "tst_ServeSoak.moc"
