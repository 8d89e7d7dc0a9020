#include "ui/common/ProviderStatusBar.h"

#include "core/common/Money.h"
#include "ui/common/ElidedLabel.h"
#include "ui/common/StatusColors.h"

#include <QHBoxLayout>
#include <QLabel>

namespace {
QString capitalized(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}
} // namespace

ProviderStatusBar::ProviderStatusBar(const ModelCatalog& catalog, ProviderHealth* health, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_health(health)
    , m_globalBudget(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(12);
    m_globalBudget->setObjectName(QStringLiteral("globalBudget"));
    m_globalBudget->setTextFormat(Qt::PlainText);
    layout->addWidget(m_globalBudget);
    for (const auto& provider : catalog.providers) {
        if (!provider.enabled) {
            continue;
        }
        Item item;
        item.box = new QWidget(this);
        item.box->setObjectName(QStringLiteral("provider:") + provider.id);
        auto* row = new QHBoxLayout(item.box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        item.dot = new QLabel(QStringLiteral("\u25cf"), item.box);
        item.name = new ElidedLabel(item.box);
        item.name->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        item.state = new QLabel(item.box);
        item.state->setTextFormat(Qt::PlainText);
        row->addWidget(item.dot);
        row->addWidget(item.name);
        row->addWidget(item.state);
        layout->addWidget(item.box);
        m_items.insert(provider.id, item);
        update(provider.id);
    }
    connect(health, &ProviderHealth::changed, this, &ProviderStatusBar::update);
    connect(health, &ProviderHealth::globalBudgetChanged, this, &ProviderStatusBar::updateGlobalBudget);
    updateGlobalBudget();
}

QString ProviderStatusBar::summary() const
{
    QStringList parts;
    for (const auto& provider : m_catalog.providers) {
        if (const auto it = m_items.constFind(provider.id); it != m_items.cend()) {
            parts.append(it->box->accessibleName());
        }
    }
    return parts.join(QStringLiteral("; "));
}

QString ProviderStatusBar::globalBudgetText() const
{
    return m_globalBudget->text();
}

void ProviderStatusBar::setCompact(bool compact)
{
    m_compact = compact;
    for (const Item& item : std::as_const(m_items)) {
        item.name->setVisible(!compact);
        item.state->setVisible(!compact && !item.state->text().isEmpty());
    }
    m_globalBudget->setVisible(!compact && !m_globalBudget->text().isEmpty());
}

void ProviderStatusBar::updateGlobalBudget()
{
    const std::optional<ScopeUsage> usage = m_health->globalBudgetWarning();
    if (!usage) {
        m_globalBudget->clear();
        m_globalBudget->hide();
        return;
    }
    const QString scope = capitalized(usage->scope.displayName());
    // A running batch job's hold counts against the limit but is not billed yet: said apart.
    const QString amounts = usage->batchHeldUsd > 0
        ? tr("%1 spent + %2 held by running batch jobs of %3")
              .arg(Money::format(usage->spentUsd), Money::format(usage->batchHeldUsd), Money::format(usage->limitUsd))
        : tr("%1 of %2").arg(Money::format(usage->spentUsd), Money::format(usage->limitUsd));
    const bool spent = usage->countedUsd() >= usage->limitUsd;
    const int percent = qRound(usage->countedUsd() / usage->limitUsd * 100);
    const QString held = Money::format(usage->batchHeldUsd);
    // With a hold the whole sentence is long: the bar says the share and the hold, the tooltip all.
    const QString text = usage->batchHeldUsd > 0
        ? (spent ? tr("%1 used up, %2 held by batch jobs").arg(scope, held)
                 : tr("%1: %2% used, %3 held by batch jobs").arg(scope).arg(percent).arg(held))
        : (spent ? tr("%1 spent (%2)").arg(scope, amounts)
                 : tr("%1: %2% used (%3)").arg(scope).arg(percent).arg(amounts));
    m_globalBudget->setText(text);
    m_globalBudget->setToolTip(usage->batchHeldUsd > 0 ? amounts : QString());
    m_globalBudget->setStyleSheet(
        QStringLiteral("color: %1").arg(StatusColors::name(spent ? StatusTone::OverBudget : StatusTone::Warning)));
    m_globalBudget->setAccessibleName(text);
    m_globalBudget->setVisible(!m_compact);
}

void ProviderStatusBar::update(const QString& providerId)
{
    const auto it = m_items.constFind(providerId);
    if (it == m_items.cend()) {
        return;
    }
    const Item& item = *it;
    const ProviderHealth::Entry entry = m_health->entry(providerId);
    const QString name = m_catalog.providerName(providerId);
    StatusTone tone = StatusTone::Neutral;
    QString state = ProviderHealth::describe(entry);
    QString tip;
    QString shown; // beside the name: what the user must know without hovering
    switch (entry.state) {
    case ProviderHealth::State::Healthy:
        tone = StatusTone::Good;
        break;
    case ProviderHealth::State::Degraded:
    case ProviderHealth::State::Failing:
        tone = entry.state == ProviderHealth::State::Failing ? StatusTone::Bad : StatusTone::Warning;
        shown = state;
        tip = entry.downModels.isEmpty() ? entry.lastMessage
                                         : tr("down: %1").arg(entry.downModels.join(QStringLiteral(", ")));
        if (!entry.downModels.isEmpty() && !entry.lastMessage.isEmpty()) {
            tip += QStringLiteral("; ") + entry.lastMessage;
        }
        break;
    case ProviderHealth::State::CoolingDown:
        tone = StatusTone::Warning;
        state = tr("cooling down, %1 left").arg(ProviderHealth::formatTimeLeft(entry.coolingLeftMs));
        shown = tr("cooling %1").arg(ProviderHealth::formatTimeLeft(entry.coolingLeftMs));
        tip = entry.coolingModels.join(QStringLiteral(", "));
        break;
    case ProviderHealth::State::OverBudget:
        tone = StatusTone::OverBudget;
        shown = state;
        tip = tr("the %1 is spent").arg(entry.budgetScope);
        break;
    case ProviderHealth::State::Unknown:
        break;
    }
    if (entry.budgetPercent > 0 && entry.state != ProviderHealth::State::OverBudget) {
        // Its own budget nearly spent: said beside the name, whatever else holds.
        const QString budget = tr("%1% of budget").arg(entry.budgetPercent);
        shown = shown.isEmpty() ? budget : tr("%1, %2").arg(shown, budget);
        state = tr("%1, %2").arg(state, budget);
        if (tone == StatusTone::Good || tone == StatusTone::Neutral) {
            tone = StatusTone::Warning;
        }
    }
    const QString color = QStringLiteral("color: %1").arg(StatusColors::name(tone));
    item.dot->setStyleSheet(color);
    item.name->setFullText(name);
    item.state->setText(shown.isEmpty() ? QString() : tr("(%1)").arg(shown));
    item.state->setStyleSheet(color);
    item.state->setVisible(!m_compact && !shown.isEmpty());
    item.box->setAccessibleName(tr("%1: %2").arg(name, state));
    item.box->setToolTip(tip.isEmpty() ? tr("%1: %2").arg(name, state) : tr("%1: %2 (%3)").arg(name, state, tip));
}
