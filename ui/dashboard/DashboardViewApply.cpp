// How a query result reaches the screen: headline cards, charts, the failover table.
#include "ui/dashboard/ChartPanel.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/FailoverChart.h"
#include "ui/dashboard/HeadlineCard.h"
#include "ui/dashboard/LatencyChart.h"
#include "ui/dashboard/PrimariesCard.h"
#include "ui/dashboard/SpendChart.h"
#include "ui/dashboard/TierChart.h"
#include "ui/dashboard/UptimeChart.h"

#include "core/common/FailureClass.h"
#include "core/common/Money.h"
#include "core/pricing/BudgetTracker.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>

void DashboardView::apply(const DashboardResult& result)
{
    if (result.generation != m_latest->load()) {
        return; // a newer request is on its way
    }
    m_result = result;
    m_periodPhrase = m_filterBar->periodPhrase();
    m_filterBar->setAvailable(result.providerNames, result.modelNames, result.tierNames);
    m_filterBar->setAvailableClientKeys(result.clientKeyNames);
    if (!result.error.isEmpty()) {
        m_filterBar->setStatus(tr("Could not read the ledger"));
        showEmptyEverywhere(tr("Could not read the ledger: %1").arg(result.error));
        finishApply(result.generation);
    } else {
        m_filterBar->setStatus(tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        applyCards();
        applyCharts();
    }
}

void DashboardView::applyCards()
{
    const LedgerTotals& t = m_result.totals;
    const LedgerTotals& before = m_result.previousTotals;
    QString change;
    if (before.spendUsd > 0) {
        const double percent = (t.spendUsd - before.spendUsd) / before.spendUsd * 100;
        const double ratio = t.spendUsd / before.spendUsd;
        if (ratio >= 10) {
            // "▲ 481,115%" over a tiny base says less than the multiple.
            change = tr("▲ %1 times the period before (%2)")
                         .arg(QLocale().toString(ratio, 'f', 0), Money::format(before.spendUsd));
        } else {
            change = tr("%1 %2 vs the period before (%3)")
                         .arg(percent >= 0 ? QStringLiteral("▲") : QStringLiteral("▼"),
                              ChartStyle::formatPercent(qAbs(percent), qAbs(percent) >= 100 ? 0 : 1),
                              Money::format(before.spendUsd));
        }
    } else {
        change = tr("No spend in the period before");
    }
    if (t.estimatedCostRequests > 0) {
        // Stopped or broken-off answers are charged for what they generated, counted by us.
        change += u'\n'
            + tr("includes %Ln estimated cost(s) of unfinished answers", nullptr, int(t.estimatedCostRequests));
    }
    if (t.unpricedRequests > 0) {
        change += u'\n' + tr("%Ln request(s) to unpriced models not counted", nullptr, int(t.unpricedRequests));
    }
    card(Card::Spend)->setValue(Money::format(t.spendUsd), change);
    card(Card::Requests)
        ->setValue(ChartStyle::formatCount(t.requests),
                   tr("%1 failed · %2 answered from cache")
                       .arg(ChartStyle::formatCount(t.failures), ChartStyle::formatCount(t.cachedAnswers)));
    card(Card::FailoverRate)
        ->setValue(ChartStyle::formatPercent(t.failoverRate * 100, 1),
                   tr("%1 of %2 requests failed over")
                       .arg(ChartStyle::formatCount(t.failedOverRequests), ChartStyle::formatCount(t.requests)));
    const SavingsResult& s = m_result.savings;
    const QString reference = m_filterBar->referenceModel();
    if (reference.isEmpty() || !s.savingsUsd) {
        card(Card::Savings)->setValue(QStringLiteral("—"), tr("Add a price to a model to compare with it"));
    } else {
        // The share says how much, where two small amounts can round to the same cents.
        const double referenceUsd = *s.referenceCostUsd;
        const QString referenceCost = Money::format(referenceUsd);
        QString versus = tr("vs %1 on %2 for the same tokens").arg(referenceCost, reference);
        if (referenceUsd > 0) {
            const double ratio = (referenceUsd - *s.savingsUsd) / referenceUsd; // what was spent, relative
            const int percent = qRound(qAbs(1 - ratio) * 100);
            if (ratio <= 1) {
                versus = tr("%1% less than %2 on %3 for the same tokens").arg(percent).arg(referenceCost, reference);
            } else if (ratio < 2) {
                versus = tr("%1% more than %2 on %3 for the same tokens").arg(percent).arg(referenceCost, reference);
            } else {
                versus = tr("%1 times the %2 on %3 for the same tokens")
                             .arg(QLocale().toString(ratio, 'f', ratio < 10 ? 1 : 0), referenceCost, reference);
            }
        }
        card(Card::Savings)
            ->setValue(
                Money::format(*s.savingsUsd), versus,
                tr("%1 priced requests compared; %2 unpriced left out")
                    .arg(ChartStyle::formatCount(s.pricedRequests), ChartStyle::formatCount(s.unpricedRequests)));
    }
    updateBudgetCard();
}

void DashboardView::updateBudgetCard()
{
    HeadlineCard* budget = card(Card::Budget);
    if (!m_sources.budgets) {
        budget->setValue(QStringLiteral("—"), tr("No budget set. Add one in Settings."));
        return;
    }
    const QList<ScopeUsage> usage = m_sources.budgets->usage();
    const ScopeUsage* fullest = nullptr;
    for (const ScopeUsage& scope : usage) {
        if (scope.limitUsd > 0 && (!fullest || scope.usedFraction() > fullest->usedFraction())) {
            fullest = &scope;
        }
    }
    if (!fullest) {
        budget->setValue(QStringLiteral("—"), tr("No budget set. Add one in Settings."));
        return;
    }
    budget->setValue(ChartStyle::formatPercent(fullest->usedFraction() * 100, 0),
                     tr("%1 of %2 (%3)")
                         .arg(Money::format(fullest->spentUsd + fullest->reservedUsd), Money::format(fullest->limitUsd),
                              fullest->scope.displayName()));
}

void DashboardView::showEmptyEverywhere(const QString& text)
{
    for (ChartPanel* chartPanel : m_panels) {
        chartPanel->showEmpty(text);
    }
    m_failoverModel->setRowCount(0);
    m_savingsModel->setRowCount(0);
    m_failoverTable->setVisible(false);
    m_primaries->showEmpty(text);
}

void DashboardView::applyCharts()
{
    const quint64 generation = m_result.generation;
    for (ChartPanel* chartPanel : m_panels) {
        chartPanel->chartView()->setUpdatesEnabled(true); // a slice that would have turned them on was dropped
    }
    if (m_result.totals.requests == 0 && m_result.failovers.isEmpty()) {
        showEmptyEverywhere(m_filterBar->hasColumnFilters()
                                ? tr("No requests match these filters %1.").arg(m_periodPhrase)
                                : tr("No requests %1 — send one from the Workbench.").arg(m_periodPhrase));
        finishApply(generation);
        return;
    }
    DashboardCharts::Context context;
    context.filter = m_query.filter;
    context.palette = &palette();
    context.drill = [this](const DrillDownQuery& query) { showRequests(query, tr("Matching requests")); };
    DashboardCharts::Context timeContext = context;
    context.bucket = m_query.spendBucket;
    timeContext.bucket = m_query.uptimeBucket;
    // Two slices per chart: one replaces its data and redoes its layout with the view's updates
    // off, the next turns them on. The paint follows in a turn of its own, so updating one chart
    // and painting another, or the same one, never run back to back (see runNextStage).
    QList<std::function<void()>> stages;
    auto addChart = [&](Panel name, std::function<void()> update) {
        stages << [this, name, update] {
            ChartPanel* chartPanel = panel(name);
            chartPanel->chartView()->setUpdatesEnabled(false);
            chartPanel->showChart();
            update();
            // The legend too: left to its own LayoutRequest, it would move and repaint the chart
            // again a turn later.
            chartPanel->chart()->layout()->activate();
            chartPanel->chart()->legend()->layout()->activate();
        };
        stages << [this, name] { panel(name)->chartView()->setUpdatesEnabled(true); };
    };
    addChart(Panel::Spend, [this, context] { m_spendChart->setData(m_result.spend, m_query.split, context); });
    addChart(Panel::Tiers, [this, context] { m_tierChart->setData(m_result.tierUsage, context); });
    if (m_result.uptime.overall.isEmpty()) {
        stages << [this] { panel(Panel::Uptime)->showEmpty(tr("No provider attempts %1.").arg(m_periodPhrase)); };
    } else {
        addChart(Panel::Uptime, [this, timeContext] { m_uptimeChart->setData(m_result.uptime, timeContext); });
    }
    bool answered = false;
    for (const LatencyRow& row : m_result.latency) {
        answered = answered || row.latency.samples > 0;
    }
    if (answered) {
        addChart(Panel::Latency, [this, context] { m_latencyChart->setData(m_result.latency, context); });
    } else {
        stages << [this] {
            panel(Panel::Latency)->showEmpty(tr("No answered requests %1, so no latency to show.").arg(m_periodPhrase));
        };
    }
    if (m_result.failoverCounts.isEmpty()) {
        stages << [this] {
            const qint64 failed = m_result.totals.failures;
            // Failed requests without a failover were not answered by anything: say so.
            panel(Panel::Failovers)
                ->showEmpty(
                    failed > 0
                        ? tr("No failovers %1, and %Ln request(s) failed without one (no other model was "
                             "tried).",
                             nullptr, int(failed))
                              .arg(m_periodPhrase)
                        : tr("No failovers %1 — every request was answered by its first choice.").arg(m_periodPhrase));
        };
    } else {
        addChart(Panel::Failovers,
                 [this, timeContext] { m_failoverChart->setData(m_result.failoverCounts, timeContext); });
    }
    stages << [this] { fillFailoverTable(); };
    stages << [this] { fillSavingsTable(); };
    stages << [this] { m_primaries->setRows(m_result.primaries, m_query.primaryRule); };
    m_stages = stages;
    m_stageGeneration = generation;
    m_paintTurn = true; // the headline cards were just updated: their paint goes first
    m_stageTimer.start();
}

void DashboardView::runNextStage()
{
    if (m_stageGeneration != m_result.generation) {
        m_stages.clear(); // a newer result took over
        return;
    }
    if (m_stages.isEmpty()) {
        finishApply(m_stageGeneration);
        return;
    }
    if (m_paintTurn) {
        m_paintTurn = false; // this turn belongs to the paint the last slice caused
        m_stageTimer.start();
        return;
    }
    m_stages.takeFirst()();
    m_paintTurn = true;
    m_stageTimer.start();
}

void DashboardView::finishApply(quint64 generation)
{
    m_appliedGeneration = generation;
    emit refreshed(generation, m_result.elapsedMs);
}

void DashboardView::fillSavingsTable()
{
    m_savingsModel->setRowCount(0);
    const QLocale locale;
    for (const SavingsClassRow& row : m_result.savingsByClass) {
        const std::optional<double> share = row.savingsShare();
        QList<QStandardItem*> items {
            new QStandardItem(row.tier.isEmpty() ? tr("(no tier)") : row.tier),
            new QStandardItem(row.model),
            new QStandardItem(ChartStyle::formatCount(row.requests)),
            new QStandardItem(ChartStyle::formatCount(row.promptTokens + row.completionTokens)),
            new QStandardItem(Money::format(row.costUsd)),
            new QStandardItem(row.referenceCostUsd ? Money::format(*row.referenceCostUsd) : QStringLiteral("—")),
            new QStandardItem(share ? tr("%1%").arg(locale.toString(*share * 100, 'f', 1)) : QStringLiteral("—")),
        };
        for (int column = 2; column < items.size(); ++column) {
            items[column]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        m_savingsModel->appendRow(items);
    }
}

void DashboardView::fillFailoverTable()
{
    m_failoverModel->setRowCount(0);
    const QLocale locale;
    for (const FailoverEvent& event : m_result.failovers) {
        bool ok = false;
        const FailureClass failureClass = FailureClasses::fromId(event.failureClass, &ok);
        m_failoverModel->appendRow(
            { new QStandardItem(locale.toString(event.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
              new QStandardItem(event.fromModel), new QStandardItem(event.toModel),
              new QStandardItem(ok ? FailureClasses::displayName(failureClass) : event.failureClass),
              new QStandardItem(event.message) });
    }
    m_failoverTable->setVisible(!m_result.failovers.isEmpty());
    // A cut list says so, with the way to the rest.
    const qint64 shown = m_result.failovers.size();
    const bool cut = m_result.failoverTotal > shown;
    if (cut) {
        m_failoverNote->setText(tr("Showing the newest %1 of %2 failovers.")
                                    .arg(locale.toString(shown), locale.toString(m_result.failoverTotal)));
        m_failoverAll->setText(tr("Show all %1").arg(locale.toString(m_result.failoverTotal)));
    }
    m_failoverNote->setVisible(cut);
    m_failoverAll->setVisible(cut);
}
