// Ledger benchmark: fills a ledger through the writer thread, then times each dashboard query.
// Usage: bench-ledger [--requests N] [--keep DIR] [--database postgresql://... (an empty database instead
// of a SQLite file)] [--queries-only FILE|URL (time the queries on an existing ledger)]
// [--migrate-to postgresql://... (fill a SQLite file, then time migrate-ledger's copy of it into that
// empty database)]
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerMigration.h"
#include "core/ledger/LedgerQueries.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

#include <time.h>

namespace {
struct BenchModel
{
    const char* model;
    const char* provider;
    double inPerM; // 0 with outPerM 0 = unpriced in this data set
    double outPerM;
    int latencyMs;
};

const BenchModel kModels[] = {
    { "gpt-4o", "openai", 2.5, 10, 2400 },         { "gpt-4o-mini", "openai", 0.15, 0.6, 900 },
    { "claude-sonnet", "anthropic", 3, 15, 2800 }, { "claude-haiku", "anthropic", 0.8, 4, 1100 },
    { "gemini-pro", "google", 1.25, 5, 2100 },     { "gemini-flash", "google", 0.1, 0.4, 700 },
    { "llama-3-70b", "groq", 0, 0, 500 },          { "mistral-large", "mistral", 2, 6, 1900 },
};
// Tier -> primary model, fallback model (indexes into kModels).
const int kTiers[4][2] = { { 5, 1 }, { 1, 3 }, { 0, 2 }, { 2, 4 } };
const char* const kTierNames[4] = { "fast", "cheap", "balanced", "smart" };
const char* const kSources[3] = { "workbench", "route", "gateway" };
const char* const kFailures[3] = { "server_error", "rate_limited", "first_token_timeout" };

RequestRecord makeRecord(QRandomGenerator& rng, const QDateTime& at, int index)
{
    RequestRecord r;
    const int tier = int(rng.bounded(4));
    const bool failedOver = rng.bounded(100) < 3;
    const bool failedAll = failedOver && rng.bounded(10) == 0;
    // A few requests go straight to the unpriced or the extra model.
    int model = kTiers[tier][0];
    const int roll = int(rng.bounded(100));
    if (roll < 5) {
        model = 6;
    } else if (roll < 8) {
        model = 7;
    }
    const int finalModel = failedOver ? kTiers[tier][1] : model;
    r.startedAt = at;
    r.source = *RequestSources::fromId(QLatin1String(kSources[rng.bounded(3)]));
    r.prompt = QStringLiteral("benchmark prompt %1").arg(index);
    r.tier = QLatin1String(kTierNames[tier]);
    r.rule = QStringLiteral("rule-%1").arg(tier);
    r.finalModel = QLatin1String(kModels[finalModel].model);
    r.finalProvider = QLatin1String(kModels[finalModel].provider);
    r.status = failedAll ? RequestStatus::Failed : RequestStatus::Ok;
    r.latencyMs = kModels[finalModel].latencyMs / 2 + qint64(rng.bounded(kModels[finalModel].latencyMs));
    r.ttftMs = r.latencyMs / 5;
    r.usage.promptTokens = 200 + rng.bounded(4000);
    r.usage.completionTokens = 50 + rng.bounded(1000);
    r.usage.cachedTokens = rng.bounded(4) == 0 ? r.usage.promptTokens / 2 : 0;
    const BenchModel& m = kModels[finalModel];
    if (m.inPerM > 0) {
        r.costUsd = (r.usage.promptTokens * m.inPerM + r.usage.completionTokens * m.outPerM) / 1e6;
    }
    r.priceVersion = 1;
    AttemptRecord first { QLatin1String(kModels[model].model),
                          QLatin1String(kModels[model].provider),
                          at,
                          at.addMSecs(r.latencyMs),
                          AttemptOutcome::Ok,
                          QString(),
                          200,
                          QString() };
    if (failedOver) {
        const QString failure = QLatin1String(kFailures[rng.bounded(3)]);
        first.outcome = AttemptOutcome::Failed;
        first.failureClass = failure;
        first.httpStatus = 503;
        first.message = QStringLiteral("upstream overloaded");
        AttemptRecord second { r.finalModel,
                               r.finalProvider,
                               at.addMSecs(300),
                               at.addMSecs(300 + r.latencyMs),
                               failedAll ? AttemptOutcome::Failed : AttemptOutcome::Ok,
                               failedAll ? failure : QString(),
                               failedAll ? 503 : 200,
                               QString() };
        r.attempts = { first, second };
        r.failovers = { FailoverRecord { at.addMSecs(300), first.modelId, second.modelId, failure, first.message } };
        if (failedAll) {
            r.failureClass = failure;
            r.errorMessage = first.message;
        }
    } else {
        r.attempts = { first };
    }
    return r;
}

// The machine is shared: besides wall time, report the CPU time this process spent, which is
// what the query would take on an idle core.
double processCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Timing
{
    double wallMs;
    double cpuMs;
};

Timing timeMs(const std::function<void()>& work)
{
    QElapsedTimer timer;
    const double cpu = processCpuMs();
    timer.start();
    work();
    return { double(timer.nsecsElapsed()) / 1e6, processCpuMs() - cpu };
}
} // namespace

namespace {
bool fillLedger(const QString& path, int total, const QDateTime& end, QTextStream& out);
int timeQueries(const QString& path, const QDateTime& end, QTextStream& out);
int timeMigration(const QString& path, const QString& target, QTextStream& out);
} // namespace

int runLedgerBenchmarks(const QStringList& args)
{
    QTextStream out(stdout);
    int total = 1000000;
    QString keepDir;
    QString existing;
    QString database;
    QString migrateTo;
    for (int i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--migrate-to")) {
            migrateTo = args[i + 1];
        }
        if (args[i] == QLatin1String("--queries-only")) {
            existing = args[i + 1];
        }
        if (args[i] == QLatin1String("--requests")) {
            total = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--keep")) {
            keepDir = args[i + 1];
        } else if (args[i] == QLatin1String("--database")) {
            database = args[i + 1];
        }
    }
    QTemporaryDir temp;
    const QString path = !existing.isEmpty() ? existing
        : !database.isEmpty()                ? database
                              : (keepDir.isEmpty() ? temp.path() : keepDir) + QStringLiteral("/bench-ledger.sqlite");
    QDateTime end = QDateTime::currentDateTimeUtc();
    if (existing.isEmpty() && !fillLedger(path, total, end, out)) {
        return 1;
    }
    if (!migrateTo.isEmpty()) {
        return timeMigration(path, migrateTo, out);
    }
    if (!existing.isEmpty()) {
        LedgerQueries probe(path);
        const QList<RequestRecord> newest = probe.recentRequests(1);
        if (newest.isEmpty()) {
            out << "no requests in " << path << "\n";
            return 1;
        }
        end = newest[0].startedAt.addSecs(1);
    }
    return timeQueries(path, end, out);
}

namespace {
bool fillLedger(const QString& path, int total, const QDateTime& end, QTextStream& out)
{

    Ledger ledger;
    if (!ledger.open(path)) {
        out << "cannot open ledger: " << ledger.errorString() << "\n";
        return false;
    }
    qint64 committed = 0;
    QString failure;
    QEventLoop loop;
    QObject::connect(&ledger, &Ledger::recorded, &loop, [&](int count) {
        committed += count;
        loop.quit();
    });
    QObject::connect(&ledger, &Ledger::writeFailed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    // A stall sets rows aside in spool files and the figure would measure the replay: say why.
    QObject::connect(&ledger, &Ledger::writeStalled, &loop, [&](const QString& reason) {
        out << "write stalled: " << reason << "\n";
        out.flush();
    });

    const QDateTime start = end.addDays(-90);
    const qint64 spanMs = start.msecsTo(end);
    QRandomGenerator rng(42);
    out << "ledger: writing " << total << " requests over 90 days through the writer...\n";
    out.flush();
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = processCpuMs();
    qint64 rows = 0; // requests, attempts and failovers
    for (int i = 0; i < total; ++i) {
        const RequestRecord record = makeRecord(rng, start.addMSecs(spanMs * i / total), i);
        rows += 1 + record.attempts.size() + record.failovers.size();
        ledger.record(record);
        // Keep the queue bounded the way a real producer would be.
        while (i + 1 - committed > 20000 && failure.isEmpty()) {
            loop.exec();
        }
    }
    ledger.flush();
    while (committed < total && failure.isEmpty()) {
        loop.exec();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpuSeconds = (processCpuMs() - cpuStart) / 1e3;
    if (!failure.isEmpty()) {
        out << "write failed: " << failure << "\n";
        return false;
    }
    out << QStringLiteral("insert: %1 requests in %2 s wall = %3 requests/s = %4 rows/s (%5 rows: requests, attempts,"
                          " failovers; target > 50000 rows/s); %6 s CPU (producer + writer) = %7 requests/CPU-s\n")
               .arg(total)
               .arg(seconds, 0, 'f', 2)
               .arg(qint64(total / seconds))
               .arg(qint64(double(rows) / seconds))
               .arg(rows)
               .arg(cpuSeconds, 0, 'f', 2)
               .arg(qint64(total / cpuSeconds));
    out.flush();
    return true;
}

int timeMigration(const QString& path, const QString& target, QTextStream& out)
{
    LedgerMigration migration(path, target);
    LedgerMigration::Report report;
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = processCpuMs();
    if (!migration.run(&report)) {
        out << "migration failed: " << migration.errorString() << "\n";
        return 1;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 rows = report.added.requests + report.added.attempts + report.added.failovers;
    out << QStringLiteral("migrate-ledger: %1 requests (%2 rows) in %3 s wall = %4 requests/s = %5 rows/s,"
                          " verified: %6; %7 s CPU\n")
               .arg(report.copiedRequests)
               .arg(rows)
               .arg(seconds, 0, 'f', 2)
               .arg(qint64(double(report.copiedRequests) / seconds))
               .arg(qint64(double(rows) / seconds))
               .arg(report.verified ? QStringLiteral("yes") : QStringLiteral("no"))
               .arg((processCpuMs() - cpuStart) / 1e3, 0, 'f', 2);
    return report.verified ? 0 : 1;
}

int timeQueries(const QString& path, const QDateTime& end, QTextStream& out)
{
    LedgerQueries queries(path);
    const ModelPrice reference { 3, 15, 0.3, true };
    struct Query
    {
        const char* name;
        std::function<void(const LedgerFilter&)> run;
    };
    const QList<Query> list = {
        { "totals", [&](const LedgerFilter& f) { queries.totals(f); } },
        { "spendOverTime day/model",
          [&](const LedgerFilter& f) { queries.spendOverTime(f, LedgerBucket::Day, LedgerSplit::Model); } },
        { "spendOverTime hour/provider",
          [&](const LedgerFilter& f) { queries.spendOverTime(f, LedgerBucket::Hour, LedgerSplit::Provider); } },
        { "spendOverTime week/tier",
          [&](const LedgerFilter& f) { queries.spendOverTime(f, LedgerBucket::Week, LedgerSplit::Tier); } },
        { "spendOverTime month/none",
          [&](const LedgerFilter& f) { queries.spendOverTime(f, LedgerBucket::Month, LedgerSplit::None); } },
        { "requestsAndTokensByTier", [&](const LedgerFilter& f) { queries.requestsAndTokensByTier(f); } },
        { "failoverEvents (1000)", [&](const LedgerFilter& f) { queries.failoverEvents(f, 1000); } },
        { "failoverCounts day", [&](const LedgerFilter& f) { queries.failoverCounts(f, LedgerBucket::Day); } },
        { "uptime hour", [&](const LedgerFilter& f) { queries.uptime(f, LedgerBucket::Hour); } },
        { "uptime day", [&](const LedgerFilter& f) { queries.uptime(f, LedgerBucket::Day); } },
        { "latencyPercentiles", [&](const LedgerFilter& f) { queries.latencyPercentiles(f); } },
        { "savings", [&](const LedgerFilter& f) { queries.savings(f, reference); } },
        { "spendInPeriod (exact edges)",
          [&](const LedgerFilter& f) {
              queries.spendInPeriod(f.from.addSecs(1234), f.until, QStringLiteral("openai"));
          } },
        { "totals tier=smart source=route",
          [&](const LedgerFilter& f) {
              LedgerFilter g = f;
              g.tiers = { QStringLiteral("smart") };
              g.sources = { QStringLiteral("route") };
              queries.totals(g);
          } },
        { "recentRequests 50", [&](const LedgerFilter&) { queries.recentRequests(50); } },
        { "recentRequests 50 search",
          [&](const LedgerFilter&) { queries.recentRequests(50, 0, QStringLiteral("prompt 99")); } },
    };
    queries.totals({}); // open the connection and warm the page cache once
    out << QStringLiteral("%1 %2 %3 %4   (wall ms / CPU ms, target < 150)\n")
               .arg(QStringLiteral("query"), -34)
               .arg(QStringLiteral("7 d"), 14)
               .arg(QStringLiteral("30 d"), 14)
               .arg(QStringLiteral("90 d"), 14);
    double worstCpu = 0;
    double worst = 0;
    for (const Query& query : list) {
        QString line = QStringLiteral("%1").arg(QLatin1String(query.name), -34);
        for (int days : { 7, 30, 90 }) {
            LedgerFilter filter;
            filter.from = end.addDays(-days);
            filter.until = end;
            const Timing t = timeMs([&] { query.run(filter); });
            worst = qMax(worst, t.wallMs);
            worstCpu = qMax(worstCpu, t.cpuMs);
            line += QStringLiteral(" %1").arg(QStringLiteral("%1/%2").arg(t.wallMs, 0, 'f', 1).arg(t.cpuMs, 0, 'f', 1),
                                              14);
        }
        out << line << "\n";
        if (!queries.errorString().isEmpty()) {
            out << "  error: " << queries.errorString() << "\n";
        }
    }
    out << QStringLiteral("slowest query: %1 ms wall, %2 ms CPU\n").arg(worst, 0, 'f', 1).arg(worstCpu, 0, 'f', 1);
    return 0;
}
} // namespace
