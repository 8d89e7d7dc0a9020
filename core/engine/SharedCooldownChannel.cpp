#include "core/engine/SharedCooldownChannel.h"

#include "core/ledger/LedgerConnection.h"

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
        m_retry = new QTimer(this);
        m_retry->setInterval(kRetryMs);
        connect(m_retry, &QTimer::timeout, this, &SharedCooldownChannel::start);
    }
    QString error;
    const bool ok = connectAndListen(&error);
    if (ok) {
        m_retry->stop();
    } else {
        m_retry->start();
    }
    emit listening(ok, error);
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
    return true;
}

void SharedCooldownChannel::publish(const QByteArray& message)
{
    if (!m_listening) {
        return; // the retry reconnects; a cooldown announced meanwhile stays local
    }
    QSqlQuery notify(m_connection->database());
    notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    notify.addBindValue(QString::fromLatin1(kChannel));
    notify.addBindValue(QString::fromUtf8(message));
    if (!notify.exec()) {
        m_listening = false;
        emit listening(false, notify.lastError().text());
        m_retry->start();
    }
}
