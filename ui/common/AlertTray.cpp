#include "ui/common/AlertTray.h"

#include "core/alerts/AlertMonitor.h"
#include "core/alerts/DesktopNotifier.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

AlertTray::AlertTray(AlertMonitor* monitor, QObject* parent)
    : QObject(parent)
{
    connect(monitor, &AlertMonitor::fired, this, &AlertTray::onAlert);
    connect(monitor, &AlertMonitor::cleared, this, &AlertTray::onAlert);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        updateIcon();
        m_tray->show();
    } else {
        m_notifier = new DesktopNotifier(QDBusConnection::sessionBus(), this);
    }
}

void AlertTray::onAlert(const Alert& alert)
{
    m_firing = qMax(0, m_firing + (alert.firing ? 1 : -1));
    m_log.append(alert);
    if (m_log.size() > kLogSize) {
        m_log.removeFirst();
    }
    if (m_tray) {
        updateIcon();
        m_tray->showMessage(AlertKinds::displayName(alert.kind), alert.summary,
                            alert.firing ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    } else if (m_notifier) {
        m_notifier->notify(alert);
    }
    emit logChanged();
}

void AlertTray::updateIcon()
{
    QStyle* style = QApplication::style();
    m_tray->setIcon(m_firing > 0 ? style->standardIcon(QStyle::SP_MessageBoxWarning)
                                 : (qApp->windowIcon().isNull() ? style->standardIcon(QStyle::SP_ComputerIcon)
                                                                : qApp->windowIcon()));
    m_tray->setToolTip(m_firing > 0 ? tr("Switchyard: %n alert(s) firing", nullptr, m_firing)
                                    : tr("Switchyard: no alerts"));
}

QStringList AlertTray::log() const
{
    QStringList lines;
    for (const Alert& alert : m_log) {
        lines.append((alert.firing ? tr("%1 [FIRING] %2: %3") : tr("%1 [CLEARED] %2: %3"))
                         .arg(alert.at.toLocalTime().toString(QStringLiteral("HH:mm")),
                              AlertKinds::displayName(alert.kind), alert.summary));
    }
    return lines;
}
