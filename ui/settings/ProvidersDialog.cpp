#include "ui/settings/ProvidersDialog.h"

#include "core/config/ProviderPresets.h"
#include "core/engine/Engine.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ModelListFetcher.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/secrets/KeyStore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>

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
        m_fetched->clear();
        for (const QString& id : ids) {
            auto* item = new QListWidgetItem(id, m_fetched);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
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
        m_fetched->clear();
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
    connect(&m_keys, &KeyStore::keyRead, this, [this](const QString& id, bool) {
        if (id == m_currentId) {
            updateKeyState();
        }
    });
    connect(&m_keys, &KeyStore::keyWritten, this, [this](const QString& id, bool ok, const QString& error) {
        if (id == m_currentId) {
            m_keychainError->setText(ok ? QString() : tr("The key was not stored: %1").arg(error));
            m_keychainError->setVisible(!ok);
            // Only a stored key leaves the field: a locked keychain must not lose what was pasted.
            if (ok) {
                m_keyInput->clear();
            }
            updateKeyState();
        }
    });
    reloadList();
    if (!m_config.providers.isEmpty()) {
        selectProvider(m_config.providers.constFirst().id);
    } else {
        loadForm({});
    }
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

void ProvidersDialog::storeKey()
{
    const QString key = m_keyInput->text().trimmed();
    if (m_currentId.isEmpty() || key.isEmpty()) {
        return;
    }
    m_keys.writeKey(m_currentId, key); // the field is cleared once the keychain has it
}

void ProvidersDialog::updateKeyState()
{
    const ProviderConfig* p = m_config.provider(m_currentId);
    ProviderConfig probe = p ? *p : ProviderConfig();
    if (!p) {
        if (const ProviderConfig* sim = simulatedProvider(m_currentId)) {
            probe = *sim;
        }
    }
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
        m_keychainError->setVisible(!bedrockSelected());
    }
}

void ProvidersDialog::updateInsecureWarning()
{
    ProviderConfig probe;
    probe.baseUrl = QUrl(m_baseUrl->text().trimmed());
    m_insecure->setVisible(ProviderPresets::isInsecure(probe));
}

bool ProvidersDialog::insecureWarningShown() const
{
    return !m_insecure->isHidden();
}

QString ProvidersDialog::testResultText() const
{
    return m_testResult->text();
}

QString ProvidersDialog::keySourceText() const
{
    return m_keySource->text();
}

QString ProvidersDialog::awsSourceText() const
{
    return m_awsSource->text();
}

bool ProvidersDialog::awsFieldsShown() const
{
    return !m_awsSource->isHidden();
}

QStringList ProvidersDialog::fetchedModels() const
{
    QStringList ids;
    for (int i = 0; i < m_fetched->count(); ++i) {
        ids << m_fetched->item(i)->text();
    }
    return ids;
}

void ProvidersDialog::testConnection()
{
    const SwitchyardConfig config = workingConfig();
    const ProviderConfig* provider = config.provider(m_currentId);
    if (!provider) {
        provider = simulatedProvider(m_currentId);
    }
    QList<ModelConfig> models = provider ? modelsFromTable(*provider) : QList<ModelConfig>();
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
    m_testResult->setText(tr("Testing %1…").arg(models.constFirst().upstreamModel));
    ProviderCall* call = m_engine.client()->start(*provider, models.constFirst(), request, this);
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
    for (int i = 0; i < m_fetched->count(); ++i) {
        QListWidgetItem* item = m_fetched->item(i);
        if (item->checkState() == Qt::Checked) {
            addModelRow(ProviderPresets::modelConfig(*provider, item->text(), m_engine.prices(),
                                                     ProviderPresets::isLoopbackHost(provider->baseUrl.host())));
            item->setCheckState(Qt::Unchecked);
        }
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
