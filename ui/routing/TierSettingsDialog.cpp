#include "ui/routing/TierSettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

TierSettingsDialog::TierSettingsDialog(const QString& tier, const std::optional<TierSettings>& settings,
                                       const TierSettings& defaults, QWidget* parent)
    : QDialog(parent)
    , m_defaults(defaults)
    , m_useDefaults(new QCheckBox(tr("&Use the policy defaults"), this))
    , m_connect(spin(600000, tr(" ms")))
    , m_firstToken(spin(600000, tr(" ms")))
    , m_idle(spin(600000, tr(" ms")))
    , m_total(spin(3600000, tr(" ms")))
    , m_rateLimitCap(spin(600000, tr(" ms")))
    , m_quotaCooldown(spin(86400, tr(" s")))
    , m_failures(spin(1000, QString()))
    , m_window(spin(86400, tr(" s")))
    , m_duration(spin(86400, tr(" s")))
    , m_strategy(new QComboBox(this))
    , m_midStream(new QComboBox(this))
    , m_hedging(new QCheckBox(tr("Start the next model when no first token arrives within"), this))
    , m_hedgeAfter(spin(600000, tr(" ms")))
    , m_cache(new QCheckBox(tr("Answer from the exact-match cache when every model failed"), this))
{
    setWindowTitle(tr("Failover settings: %1").arg(tier));
    m_strategy->addItem(tr("Weighted random"), int(LoadBalanceStrategy::SimpleShuffle));
    m_strategy->addItem(tr("Least busy"), int(LoadBalanceStrategy::LeastBusy));
    m_strategy->addItem(tr("Lowest latency"), int(LoadBalanceStrategy::LatencyBased));
    m_midStream->addItem(tr("Restart on the next model"), int(MidStreamPolicy::Restart));
    m_midStream->addItem(tr("Continue on the next model"), int(MidStreamPolicy::Continue));
    m_midStream->addItem(tr("Stop, marked incomplete"), int(MidStreamPolicy::StopIncomplete));

    auto* form = new QFormLayout;
    form->addRow(tr("&Connect timeout:"), m_connect);
    form->addRow(tr("&First token timeout:"), m_firstToken);
    form->addRow(tr("&Idle timeout:"), m_idle);
    form->addRow(tr("&Total timeout:"), m_total);
    form->addRow(tr("429 &wait cap:"), m_rateLimitCap);
    form->addRow(tr("&Quota cooldown:"), m_quotaCooldown);
    form->addRow(tr("Cool down after &failures:"), m_failures);
    form->addRow(tr("… within &window:"), m_window);
    form->addRow(tr("… for &duration:"), m_duration);
    form->addRow(tr("&Load balancing:"), m_strategy);
    form->addRow(tr("&Mid-stream break:"), m_midStream);
    form->addRow(m_hedging);
    form->addRow(tr("&Hedge after:"), m_hedgeAfter);
    form->addRow(m_cache);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_useDefaults);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_useDefaults, &QCheckBox::toggled, this, [this, form](bool useDefaults) {
        if (useDefaults) {
            show(m_defaults);
        }
        for (int row = 0; row < form->rowCount(); ++row) {
            for (auto role : { QFormLayout::LabelRole, QFormLayout::FieldRole, QFormLayout::SpanningRole }) {
                if (QLayoutItem* item = form->itemAt(row, role); item && item->widget()) {
                    item->widget()->setEnabled(!useDefaults);
                }
            }
        }
    });
    show(settings.value_or(defaults));
    m_timeoutsSet = settings ? settings->timeoutsSet : 0;
    // A timeout edited here is the tier's own, also when it ends equal to the default.
    for (const auto& [box, bit] :
         { std::pair { m_connect, ConnectTimeoutField }, std::pair { m_firstToken, FirstTokenTimeoutField },
           std::pair { m_idle, IdleTimeoutField }, std::pair { m_total, TotalTimeoutField } }) {
        connect(box, &QSpinBox::valueChanged, this, [this, bit] {
            if (!m_showing) {
                m_timeoutsSet |= bit;
            }
        });
    }
    m_useDefaults->setChecked(!settings.has_value());
    if (settings.has_value()) {
        emit m_useDefaults->toggled(false);
    }
}

QSpinBox* TierSettingsDialog::spin(int max, const QString& suffix)
{
    auto* box = new QSpinBox(this);
    box->setRange(0, max);
    box->setSuffix(suffix);
    box->setSpecialValueText(tr("off"));
    return box;
}

void TierSettingsDialog::show(const TierSettings& s)
{
    const QScopedValueRollback showing(m_showing, true);
    m_connect->setValue(s.timeouts.connectMs);
    m_firstToken->setValue(s.timeouts.firstTokenMs);
    m_idle->setValue(s.timeouts.idleMs);
    m_total->setValue(s.timeouts.totalMs);
    m_rateLimitCap->setValue(s.rateLimitWaitCapMs);
    m_quotaCooldown->setValue(s.quotaCooldownSec);
    m_failures->setValue(s.cooldown.failures);
    m_window->setValue(s.cooldown.windowSec);
    m_duration->setValue(s.cooldown.durationSec);
    m_strategy->setCurrentIndex(m_strategy->findData(int(s.strategy)));
    m_midStream->setCurrentIndex(m_midStream->findData(int(s.midStream)));
    m_hedging->setChecked(s.hedging);
    m_hedgeAfter->setValue(s.hedgeAfterMs);
    m_cache->setChecked(s.cacheEnabled);
}

std::optional<TierSettings> TierSettingsDialog::settings() const
{
    if (m_useDefaults->isChecked()) {
        return std::nullopt;
    }
    TierSettings s;
    s.timeouts = { m_connect->value(), m_firstToken->value(), m_idle->value(), m_total->value() };
    s.timeoutsSet = m_timeoutsSet;
    s.rateLimitWaitCapMs = m_rateLimitCap->value();
    s.quotaCooldownSec = m_quotaCooldown->value();
    s.cooldown = { m_failures->value(), m_window->value(), m_duration->value() };
    s.strategy = LoadBalanceStrategy(m_strategy->currentData().toInt());
    s.midStream = MidStreamPolicy(m_midStream->currentData().toInt());
    s.hedging = m_hedging->isChecked();
    s.hedgeAfterMs = m_hedgeAfter->value();
    s.cacheEnabled = m_cache->isChecked();
    return s;
}
