#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/sandbox/SandboxServer.h"
#include "core/secrets/KeyStore.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/settings/Appearance.h"
#include "ui/settings/ProvidersDialog.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/settings/WelcomeDialog.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Saves the welcome, the providers dialog and the settings dialog, in English and German, into
// build/screenshots so a person can look at them: welcome-en.png, providers-de.png, ...
// tests/settings/screenshots.sh runs it on a virtual X display (Xvfb) for the real look.
class tst_SettingsScreenshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<KeyStore> m_keys;

    static QString shoot(QWidget& widget, const QString& name)
    {
        widget.show();
        if (!QTest::qWaitForWindowExposed(&widget)) {
            return {};
        }
        QTest::qWait(50); // let the final layout settle before grabbing
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/") + name;
        if (!widget.grab().save(path)) {
            return {};
        }
        qInfo("wrote %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsscreenshots"));
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home.path();
        options.sandbox = true;
        options.openLedger = false;
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        m_keys = std::make_unique<KeyStore>();
    }
    void cleanupTestCase()
    {
        Appearance::installLanguage(QStringLiteral("en"));
        m_keys.reset();
        m_engine.reset();
    }

    void dialogs_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en");
        QTest::newRow("German") << QStringLiteral("de");
    }
    void dialogs()
    {
        QFETCH(QString, language);
        QVERIFY(Appearance::installLanguage(language));

        WelcomeDialog welcome;
        welcome.setSandboxAvailable(true);
        QVERIFY(!shoot(welcome, QStringLiteral("welcome-%1.png").arg(language)).isEmpty());

        ProvidersDialog providers(*m_engine, *m_keys);
        providers.resize(1000, 680);
        providers.selectProvider(QStringLiteral("sandbox-openai"));
        QSignalSpy tested(&providers, &ProvidersDialog::connectionTested);
        providers.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 10000);
        QVERIFY(!shoot(providers, QStringLiteral("providers-%1.png").arg(language)).isEmpty());
        providers.addFromPreset(QStringLiteral("anthropic"));
        QVERIFY(!shoot(providers, QStringLiteral("providers-preset-%1.png").arg(language)).isEmpty());
        providers.addFromPreset(QStringLiteral("azure"));
        QVERIFY(!shoot(providers, QStringLiteral("providers-azure-%1.png").arg(language)).isEmpty());
        providers.addFromPreset(QStringLiteral("bedrock")); // region, profile and where the credentials come from
        QVERIFY(!shoot(providers, QStringLiteral("providers-bedrock-%1.png").arg(language)).isEmpty());

        AppSettings settings(m_home.filePath(QStringLiteral("settings-%1.ini").arg(language)));
        SettingsDialog dialog(settings, m_home.path());
        QVERIFY(!shoot(dialog, QStringLiteral("settings-%1.png").arg(language)).isEmpty());
    }

    // The window after the welcome's sandbox choice and one send: the "Route it" column failed over.
    void sandboxExample_data() { dialogs_data(); }
    void sandboxExample()
    {
        QFETCH(QString, language);
        QVERIFY(Appearance::installLanguage(language));
        HomeSettings::open()->clear();
        m_engine->sandbox()->setTimeScale(0.05);
        MainWindow window(*m_engine);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showWelcome()->findChild<QCommandLinkButton*>(QStringLiteral("sandboxChoice"))->click();
        window.workbench()->send();
        QTRY_VERIFY_WITH_TIMEOUT(!window.workbench()->comparison()->isRunning(), 20000);
        for (auto* view : window.workbench()->columnViews()) {
            view->flush();
        }
        QVERIFY(!shoot(window, QStringLiteral("firstrun-sandbox-%1.png").arg(language)).isEmpty());
        m_engine->sandbox()->clearFaults();
        HomeSettings::open()->clear();
    }
};

QTEST_MAIN(tst_SettingsScreenshots)
#include "tst_SettingsScreenshots.moc"
