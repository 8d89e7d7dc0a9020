#include "ui/dashboard/SlicedApply.h"

SlicedApply::SlicedApply(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &SlicedApply::runNext);
}

void SlicedApply::start(QList<std::function<void()>> slices, quint64 generation, bool paintFirst)
{
    m_slices = std::move(slices);
    m_generation = generation;
    m_paintTurn = paintFirst;
    m_running = true;
    m_timer.start();
}

void SlicedApply::cancel()
{
    m_slices.clear();
    m_running = false;
    m_timer.stop();
}

void SlicedApply::runNext()
{
    if (!m_running) {
        return;
    }
    if (m_slices.isEmpty()) {
        m_running = false;
        emit finished(m_generation);
        return;
    }
    if (m_paintTurn) {
        m_paintTurn = false; // this turn belongs to the paint the last slice caused
        m_timer.start();
        return;
    }
    m_slices.takeFirst()();
    m_paintTurn = true;
    m_timer.start();
}
