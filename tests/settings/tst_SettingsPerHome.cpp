#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/common/ElidedLabel.h"
#include "ui/settings/Appearance.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/settings/WelcomeDialog.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QComboBox>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// `--home DIR` holds the app's own settings too: the first-run welcome, the theme and the
// workbench columns of one home are not seen from another, nor from the platform's settings.
class tst_SettingsPerHome : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_homeA;
    QTemporaryDir m_homeB;

    // What `switchyard --home DIR` opens: no provider configured, so the sandbox.
    static std::unique_ptr<Engine> openHome(const QString& dir)
    {
        auto engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = dir;
        options.sandboxWhenUnconfigured = true;
        if (!engine->open(options)) {
            return nullptr;
        }
        return engine;
    }

    static QStringList columnTitles(const MainWindow& window)
    {
        QStringList titles;
        for (ColumnView* view : window.workbench()->columnViews()) {
            titles.append(view->findChild<ElidedLabel*>(QStringLiteral("columnTitle"))->fullText());
        }
        return titles;
    }

    // The theme as the Preferences dialog shows it.
    static QString shownTheme(MainWindow& window)
    {
        window.openPreferences();
        auto* dialog = window.findChild<SettingsDialog*>();
        if (!dialog) {
            return {};
        }
        const QString text = dialog->findChild<QComboBox*>(QStringLiteral("themeBox"))->currentText();
        dialog->close();
        delete dialog;
        return text;
    }

    static void chooseTheme(MainWindow& window, const QString& text)
    {
        window.openPreferences();
        auto* dialog = window.findChild<SettingsDialog*>();
        QVERIFY(dialog);
        auto* box = dialog->findChild<QComboBox*>(QStringLiteral("themeBox"));
        box->setCurrentIndex(box->findText(text));
        dialog->save();
        delete dialog;
    }

    // Opens the window on a home and answers its welcome, if it shows one.
    static bool welcomeShown(MainWindow& window)
    {
        WelcomeDialog* welcome = window.showWelcomeOnFirstRun(false);
        if (!welcome) {
            return false;
        }
        const bool visible = welcome->isVisible();
        welcome->reject();
        return visible;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsperhome"));
        QVERIFY(m_homeA.isValid() && m_homeB.isValid());
        // What an earlier version left in the platform's settings must not reach a --home home.
        QSettings platform;
        platform.setValue(QStringLiteral("ui/firstRunDone"), true);
        platform.setValue(QStringLiteral("ui/theme"), QStringLiteral("light"));
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        Appearance::applyTheme(AppSettings::Theme::System);
    }

    void twoHomes_keepTheirOwnWelcomeThemeAndColumns()
    {
        const QStringList columnsA { QStringLiteral("sandbox/gpt-4.1-mini"),
                                     QStringLiteral("sandbox/claude-haiku-4-5") };
        {
            // Home A, first run: the welcome shows; the user picks the dark theme and two columns.
            const std::unique_ptr<Engine> engine = openHome(m_homeA.path());
            QVERIFY(engine);
            MainWindow window(*engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(welcomeShown(window));
            QCOMPARE(shownTheme(window), QStringLiteral("System"));
            chooseTheme(window, QStringLiteral("Dark"));
            for (const QString& model : columnsA) {
                window.workbench()->addColumn({ model });
            }
            QCOMPARE(columnTitles(window), columnsA);
            window.close();
        }
        QVERIFY(QFile::exists(QDir(m_homeA.path()).filePath(QString::fromLatin1(HomeSettings::FileName))));
        {
            // Home B is new: its own first run, the system theme, no columns of A's.
            const std::unique_ptr<Engine> engine = openHome(m_homeB.path());
            QVERIFY(engine);
            MainWindow window(*engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY2(welcomeShown(window), "a fresh home shows the welcome");
            QCOMPARE(shownTheme(window), QStringLiteral("System"));
            QCOMPARE(columnTitles(window), QStringList());
            window.workbench()->addColumn({ QStringLiteral("sandbox/deepseek-chat") });
            window.close();
        }
        {
            // Back on home A: as the user left it.
            const std::unique_ptr<Engine> engine = openHome(m_homeA.path());
            QVERIFY(engine);
            MainWindow window(*engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY2(!welcomeShown(window), "the welcome was answered in this home");
            QCOMPARE(shownTheme(window), QStringLiteral("Dark"));
            QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 128);
            QCOMPARE(columnTitles(window), columnsA);
        }
    }
};

QTEST_MAIN(tst_SettingsPerHome)
#include "tst_SettingsPerHome.moc"
