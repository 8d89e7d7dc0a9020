#include "core/engine/EngineSettings.h"

#include "core/engine/Engine.h"
#include "core/engine/ProviderProbes.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/BudgetTracker.h"

#include <QDebug>
#include <QProcessEnvironment>
#include <QTimer>

#include <utility>

EngineSettings::EngineSettings(Engine& engine, AppSettings& settings, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_settings(settings)
{
    connect(&settings, &AppSettings::changed, this, &EngineSettings::apply);
    // An app left running for days keeps trimming its history, not only at start-up.
    auto* retention = new QTimer(this);
    retention->setInterval(6 * 60 * 60 * 1000);
    connect(retention, &QTimer::timeout, this, &EngineSettings::applyRetention);
    retention->start();
    applyAll();
}

BudgetSettings EngineSettings::budgetSettings(const AppSettings& settings, const BudgetSettings& base)
{
    BudgetSettings result = base;
    result.global.dailyUsd = qMax(0.0, settings.value(AppSettings::BudgetDailyUsd).toDouble());
    result.global.monthlyUsd = qMax(0.0, settings.value(AppSettings::BudgetMonthlyUsd).toDouble());
    result.warnAt = qBound(1, settings.value(AppSettings::BudgetWarnPercent).toInt(), 100) / 100.0;
    result.action
        = BudgetActions::fromId(settings.value(AppSettings::BudgetAction).toString()).value_or(BudgetAction::WarnOnly);
    result.allowUnpriced = settings.value(AppSettings::BudgetAllowUnpriced).toBool();
    return result;
}

void EngineSettings::applyAll()
{
    applyBudgets();
    m_engine.setDefaultTimeouts(m_settings.defaultTimeouts(), m_settings.defaultTimeoutsSet());
    m_engine.setStorePrompts(m_settings.storePrompts());
    applyRetention();
    applyTraces();
    applyProbes();
}

void EngineSettings::apply(AppSettings::Key key)
{
    switch (key) {
    case AppSettings::BudgetDailyUsd:
    case AppSettings::BudgetMonthlyUsd:
    case AppSettings::BudgetWarnPercent:
    case AppSettings::BudgetAction:
    case AppSettings::BudgetAllowUnpriced:
        applyBudgets();
        break;
    case AppSettings::ConnectTimeoutMs:
    case AppSettings::FirstTokenTimeoutMs:
    case AppSettings::IdleTimeoutMs:
    case AppSettings::TotalTimeoutMs:
        m_engine.setDefaultTimeouts(m_settings.defaultTimeouts(), m_settings.defaultTimeoutsSet());
        break;
    case AppSettings::StorePrompts:
        m_engine.setStorePrompts(m_settings.storePrompts());
        break;
    case AppSettings::HistoryRetentionDays:
        applyRetention();
        break;
    case AppSettings::ThemeKey:
    case AppSettings::Language:
    case AppSettings::FirstRunDone:
        break; // the UI's business
    case AppSettings::OtlpEndpoint:
        applyTraces();
        break;
    case AppSettings::ProbeIntervalMinutes:
    case AppSettings::ProbeDailyCapUsd:
        applyProbes();
        break;
    default:
        break;
    }
}

void EngineSettings::applyTraces()
{
    QString error;
    const std::optional<OtlpSettings> traces = OtlpSettings::resolve(
        m_settings.value(AppSettings::OtlpEndpoint).toString(), QProcessEnvironment::systemEnvironment(), &error);
    if (!error.isEmpty()) {
        qWarning().noquote() << error; // the dialog refuses a bad URL; a bad variable ends here
    }
    m_engine.setTraceExport(traces);
}

void EngineSettings::applyProbes()
{
    const int minutes = m_settings.value(AppSettings::ProbeIntervalMinutes).toInt();
    if (minutes <= 0) {
        delete std::exchange(m_probes, nullptr);
        return;
    }
    if (!m_probes) {
        m_probes = new ProviderProbes(m_engine, this);
    }
    m_probes->setDailyCapUsd(qMax(0.0, m_settings.value(AppSettings::ProbeDailyCapUsd).toDouble()));
    m_probes->setInterval(minutes * 60 * 1000);
}

void EngineSettings::applyBudgets()
{
    BudgetTracker* budgets = m_engine.budgets();
    budgets->setSettings(budgetSettings(m_settings, budgets->settings()));
}

void EngineSettings::applyRetention()
{
    const int days = m_settings.historyRetentionDays();
    Ledger* ledger = m_engine.ledger();
    if (ledger && days > 0) {
        ledger->deleteOlderThan(days);
    }
}
