#include "ClippedText.h"
#include "UiFixture.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/sandbox/SandboxServer.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/settings/Appearance.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QDir>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

// Issue 22: the workbench, the routing editor and the dashboard as a user sees them on the two
// screens of the issue (1280x820, 1600x1000), light and dark, in English and German, after the
// welcome's sandbox example ran (a "Route it" column that failed over, the chain's models beside
// it). Every page is saved as screenshots/<page>-<lang>-<theme>-<size>.png for a person to look
// at, and no label or button on it shows its text cut.
class tst_ScreenshotMatrix : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Engine> m_engine;

    static bool save(QWidget& window, const QString& name)
    {
        QTest::qWait(50); // the final layout and paint
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        return window.grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/") + name);
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_screenshotmatrix"));
        QString error;
        m_engine = UiFixture::openSandbox(m_home.path(), 0.05, &error);
        QVERIFY2(m_engine, qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        HomeSettings::open()->clear();
    }
    void cleanup()
    {
        Appearance::applyTheme(AppSettings::Theme::System);
        Appearance::installLanguage(QStringLiteral("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_engine->sandbox()->clearFaults();
    }

    void everyPage_shownWhole_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QSize>("size");
        for (const QString& language : { QStringLiteral("en"), QStringLiteral("de") }) {
            for (bool dark : { false, true }) {
                for (const QSize& size : { QSize(1280, 820), QSize(1600, 1000) }) {
                    QTest::addRow("%s, %s, %dx%d", language == QLatin1String("en") ? "English" : "German",
                                  dark ? "dark" : "light", size.width(), size.height())
                        << language << dark << size;
                }
            }
        }
    }
    void everyPage_shownWhole()
    {
        QFETCH(QString, language);
        QFETCH(bool, dark);
        QFETCH(QSize, size);
        QVERIFY(Appearance::installLanguage(language));
        HomeSettings::open()->clear();

        MainWindow window(*m_engine);
        // The window applies the saved theme: choose it there, as Settings does.
        window.appSettings()->setTheme(dark ? AppSettings::Theme::Dark : AppSettings::Theme::Light);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), size);
        const SandboxExample example = window.startSandboxExample();
        QVERIFY(example.isValid());
        window.workbench()->send();
        QTRY_VERIFY_WITH_TIMEOUT(!window.workbench()->comparison()->isRunning(), 20000);
        for (ColumnView* view : window.workbench()->columnViews()) {
            view->flush();
        }
        const QString suffix = QStringLiteral("%1-%2-%3x%4.png")
                                   .arg(language, dark ? QStringLiteral("dark") : QStringLiteral("light"))
                                   .arg(size.width())
                                   .arg(size.height());
        QStringList cut;
        QVERIFY(save(window, QStringLiteral("workbench-") + suffix));
        for (const QString& text : ClippedText::find(&window)) {
            cut.append(QStringLiteral("workbench: ") + text);
        }

        window.showPage(MainWindow::RoutingPage);
        QVERIFY(save(window, QStringLiteral("routing-") + suffix));
        for (const QString& text : ClippedText::find(&window)) {
            cut.append(QStringLiteral("routing: ") + text);
        }

        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        QTRY_VERIFY(!flushed.isEmpty());
        window.showPage(MainWindow::DashboardPage);
        auto* dashboard = window.findChild<DashboardView*>();
        QVERIFY(dashboard);
        dashboard->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->isUpToDate() && dashboard->appliedGeneration() > 0, 20000);
        QVERIFY(save(window, QStringLiteral("dashboard-") + suffix));
        for (const QString& text : ClippedText::find(&window)) {
            cut.append(QStringLiteral("dashboard: ") + text);
        }
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
    }
};

QTEST_MAIN(tst_ScreenshotMatrix)
#include "tst_ScreenshotMatrix.moc"
