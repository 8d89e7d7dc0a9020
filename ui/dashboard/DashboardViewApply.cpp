// How a query result reaches the screen: headline cards, charts, the failover table.
#include "ChartPanel.h"
#include "ChartStyle.h"
#include "DashboardCharts.h"
#include "DashboardView.h"
#include "HeadlineCard.h"

#include "common/FailureClass.h"
#include "pricing/BudgetTracker.h"

#include <QLocale>
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
        change = tr("%1 %2% vs the period before (%3)")
                     .arg(percent >= 0 ? QStringLiteral("▲") : QStringLiteral("▼"),
                          QLocale().toString(qAbs(percent), 'f', qAbs(percent) >= 100 ? 0 : 1),
                          ChartStyle::formatUsd(before.spendUsd));
    } else {
        change = tr("No spend in the period before");
    }
    if (t.unpricedRequests > 0) {
        change += u'\n' + tr("%1 unpriced requests not counted").arg(ChartStyle::formatCount(t.unpricedRequests));
    }
    m_cards[0]->setValue(ChartStyle::formatUsd(t.spendUsd), change);
    m_cards[1]->setValue(ChartStyle::formatCount(t.requests),
                         tr("%1 failed · %2 answered from cache")
                             .arg(ChartStyle::formatCount(t.failures), ChartStyle::formatCount(t.cachedAnswers)));
    m_cards[2]->setValue(QStringLiteral("%1%").arg(t.failoverRate * 100, 0, 'f', 1),
                         tr("%1 of %2 requests failed over")
                             .arg(ChartStyle::formatCount(t.failedOverRequests), ChartStyle::formatCount(t.requests)));
    const SavingsResult& s = m_result.savings;
    const QString reference = m_filterBar->referenceModel();
    if (reference.isEmpty() || !s.savingsUsd) {
        m_cards[3]->setValue(QStringLiteral("—"), tr("Add a price to a model to compare with it"));
    } else {
        m_cards[3]->setValue(
            ChartStyle::formatUsd(*s.savingsUsd),
            tr("vs %1 on %2 for the same tokens").arg(ChartStyle::formatUsd(*s.referenceCostUsd), reference),
            tr("%1 priced requests compared; %2 unpriced left out")
                .arg(ChartStyle::formatCount(s.pricedRequests), ChartStyle::formatCount(s.unpricedRequests)));
    }
    updateBudgetCard();
}

void DashboardView::updateBudgetCard()
{
    HeadlineCard* card = m_cards[4];
    if (!m_sources.budgets) {
        card->setValue(QStringLiteral("—"), tr("No budget set. Add one in Settings."));
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
        card->setValue(QStringLiteral("—"), tr("No budget set. Add one in Settings."));
        return;
    }
    card->setValue(QStringLiteral("%1%").arg(fullest->usedFraction() * 100, 0, 'f', 0),
                   tr("%1 of %2 (%3)")
                       .arg(ChartStyle::formatUsd(fullest->spentUsd + fullest->reservedUsd),
                            ChartStyle::formatUsd(fullest->limitUsd), fullest->scope.displayName()));
}

void DashboardView::showEmptyEverywhere(const QString& text)
{
    for (ChartPanel* chartPanel : m_panels) {
        chartPanel->showEmpty(text);
    }
    m_failoverModel->setRowCount(0);
    m_failoverTable->setVisible(false);
}

void DashboardView::applyCharts()
{
    const quint64 generation = m_result.generation;
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
    // One chart per event-loop turn, so input and painting go on between them.
    QList<std::function<void()>> stages;
    stages << [this, context] {
        panel(QStringLiteral("spend"))->setChart(DashboardCharts::spend(m_result.spend, m_query.split, context));
    };
    stages << [this, context] {
        panel(QStringLiteral("tiers"))->setChart(DashboardCharts::tiers(m_result.tierUsage, context));
    };
    stages << [this, timeContext] {
        ChartPanel* uptime = panel(QStringLiteral("uptime"));
        if (m_result.uptime.overall.isEmpty()) {
            uptime->showEmpty(tr("No provider attempts %1.").arg(m_periodPhrase));
        } else {
            uptime->setChart(DashboardCharts::uptime(m_result.uptime, timeContext));
        }
    };
    stages << [this, context] {
        ChartPanel* latency = panel(QStringLiteral("latency"));
        bool answered = false;
        for (const LatencyRow& row : m_result.latency) {
            answered = answered || row.latency.samples > 0;
        }
        if (answered) {
            latency->setChart(DashboardCharts::latency(m_result.latency, context));
        } else {
            latency->showEmpty(tr("No answered requests %1, so no latency to show.").arg(m_periodPhrase));
        }
    };
    stages << [this, timeContext] {
        ChartPanel* failovers = panel(QStringLiteral("failovers"));
        if (m_result.failoverCounts.isEmpty()) {
            failovers->showEmpty(
                tr("No failovers %1 — every request was answered by its first choice.").arg(m_periodPhrase));
        } else {
            failovers->setChart(DashboardCharts::failovers(m_result.failoverCounts, timeContext));
        }
    };
    stages << [this] { fillFailoverTable(); };
    runStages(generation, stages);
}

void DashboardView::runStages(quint64 generation, QList<std::function<void()>> stages)
{
    if (generation != m_result.generation) {
        return; // a newer result took over
    }
    if (stages.isEmpty()) {
        finishApply(generation);
        return;
    }
    stages.takeFirst()();
    QMetaObject::invokeMethod(
        this, [this, generation, stages] { runStages(generation, stages); }, Qt::QueuedConnection);
}

void DashboardView::finishApply(quint64 generation)
{
    m_appliedGeneration = generation;
    emit refreshed(generation, m_result.elapsedMs);
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
}
