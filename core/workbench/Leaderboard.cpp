#include "core/workbench/Leaderboard.h"

#include "core/common/Csv.h"
#include "core/common/Money.h"
#include "core/workbench/BradleyTerry.h"

#include <QHash>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <functional>
#include <tuple>

namespace Leaderboard {

namespace {
QString keyOf(const VotedColumn& column, Grouping grouping)
{
    return grouping == Grouping::Model ? column.model : column.model + QChar(0x1f) + column.settings;
}

// The column the vote went to: same model and settings, else the first of that model (votes from
// before settings were recorded, or cast on a reopened run); -1 when the run has no such column.
qsizetype winnerIndex(const VotedRun& run)
{
    qsizetype byModel = -1;
    for (qsizetype i = 0; i < run.columns.size(); ++i) {
        const VotedColumn& column = run.columns.at(i);
        if (column.model != run.winnerModel) {
            continue;
        }
        if (column.settings == run.winnerSettings) {
            return i;
        }
        if (byModel < 0) {
            byModel = i;
        }
    }
    return byModel;
}

QStringList distinct(const QList<VotedRun>& runs, const std::function<QStringList(const VotedRun&)>& values)
{
    QSet<QString> seen;
    for (const VotedRun& run : runs) {
        for (const QString& value : values(run)) {
            if (!value.isEmpty()) {
                seen.insert(value);
            }
        }
    }
    QStringList list(seen.cbegin(), seen.cend());
    list.sort();
    return list;
}
} // namespace

bool Filter::matches(const VotedRun& run) const
{
    if ((from.isValid() && run.at < from) || (until.isValid() && run.at >= until)) {
        return false;
    }
    if (!tag.isEmpty() && run.tag != tag) {
        return false;
    }
    const auto anyColumn = [&run](auto&& test) { return std::any_of(run.columns.cbegin(), run.columns.cend(), test); };
    if (!tier.isEmpty() && !anyColumn([this](const VotedColumn& c) { return c.tier == tier; })) {
        return false;
    }
    return rule.isEmpty() || anyColumn([this](const VotedColumn& c) { return c.rule == rule; });
}

QList<Row> compute(const QList<VotedRun>& runs, Grouping grouping, const Filter& filter, double priorGames)
{
    QList<Row> rows;
    QHash<QString, int> index;
    QList<BradleyTerry::Game> games;
    const auto entrant = [&](const VotedColumn& column) {
        const QString key = keyOf(column, grouping);
        auto it = index.find(key);
        if (it == index.end()) {
            Row row;
            row.model = column.model;
            row.settings = grouping == Grouping::Model ? QString() : column.settings;
            it = index.insert(key, int(rows.size()));
            rows.append(row);
        }
        return *it;
    };
    for (const VotedRun& run : runs) {
        if (!filter.matches(run) || run.columns.size() < 2) {
            continue;
        }
        const qsizetype winner = run.tie ? -1 : winnerIndex(run);
        if (!run.tie && winner < 0) {
            continue; // the voted column is gone (its row pruned): nothing to weigh
        }
        // One entrant per run: in the Model grouping two columns of one model are one contestant,
        // the winner's column when one of them won.
        QList<int> ids;
        QList<int> entrants;
        int winning = -1;
        for (qsizetype i = 0; i < run.columns.size(); ++i) {
            const int id = entrant(run.columns.at(i));
            ids.append(id);
            if (i == winner) {
                winning = id;
            }
            if (!entrants.contains(id)) {
                entrants.append(id);
            }
        }
        if (entrants.size() < 2) {
            continue; // nothing weighed: its answers do not count towards the cost either
        }
        for (qsizetype i = 0; i < run.columns.size(); ++i) {
            Row& row = rows[ids[i]];
            if (run.columns.at(i).costUsd) {
                row.costUsd += *run.columns.at(i).costUsd;
            } else {
                ++row.unpriced;
            }
        }
        for (int id : entrants) {
            if (run.tie) {
                ++rows[id].ties;
            } else if (id == winning) {
                ++rows[id].wins;
            } else {
                ++rows[id].losses;
            }
        }
        if (run.tie) {
            for (qsizetype i = 0; i < entrants.size(); ++i) {
                for (qsizetype j = i + 1; j < entrants.size(); ++j) {
                    games.append({ entrants[i], entrants[j], 0.5 });
                }
            }
        } else {
            for (int id : entrants) {
                if (id != winning) {
                    games.append({ winning, id, 1.0 });
                }
            }
        }
    }
    // Entrants of runs that did not count (one contestant only) have no vote: leave them out.
    QList<Row> counted;
    QList<int> remap(rows.size(), -1);
    for (int i = 0; i < rows.size(); ++i) {
        if (rows[i].votes() > 0) {
            remap[i] = int(counted.size());
            counted.append(rows[i]);
        }
    }
    for (BradleyTerry::Game& game : games) {
        game.a = remap[game.a];
        game.b = remap[game.b];
    }
    const BradleyTerry::Fit fit = BradleyTerry::fit(int(counted.size()), games, priorGames);
    for (int i = 0; i < counted.size(); ++i) {
        Row& row = counted[i];
        const double halfWidth = BradleyTerry::kZ95 * fit.standardError[i] * BradleyTerry::ratingScale();
        row.rating = BradleyTerry::rating(fit.theta[i]);
        row.ratingLow = row.rating - halfWidth;
        row.ratingHigh = row.rating + halfWidth;
        if (row.wins > 0) {
            row.costPerWinUsd = row.costUsd / row.wins;
        }
    }
    std::stable_sort(counted.begin(), counted.end(), [](const Row& a, const Row& b) {
        if (a.rating != b.rating) {
            return a.rating > b.rating;
        }
        if (a.wins != b.wins) {
            return a.wins > b.wins;
        }
        return std::tie(a.model, a.settings) < std::tie(b.model, b.settings);
    });
    return counted;
}

QStringList tiers(const QList<VotedRun>& runs)
{
    return distinct(runs, [](const VotedRun& run) {
        QStringList values;
        for (const VotedColumn& column : run.columns) {
            values << column.tier;
        }
        return values;
    });
}

QStringList rules(const QList<VotedRun>& runs)
{
    return distinct(runs, [](const VotedRun& run) {
        QStringList values;
        for (const VotedColumn& column : run.columns) {
            values << column.rule;
        }
        return values;
    });
}

QStringList tags(const QList<VotedRun>& runs)
{
    return distinct(runs, [](const VotedRun& run) { return QStringList { run.tag }; });
}

QByteArray toCsv(const QList<Row>& rows)
{
    QString text = QStringLiteral("model,settings,wins,losses,ties,rating,rating_low,rating_high,cost_usd,"
                                  "unpriced_answers,cost_per_win_usd\r\n");
    for (const Row& row : rows) {
        text += Csv::line({ row.model, row.settings, QString::number(row.wins), QString::number(row.losses),
                            QString::number(row.ties), QString::number(row.rating, 'f', 1),
                            QString::number(row.ratingLow, 'f', 1), QString::number(row.ratingHigh, 'f', 1),
                            Money::plain(row.costUsd), QString::number(row.unpriced),
                            row.costPerWinUsd ? Money::plain(*row.costPerWinUsd) : QString() });
    }
    return text.toUtf8();
}

QByteArray votesCsv(const QList<VotedRun>& runs, const Filter& filter)
{
    QString text = QStringLiteral("compare_group,voted_at,tag,tie,winner_model,winner_settings,model,settings,tier,"
                                  "rule,cost_usd\r\n");
    for (const VotedRun& run : runs) {
        if (!filter.matches(run)) {
            continue;
        }
        for (const VotedColumn& column : run.columns) {
            text += Csv::line({ run.compareGroup, run.at.toString(Qt::ISODateWithMs), run.tag,
                                run.tie ? QStringLiteral("true") : QStringLiteral("false"), run.winnerModel,
                                run.winnerSettings, column.model, column.settings, column.tier, column.rule,
                                column.costUsd ? Money::plain(*column.costUsd) : QString() });
        }
    }
    return text.toUtf8();
}

bool save(const QByteArray& data, const QString& path, QString* errorMessage)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (errorMessage) {
            *errorMessage = file.errorString();
        }
        return false;
    }
    return true;
}

} // namespace Leaderboard
