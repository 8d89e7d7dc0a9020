#include "ui/settings/SettingsDialog.h"

#include "core/pricing/BudgetTypes.h"
#include "core/settings/AppSettings.h"
#include "core/telemetry/OtlpSettings.h"
#include "ui/common/CountSpinBox.h"
#include "ui/common/SaveButtons.h"
#include "ui/settings/LedgerLocationBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QSpinBox* secondsBox(int ms)
{
    auto* box = new QSpinBox;
    box->setRange(0, 3600);
    box->setSuffix(QCoreApplication::translate("SettingsDialog", " s"));
    box->setSpecialValueText(QCoreApplication::translate("SettingsDialog", "off"));
    box->setValue(ms / 1000);
    return box;
}

QDoubleSpinBox* usdBox(double value)
{
    auto* box = new QDoubleSpinBox;
    box->setRange(0, 1000000);
    box->setDecimals(2);
    box->setPrefix(QStringLiteral("$"));
    box->setSpecialValueText(QCoreApplication::translate("SettingsDialog", "no limit"));
    box->setValue(value);
    return box;
}

} // namespace

QStringList SettingsDialog::availableLanguages()
{
    QStringList codes { QStringLiteral("en") };
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({ QStringLiteral("switchyard_*.qm") });
    for (const QString& file : files) {
        const QString code = file.mid(11, file.size() - 11 - 3); // switchyard_<code>.qm
        if (!codes.contains(code)) {
            codes << code;
        }
    }
    return codes;
}

QString SettingsDialog::languageName(const QString& code)
{
    // Each language by its own name ("Deutsch"), as a reader of that language looks for it;
    // English without the territory QLocale("en") would add ("American English").
    const QLocale locale(code);
    if (locale.language() == QLocale::English) {
        return QStringLiteral("English");
    }
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty()) {
        name[0] = name[0].toUpper();
    }
    return name.isEmpty() ? code : name;
}

SettingsDialog::SettingsDialog(AppSettings& settings, const QString& dataLocation, KeyStore* keys, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_ledger(new LedgerLocationBox(settings, keys))
{
    setWindowTitle(tr("Settings"));

    auto* location = new QLabel(QDir::toNativeSeparators(dataLocation));
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* open = new QPushButton(tr("Open"));
    connect(open, &QPushButton::clicked, this,
            [dataLocation] { QDesktopServices::openUrl(QUrl::fromLocalFile(dataLocation)); });
    auto* locationRow = new QHBoxLayout;
    locationRow->addWidget(location, 1);
    locationRow->addWidget(open);

    m_storePrompts = new QCheckBox(tr("Store prompt and response text in the history"));
    m_storePrompts->setChecked(settings.storePrompts());
    m_retention = new CountSpinBox([](int days) { return tr("%Ln day(s)", nullptr, days); });
    m_retention->setObjectName(QStringLiteral("retention"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("keep forever"));
    m_retention->setValue(settings.historyRetentionDays());
    auto* data = new QGroupBox(tr("Data"));
    auto* dataForm = new QFormLayout(data);
    dataForm->addRow(tr("Location"), locationRow);
    dataForm->addRow(QString(), m_storePrompts);
    dataForm->addRow(tr("History retention"), m_retention);

    m_daily = usdBox(settings.value(AppSettings::BudgetDailyUsd).toDouble());
    m_monthly = usdBox(settings.value(AppSettings::BudgetMonthlyUsd).toDouble());
    m_daily->setObjectName(QStringLiteral("dailyLimit"));
    m_monthly->setObjectName(QStringLiteral("monthlyLimit"));
    m_warnPercent = new QSpinBox;
    m_warnPercent->setRange(1, 100);
    m_warnPercent->setSuffix(QStringLiteral(" %"));
    m_warnPercent->setValue(settings.value(AppSettings::BudgetWarnPercent).toInt());
    m_action = new QComboBox;
    for (BudgetAction action : { BudgetAction::WarnOnly, BudgetAction::Refuse, BudgetAction::DowngradeTier }) {
        m_action->addItem(BudgetActions::displayName(action), BudgetActions::id(action));
    }
    m_action->setCurrentIndex(qMax(0, m_action->findData(settings.value(AppSettings::BudgetAction))));
    m_allowUnpriced = new QCheckBox(tr("Send requests to unpriced models (their cost is not counted)"));
    m_allowUnpriced->setObjectName(QStringLiteral("allowUnpriced"));
    m_allowUnpriced->setChecked(settings.value(AppSettings::BudgetAllowUnpriced).toBool());
    auto* budgets = new QGroupBox(tr("Budgets (all providers)"));
    auto* budgetForm = new QFormLayout(budgets);
    budgetForm->addRow(tr("Daily limit"), m_daily);
    budgetForm->addRow(tr("Monthly limit"), m_monthly);
    budgetForm->addRow(tr("Warn at"), m_warnPercent);
    budgetForm->addRow(tr("Over the limit"), m_action);
    budgetForm->addRow(QString(), m_allowUnpriced);

    const Timeouts timeouts = settings.defaultTimeouts();
    m_connect = secondsBox(timeouts.connectMs);
    m_firstToken = secondsBox(timeouts.firstTokenMs);
    m_idle = secondsBox(timeouts.idleMs);
    m_total = secondsBox(timeouts.totalMs);
    auto* timeoutBox = new QGroupBox(tr("Default timeouts"));
    auto* timeoutForm = new QFormLayout(timeoutBox);
    timeoutForm->addRow(tr("Connect"), m_connect);
    timeoutForm->addRow(tr("First token"), m_firstToken);
    timeoutForm->addRow(tr("Between tokens"), m_idle);
    timeoutForm->addRow(tr("Whole call"), m_total);

    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System"), AppSettings::themeId(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), AppSettings::themeId(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), AppSettings::themeId(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(AppSettings::themeId(settings.theme()))));
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    for (const QString& code : availableLanguages()) {
        m_language->addItem(languageName(code), code);
    }
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language())));
    auto* appearance = new QGroupBox(tr("Appearance"));
    auto* appearanceForm = new QFormLayout(appearance);
    appearanceForm->addRow(tr("Theme"), m_theme);
    appearanceForm->addRow(tr("Language"), m_language);
    appearanceForm->addRow(QString(), new QLabel(tr("A new language applies after a restart.")));

    m_otlpEndpoint = new QLineEdit(settings.value(AppSettings::OtlpEndpoint).toString());
    m_otlpEndpoint->setObjectName(QStringLiteral("otlpEndpoint"));
    m_otlpEndpoint->setPlaceholderText(tr("e.g. http://127.0.0.1:4318 (empty: off)"));
    m_otlpEndpoint->setToolTip(tr("An OpenTelemetry collector's OTLP/HTTP address: every request is sent there as a "
                                  "trace, without prompt or answer text"));
    m_probeMinutes = new QSpinBox;
    m_probeMinutes->setObjectName(QStringLiteral("probeMinutes"));
    m_probeMinutes->setRange(0, 1440);
    m_probeMinutes->setSuffix(tr(" min"));
    m_probeMinutes->setSpecialValueText(tr("off"));
    m_probeMinutes->setValue(settings.value(AppSettings::ProbeIntervalMinutes).toInt());
    m_probeMinutes->setToolTip(tr("A one-token request to each provider this often, so an outage is known before "
                                  "your requests find it"));
    m_probeCap = new QDoubleSpinBox;
    m_probeCap->setObjectName(QStringLiteral("probeCap"));
    m_probeCap->setRange(0, 100);
    m_probeCap->setDecimals(2);
    m_probeCap->setPrefix(QStringLiteral("$"));
    m_probeCap->setValue(settings.value(AppSettings::ProbeDailyCapUsd).toDouble());
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->hide();
    auto* operations = new QGroupBox(tr("Operations"));
    auto* operationsForm = new QFormLayout(operations);
    operationsForm->addRow(tr("Trace collector"), m_otlpEndpoint);
    operationsForm->addRow(tr("Health probes every"), m_probeMinutes);
    operationsForm->addRow(tr("Probe cost per day at most"), m_probeCap);

    QDialogButtonBox* buttons = SaveButtons::create(this, [this] { return save(); });

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(data);
    left->addWidget(appearance);
    left->addWidget(operations);
    auto* right = new QVBoxLayout;
    right->addWidget(budgets);
    right->addWidget(timeoutBox);
    right->addWidget(m_ledger);
    columns->addLayout(left);
    columns->addLayout(right);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

bool SettingsDialog::save()
{
    const QString endpoint = m_otlpEndpoint->text().trimmed();
    if (!endpoint.isEmpty()) {
        QString error;
        OtlpSettings::resolve(endpoint, QProcessEnvironment(), &error);
        if (!error.isEmpty()) {
            m_problem->setText(tr("Trace collector: \"%1\" is not an http:// or https:// URL.").arg(endpoint));
            m_problem->show();
            m_otlpEndpoint->setFocus();
            return false;
        }
    }
    if (const QString problem = m_ledger->problem(); !problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        m_ledger->urlEdit()->setFocus();
        return false;
    }
    m_problem->hide();
    m_ledger->save();
    m_settings.setValue(AppSettings::StorePrompts, m_storePrompts->isChecked());
    m_settings.setValue(AppSettings::HistoryRetentionDays, m_retention->value());
    m_settings.setValue(AppSettings::BudgetDailyUsd, m_daily->value());
    m_settings.setValue(AppSettings::BudgetMonthlyUsd, m_monthly->value());
    m_settings.setValue(AppSettings::BudgetWarnPercent, m_warnPercent->value());
    m_settings.setValue(AppSettings::BudgetAction, m_action->currentData().toString());
    m_settings.setValue(AppSettings::BudgetAllowUnpriced, m_allowUnpriced->isChecked());
    Timeouts timeouts;
    timeouts.connectMs = m_connect->value() * 1000;
    timeouts.firstTokenMs = m_firstToken->value() * 1000;
    timeouts.idleMs = m_idle->value() * 1000;
    timeouts.totalMs = m_total->value() * 1000;
    m_settings.setDefaultTimeouts(timeouts);
    m_settings.setValue(AppSettings::ThemeKey, m_theme->currentData().toString());
    m_settings.setValue(AppSettings::Language, m_language->currentData().toString());
    m_settings.setValue(AppSettings::OtlpEndpoint, endpoint);
    m_settings.setValue(AppSettings::ProbeIntervalMinutes, m_probeMinutes->value());
    m_settings.setValue(AppSettings::ProbeDailyCapUsd, m_probeCap->value());
    m_settings.sync();
    return true;
}
