#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QStringList>
#include <QTextStream>
#include <QThread>

#include <time.h>

#include <utility>

int runDashboardBenchmarks(const QStringList& args);

namespace {
QStringList g_eventsSinceTick; // with --trace-stalls: top-level events and their CPU since the last tick
}

// The events delivered since the last call, for the benchmark's ticker to name what filled a long
// gap between two ticks (several events, none long by itself, can add up).
QStringList takeEventsSinceTick()
{
    return std::exchange(g_eventsSinceTick, {});
}

namespace {
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The receiver's name, or its nearest named ancestor's ("spend/QChartView" for a chart viewport).
QString named(const QObject* object)
{
    QString path;
    for (const QObject* o = object; o; o = o->parent()) {
        if (!o->objectName().isEmpty()) {
            return o->objectName() + path;
        }
        if (o != object) {
            path = u'/' + QLatin1String(o->metaObject()->className()) + path;
        }
    }
    return path;
}

// With --trace-stalls, names every top-level event delivery that takes longer than 8 ms, so a
// stall can be pinned on a receiver and event type.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool tracing = false;

    bool notify(QObject* receiver, QEvent* event) override
    {
        const QEvent::Type type = event->type();
        const bool nestedPaint
            = type == QEvent::UpdateRequest || type == QEvent::LayoutRequest || type == QEvent::Paint;
        if (!tracing || (m_depth > 0 && !nestedPaint) || QThread::currentThread() != thread()) {
            return QApplication::notify(receiver, event);
        }
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = threadCpuNs();
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = double(threadCpuNs() - cpu) / 1e6;
        if (m_depth == 0 && cpuMs >= 0.5) {
            g_eventsSinceTick << QStringLiteral("%1 %2 (%3 ms CPU)")
                                     .arg(QLatin1String(receiver->metaObject()->className()),
                                          QLatin1String(QMetaEnum::fromType<QEvent::Type>().valueToKey(type)))
                                     .arg(cpuMs, 0, 'f', 1);
        }
        if (ms > (type == QEvent::Paint ? 3 : 8)) {
            QTextStream(stderr) << QStringLiteral("    [stall %1 ms, CPU %6 ms] %2%3 (%4) event %5\n")
                                       .arg(ms, 0, 'f', 1)
                                       .arg(m_depth > 0 ? QStringLiteral("nested ") : QString())
                                       .arg(QLatin1String(receiver->metaObject()->className()), named(receiver),
                                            QLatin1String(QMetaEnum::fromType<QEvent::Type>().valueToKey(type)))
                                       .arg(cpuMs, 0, 'f', 1);
        }
        return result;
    }

private:
    int m_depth = 0;
};
} // namespace

// Standalone runner: the dashboard needs a QApplication, which switchyard-bench does not create.
int main(int argc, char* argv[])
{
    TracingApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    app.tracing = args.removeAll(QStringLiteral("--trace-stalls")) > 0;
    return runDashboardBenchmarks(args);
}
