#pragma once

#include "core/common/ProviderTypes.h"

#include <QWidget>

class KeyStore;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// One provider's settings as the Providers dialog edits them: name, wire format, URL (with the
// Azure and Bedrock rows shown for those only), its key (stored in the keychain from here, never in
// the config; the source shown masked), extra headers, limits and budgets. A simulated provider is
// shown read-only where it belongs to the sandbox.
class ProviderForm final : public QWidget
{
    Q_OBJECT

public:
    explicit ProviderForm(KeyStore& keys, QWidget* parent = nullptr);

    // Shows `provider`; `simulated`: the sandbox's, its identity and key fields read-only.
    void load(const ProviderConfig& provider, bool simulated);
    // Writes the fields into `provider` (its id and what the form does not show are kept).
    void store(ProviderConfig* provider) const;

    ProviderKind kind() const;
    bool insecureWarningShown() const;
    QString keySourceText() const;
    QString awsSourceText() const;
    bool awsFieldsShown() const;

signals:
    void nameEdited(const QString& name);
    void kindChanged(ProviderKind kind);

private:
    void storeKey();
    void updateKeyState();
    void updateInsecureWarning();
    void updateKindRows(); // Azure's rows (resource, api-version, authentication) only for Azure
    void updateAwsState(); // Bedrock's rows shown for that wire only, with the credential source

    KeyStore& m_keys;
    ProviderConfig m_provider; // as loaded: the id whose key the key fields manage
    QFormLayout* m_layout;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_baseUrl;
    QLineEdit* m_azureResource; // fills the base URL: https://NAME.openai.azure.com
    QLineEdit* m_apiVersion;
    QComboBox* m_auth;
    QLabel* m_insecure;
    QLineEdit* m_awsRegion;
    QLineEdit* m_awsProfile;
    QLabel* m_awsSource;
    QLineEdit* m_keyEnv;
    QLineEdit* m_keyInput;
    QHBoxLayout* m_keyRow;
    QLabel* m_keySource;
    QLabel* m_keychainError;
    QPlainTextEdit* m_headers;
    QSpinBox* m_maxConcurrent;
    QDoubleSpinBox* m_dailyBudget;
    QDoubleSpinBox* m_monthlyBudget;
    QCheckBox* m_enabled;
};
