#include "ui/settings/ProviderForm.h"

#include "core/common/AwsCredentialChain.h"
#include "core/common/AzureEndpoint.h"
#include "core/config/ProviderPresets.h"
#include "core/providers/BedrockWire.h"
#include "core/secrets/KeyStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace {

QString headersText(const QMap<QString, QString>& headers)
{
    QStringList lines;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        lines << it.key() + QStringLiteral(": ") + it.value();
    }
    return lines.join(QLatin1Char('\n'));
}

QMap<QString, QString> parseHeaders(const QString& text)
{
    QMap<QString, QString> headers;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            headers.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
        }
    }
    return headers;
}

} // namespace

ProviderForm::ProviderForm(KeyStore& keys, QWidget* parent)
    : QWidget(parent)
    , m_keys(keys)
    , m_layout(new QFormLayout(this))
    , m_name(new QLineEdit)
    , m_kind(new QComboBox)
    , m_baseUrl(new QLineEdit)
    , m_azureResource(new QLineEdit)
    , m_apiVersion(new QLineEdit)
    , m_auth(new QComboBox)
    , m_insecure(new QLabel(tr("Plain http:// to another machine: the API key would travel in clear text.")))
    , m_awsRegion(new QLineEdit)
    , m_awsProfile(new QLineEdit)
    , m_awsSource(new QLabel)
    , m_keyEnv(new QLineEdit)
    , m_keyInput(new QLineEdit)
    , m_keyRow(new QHBoxLayout)
    , m_keySource(new QLabel)
    , m_keychainError(new QLabel)
    , m_headers(new QPlainTextEdit)
    , m_maxConcurrent(new QSpinBox)
    , m_enabled(new QCheckBox(tr("Enabled")))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_name->setObjectName(QStringLiteral("providerName"));
    connect(m_name, &QLineEdit::textEdited, this, &ProviderForm::nameEdited);
    m_kind->addItem(tr("OpenAI-compatible"), ProviderKinds::id(ProviderKind::OpenAiCompatible));
    m_kind->addItem(tr("Anthropic Messages"), ProviderKinds::id(ProviderKind::AnthropicMessages));
    m_kind->addItem(tr("Azure OpenAI"), ProviderKinds::id(ProviderKind::AzureOpenAi));
    m_kind->addItem(tr("Amazon Bedrock (Converse, AWS SigV4)"), ProviderKinds::id(ProviderKind::BedrockConverse));
    m_kind->addItem(tr("Google Gemini API (generateContent)"), ProviderKinds::id(ProviderKind::Gemini));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKindRows();
        updateAwsState();
        emit kindChanged(kind());
    });
    m_awsRegion->setObjectName(QStringLiteral("awsRegion"));
    m_awsRegion->setPlaceholderText(tr("e.g. us-east-1; empty: AWS_REGION or the profile's region"));
    connect(m_awsRegion, &QLineEdit::textChanged, this, &ProviderForm::updateAwsState);
    m_awsProfile->setObjectName(QStringLiteral("awsProfile"));
    m_awsProfile->setPlaceholderText(tr("empty: AWS_ACCESS_KEY_ID from the environment, else AWS_PROFILE or default"));
    connect(m_awsProfile, &QLineEdit::textChanged, this, &ProviderForm::updateAwsState);
    m_awsSource->setObjectName(QStringLiteral("awsCredentialSource"));
    m_awsSource->setWordWrap(true);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com/v1"));
    m_insecure->setObjectName(QStringLiteral("insecureWarning"));
    m_insecure->setStyleSheet(QStringLiteral("color: #b00020"));
    m_insecure->setWordWrap(true);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ProviderForm::updateInsecureWarning);
    m_azureResource->setObjectName(QStringLiteral("azureResource"));
    m_azureResource->setPlaceholderText(tr("Resource name, e.g. contoso"));
    connect(m_azureResource, &QLineEdit::textEdited, this, [this](const QString& resource) {
        if (!resource.trimmed().isEmpty()) {
            m_baseUrl->setText(AzureEndpoint::forResource(resource).toString());
        }
    });
    m_apiVersion->setObjectName(QStringLiteral("apiVersion"));
    m_apiVersion->setPlaceholderText(AzureEndpoint::defaultApiVersion());
    m_apiVersion->setToolTip(tr("The api-version of the deployment URLs; not used when the base URL ends in "
                                "/openai/v1"));
    m_auth->setObjectName(QStringLiteral("authType"));
    m_auth->addItem(tr("API key (api-key header)"), ProviderAuths::id(ProviderAuth::ApiKey));
    m_auth->addItem(tr("Microsoft Entra ID token (Authorization: Bearer)"),
                    ProviderAuths::id(ProviderAuth::EntraIdToken));
    m_auth->setToolTip(tr("An Entra ID access token is read like a key: from the key variable (e.g. "
                          "AZURE_OPENAI_AD_TOKEN) or the keychain. Tokens expire after about an hour."));
    m_keyEnv->setPlaceholderText(tr("e.g. OPENAI_API_KEY; empty when no key is needed"));
    connect(m_keyEnv, &QLineEdit::textChanged, this, &ProviderForm::updateKeyState);
    m_keyInput->setObjectName(QStringLiteral("keyInput"));
    m_keyInput->setEchoMode(QLineEdit::Password);
    m_keyInput->setPlaceholderText(tr("Paste a key to store it in the keychain"));
    m_keyInput->setMinimumWidth(m_keyInput->fontMetrics().averageCharWidth() * 24);
    connect(m_keyInput, &QLineEdit::textChanged, this, &ProviderForm::updateKeyState);
    auto* storeKeyButton = new QPushButton(tr("Store in keychain"));
    storeKeyButton->setObjectName(QStringLiteral("storeKey"));
    connect(storeKeyButton, &QPushButton::clicked, this, &ProviderForm::storeKey);
    auto* forget = new QPushButton(tr("Forget"));
    connect(forget, &QPushButton::clicked, this, [this] {
        if (!m_provider.id.isEmpty()) {
            m_keys.deleteKey(m_provider.id);
        }
    });
    m_keyRow->addWidget(m_keyInput, 1);
    m_keyRow->addWidget(storeKeyButton);
    m_keyRow->addWidget(forget);
    m_keySource->setObjectName(QStringLiteral("keySource"));
    m_keychainError->setWordWrap(true);
    m_keychainError->setVisible(false);
    m_headers->setPlaceholderText(tr("One per line: Header-Name: value"));
    m_headers->setMaximumHeight(60);
    m_maxConcurrent->setObjectName(QStringLiteral("maxConcurrent"));
    m_maxConcurrent->setToolTip(tr("Local servers that answer one request at a time want 1; further requests "
                                   "wait their turn"));
    m_maxConcurrent->setRange(0, 1000);
    m_maxConcurrent->setSpecialValueText(tr("unlimited"));
    auto budgetBox = [](const QString& objectName) {
        auto* box = new QDoubleSpinBox;
        box->setObjectName(objectName);
        box->setRange(0, 1e6);
        box->setDecimals(2);
        box->setPrefix(QStringLiteral("$ "));
        box->setSpecialValueText(tr("no limit"));
        box->setToolTip(tr("Spending limit for this provider; what happens when it is reached (warn, refuse, "
                           "move down a tier) is set in Preferences"));
        return box;
    };
    m_dailyBudget = budgetBox(QStringLiteral("dailyBudget"));
    m_monthlyBudget = budgetBox(QStringLiteral("monthlyBudget"));

    m_layout->addRow(tr("Name"), m_name);
    m_layout->addRow(tr("Wire format"), m_kind);
    m_layout->addRow(tr("Azure resource"), m_azureResource);
    m_layout->addRow(tr("Base URL"), m_baseUrl);
    m_layout->addRow(tr("API version"), m_apiVersion);
    m_layout->addRow(tr("Authentication"), m_auth);
    m_layout->addRow(QString(), m_insecure);
    m_layout->addRow(tr("AWS region"), m_awsRegion);
    m_layout->addRow(tr("AWS profile"), m_awsProfile);
    m_layout->addRow(tr("AWS credentials"), m_awsSource);
    m_layout->addRow(tr("Key variable"), m_keyEnv);
    m_layout->addRow(tr("API key"), m_keyRow);
    m_layout->addRow(QString(), m_keySource);
    m_layout->addRow(QString(), m_keychainError);
    m_layout->addRow(tr("Extra headers"), m_headers);
    m_layout->addRow(tr("Max parallel requests (0 = unlimited)"), m_maxConcurrent);
    m_layout->addRow(tr("Daily budget"), m_dailyBudget);
    m_layout->addRow(tr("Monthly budget"), m_monthlyBudget);
    m_layout->addRow(QString(), m_enabled);

    connect(&m_keys, &KeyStore::keyRead, this, [this](const QString& id, bool) {
        if (id == m_provider.id) {
            updateKeyState();
        }
    });
    connect(&m_keys, &KeyStore::keyWritten, this, [this](const QString& id, bool ok, const QString& error) {
        if (id == m_provider.id) {
            m_keychainError->setText(ok ? QString() : tr("The key was not stored: %1").arg(error));
            m_keychainError->setVisible(!ok);
            // Only a stored key leaves the field: a locked keychain must not lose what was pasted.
            if (ok) {
                m_keyInput->clear();
            }
            updateKeyState();
        }
    });
    connect(&m_keys, &KeyStore::keyDeleted, this, &ProviderForm::updateKeyState);
}

void ProviderForm::load(const ProviderConfig& provider, bool simulated)
{
    m_provider = provider;
    m_name->setText(provider.displayName);
    m_kind->setCurrentIndex(m_kind->findData(ProviderKinds::id(provider.kind)));
    m_baseUrl->setText(provider.baseUrl.toString());
    const QString host = provider.baseUrl.host();
    m_azureResource->setText(host.endsWith(QLatin1String(".openai.azure.com")) ? host.section(QLatin1Char('.'), 0, 0)
                                                                               : QString());
    m_apiVersion->setText(provider.apiVersion);
    m_auth->setCurrentIndex(qMax(0, m_auth->findData(ProviderAuths::id(provider.auth))));
    m_keyEnv->setText(provider.keyEnv);
    m_awsRegion->setText(provider.awsRegion);
    m_awsProfile->setText(provider.awsProfile);
    m_headers->setPlainText(headersText(provider.extraHeaders));
    m_maxConcurrent->setValue(provider.maxConcurrent);
    m_dailyBudget->setValue(provider.dailyBudgetUsd);
    m_monthlyBudget->setValue(provider.monthlyBudgetUsd);
    m_enabled->setChecked(provider.enabled);
    m_keyInput->clear();
    // The sandbox's providers are shown and testable, but belong to the sandbox, not the config.
    for (QWidget* w :
         { static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_baseUrl), static_cast<QWidget*>(m_keyEnv),
           static_cast<QWidget*>(m_kind), static_cast<QWidget*>(m_keyInput), static_cast<QWidget*>(m_azureResource),
           static_cast<QWidget*>(m_apiVersion), static_cast<QWidget*>(m_auth) }) {
        w->setEnabled(!simulated);
    }
    updateKindRows();
    updateInsecureWarning();
    updateKeyState();
    updateAwsState();
}

void ProviderForm::store(ProviderConfig* provider) const
{
    provider->displayName = m_name->text().trimmed();
    provider->kind = kind();
    provider->baseUrl = QUrl(m_baseUrl->text().trimmed());
    const bool azure = provider->kind == ProviderKind::AzureOpenAi;
    provider->apiVersion = azure ? m_apiVersion->text().trimmed() : QString();
    provider->auth = azure ? ProviderAuths::fromId(m_auth->currentData().toString()).value_or(ProviderAuth::ApiKey)
                           : ProviderAuth::ApiKey;
    provider->keyEnv = m_keyEnv->text().trimmed();
    provider->awsRegion = m_awsRegion->text().trimmed();
    provider->awsProfile = m_awsProfile->text().trimmed();
    provider->extraHeaders = parseHeaders(m_headers->toPlainText());
    provider->maxConcurrent = m_maxConcurrent->value();
    provider->dailyBudgetUsd = m_dailyBudget->value();
    provider->monthlyBudgetUsd = m_monthlyBudget->value();
    provider->enabled = m_enabled->isChecked();
}

ProviderKind ProviderForm::kind() const
{
    return ProviderKinds::fromId(m_kind->currentData().toString()).value_or(ProviderKind::OpenAiCompatible);
}

bool ProviderForm::insecureWarningShown() const
{
    return !m_insecure->isHidden();
}

QString ProviderForm::keySourceText() const
{
    return m_keySource->text();
}

QString ProviderForm::awsSourceText() const
{
    return m_awsSource->text();
}

bool ProviderForm::awsFieldsShown() const
{
    return !m_awsSource->isHidden();
}

void ProviderForm::storeKey()
{
    const QString key = m_keyInput->text().trimmed();
    if (m_provider.id.isEmpty() || key.isEmpty()) {
        return;
    }
    m_keys.writeKey(m_provider.id, key); // the field is cleared once the keychain has it
}

void ProviderForm::updateKeyState()
{
    ProviderConfig probe = m_provider;
    probe.keyEnv = m_keyEnv->text().trimmed();
    QString text = m_keys.sourceText(probe);
    if (m_keys.source(probe) == KeyStore::Source::Keychain) {
        text = tr("%1 (in the keychain)").arg(KeyStore::masked(m_keys.key(probe)));
    } else if (m_keys.source(probe) == KeyStore::Source::Environment) {
        text = tr("%1 (from %2)").arg(KeyStore::masked(m_keys.key(probe)), probe.keyEnv);
    }
    if (!m_keyInput->text().trimmed().isEmpty()) {
        text = tr("A key is typed in, not stored yet: press \"Store in keychain\".");
    }
    m_keySource->setText(text);
    if (!m_keys.keychainAvailable()) {
        m_keychainError->setText(m_keys.keychainError());
        m_keychainError->setVisible(kind() != ProviderKind::BedrockConverse);
    }
}

void ProviderForm::updateInsecureWarning()
{
    ProviderConfig probe;
    probe.baseUrl = QUrl(m_baseUrl->text().trimmed());
    m_insecure->setVisible(ProviderPresets::isInsecure(probe));
}

void ProviderForm::updateKindRows()
{
    const bool azure = kind() == ProviderKind::AzureOpenAi;
    for (QWidget* field : { static_cast<QWidget*>(m_azureResource), static_cast<QWidget*>(m_apiVersion),
                            static_cast<QWidget*>(m_auth) }) {
        m_layout->setRowVisible(field, azure);
    }
    m_baseUrl->setPlaceholderText(azure ? QStringLiteral("https://contoso.openai.azure.com")
                                        : QStringLiteral("https://api.example.com/v1"));
}

void ProviderForm::updateAwsState()
{
    const bool bedrock = kind() == ProviderKind::BedrockConverse;
    for (QWidget* field : { static_cast<QWidget*>(m_awsRegion), static_cast<QWidget*>(m_awsProfile),
                            static_cast<QWidget*>(m_awsSource) }) {
        m_layout->setRowVisible(field, bedrock);
    }
    // Bedrock signs with AWS credentials: the keychain rows give way to them (a Bedrock API key
    // still works through the key variable).
    m_layout->setRowVisible(m_keyRow, !bedrock);
    m_layout->setRowVisible(m_keySource, !bedrock);
    m_layout->setRowVisible(m_keychainError, !bedrock && !m_keys.keychainAvailable());
    if (bedrock) {
        m_baseUrl->setPlaceholderText(tr("empty: https://bedrock-runtime.<region>.amazonaws.com"));
    }
    m_keyEnv->setPlaceholderText(bedrock ? tr("optional: a Bedrock API key variable, e.g. AWS_BEARER_TOKEN_BEDROCK")
                                         : tr("e.g. OPENAI_API_KEY; empty when no key is needed"));
    if (!bedrock) {
        return;
    }
    ProviderConfig probe;
    probe.kind = ProviderKind::BedrockConverse;
    probe.baseUrl = QUrl(m_baseUrl->text().trimmed());
    probe.awsRegion = m_awsRegion->text().trimmed();
    probe.awsProfile = m_awsProfile->text().trimmed();
    const AwsCredentialChain::Result found = AwsCredentialChain::credentials(probe.awsProfile);
    const QString region = BedrockWire::regionOf(probe);
    // The access key id only: it names the key without giving it away; the secret is never shown.
    QString text = found.credentials.isValid()
        ? tr("%1 from %2").arg(found.credentials.accessKeyId, found.credentials.source)
        : found.problem;
    text += QLatin1Char('\n')
        + (region.isEmpty() ? tr("No region: set one here, AWS_REGION, or the profile's region.")
                            : tr("Region %1").arg(region));
    m_awsSource->setText(text);
}
