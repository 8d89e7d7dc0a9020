// Issue 22 item 14: a German user who renames nothing reads the built-in rules in German
// wherever the UI names a rule (the rules table, its problems, "Try a prompt", a routed column,
// the sandbox example's note), while routing.json and the ledger keep the English name.
#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "core/common/HomeSettings.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "core/routing/Router.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/MainWindow.h"
#include "ui/common/ElidedLabel.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/RulesModel.h"
#include "ui/routing/TryPromptPanel.h"
#include "ui/settings/Appearance.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class tst_GermanRuleNames : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QStringList ruleNames(const RoutingPolicy& policy) const
    {
        QStringList names;
        for (const RoutingRule& rule : policy.rules) {
            names << rule.name;
        }
        return names;
    }

private slots:
    void initTestCase()
    {
        UiFixture::initTestCase(QStringLiteral("tst_germanrulenames"));
        HomeSettings::open()->clear();
    }
    void cleanupTestCase()
    {
        Appearance::installLanguage(QStringLiteral("en"));
        HomeSettings::open()->clear();
    }

    void freshGermanHome_showsGermanNames_keepsEnglishOnDisk()
    {
        // The policy is made while the app runs in German: a fresh home, nothing renamed.
        QVERIFY(Appearance::installLanguage(QStringLiteral("de")));
        QString error;
        std::unique_ptr<Engine> engine = UiFixture::openSandbox(m_home.path(), 0.05, &error);
        QVERIFY2(engine, qPrintable(error));
        const QStringList stored = ruleNames(engine->router()->policy());
        for (const QString& english :
             { QStringLiteral("Code block"), QStringLiteral("Programming task"), QStringLiteral("Deep thinking"),
               QStringLiteral("Everything else"), QStringLiteral("Tag tier=coding") }) {
            QVERIFY2(stored.contains(english), qPrintable(stored.join(QStringLiteral(", "))));
        }

        MainWindow window(*engine);
        window.resize(1280, 820);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startSandboxExample();

        // The rules table and a problem that names a rule.
        window.showPage(MainWindow::RoutingPage);
        auto* editor = window.findChild<RoutingEditor*>();
        QVERIFY(editor);
        QTableView* rules = editor->rulesView();
        QStringList shown;
        for (int row = 0; row < rules->model()->rowCount(); ++row) {
            shown << rules->model()->index(row, RulesModel::NameColumn).data().toString();
        }
        for (const QString& german :
             { QStringLiteral("Codeblock"), QStringLiteral("Programmieraufgabe"), QStringLiteral("Alles andere") }) {
            QVERIFY2(shown.contains(german), qPrintable(shown.join(QStringLiteral(", "))));
        }
        QVERIFY2(!shown.contains(QStringLiteral("Everything else")), qPrintable(shown.join(QStringLiteral(", "))));
        RoutingPolicy policy = editor->document()->policy();
        RoutingRule late;
        late.name = QStringLiteral("Spät");
        late.kind = RuleKind::Keywords;
        late.pattern = QStringLiteral("rechnung");
        late.tier = policy.defaultTier;
        policy.rules.append(late);
        editor->document()->apply(policy, QStringLiteral("late rule"));
        const QString problem
            = rules->model()->index(rules->model()->rowCount() - 1, RulesModel::ProblemColumn).data().toString();
        QVERIFY2(problem.contains(QStringLiteral("Alles andere")), qPrintable(problem));
        editor->document()->undoStack()->undo();

        // "Try a prompt" with the example (its code block picks the rule "Code block").
        TryPromptPanel* tryPanel = editor->tryPanel();
        tryPanel->refresh();
        QVERIFY2(tryPanel->resultText().contains(QStringLiteral("Codeblock")), qPrintable(tryPanel->resultText()));

        // The example's note in the status bar.
        auto* note = window.findChild<ElidedLabel*>(QStringLiteral("sandboxLabel"));
        QVERIFY(note);
        QVERIFY2(note->toolTip().contains(QStringLiteral("Codeblock")), qPrintable(note->toolTip()));
        QVERIFY2(!note->toolTip().contains(QStringLiteral("Code block")), qPrintable(note->toolTip()));

        // A routed column says which rule picked its tier in German; the ledger keeps English.
        window.showPage(MainWindow::WorkbenchPage);
        WorkbenchView* workbench = window.workbench();
        QSignalSpy flushed(engine->ledger(), &Ledger::flushed);
        QPlainTextEdit* prompt = workbench->promptEditor()->promptEdit();
        prompt->setFocus();
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(WorkbenchDriver::allEnded(workbench), 20000);
        ColumnView* routed = workbench->columnViews().constFirst();
        QVERIFY2(routed->routeText().contains(QStringLiteral("Codeblock")), qPrintable(routed->routeText()));
        engine->ledger()->flush();
        QTRY_VERIFY(!flushed.isEmpty());
        LedgerQueries queries(engine->ledgerPath());
        QStringList recordedRules;
        for (const RequestRecord& request : queries.recentRequests(50)) {
            if (!request.rule.isEmpty()) {
                recordedRules << request.rule;
            }
        }
        QVERIFY2(recordedRules.contains(QStringLiteral("Code block")), qPrintable(recordedRules.join(u',')));
        QVERIFY2(!recordedRules.contains(QStringLiteral("Codeblock")), qPrintable(recordedRules.join(u',')));

        // Saved, the file keeps the English names.
        QVERIFY(editor->save().isEmpty());
        QFile saved(m_home.filePath(QStringLiteral("routing.json")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray json = saved.readAll();
        QVERIFY(json.contains("\"Everything else\""));
        QVERIFY(json.contains("\"Code block\""));
        QVERIFY(!json.contains("Alles andere"));
        QVERIFY(!json.contains("Codeblock"));
    }
};

QTEST_MAIN(tst_GermanRuleNames)
#include "tst_GermanRuleNames.moc"
