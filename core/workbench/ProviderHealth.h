#pragma once

#include "core/common/FailureClass.h"
#include "core/common/ProviderTypes.h"
#include "core/pricing/BudgetTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

class BudgetTracker;
class CooldownTracker;
class QTimer;
struct RequestRecord;

// The one health model the status bar, the routing cards and "Try a prompt" all show: per provider
// and per model, up after a success, down after a failure that is the provider's fault (a bad
// request is ours, not theirs) or while the sandbox has it switched down, degraded when some of a
// provider's models are down, cooling down while the router skips its deployments (with the time
// left), over budget once a limit that applies to it is spent. Over budget wins over cooling down,
// which wins over the evidence of the calls. Each state keeps its evidence ("HTTP 503").
class ProviderHealth : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unknown,
        Healthy, // "up"
        Degraded, // some of the provider's models are down
        Failing, // "down"
        CoolingDown,
        OverBudget,
    };

    struct Entry
    {
        State state = State::Unknown;
        FailureClass lastFailure = FailureClass::None;
        QString lastMessage;
        QString reason; // Failing/Degraded: the short evidence, "HTTP 503", "switched down: HTTP 503"
        QStringList downModels; // Degraded/Failing: the provider's models that are down
        QDateTime at;
        qint64 coolingLeftMs = 0; // CoolingDown: until the last of its deployments may be tried again
        QStringList coolingModels; // the deployments cooling down (all of them when the provider is)
        QString budgetScope; // OverBudget: the spent limit, e.g. "daily budget for openai"
        int budgetPercent = 0; // the provider's own budget, when at or past its warning level
    };

    explicit ProviderHealth(QObject* parent = nullptr);

    // `modelId` empty: the evidence is about the whole provider.
    void recordSuccess(const QString& providerId, const QString& modelId = {});
    void recordFailure(const QString& providerId, FailureClass failureClass, const QString& message,
                       const QString& modelId = {}, int httpStatus = 0);
    // Every attempt of a finished request (routed, direct, from the gateway).
    void recordRequest(const RequestRecord& record);
    // What the sandbox has switched down now, id -> reason ("HTTP 503"): models by id, providers by
    // id. Evidence that came from a fault no longer switched on is dropped with it.
    void setSimulatedFaults(const QHash<QString, QString>& models, const QHash<QString, QString>& providers);

    // The router's cooldowns and the budgets to watch; `models` maps deployments to providers.
    void watchCooldowns(CooldownTracker* cooldowns, const QList<ModelConfig>& models);
    void watchBudgets(BudgetTracker* budgets);
    // Re-reads cooldowns and budgets (after spend was recorded, settings changed, time passed).
    void refresh();

    Entry entry(const QString& providerId) const;
    State state(const QString& providerId) const { return entry(providerId).state; }
    // One model: Healthy, Failing (its own evidence, or its provider down) or Unknown.
    Entry modelEntry(const QString& modelId, const QString& providerId) const;

    // "up", "degraded", "down", "cooling down", "over budget", "no calls yet": the same words everywhere.
    static QString stateText(State state);
    // The state with its evidence: "down (HTTP 503)".
    static QString describe(const Entry& entry);

    // The global (all providers) budget most used, when its spend is at or past the warning level
    // (BudgetSettings::warnAt): shown once, not as every provider being over budget.
    std::optional<ScopeUsage> globalBudgetWarning() const;

    // "42 s", "3 min", "1 h 5 min"
    static QString formatTimeLeft(qint64 ms);

signals:
    void changed(const QString& providerId);
    void globalBudgetChanged();

private:
    struct Overlay
    {
        qint64 coolingUntilMs = 0;
        QStringList coolingModels;
        QString budgetScope;
        int budgetPercent = 0;
        bool operator==(const Overlay&) const = default;
    };

    Overlay overlayFor(const QString& providerId) const;
    QStringList modelsOf(const QString& providerId) const;
    QString providerOf(const QString& modelId) const;
    // Evidence only: calls and simulated faults, without cooldowns and budgets.
    Entry evidence(const QString& providerId) const;

    QHash<QString, Entry> m_entries; // provider-wide evidence
    QHash<QString, Entry> m_modelEntries; // by model id
    QHash<QString, QString> m_modelProviders; // model id -> provider id, as the evidence came in
    QHash<QString, QString> m_simulatedModels;
    QHash<QString, QString> m_simulatedProviders;
    QHash<QString, Overlay> m_overlays;
    QPointer<CooldownTracker> m_cooldowns;
    QPointer<BudgetTracker> m_budgets;
    QList<ModelConfig> m_models;
    QTimer* m_tick;
    int m_globalBudgetPercent = 0; // of globalBudgetWarning(), 0 without one
};
