#include "ui/dashboard/AlertLogPanel.h"

#include "ui/common/AlertTray.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

AlertLogPanel::AlertLogPanel(QWidget* parent)
    : QGroupBox(tr("Alerts this session"), parent)
    , m_list(new QListWidget(this))
    , m_empty(new QLabel(tr("No alert has fired this session. Rules: alerts.json in the home folder."), this))
{
    setObjectName(QStringLiteral("alertLog"));
    m_list->setObjectName(QStringLiteral("alertLogList"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setWordWrap(true);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 5);
    m_empty->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_list);
    refresh();
}

void AlertLogPanel::setTray(AlertTray* tray)
{
    if (m_tray) {
        disconnect(m_tray, nullptr, this, nullptr);
    }
    m_tray = tray;
    if (m_tray) {
        connect(m_tray, &AlertTray::logChanged, this, &AlertLogPanel::refresh);
    }
    refresh();
}

void AlertLogPanel::refresh()
{
    const QStringList lines = m_tray ? m_tray->log() : QStringList();
    m_list->clear();
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        auto* item = new QListWidgetItem(*it, m_list);
        if (it->contains(QLatin1String("[FIRING]"))) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    m_list->setVisible(!lines.isEmpty());
    m_empty->setVisible(lines.isEmpty());
}
