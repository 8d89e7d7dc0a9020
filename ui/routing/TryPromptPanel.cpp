#include "ui/routing/TryPromptPanel.h"

#include "core/engine/Engine.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/DefaultPolicy.h"
#include "core/routing/Router.h"
#include "core/workbench/ProviderHealth.h"
#include "ui/common/StatusColors.h"
#include "ui/routing/RoutingDocument.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

TryPromptPanel::TryPromptPanel(Engine& engine, RoutingDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_document(document)
    , m_router(new Router(nullptr, this))
    , m_prompt(new QPlainTextEdit(this))
    , m_tags(new QLineEdit(this))
    , m_result(new QTextBrowser(this))
{
    m_prompt->setPlaceholderText(tr("Type a prompt to see where it goes…"));
    m_prompt->setAccessibleName(tr("Test prompt"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMaximumHeight(90);
    m_tags->setPlaceholderText(tr("tier=coding, …"));
    m_tags->setAccessibleName(tr("Tags"));
    m_result->setAccessibleName(tr("Where the prompt goes"));
    m_result->setOpenLinks(false);

    auto* tagsRow = new QFormLayout;
    tagsRow->setContentsMargins(0, 0, 0, 0);
    tagsRow->addRow(tr("Ta&gs:"), m_tags);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_prompt);
    layout->addLayout(tagsRow);
    layout->addWidget(m_result, 1);

    m_router->setHasKey(
        [this](const ProviderConfig& provider) { return !m_engine.client() || m_engine.client()->hasKey(provider); });
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &TryPromptPanel::refresh);
    connect(m_tags, &QLineEdit::textChanged, this, &TryPromptPanel::refresh);
    connect(document, &RoutingDocument::policyChanged, this, &TryPromptPanel::refresh);
    connect(document, &RoutingDocument::healthChanged, this, &TryPromptPanel::refresh);
    refresh();
}

TryPromptPanel::~TryPromptPanel() = default;

QString TryPromptPanel::prompt() const
{
    return m_prompt->toPlainText();
}

QStringList TryPromptPanel::tags() const
{
    QStringList tags;
    for (const auto& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        tags.append(tag.trimmed());
    }
    return tags;
}

QString TryPromptPanel::resultText() const
{
    return m_result->toPlainText();
}

void TryPromptPanel::refresh()
{
    m_router->setProviders(m_engine.providers());
    m_router->setModels(m_engine.models());
    m_router->setPolicy(m_document->policy());
    m_explanation = m_router->explain(prompt(), tags());
    // The copy has no call history: cooldowns come from the engine's router.
    for (auto& step : m_explanation.chain) {
        for (auto& deployment : step.deployments) {
            if (deployment.availability.usable()) {
                deployment.availability = m_engine.router()->availability(deployment.modelId, ChatRequest {});
            }
        }
    }

    const Explanation& e = m_explanation;
    const QString bad = StatusColors::name(StatusTone::Bad);
    QString html;
    if (e.rule.matchedRule()) {
        html += tr("Rule <b>%1</b> (%2) fires")
                    .arg(DefaultPolicy::displayName(e.rule.ruleName).toHtmlEscaped(), e.rule.why.toHtmlEscaped());
    } else {
        html += tr("No rule fires: the default tier applies");
    }
    if (!e.rule.pinnedModel.isEmpty()) {
        html += tr(" → pinned model <b>%1</b>").arg(e.rule.pinnedModel.toHtmlEscaped());
    } else {
        html += tr(" → tier <b>%1</b>").arg(e.tier.toHtmlEscaped());
    }
    html += QStringLiteral("<ol style='margin-left:-20px'>");
    bool chosen = false;
    for (const auto& step : e.chain) {
        for (const auto& deployment : step.deployments) {
            const Availability& a = deployment.availability;
            QString line = QStringLiteral("%1 <span style='color:gray'>(%2)</span> ")
                               .arg(deployment.modelId.toHtmlEscaped(), deployment.providerId.toHtmlEscaped());
            ProviderHealth::Entry health;
            if (m_document->health()) {
                health = m_document->health()->modelEntry(deployment.modelId, deployment.providerId);
            }
            if (!a.usable()) {
                line += QStringLiteral("<span style='color:%1'>%2</span>")
                            .arg(bad, tr("skipped: %1").arg(a.reason.toHtmlEscaped()));
            } else if (health.state == ProviderHealth::State::Failing) {
                // The router would still try it (no cooldown yet), and fail over.
                line
                    += QStringLiteral("<span style='color:%1'>%2</span>")
                           .arg(bad,
                                tr("%1: tried, then fails over").arg(ProviderHealth::describe(health)).toHtmlEscaped());
            } else if (!chosen) {
                line += QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                            .arg(StatusColors::name(StatusTone::Good), tr("answers"));
                chosen = true;
            } else {
                line += QStringLiteral("<span style='color:gray'>%1</span>").arg(tr("fallback"));
            }
            html += QStringLiteral("<li>%1</li>").arg(line);
        }
    }
    html += QStringLiteral("</ol>");
    if (e.chain.isEmpty()) {
        html += QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(bad, tr("The chain is empty: this request would fail."));
    } else if (!chosen) {
        html += QStringLiteral("<p style='color:%1'>%2</p>").arg(bad, tr("Every model would be skipped."));
    }
    for (const auto& problem : e.problems) {
        html += QStringLiteral("<p style='color:%1'>%2</p>").arg(bad, problem.toHtmlEscaped());
    }
    m_result->setHtml(html);
    emit explained();
}
