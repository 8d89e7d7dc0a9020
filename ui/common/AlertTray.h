#pragma once

#include "core/alerts/Alert.h"

#include <QList>
#include <QObject>
#include <QStringList>

class AlertMonitor;
class DesktopNotifier;
class QSystemTrayIcon;

// Alerts on the desktop: a tray icon whose icon and tooltip show the worst state (alerts firing,
// or all clear), a notification as each alert fires or clears, and the session's alert log.
// Without a system tray (GNOME, the offscreen platform) the notifications go to the session's
// notification server over D-Bus (DesktopNotifier).
class AlertTray final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTray)

public:
    static constexpr int kLogSize = 200;

    explicit AlertTray(AlertMonitor* monitor, QObject* parent = nullptr);

    // Newest last: "09:12 [FIRING] Provider down: openai is down: 5 failures in 5 min".
    QStringList log() const;
    int firing() const { return m_firing; }
    QSystemTrayIcon* trayIcon() const { return m_tray; }
    DesktopNotifier* notifier() const { return m_notifier; }

signals:
    void logChanged();

private:
    void onAlert(const Alert& alert);
    void updateIcon();

    QSystemTrayIcon* m_tray = nullptr;
    DesktopNotifier* m_notifier = nullptr;
    QList<Alert> m_log;
    int m_firing = 0;
};
