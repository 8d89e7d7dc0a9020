#pragma once

#include <QHash>
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
    // What the menu shows for a name (an id's translated label); a name without one shows itself.
    void setLabels(const QHash<QString, QString>& labels);
    QString label(const QString& name) const { return m_labels.value(name, name); }

signals:
    void selectionChanged();

private:
    void rebuild();
    void updateText();

    QString m_allText;
    QString m_someText; // "%n providers"
    QStringList m_available;
    QStringList m_selected;
    QHash<QString, QString> m_labels;
    QMenu* m_menu;
};
