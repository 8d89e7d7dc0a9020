#pragma once

#include "core/config/SwitchyardConfig.h"

#include <QDialog>
#include <QPointer>

class Engine;
class KeyStore;
class ModelListFetcher;
class ProviderCall;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Add, edit, enable and test providers; keys go to the keychain (KeyStore), never to the config.
// Works on a copy of the engine's configuration and saves it through Engine::saveConfig().
class ProvidersDialog : public QDialog
{
    Q_OBJECT

public:
    ProvidersDialog(Engine& engine, KeyStore& keys, QWidget* parent = nullptr);

    // The working copy, with the form's edits applied.
    SwitchyardConfig workingConfig();
    QString currentProviderId() const { return m_currentId; }

    void addFromPreset(const QString& presetId);
    // Nothing selected, the preset list focused, a hint what to do (the welcome's "Add a provider").
    void startAdding();
    void selectProvider(const QString& providerId);
    void testConnection();
    void fetchModels();
    // Validates and saves through the engine; false (with the problems shown) when it refused.
    bool save();

    QString testResultText() const;
    QString keySourceText() const;
    // Bedrock: where the AWS credentials and region come from, or what is missing.
    QString awsSourceText() const;
    bool awsFieldsShown() const;
    bool insecureWarningShown() const;
    QString messageText() const;
    QStringList fetchedModels() const;

signals:
    void connectionTested(bool ok);
    void modelsFetched();

private:
    void buildUi();
    void reloadList();
    void loadForm(const QString& providerId);
    void storeForm();
    void updateKeyState();
    void updateInsecureWarning();
    void updateKindRows(); // Azure's rows (resource, api-version, authentication) only for Azure
    void updateAwsState(); // Bedrock's rows shown for that wire only, with the credential source
    void storeKey();
    void addFetchedModels();
    void addModelRow(const ModelConfig& model);
    QList<ModelConfig> modelsFromTable(const ProviderConfig& provider) const;
    const ProviderConfig* simulatedProvider(const QString& id) const;
    // One wording for what went wrong talking to a provider, with where: "Test connection failed
    // at http://127.0.0.1:9/v1: Network error (Connection refused)".
    QString failureText(const QString& action, const ProviderConfig& provider, const QString& reason) const;
    void renameInList(const QString& name);

    Engine& m_engine;
    KeyStore& m_keys;
    SwitchyardConfig m_config;
    QString m_currentId;
    ModelListFetcher* m_fetcher;
    QPointer<ProviderCall> m_testCall;
    bool m_testingByFetch = false; // a test without models fetches the model list instead

    QListWidget* m_list;
    QComboBox* m_presets;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_baseUrl;
    QLineEdit* m_azureResource; // fills the base URL: https://NAME.openai.azure.com
    QLineEdit* m_apiVersion;
    QComboBox* m_auth;
    QLabel* m_insecure;
    QLineEdit* m_keyEnv;
    QLineEdit* m_keyInput;
    QLabel* m_keySource;
    QLineEdit* m_awsRegion;
    QLineEdit* m_awsProfile;
    QLabel* m_awsSource;
    QHBoxLayout* m_keyRow;
    bool bedrockSelected() const;
    QLabel* m_keychainError;
    QPlainTextEdit* m_headers;
    QSpinBox* m_maxConcurrent;
    QDoubleSpinBox* m_dailyBudget;
    QDoubleSpinBox* m_monthlyBudget;
    QCheckBox* m_enabled;
    QTableWidget* m_models;
    QListWidget* m_fetched;
    QLabel* m_testResult;
    QLabel* m_problems;
    QWidget* m_form;
    QFormLayout* m_formLayout;
};
