#include "UiFixture.h"
#include "WorkbenchDriver.h"
#include "ui/MainWindow.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/ProviderStatusBar.h"
#include "ui/workbench/ColumnSettingsDialog.h"
#include "ui/workbench/ColumnView.h"
#include "ui/workbench/ColumnsArea.h"
#include "ui/workbench/ContinueBar.h"
#include "ui/workbench/DiffDialog.h"
#include "ui/workbench/ModelPickerDialog.h"
#include "ui/workbench/PromptEditor.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

namespace {
// The messages of a request body as "role: text" lines (OpenAI and Anthropic wires alike).
QStringList messagesOf(const QByteArray& body)
{
    QStringList lines;
    for (const QJsonValue& value : QJsonDocument::fromJson(body).object().value(QStringLiteral("messages")).toArray()) {
        const QJsonObject message = value.toObject();
        QString text = message.value(QStringLiteral("content")).toString();
        for (const QJsonValue& part : message.value(QStringLiteral("content")).toArray()) {
            text += part.toObject().value(QStringLiteral("text")).toString();
        }
        lines.append(message.value(QStringLiteral("role")).toString() + QStringLiteral(": ") + text);
    }
    return lines;
}

const QStringList ThreeModels { QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5"),
                                QStringLiteral("sandbox/gemini-2.5-flash") };
} // namespace

// Drives the real widgets against the sandbox: type, Ctrl+Enter, watch the columns.
class tst_WorkbenchView : public QObject
{
    Q_OBJECT

private:
    UiFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;

    WorkbenchView* workbench() const { return m_window->workbench(); }
    void openWindow(const QStringList& models)
    {
        m_window = std::make_unique<MainWindow>(m_fixture.catalog(), m_fixture.client);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        for (const auto& model : models) {
            workbench()->addColumn({ model });
        }
    }
    void typeAndSend(const QString& prompt) { WorkbenchDriver::typeAndSend(workbench(), prompt); }
    bool allEnded() const { return WorkbenchDriver::allEnded(workbench()); }

private slots:
    void initTestCase() { UiFixture::initTestCase(); }
    void init() { QVERIFY(m_fixture.start(0.05)); }
    void cleanup()
    {
        m_window.reset();
        m_fixture.stop();
    }

    void ctrlEnter_threeColumnsStreamAndFinishWithFigures()
    {
        m_fixture.sandbox->setTimeScale(0.3); // slow enough that tokens arrive over time, so rates exist
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Explain TCP slow start in two paragraphs."));
        QVERIFY(workbench()->comparison()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);

        const auto views = workbench()->columnViews();
        QCOMPARE(views.size(), 3);
        for (ColumnView* view : views) {
            QCOMPARE(view->run()->state(), ColumnState::Done);
            view->flush();
            QVERIFY(!view->answerView()->toPlainText().isEmpty());
            QVERIFY2(view->figureText(ColumnView::FigureId::FirstToken).endsWith(QStringLiteral("ms"))
                         || view->figureText(ColumnView::FigureId::FirstToken).endsWith(QStringLiteral("s")),
                     qPrintable(view->figureText(ColumnView::FigureId::FirstToken)));
            QVERIFY(view->figureText(ColumnView::FigureId::Latency) != QStringLiteral("\u2014"));
            QVERIFY(view->figureText(ColumnView::FigureId::Tokens).contains(QStringLiteral(" / ")));
            QVERIFY2(view->figureText(ColumnView::FigureId::Speed).contains(QStringLiteral("tok/s")),
                     qPrintable(view->figureText(ColumnView::FigureId::Speed)
                                + QStringLiteral(" ttft %1 latency %2 out %3")
                                      .arg(view->run()->figures().ttftMs)
                                      .arg(view->run()->figures().latencyMs)
                                      .arg(view->run()->figures().usage.completionTokens)));
            QVERIFY(view->figureText(ColumnView::FigureId::Cost).startsWith(QStringLiteral("$")));
        }
        QVERIFY(!workbench()->stopAction()->isEnabled());
        QVERIFY(m_window->providerStatus()->summary().contains(QStringLiteral("Sandbox OpenAI: up")));
    }

    void failingModel_showsItsFailureClass_othersFinish()
    {
        m_fixture.sandbox->setFault(QStringLiteral("claude-haiku-4-5"), SandboxFault::httpError(503));
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Hello"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);

        const auto views = workbench()->columnViews();
        QCOMPARE(views[0]->run()->state(), ColumnState::Done);
        QCOMPARE(views[2]->run()->state(), ColumnState::Done);
        QCOMPARE(views[1]->run()->state(), ColumnState::Failed);
        QVERIFY(views[1]->statusText().contains(FailureClasses::displayName(FailureClass::ServerError)));
        QVERIFY(views[1]->statusText().contains(QStringLiteral("503")));
        QVERIFY(views[1]->findChild<QWidget*>(QStringLiteral("errorBanner"))->isVisible());
        QVERIFY(m_window->providerStatus()->summary().contains(QStringLiteral("Sandbox Anthropic: down (HTTP 503)")));
    }

    void stopButton_cancelsEveryColumn()
    {
        m_fixture.sandbox->setTimeScale(1.0);
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Write a long essay about trains."));
        QTRY_VERIFY(workbench()->comparison()->column(0)->state() == ColumnState::Streaming);
        QPushButton* stop = workbench()->promptEditor()->stopButton();
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!workbench()->comparison()->isRunning());
        for (auto* view : workbench()->columnViews()) {
            const ColumnState state = view->run()->state();
            QVERIFY(state == ColumnState::Incomplete || state == ColumnState::Cancelled);
        }
        QVERIFY(!stop->isEnabled());
    }

    void escape_cancelsEveryColumn()
    {
        m_fixture.sandbox->setTimeScale(1.0);
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Another long essay."));
        QVERIFY(workbench()->comparison()->isRunning());
        QTest::keyClick(workbench()->promptEditor()->promptEdit(), Qt::Key_Escape);
        QVERIFY(!workbench()->comparison()->isRunning());
    }

    void rerun_runsOneColumnAgain()
    {
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Hi"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        m_fixture.sandbox->resetCounts();
        ColumnView* second = workbench()->columnViews()[1];
        second->findChild<QToolButton*>()->click(); // the first tool button is "run again"
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QCOMPARE(m_fixture.sandbox->totalRequests(), 1);
        QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("claude-haiku-4-5")), 1);
    }

    void columns_rememberedAcrossRestarts()
    {
        openWindow({});
        const ColumnSpec hot { QStringLiteral("sandbox/gpt-4.1-mini"), 1.2, 64, QStringLiteral("Be terse.") };
        workbench()->addColumn({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench()->addColumn(hot);
        workbench()->setLayoutMode(WorkbenchSettings::Layout::Tabs);
        m_window.reset();

        openWindow({});
        const QList<ColumnSpec> expected { { QStringLiteral("sandbox/gpt-4.1-mini") }, hot };
        QCOMPARE(workbench()->comparison()->specs(), expected);
        QCOMPARE(workbench()->columnsArea()->layoutMode(), WorkbenchSettings::Layout::Tabs);
        QCOMPARE(workbench()->columnsArea()->tabs()->count(), 2);
    }

    void ctrlT_opensThePicker_andLayoutsRearrangeColumns()
    {
        openWindow(ThreeModels);
        workbench()->setLayoutMode(WorkbenchSettings::Layout::Grid);
        for (auto* view : workbench()->columnViews()) {
            QVERIFY(view->isVisible());
        }
        workbench()->setLayoutMode(WorkbenchSettings::Layout::Tabs);
        QCOMPARE(workbench()->columnsArea()->tabs()->count(), 3);
        workbench()->setLayoutMode(WorkbenchSettings::Layout::SideBySide);
        QCOMPARE(workbench()->columnsArea()->tabs()->count(), 0);

        QTimer::singleShot(0, this, [] {
            auto* picker = qobject_cast<ModelPickerDialog*>(QApplication::activeModalWidget());
            QVERIFY(picker);
            picker->setChosen(QStringLiteral("sandbox/deepseek-chat"), true);
            picker->accept();
        });
        QTest::keyClick(workbench()->promptEditor()->promptEdit(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(workbench()->comparison()->columns().size(), 4);
        QCOMPARE(workbench()->comparison()->column(3)->spec().modelId, QStringLiteral("sandbox/deepseek-chat"));
    }

    void modelPicker_searchesAndGroupsByProvider()
    {
        ModelPickerDialog picker(m_fixture.catalog(), 8);
        QCOMPARE(picker.proxy()->rowCount(), 5); // five sandbox providers
        picker.setFilterText(QStringLiteral("HAIKU"));
        QCOMPARE(picker.proxy()->rowCount(), 1);
        const QModelIndex group = picker.proxy()->index(0, 0);
        QCOMPARE(group.data().toString(), QStringLiteral("Sandbox Anthropic"));
        QCOMPARE(picker.proxy()->rowCount(group), 1);
        QCOMPARE(picker.proxy()->index(0, 1, group).data().toString(), QStringLiteral("$1.00"));
        picker.setChosen(QStringLiteral("sandbox/claude-haiku-4-5"), true);
        picker.setChosen(QStringLiteral("sandbox/gpt-5"), true);
        QCOMPARE(picker.chosenModels(),
                 (QStringList { QStringLiteral("sandbox/claude-haiku-4-5"), QStringLiteral("sandbox/gpt-5") }));
    }

    // Issue 22 item 13: the add-column dialog by keyboard alone: a trailing space keeps the
    // results, Down goes from the search into them, Space ticks and unticks, Enter takes them.
    void modelPicker_keyboardOnly_searchDownSpaceEnter()
    {
        ModelPickerDialog picker(m_fixture.catalog(), 8);
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        auto* search = picker.findChild<QLineEdit*>();
        QVERIFY(search);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("haiku "));
        QCOMPARE(search->text(), QStringLiteral("haiku "));
        QCOMPARE(picker.proxy()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Down);
        QTRY_VERIFY(picker.view()->hasFocus());
        QCOMPARE(picker.view()->currentIndex().data().toString(), QStringLiteral("sandbox/claude-haiku-4-5"));
        QTest::keyClick(picker.view(), Qt::Key_Space);
        QCOMPARE(picker.chosenModels(), QStringList { QStringLiteral("sandbox/claude-haiku-4-5") });
        QTest::keyClick(picker.view(), Qt::Key_Space);
        QVERIFY(picker.chosenModels().isEmpty());
        QTest::keyClick(picker.view(), Qt::Key_Space);
        QTest::keyClick(picker.view(), Qt::Key_Return);
        QTRY_COMPARE(picker.result(), int(QDialog::Accepted));
        QCOMPARE(picker.chosenModels(), QStringList { QStringLiteral("sandbox/claude-haiku-4-5") });
    }

    void modelPicker_neverOffersMoreThanTheFreeColumns()
    {
        ModelPickerDialog picker(m_fixture.catalog(), 1);
        picker.setChosen(QStringLiteral("sandbox/gpt-5"), true);
        picker.setChosen(QStringLiteral("sandbox/gpt-4.1"), true);
        QCOMPARE(picker.chosenModels(), QStringList { QStringLiteral("sandbox/gpt-5") });
    }

    void export_writesTheComparison()
    {
        openWindow(ThreeModels);
        typeAndSend(QStringLiteral("Hi"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QTemporaryDir dir;
        FileDialogs::setNextSaveFileName(dir.filePath(QStringLiteral("run.html")));
        QVERIFY(workbench()->exportAction()->isEnabled());
        workbench()->exportAction()->trigger();
        QFile file(dir.filePath(QStringLiteral("run.html")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains("sandbox/claude-haiku-4-5"));
        QCOMPARE(html.count("<section"), 3);
    }

    void diff_marksDifferentWords()
    {
        DiffDialog dialog({ QStringLiteral("a"), QStringLiteral("b") },
                          { QStringLiteral("the sky is blue"), QStringLiteral("the sky is grey") }, 0, 1);
        const QString html = dialog.diffHtml();
        QVERIFY(html.contains(QStringLiteral("line-through")));
        QVERIFY(html.contains(QStringLiteral("grey")));
    }

    // Issue 22 item 13: code compared in "Compare Two Answers" keeps its line breaks and indentation.
    void diff_keepsCodeIndentation()
    {
        const QString left
            = QStringLiteral("Here:\ndef total(items):\n    s = 0\n    for i in items:\n        s += i\n");
        const QString right
            = QStringLiteral("Here:\ndef total(items):\n    s = 1\n    for i in items:\n        s += i\n");
        DiffDialog dialog({ QStringLiteral("a"), QStringLiteral("b") }, { left, right }, 0, 1);
        auto* view = dialog.findChild<QTextBrowser*>();
        QVERIFY(view);
        const QString shown = view->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("\n    for i in items:\n        s += i")), qPrintable(shown));
        QVERIFY2(shown.startsWith(QStringLiteral("Here:\ndef total(items):\n    s = ")), qPrintable(shown));
    }

    void modelPicker_offersRouteIt_onlyWithARouter()
    {
        ModelPickerDialog withoutRouter(m_fixture.catalog(), 8);
        withoutRouter.setFilterText(QStringLiteral("route"));
        QCOMPARE(withoutRouter.proxy()->rowCount(), 0);

        ModelPickerDialog picker(m_fixture.catalog(), 8, true);
        QCOMPARE(picker.proxy()->rowCount(), 6); // "Route it", then the five providers
        picker.setChosen(QStringLiteral("sandbox/gpt-5"), true);
        picker.setChosen(ModelPickerDialog::routeItId(), true);
        const QList<ColumnSpec> columns = picker.chosenColumns();
        QCOMPARE(columns.size(), 2);
        QCOMPARE(columns[0].modelId, QStringLiteral("sandbox/gpt-5"));
        QVERIFY(!columns[0].routed);
        QVERIFY(columns[1].routed);
    }

    void routeItColumn_rememberedAcrossRestarts_andFailsClearlyWithoutARouter()
    {
        openWindow({ QStringLiteral("sandbox/gpt-4.1-mini") });
        workbench()->addColumn(ColumnSpec::routeIt());
        m_window.reset();

        openWindow({});
        QCOMPARE(workbench()->comparison()->specs(),
                 (QList<ColumnSpec> { { QStringLiteral("sandbox/gpt-4.1-mini") }, ColumnSpec::routeIt() }));
        ColumnView* routed = workbench()->columnViews()[1];
        QCOMPARE(routed->run()->title(), QStringLiteral("Route it"));
        typeAndSend(QStringLiteral("Hi"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QCOMPARE(workbench()->comparison()->column(0)->state(), ColumnState::Done);
        QCOMPARE(routed->run()->state(), ColumnState::Failed);
        QVERIFY(routed->run()->error().message.contains(QStringLiteral("Routing is not available")));
    }

    void columnSettings_switchBetweenRouteItAndAModel()
    {
        ColumnSpec routed = ColumnSpec::routeIt();
        routed.temperature = 0.2;
        ColumnSettingsDialog dialog(m_fixture.catalog(), routed);
        QCOMPARE(dialog.spec(), routed);
        auto* model = dialog.findChild<QComboBox*>();
        model->setCurrentIndex(model->findData(QStringLiteral("sandbox/gpt-5")));
        const ColumnSpec picked = dialog.spec();
        QVERIFY(!picked.routed);
        QCOMPARE(picked.modelId, QStringLiteral("sandbox/gpt-5"));
        QCOMPARE(picked.temperature, std::optional<double>(0.2));
    }

    void continue_sendsThePriorTurns_othersFollowAsChosen_data()
    {
        QTest::addColumn<bool>("othersFollow");
        QTest::newRow("other columns follow") << true;
        QTest::newRow("other columns stay") << false;
    }

    void continue_sendsThePriorTurns_othersFollowAsChosen()
    {
        QFETCH(bool, othersFollow);
        openWindow({ QStringLiteral("sandbox/gpt-4.1-mini"), QStringLiteral("sandbox/claude-haiku-4-5") });
        typeAndSend(QStringLiteral("Name a prime number."));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        const QString firstAnswer = workbench()->comparison()->column(0)->text();
        const QString otherAnswer = workbench()->comparison()->column(1)->text();
        QVERIFY(!firstAnswer.isEmpty() && !otherAnswer.isEmpty());
        const QString firstGroup = workbench()->comparison()->compareGroup();

        ColumnView* lead = workbench()->columnViews()[0];
        auto* continueButton = lead->findChild<QToolButton*>(QStringLiteral("continueButton"));
        QVERIFY(continueButton->isEnabled());
        QTest::mouseClick(continueButton, Qt::LeftButton);
        QCOMPARE(workbench()->continuingColumn(), lead->run());
        QVERIFY(workbench()->continueBar()->isVisible());
        QVERIFY(workbench()->continueBar()->text().contains(QStringLiteral("sandbox/gpt-4.1-mini")));
        workbench()->continueBar()->followBox()->setChecked(othersFollow);

        m_fixture.sandbox->resetCounts();
        typeAndSend(QStringLiteral("And the next one?"));
        QTRY_VERIFY_WITH_TIMEOUT(!workbench()->comparison()->isRunning(), 20000);
        QVERIFY(workbench()->comparison()->compareGroup() != firstGroup);

        const QStringList expected { QStringLiteral("user: Name a prime number."),
                                     QStringLiteral("assistant: ") + firstAnswer,
                                     QStringLiteral("user: And the next one?") };
        QCOMPARE(messagesOf(m_fixture.sandbox->lastRequestBody(QStringLiteral("gpt-4.1-mini"))), expected);
        QCOMPARE(lead->run()->state(), ColumnState::Done);
        lead->flush();
        const QString shown = lead->answerView()->toPlainText();
        QVERIFY2(shown.startsWith(QStringLiteral("Earlier in this conversation")), qPrintable(shown.left(200)));
        QVERIFY(shown.contains(QStringLiteral("Name a prime number.")));

        ColumnRun* other = workbench()->comparison()->column(1);
        if (othersFollow) {
            QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("claude-haiku-4-5")), 1);
            const QStringList followed { QStringLiteral("user: Name a prime number."),
                                         QStringLiteral("assistant: ") + otherAnswer,
                                         QStringLiteral("user: And the next one?") };
            QCOMPARE(messagesOf(m_fixture.sandbox->lastRequestBody(QStringLiteral("claude-haiku-4-5"))), followed);
            QCOMPARE(other->conversation().size(), 1); // one turn: the question and its answer
        } else {
            QCOMPARE(m_fixture.sandbox->requestCount(QStringLiteral("claude-haiku-4-5")), 0);
            QCOMPARE(other->text(), otherAnswer);
            QVERIFY(other->conversation().isEmpty());
            // Its answer is from the earlier turn: it does not compete, so this turn has no rival to beat.
            QVERIFY(workbench()->columnViews()[1]->best().isEmpty());
            QVERIFY(lead->best().isEmpty());
        }

        // Ending the conversation makes the next send a fresh comparison without earlier turns.
        QTest::mouseClick(workbench()->continueBar()->endButton(), Qt::LeftButton);
        QVERIFY(!workbench()->continueBar()->isVisible());
        QVERIFY(!continueButton->isChecked());
        typeAndSend(QStringLiteral("Fresh question"));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 20000);
        QCOMPARE(messagesOf(m_fixture.sandbox->lastRequestBody(QStringLiteral("gpt-4.1-mini"))),
                 QStringList { QStringLiteral("user: Fresh question") });
    }

    void syncScrolling_movesTheOtherAnswers()
    {
        openWindow(ThreeModels.mid(0, 2));
        workbench()->syncScrollAction()->setChecked(true);
        m_window->resize(1000, 600);
        const auto views = workbench()->columnViews();
        QString longText;
        for (int i = 0; i < 400; ++i) {
            longText += QStringLiteral("line %1\n").arg(i);
        }
        for (auto* view : views) {
            view->run()->restore(ColumnState::Done, longText, {}, {});
        }
        QTRY_VERIFY(views[0]->answerScrollBar()->maximum() > 0);
        views[0]->answerScrollBar()->setValue(views[0]->answerScrollBar()->maximum() / 2);
        QVERIFY(qAbs(views[1]->answerScrollBar()->value() - views[1]->answerScrollBar()->maximum() / 2) <= 2);
    }
};

QTEST_MAIN(tst_WorkbenchView)
#include "tst_WorkbenchView.moc"
