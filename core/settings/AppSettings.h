#pragma once

#include "core/common/ProviderTypes.h"

#include <QObject>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

// Typed application settings over QSettings, with defaults, one change signal and a stepwise
// migration (KeePassXC's Config). Provider and routing configuration are not here: they live in
// the home dir's JSON files (core/config); this is how the app behaves on this machine.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Theme
    {
        System,
        Light,
        Dark,
    };
    Q_ENUM(Theme)

    enum Key
    {
        StorePrompts,
        HistoryRetentionDays,
        BudgetDailyUsd,
        BudgetMonthlyUsd,
        BudgetWarnPercent,
        BudgetAction, // "warn", "refuse", "downgrade" (BudgetActions ids)
        BudgetAllowUnpriced, // send requests to unpriced models although a budget limit applies
        ConnectTimeoutMs,
        FirstTokenTimeoutMs,
        IdleTimeoutMs,
        TotalTimeoutMs,
        ThemeKey,
        Language, // "" = the system's; else "de", "en", ...
        FirstRunDone,
        // Where the ledger lives: "" = ledger.sqlite in the home directory, or a postgresql:// URL
        // (without its password) shared with a team.
        DatabaseUrl,
        // Operations: the OpenTelemetry collector's base URL ("" = the OTEL_* variables, else no
        // traces), and the active probes (every N minutes, 0 = off; what they may cost per day).
        OtlpEndpoint,
        ProbeIntervalMinutes,
        ProbeDailyCapUsd,
    };
    Q_ENUM(Key)

    static constexpr int CurrentVersion = 2;

    // The active home's settings (HomeSettings): what `--home DIR` holds.
    explicit AppSettings(QObject* parent = nullptr);
    // An INI file, for tests and portable installs.
    explicit AppSettings(const QString& iniPath, QObject* parent = nullptr);
    ~AppSettings() override;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    void reset(Key key);
    static QVariant defaultValue(Key key);

    bool storePrompts() const { return value(StorePrompts).toBool(); }
    int historyRetentionDays() const { return value(HistoryRetentionDays).toInt(); }
    Theme theme() const;
    void setTheme(Theme theme) { setValue(ThemeKey, themeId(theme)); }
    QString language() const { return value(Language).toString(); }
    bool firstRunDone() const { return value(FirstRunDone).toBool(); }
    Timeouts defaultTimeouts() const;
    // The TimeoutField bits of the default timeouts the user has chosen (stored, even when equal
    // to the built-in value); the others are the built-in values.
    quint8 defaultTimeoutsSet() const;
    void setDefaultTimeouts(const Timeouts& timeouts);

    static QString themeId(Theme theme);
    static Theme themeFromId(const QString& id);

    void sync();

signals:
    void changed(AppSettings::Key key);

private:
    void migrate();
    static QString keyName(Key key);

    std::unique_ptr<QSettings> m_settings;
};
