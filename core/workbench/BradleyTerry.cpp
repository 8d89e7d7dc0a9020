#include "core/workbench/BradleyTerry.h"

#include <QtNumeric>

#include <algorithm>
#include <cmath>

namespace BradleyTerry {

namespace {
constexpr int kMaxIterations = 20000;
constexpr double kTolerance = 1e-10;

// Inverse of a small symmetric positive definite matrix by Gauss-Jordan elimination with partial
// pivoting; empty when it is singular.
QList<QList<double>> inverse(QList<QList<double>> m)
{
    const int n = int(m.size());
    QList<QList<double>> inv(n, QList<double>(n, 0.0));
    for (int i = 0; i < n; ++i) {
        inv[i][i] = 1.0;
    }
    for (int col = 0; col < n; ++col) {
        int pivot = col;
        for (int row = col + 1; row < n; ++row) {
            if (std::abs(m[row][col]) > std::abs(m[pivot][col])) {
                pivot = row;
            }
        }
        if (std::abs(m[pivot][col]) < 1e-14) {
            return {};
        }
        std::swap(m[col], m[pivot]);
        std::swap(inv[col], inv[pivot]);
        const double scale = m[col][col];
        for (int k = 0; k < n; ++k) {
            m[col][k] /= scale;
            inv[col][k] /= scale;
        }
        for (int row = 0; row < n; ++row) {
            if (row == col || m[row][col] == 0.0) {
                continue;
            }
            const double factor = m[row][col];
            for (int k = 0; k < n; ++k) {
                m[row][k] -= factor * m[col][k];
                inv[row][k] -= factor * inv[col][k];
            }
        }
    }
    return inv;
}
} // namespace

Fit fit(int players, const QList<Game>& games, double priorGames)
{
    Fit result;
    if (players <= 0) {
        result.converged = true;
        return result;
    }
    QList<double> wins(players, priorGames * 0.5);
    for (const Game& game : games) {
        wins[game.a] += game.scoreA;
        wins[game.b] += 1.0 - game.scoreA;
    }
    QList<double> p(players, 1.0);
    QList<double> denominator(players);
    for (result.iterations = 1; result.iterations <= kMaxIterations; ++result.iterations) {
        for (int i = 0; i < players; ++i) {
            denominator[i] = priorGames / (p[i] + 1.0);
        }
        for (const Game& game : games) {
            const double share = 1.0 / (p[game.a] + p[game.b]);
            denominator[game.a] += share;
            denominator[game.b] += share;
        }
        QList<double> next(players);
        for (int i = 0; i < players; ++i) {
            // Kept inside a finite range: without the prior a player with no win heads for 0.
            next[i] = std::clamp(denominator[i] > 0 ? wins[i] / denominator[i] : p[i], 1e-12, 1e12);
        }
        if (priorGames <= 0) {
            // Without a reference player only ratios are defined: keep the geometric mean at 1.
            double logMean = 0;
            for (double value : next) {
                logMean += std::log(value);
            }
            logMean /= players;
            for (double& value : next) {
                value /= std::exp(logMean);
            }
        }
        double change = 0;
        for (int i = 0; i < players; ++i) {
            change = std::max(change, std::abs(std::log(next[i]) - std::log(p[i])));
        }
        p = next;
        if (change < kTolerance) {
            result.converged = true;
            break;
        }
    }
    result.iterations = std::min(result.iterations, kMaxIterations);
    for (double value : p) {
        result.theta.append(std::log(value));
    }

    // Fisher information in theta: each game adds p_i p_j / (p_i + p_j)^2 to the Laplacian of the
    // comparison graph; the virtual games against the reference add to the diagonal only.
    QList<QList<double>> information(players, QList<double>(players, 0.0));
    for (int i = 0; i < players; ++i) {
        information[i][i] = priorGames * p[i] / ((p[i] + 1.0) * (p[i] + 1.0));
    }
    for (const Game& game : games) {
        const double sum = p[game.a] + p[game.b];
        const double weight = p[game.a] * p[game.b] / (sum * sum);
        information[game.a][game.a] += weight;
        information[game.b][game.b] += weight;
        information[game.a][game.b] -= weight;
        information[game.b][game.a] -= weight;
    }
    QList<QList<double>> covariance;
    if (priorGames > 0) {
        covariance = inverse(information);
    } else {
        // The Laplacian is singular along (1, ..., 1), the direction the normalisation fixes: its
        // pseudo-inverse is (L + J/n)^-1 - J/n for a connected graph.
        const double share = 1.0 / players;
        for (auto& row : information) {
            for (double& value : row) {
                value += share;
            }
        }
        covariance = inverse(information);
        for (auto& row : covariance) {
            for (double& value : row) {
                value -= share;
            }
        }
    }
    for (int i = 0; i < players; ++i) {
        const double variance = covariance.isEmpty() ? qInf() : covariance[i][i];
        result.standardError.append(variance > 0 ? std::sqrt(variance) : qInf());
    }
    return result;
}

double ratingScale()
{
    return 400.0 / std::log(10.0);
}

double rating(double theta)
{
    return 1000.0 + ratingScale() * theta;
}

} // namespace BradleyTerry
