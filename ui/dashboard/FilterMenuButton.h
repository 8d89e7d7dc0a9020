#pragma once

#include <QToolButton>

class QMenu;

// A drop-down of checkable names ("All providers" when none is checked, which means all).
class FilterMenuButton : public QToolButton
{
    Q_OBJECT

public:
    FilterMenuButton(const QString& objectName, const QString& allText, const QString& someText,
                     QWidget* parent = nullptr);

    // Keeps checked names that are no longer offered, so a filter never silently widens.
    void setAvailable(const QStringList& names);
    QStringList selected() const { return m_selected; }
    void setSelected(const QStringList& names);

signals:
    void selectionChanged();

private:
    void rebuild();
    void updateText();

    QString m_allText;
    QString m_someText; // "%n providers"
    QStringList m_available;
    QStringList m_selected;
    QMenu* m_menu;
};
