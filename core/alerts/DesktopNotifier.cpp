#include "core/alerts/DesktopNotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace {
constexpr char kPath[] = "/org/freedesktop/Notifications";
constexpr char kInterface[] = "org.freedesktop.Notifications";
// The specification's urgency levels (a byte hint).
constexpr uchar kNormal = 1;
constexpr uchar kCritical = 2;
} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection& bus, QObject* parent)
    : QObject(parent)
    , m_bus(bus)
{
}

bool DesktopNotifier::isAvailable() const
{
    return m_bus.isConnected() && m_bus.interface()
        && m_bus.interface()->isServiceRegistered(QLatin1String(kService)).value();
}

void DesktopNotifier::notify(const Alert& alert)
{
    if (!m_bus.isConnected()) {
        emit delivered(alert.key(), 0, QStringLiteral("no D-Bus session"));
        return;
    }
    const QString key = alert.key();
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kPath),
                                                       QLatin1String(kInterface), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(alert.firing ? kCritical : kNormal));
    hints.insert(QStringLiteral("category"), QStringLiteral("network.error"));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("switchyard"));
    const QString summary = (alert.firing ? tr("Switchyard alert: %1") : tr("Switchyard, cleared: %1"))
                                .arg(AlertKinds::displayName(alert.kind));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):
    // a firing alert stays until dismissed (0), a cleared one goes after the server's default (-1).
    call << QStringLiteral("Switchyard") << m_ids.value(key, 0u) << QStringLiteral("dialog-warning") << summary
         << alert.summary.toHtmlEscaped() << QStringList() << hints << (alert.firing ? 0 : -1);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    const bool firing = alert.firing;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, key, firing] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            emit delivered(key, 0, reply.error().message());
            return;
        }
        if (firing) {
            m_ids.insert(key, reply.value());
        } else {
            m_ids.remove(key); // the episode is over: the next one starts a new notification
        }
        emit delivered(key, reply.value(), QString());
    });
}
