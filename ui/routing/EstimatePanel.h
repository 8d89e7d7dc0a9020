#pragma once

#include <QWidget>

class Engine;
class QLabel;
class QSpinBox;
class RoutingDocument;

// What the edited policy would have cost over the last N days of routed requests in the ledger
// (their recorded token counts re-priced on the model the new policy picks first) against what
// was spent.
class EstimatePanel : public QWidget
{
    Q_OBJECT

public:
    struct Result
    {
        int requests = 0; // routed requests in the period with token counts
        int unpriced = 0; // requests the edited policy sends to a model without a price
        double spent = 0;
        double wouldCost = 0;
    };

    EstimatePanel(Engine& engine, RoutingDocument* document, QWidget* parent = nullptr);

    QSpinBox* daysSpin() const { return m_days; }
    Result result() const { return m_result; }
    void estimate();

private:
    Engine& m_engine;
    RoutingDocument* m_document;
    QSpinBox* m_days;
    QLabel* m_text;
    Result m_result;
};
