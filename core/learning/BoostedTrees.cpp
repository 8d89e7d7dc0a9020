#include "core/learning/BoostedTrees.h"

#include <algorithm>
#include <limits>
#include <random>

namespace {
constexpr int kMaxBins = 32;

std::uint8_t binOf(const std::vector<float>& edges, float value)
{
    return std::uint8_t(std::lower_bound(edges.begin(), edges.end(), value) - edges.begin());
}
} // namespace

std::optional<BoostedTrees> BoostedTrees::fromParts(int featureCount, double base, double slope,
                                                    std::vector<quint32> roots, std::vector<Node> nodes)
{
    if (featureCount <= 0) {
        return std::nullopt;
    }
    for (std::size_t t = 0; t < roots.size(); ++t) {
        const std::size_t end = t + 1 < roots.size() ? roots[t + 1] : nodes.size();
        if (roots[t] >= end || end > nodes.size()) {
            return std::nullopt;
        }
        for (std::size_t n = roots[t]; n < end; ++n) {
            const Node& node = nodes[n];
            if (node.feature < 0) {
                continue;
            }
            if (node.feature >= featureCount || node.left <= n || node.right <= n || node.left >= end
                || node.right >= end) {
                return std::nullopt;
            }
        }
    }
    BoostedTrees trees;
    trees.m_featureCount = featureCount;
    trees.m_base = base;
    trees.m_slope = slope;
    trees.m_roots = std::move(roots);
    trees.m_nodes = std::move(nodes);
    trees.pack();
    return trees;
}

double BoostedTrees::predict(const float* x, int rounds) const
{
    double sum = m_base + m_slope * x[0];
    const std::size_t count = rounds < 0 ? m_roots.size() : std::min(m_roots.size(), std::size_t(rounds));
    if (!m_packed.empty()) {
        const std::size_t inner = (std::size_t(1) << m_packedDepth) - 1;
        const float* block = m_packed.data();
        for (std::size_t t = 0; t < count; ++t, block += m_blockSize) {
            const auto* features = reinterpret_cast<const std::uint8_t*>(block + 2 * inner + 1);
            std::size_t at = 0;
            for (int level = 0; level < m_packedDepth; ++level) {
                at = 2 * at + 1 + std::size_t(!(x[features[at]] <= block[at])); // as the node walk: NaN goes right
            }
            sum += block[at]; // the leaves follow the thresholds: slot `at` is the leaf's place
        }
        return sum;
    }
    for (std::size_t t = 0; t < count; ++t) {
        const Node* node = &m_nodes[m_roots[t]];
        while (node->feature >= 0) {
            node = &m_nodes[x[node->feature] <= node->threshold ? node->left : node->right];
        }
        sum += node->value;
    }
    return sum;
}

void BoostedTrees::truncate(int rounds)
{
    if (rounds < 0 || std::size_t(rounds) >= m_roots.size()) {
        return;
    }
    m_nodes.resize(m_roots[std::size_t(rounds)]);
    m_roots.resize(std::size_t(rounds));
    pack();
}

void BoostedTrees::pack()
{
    m_packed.clear();
    m_packedDepth = 0;
    m_blockSize = 0;
    if (m_featureCount > 256) {
        return; // features are stored in a byte
    }
    // The depth of the deepest tree (fromParts has checked that children come after parents).
    std::vector<int> level(m_nodes.size(), 0);
    int depth = 0;
    for (std::size_t t = 0; t < m_roots.size(); ++t) {
        const std::size_t end = t + 1 < m_roots.size() ? m_roots[t + 1] : m_nodes.size();
        for (std::size_t n = m_roots[t]; n < end; ++n) {
            if (m_nodes[n].feature >= 0) {
                level[m_nodes[n].left] = level[n] + 1;
                level[m_nodes[n].right] = level[n] + 1;
                depth = std::max(depth, level[n] + 1);
            }
        }
    }
    if (depth > kMaxPackedDepth) {
        return;
    }
    const std::size_t inner = (std::size_t(1) << depth) - 1;
    // thresholds (inner), leaves (inner + 1), then the inner features as bytes in whole floats
    const std::size_t blockSize = 2 * inner + 1 + (inner + sizeof(float) - 1) / sizeof(float);
    std::vector<float> packed(m_roots.size() * blockSize, 0.0f);
    for (std::size_t t = 0; t < m_roots.size(); ++t) {
        float* block = &packed[t * blockSize];
        auto* features = reinterpret_cast<std::uint8_t*>(block + 2 * inner + 1);
        // (slot, node) pairs; a leaf above the bottom fills its slot's whole subtree: splits on
        // feature 0 at +inf (always left) and its value in every leaf below.
        std::vector<std::pair<std::size_t, quint32>> stack { { 0, m_roots[t] } };
        while (!stack.empty()) {
            const auto [slot, n] = stack.back();
            stack.pop_back();
            const Node& node = m_nodes[n];
            if (slot >= inner) {
                block[slot] = node.value; // a bottom slot: the node is a leaf here
                continue;
            }
            if (node.feature < 0) {
                block[slot] = std::numeric_limits<float>::infinity();
                features[slot] = 0;
                stack.push_back({ 2 * slot + 1, n });
                stack.push_back({ 2 * slot + 2, n });
                continue;
            }
            block[slot] = node.threshold;
            features[slot] = std::uint8_t(node.feature);
            stack.push_back({ 2 * slot + 1, node.left });
            stack.push_back({ 2 * slot + 2, node.right });
        }
    }
    m_packedDepth = depth;
    m_blockSize = blockSize;
    m_packed = std::move(packed);
}

BoostedTrees BoostedTrees::average(const std::vector<BoostedTrees>& models)
{
    BoostedTrees result;
    if (models.empty()) {
        return result;
    }
    const double share = 1.0 / double(models.size());
    result.m_featureCount = models.front().m_featureCount;
    for (const BoostedTrees& model : models) {
        Q_ASSERT(model.m_featureCount == result.m_featureCount);
        result.m_base += model.m_base * share;
        result.m_slope += model.m_slope * share;
        const auto offset = quint32(result.m_nodes.size());
        for (quint32 root : model.m_roots) {
            result.m_roots.push_back(root + offset);
        }
        for (Node node : model.m_nodes) {
            if (node.feature >= 0) {
                node.left += offset;
                node.right += offset;
            } else {
                node.value = float(node.value * share);
            }
            result.m_nodes.push_back(node);
        }
    }
    result.pack();
    return result;
}

BoostedTrees BoostedTrees::fit(const std::vector<float>& x, int featureCount, const std::vector<double>& y,
                               const std::vector<std::size_t>& rows, const BoostingSettings& settings, quint32 seed)
{
    const std::size_t n = rows.size();
    const std::size_t features = std::size_t(featureCount);
    BoostedTrees model;
    model.m_featureCount = featureCount;
    if (n == 0) {
        return model;
    }

    // Quantile bin edges per feature over the rows fitted on; a row's bin b means value <= edges[b].
    std::vector<std::vector<float>> edges(features);
    {
        std::vector<float> values(n);
        for (std::size_t f = 0; f < features; ++f) {
            for (std::size_t i = 0; i < n; ++i) {
                values[i] = x[rows[i] * features + f];
            }
            std::sort(values.begin(), values.end());
            for (int k = 1; k < kMaxBins; ++k) {
                const float edge = values[std::size_t(double(k) / kMaxBins * double(n - 1))];
                if (edges[f].empty() || edge > edges[f].back()) {
                    edges[f].push_back(edge);
                }
            }
        }
    }
    std::vector<std::uint8_t> bins(n * features);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t f = 0; f < features; ++f) {
            bins[i * features + f] = binOf(edges[f], x[rows[i] * features + f]);
        }
    }

    // The starting line: least squares of y over feature 0.
    double meanX = 0;
    double meanY = 0;
    for (std::size_t row : rows) {
        meanX += x[row * features];
        meanY += y[row];
    }
    meanX /= double(n);
    meanY /= double(n);
    double sxy = 0;
    double sxx = 0;
    for (std::size_t row : rows) {
        const double dx = x[row * features] - meanX;
        sxy += dx * (y[row] - meanY);
        sxx += dx * dx;
    }
    model.m_slope = sxx > 0 ? sxy / sxx : 0;
    model.m_base = meanY - model.m_slope * meanX;

    std::vector<double> prediction(n);
    for (std::size_t i = 0; i < n; ++i) {
        prediction[i] = model.m_base + model.m_slope * x[rows[i] * features];
    }
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::vector<double> residual(n);
    std::vector<char> sampled(n);
    std::vector<quint32> nodeOf(n); // index within the tree being built
    std::vector<double> histogramSum;
    std::vector<int> histogramCount;
    for (int round = 0; round < settings.rounds; ++round) {
        for (std::size_t i = 0; i < n; ++i) {
            residual[i] = y[rows[i]] - prediction[i];
            sampled[i] = uniform(random) < settings.subsample;
        }
        std::vector<Node> tree(1);
        std::fill(nodeOf.begin(), nodeOf.end(), 0);
        std::vector<quint32> frontier { 0 };
        for (int level = 0; level < settings.depth && !frontier.empty(); ++level) {
            std::vector<int> slot(tree.size(), -1);
            for (std::size_t k = 0; k < frontier.size(); ++k) {
                slot[frontier[k]] = int(k);
            }
            const std::size_t cells = frontier.size() * features * kMaxBins;
            histogramSum.assign(cells, 0.0);
            histogramCount.assign(cells, 0);
            std::vector<double> totalSum(frontier.size(), 0.0);
            std::vector<int> totalCount(frontier.size(), 0);
            for (std::size_t i = 0; i < n; ++i) {
                const int s = slot[nodeOf[i]];
                if (!sampled[i] || s < 0) {
                    continue;
                }
                totalSum[std::size_t(s)] += residual[i];
                ++totalCount[std::size_t(s)];
                const std::uint8_t* rowBins = &bins[i * features];
                const std::size_t offset = std::size_t(s) * features * kMaxBins;
                for (std::size_t f = 0; f < features; ++f) {
                    const std::size_t cell = offset + f * kMaxBins + rowBins[f];
                    histogramSum[cell] += residual[i];
                    ++histogramCount[cell];
                }
            }
            std::vector<quint32> next;
            std::vector<std::uint8_t> splitBin(tree.size(), 0);
            for (std::size_t k = 0; k < frontier.size(); ++k) {
                const double sum = totalSum[k];
                const int count = totalCount[k];
                const double parent = sum * sum / (count + settings.l2);
                double bestGain = 0;
                int bestFeature = -1;
                int bestBin = -1;
                for (std::size_t f = 0; f < features; ++f) {
                    double leftSum = 0;
                    int leftCount = 0;
                    const std::size_t offset = (k * features + f) * kMaxBins;
                    for (std::size_t b = 0; b < edges[f].size(); ++b) {
                        leftSum += histogramSum[offset + b];
                        leftCount += histogramCount[offset + b];
                        const int rightCount = count - leftCount;
                        if (leftCount < settings.minLeaf || rightCount < settings.minLeaf) {
                            continue;
                        }
                        const double rightSum = sum - leftSum;
                        const double gain = leftSum * leftSum / (leftCount + settings.l2)
                            + rightSum * rightSum / (rightCount + settings.l2) - parent;
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestFeature = int(f);
                            bestBin = int(b);
                        }
                    }
                }
                const quint32 at = frontier[k];
                if (bestFeature < 0) {
                    tree[at].value = float(settings.shrinkage * sum / (count + settings.l2));
                    continue;
                }
                tree[at].feature = bestFeature;
                tree[at].threshold = edges[std::size_t(bestFeature)][std::size_t(bestBin)];
                tree[at].left = quint32(tree.size());
                tree[at].right = quint32(tree.size() + 1);
                splitBin[at] = std::uint8_t(bestBin);
                tree.emplace_back();
                tree.emplace_back();
                next.push_back(tree[at].left);
                next.push_back(tree[at].right);
            }
            for (std::size_t i = 0; i < n; ++i) {
                const quint32 at = nodeOf[i];
                if (slot[at] < 0 || tree[at].feature < 0) {
                    continue;
                }
                nodeOf[i] = bins[i * features + std::size_t(tree[at].feature)] <= splitBin[at] ? tree[at].left
                                                                                               : tree[at].right;
            }
            frontier = std::move(next);
        }
        // The leaves of the last level.
        if (!frontier.empty()) {
            std::vector<double> sum(tree.size(), 0.0);
            std::vector<int> count(tree.size(), 0);
            for (std::size_t i = 0; i < n; ++i) {
                if (sampled[i]) {
                    sum[nodeOf[i]] += residual[i];
                    ++count[nodeOf[i]];
                }
            }
            for (quint32 at : frontier) {
                tree[at].value = float(settings.shrinkage * sum[at] / (count[at] + settings.l2));
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            prediction[i] += tree[nodeOf[i]].value;
        }
        const quint32 root = quint32(model.m_nodes.size());
        model.m_roots.push_back(root);
        for (Node node : tree) {
            if (node.feature >= 0) {
                node.left += root;
                node.right += root;
            }
            model.m_nodes.push_back(node);
        }
    }
    model.pack();
    return model;
}
