#include "ui/settings/ProvidersDialog.h"

#include "core/engine/Engine.h"
#include "core/pricing/BudgetTracker.h"
#include "core/sandbox/SandboxServer.h"
#include "core/secrets/KeyStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// The providers dialog over an Engine in a throwaway home with the offline sandbox.
class TestProvidersDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sandboxProviders_areListedAsSimulated();
    void addPresetThenSave_writesProviderButNoKey();
    void testConnection_againstSandbox_showsLatency();
    void testConnection_sandbox401_showsAuth();
    void testConnection_budgetSpent_nothingSent();
    void fetchModels_listsSandboxCatalogue();
    void insecureUrl_isFlagged_data();
    void insecureUrl_isFlagged();
    void failures_testAndFetchSayTheSameWithTheUrl_data();
    void failures_testAndFetchSayTheSameWithTheUrl();
    void testConnection_withoutModel_asksForTheModelList();
    void typedKey_replacesNoKeyNeeded();
    void rename_showsInTheList();
    void save_saysSo();
    void startAdding_selectsNothingAndSaysWhatToDo();
    void azurePreset_resourceVersionAndAuth_saved();
    void bedrock_regionProfileAndCredentialSource_thenTestAndSave();

private:
    // A custom OpenAI-compatible provider pointing at the sandbox's OpenAI stand-in, one model.
    void addSandboxBackedCustom(ProvidersDialog& dialog, const QString& model);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<KeyStore> m_keys;
};

void TestProvidersDialog::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_engine = std::make_unique<Engine>();
    Engine::Options options;
    options.homeDir = m_home->path();
    options.sandbox = true;
    options.openLedger = false;
    QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
    m_keys = std::make_unique<KeyStore>();
}

void TestProvidersDialog::cleanup()
{
    m_keys.reset();
    m_engine.reset();
    m_home.reset();
}

void TestProvidersDialog::addSandboxBackedCustom(ProvidersDialog& dialog, const QString& model)
{
    dialog.addFromPreset(QStringLiteral("custom"));
    const ProviderConfig* sandboxOpenAi = m_engine->provider(QStringLiteral("sandbox-openai"));
    QVERIFY(sandboxOpenAi);
    dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->setText(sandboxOpenAi->baseUrl.toString());
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("modelTable"));
    table->setRowCount(1);
    table->setItem(0, 0, new QTableWidgetItem(model));
}

void TestProvidersDialog::sandboxProviders_areListedAsSimulated()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    const auto* list = dialog.findChild<QListWidget*>(QStringLiteral("providerList"));
    QStringList texts;
    for (int i = 0; i < list->count(); ++i) {
        texts << list->item(i)->text();
    }
    QVERIFY2(texts.contains(QStringLiteral("Sandbox OpenAI (simulated)")), qPrintable(texts.join(QLatin1Char(','))));
}

void TestProvidersDialog::addPresetThenSave_writesProviderButNoKey()
{
    const QByteArray secret = "sk-dialog-test-0123456789abcdef";
    ProvidersDialog dialog(*m_engine, *m_keys);
    dialog.addFromPreset(QStringLiteral("openai"));
    QCOMPARE(dialog.currentProviderId(), QStringLiteral("openai"));
    auto* keyInput = dialog.findChild<QLineEdit*>(QStringLiteral("keyInput"));
    QCOMPARE(keyInput->echoMode(), QLineEdit::Password);
    keyInput->setText(QString::fromLatin1(secret));
    QSignalSpy written(m_keys.get(), &KeyStore::keyWritten);
    dialog.findChild<QPushButton*>(QStringLiteral("storeKey"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000); // stored, or refused without a keychain
    // The field lets go of the key once the keychain has it; a locked keychain does not lose it.
    QCOMPARE(keyInput->text(), written.at(0).at(1).toBool() ? QString() : QString::fromLatin1(secret));
    QVERIFY(dialog.save());

    QFile providers(m_home->filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::ReadOnly));
    const QByteArray json = providers.readAll();
    QVERIFY(json.contains("\"openai\""));
    QVERIFY(json.contains("https://api.openai.com/v1"));
    QVERIFY(json.contains("OPENAI_API_KEY"));
    QVERIFY(m_engine->config().provider(QStringLiteral("openai")));
    QVERIFY(m_engine->config().model(QStringLiteral("openai/gpt-4o-mini")));
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
    }
    if (written.at(0).at(1).toBool()) {
        m_keys->deleteKey(QStringLiteral("openai"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_keys->isBusy(), 20000);
    }
}

void TestProvidersDialog::bedrock_regionProfileAndCredentialSource_thenTestAndSave()
{
    // The sandbox's Converse route with one model; the dialog's Bedrock provider signs with the
    // environment's keys, which are the sandbox's test pair.
    SandboxModel nova;
    nova.name = QStringLiteral("us.amazon.nova-micro-v1:0");
    nova.providerId = QStringLiteral("sandbox-bedrock");
    nova.kind = ProviderKind::BedrockConverse;
    nova.inputPrice = 0.035;
    nova.outputPrice = 0.14;
    nova.contextWindow = 128000;
    nova.firstTokenMs = 1;
    m_engine->sandbox()->addModel(nova);
    const AwsCredentials sandbox = SandboxServer::awsCredentials();
    qputenv("AWS_ACCESS_KEY_ID", sandbox.accessKeyId.toUtf8());
    qputenv("AWS_SECRET_ACCESS_KEY", sandbox.secretAccessKey.toUtf8());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", m_home->filePath(QStringLiteral("no-credentials")).toUtf8());
    qunsetenv("AWS_REGION");
    qunsetenv("AWS_DEFAULT_REGION");

    ProvidersDialog dialog(*m_engine, *m_keys);
    dialog.addFromPreset(QStringLiteral("bedrock"));
    QCOMPARE(dialog.currentProviderId(), QStringLiteral("bedrock"));
    QVERIFY(dialog.awsFieldsShown());
    QVERIFY2(dialog.awsSourceText().contains(sandbox.accessKeyId + QStringLiteral(" from environment")),
             qPrintable(dialog.awsSourceText()));
    QVERIFY2(dialog.awsSourceText().contains(QLatin1String("No region")), qPrintable(dialog.awsSourceText()));
    QVERIFY(!dialog.awsSourceText().contains(sandbox.secretAccessKey));
    dialog.findChild<QLineEdit*>(QStringLiteral("awsRegion"))->setText(QStringLiteral("eu-west-1"));
    QVERIFY2(dialog.awsSourceText().contains(QLatin1String("Region eu-west-1")), qPrintable(dialog.awsSourceText()));
    dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))
        ->setText(QStringLiteral("http://127.0.0.1:%1/bedrock").arg(m_engine->sandbox()->port()));
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("modelTable"));
    table->setRowCount(1);
    table->setItem(0, 0, new QTableWidgetItem(nova.name));

    m_engine->sandbox()->resetCounts();
    QSignalSpy tested(&dialog, &ProvidersDialog::connectionTested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 10000);
    QVERIFY2(tested.first().first().toBool(), qPrintable(dialog.testResultText()));
    QCOMPARE(m_engine->sandbox()->requestCount(nova.name), 1);
    QCOMPARE(m_engine->sandbox()->lastAwsScope(nova.name), sandbox.accessKeyId + QStringLiteral("/eu-west-1"));

    QVERIFY2(dialog.save(), qPrintable(dialog.messageText()));
    QFile providers(m_home->filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::ReadOnly));
    const QByteArray json = providers.readAll();
    QVERIFY(json.contains("\"kind\": \"bedrock\""));
    QVERIFY(json.contains("\"awsRegion\": \"eu-west-1\""));
    QVERIFY(!json.contains(sandbox.secretAccessKey.toUtf8()));

    // Another wire format hides what only Bedrock uses.
    auto* kind = dialog.findChild<QComboBox*>();
    for (auto* box : dialog.findChildren<QComboBox*>()) {
        if (box->findData(QStringLiteral("bedrock")) >= 0) {
            kind = box;
        }
    }
    kind->setCurrentIndex(kind->findData(QStringLiteral("openai")));
    QVERIFY(!dialog.awsFieldsShown());
    qunsetenv("AWS_ACCESS_KEY_ID");
    qunsetenv("AWS_SECRET_ACCESS_KEY");
}

void TestProvidersDialog::testConnection_againstSandbox_showsLatency()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    QSignalSpy tested(&dialog, &ProvidersDialog::connectionTested);
    QList<RequestRecord> rows;
    connect(m_engine.get(), &Engine::requestRecorded, this, [&rows](const RequestRecord& row) { rows.append(row); });
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30000);
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(dialog.testResultText()));
    QVERIFY2(dialog.testResultText().contains(QStringLiteral(" ms")), qPrintable(dialog.testResultText()));
    // The test call is a real call: in the ledger as a probe (outside savings), its hold settled.
    QTRY_COMPARE(rows.size(), 1);
    QCOMPARE(rows.first().source, RequestSource::Probe);
    QCOMPARE(m_engine->budgets()->activeReservations(), 0);
}

void TestProvidersDialog::testConnection_budgetSpent_nothingSent()
{
    BudgetSettings settings;
    settings.global.dailyUsd = 0.0000001;
    settings.action = BudgetAction::Refuse;
    m_engine->budgets()->setSettings(settings);
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    const int before = m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini"));
    QSignalSpy tested(&dialog, &ProvidersDialog::connectionTested);
    dialog.testConnection();
    QCOMPARE(tested.size(), 1);
    QCOMPARE(tested.at(0).at(0).toBool(), false);
    QVERIFY2(dialog.testResultText().startsWith(QStringLiteral("Not tested: ")), qPrintable(dialog.testResultText()));
    QCOMPARE(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")), before);
    m_engine->budgets()->setSettings({});
}

void TestProvidersDialog::testConnection_sandbox401_showsAuth()
{
    m_engine->sandbox()->setFault(QStringLiteral("gpt-4.1-mini"), SandboxFault::httpError(401));
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    QSignalSpy tested(&dialog, &ProvidersDialog::connectionTested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30000);
    QCOMPARE(tested.at(0).at(0).toBool(), false);
    QVERIFY2(dialog.testResultText().contains(QStringLiteral("HTTP 401")), qPrintable(dialog.testResultText()));
    QVERIFY(!dialog.testResultText().contains(QStringLiteral("(auth)")));
    QVERIFY(dialog.testResultText().contains(QStringLiteral("API key")));
}

void TestProvidersDialog::fetchModels_listsSandboxCatalogue()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    QSignalSpy fetched(&dialog, &ProvidersDialog::modelsFetched);
    dialog.fetchModels();
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 30000);
    QVERIFY2(dialog.fetchedModels().contains(QStringLiteral("gpt-4.1-mini")), qPrintable(dialog.testResultText()));
    QVERIFY(dialog.fetchedModels().contains(QStringLiteral("gpt-5")));
}

void TestProvidersDialog::insecureUrl_isFlagged_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("http to a LAN host is flagged") << "http://10.1.2.3:4000/v1" << true;
    QTest::newRow("http to localhost is not") << "http://localhost:1234/v1" << false;
    QTest::newRow("https anywhere is not") << "https://llm.example.com/v1" << false;
}

void TestProvidersDialog::insecureUrl_isFlagged()
{
    QFETCH(QString, url);
    QFETCH(bool, flagged);
    ProvidersDialog dialog(*m_engine, *m_keys);
    dialog.addFromPreset(QStringLiteral("custom"));
    dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->setText(url);
    QCOMPARE(dialog.insecureWarningShown(), flagged);
}

void TestProvidersDialog::failures_testAndFetchSayTheSameWithTheUrl_data()
{
    QTest::addColumn<bool>("test"); // Test connection, else Fetch models
    QTest::newRow("test connection") << true;
    QTest::newRow("fetch models") << false;
}

void TestProvidersDialog::failures_testAndFetchSayTheSameWithTheUrl()
{
    QFETCH(bool, test);
    // A port nothing listens on: taken, then released.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
    dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->setText(url);
    QSignalSpy tested(&dialog, &ProvidersDialog::connectionTested);
    QSignalSpy fetched(&dialog, &ProvidersDialog::modelsFetched);
    if (test) {
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30000);
    } else {
        dialog.fetchModels();
        QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 30000);
    }
    const QString text = dialog.testResultText();
    const QString action = test ? QStringLiteral("Test connection") : QStringLiteral("Fetch models");
    QVERIFY2(text.startsWith(QStringLiteral("%1 failed at %2: ").arg(action, url)), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("network_error")), qPrintable(text));
}

void TestProvidersDialog::testConnection_withoutModel_asksForTheModelList()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    dialog.findChild<QTableWidget*>(QStringLiteral("modelTable"))->setRowCount(0);
    QSignalSpy tested(&dialog, &ProvidersDialog::connectionTested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30000);
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(dialog.testResultText()));
    QVERIFY2(dialog.testResultText().startsWith(QStringLiteral("Connected: the provider offers")),
             qPrintable(dialog.testResultText()));
}

void TestProvidersDialog::typedKey_replacesNoKeyNeeded()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(dialog.keySourceText(), QStringLiteral("no key needed"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("keyInput")), QStringLiteral("sk-typed"));
    QVERIFY2(!dialog.keySourceText().contains(QStringLiteral("no key")), qPrintable(dialog.keySourceText()));
    QVERIFY(dialog.keySourceText().contains(QStringLiteral("not stored yet")));
}

void TestProvidersDialog::rename_showsInTheList()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    dialog.addFromPreset(QStringLiteral("openai"));
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("providerName"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("OpenAI work account"));
    const auto* list = dialog.findChild<QListWidget*>(QStringLiteral("providerList"));
    QCOMPARE(list->currentItem()->text(), QStringLiteral("OpenAI work account"));
}

void TestProvidersDialog::save_saysSo()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    addSandboxBackedCustom(dialog, QStringLiteral("gpt-4.1-mini"));
    QVERIFY(dialog.save());
    QVERIFY2(dialog.messageText().startsWith(QStringLiteral("Saved: 1 provider")), qPrintable(dialog.messageText()));
}

void TestProvidersDialog::startAdding_selectsNothingAndSaysWhatToDo()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    dialog.startAdding();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Not a read-only sandbox provider: the preset list has the focus, nothing is selected.
    QVERIFY(dialog.currentProviderId().isEmpty());
    QVERIFY(qobject_cast<QComboBox*>(QApplication::focusWidget()));
    QCOMPARE(dialog.findChild<QListWidget*>(QStringLiteral("providerList"))->currentItem(), nullptr);
    QVERIFY2(dialog.messageText().contains(QStringLiteral("press Add")), qPrintable(dialog.messageText()));
}

void TestProvidersDialog::azurePreset_resourceVersionAndAuth_saved()
{
    ProvidersDialog dialog(*m_engine, *m_keys);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* resource = dialog.findChild<QLineEdit*>(QStringLiteral("azureResource"));
    auto* version = dialog.findChild<QLineEdit*>(QStringLiteral("apiVersion"));
    auto* auth = dialog.findChild<QComboBox*>(QStringLiteral("authType"));
    QVERIFY(resource && version && auth);
    // Azure's own rows only for Azure.
    dialog.addFromPreset(QStringLiteral("openai"));
    QVERIFY(!resource->isVisible() && !version->isVisible() && !auth->isVisible());
    dialog.addFromPreset(QStringLiteral("azure"));
    QVERIFY(resource->isVisible() && version->isVisible() && auth->isVisible());
    QCOMPARE(version->text(), QStringLiteral("2024-10-21"));
    QTest::keyClicks(resource, QStringLiteral("contoso"));
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->text(),
             QStringLiteral("https://contoso.openai.azure.com"));
    version->setText(QStringLiteral("2025-01-01-preview"));
    auth->setCurrentIndex(auth->findData(QStringLiteral("entra-id")));
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("modelTable"));
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Deployment"));
    table->setRowCount(1);
    table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("gpt-4o-prod")));
    QVERIFY2(dialog.save(), qPrintable(dialog.messageText()));

    const ProviderConfig* saved = m_engine->config().provider(QStringLiteral("azure"));
    QVERIFY(saved);
    QCOMPARE(saved->kind, ProviderKind::AzureOpenAi);
    QCOMPARE(saved->baseUrl, QUrl(QStringLiteral("https://contoso.openai.azure.com")));
    QCOMPARE(saved->apiVersion, QStringLiteral("2025-01-01-preview"));
    QCOMPARE(saved->auth, ProviderAuth::EntraIdToken);
    QCOMPARE(saved->keyEnv, QStringLiteral("AZURE_OPENAI_API_KEY"));
    const ModelConfig* model = m_engine->config().model(QStringLiteral("azure/gpt-4o-prod"));
    QVERIFY(model);
    QCOMPARE(model->upstreamModel, QStringLiteral("gpt-4o-prod"));
    QFile providers(m_home->filePath(QStringLiteral("providers.json")));
    QVERIFY(providers.open(QIODevice::ReadOnly));
    const QByteArray json = providers.readAll();
    QVERIFY2(json.contains(R"("auth": "entra-id")") && json.contains(R"("kind": "azure")"), json.constData());
}

QTEST_MAIN(TestProvidersDialog)
#include "tst_ProvidersDialog.moc"
