#include "core/engine/SharedCooldownChannel.h"

#include "core/ledger/LedgerConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

SharedCooldownChannel::SharedCooldownChannel(const QString& ledgerUrl)
    : m_url(ledgerUrl)
{
}

SharedCooldownChannel::~SharedCooldownChannel() = default;

void SharedCooldownChannel::start()
{
    if (!m_retry) {
        // Ticks for good: reconnects while away, and while listening asks the connection whether
        // it is still there (a connection the server or the network dropped says nothing by itself,
        // and notifications sent meanwhile are lost: the reconnect reads them from the table).
        m_retry = new QTimer(this);
        m_retry->setInterval(kRetryMs);
        connect(m_retry, &QTimer::timeout, this, &SharedCooldownChannel::check);
        m_retry->start();
    }
    QString error;
    const bool ok = connectAndListen(&error);
    emit listening(ok, error);
}

void SharedCooldownChannel::check()
{
    if (m_listening) {
        QSqlQuery ping(m_connection->database());
        if (ping.exec(QStringLiteral("SELECT 1"))) {
            return;
        }
        m_listening = false;
        emit listening(false, ping.lastError().text());
    }
    start();
}

bool SharedCooldownChannel::connectAndListen(QString* error)
{
    m_listening = false;
    m_connection = std::make_unique<LedgerConnection>(m_url, QStringLiteral("cooldowns"));
    if (!m_connection->open(5000, error)) {
        return false;
    }
    QSqlDriver* driver = m_connection->database().driver();
    if (!driver->subscribeToNotification(QLatin1String(kChannel))) {
        *error = driver->lastError().text();
        return false;
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource source, const QVariant& payload) {
                // Our own NOTIFYs come back marked as ours.
                if (name == QLatin1String(kChannel) && source != QSqlDriver::SelfSource) {
                    emit received(payload.toString().toUtf8());
                }
            });
    m_listening = true;
    // After LISTEN: a cooldown announced from now on arrives as a notification, one announced
    // before is in the table (one announced in between may come both ways; adopting is idempotent).
    readInForce();
    return true;
}

namespace {
// Now by the server's clock, in epoch milliseconds: the ends in the table are all on it, so the
// processes' own clocks need not agree.
const QString kServerNowMs = QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
} // namespace

QByteArray SharedCooldownChannel::message(const QString& kind, const QString& id, qint64 remainingMs,
                                          const QString& reason)
{
    const QJsonObject object { { QStringLiteral("kind"), kind },
                               { QStringLiteral("id"), id },
                               { QStringLiteral("remainingMs"), remainingMs },
                               { QStringLiteral("reason"), reason } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void SharedCooldownChannel::readInForce()
{
    QSqlQuery query(m_connection->database());
    if (!query.exec(QStringLiteral("SELECT kind, id, until_ms - %1, reason FROM cooldowns WHERE until_ms > %1"
                                   " ORDER BY kind, id")
                        .arg(kServerNowMs))) {
        return;
    }
    while (query.next()) {
        emit received(message(query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                              query.value(3).toString()));
    }
}

void SharedCooldownChannel::publish(const QString& kind, const QString& id, qint64 remainingMs, const QString& reason)
{
    if (!m_listening) {
        return; // the retry reconnects; a cooldown announced meanwhile stays local
    }
    // Kept first, then announced: a process that starts listening in between finds it in the
    // table. A role that may not write the table (the read-only dashboard) still announces.
    QSqlQuery keep(m_connection->database());
    keep.prepare(QStringLiteral("INSERT INTO cooldowns(kind, id, until_ms, reason) VALUES(?, ?, %1 + ?, ?)"
                                " ON CONFLICT(kind, id) DO UPDATE SET until_ms = excluded.until_ms,"
                                " reason = excluded.reason")
                     .arg(kServerNowMs));
    keep.addBindValue(kind);
    keep.addBindValue(id);
    keep.addBindValue(remainingMs);
    keep.addBindValue(reason.isNull() ? QStringLiteral("") : reason); // QPSQL sends a null QString as NULL
    keep.exec();
    QSqlQuery notify(m_connection->database());
    notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    notify.addBindValue(QString::fromLatin1(kChannel));
    notify.addBindValue(QString::fromUtf8(message(kind, id, remainingMs, reason)));
    if (!notify.exec()) {
        m_listening = false; // the next check() reconnects
        emit listening(false, notify.lastError().text());
    }
}
