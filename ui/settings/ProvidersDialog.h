#pragma once

#include "core/config/SwitchyardConfig.h"

#include <QDialog>
#include <QPointer>

class Engine;
class KeyStore;
class ModelListFetcher;
class ProviderCall;
class ProviderForm;
class ProviderModelsEditor;
class QComboBox;
class QLabel;
class QListWidget;

// Add, edit, enable and test providers; keys go to the keychain (KeyStore), never to the config.
// Works on a copy of the engine's configuration and saves it through Engine::saveConfig(). The
// list of providers and the presets are its own; the selected provider's fields are a
// ProviderForm, its models a ProviderModelsEditor; testing and fetching the model list run here.
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
    void addFetchedModels();
    // The models the selected provider's entries are kept from: the config's, or the sandbox's.
    const QList<ModelConfig>& knownModels(const ProviderConfig& provider) const;
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
    QWidget* m_form; // the selected provider's side: disabled when none is selected
    ProviderForm* m_providerForm;
    ProviderModelsEditor* m_models;
    QLabel* m_testResult;
    QLabel* m_problems;
};
