#include "ui/settings/ProvidersDialog.h"

#include "core/config/ProviderPresets.h"
#include "core/engine/Engine.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ModelListFetcher.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/Router.h"
#include "core/secrets/KeyStore.h"
#include "ui/common/SaveButtons.h"
#include "ui/settings/ProviderForm.h"
#include "ui/settings/ProviderModelsEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

ProvidersDialog::ProvidersDialog(Engine& engine, KeyStore& keys, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_keys(keys)
    , m_config(engine.config())
    , m_fetcher(new ModelListFetcher(engine.client(), this))
{
    setWindowTitle(tr("Providers"));
    buildUi();
    connect(m_fetcher, &ModelListFetcher::modelsFetched, this, [this](const QStringList& ids) {
        m_models->setFetched(ids);
        if (m_testingByFetch) {
            m_testingByFetch = false;
            m_testResult->setText(tr("Connected: the provider offers %n model(s); add one to the table to use it.",
                                     nullptr, int(ids.size())));
            emit connectionTested(true);
        } else {
            m_testResult->setText(tr("%n model(s) offered by the provider.", nullptr, int(ids.size())));
        }
        emit modelsFetched();
    });
    connect(m_fetcher, &ModelListFetcher::fetchFailed, this, [this](const QString& message) {
        m_models->setFetched({});
        const ProviderConfig* provider = m_config.provider(m_currentId);
        if (!provider) {
            provider = simulatedProvider(m_currentId);
        }
        const QString action = m_testingByFetch ? tr("Test connection") : tr("Fetch models");
        m_testResult->setText(provider ? failureText(action, *provider, message) : message);
        if (m_testingByFetch) {
            m_testingByFetch = false;
            emit connectionTested(false);
        }
        emit modelsFetched();
    });
    reloadList();
    if (!m_config.providers.isEmpty()) {
        selectProvider(m_config.providers.constFirst().id);
    } else {
        loadForm({});
    }
}

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

    m_providerForm = new ProviderForm(m_keys);
    connect(m_providerForm, &ProviderForm::nameEdited, this, &ProvidersDialog::renameInList);
    m_models = new ProviderModelsEditor;
    connect(m_providerForm, &ProviderForm::kindChanged, m_models,
            [this](ProviderKind kind) { m_models->setDeployments(kind == ProviderKind::AzureOpenAi); });
    connect(m_models, &ProviderModelsEditor::fetchRequested, this, &ProvidersDialog::fetchModels);
    connect(m_models, &ProviderModelsEditor::testRequested, this, &ProvidersDialog::testConnection);
    connect(m_models, &ProviderModelsEditor::addCheckedRequested, this, &ProvidersDialog::addFetchedModels);
    m_testResult = new QLabel;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form = new QWidget;
    auto* formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(m_providerForm);
    formLayout->addWidget(m_models, 1);
    formLayout->addWidget(m_testResult);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("dialogMessage"));
    m_problems->setWordWrap(true);
    m_problems->setVisible(false);
    QDialogButtonBox* buttons = SaveButtons::create(this, [this] { return save(); });

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(m_form, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(980, 680);
}

void ProvidersDialog::loadForm(const QString& providerId)
{
    const ProviderConfig* p = m_config.provider(providerId);
    const ProviderConfig* simulated = p ? nullptr : simulatedProvider(providerId);
    const ProviderConfig shown = p ? *p : (simulated ? *simulated : ProviderConfig());
    m_form->setEnabled(p || simulated);
    m_providerForm->load(shown, simulated != nullptr);
    m_testResult->clear();
    QList<ModelConfig> models;
    for (const ModelConfig& model : knownModels(shown)) {
        if (model.providerId == providerId) {
            models << model;
        }
    }
    m_models->setModels(models);
    m_models->setDeployments(m_providerForm->kind() == ProviderKind::AzureOpenAi);
}

void ProvidersDialog::storeForm()
{
    auto it = std::find_if(m_config.providers.begin(), m_config.providers.end(),
                           [this](const ProviderConfig& p) { return p.id == m_currentId; });
    if (m_currentId.isEmpty() || it == m_config.providers.end()) {
        return;
    }
    m_providerForm->store(&*it);
    const QList<ModelConfig> models = m_models->models(*it, m_config.models);
    m_config.models.removeIf([this](const ModelConfig& m) { return m.providerId == m_currentId; });
    m_config.models << models;
}

const QList<ModelConfig>& ProvidersDialog::knownModels(const ProviderConfig& provider) const
{
    return provider.simulated ? m_engine.models() : m_config.models;
}

const ProviderConfig* ProvidersDialog::simulatedProvider(const QString& id) const
{
    const ProviderConfig* p = m_engine.provider(id);
    return p && p->simulated ? p : nullptr;
}

void ProvidersDialog::reloadList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const ProviderConfig& p : std::as_const(m_config.providers)) {
        const QString name = p.displayName.isEmpty() ? p.id : p.displayName;
        auto* item = new QListWidgetItem(p.enabled ? name : tr("%1 (disabled)").arg(name), m_list);
        item->setData(Qt::UserRole, p.id);
        if (ProviderPresets::isInsecure(p)) {
            item->setToolTip(tr("Plain http:// to another machine: the key travels in clear text."));
        }
    }
    for (const ProviderConfig& p : m_engine.providers()) {
        if (p.simulated && !m_config.provider(p.id)) {
            auto* item = new QListWidgetItem(tr("%1 (simulated)").arg(p.displayName), m_list);
            item->setData(Qt::UserRole, p.id);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setForeground(palette().color(QPalette::PlaceholderText));
        }
    }
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == m_currentId) {
            m_list->setCurrentRow(i);
        }
    }
}

void ProvidersDialog::selectProvider(const QString& providerId)
{
    storeForm();
    m_currentId = providerId;
    reloadList();
    loadForm(providerId);
}

void ProvidersDialog::addFromPreset(const QString& presetId)
{
    const auto preset = ProviderPresets::find(presetId);
    if (!preset) {
        return;
    }
    storeForm();
    ProviderConfig provider = ProviderPresets::providerConfig(*preset);
    // A second OpenAI account, or several custom endpoints, get their own ids.
    const QString base = provider.id;
    for (int n = 2; m_config.provider(provider.id) || simulatedProvider(provider.id); ++n) {
        provider.id = base + QLatin1Char('-') + QString::number(n);
    }
    m_config.providers << provider;
    for (ModelConfig model : ProviderPresets::modelConfigs(*preset, m_engine.prices())) {
        model.id = provider.id + QLatin1Char('/') + model.upstreamModel;
        model.providerId = provider.id;
        m_config.models << model;
    }
    m_currentId = provider.id;
    reloadList();
    loadForm(provider.id);
    m_keys.readKey(provider.id);
}

SwitchyardConfig ProvidersDialog::workingConfig()
{
    storeForm();
    return m_config;
}

bool ProvidersDialog::insecureWarningShown() const
{
    return m_providerForm->insecureWarningShown();
}

QString ProvidersDialog::testResultText() const
{
    return m_testResult->text();
}

QString ProvidersDialog::keySourceText() const
{
    return m_providerForm->keySourceText();
}

QString ProvidersDialog::awsSourceText() const
{
    return m_providerForm->awsSourceText();
}

bool ProvidersDialog::awsFieldsShown() const
{
    return m_providerForm->awsFieldsShown();
}

QStringList ProvidersDialog::fetchedModels() const
{
    return m_models->fetched();
}

void ProvidersDialog::testConnection()
{
    const SwitchyardConfig config = workingConfig();
    const ProviderConfig* provider = config.provider(m_currentId);
    if (!provider) {
        provider = simulatedProvider(m_currentId);
    }
    QList<ModelConfig> models = provider ? m_models->models(*provider, knownModels(*provider)) : QList<ModelConfig>();
    if (!provider) {
        emit connectionTested(false);
        return;
    }
    if (models.isEmpty() && provider->kind == ProviderKind::BedrockConverse) {
        m_testResult->setText(tr("Add a model first: Bedrock is tested with a one-token request to it."));
        emit connectionTested(false);
        return;
    }
    if (models.isEmpty()) {
        // No model to send a one-token request to: asking for the model list tests the same way.
        m_testingByFetch = true;
        m_testResult->setText(tr("Testing %1…").arg(provider->baseUrl.toString()));
        m_fetcher->fetch(*provider, m_keys.key(*provider));
        return;
    }
    if (m_testCall) {
        m_testCall->cancel();
    }
    ChatRequest request;
    request.messages = { { QStringLiteral("user"), QStringLiteral("ping") } };
    request.maxTokens = 1;
    request.stream = false;
    // The one-token test is a real call: held by the budgets, refused when they are spent, and
    // recorded in the ledger like any other (as a probe, outside savings).
    const BudgetHold hold = m_engine.router()->reserveBudget(models.constFirst(), request);
    if (!hold.ok) {
        m_testResult->setText(tr("Not tested: %1").arg(Router::budgetRefusal(hold.reason)));
        emit connectionTested(false);
        return;
    }
    m_testResult->setText(tr("Testing %1…").arg(models.constFirst().upstreamModel));
    ProviderCall* call = m_engine.client()->start(*provider, models.constFirst(), request, this);
    call->setBudgetHold(hold.id);
    m_engine.track(call, RequestSource::Probe);
    m_testCall = call;
    connect(call, &ProviderCall::finished, this, [this, call](const CallResult& result) {
        m_testResult->setText(tr("Connected: %1 answered in %2 ms.").arg(result.modelId).arg(result.latencyMs));
        call->deleteLater();
        emit connectionTested(true);
    });
    const ProviderConfig tested = *provider;
    connect(call, &ProviderCall::failed, this, [this, call, tested](const CallError& error, const CallResult&) {
        QString reason = FailureClasses::displayName(error.failureClass);
        if (error.httpStatus > 0) {
            reason = tr("%1, HTTP %2").arg(reason).arg(error.httpStatus);
        }
        if (!error.message.isEmpty()) {
            reason = tr("%1 (%2)").arg(reason, error.message);
        }
        QString text = failureText(tr("Test connection"), tested, reason);
        if (error.failureClass == FailureClass::Auth) {
            text += QLatin1Char('\n') + tr("Check the API key for this provider.");
        }
        m_testResult->setText(text);
        call->deleteLater();
        emit connectionTested(false);
    });
}

void ProvidersDialog::fetchModels()
{
    SwitchyardConfig config = workingConfig();
    const ProviderConfig* provider = config.provider(m_currentId);
    if (!provider) {
        provider = simulatedProvider(m_currentId);
    }
    if (!provider) {
        return;
    }
    if (provider->kind == ProviderKind::BedrockConverse) {
        m_testResult->setText(tr("Bedrock lists its models in the AWS console and on its control plane, not on "
                                 "bedrock-runtime: add model ids such as us.amazon.nova-micro-v1:0 by hand."));
        return;
    }
    m_testingByFetch = false;
    m_testResult->setText(tr("Fetching the model list…"));
    m_fetcher->fetch(*provider, m_keys.key(*provider));
}

QString ProvidersDialog::failureText(const QString& action, const ProviderConfig& provider, const QString& reason) const
{
    return tr("%1 failed at %2: %3").arg(action, provider.baseUrl.toString(QUrl::RemoveUserInfo), reason);
}

void ProvidersDialog::renameInList(const QString& name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(Qt::UserRole).toString() == m_currentId && m_config.provider(m_currentId)) {
            item->setText(name.trimmed().isEmpty() ? m_currentId : name.trimmed());
        }
    }
}

void ProvidersDialog::startAdding()
{
    storeForm();
    m_currentId.clear();
    reloadList();
    m_list->setCurrentRow(-1);
    loadForm({});
    m_problems->setText(tr("Choose what to add from the list under the providers and press Add."));
    m_problems->setVisible(true);
    m_presets->setFocus();
}

QString ProvidersDialog::messageText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void ProvidersDialog::addFetchedModels()
{
    const ProviderConfig* provider = m_config.provider(m_currentId);
    if (!provider) {
        return;
    }
    for (const QString& id : m_models->takeChecked()) {
        m_models->addModel(ProviderPresets::modelConfig(*provider, id, m_engine.prices(),
                                                        ProviderPresets::isLoopbackHost(provider->baseUrl.host())));
    }
}

bool ProvidersDialog::save()
{
    const QList<ConfigProblem> problems = m_engine.saveConfig(workingConfig());
    QStringList lines;
    for (const ConfigProblem& problem : problems) {
        lines << problem.toString();
    }
    const bool saved = !ConfigProblems::hasErrors(problems);
    if (saved) {
        lines.prepend(tr("Saved: %n provider(s).", nullptr, int(m_config.providers.size())));
    }
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    return saved;
}
