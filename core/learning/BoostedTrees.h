#pragma once

#include <QtGlobal>

#include <cstdint>
#include <optional>
#include <vector>

struct BoostingSettings
{
    int depth = 4;
    int minLeaf = 20; // rows a leaf needs at least
    double shrinkage = 0.01;
    double l2 = 10; // added to a leaf's row count when its value is averaged
    double subsample = 0.8; // share of rows each tree sees
    int rounds = 600;
};

// Gradient-boosted regression trees for the squared loss over dense features, started from the
// least-squares line over feature 0 (the stacked linear score): each tree fits what the line and
// the trees before it leave over. Splits are searched over at most 32 quantile bins per feature.
// Deterministic for a seed.
class BoostedTrees final
{
public:
    struct Node
    {
        qint32 feature = -1; // -1: a leaf with `value`
        float threshold = 0; // x[feature] <= threshold goes left
        quint32 left = 0;
        quint32 right = 0;
        float value = 0;
    };

    BoostedTrees() = default;
    // From stored parts; empty (isValid() false) when a node's feature or children are out of
    // range or a child does not come after its parent (so no walk can loop).
    static std::optional<BoostedTrees> fromParts(int featureCount, double base, double slope,
                                                 std::vector<quint32> roots, std::vector<Node> nodes);

    // x: row-major, featureCount values per row; rows: the rows to fit on.
    static BoostedTrees fit(const std::vector<float>& x, int featureCount, const std::vector<double>& y,
                            const std::vector<std::size_t>& rows, const BoostingSettings& settings, quint32 seed);

    bool isValid() const { return m_featureCount > 0; }
    int featureCount() const { return m_featureCount; }
    int rounds() const { return int(m_roots.size()); }
    double base() const { return m_base; }
    double slope() const { return m_slope; }
    const std::vector<quint32>& roots() const { return m_roots; }
    const std::vector<Node>& nodes() const { return m_nodes; }

    // The prediction of the first `rounds` trees (all when negative).
    double predict(const float* x, int rounds = -1) const;
    // Keeps the first `rounds` trees.
    void truncate(int rounds);
    // One model whose prediction is the mean of the models' (all of one feature count): their
    // trees one after the other with the leaves divided by the count, the lines averaged. Its
    // rounds are all of theirs, so truncate() no longer means a number of boosting rounds.
    static BoostedTrees average(const std::vector<BoostedTrees>& models);

private:
    // Lays the trees out for predict(): each as a complete tree of the model's depth in one
    // block (thresholds, then leaves, then features), children found by index, a leaf above the
    // bottom stood in for by splits that always go left. A walk then reads a block of 140 bytes
    // (depth 4) instead of five scattered 20-byte nodes: the averaged routers carry 1,800 trees,
    // and the scattered walk was about half of a decision. Left empty for trees deeper than
    // kMaxPackedDepth (then predict() walks the nodes).
    void pack();
    static constexpr int kMaxPackedDepth = 8;

    int m_featureCount = 0;
    double m_base = 0;
    double m_slope = 0;
    std::vector<quint32> m_roots; // index of each tree's root in m_nodes
    std::vector<Node> m_nodes;
    int m_packedDepth = 0;
    std::size_t m_blockSize = 0; // floats per tree
    std::vector<float> m_packed;
};
