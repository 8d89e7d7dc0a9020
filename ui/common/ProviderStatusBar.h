#pragma once

#include "core/workbench/ModelCatalog.h"
#include "core/workbench/ProviderHealth.h"

#include <QHash>
#include <QWidget>

class ElidedLabel;
class QLabel;

// Status bar widget: one dot per provider, green when it is up, red when down, amber when
// degraded or cooling down (with the time left), purple when its own budget is spent, grey before
// any call; beside it the name and what must be known without hovering. A spent or nearly spent
// global budget is one label of its own, not a mark on every provider. Names elide (the tooltip
// has everything) rather than being cut, and the state is never elided; compact() leaves only the
// dots, so that a temporary message has the room.
class ProviderStatusBar : public QWidget
{
    Q_OBJECT

public:
    ProviderStatusBar(const ModelCatalog& catalog, ProviderHealth* health, QWidget* parent = nullptr);

    QString summary() const;
    // "Daily budget: 85% used ($0.85 of $1.00)"; empty below the warning level.
    QString globalBudgetText() const;
    void setCompact(bool compact);

private:
    struct Item
    {
        QWidget* box = nullptr;
        QLabel* dot = nullptr;
        ElidedLabel* name = nullptr; // elides first: the state beside it never does
        QLabel* state = nullptr;
    };

    void update(const QString& providerId);
    void updateGlobalBudget();

    ModelCatalog m_catalog;
    ProviderHealth* m_health;
    QHash<QString, Item> m_items;
    QLabel* m_globalBudget; // never elided: its figures are what it says
    bool m_compact = false;
};
