#include "core/settings/AppSettings.h"

#include "core/common/HomeSettings.h"

#include <QSettings>

#include <utility>

AppSettings::AppSettings(QObject* parent)
    : QObject(parent)
    , m_settings(HomeSettings::open())
{
    migrate();
}

AppSettings::AppSettings(const QString& iniPath, QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    migrate();
}

AppSettings::~AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    switch (key) {
    case StorePrompts:
        return QStringLiteral("privacy/storePrompts");
    case HistoryRetentionDays:
        return QStringLiteral("privacy/historyRetentionDays");
    case BudgetDailyUsd:
        return QStringLiteral("budget/dailyUsd");
    case BudgetMonthlyUsd:
        return QStringLiteral("budget/monthlyUsd");
    case BudgetWarnPercent:
        return QStringLiteral("budget/warnPercent");
    case BudgetAction:
        return QStringLiteral("budget/action");
    case BudgetAllowUnpriced:
        return QStringLiteral("budget/allowUnpriced");
    case ConnectTimeoutMs:
        return QStringLiteral("timeouts/connectMs");
    case FirstTokenTimeoutMs:
        return QStringLiteral("timeouts/firstTokenMs");
    case IdleTimeoutMs:
        return QStringLiteral("timeouts/idleMs");
    case TotalTimeoutMs:
        return QStringLiteral("timeouts/totalMs");
    case ThemeKey:
        return QStringLiteral("ui/theme");
    case Language:
        return QStringLiteral("ui/language");
    case FirstRunDone:
        return QStringLiteral("ui/firstRunDone");
    case DatabaseUrl:
        return QStringLiteral("ledger/databaseUrl");
    case OtlpEndpoint:
        return QStringLiteral("operations/otlpEndpoint");
    case ProbeIntervalMinutes:
        return QStringLiteral("operations/probeIntervalMinutes");
    case ProbeDailyCapUsd:
        return QStringLiteral("operations/probeDailyCapUsd");
    }
    return {};
}

QVariant AppSettings::defaultValue(Key key)
{
    const Timeouts timeouts;
    switch (key) {
    case StorePrompts:
        return true;
    case HistoryRetentionDays:
        return 90;
    case BudgetDailyUsd:
    case BudgetMonthlyUsd:
        return 0.0; // no limit
    case BudgetWarnPercent:
        return 80;
    case BudgetAction:
        return QStringLiteral("warn");
    case BudgetAllowUnpriced:
        return false;
    case ConnectTimeoutMs:
        return timeouts.connectMs;
    case FirstTokenTimeoutMs:
        return timeouts.firstTokenMs;
    case IdleTimeoutMs:
        return timeouts.idleMs;
    case TotalTimeoutMs:
        return timeouts.totalMs;
    case ThemeKey:
        return QStringLiteral("system");
    case Language:
        return QString();
    case FirstRunDone:
        return false;
    case DatabaseUrl:
        return QString();
    case OtlpEndpoint:
        return QString();
    case ProbeIntervalMinutes:
        return 0;
    case ProbeDailyCapUsd:
        return 0.10;
    }
    return {};
}

QVariant AppSettings::value(Key key) const
{
    const QVariant fallback = defaultValue(key);
    QVariant v = m_settings->value(keyName(key), fallback);
    // INI files hand everything back as strings: convert to the default's type.
    if (v.metaType() != fallback.metaType() && v.canConvert(fallback.metaType())) {
        v.convert(fallback.metaType());
    }
    return v;
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    if (this->value(key) == value) {
        return;
    }
    m_settings->setValue(keyName(key), value);
    emit changed(key);
}

void AppSettings::reset(Key key)
{
    const bool had = m_settings->contains(keyName(key));
    m_settings->remove(keyName(key));
    if (had) {
        emit changed(key);
    }
}

AppSettings::Theme AppSettings::theme() const
{
    return themeFromId(value(ThemeKey).toString());
}

QString AppSettings::themeId(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

AppSettings::Theme AppSettings::themeFromId(const QString& id)
{
    if (id == QLatin1String("light")) {
        return Theme::Light;
    }
    if (id == QLatin1String("dark")) {
        return Theme::Dark;
    }
    return Theme::System;
}

Timeouts AppSettings::defaultTimeouts() const
{
    Timeouts t;
    t.connectMs = value(ConnectTimeoutMs).toInt();
    t.firstTokenMs = value(FirstTokenTimeoutMs).toInt();
    t.idleMs = value(IdleTimeoutMs).toInt();
    t.totalMs = value(TotalTimeoutMs).toInt();
    return t;
}

quint8 AppSettings::defaultTimeoutsSet() const
{
    quint8 set = 0;
    for (const auto& [key, bit] :
         { std::pair { ConnectTimeoutMs, ConnectTimeoutField },
           std::pair { FirstTokenTimeoutMs, FirstTokenTimeoutField }, std::pair { IdleTimeoutMs, IdleTimeoutField },
           std::pair { TotalTimeoutMs, TotalTimeoutField } }) {
        if (m_settings->contains(keyName(key))) {
            set |= bit;
        }
    }
    return set;
}

void AppSettings::setDefaultTimeouts(const Timeouts& timeouts)
{
    setValue(ConnectTimeoutMs, timeouts.connectMs);
    setValue(FirstTokenTimeoutMs, timeouts.firstTokenMs);
    setValue(IdleTimeoutMs, timeouts.idleMs);
    setValue(TotalTimeoutMs, timeouts.totalMs);
}

void AppSettings::sync()
{
    m_settings->sync();
}

void AppSettings::migrate()
{
    const QString versionKey = QStringLiteral("settingsVersion");
    int version = m_settings->value(versionKey, 0).toInt();
    if (version == 0 && m_settings->allKeys().isEmpty()) {
        version = CurrentVersion; // a fresh install has nothing to migrate
    }
    if (version < 2) {
        // Version 1 kept the budget warning as a fraction ("budget/warnAt" = 0.8) and a boolean
        // "ui/darkMode"; version 2 has a percentage and a three-way theme.
        const QString warnAt = QStringLiteral("budget/warnAt");
        if (m_settings->contains(warnAt)) {
            m_settings->setValue(keyName(BudgetWarnPercent), qRound(m_settings->value(warnAt).toDouble() * 100));
            m_settings->remove(warnAt);
        }
        const QString darkMode = QStringLiteral("ui/darkMode");
        if (m_settings->contains(darkMode)) {
            m_settings->setValue(keyName(ThemeKey),
                                 m_settings->value(darkMode).toBool() ? QStringLiteral("dark")
                                                                      : QStringLiteral("light"));
            m_settings->remove(darkMode);
        }
    }
    m_settings->setValue(versionKey, CurrentVersion);
}
