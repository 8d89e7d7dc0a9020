#pragma once

#include "core/learning/ThresholdTable.h"

#include <QString>
#include <QWidget>

#include <optional>

class Engine;
class QChartView;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QSlider;
class RoutingDocument;

// A learned rule's threshold, chosen with what it does in sight: a slider over p_strong and, from
// the trained router's held-out measurements, the share of prompts the strong model gets and the
// share of the quality gap recovered (the curve, with the current point on it), and what the last
// 30 days of routed requests would cost a month at that split. Moving the slider is one undoable
// edit of the rule's threshold; Save writes it to routing.json.
class LearnedRulePanel : public QWidget
{
    Q_OBJECT

public:
    LearnedRulePanel(Engine& engine, RoutingDocument* document, QWidget* parent = nullptr);

    // The rule at this index of the policy's rules, or the first learned rule when it is not one.
    void showRule(int ruleIndex);
    int rule() const { return m_rule; }
    QSlider* slider() const { return m_slider; }
    QString summaryText() const;

    // Routed requests of the last 30 days re-priced on the rule's two models.
    struct Volume
    {
        int requests = 0;
        double weakCost = 0;
        double strongCost = 0;
        int unpriced = 0; // requests one of the two models has no price for
    };

private:
    void refresh();
    void applyThreshold();
    const Volume& volume(const QString& weak, const QString& strong);

    Engine& m_engine;
    RoutingDocument* m_document;
    int m_rule = -1;
    bool m_updating = false;
    QLabel* m_title;
    QSlider* m_slider;
    QLabel* m_threshold;
    QLabel* m_share;
    QLabel* m_quality;
    QLabel* m_cost;
    QChartView* m_chart;
    QLineSeries* m_curve;
    QScatterSeries* m_point;
    ThresholdTable m_table;
    std::optional<Volume> m_volume;
    QString m_volumeFor; // "weak|strong" the volume was measured for
};
