// The form half of ProvidersDialog: widgets, and moving one provider between the form and the
// working configuration.
#include "ui/settings/ProvidersDialog.h"

#include "core/common/AwsCredentialChain.h"
#include "core/common/AzureEndpoint.h"
#include "core/config/ProviderPresets.h"
#include "core/engine/Engine.h"
#include "core/providers/BedrockWire.h"
#include "core/secrets/KeyStore.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column
{
    ModelColumn,
    InputPriceColumn,
    OutputPriceColumn,
    ContextColumn,
    ColumnCount,
};

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

QString priceText(const ModelPrice& price, double value)
{
    return price.known ? QString::number(value, 'g', 6) : QString();
}

} // namespace

void ProvidersDialog::buildUi()
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("providerList"));
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && item->data(Qt::UserRole).toString() != m_currentId) {
            selectProvider(item->data(Qt::UserRole).toString());
        }
    });
    m_presets = new QComboBox;
    for (const ProviderPreset& preset : ProviderPresets::all()) {
        m_presets->addItem(preset.displayName, preset.id);
    }
    auto* add = new QPushButton(tr("Add"));
    connect(add, &QPushButton::clicked, this, [this] { addFromPreset(m_presets->currentData().toString()); });
    auto* remove = new QPushButton(tr("Remove"));
    connect(remove, &QPushButton::clicked, this, [this] {
        m_config.providers.removeIf([this](const ProviderConfig& p) { return p.id == m_currentId; });
        m_config.models.removeIf([this](const ModelConfig& m) { return m.providerId == m_currentId; });
        m_currentId.clear();
        reloadList();
        loadForm({});
    });
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_presets, 1);
    addRow->addWidget(add);
    addRow->addWidget(remove);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(addRow);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("providerName"));
    connect(m_name, &QLineEdit::textEdited, this, &ProvidersDialog::renameInList);
    m_kind = new QComboBox;
    m_kind->addItem(tr("OpenAI-compatible"), ProviderKinds::id(ProviderKind::OpenAiCompatible));
    m_kind->addItem(tr("Anthropic Messages"), ProviderKinds::id(ProviderKind::AnthropicMessages));
    m_kind->addItem(tr("Azure OpenAI"), ProviderKinds::id(ProviderKind::AzureOpenAi));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProvidersDialog::updateKindRows);
    m_kind->addItem(tr("Amazon Bedrock (Converse, AWS SigV4)"), ProviderKinds::id(ProviderKind::BedrockConverse));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProvidersDialog::updateAwsState);
    m_awsRegion = new QLineEdit;
    m_awsRegion->setObjectName(QStringLiteral("awsRegion"));
    m_awsRegion->setPlaceholderText(tr("e.g. us-east-1; empty: AWS_REGION or the profile's region"));
    connect(m_awsRegion, &QLineEdit::textChanged, this, &ProvidersDialog::updateAwsState);
    m_awsProfile = new QLineEdit;
    m_awsProfile->setObjectName(QStringLiteral("awsProfile"));
    m_awsProfile->setPlaceholderText(tr("empty: AWS_ACCESS_KEY_ID from the environment, else AWS_PROFILE or default"));
    connect(m_awsProfile, &QLineEdit::textChanged, this, &ProvidersDialog::updateAwsState);
    m_awsSource = new QLabel;
    m_awsSource->setObjectName(QStringLiteral("awsCredentialSource"));
    m_awsSource->setWordWrap(true);
    m_baseUrl = new QLineEdit;
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com/v1"));
    m_insecure = new QLabel(tr("Plain http:// to another machine: the API key would travel in clear text."));
    m_insecure->setObjectName(QStringLiteral("insecureWarning"));
    m_insecure->setStyleSheet(QStringLiteral("color: #b00020"));
    m_insecure->setWordWrap(true);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ProvidersDialog::updateInsecureWarning);
    m_azureResource = new QLineEdit;
    m_azureResource->setObjectName(QStringLiteral("azureResource"));
    m_azureResource->setPlaceholderText(tr("Resource name, e.g. contoso"));
    connect(m_azureResource, &QLineEdit::textEdited, this, [this](const QString& resource) {
        if (!resource.trimmed().isEmpty()) {
            m_baseUrl->setText(AzureEndpoint::forResource(resource).toString());
        }
    });
    m_apiVersion = new QLineEdit;
    m_apiVersion->setObjectName(QStringLiteral("apiVersion"));
    m_apiVersion->setPlaceholderText(AzureEndpoint::defaultApiVersion());
    m_apiVersion->setToolTip(tr("The api-version of the deployment URLs; not used when the base URL ends in "
                                "/openai/v1"));
    m_auth = new QComboBox;
    m_auth->setObjectName(QStringLiteral("authType"));
    m_auth->addItem(tr("API key (api-key header)"), ProviderAuths::id(ProviderAuth::ApiKey));
    m_auth->addItem(tr("Microsoft Entra ID token (Authorization: Bearer)"),
                    ProviderAuths::id(ProviderAuth::EntraIdToken));
    m_auth->setToolTip(tr("An Entra ID access token is read like a key: from the key variable (e.g. "
                          "AZURE_OPENAI_AD_TOKEN) or the keychain. Tokens expire after about an hour."));
    m_keyEnv = new QLineEdit;
    m_keyEnv->setPlaceholderText(tr("e.g. OPENAI_API_KEY; empty when no key is needed"));
    connect(m_keyEnv, &QLineEdit::textChanged, this, &ProvidersDialog::updateKeyState);
    m_keyInput = new QLineEdit;
    m_keyInput->setObjectName(QStringLiteral("keyInput"));
    m_keyInput->setEchoMode(QLineEdit::Password);
    m_keyInput->setPlaceholderText(tr("Paste a key to store it in the keychain"));
    connect(m_keyInput, &QLineEdit::textChanged, this, &ProvidersDialog::updateKeyState);
    auto* storeKeyButton = new QPushButton(tr("Store in keychain"));
    storeKeyButton->setObjectName(QStringLiteral("storeKey"));
    connect(storeKeyButton, &QPushButton::clicked, this, &ProvidersDialog::storeKey);
    auto* forget = new QPushButton(tr("Forget"));
    connect(forget, &QPushButton::clicked, this, [this] {
        if (!m_currentId.isEmpty()) {
            m_keys.deleteKey(m_currentId);
        }
    });
    connect(&m_keys, &KeyStore::keyDeleted, this, &ProvidersDialog::updateKeyState);
    auto* keyRow = new QHBoxLayout;
    m_keyRow = keyRow;
    m_keyInput->setMinimumWidth(m_keyInput->fontMetrics().averageCharWidth() * 24);
    keyRow->addWidget(m_keyInput, 1);
    keyRow->addWidget(storeKeyButton);
    keyRow->addWidget(forget);
    m_keySource = new QLabel;
    m_keySource->setObjectName(QStringLiteral("keySource"));
    m_keychainError = new QLabel;
    m_keychainError->setWordWrap(true);
    m_keychainError->setVisible(false);
    m_headers = new QPlainTextEdit;
    m_headers->setPlaceholderText(tr("One per line: Header-Name: value"));
    m_headers->setMaximumHeight(60);
    m_maxConcurrent = new QSpinBox;
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
    m_enabled = new QCheckBox(tr("Enabled"));

    m_models = new QTableWidget(0, ColumnCount);
    m_models->setObjectName(QStringLiteral("modelTable"));
    m_models->setHorizontalHeaderLabels({ tr("Model"), tr("Input $/1M"), tr("Output $/1M"), tr("Context window") });
    m_models->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    auto* addModel = new QPushButton(tr("Add model"));
    connect(addModel, &QPushButton::clicked, this, [this] { m_models->insertRow(m_models->rowCount()); });
    auto* removeModel = new QPushButton(tr("Remove model"));
    connect(removeModel, &QPushButton::clicked, this, [this] { m_models->removeRow(m_models->currentRow()); });
    auto* fetch = new QPushButton(tr("Fetch models"));
    connect(fetch, &QPushButton::clicked, this, &ProvidersDialog::fetchModels);
    auto* test = new QPushButton(tr("Test connection"));
    connect(test, &QPushButton::clicked, this, &ProvidersDialog::testConnection);
    m_fetched = new QListWidget;
    m_fetched->setMaximumHeight(100);
    auto* addFetched = new QPushButton(tr("Add checked models"));
    connect(addFetched, &QPushButton::clicked, this, &ProvidersDialog::addFetchedModels);
    auto* modelButtons = new QHBoxLayout;
    modelButtons->addWidget(addModel);
    modelButtons->addWidget(removeModel);
    modelButtons->addStretch();
    modelButtons->addWidget(fetch);
    modelButtons->addWidget(test);
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QWidget;
    auto* form = new QFormLayout(m_form);
    m_formLayout = form;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Wire format"), m_kind);
    form->addRow(tr("Azure resource"), m_azureResource);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("API version"), m_apiVersion);
    form->addRow(tr("Authentication"), m_auth);
    form->addRow(QString(), m_insecure);
    form->addRow(tr("AWS region"), m_awsRegion);
    form->addRow(tr("AWS profile"), m_awsProfile);
    form->addRow(tr("AWS credentials"), m_awsSource);
    form->addRow(tr("Key variable"), m_keyEnv);
    form->addRow(tr("API key"), keyRow);
    form->addRow(QString(), m_keySource);
    form->addRow(QString(), m_keychainError);
    form->addRow(tr("Extra headers"), m_headers);
    form->addRow(tr("Max parallel requests (0 = unlimited)"), m_maxConcurrent);
    form->addRow(tr("Daily budget"), m_dailyBudget);
    form->addRow(tr("Monthly budget"), m_monthlyBudget);
    form->addRow(QString(), m_enabled);
    form->addRow(m_models);
    form->addRow(modelButtons);
    form->addRow(m_fetched);
    form->addRow(addFetched);
    form->addRow(m_testResult);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("dialogMessage"));
    m_problems->setWordWrap(true);
    m_problems->setVisible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    // Our own texts: Qt's translations (qtbase_*.qm) are not installed everywhere.
    buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(m_form, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(980, 680);
}

void ProvidersDialog::addModelRow(const ModelConfig& model)
{
    const int row = m_models->rowCount();
    m_models->insertRow(row);
    m_models->setItem(row, ModelColumn, new QTableWidgetItem(model.upstreamModel));
    m_models->setItem(row, InputPriceColumn, new QTableWidgetItem(priceText(model.price, model.price.inputPerMTok)));
    m_models->setItem(row, OutputPriceColumn, new QTableWidgetItem(priceText(model.price, model.price.outputPerMTok)));
    m_models->setItem(row, ContextColumn,
                      new QTableWidgetItem(model.contextWindow > 0 ? QString::number(model.contextWindow) : QString()));
}

void ProvidersDialog::loadForm(const QString& providerId)
{
    const ProviderConfig* p = m_config.provider(providerId);
    const ProviderConfig* simulated = p ? nullptr : simulatedProvider(providerId);
    const ProviderConfig shown = p ? *p : (simulated ? *simulated : ProviderConfig());
    m_form->setEnabled(p || simulated);
    m_name->setText(shown.displayName);
    m_kind->setCurrentIndex(m_kind->findData(ProviderKinds::id(shown.kind)));
    m_baseUrl->setText(shown.baseUrl.toString());
    const QString host = shown.baseUrl.host();
    m_azureResource->setText(host.endsWith(QLatin1String(".openai.azure.com")) ? host.section(QLatin1Char('.'), 0, 0)
                                                                               : QString());
    m_apiVersion->setText(shown.apiVersion);
    m_auth->setCurrentIndex(qMax(0, m_auth->findData(ProviderAuths::id(shown.auth))));
    m_keyEnv->setText(shown.keyEnv);
    m_awsRegion->setText(shown.awsRegion);
    m_awsProfile->setText(shown.awsProfile);
    m_headers->setPlainText(headersText(shown.extraHeaders));
    m_maxConcurrent->setValue(shown.maxConcurrent);
    m_dailyBudget->setValue(shown.dailyBudgetUsd);
    m_monthlyBudget->setValue(shown.monthlyBudgetUsd);
    m_enabled->setChecked(shown.enabled);
    m_keyInput->clear();
    m_fetched->clear();
    m_testResult->clear();
    m_models->setRowCount(0);
    const QList<ModelConfig>& models = p ? m_config.models : m_engine.models();
    for (const ModelConfig& model : models) {
        if (model.providerId == providerId) {
            addModelRow(model);
        }
    }
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

bool ProvidersDialog::bedrockSelected() const
{
    return m_kind->currentData().toString() == ProviderKinds::id(ProviderKind::BedrockConverse);
}

void ProvidersDialog::updateAwsState()
{
    const bool bedrock = bedrockSelected();
    for (QWidget* field : { static_cast<QWidget*>(m_awsRegion), static_cast<QWidget*>(m_awsProfile),
                            static_cast<QWidget*>(m_awsSource) }) {
        m_formLayout->setRowVisible(field, bedrock);
    }
    // Bedrock signs with AWS credentials: the keychain rows give way to them (a Bedrock API key
    // still works through the key variable).
    m_formLayout->setRowVisible(m_keyRow, !bedrock);
    m_formLayout->setRowVisible(m_keySource, !bedrock);
    m_formLayout->setRowVisible(m_keychainError, !bedrock && !m_keys.keychainAvailable());
    m_baseUrl->setPlaceholderText(bedrock ? tr("empty: https://bedrock-runtime.<region>.amazonaws.com")
                                          : QStringLiteral("https://api.example.com/v1"));
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

void ProvidersDialog::updateKindRows()
{
    const bool azure = m_kind->currentData().toString() == ProviderKinds::id(ProviderKind::AzureOpenAi);
    for (QWidget* field : { static_cast<QWidget*>(m_azureResource), static_cast<QWidget*>(m_apiVersion),
                            static_cast<QWidget*>(m_auth) }) {
        m_formLayout->setRowVisible(field, azure);
    }
    m_baseUrl->setPlaceholderText(azure ? QStringLiteral("https://contoso.openai.azure.com")
                                        : QStringLiteral("https://api.example.com/v1"));
    // A deployment is what an Azure model row names; the header says so.
    if (QTableWidgetItem* header = m_models->horizontalHeaderItem(ModelColumn)) {
        header->setText(azure ? tr("Deployment") : tr("Model"));
    }
}

QList<ModelConfig> ProvidersDialog::modelsFromTable(const ProviderConfig& provider) const
{
    QList<ModelConfig> models;
    for (int row = 0; row < m_models->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_models->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        const QString upstream = text(ModelColumn);
        if (upstream.isEmpty()) {
            continue;
        }
        ModelConfig model;
        model.id = provider.id + QLatin1Char('/') + upstream;
        // Keep what the table does not show (timeouts, max output) from the existing entry.
        for (const ModelConfig& existing : provider.simulated ? m_engine.models() : m_config.models) {
            if (existing.providerId == provider.id && existing.upstreamModel == upstream) {
                model = existing;
            }
        }
        model.providerId = provider.id;
        model.upstreamModel = upstream;
        bool inOk = false;
        bool outOk = false;
        const double in = text(InputPriceColumn).toDouble(&inOk);
        const double out = text(OutputPriceColumn).toDouble(&outOk);
        model.price.known = inOk && outOk;
        model.price.inputPerMTok = model.price.known ? in : 0;
        model.price.outputPerMTok = model.price.known ? out : 0;
        model.contextWindow = text(ContextColumn).toInt();
        models << model;
    }
    return models;
}

void ProvidersDialog::storeForm()
{
    auto it = std::find_if(m_config.providers.begin(), m_config.providers.end(),
                           [this](const ProviderConfig& p) { return p.id == m_currentId; });
    if (m_currentId.isEmpty() || it == m_config.providers.end()) {
        return;
    }
    it->displayName = m_name->text().trimmed();
    it->kind = ProviderKinds::fromId(m_kind->currentData().toString()).value_or(ProviderKind::OpenAiCompatible);
    it->baseUrl = QUrl(m_baseUrl->text().trimmed());
    const bool azure = it->kind == ProviderKind::AzureOpenAi;
    it->apiVersion = azure ? m_apiVersion->text().trimmed() : QString();
    it->auth = azure ? ProviderAuths::fromId(m_auth->currentData().toString()).value_or(ProviderAuth::ApiKey)
                     : ProviderAuth::ApiKey;
    it->keyEnv = m_keyEnv->text().trimmed();
    it->awsRegion = m_awsRegion->text().trimmed();
    it->awsProfile = m_awsProfile->text().trimmed();
    it->extraHeaders = parseHeaders(m_headers->toPlainText());
    it->maxConcurrent = m_maxConcurrent->value();
    it->dailyBudgetUsd = m_dailyBudget->value();
    it->monthlyBudgetUsd = m_monthlyBudget->value();
    it->enabled = m_enabled->isChecked();
    const QList<ModelConfig> models = modelsFromTable(*it);
    m_config.models.removeIf([this](const ModelConfig& m) { return m.providerId == m_currentId; });
    m_config.models << models;
}
