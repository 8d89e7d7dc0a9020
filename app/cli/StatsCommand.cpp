#include "app/cli/StatsCommand.h"

#include "app/cli/Console.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QMap>

namespace {
// "2026-11-01" (local midnight) or a full ISO date-time.
QDateTime parseDate(const QString& text, bool endOfDay)
{
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODate);
    if (!dateTime.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid()) {
            dateTime = (endOfDay ? date.addDays(1) : date).startOfDay();
        }
    }
    return dateTime.toUTC();
}

} // namespace

bool StatsCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Spend and requests from the ledger."));
    parser.addHelpOption();
    const QCommandLineOption since(QStringLiteral("since"), tr("From this date (YYYY-MM-DD); default 30 days ago."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption until(QStringLiteral("until"), tr("Up to and including this date."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption by(QStringLiteral("by"), tr("Split by model, provider, tier or day."),
                                QStringLiteral("KEY"), QStringLiteral("model"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({ since, until, by, json });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard stats"), arguments)) {
        return false;
    }
    m_until = parser.isSet(until) ? parseDate(parser.value(until), true) : QDateTime::currentDateTimeUtc();
    m_since = parser.isSet(since) ? parseDate(parser.value(since), false) : m_until.addDays(-30);
    if (!m_since.isValid() || !m_until.isValid() || m_since >= m_until) {
        Console::fail(tr("--since and --until need dates (YYYY-MM-DD), the first before the second"), 64);
        return false;
    }
    m_by = parser.value(by);
    static const QStringList keys { QStringLiteral("model"), QStringLiteral("provider"), QStringLiteral("tier"),
                                    QStringLiteral("day") };
    if (!keys.contains(m_by)) {
        Console::fail(tr("--by must be model, provider, tier or day"), 64);
        return false;
    }
    m_json = parser.isSet(json);
    return true;
}

void StatsCommand::run(Engine& engine)
{
    if (engine.ledgerPath().isEmpty()) {
        emit done(Console::fail(tr("no history database is available")));
        return;
    }
    LedgerQueries queries(engine.ledgerPath());
    LedgerFilter filter;
    filter.from = m_since;
    filter.until = m_until;
    const bool byDay = m_by == QLatin1String("day");
    const LedgerSplit split = byDay         ? LedgerSplit::None
        : m_by == QLatin1String("provider") ? LedgerSplit::Provider
        : m_by == QLatin1String("tier")     ? LedgerSplit::Tier
                                            : LedgerSplit::Model;
    const QList<SpendRow> rows = queries.spendOverTime(filter, byDay ? LedgerBucket::Day : LedgerBucket::Month, split);
    const LedgerTotals totals = queries.totals(filter);
    if (!queries.errorString().isEmpty()) {
        emit done(Console::fail(queries.errorString()));
        return;
    }
    struct Sum
    {
        double cost = 0;
        qint64 requests = 0;
        qint64 unpriced = 0;
    };
    QMap<QString, Sum> sums;
    for (const SpendRow& row : rows) {
        const QString key = byDay ? row.bucketStart.toLocalTime().date().toString(Qt::ISODate)
                                  : (row.key.isEmpty() ? tr("(none)") : row.key);
        Sum& sum = sums[key];
        sum.cost += row.costUsd;
        sum.requests += row.requests;
        sum.unpriced += row.unpricedRequests;
    }
    if (m_json) {
        QJsonArray array;
        for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
            array.append(QJsonObject { { m_by, it.key() },
                                       { QStringLiteral("cost_usd"), it->cost },
                                       { QStringLiteral("requests"), it->requests },
                                       { QStringLiteral("unpriced_requests"), it->unpriced } });
        }
        Console::printJson({ { QStringLiteral("since"), m_since.toString(Qt::ISODate) },
                             { QStringLiteral("until"), m_until.toString(Qt::ISODate) },
                             { QStringLiteral("by"), m_by },
                             { QStringLiteral("rows"), array },
                             { QStringLiteral("total_cost_usd"), totals.spendUsd },
                             { QStringLiteral("requests"), totals.requests },
                             { QStringLiteral("failures"), totals.failures },
                             { QStringLiteral("failover_rate"), totals.failoverRate },
                             { QStringLiteral("unpriced_requests"), totals.unpricedRequests } });
        emit done(0);
        return;
    }
    QStringList lines;
    lines << QStringLiteral("%1  %2  %3  %4")
                 .arg(m_by.toUpper(), -30)
                 .arg(tr("REQUESTS"), 9)
                 .arg(tr("COST"), 12)
                 .arg(tr("UNPRICED"), 8);
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        lines << QStringLiteral("%1  %2  %3  %4")
                     .arg(it.key(), -30)
                     .arg(it->requests, 9)
                     .arg(Money::format(it->cost), 12)
                     .arg(it->unpriced, 8);
    }
    lines << tr("Total %1 over %2 requests; %3 failed; failover rate %4%; %5 unpriced")
                 .arg(Money::format(totals.spendUsd))
                 .arg(totals.requests)
                 .arg(totals.failures)
                 .arg(totals.failoverRate * 100, 0, 'f', 1)
                 .arg(totals.unpricedRequests);
    Console::out(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    emit done(0);
}

bool PruneCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Delete history records older than N days (spend rollups are kept)."));
    parser.addHelpOption();
    const QCommandLineOption olderThan(QStringLiteral("older-than"), tr("Age in days."), QStringLiteral("DAYS"));
    parser.addOption(olderThan);
    if (!Console::parseArguments(parser, QStringLiteral("switchyard prune"), arguments)) {
        return false;
    }
    bool ok = false;
    m_days = parser.value(olderThan).toInt(&ok);
    if (!ok || m_days < 1) {
        Console::fail(tr("--older-than needs a number of days (1 or more)"), 64);
        return false;
    }
    return true;
}

void PruneCommand::run(Engine& engine)
{
    Ledger* ledger = engine.ledger();
    if (!ledger) {
        emit done(Console::fail(tr("no history database is available")));
        return;
    }
    connect(ledger, &Ledger::pruned, this, [this](int requests) {
        Console::out(tr("%1 requests deleted\n").arg(requests));
        emit done(0);
    });
    connect(ledger, &Ledger::writeFailed, this, [this](const QString& message) { emit done(Console::fail(message)); });
    ledger->deleteOlderThan(m_days);
}
