#include "core/ledger/LatencyHistogram.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace {
constexpr double kFirstEdgeMs = 10.0;
constexpr double kLastEdgeMs = 600000.0;
constexpr int kInnerBuckets = LatencyHistogram::kBuckets - 2;

double ratio()
{
    static const double value = std::pow(kLastEdgeMs / kFirstEdgeMs, 1.0 / kInnerBuckets);
    return value;
}
} // namespace

int LatencyHistogram::bucketFor(qint64 ms)
{
    // Upper edges computed once; the writer calls this for every request.
    static const std::array<double, kBuckets - 1> edges = [] {
        std::array<double, kBuckets - 1> result {};
        for (int i = 0; i < kBuckets - 1; ++i) {
            result[size_t(i)] = upperBound(i);
        }
        return result;
    }();
    return int(std::lower_bound(edges.begin(), edges.end(), double(ms)) - edges.begin());
}

double LatencyHistogram::lowerBound(int bucket)
{
    if (bucket <= 0) {
        return 0;
    }
    return upperBound(bucket - 1);
}

double LatencyHistogram::upperBound(int bucket)
{
    if (bucket >= kBuckets - 1) {
        return kLastEdgeMs;
    }
    return kFirstEdgeMs * std::pow(ratio(), bucket);
}

qint64 LatencyHistogram::total(const Counts& counts)
{
    qint64 sum = 0;
    for (qint64 count : counts) {
        sum += count;
    }
    return sum;
}

double LatencyHistogram::percentile(const Counts& counts, double p)
{
    const qint64 all = total(counts);
    if (all == 0) {
        return -1;
    }
    // Rank of the wanted sample, 1-based (nearest-rank definition).
    const double rank = std::max(1.0, std::ceil(p * double(all)));
    qint64 before = 0;
    for (int bucket = 0; bucket < kBuckets; ++bucket) {
        const qint64 here = counts[size_t(bucket)];
        if (here > 0 && before + here >= rank) {
            if (bucket == kBuckets - 1) {
                return kLastEdgeMs;
            }
            const double within = (rank - double(before)) / double(here);
            return lowerBound(bucket) + within * (upperBound(bucket) - lowerBound(bucket));
        }
        before += here;
    }
    return kLastEdgeMs;
}
