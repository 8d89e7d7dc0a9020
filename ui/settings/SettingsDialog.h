#pragma once

#include <QDialog>

class AppSettings;
class KeyStore;
class LedgerLocationBox;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// How Switchyard behaves on this machine (AppSettings): data location, privacy, budgets, default
// timeouts, theme and language, operations (trace collector, active probes), the shared ledger. Changes are written
// on Save only; a trace collector URL that is no http(s) URL keeps the dialog open and says so.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // keys: where the shared ledger's password goes; null without a keychain.
    SettingsDialog(AppSettings& settings, const QString& dataLocation, KeyStore* keys = nullptr,
                   QWidget* parent = nullptr);

    // Languages with a translation built into the app (":/i18n/switchyard_<code>.qm"), English first.
    static QStringList availableLanguages();
    // A language as it names itself ("Deutsch"), for the language list.
    static QString languageName(const QString& code);

    // False, with the reason shown, when a field cannot be saved.
    bool save();

private:
    AppSettings& m_settings;
    QCheckBox* m_storePrompts;
    QSpinBox* m_retention;
    QDoubleSpinBox* m_daily;
    QDoubleSpinBox* m_monthly;
    QSpinBox* m_warnPercent;
    QComboBox* m_action;
    QCheckBox* m_allowUnpriced;
    QSpinBox* m_connect;
    QSpinBox* m_firstToken;
    QSpinBox* m_idle;
    QSpinBox* m_total;
    QComboBox* m_theme;
    QComboBox* m_language;
    QLineEdit* m_otlpEndpoint;
    QSpinBox* m_probeMinutes;
    QDoubleSpinBox* m_probeCap;
    LedgerLocationBox* m_ledger;
    QLabel* m_problem;
};
