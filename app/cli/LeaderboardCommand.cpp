#include "app/cli/LeaderboardCommand.h"

#include "app/cli/Console.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationEvidence.h"
#include "core/ledger/LedgerQueries.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace {
// "2026-11-01" (local midnight; the day after for an end) or a full ISO date-time.
// A plain date is tried first: QDateTime reads "2026-11-01" too, as its midnight, which would make
// --until end a day early.
QDateTime parseDate(const QString& text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid()) {
        return (endOfDay ? date.addDays(1) : date).startOfDay().toUTC();
    }
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}
} // namespace

bool LeaderboardCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The workbench votes added up: wins, losses, ties, a Bradley-Terry rating "
                                        "with its 95 % interval and the cost per win."));
    parser.addHelpOption();
    const QCommandLineOption by(QStringLiteral("by"), tr("Rank each model, or each model with its settings."),
                                QStringLiteral("model|settings"), QStringLiteral("model"));
    const QCommandLineOption tier(QStringLiteral("tier"), tr("Only runs with a column routed to this tier."),
                                  QStringLiteral("TIER"));
    const QCommandLineOption rule(QStringLiteral("rule"), tr("Only runs with a column routed by this rule."),
                                  QStringLiteral("RULE"));
    const QCommandLineOption tag(QStringLiteral("tag"), tr("Only votes with this tag."), QStringLiteral("TAG"));
    const QCommandLineOption since(QStringLiteral("since"), tr("Votes from this date (YYYY-MM-DD)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption until(QStringLiteral("until"), tr("Votes up to and including this date."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Also write the table as CSV."), QStringLiteral("FILE"));
    const QCommandLineOption votes(QStringLiteral("votes-csv"), tr("Also write the votes behind it as CSV."),
                                   QStringLiteral("FILE"));
    parser.addOptions({ by, tier, rule, tag, since, until, json, csv, votes });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard leaderboard"), arguments)) {
        return false;
    }
    const QString grouping = parser.value(by);
    if (grouping != QLatin1String("model") && grouping != QLatin1String("settings")) {
        Console::fail(tr("--by must be model or settings"), 64);
        return false;
    }
    m_grouping
        = grouping == QLatin1String("model") ? Leaderboard::Grouping::Model : Leaderboard::Grouping::ModelAndSettings;
    if (parser.isSet(since)) {
        m_filter.from = parseDate(parser.value(since), false);
        if (!m_filter.from.isValid()) {
            Console::fail(tr("--since needs a date (YYYY-MM-DD), not \"%1\"").arg(parser.value(since)), 64);
            return false;
        }
    }
    if (parser.isSet(until)) {
        m_filter.until = parseDate(parser.value(until), true);
        if (!m_filter.until.isValid()) {
            Console::fail(tr("--until needs a date (YYYY-MM-DD), not \"%1\"").arg(parser.value(until)), 64);
            return false;
        }
    }
    m_filter.tier = parser.value(tier);
    m_filter.rule = parser.value(rule);
    m_filter.tag = parser.value(tag);
    m_json = parser.isSet(json);
    m_csvPath = parser.value(csv);
    m_votesPath = parser.value(votes);
    return true;
}

void LeaderboardCommand::run(Engine& engine)
{
    if (engine.ledgerPath().isEmpty()) {
        emit done(Console::fail(tr("no history database is available")));
        return;
    }
    LedgerQueries queries(engine.ledgerPath());
    QList<VotedRun> runs = queries.votedRuns(m_filter.from, m_filter.until);
    if (!queries.errorString().isEmpty()) {
        emit done(Console::fail(queries.errorString()));
        return;
    }
    // The evaluations' games count as votes do (tag "evaluation").
    EvaluationStore evaluations(engine.ledgerPath());
    QString evaluationError;
    std::optional<QList<VotedRun>> games;
    if (evaluations.open(&evaluationError)) {
        games = EvaluationEvidence::fromLedger(evaluations, &evaluationError, m_filter.from, m_filter.until);
    }
    if (!games) {
        emit done(Console::fail(tr("cannot read the evaluations: %1").arg(evaluationError)));
        return;
    }
    runs += *games;
    const QList<Leaderboard::Row> rows = Leaderboard::compute(runs, m_grouping, m_filter);
    QString error;
    if (!m_csvPath.isEmpty() && !Leaderboard::save(Leaderboard::toCsv(rows), m_csvPath, &error)) {
        emit done(Console::fail(tr("cannot write %1: %2").arg(m_csvPath, error)));
        return;
    }
    if (!m_votesPath.isEmpty() && !Leaderboard::save(Leaderboard::votesCsv(runs, m_filter), m_votesPath, &error)) {
        emit done(Console::fail(tr("cannot write %1: %2").arg(m_votesPath, error)));
        return;
    }
    if (m_json) {
        QJsonArray array;
        for (const Leaderboard::Row& row : rows) {
            array.append(QJsonObject {
                { QStringLiteral("model"), row.model },
                { QStringLiteral("settings"), row.settings },
                { QStringLiteral("wins"), row.wins },
                { QStringLiteral("losses"), row.losses },
                { QStringLiteral("ties"), row.ties },
                { QStringLiteral("rating"), row.rating },
                { QStringLiteral("rating_low"), row.ratingLow },
                { QStringLiteral("rating_high"), row.ratingHigh },
                { QStringLiteral("cost_usd"), row.costUsd },
                { QStringLiteral("unpriced_answers"), row.unpriced },
                { QStringLiteral("cost_per_win_usd"),
                  row.costPerWinUsd ? QJsonValue(*row.costPerWinUsd) : QJsonValue() },
            });
        }
        Console::printJson({ { QStringLiteral("rows"), array } });
        emit done(0);
        return;
    }
    if (rows.isEmpty()) {
        Console::out(tr("No votes to rank. Vote for the best answer of a workbench run in the app.\n"));
        emit done(0);
        return;
    }
    QStringList lines;
    lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                 .arg(tr("MODEL"), -40)
                 .arg(tr("W-L-T"), 9)
                 .arg(tr("RATING"), 6)
                 .arg(tr("95% INTERVAL"), 13)
                 .arg(tr("COST/WIN"), 10)
                 .arg(tr("SETTINGS"));
    for (const Leaderboard::Row& row : rows) {
        lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(row.model, -40)
                     .arg(QStringLiteral("%1-%2-%3").arg(row.wins).arg(row.losses).arg(row.ties), 9)
                     .arg(row.rating, 6, 'f', 0)
                     .arg(QStringLiteral("%1-%2").arg(row.ratingLow, 0, 'f', 0).arg(row.ratingHigh, 0, 'f', 0), 13)
                     .arg(row.costPerWinUsd ? Money::format(*row.costPerWinUsd) : QStringLiteral("-"), 10)
                     .arg(row.settings);
    }
    Console::out(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    emit done(0);
}
