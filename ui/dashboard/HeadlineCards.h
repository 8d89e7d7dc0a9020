#pragma once

#include "core/ledger/DashboardTypes.h"

#include <QList>
#include <QWidget>

class BudgetTracker;
class HeadlineCard;

// The dashboard's row of headline figures, left to right: spend (with the change against the
// period before), requests, failover rate, savings from routing against the reference model, and
// the fullest budget. Reads a query result and the budget tracker; owns the wording of each card.
class HeadlineCards final : public QWidget
{
    Q_OBJECT

public:
    enum class Card
    {
        Spend,
        Requests,
        FailoverRate,
        Savings,
        Budget,
    };

    explicit HeadlineCards(QWidget* parent = nullptr);

    // Every card but the budget's from `result`; savings against `referenceModel` (empty: none).
    void setResult(const DashboardResult& result, const QString& referenceModel);
    // The budget card from the tracker's fullest limited scope (null: no budgets).
    void setBudgets(const BudgetTracker* budgets);
    HeadlineCard* card(Card which) const { return m_cards.at(int(which)); }

private:
    QList<HeadlineCard*> m_cards;
};
