#include "ui/dashboard/TierChart.h"

#include "core/common/Money.h"
#include "ui/dashboard/ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCoreApplication>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

TierChart::TierChart()
    : m_prompt(new QBarSet(QCoreApplication::translate("DashboardCharts", "Prompt tokens")))
    , m_completion(new QBarSet(QCoreApplication::translate("DashboardCharts", "Completion tokens")))
    , m_bars(new QStackedBarSeries)
    , m_requests(new QLineSeries)
    , m_xAxis(new QBarCategoryAxis)
    , m_tokensAxis(ChartStyle::valueAxis(QCoreApplication::translate("DashboardCharts", "Tokens (millions)"),
                                         QStringLiteral("%.1f")))
    , m_requestsAxis(ChartStyle::valueAxis(QString(), QStringLiteral("%.0f")))
{
    m_prompt->setColor(DashboardCharts::seriesColor(0));
    m_completion->setColor(DashboardCharts::seriesColor(3));
    m_prompt->setBorderColor(Qt::transparent);
    m_completion->setBorderColor(Qt::transparent);
    m_bars->append(m_prompt);
    m_bars->append(m_completion);
    m_bars->setBarWidth(0.55);
    m_requests->setName(QCoreApplication::translate("DashboardCharts", "Requests"));
    m_requests->setPen(QPen(DashboardCharts::seriesColor(1), 2.5));
    m_requests->setPointsVisible(true);
    addSeries(m_bars);
    addSeries(m_requests);
    addAxis(m_xAxis, Qt::AlignBottom);
    addAxis(m_tokensAxis, Qt::AlignLeft);
    addAxis(m_requestsAxis, Qt::AlignRight);
    m_bars->attachAxis(m_xAxis);
    m_bars->attachAxis(m_tokensAxis);
    m_requests->attachAxis(m_xAxis);
    m_requests->attachAxis(m_requestsAxis);
    connect(m_bars, &QStackedBarSeries::hovered, this, [this](bool status, int index, QBarSet*) {
        status&& index < m_rows.size() ? ChartStyle::showTip(describe(index)) : ChartStyle::hideTip();
    });
    connect(m_requests, &QLineSeries::hovered, this, [this](const QPointF& point, bool state) {
        const int index = qRound(point.x());
        state&& index >= 0 && index < m_rows.size() ? ChartStyle::showTip(describe(index)) : ChartStyle::hideTip();
    });
    connect(m_bars, &QStackedBarSeries::clicked, this, [this](int index, QBarSet*) {
        if (m_context.drill && index < m_rows.size()) {
            DrillDownQuery query;
            query.filter = m_context.filter;
            query.filter.tiers = { m_rows[index].tier };
            m_context.drill(query);
        }
    });
}

void TierChart::setData(const QList<TierUsageRow>& rows, const DashboardCharts::Context& context)
{
    m_context = context;
    m_rows = rows;
    QStringList categories;
    QList<qreal> prompt;
    QList<qreal> completion;
    qint64 maxRequests = 0;
    qint64 mostTokens = 0;
    for (const TierUsageRow& row : rows) {
        maxRequests = std::max(maxRequests, row.requests);
        mostTokens = std::max(mostTokens, row.promptTokens + row.completionTokens);
    }
    // Tokens in the unit that keeps the axis readable: "1.6" thousand, not "0.0016" million.
    const bool millions = mostTokens >= 1000000;
    const double tokenScale = millions ? 1e6 : mostTokens >= 1000 ? 1e3 : 1.0;
    for (const TierUsageRow& row : rows) {
        categories << (row.tier.isEmpty() ? QCoreApplication::translate("DashboardCharts", "(no tier)") : row.tier);
        prompt << double(row.promptTokens) / tokenScale;
        completion << double(row.completionTokens) / tokenScale;
    }
    const double maxTokens = double(mostTokens) / tokenScale;
    // Large counts in thousands: "250" reads better than "250000" on an axis.
    const bool thousands = maxRequests >= 10000;
    const double requestScale = thousands ? 1000.0 : 1.0;
    QList<QPointF> points;
    for (int i = 0; i < rows.size(); ++i) {
        points << QPointF(i, double(rows[i].requests) / requestScale);
    }
    if (m_xAxis->categories() != categories) {
        m_xAxis->setCategories(categories);
    }
    ChartStyle::setBarValues(m_prompt, prompt);
    ChartStyle::setBarValues(m_completion, completion);
    ChartStyle::replacePoints(m_requests, points);
    ChartStyle::setTitle(m_tokensAxis,
                         millions             ? QCoreApplication::translate("DashboardCharts", "Tokens (millions)")
                             : tokenScale > 1 ? QCoreApplication::translate("DashboardCharts", "Tokens (thousands)")
                                              : QCoreApplication::translate("DashboardCharts", "Tokens"));
    ChartStyle::fitDecimals(m_tokensAxis, maxTokens > 0 ? maxTokens * 1.1 : 1);
    ChartStyle::setNiceRange(m_tokensAxis, maxTokens > 0 ? maxTokens * 1.1 : 1);
    ChartStyle::setTitle(m_requestsAxis,
                         thousands ? QCoreApplication::translate("DashboardCharts", "Requests (thousands)")
                                   : QCoreApplication::translate("DashboardCharts", "Requests"));
    ChartStyle::setNiceRange(m_requestsAxis, maxRequests > 0 ? double(maxRequests) / requestScale * 1.1 : 1);
    applyStyle(*context.palette);
}

QString TierChart::describe(int index) const
{
    const TierUsageRow& r = m_rows[index];
    return QCoreApplication::translate("DashboardCharts",
                                       "Tier %1\n%2 requests (%3 failed)\nPrompt tokens: %4 (cached %5)\n"
                                       "Completion tokens: %6\nCost: %7")
        .arg(r.tier, ChartStyle::formatCount(r.requests), ChartStyle::formatCount(r.failures),
             ChartStyle::formatCount(r.promptTokens), ChartStyle::formatCount(r.cachedTokens),
             ChartStyle::formatCount(r.completionTokens), Money::format(r.costUsd));
}
