// Streams synthetic tokens into a real WorkbenchView (8 columns, 100 tokens/s each) and measures
// how long the event loop goes without turning: a 1 ms precise timer records the gap between its
// ticks, so every millisecond above 1 is time the UI could not react.
#include "core/common/HomeSettings.h"
#include "core/workbench/ColumnRun.h"
#include "ui/MainWindow.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace {
qint64 statusKb(const QByteArray& key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(key)) {
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

ModelCatalog syntheticCatalog(int columns)
{
    ModelCatalog catalog;
    catalog.providers.append({ QStringLiteral("bench"),
                               QStringLiteral("Bench"),
                               ProviderKind::OpenAiCompatible,
                               {},
                               {},
                               {},
                               0,
                               true,
                               true });
    for (int i = 0; i < columns; ++i) {
        ModelConfig model;
        model.id = QStringLiteral("bench/model-%1").arg(i + 1);
        model.providerId = QStringLiteral("bench");
        model.upstreamModel = model.id;
        model.price = { 0.5, 1.5, 0, true };
        catalog.models.append(model);
    }
    return catalog;
}
} // namespace

int runUiBenchmarks(const QStringList& args)
{
    int seconds = 30;
    int columns = 8;
    int tokensPerSecond = 100;
    // --reasoning: the first half of the run streams reasoning (shown, unfolded), then the answer.
    const bool reasoning = args.contains(QLatin1String("--reasoning"));
    for (int i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds")) {
            seconds = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--columns")) {
            columns = qBound(1, args[i + 1].toInt(), 8);
        } else if (args[i] == QLatin1String("--rate")) {
            tokensPerSecond = qMax(1, args[i + 1].toInt());
        }
    }
    QTextStream out(stdout);
    const qint64 rssBefore = statusKb("VmRSS:");

    // Throwaway settings: the workbench must not restore (or overwrite) a user's columns.
    QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardBench"));
    HomeSettings::open()->clear();
    const ModelCatalog catalog = syntheticCatalog(columns);
    MainWindow window(catalog, nullptr);
    window.resize(1600, 1000);
    window.show();
    WorkbenchView* workbench = window.workbench();
    for (const auto& model : catalog.models) {
        workbench->addColumn({ model.id });
    }
    ChatRequest request;
    request.messages.append({ QStringLiteral("user"), QStringLiteral("Stream for the benchmark.") });
    QList<ColumnRun*> runs = workbench->comparison()->columns();
    for (ColumnRun* run : runs) {
        run->begin(request);
        run->markFirstToken(100);
    }

    // Feeder: every 10 ms each column gets tokensPerSecond/100 tokens; a line break every 12 tokens
    // makes the answers long (about 30 s x 100 tokens / 12 = 250 lines, several thousand words each).
    static const QStringList words { QStringLiteral("switch "),  QStringLiteral("yard "),     QStringLiteral("token "),
                                     QStringLiteral("stream "),  QStringLiteral("**bold** "), QStringLiteral("`code` "),
                                     QStringLiteral("latency "), QStringLiteral("provider ") };
    qint64 tokens = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(10);
    double owed = 0;
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        owed += tokensPerSecond / 100.0;
        const int now = int(owed);
        owed -= now;
        const bool thinking = reasoning && tokens < qint64(seconds) * tokensPerSecond / 2;
        for (int k = 0; k < now; ++k) {
            const QString& piece = tokens % 12 == 11 ? QStringLiteral("line\n") : words[tokens % words.size()];
            for (ColumnRun* run : runs) {
                if (thinking) {
                    run->appendReasoning(piece);
                } else {
                    run->appendText(piece);
                }
            }
            ++tokens;
        }
    });
    if (reasoning) {
        // Unfold every column's reasoning once it shows: the costlier case, its view kept current.
        QTimer::singleShot(300, qApp, [workbench] {
            for (ColumnView* view : workbench->columnViews()) {
                view->reasoningToggle()->setChecked(true);
            }
        });
    }

    QList<qint64> gaps;
    gaps.reserve(seconds * 1100);
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.append(now - last);
        last = now;
    });

    QTimer::singleShot(seconds * 1000, qApp, [&] {
        feeder.stop();
        probe.stop();
        for (ColumnRun* run : runs) {
            CallResult result;
            result.ttftMs = 100;
            result.latencyMs = seconds * 1000;
            result.usage = run->figures().usage;
            result.finishReason = QStringLiteral("stop");
            run->complete(result);
        }
        qApp->quit();
    });
    clock.start();
    feeder.start();
    probe.start();
    QApplication::exec();

    // Rendering the finished answers as Markdown happens once per column; time it separately.
    QElapsedTimer finalRender;
    finalRender.start();
    QApplication::processEvents();
    const qint64 finalRenderMs = finalRender.elapsed();

    std::sort(gaps.begin(), gaps.end());
    auto stallMs = [](qint64 gapNs) { return qMax(0.0, gapNs / 1e6 - 1.0); };
    const double worst = gaps.isEmpty() ? 0 : stallMs(gaps.last());
    const double p99 = gaps.isEmpty() ? 0 : stallMs(gaps[qsizetype(gaps.size() * 0.99)]);
    const double p50 = gaps.isEmpty() ? 0 : stallMs(gaps[gaps.size() / 2]);
    const qint64 chars = runs.isEmpty() ? 0 : runs.first()->text().size();

    out << QStringLiteral("ui.workbench_stream%6: %1 columns x %2 tokens/s for %3 s (%4 tokens, %5 chars per column)\n")
               .arg(columns)
               .arg(tokensPerSecond)
               .arg(seconds)
               .arg(tokens)
               .arg(chars)
               .arg(reasoning ? QStringLiteral(" (half of it reasoning, unfolded)") : QString());
    out << QStringLiteral("  event-loop stall: worst %1 ms, p99 %2 ms, median %3 ms (target p99 < 16 ms) over %4 "
                          "probe ticks\n")
               .arg(worst, 0, 'f', 1)
               .arg(p99, 0, 'f', 2)
               .arg(p50, 0, 'f', 2)
               .arg(gaps.size());
    out << QStringLiteral("  final Markdown render of all columns: %1 ms\n").arg(finalRenderMs);
    out << QStringLiteral("  memory: RSS %1 MiB (before %2 MiB), peak %3 MiB\n")
               .arg(statusKb("VmRSS:") / 1024.0, 0, 'f', 1)
               .arg(rssBefore / 1024.0, 0, 'f', 1)
               .arg(statusKb("VmHWM:") / 1024.0, 0, 'f', 1);
    out.flush();
    return p99 < 16.0 ? 0 : 1;
}
