#pragma once

#include <QList>

#include <vector>

// How well a router's ranking splits prompts between a weak and a strong model, measured as
// RouteLLM does: sweep the threshold from "all weak" to "all strong" and follow the share of the
// weak-to-strong quality gap recovered (PGR) against the share of calls sent to the strong model.
//
// APGR: the area under that curve (random routing 0.5). CPT(x): the smallest share of strong
// calls that recovers x of the gap (random x, perfect about the share where strong is better).
struct ScoredPrompt
{
    double pStrong = 0; // the router's estimate; higher goes to the strong model first
    double weak = 0; // the weak model's score on the prompt
    double strong = 0;
};

struct QualityPoint
{
    double strongShare = 0; // 0..1
    double gapRecovered = 0; // 0 at all-weak, 1 at all-strong (may pass 1: weak is better on some)
    double threshold = 0; // the p_strong at and above which prompts went to strong
};

class RoutingQuality final
{
public:
    // Ties in pStrong are broken by position, so the figures are deterministic.
    explicit RoutingQuality(std::vector<ScoredPrompt> prompts);

    int size() const { return int(m_sorted.size()); }
    double apgr() const { return m_apgr; }
    // Share of strong calls needed to recover `gap` (0..1) of the gap; 1 when never reached.
    double cpt(double gap) const;
    // The curve at `points` evenly spaced shares (both ends included), for plots and reports.
    QList<QualityPoint> curve(int points) const;
    // The point a threshold lands on: strong share and gap recovered when p >= threshold goes strong.
    QualityPoint atThreshold(double threshold) const;
    double weakMean() const { return m_weakSum / std::max<std::size_t>(1, m_sorted.size()); }
    double strongMean() const { return m_strongSum / std::max<std::size_t>(1, m_sorted.size()); }

private:
    double pgrAt(std::size_t strongCount) const;

    std::vector<ScoredPrompt> m_sorted; // by pStrong, highest first
    std::vector<double> m_quality; // m_quality[k]: total score with the first k sent to strong
    double m_weakSum = 0;
    double m_strongSum = 0;
    double m_apgr = 0.5;
};
