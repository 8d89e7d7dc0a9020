#pragma once

#include "common/FailureClass.h"
#include "common/ProviderTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

class BudgetTracker;
class CooldownTracker;
class QTimer;

// What the status bar says about each provider: healthy after a success, failing after a failure
// that is the provider's fault (a bad request is ours, not theirs), cooling down while the router
// skips its deployments (with the time left), over budget once a limit that applies to it is spent.
// Over budget wins over cooling down, which wins over the last call's outcome.
class ProviderHealth : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unknown,
        Healthy,
        Failing,
        CoolingDown,
        OverBudget,
    };

    struct Entry
    {
        State state = State::Unknown;
        FailureClass lastFailure = FailureClass::None;
        QString lastMessage;
        QDateTime at;
        qint64 coolingLeftMs = 0; // CoolingDown: until the last of its deployments may be tried again
        QStringList coolingModels; // the deployments cooling down (all of them when the provider is)
        QString budgetScope; // OverBudget: the spent limit, e.g. "daily budget for openai"
    };

    explicit ProviderHealth(QObject* parent = nullptr);

    void recordSuccess(const QString& providerId);
    void recordFailure(const QString& providerId, FailureClass failureClass, const QString& message);

    // The router's cooldowns and the budgets to watch; `models` maps deployments to providers.
    void watchCooldowns(CooldownTracker* cooldowns, const QList<ModelConfig>& models);
    void watchBudgets(BudgetTracker* budgets);
    // Re-reads cooldowns and budgets (after spend was recorded, settings changed, time passed).
    void refresh();

    Entry entry(const QString& providerId) const;
    State state(const QString& providerId) const { return entry(providerId).state; }

    // "42 s", "3 min", "1 h 5 min"
    static QString formatTimeLeft(qint64 ms);

signals:
    void changed(const QString& providerId);

private:
    struct Overlay
    {
        qint64 coolingUntilMs = 0;
        QStringList coolingModels;
        QString budgetScope;
        bool operator==(const Overlay&) const = default;
    };

    Overlay overlayFor(const QString& providerId) const;

    QHash<QString, Entry> m_entries;
    QHash<QString, Overlay> m_overlays;
    QPointer<CooldownTracker> m_cooldowns;
    QPointer<BudgetTracker> m_budgets;
    QList<ModelConfig> m_models;
    QTimer* m_tick;
};
