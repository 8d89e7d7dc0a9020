#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QScrollBar;

// Synchronised scrolling: while enabled, moving one answer's scroll bar moves the others to the
// same share of their length (answers differ in length, so positions are proportional).
class ScrollSync final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // Follows `bar` and moves it with the others until it is destroyed.
    void add(QScrollBar* bar);

private:
    void follow(QScrollBar* source);

    QList<QPointer<QScrollBar>> m_bars;
    bool m_enabled = false;
    bool m_syncing = false;
};
