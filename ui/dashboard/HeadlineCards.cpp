#include "ui/dashboard/HeadlineCards.h"

#include "core/common/Money.h"
#include "core/pricing/BudgetTracker.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/HeadlineCard.h"

#include <QHBoxLayout>
#include <QLocale>

HeadlineCards::HeadlineCards(QWidget* parent)
    : QWidget(parent)
{
    m_cards << new HeadlineCard(QStringLiteral("spendCard"), tr("Spend"), this)
            << new HeadlineCard(QStringLiteral("requestsCard"), tr("Requests"), this)
            << new HeadlineCard(QStringLiteral("failoverCard"), tr("Failover rate"), this)
            << new HeadlineCard(QStringLiteral("savingsCard"), tr("Savings from routing"), this)
            << new HeadlineCard(QStringLiteral("budgetCard"), tr("Budget used"), this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    for (HeadlineCard* card : std::as_const(m_cards)) {
        layout->addWidget(card, 1);
    }
}

void HeadlineCards::setResult(const DashboardResult& result, const QString& referenceModel)
{
    const LedgerTotals& t = result.totals;
    const LedgerTotals& before = result.previousTotals;
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
    const SavingsResult& s = result.savings;
    if (referenceModel.isEmpty() || !s.savingsUsd) {
        card(Card::Savings)->setValue(QStringLiteral("—"), tr("Add a price to a model to compare with it"));
        return;
    }
    // The share says how much, where two small amounts can round to the same cents.
    const double referenceUsd = *s.referenceCostUsd;
    const QString referenceCost = Money::format(referenceUsd);
    QString versus = tr("vs %1 on %2 for the same tokens").arg(referenceCost, referenceModel);
    if (referenceUsd > 0) {
        const double ratio = (referenceUsd - *s.savingsUsd) / referenceUsd; // what was spent, relative
        const int percent = qRound(qAbs(1 - ratio) * 100);
        if (ratio <= 1) {
            versus = tr("%1% less than %2 on %3 for the same tokens").arg(percent).arg(referenceCost, referenceModel);
        } else if (ratio < 2) {
            versus = tr("%1% more than %2 on %3 for the same tokens").arg(percent).arg(referenceCost, referenceModel);
        } else {
            versus = tr("%1 times the %2 on %3 for the same tokens")
                         .arg(QLocale().toString(ratio, 'f', ratio < 10 ? 1 : 0), referenceCost, referenceModel);
        }
    }
    card(Card::Savings)
        ->setValue(Money::format(*s.savingsUsd), versus,
                   tr("%1 priced requests compared; %2 unpriced left out")
                       .arg(ChartStyle::formatCount(s.pricedRequests), ChartStyle::formatCount(s.unpricedRequests)));
}

void HeadlineCards::setBudgets(const BudgetTracker* budgets)
{
    HeadlineCard* budget = card(Card::Budget);
    const ScopeUsage* fullest = nullptr;
    const QList<ScopeUsage> usage = budgets ? budgets->usage() : QList<ScopeUsage>();
    for (const ScopeUsage& scope : usage) {
        if (scope.limitUsd > 0 && (!fullest || scope.usedFraction() > fullest->usedFraction())) {
            fullest = &scope;
        }
    }
    if (!fullest) {
        budget->setValue(QStringLiteral("—"), tr("No budget set. Add one in Settings."));
        return;
    }
    // What running batch jobs hold is counted in the share but is not billed yet: said apart.
    const QString spent = Money::format(fullest->spentUsd + fullest->reservedUsd);
    budget->setValue(
        ChartStyle::formatPercent(fullest->usedFraction() * 100, 0),
        fullest->batchHeldUsd > 0
            ? tr("%1 spent + %2 held by running batch jobs of %3 (%4)")
                  .arg(spent, Money::format(fullest->batchHeldUsd), Money::format(fullest->limitUsd),
                       fullest->scope.displayName())
            : tr("%1 of %2 (%3)").arg(spent, Money::format(fullest->limitUsd), fullest->scope.displayName()));
}
