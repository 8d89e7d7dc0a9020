#pragma once

#include "core/workbench/ColumnFigures.h"

#include <QList>
#include <QSet>

// Which column is best in each figure (fastest first token, fastest total, most tokens per
// second, cheapest). Only finished columns compete, and a figure is marked only when at least
// two columns have it, so a lone column is never "best". Ties mark every tied column.
class BestValues
{
public:
    enum Figure
    {
        TimeToFirstToken,
        Latency,
        TokensPerSecond,
        Cost,
    };

    struct Candidate
    {
        ColumnFigures figures;
        bool finished = false; // done; failed, cancelled and running columns do not compete
    };

    static BestValues compute(const QList<Candidate>& candidates);

    bool isBest(int column, Figure figure) const { return m_best[figure].contains(column); }
    QSet<int> best(Figure figure) const { return m_best[figure]; }

private:
    QSet<int> m_best[4];
};
