#pragma once

#include "core/alerts/Alert.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

// Alerts as desktop notifications through the freedesktop Notifications D-Bus interface
// (org.freedesktop.Notifications, what GNOME, KDE, Xfce and notification daemons such as dunst
// serve), for desktops without a system tray. A firing alert is a critical notification; its
// clearing replaces it (same notification id) with a normal one, so one episode is one bubble.
// Calls are asynchronous: a notification server that is slow or gone never blocks anything.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    static constexpr const char* kService = "org.freedesktop.Notifications";

    explicit DesktopNotifier(const QDBusConnection& bus = QDBusConnection::sessionBus(), QObject* parent = nullptr);

    // Whether the bus has a notification server now.
    bool isAvailable() const;
    void notify(const Alert& alert);

signals:
    // The server's answer to one notify(): its notification id, or 0 and the D-Bus error.
    void delivered(const QString& alertKey, uint notificationId, const QString& error);

private:
    QDBusConnection m_bus;
    QHash<QString, uint> m_ids; // alert key -> the notification showing its episode
};
