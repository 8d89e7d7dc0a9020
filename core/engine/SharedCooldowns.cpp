#include "core/engine/SharedCooldowns.h"

#include "core/common/Clock.h"
#include "core/ledger/LedgerConnection.h"
#include "core/routing/CooldownTracker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace {
qint64 nowMs()
{
    return Clock::instance().currentMSecsSinceEpoch();
}
} // namespace

SharedCooldowns::SharedCooldowns(const QString& ledgerUrl, CooldownTracker* tracker, QObject* parent)
    : QObject(parent)
    , m_url(ledgerUrl)
    , m_tracker(tracker)
    , m_retry(new QTimer(this))
{
    m_retry->setInterval(kRetryMs);
    connect(m_retry, &QTimer::timeout, this, [this] {
        QString error;
        if (connectAndListen(&error)) {
            m_retry->stop();
            qInfo().noquote() << tr("Cooldowns are shared through the ledger database again.");
        }
    });
    connect(tracker, &CooldownTracker::stateChanged, this, [this](const QString& modelId, const CooldownState& state) {
        // Provider-wide cooldowns are announced by providerStateChanged; half-open is each process's own.
        if (!state.providerWide
            && (state.phase == CooldownState::CoolingDown || state.phase == CooldownState::Available)) {
            publish(QStringLiteral("model"), modelId, state);
        }
    });
    connect(tracker, &CooldownTracker::providerStateChanged, this,
            [this](const QString& providerId, const CooldownState& state) {
                if (state.phase == CooldownState::CoolingDown || state.phase == CooldownState::Available) {
                    publish(QStringLiteral("provider"), providerId, state);
                }
            });
}

SharedCooldowns::~SharedCooldowns() = default;

bool SharedCooldowns::start(QString* error)
{
    if (connectAndListen(error)) {
        return true;
    }
    m_retry->start();
    return false;
}

bool SharedCooldowns::connectAndListen(QString* error)
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
                onNotification(name, int(source), payload);
            });
    m_listening = true;
    m_lastError.clear();
    return true;
}

void SharedCooldowns::publish(const QString& kind, const QString& id, const CooldownState& state)
{
    if (m_adopting || !m_connection || !m_listening) {
        return;
    }
    // The time left, not the end: the processes' clocks need not agree.
    const qint64 remainingMs = state.phase == CooldownState::CoolingDown ? qMax<qint64>(1, state.untilMs - nowMs()) : 0;
    const QJsonObject message { { QStringLiteral("kind"), kind },
                                { QStringLiteral("id"), id },
                                { QStringLiteral("remainingMs"), remainingMs },
                                { QStringLiteral("reason"), state.reason } };
    QSqlQuery notify(m_connection->database());
    notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    notify.addBindValue(QString::fromLatin1(kChannel));
    notify.addBindValue(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    if (!notify.exec()) {
        const QString error = notify.lastError().text();
        if (error != m_lastError) {
            m_lastError = error;
            qWarning().noquote()
                << tr("Cooldowns cannot be shared through the ledger database (%1); retrying.").arg(error);
        }
        m_listening = false;
        m_retry->start();
    }
}

void SharedCooldowns::onNotification(const QString& name, int source, const QVariant& payload)
{
    if (name != QLatin1String(kChannel) || source == int(QSqlDriver::SelfSource)) {
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString kind = message.value(QLatin1String("kind")).toString();
    const QString id = message.value(QLatin1String("id")).toString();
    const qint64 remainingMs = message.value(QLatin1String("remainingMs")).toInteger(-1);
    if (id.isEmpty() || remainingMs < 0 || (kind != QLatin1String("model") && kind != QLatin1String("provider"))) {
        return; // another version's message, or not one at all
    }
    const qint64 untilMs = remainingMs > 0 ? nowMs() + remainingMs : 0;
    const int durationSec = int((remainingMs + 999) / 1000);
    const QString reason = message.value(QLatin1String("reason")).toString();
    m_adopting = true;
    if (kind == QLatin1String("model")) {
        m_tracker->adoptModel(id, untilMs, durationSec, reason);
    } else {
        m_tracker->adoptProvider(id, untilMs, durationSec, reason);
    }
    m_adopting = false;
    emit adopted(kind, id, untilMs);
}
