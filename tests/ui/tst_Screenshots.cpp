#include "UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QDir>
#include <QPlainTextEdit>
#include <QTest>

// Saves what a user sees into build/screenshots so a person can look at it:
//   workbench-3-done.png, workbench-1-failed.png
class tst_Screenshots : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;

    void shoot(const QStringList& models, const QString& prompt, const QString& fileName)
    {
        MainWindow window(m_fixture.catalog(), m_fixture.client);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkbenchView* workbench = window.workbench();
        for (const auto& model : models) {
            workbench->addColumn({ model });
        }
        workbench->promptEditor()->promptEdit()->setPlainText(prompt);
        workbench->send();
        QTRY_VERIFY_WITH_TIMEOUT(!workbench->comparison()->isRunning(), 30000);
        for (auto* view : workbench->columnViews()) {
            view->flush();
        }
        QTest::qWait(50); // let the final layout settle before grabbing
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/") + fileName;
        QVERIFY(window.grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }

private slots:
    void initTestCase() { UiFixture::initTestCase(); }
    void init() { QVERIFY(m_fixture.start(0.2)); }
    void cleanup() { m_fixture.stop(); }

    void threeFinishedColumns()
    {
        shoot({ QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5"),
                QStringLiteral("sandbox/gemini-2.5-flash") },
              QStringLiteral("Explain how a hash map handles collisions, with a short code example."),
              QStringLiteral("workbench-3-done.png"));
    }

    void oneFailedColumn()
    {
        m_fixture.sandbox->setFault(QStringLiteral("claude-haiku-4-5"), SandboxFault::httpError(503));
        shoot({ QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5"),
                QStringLiteral("sandbox/deepseek-chat") },
              QStringLiteral("Summarise the CAP theorem in three bullet points."),
              QStringLiteral("workbench-1-failed.png"));
    }
};

QTEST_MAIN(tst_Screenshots)
#include "tst_Screenshots.moc"
