#include "core/learning/RoutingQuality.h"

#include <algorithm>
#include <numeric>

RoutingQuality::RoutingQuality(std::vector<ScoredPrompt> prompts)
{
    std::vector<std::size_t> order(prompts.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return prompts[a].pStrong > prompts[b].pStrong; });
    m_sorted.reserve(prompts.size());
    for (std::size_t index : order) {
        m_sorted.push_back(prompts[index]);
        m_weakSum += prompts[index].weak;
        m_strongSum += prompts[index].strong;
    }
    m_quality.resize(m_sorted.size() + 1);
    m_quality[0] = m_weakSum;
    for (std::size_t k = 0; k < m_sorted.size(); ++k) {
        m_quality[k + 1] = m_quality[k] + m_sorted[k].strong - m_sorted[k].weak;
    }
    if (m_sorted.empty() || m_strongSum <= m_weakSum) {
        return; // no gap to recover: the figures stay at their random values
    }
    // Trapezoids between consecutive shares k/n and (k+1)/n.
    double area = 0;
    for (std::size_t k = 0; k < m_sorted.size(); ++k) {
        area += (pgrAt(k) + pgrAt(k + 1)) / 2;
    }
    m_apgr = area / double(m_sorted.size());
}

double RoutingQuality::pgrAt(std::size_t strongCount) const
{
    const double gap = m_strongSum - m_weakSum;
    return gap > 0 ? (m_quality[strongCount] - m_weakSum) / gap
                   : double(strongCount) / std::max<std::size_t>(1, size());
}

double RoutingQuality::cpt(double gap) const
{
    for (std::size_t k = 0; k <= m_sorted.size(); ++k) {
        if (pgrAt(k) >= gap) {
            return double(k) / std::max<std::size_t>(1, m_sorted.size());
        }
    }
    return 1.0;
}

QList<QualityPoint> RoutingQuality::curve(int points) const
{
    QList<QualityPoint> result;
    const std::size_t n = m_sorted.size();
    for (int step = 0; step < std::max(2, points); ++step) {
        const std::size_t k = std::size_t(double(step) / (std::max(2, points) - 1) * double(n) + 0.5);
        QualityPoint point;
        point.strongShare = n ? double(k) / double(n) : 0;
        point.gapRecovered = pgrAt(std::min(k, n));
        point.threshold = k == 0 ? 1.0 : m_sorted[std::min(k, n) - 1].pStrong;
        result.append(point);
    }
    return result;
}

QualityPoint RoutingQuality::atThreshold(double threshold) const
{
    // m_sorted is descending: count the prompts at or above the threshold.
    const auto end = std::partition_point(m_sorted.begin(), m_sorted.end(),
                                          [threshold](const ScoredPrompt& p) { return p.pStrong >= threshold; });
    const std::size_t k = std::size_t(end - m_sorted.begin());
    QualityPoint point;
    point.strongShare = m_sorted.empty() ? 0 : double(k) / double(m_sorted.size());
    point.gapRecovered = pgrAt(k);
    point.threshold = threshold;
    return point;
}
