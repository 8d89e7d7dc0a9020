#include "core/engine/SharedCooldowns.h"

#include "core/common/Clock.h"
#include "core/engine/SharedCooldownChannel.h"
#include "core/routing/CooldownTracker.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
qint64 nowMs()
{
    return Clock::instance().currentMSecsSinceEpoch();
}
} // namespace

SharedCooldowns::SharedCooldowns(const QString& ledgerUrl, CooldownTracker* tracker, QObject* parent)
    : QObject(parent)
    , m_tracker(tracker)
    , m_channel(new SharedCooldownChannel(ledgerUrl))
{
    m_thread.setObjectName(QStringLiteral("cooldowns"));
    m_channel->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_channel, &QObject::deleteLater);
    connect(m_channel, &SharedCooldownChannel::received, this, &SharedCooldowns::adopt);
    connect(m_channel, &SharedCooldownChannel::listening, this, [this](bool ok, const QString& error) {
        const bool changed = ok != m_listening || error != m_error;
        m_listening = ok;
        m_error = error;
        if (changed) {
            emit listeningChanged(ok, error);
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
    m_thread.start();
}

SharedCooldowns::~SharedCooldowns()
{
    m_thread.quit();
    m_thread.wait();
}

void SharedCooldowns::start()
{
    QMetaObject::invokeMethod(m_channel, &SharedCooldownChannel::start, Qt::QueuedConnection);
}

void SharedCooldowns::publish(const QString& kind, const QString& id, const CooldownState& state)
{
    if (m_adopting) {
        return;
    }
    // The time left, not the end: the processes' clocks need not agree.
    const qint64 remainingMs = state.phase == CooldownState::CoolingDown ? qMax<qint64>(1, state.untilMs - nowMs()) : 0;
    QMetaObject::invokeMethod(
        m_channel,
        [channel = m_channel, kind, id, remainingMs, reason = state.reason] {
            channel->publish(kind, id, remainingMs, reason);
        },
        Qt::QueuedConnection);
}

void SharedCooldowns::adopt(const QByteArray& payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload).object();
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
