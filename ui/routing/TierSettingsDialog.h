#pragma once

#include "core/routing/RoutingPolicy.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QSpinBox;

// A tier's failover settings: timeouts, the 429 wait cap, cooldown, strategy, mid-stream policy,
// hedging and cache. "Use the policy defaults" leaves them unset (the defaults are shown).
class TierSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    TierSettingsDialog(const QString& tier, const std::optional<TierSettings>& settings, const TierSettings& defaults,
                       QWidget* parent = nullptr);

    std::optional<TierSettings> settings() const;

private:
    void show(const TierSettings& settings);
    QSpinBox* spin(int max, const QString& suffix);

    TierSettings m_defaults;
    quint8 m_timeoutsSet = 0; // TimeoutField bits the tier sets: as loaded, plus every field edited here
    bool m_showing = false;
    QCheckBox* m_useDefaults;
    QSpinBox* m_connect;
    QSpinBox* m_firstToken;
    QSpinBox* m_idle;
    QSpinBox* m_total;
    QSpinBox* m_rateLimitCap;
    QSpinBox* m_quotaCooldown;
    QSpinBox* m_failures;
    QSpinBox* m_window;
    QSpinBox* m_duration;
    QComboBox* m_strategy;
    QComboBox* m_midStream;
    QCheckBox* m_hedging;
    QSpinBox* m_hedgeAfter;
    QCheckBox* m_cache;
};
