#include "ProviderStatusBar.h"

#include "StatusColors.h"

#include <QHBoxLayout>
#include <QLabel>

ProviderStatusBar::ProviderStatusBar(const ModelCatalog& catalog, ProviderHealth* health, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_health(health)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(14);
    for (const auto& provider : catalog.providers) {
        if (!provider.enabled) {
            continue;
        }
        auto* label = new QLabel(this);
        label->setTextFormat(Qt::RichText);
        m_labels.insert(provider.id, label);
        layout->addWidget(label);
        update(provider.id);
    }
    connect(health, &ProviderHealth::changed, this, &ProviderStatusBar::update);
}

QString ProviderStatusBar::summary() const
{
    QStringList parts;
    for (const auto& provider : m_catalog.providers) {
        if (QLabel* label = m_labels.value(provider.id)) {
            parts.append(label->accessibleName());
        }
    }
    return parts.join(QStringLiteral("; "));
}

void ProviderStatusBar::update(const QString& providerId)
{
    QLabel* label = m_labels.value(providerId);
    if (!label) {
        return;
    }
    const ProviderHealth::Entry entry = m_health->entry(providerId);
    const QString name = m_catalog.providerName(providerId);
    QString color = StatusColors::name(StatusTone::Neutral);
    QString state = ProviderHealth::describe(entry);
    QString tip;
    QString shown; // beside the name: what the user must know without hovering
    switch (entry.state) {
    case ProviderHealth::State::Healthy:
        color = StatusColors::name(StatusTone::Good);
        break;
    case ProviderHealth::State::Degraded:
    case ProviderHealth::State::Failing:
        color
            = StatusColors::name(entry.state == ProviderHealth::State::Failing ? StatusTone::Bad : StatusTone::Warning);
        shown = state;
        tip = entry.downModels.isEmpty() ? entry.lastMessage
                                         : tr("down: %1").arg(entry.downModels.join(QStringLiteral(", ")));
        if (!entry.downModels.isEmpty() && !entry.lastMessage.isEmpty()) {
            tip += QStringLiteral("; ") + entry.lastMessage;
        }
        break;
    case ProviderHealth::State::CoolingDown:
        color = StatusColors::name(StatusTone::Warning);
        state = tr("cooling down, %1 left").arg(ProviderHealth::formatTimeLeft(entry.coolingLeftMs));
        shown = tr("cooling %1").arg(ProviderHealth::formatTimeLeft(entry.coolingLeftMs));
        tip = entry.coolingModels.join(QStringLiteral(", "));
        break;
    case ProviderHealth::State::OverBudget:
        color = StatusColors::name(StatusTone::OverBudget);
        shown = state;
        tip = tr("the %1 is spent").arg(entry.budgetScope);
        break;
    case ProviderHealth::State::Unknown:
        break;
    }
    QString text = QStringLiteral("<span style=\"color:%1\">\u25cf</span> %2").arg(color, name.toHtmlEscaped());
    if (!shown.isEmpty()) {
        text += QStringLiteral(" <span style=\"color:%1\">(%2)</span>").arg(color, shown.toHtmlEscaped());
    }
    label->setText(text);
    label->setAccessibleName(tr("%1: %2").arg(name, state));
    label->setToolTip(tip.isEmpty() ? tr("%1: %2").arg(name, state) : tr("%1: %2 (%3)").arg(name, state, tip));
}
