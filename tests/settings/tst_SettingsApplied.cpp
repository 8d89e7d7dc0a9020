#include "core/common/HomeSettings.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/BudgetTracker.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "core/settings/AppSettings.h"
#include "core/telemetry/OtlpExporter.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/MainWindow.h"
#include "ui/common/ElidedLabel.h"
#include "ui/settings/Appearance.h"
#include "ui/settings/ProvidersDialog.h"
#include "ui/settings/SandboxExample.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/settings/WelcomeDialog.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProxyStyle>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// What the Settings dialog stores reaches the running app: theme, budgets, default timeouts,
// prompt storage, history retention, language; and the first-run welcome on a fresh home.
class tst_SettingsApplied : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    QString m_systemStyle;

    bool openEngine(bool explicitSandbox)
    {
        m_engine.reset();
        m_home = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandbox = explicitSandbox;
        options.sandboxWhenUnconfigured = true;
        if (!m_engine->open(options)) {
            return false;
        }
        m_engine->sandbox()->setTimeScale(0.05);
        return true;
    }

    static ChatRequest request(const QString& text)
    {
        ChatRequest request;
        request.messages.append({ QStringLiteral("user"), text });
        request.maxTokens = 32;
        return request;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsapplied"));
        m_systemStyle = QApplication::style()->name();
    }
    void init()
    {
        HomeSettings::open()->clear();
        QVERIFY(openEngine(true));
    }
    void cleanup()
    {
        m_engine.reset();
        Appearance::applyTheme(AppSettings::Theme::System);
        Appearance::installLanguage(QStringLiteral("en"));
        HomeSettings::open()->clear();
    }

    void theme_appliedAtOnce_data()
    {
        QTest::addColumn<AppSettings::Theme>("theme");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QString>("style");
        QTest::newRow("dark: Fusion with a dark window")
            << AppSettings::Theme::Dark << true << QStringLiteral("fusion");
        QTest::newRow("light: Fusion with a light window")
            << AppSettings::Theme::Light << false << QStringLiteral("fusion");
    }
    void theme_appliedAtOnce()
    {
        QFETCH(AppSettings::Theme, theme);
        QFETCH(bool, dark);
        QFETCH(QString, style);
        MainWindow window(*m_engine);
        window.appSettings()->setTheme(theme);
        QCOMPARE(qApp->palette().color(QPalette::Window).lightness() < 128, dark);
        QCOMPARE(qApp->palette().color(QPalette::WindowText).lightness() > 128, dark);
        QTRY_COMPARE(window.palette().color(QPalette::Window), qApp->palette().color(QPalette::Window));
        // Fusion, under the proxy that draws check box frames visible on a dark palette.
        const auto* proxy = qobject_cast<const QProxyStyle*>(QApplication::style());
        QVERIFY(proxy);
        QCOMPARE(proxy->baseStyle()->name().toLower(), style);
    }

    void theme_system_restoresPlatformLook()
    {
        MainWindow window(*m_engine);
        window.appSettings()->setTheme(AppSettings::Theme::Dark);
        window.appSettings()->setTheme(AppSettings::Theme::System);
        QCOMPARE(QApplication::style()->name(), m_systemStyle);
        QVERIFY(qApp->palette().color(QPalette::Window) != Appearance::darkPalette().color(QPalette::Window));
    }

    void theme_savedOne_appliedAtStart()
    {
        {
            AppSettings settings;
            settings.setTheme(AppSettings::Theme::Dark);
        }
        MainWindow window(*m_engine);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 128);
    }

    void budgets_fromDialog_reachTracker()
    {
        MainWindow window(*m_engine);
        window.openPreferences();
        auto* dialog = window.findChild<SettingsDialog*>();
        QVERIFY(dialog);
        auto* daily = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("dailyLimit"));
        auto* monthly = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("monthlyLimit"));
        QVERIFY(daily && monthly);
        daily->setValue(2.5);
        monthly->setValue(40);
        dialog->save();
        const BudgetSettings budgets = m_engine->budgets()->settings();
        QCOMPARE(budgets.global.dailyUsd, 2.5);
        QCOMPARE(budgets.global.monthlyUsd, 40.0);
    }

    void operations_fromDialog_traceAndProbe()
    {
        MainWindow window(*m_engine);
        window.openPreferences();
        auto* dialog = window.findChild<SettingsDialog*>();
        QVERIFY(dialog);
        auto* endpoint = dialog->findChild<QLineEdit*>(QStringLiteral("otlpEndpoint"));
        auto* minutes = dialog->findChild<QSpinBox*>(QStringLiteral("probeMinutes"));
        QVERIFY(endpoint && minutes);
        QVERIFY(!m_engine->traceExporter());

        // A bad URL keeps the dialog open and names the field; nothing is saved.
        endpoint->setText(QStringLiteral("collector:4318"));
        QVERIFY(!dialog->save());
        auto* problem = dialog->findChild<QLabel*>(QStringLiteral("settingsProblem"));
        QVERIFY(problem && !problem->isHidden());
        QVERIFY(problem->text().contains(QStringLiteral("Trace collector")));
        QVERIFY(!m_engine->traceExporter());

        endpoint->setText(QStringLiteral("http://127.0.0.1:4318"));
        minutes->setValue(5);
        QVERIFY(dialog->save());
        QVERIFY(m_engine->traceExporter());
        QCOMPARE(m_engine->traceExporter()->settings().tracesUrl.toString(),
                 QStringLiteral("http://127.0.0.1:4318/v1/traces"));
        QVERIFY(m_engine->router()->isTracing());
        // The first probe round goes out at once: the sandbox gets the probes.
        QTRY_VERIFY(m_engine->sandbox()->requestCount(QStringLiteral("gpt-4.1-mini")) >= 1);

        endpoint->clear();
        minutes->setValue(0);
        QVERIFY(dialog->save());
        QVERIFY(!m_engine->traceExporter());
        QVERIFY(!m_engine->router()->isTracing());
    }

    void budgetAction_andWarning_reachTracker()
    {
        MainWindow window(*m_engine);
        window.appSettings()->setValue(AppSettings::BudgetAction, QStringLiteral("refuse"));
        window.appSettings()->setValue(AppSettings::BudgetWarnPercent, 50);
        window.appSettings()->setValue(AppSettings::BudgetDailyUsd, 0.000001);
        QCOMPARE(m_engine->budgets()->settings().action, BudgetAction::Refuse);
        QCOMPARE(m_engine->budgets()->settings().warnAt, 0.5);
        // And the router obeys it: a priced sandbox model is refused over the tiny daily limit.
        const ModelConfig* model = m_engine->model(QStringLiteral("sandbox/gpt-4.1-mini"));
        QVERIFY(model);
        const BudgetCheck check = m_engine->budgets()->check(model->providerId, model->id, model->price, 1000, 1000);
        QVERIFY(!check.allowed);
    }

    void timeouts_reachNewCalls_hangingModelFailsInTime()
    {
        MainWindow window(*m_engine);
        Timeouts timeouts;
        timeouts.connectMs = 1000;
        timeouts.firstTokenMs = 700;
        timeouts.idleMs = 1000;
        timeouts.totalMs = 5000;
        window.appSettings()->setDefaultTimeouts(timeouts);
        QCOMPARE(m_engine->router()->policy().defaults.timeouts, timeouts);
        const ModelConfig* model = m_engine->model(QStringLiteral("sandbox/gpt-4.1-mini"));
        QVERIFY(model);
        QCOMPARE(model->timeouts, timeouts);
        QCOMPARE(window.workbench()->comparison()->catalog().model(model->id)->timeouts, timeouts);

        m_engine->sandbox()->setFault(model->upstreamModel,
                                      SandboxFault::ofKind(SandboxFault::Kind::HangBeforeHeaders));
        ProviderCall* call = m_engine->client()->start(*m_engine->provider(model->providerId), *model,
                                                       request(QStringLiteral("Hello?")), this);
        QSignalSpy failed(call, &ProviderCall::failed);
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 4000);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(failed.first().first().value<CallError>().failureClass, FailureClass::FirstTokenTimeout);
        call->deleteLater();
    }

    void storePrompts_off_reachesLedger()
    {
        MainWindow window(*m_engine);
        QVERIFY(m_engine->ledger()->storePrompts());
        window.appSettings()->setValue(AppSettings::StorePrompts, false);
        QVERIFY(!m_engine->ledger()->storePrompts());
    }

    void historyRetention_prunesOldRequests()
    {
        RequestRecord old;
        old.startedAt = QDateTime::currentDateTimeUtc().addDays(-40);
        old.source = RequestSource::Cli;
        old.status = RequestStatus::Ok;
        RequestRecord recent = old;
        recent.startedAt = QDateTime::currentDateTimeUtc().addDays(-2);
        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->record(old);
        m_engine->record(recent);
        m_engine->ledger()->flush();
        QTRY_COMPARE(flushed.size(), 1);

        QSignalSpy pruned(m_engine->ledger(), &Ledger::pruned);
        MainWindow window(*m_engine); // applies the default, 90 days: nothing that old
        QTRY_COMPARE(pruned.size(), 1);
        QCOMPARE(pruned.last().first().toInt(), 0);
        window.appSettings()->setValue(AppSettings::HistoryRetentionDays, 30);
        QTRY_COMPARE(pruned.size(), 2);
        QCOMPARE(pruned.last().first().toInt(), 1);
    }

    void languages_offered_areEnglishAndGerman()
    {
        // French stopped shipping at 3 % translated: a language is offered once it is complete.
        QCOMPARE(SettingsDialog::availableLanguages(), QStringList({ QStringLiteral("en"), QStringLiteral("de") }));
    }

    void languageList_namesEachLanguageInItself()
    {
        MainWindow window(*m_engine);
        window.openPreferences();
        auto* dialog = window.findChild<SettingsDialog*>();
        QVERIFY(dialog);
        auto* list = dialog->findChild<QComboBox*>(QStringLiteral("language"));
        QVERIFY(list);
        QStringList shown;
        for (int i = 1; i < list->count(); ++i) {
            shown << list->itemText(i);
        }
        QCOMPARE(shown, QStringList({ QStringLiteral("English"), QStringLiteral("Deutsch") }));
    }

    void language_english_pluralsReadOneAndMany_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("shown");
        QTest::newRow("one") << 1 << QStringLiteral("No routed requests in the last 1 day.");
        QTest::newRow("many") << 30 << QStringLiteral("No routed requests in the last 30 days.");
    }

    void language_english_pluralsReadOneAndMany()
    {
        QFETCH(int, count);
        QFETCH(QString, shown);
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
        QCOMPARE(
            QCoreApplication::translate("EstimatePanel", "No routed requests in the last %n day(s).", nullptr, count),
            shown);
    }

    // Issue 22 item 14: a count of days reads in the language's plural form, not "1 days" or
    // "30 day(s)": the retention box in Preferences, as shown and after typing a bare number.
    void retentionDays_readInPluralForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown");
        QTest::newRow("English, one day") << QStringLiteral("en") << 1 << QString() << QStringLiteral("1 day");
        QTest::newRow("English, 30 days") << QStringLiteral("en") << 30 << QString() << QStringLiteral("30 days");
        QTest::newRow("English, 0 keeps forever")
            << QStringLiteral("en") << 0 << QString() << QStringLiteral("keep forever");
        QTest::newRow("English, 45 typed")
            << QStringLiteral("en") << 30 << QStringLiteral("45") << QStringLiteral("45 days");
        QTest::newRow("German, one day") << QStringLiteral("de") << 1 << QString() << QStringLiteral("1 Tag");
        QTest::newRow("German, 90 days") << QStringLiteral("de") << 90 << QString() << QStringLiteral("90 Tage");
        QTest::newRow("German, 1000 typed")
            << QStringLiteral("de") << 30 << QStringLiteral("1000") << QStringLiteral("1.000 Tage");
    }
    void retentionDays_readInPluralForms()
    {
        QFETCH(QString, language);
        QFETCH(int, days);
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        QVERIFY(Appearance::installLanguage(language));
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::HistoryRetentionDays, days);
        SettingsDialog dialog(settings, dir.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* box = dialog.findChild<QSpinBox*>(QStringLiteral("retention"));
        QVERIFY(box);
        if (!typed.isEmpty()) {
            box->setFocus();
            box->selectAll();
            QTest::keyClicks(box, typed);
            QTest::keyClick(box, Qt::Key_Tab);
        }
        QCOMPARE(box->text(), shown);
        if (!typed.isEmpty()) {
            QCOMPARE(box->value(), typed.toInt());
        }
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
    }

    void language_german_translatesTheWindow()
    {
        QVERIFY(SettingsDialog::availableLanguages().contains(QStringLiteral("de")));
        QVERIFY(Appearance::installLanguage(QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Datei"));
        MainWindow window(*m_engine);
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&File"));
    }

    // Issue 22 item 14: German texts come with German numbers, money, percentages and dates (the
    // system's English locale left "$0.00112" next to "1,47 s" and "33.3%").
    void language_german_formatsNumbersAndDatesAsGerman_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("money");
        QTest::addColumn<QString>("seconds");
        QTest::addColumn<QString>("percent");
        QTest::addColumn<QString>("day");
        QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("$0,00112") << QStringLiteral("1,47 s")
                                << QStringLiteral("33,3 %") << QStringLiteral("9. März");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("$0.00112") << QStringLiteral("1.47 s")
                                 << QStringLiteral("33.3%") << QStringLiteral("Mar 9");
    }
    void language_german_formatsNumbersAndDatesAsGerman()
    {
        QFETCH(QString, language);
        QFETCH(QString, money);
        QFETCH(QString, seconds);
        QFETCH(QString, percent);
        QFETCH(QString, day);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // the system's, say
        QVERIFY(Appearance::installLanguage(language));
        QCOMPARE(Money::format(0.00112), money);
        QCOMPARE(FigureFormat::milliseconds(1470), seconds);
        QCOMPARE(QCoreApplication::translate("ChartStyle", "%1%").arg(QLocale().toString(33.3, 'f', 1)), percent);
        QCOMPARE(QLocale().toString(QDate(2026, 3, 9), QCoreApplication::translate("ChartStyle", "MMM d")), day);
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
    }

    void language_savedOne_isNotedForRestart()
    {
        MainWindow window(*m_engine);
        window.appSettings()->setValue(AppSettings::Language, QStringLiteral("de"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("started again")));
    }

    void welcome_shownOnce_onUnconfiguredHome()
    {
        QVERIFY(openEngine(false)); // a fresh home: the engine chose the sandbox by itself
        MainWindow window(*m_engine);
        QVERIFY(WelcomeDialog::shouldShow(m_engine->config().providers.size(), window.appSettings()->firstRunDone()));
        QVERIFY(!WelcomeDialog::shouldShow(0, false, true)); // not with --sandbox
        WelcomeDialog* welcome = window.showWelcome();
        QVERIFY(welcome->isVisible());
        QVERIFY(welcome->isModal());
        welcome->reject();
        QVERIFY(window.appSettings()->firstRunDone());
        QVERIFY(!WelcomeDialog::shouldShow(0, AppSettings().firstRunDone()));
    }

    void welcome_helpMenuReopensIt()
    {
        MainWindow window(*m_engine);
        auto* action = window.findChild<QAction*>(QStringLiteral("welcomeAction"));
        QVERIFY(action);
        action->trigger();
        QTRY_VERIFY(window.findChild<WelcomeDialog*>());
    }

    void welcome_sandboxChoice_setsUpFailoverExample()
    {
        QVERIFY(openEngine(false));
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WelcomeDialog* welcome = window.showWelcome();
        welcome->findChild<QCommandLinkButton*>(QStringLiteral("sandboxChoice"))->click();

        WorkbenchView* workbench = window.workbench();
        QCOMPARE(workbench->promptEditor()->settings().prompt, WelcomeDialog::examplePrompt());
        auto* label = window.findChild<ElidedLabel*>(QStringLiteral("sandboxLabel"));
        QVERIFY(label);
        QVERIFY(label->fullText().contains(QStringLiteral("imulated")));
        // "Example ready" has the status bar's room for now; then the label is back.
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());
        window.statusBar()->clearMessage();
        QVERIFY(label->isVisible());

        // The code block routes it to the coding tier, whose first model is now down.
        const SandboxExample example = SandboxExample::prepare(*m_engine, WelcomeDialog::examplePrompt());
        QCOMPARE(example.tier, QStringLiteral("coding"));
        QVERIFY(example.isValid());
        const auto& columns = workbench->comparison()->columns();
        QCOMPARE(columns.size(), example.chain.size() + 1); // "Route it", then the chain

        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 15000);
        QCOMPARE(columns[0]->state(), ColumnState::Done);
        QCOMPARE(columns[0]->route().failovers.size(), 1);
        QCOMPARE(columns[0]->route().failovers.first().fromModel, example.downModel);
        QCOMPARE(columns[0]->route().modelId, example.fallbackModel);
        QCOMPARE(columns[1]->state(), ColumnState::Failed); // the primary, switched down
        QCOMPARE(columns[1]->error().failureClass, FailureClass::ServerError);
        QCOMPARE(columns[2]->state(), ColumnState::Done);
    }

    void welcome_addProviderChoice_opensProvidersDialog()
    {
        m_engine.reset();
        // The providers dialog needs the keychain store; the engine opens it with useKeychain.
        m_home = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandboxWhenUnconfigured = true;
        options.useKeychain = true;
        QVERIFY(m_engine->open(options));
        MainWindow window(*m_engine);
        WelcomeDialog* welcome = window.showWelcome();
        welcome->findChild<QCommandLinkButton*>(QStringLiteral("providerChoice"))->click();
        QTRY_VERIFY(window.findChild<ProvidersDialog*>());
    }

    void welcome_withoutSandbox_explainsHowToGetIt()
    {
        WelcomeDialog welcome;
        welcome.setSandboxAvailable(false);
        QVERIFY(!welcome.findChild<QCommandLinkButton*>(QStringLiteral("sandboxChoice"))->isEnabled());
    }
};

QTEST_MAIN(tst_SettingsApplied)
#include "tst_SettingsApplied.moc"
