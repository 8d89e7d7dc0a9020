#include "core/engine/Engine.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/MainWindow.h"
#include "ui/common/ElidedLabel.h"
#include "ui/common/ProviderStatusBar.h"
#include "ui/routing/ChainModel.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/SimulatePanel.h"
#include "ui/routing/TierBoard.h"
#include "ui/routing/TierColumn.h"
#include "ui/routing/TryPromptPanel.h"
#include "ui/settings/SandboxExample.h"
#include "ui/workbench/WorkbenchView.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// One health model, shown the same everywhere: while the welcome's example has its first model
// down (HTTP 503 in the sandbox), the status bar, the routing cards and "Try a prompt" all say so;
// after "Clear faults" none of them does, whether or not the example was sent meanwhile.
class tst_HealthShown : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;

    static QString cardHealth(RoutingEditor* editor, const QString& tier, const QString& model)
    {
        ChainModel* chain = editor->tierBoard()->column(tier)->chainModel();
        for (int row = 0; row < chain->rowCount(); ++row) {
            if (chain->index(row).data().toString() == model) {
                return chain->index(row).data(ChainModel::HealthRole).toString();
            }
        }
        return QStringLiteral("(no card)");
    }

    // The line of "Try a prompt" that names the model.
    static QString tryLine(RoutingEditor* editor, const QString& model)
    {
        for (const QString& line : editor->tryPanel()->resultText().split(QLatin1Char('\n'))) {
            if (line.contains(model + QLatin1Char(' '))) {
                return line;
            }
        }
        return {};
    }

    static void grab(QWidget* widget, const QString& name)
    {
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/%1.png").arg(name);
        QVERIFY(widget->grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_healthshown"));
    }
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandboxWhenUnconfigured = true;
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        m_engine->sandbox()->setTimeScale(0.05);
    }
    void cleanup()
    {
        m_engine.reset();
        m_home.reset();
    }

    void exampleDown_shownAlike_andClearedEverywhere_data()
    {
        QTest::addColumn<bool>("send");
        QTest::newRow("set up, not sent") << false;
        QTest::newRow("sent: the routed column failed over") << true;
    }
    void exampleDown_shownAlike_andClearedEverywhere()
    {
        QFETCH(bool, send);
        MainWindow window(*m_engine);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const SandboxExample example = window.startSandboxExample();
        QVERIFY(example.isValid());
        if (send) {
            window.workbench()->send();
            QTRY_VERIFY_WITH_TIMEOUT(!window.workbench()->comparison()->isRunning(), 15000);
        }
        const ModelConfig* down = m_engine->model(example.downModel);
        QVERIFY(down);
        const QString provider = m_engine->provider(down->providerId)->displayName;
        auto* editor = window.findChild<RoutingEditor*>();
        QVERIFY(editor);
        auto* sandboxLabel = window.findChild<ElidedLabel*>(QStringLiteral("sandboxLabel"));

        // Down, in the same words, in the status bar, on the card and in "Try a prompt".
        QVERIFY2(sandboxLabel->fullText().contains(example.downModel + QStringLiteral(" down (HTTP 503)")),
                 qPrintable(sandboxLabel->fullText()));
        const QString summary = window.providerStatus()->summary();
        QVERIFY2(summary.contains(provider + QStringLiteral(": down (HTTP 503)"))
                     || summary.contains(provider + QStringLiteral(": degraded (HTTP 503)")),
                 qPrintable(summary));
        QCOMPARE(cardHealth(editor, example.tier, example.downModel), QStringLiteral("down (HTTP 503)"));
        QCOMPARE(cardHealth(editor, example.tier, example.fallbackModel), QStringLiteral("up"));
        QVERIFY2(tryLine(editor, example.downModel).contains(QStringLiteral("down (HTTP 503)")),
                 qPrintable(editor->tryPanel()->resultText()));
        QVERIFY(!tryLine(editor, example.downModel).contains(QStringLiteral("answers")));
        QVERIFY2(tryLine(editor, example.fallbackModel).contains(QStringLiteral("answers")),
                 qPrintable(editor->tryPanel()->resultText()));
        if (send) {
            window.showPage(MainWindow::RoutingPage);
            QTest::qWait(50);
            grab(&window, QStringLiteral("health-example-down"));
        }

        // "Clear faults" in Simulate outage: nothing says down any more.
        QPushButton* clear = nullptr;
        for (QPushButton* button : editor->simulatePanel()->findChildren<QPushButton*>()) {
            if (button->text() == QLatin1String("Clear &faults")) {
                clear = button;
            }
        }
        QVERIFY(clear);
        clear->click();
        QVERIFY2(!sandboxLabel->fullText().contains(QStringLiteral("down")), qPrintable(sandboxLabel->fullText()));
        const QString cleared = window.providerStatus()->summary();
        QVERIFY2(!cleared.contains(QStringLiteral(": down")) && !cleared.contains(QStringLiteral(": degraded")),
                 qPrintable(cleared));
        // Up again; after the sent example the router may still let it cool down, and says so.
        const QString card = cardHealth(editor, example.tier, example.downModel);
        QVERIFY2(card == QLatin1String("up") || card == QLatin1String("cooling down"), qPrintable(card));
        const QString line = tryLine(editor, example.downModel);
        QVERIFY2(!line.contains(QStringLiteral("HTTP 503")), qPrintable(line));
        if (!send) {
            QVERIFY2(line.contains(QStringLiteral("answers")), qPrintable(line));
        }
    }
};

QTEST_MAIN(tst_HealthShown)
#include "tst_HealthShown.moc"
