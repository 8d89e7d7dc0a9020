#include "ui/routing/LearnedRulePanel.h"

#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/learning/LearnedRouter.h"
#include "core/ledger/LedgerQueries.h"
#include "core/pricing/CostCalculator.h"
#include "core/routing/Router.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/routing/RoutingDocument.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QSlider>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {
constexpr int kVolumeDays = 30;
} // namespace

LearnedRulePanel::LearnedRulePanel(Engine& engine, RoutingDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_threshold(new QLabel(this))
    , m_share(new QLabel(this))
    , m_quality(new QLabel(this))
    , m_cost(new QLabel(this))
    , m_chart(new QChartView(this))
    , m_curve(new QLineSeries(this))
    , m_point(new QScatterSeries(this))
{
    m_title->setWordWrap(true);
    m_slider->setObjectName(QStringLiteral("learnedThreshold"));
    m_slider->setRange(0, 100);
    m_slider->setPageStep(5);
    m_slider->setAccessibleName(tr("Threshold: p_strong from which the strong model answers"));
    m_threshold->setMinimumWidth(m_threshold->fontMetrics().horizontalAdvance(QStringLiteral("0.000")) + 8);
    for (QLabel* label : { m_share, m_quality, m_cost }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_share->setObjectName(QStringLiteral("learnedShare"));
    m_quality->setObjectName(QStringLiteral("learnedQuality"));
    m_cost->setObjectName(QStringLiteral("learnedCost"));

    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    m_curve->setName(tr("Held-out trade-off"));
    m_point->setMarkerSize(10);
    chart->addSeries(m_curve);
    chart->addSeries(m_point);
    auto* x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%d%%"));
    x->setTitleText(tr("Prompts to the strong model"));
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    y->setTitleText(tr("Gap recovered"));
    for (QValueAxis* axis : { x, y }) {
        axis->setTickCount(5);
        chart->addAxis(axis, axis == x ? Qt::AlignBottom : Qt::AlignLeft);
        m_curve->attachAxis(axis);
        m_point->attachAxis(axis);
    }
    m_chart->setChart(chart);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);

    auto* sliderRow = new QGridLayout;
    auto* sliderLabel = new QLabel(tr("&Threshold:"), this);
    sliderLabel->setBuddy(m_slider);
    sliderRow->addWidget(sliderLabel, 0, 0);
    sliderRow->addWidget(m_slider, 0, 1);
    sliderRow->addWidget(m_threshold, 0, 2);
    sliderRow->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(sliderRow);
    layout->addWidget(m_share);
    layout->addWidget(m_quality);
    layout->addWidget(m_cost);
    layout->addWidget(m_chart, 1);

    connect(m_slider, &QSlider::valueChanged, this, [this] {
        if (!m_updating && !m_slider->isSliderDown()) {
            applyThreshold(); // keys and clicks: each step is an edit
        } else if (!m_updating) {
            refresh(); // dragging: follow it, and edit once when it is let go
        }
    });
    connect(m_slider, &QSlider::sliderReleased, this, &LearnedRulePanel::applyThreshold);
    connect(m_document, &RoutingDocument::policyChanged, this, [this] { showRule(m_rule); });
    showRule(-1);
}

void LearnedRulePanel::showRule(int ruleIndex)
{
    const QList<RoutingRule>& rules = m_document->policy().rules;
    if (ruleIndex < 0 || ruleIndex >= rules.size() || rules.at(ruleIndex).kind != RuleKind::Learned) {
        ruleIndex = -1;
        for (qsizetype i = 0; i < rules.size() && ruleIndex < 0; ++i) {
            if (rules.at(i).kind == RuleKind::Learned) {
                ruleIndex = int(i);
            }
        }
    }
    m_rule = ruleIndex;
    const std::shared_ptr<const LearnedRouter> learned = m_engine.router()->learnedRouter();
    m_table = learned ? ThresholdTable::fromReport(learned->report()) : ThresholdTable();
    m_curve->clear();
    for (const QualityPoint& point : m_table.points()) {
        m_curve->append(point.strongShare * 100, point.gapRecovered * 100);
    }
    if (m_rule >= 0) {
        m_updating = true;
        m_slider->setValue(qRound(rules.at(m_rule).threshold * 100));
        m_updating = false;
    }
    refresh();
}

void LearnedRulePanel::applyThreshold()
{
    if (m_rule < 0 || m_updating) {
        return;
    }
    RoutingPolicy edited = m_document->policy();
    if (m_rule >= edited.rules.size()) {
        return;
    }
    edited.rules[m_rule].threshold = m_slider->value() / 100.0;
    m_document->apply(edited, tr("threshold of %1").arg(edited.rules.at(m_rule).name));
}

const LearnedRulePanel::Volume& LearnedRulePanel::volume(const QString& weak, const QString& strong)
{
    const QString key = weak + QLatin1Char('|') + strong;
    if (m_volume && m_volumeFor == key) {
        return *m_volume;
    }
    Volume measured;
    const ModelConfig* weakModel = m_engine.model(weak);
    const ModelConfig* strongModel = m_engine.model(strong);
    if (!m_engine.ledgerPath().isEmpty()) {
        LedgerQueries queries(m_engine.ledgerPath());
        // Routed traffic only: comparisons (workbench, evaluations) pick their models by hand.
        queries.scanUsage(QDateTime::currentDateTimeUtc().addDays(-kVolumeDays), RequestSources::comparisons(),
                          [&](const HistoryQueries::PricedUsage& row) {
                              ++measured.requests;
                              const auto weakCost
                                  = weakModel ? CostCalculator::cost(weakModel->price, row.usage) : std::nullopt;
                              const auto strongCost
                                  = strongModel ? CostCalculator::cost(strongModel->price, row.usage) : std::nullopt;
                              if (!weakCost || !strongCost) {
                                  ++measured.unpriced;
                                  return;
                              }
                              measured.weakCost += *weakCost;
                              measured.strongCost += *strongCost;
                          });
    }
    m_volume = measured;
    m_volumeFor = key;
    return *m_volume;
}

void LearnedRulePanel::refresh()
{
    const bool shown = m_rule >= 0;
    m_slider->setEnabled(shown);
    m_chart->setVisible(shown && !m_table.isEmpty());
    const double threshold = m_slider->value() / 100.0;
    m_threshold->setText(QLocale().toString(threshold, 'f', 2));
    if (!shown) {
        m_title->setText(tr("No learned rule in this policy. Add one to routing.json (kind \"learned\", "
                            "a weak and a strong model, a threshold) after `switchyard router train`."));
        for (QLabel* label : { m_share, m_quality, m_cost }) {
            label->clear();
        }
        return;
    }
    const RoutingRule& rule = m_document->policy().rules.at(m_rule);
    m_title->setText(
        tr("<b>%1</b>: %2 answers when p_strong is at or above the threshold, else %3.")
            .arg(rule.name.toHtmlEscaped(), rule.strongModel.toHtmlEscaped(), rule.weakModel.toHtmlEscaped()));
    if (m_table.isEmpty()) {
        m_share->setText(tr("No trained router with measurements: run `switchyard router train FILE` to see what "
                            "a threshold does."));
        m_quality->clear();
        m_cost->clear();
        return;
    }
    const QualityPoint point = m_table.at(threshold);
    m_point->clear();
    m_point->append(point.strongShare * 100, point.gapRecovered * 100);
    m_share->setText(tr("Sends %1 of prompts to %2 (held-out estimate).")
                         .arg(ChartStyle::formatPercent(point.strongShare * 100, 0), rule.strongModel));
    m_quality->setText(
        tr("Recovers %1 of the quality gap between %2 and %3.")
            .arg(ChartStyle::formatPercent(point.gapRecovered * 100, 0), rule.weakModel, rule.strongModel));
    const Volume& measured = volume(rule.weakModel, rule.strongModel);
    const int priced = measured.requests - measured.unpriced;
    if (priced <= 0) {
        m_cost->setText(tr("No priced routed requests in the last %n day(s) to project a monthly cost from.", nullptr,
                           kVolumeDays));
        return;
    }
    // The last 30 days at this split: each request at the weak or strong model's price, in proportion.
    const double monthly = (1 - point.strongShare) * measured.weakCost + point.strongShare * measured.strongCost;
    m_cost->setText(tr("About %1 a month at your volume (%Ln routed request(s) in the last 30 days re-priced): %2 "
                       "all on %3, %4 all on %5.",
                       nullptr, priced)
                        .arg(Money::format(monthly), Money::format(measured.weakCost), rule.weakModel,
                             Money::format(measured.strongCost), rule.strongModel));
}

QString LearnedRulePanel::summaryText() const
{
    return QStringList { m_title->text(), m_share->text(), m_quality->text(), m_cost->text() }.join(QLatin1Char('\n'));
}
