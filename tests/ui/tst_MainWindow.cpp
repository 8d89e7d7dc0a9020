#include "UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/common/Icons.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QImage>
#include <QMenuBar>
#include <QTest>

class tst_MainWindow : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;

    QAction* menuAction(MainWindow& window, const QString& text)
    {
        for (QAction* menu : window.menuBar()->actions()) {
            for (QAction* action : menu->menu()->actions()) {
                if (action->text().remove(QLatin1Char('&')) == text) {
                    return action;
                }
            }
        }
        return nullptr;
    }

private slots:
    void initTestCase() { UiFixture::initTestCase(); }
    void init() { QVERIFY(m_fixture.start(0.05)); }
    void cleanup() { m_fixture.stop(); }

    void navigation_switchesPages_withShortcuts()
    {
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), MainWindow::WorkbenchPage);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), MainWindow::RoutingPage);
        QVERIFY(!window.workbench()->isEnabled()); // Ctrl+Enter must not send from another page
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), MainWindow::DashboardPage);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), MainWindow::WorkbenchPage);
    }

    void menus_carryTheWorkbenchShortcuts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QKeySequence>("shortcut");
        QTest::newRow("send") << QStringLiteral("Send to All Columns") << QKeySequence(Qt::CTRL | Qt::Key_Return);
        QTest::newRow("stop") << QStringLiteral("Stop") << QKeySequence(Qt::Key_Escape);
        QTest::newRow("add column") << QStringLiteral("Add Column…") << QKeySequence(Qt::CTRL | Qt::Key_T);
        QTest::newRow("export") << QStringLiteral("Export Comparison…")
                                << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
        QTest::newRow("quit") << QStringLiteral("Quit") << QKeySequence(QKeySequence::Quit);
    }
    void menus_carryTheWorkbenchShortcuts()
    {
        QFETCH(QString, text);
        QFETCH(QKeySequence, shortcut);
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        QAction* action = menuAction(window, text);
        QVERIFY2(action, qPrintable(text));
        QCOMPARE(action->shortcut(), shortcut);
    }

    void geometryAndPage_restoredOnNextStart()
    {
        {
            MainWindow window(m_fixture.catalog(), m_fixture.client);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1111, 777);
            window.showPage(MainWindow::DashboardPage);
            window.close();
        }
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(1111, 777));
        QCOMPARE(window.currentPage(), MainWindow::DashboardPage);
    }

    void icons_renderCrispAtHighDpi()
    {
        const QIcon icon = Icons::icon(QStringLiteral("send"));
        const QImage image = icon.pixmap(QSize(24, 24), 2.0).toImage();
        QCOMPARE(image.size(), QSize(48, 48));
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                opaque += qAlpha(image.pixel(x, y)) > 0;
            }
        }
        QVERIFY(opaque > 100); // drawn, not an empty pixmap
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
