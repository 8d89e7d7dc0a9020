#pragma once

#include "core/ledger/LedgerQueryTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The user's votes added up: per model (or per model and settings, since two columns may run one
// model differently) the votes won, lost and tied, a Bradley-Terry rating with its 95 % confidence
// interval, and what the answers cost per win. Pure: fed with the ledger's voted runs.
//
// A vote for a column is a win of it over every other column of that run; a tie is a tie between
// every two of them. Those pairs are the games the rating is fitted to (BradleyTerry, one virtual
// tie against a reference of rating 1000 for every entrant, so a model with only wins still gets a
// finite rating, pulled towards 1000 while it has few votes).
namespace Leaderboard {

enum class Grouping
{
    Model,
    ModelAndSettings,
};

struct Filter
{
    QString tier; // empty: any; else runs with a column routed to this tier
    QString rule; // empty: any; else runs with a column routed by this rule
    QString tag; // empty: any
    QDateTime from; // UTC; invalid: open
    QDateTime until; // UTC, exclusive; invalid: open

    bool matches(const VotedRun& run) const;
};

struct Row
{
    QString model;
    QString settings; // empty in the Model grouping, or for the provider's defaults
    int wins = 0;
    int losses = 0;
    int ties = 0;
    double rating = 1000;
    double ratingLow = 1000; // 95 % confidence interval
    double ratingHigh = 1000;
    double costUsd = 0; // of this entrant's answers in the counted runs, priced ones
    int unpriced = 0; // answers without a price
    std::optional<double> costPerWinUsd; // nullopt without a win

    int votes() const { return wins + losses + ties; }
    bool operator==(const Row&) const = default;
};

// Best rating first (then more wins, then name).
QList<Row> compute(const QList<VotedRun>& runs, Grouping grouping, const Filter& filter = {}, double priorGames = 1.0);

// Distinct values present in the runs, sorted, for filter choices.
QStringList tiers(const QList<VotedRun>& runs);
QStringList rules(const QList<VotedRun>& runs);
QStringList tags(const QList<VotedRun>& runs);

// The table as CSV, and the evidence behind it: one line per column of every counted run.
QByteArray toCsv(const QList<Row>& rows);
QByteArray votesCsv(const QList<VotedRun>& runs, const Filter& filter = {});
// Writes atomically (QSaveFile).
bool save(const QByteArray& data, const QString& path, QString* errorMessage = nullptr);

} // namespace Leaderboard
