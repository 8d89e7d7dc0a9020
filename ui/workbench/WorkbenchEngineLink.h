#pragma once

class Engine;
class ProviderHealth;
class WorkbenchView;

// Wires the workbench and the provider health shown in the status bar to a running Engine:
// every column's call goes to the ledger under its run's compare group, "Route it" columns run
// on the engine's router, saved settings reach the columns, and cooldowns and budgets reach the
// status bar.
namespace WorkbenchEngineLink {
void connect(Engine& engine, WorkbenchView* workbench, ProviderHealth* health);
} // namespace WorkbenchEngineLink
