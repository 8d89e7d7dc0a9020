#include "app/cli/PrimariesCommand.h"

#include "app/cli/Console.h"
#include "core/common/Clock.h"
#include "core/engine/Engine.h"
#include "core/engine/PrimaryChains.h"
#include "core/ledger/LedgerQueries.h"
#include "core/routing/Router.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace {
QJsonValue share(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString percent(const std::optional<double>& value)
{
    return value ? QStringLiteral("%1%").arg(*value * 100, 0, 'f', 1) : QStringLiteral("-");
}

QJsonObject healthJson(const PrimaryReview::Health& health)
{
    return { { QStringLiteral("model"), health.model },
             { QStringLiteral("provider"), health.provider },
             { QStringLiteral("attempts"), health.modelAttempts.attempts },
             { QStringLiteral("provider_faults"), health.modelAttempts.faults },
             { QStringLiteral("success_share"), share(health.successShare()) },
             { QStringLiteral("provider_uptime"), share(health.providerUptime()) } };
}
} // namespace

bool PrimariesCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Each tier's primary: how often it failed over, its provider's uptime and the fallback to promote."));
    parser.addHelpOption();
    const QCommandLineOption days(QStringLiteral("days"), tr("The last N days (default 7)."), QStringLiteral("N"),
                                  QStringLiteral("7"));
    const QCommandLineOption tier(QStringLiteral("tier"), tr("Only this tier (repeatable)."), QStringLiteral("T"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({ days, tier, json });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard primaries"), arguments)) {
        return false;
    }
    bool ok = false;
    m_days = parser.value(days).toInt(&ok);
    if (!ok || m_days < 1 || m_days > 3650) {
        Console::fail(tr("--days needs a number of days from 1 to 3650"), 64);
        return false;
    }
    m_tiers = parser.values(tier);
    m_json = parser.isSet(json);
    return true;
}

void PrimariesCommand::run(Engine& engine)
{
    if (engine.ledgerPath().isEmpty()) {
        emit done(Console::fail(tr("no history database is available")));
        return;
    }
    const RoutingPolicy policy = engine.router()->policy();
    for (const QString& tier : std::as_const(m_tiers)) {
        if (!policy.tier(tier)) {
            emit done(Console::fail(tr("--tier %1: no such tier in the routing policy").arg(tier), 64));
            return;
        }
    }
    LedgerFilter filter;
    filter.until = Clock::instance().currentDateTimeUtc();
    filter.from = filter.until.addDays(-m_days);
    filter.tiers = m_tiers;
    const FailoverRateRule rule = PrimaryChains::rule(engine.homeDir());
    LedgerQueries queries(engine.ledgerPath());
    const QList<PrimaryReview::Row> rows = queries.primaryReview(
        filter, PrimaryChains::of(policy, [&engine](const QString& id) { return engine.model(id); }), rule);
    if (!queries.errorString().isEmpty()) {
        emit done(Console::fail(queries.errorString()));
        return;
    }
    if (m_json) {
        QJsonArray array;
        for (const PrimaryReview::Row& row : rows) {
            QJsonArray fallbacks;
            for (const PrimaryReview::Health& fallback : row.fallbacks) {
                fallbacks.append(healthJson(fallback));
            }
            const PrimaryReview::Health* best = row.bestFallback();
            array.append(QJsonObject { { QStringLiteral("tier"), row.tier },
                                       { QStringLiteral("primary"), healthJson(row.primary) },
                                       { QStringLiteral("requests"), row.requests },
                                       { QStringLiteral("failed_over"), row.failedOver },
                                       { QStringLiteral("failover_rate"),
                                         row.requests > 0 ? QJsonValue(row.failoverPercent / 100) : QJsonValue() },
                                       { QStringLiteral("reconsider"), row.reconsider },
                                       { QStringLiteral("promote"), best ? QJsonValue(best->model) : QJsonValue() },
                                       { QStringLiteral("fallbacks"), fallbacks } });
        }
        Console::printJson({ { QStringLiteral("since"), filter.from.toString(Qt::ISODate) },
                             { QStringLiteral("until"), filter.until.toString(Qt::ISODate) },
                             { QStringLiteral("threshold_percent"), rule.percent },
                             { QStringLiteral("min_requests"), rule.minRequests },
                             { QStringLiteral("primaries"), array } });
        emit done(0);
        return;
    }
    QStringList lines;
    lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                 .arg(tr("TIER"), -12)
                 .arg(QStringLiteral("  ") + tr("PRIMARY"), -30) // the column of the "!" mark
                 .arg(tr("REQUESTS"), 9)
                 .arg(tr("FAILOVER"), 9)
                 .arg(tr("UPTIME"), 7)
                 .arg(tr("SUGGESTION"));
    for (const PrimaryReview::Row& row : rows) {
        QString suggestion = QStringLiteral("-");
        if (row.reconsider) {
            const PrimaryReview::Health* best = row.bestFallback();
            suggestion = best ? tr("reconsider: promote %1 (%2 of its attempts succeeded)")
                                    .arg(best->model, percent(best->reliability()))
                              : tr("reconsider: no fallback to promote");
        }
        lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(row.tier, -12)
                     .arg((row.reconsider ? QStringLiteral("! ") : QStringLiteral("  ")) + row.primary.model, -30)
                     .arg(row.requests, 9)
                     .arg(row.requests > 0 ? percent(row.failoverPercent / 100) : QStringLiteral("-"), 9)
                     .arg(percent(row.primary.providerUptime()), 7)
                     .arg(suggestion);
    }
    lines << tr("Last %n day(s); marked (!) above %1% failover over at least %2 requests (alerts.json).", nullptr,
                m_days)
                 .arg(rule.percent)
                 .arg(rule.minRequests);
    Console::out(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    emit done(0);
}
