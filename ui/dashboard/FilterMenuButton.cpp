#include "ui/dashboard/FilterMenuButton.h"

#include <QMenu>

FilterMenuButton::FilterMenuButton(const QString& objectName, const QString& allText, const QString& someText,
                                   QWidget* parent)
    : QToolButton(parent)
    , m_allText(allText)
    , m_someText(someText)
    , m_menu(new QMenu(this))
{
    setObjectName(objectName);
    setPopupMode(QToolButton::InstantPopup);
    setMenu(m_menu);
    rebuild();
}

void FilterMenuButton::setAvailable(const QStringList& names)
{
    if (names == m_available) {
        return;
    }
    m_available = names;
    rebuild();
}

void FilterMenuButton::setSelected(const QStringList& names)
{
    m_selected = names;
    m_selected.sort(Qt::CaseInsensitive);
    rebuild();
}

void FilterMenuButton::setLabels(const QHash<QString, QString>& labels)
{
    m_labels = labels;
    rebuild();
}

void FilterMenuButton::rebuild()
{
    m_menu->clear();
    QAction* all = m_menu->addAction(m_allText);
    connect(all, &QAction::triggered, this, [this] {
        m_selected.clear();
        rebuild();
        emit selectionChanged();
    });
    m_menu->addSeparator();
    QStringList names = m_available;
    for (const QString& name : m_selected) {
        if (!names.contains(name)) {
            names << name;
        }
    }
    names.sort(Qt::CaseInsensitive);
    for (const QString& name : names) {
        QAction* action = m_menu->addAction(m_labels.value(name, name));
        action->setCheckable(true);
        action->setChecked(m_selected.contains(name));
        connect(action, &QAction::toggled, this, [this, name](bool on) {
            if (on && !m_selected.contains(name)) {
                m_selected << name;
            } else if (!on) {
                m_selected.removeAll(name);
            }
            m_selected.sort(Qt::CaseInsensitive);
            updateText();
            emit selectionChanged();
        });
    }
    updateText();
}

void FilterMenuButton::updateText()
{
    if (m_selected.isEmpty()) {
        setText(m_allText);
    } else if (m_selected.size() == 1) {
        setText(m_labels.value(m_selected.first(), m_selected.first()));
    } else {
        setText(m_someText.arg(m_selected.size()));
    }
}
