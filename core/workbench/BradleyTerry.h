#pragma once

#include <QList>

// The Bradley-Terry model of paired comparisons: P(i beats j) = p_i / (p_i + p_j), with the
// strengths fitted by maximum likelihood with Hunter's MM algorithm (Ann. Statist. 32, 2004) and
// their standard errors from the inverse of the Hessian (the Fisher information) at the optimum.
// A tie counts half a win for each side. Pure functions: the leaderboard feeds them its votes.
namespace BradleyTerry {

struct Game
{
    int a = 0;
    int b = 0;
    double scoreA = 1.0; // 1: a won, 0: b won, 0.5: tie
};

struct Fit
{
    QList<double> theta; // log-strength ln p_i
    QList<double> standardError; // of theta
    int iterations = 0;
    bool converged = false;
};

// `priorGames` virtual tied games of every player against a reference player of strength 1
// (theta 0) keep the fit finite when a player has only wins or only losses, and pull players with
// little evidence towards the reference; theta then is relative to the reference. With 0 the fit
// is the plain maximum likelihood, normalised to a geometric mean of 1 (sum of theta 0); it is
// finite only when every player has both a win (or tie) and a loss (or tie) in a connected graph.
Fit fit(int players, const QList<Game>& games, double priorGames = 1.0);

// theta on the Elo scale: 1000 + 400 * log10(e) * theta (a 10:1 strength ratio is 400 points).
double rating(double theta);
// Elo points per unit of theta, for standard errors.
double ratingScale();
// The two-sided 95 % normal quantile used for confidence intervals.
constexpr double kZ95 = 1.959963984540054;

} // namespace BradleyTerry
