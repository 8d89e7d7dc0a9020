#pragma once

#include "core/pricing/BudgetTypes.h"
#include "core/settings/AppSettings.h"

#include <QObject>

class Engine;
class ProviderProbes;

// Puts what the Settings dialog stores (AppSettings) into the running engine: budgets into its
// BudgetTracker, default timeouts into the models and routing defaults, whether prompt text is
// stored and how long history is kept into the ledger; the trace collector and the active probes.
// Applied once at construction and again whenever a setting changes, so a saved dialog takes
// effect at once.
class EngineSettings : public QObject
{
    Q_OBJECT

public:
    EngineSettings(Engine& engine, AppSettings& settings, QObject* parent = nullptr);

    // The budget part of the settings (global limits; per-provider limits stay as they were).
    static BudgetSettings budgetSettings(const AppSettings& settings, const BudgetSettings& base = {});

    void applyAll();
    void apply(AppSettings::Key key);

private:
    void applyBudgets();
    void applyRetention();
    void applyTraces();
    void applyProbes();

    Engine& m_engine;
    AppSettings& m_settings;
    ProviderProbes* m_probes = nullptr; // while probes are on
};
