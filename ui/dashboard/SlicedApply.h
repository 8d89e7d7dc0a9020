#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

// Runs the steps of applying one dashboard result in slices, one per event-loop turn, so that
// none blocks the loop for long. Each slice is followed by a turn left to the paint it caused (a
// posted event, delivered before the next timer): an update and its paint never run back to back
// without input and other timers in between. A newer start() drops what is left of the last.
class SlicedApply final : public QObject
{
    Q_OBJECT

public:
    explicit SlicedApply(QObject* parent = nullptr);

    // `paintFirst`: the turn right after start() belongs to a paint already caused.
    void start(QList<std::function<void()>> slices, quint64 generation, bool paintFirst = true);
    void cancel();

signals:
    void finished(quint64 generation);

private:
    void runNext();

    QTimer m_timer;
    QList<std::function<void()>> m_slices;
    quint64 m_generation = 0;
    bool m_paintTurn = false;
    bool m_running = false;
};
