#pragma once

#include <QtGlobal>

#include <array>

// Fixed log-scale buckets for latency and time-to-first-token, stored as columns of the
// hourly rollup so that percentiles never need the raw rows.
//
// Bucket 0 holds [0, 10 ms], buckets 1..38 split (10 ms, 10 min] into equal ratios of
// about 1.335, bucket 39 holds everything above 10 min. A percentile is interpolated
// inside the bucket that holds it, so it is exact to within one bucket: at most about
// 33 % above or 25 % below the true value (10 min reported for anything above 10 min).
namespace LatencyHistogram {
constexpr int kBuckets = 40;
using Counts = std::array<qint64, kBuckets>;

int bucketFor(qint64 ms);
double lowerBound(int bucket);
double upperBound(int bucket);
// p in (0, 1]; returns -1 when the histogram is empty.
double percentile(const Counts& counts, double p);
qint64 total(const Counts& counts);
} // namespace LatencyHistogram
