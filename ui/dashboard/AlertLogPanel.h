#pragma once

#include <QGroupBox>

class AlertTray;
class QLabel;
class QListWidget;

// The dashboard's alert log: each alert that fired or cleared this session (AlertTray's log),
// newest first, so an afternoon's outage behind successful fallbacks is in sight.
class AlertLogPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit AlertLogPanel(QWidget* parent = nullptr);

    void setTray(AlertTray* tray);
    QListWidget* list() const { return m_list; }

private:
    void refresh();

    AlertTray* m_tray = nullptr;
    QListWidget* m_list;
    QLabel* m_empty;
};
