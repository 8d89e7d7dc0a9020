#pragma once

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

// A notification server on the session bus (org.freedesktop.Notifications, as GNOME or dunst
// serve it) that records each Notify call, on a D-Bus connection of its own so that the calls
// really travel through the bus. Ids are numbered from 1; replaces_id, when given, is kept.
class NotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Received
    {
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QVariantMap hints;
        int expireTimeout = 0;
        uint id = 0; // what the server answered
    };

    ~NotificationServer() override
    {
        if (m_bus.isConnected()) {
            m_bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
            QDBusConnection::disconnectFromBus(m_bus.name());
        }
    }

    // False (and skipReason()) without a session bus or when another server holds the name.
    bool start()
    {
        if (!QDBusConnection::sessionBus().isConnected()) {
            m_skipReason = QStringLiteral("no D-Bus session bus (tests/run.sh runs the suite in one)");
            return false;
        }
        m_bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("notification-server"));
        if (!m_bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                                  QDBusConnection::ExportAllSlots)
            || !m_bus.registerService(QStringLiteral("org.freedesktop.Notifications"))) {
            m_skipReason = QStringLiteral("another notification server owns the name on this bus");
            return false;
        }
        return true;
    }
    QString skipReason() const { return m_skipReason; }

    QList<Received> received;
    // What arrived about `subject` (in the body): other tests in the same D-Bus session may send
    // notifications of their own while this one runs.
    QList<Received> about(const QString& subject) const
    {
        QList<Received> found;
        for (const Received& r : received) {
            if (r.body.contains(subject)) {
                found.append(r);
            }
        }
        return found;
    }

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int expireTimeout)
    {
        Q_UNUSED(appIcon);
        Q_UNUSED(actions);
        const uint id = replacesId != 0 ? replacesId : ++m_lastId;
        received.append({ appName, replacesId, summary, body, hints, expireTimeout, id });
        return id;
    }
    QStringList GetCapabilities() const { return { QStringLiteral("body") }; }

private:
    QDBusConnection m_bus { QString() };
    QString m_skipReason;
    uint m_lastId = 0;
};
