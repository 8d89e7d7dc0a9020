#include "ui/routing/EstimatePanel.h"

#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/LedgerQueries.h"
#include "core/pricing/CostCalculator.h"
#include "core/routing/Router.h"
#include "ui/common/CountSpinBox.h"
#include "ui/routing/RoutingDocument.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

EstimatePanel::EstimatePanel(Engine& engine, RoutingDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_document(document)
    , m_days(new CountSpinBox([](int days) { return tr("%Ln day(s)", nullptr, days); }, this))
    , m_text(new QLabel(this))
{
    m_days->setRange(1, 365);
    m_days->setValue(30);
    auto* run = new QPushButton(tr("Estimate"), this);
    connect(run, &QPushButton::clicked, this, &EstimatePanel::estimate);
    m_text->setObjectName(QStringLiteral("estimateText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setText(tr("Re-prices the routed requests of the period on the models this policy would choose."));

    auto* form = new QFormLayout;
    form->addRow(tr("&History:"), m_days);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(form);
    layout->addWidget(run);
    layout->addWidget(m_text);
    layout->addStretch(1);
}

void EstimatePanel::estimate()
{
    m_result = {};
    if (m_engine.ledgerPath().isEmpty()) {
        m_text->setText(tr("No history database."));
        return;
    }
    Router router;
    router.setProviders(m_engine.providers());
    router.setModels(m_engine.models());
    router.setPolicy(m_document->policy());
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-m_days->value());
    // Every routed request of the period, not the newest N: one pass over the rows, and the policy
    // asked once per distinct prompt (a ledger without stored prompts has one, the empty one).
    QHash<QString, const ModelConfig*> choice;
    auto modelFor = [&](const QString& prompt) {
        auto it = choice.constFind(prompt);
        if (it != choice.constEnd()) {
            return *it;
        }
        const Explanation explanation = router.explain(prompt, {});
        QString modelId;
        for (const auto& step : explanation.chain) {
            for (const auto& deployment : step.deployments) {
                if (modelId.isEmpty() && deployment.availability.kind != SkipKind::UnknownModel) {
                    modelId = deployment.modelId;
                }
            }
        }
        return *choice.insert(prompt, m_engine.model(modelId));
    };
    LedgerQueries queries(m_engine.ledgerPath());
    // Comparisons (workbench, evaluations) pick their models by hand; only routed traffic follows a policy.
    queries.scanUsage(since, RequestSources::comparisons(), [&](const HistoryQueries::PricedUsage& row) {
        ++m_result.requests;
        m_result.spent += row.costUsd.value_or(0);
        const ModelConfig* model = modelFor(row.prompt);
        const std::optional<double> cost = model ? CostCalculator::cost(model->price, row.usage) : std::nullopt;
        if (cost) {
            m_result.wouldCost += *cost;
        } else {
            ++m_result.unpriced;
        }
    });
    if (!queries.errorString().isEmpty()) {
        m_text->setText(tr("Could not read the history: %1").arg(queries.errorString()));
        return;
    }
    if (m_result.requests == 0) {
        m_text->setText(tr("No routed requests in the last %n day(s).", nullptr, m_days->value()));
        return;
    }
    QString text = tr("%Ln routed request(s): spent %1; with this policy about %2.", nullptr, m_result.requests)
                       .arg(Money::format(m_result.spent), Money::format(m_result.wouldCost));
    if (m_result.unpriced > 0) {
        text += QLatin1Char(' ')
            + tr("%Ln request(s) would go to unpriced models (not counted).", nullptr, m_result.unpriced);
    }
    m_text->setText(text);
}
