#include "core/common/Money.h"
#include "core/config/ConfigStore.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/CostCalculator.h"
#include "core/routing/PolicyEdits.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"
#include "ui/routing/ChainModel.h"
#include "ui/routing/EstimatePanel.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/RuleDelegate.h"
#include "ui/routing/RulesModel.h"
#include "ui/routing/SimulatePanel.h"
#include "ui/routing/TierBoard.h"
#include "ui/routing/TierColumn.h"
#include "ui/routing/TryPromptPanel.h"
#include "ui/settings/Appearance.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

// The routing editor on a real Engine: a temporary home with the sandbox's models and the default
// policy. Edits go through the same models and views a user drives.
class tst_RoutingEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<RoutingEditor> m_editor;

    TierColumn* column(const QString& tier) const { return m_editor->tierBoard()->column(tier); }

    QStringList chain(const RoutingPolicy& policy, const QString& tier) const
    {
        QStringList models;
        if (const RoutingTier* routingTier = policy.tier(tier)) {
            for (const auto& step : routingTier->chain) {
                models.append(step.primaryModelId());
            }
        }
        return models;
    }

    QStringList editedChain(const QString& tier) const { return chain(m_editor->document()->policy(), tier); }

    RoutingPolicy savedPolicy() const
    {
        const ConfigLoadResult loaded = ConfigStore(m_home->path()).load();
        return loaded.config.policy;
    }

    // Drags row `row` of `from` onto `to` at `toRow`, the way QAbstractItemView does it.
    void dragCard(const QString& from, int row, const QString& to, int toRow)
    {
        ChainModel* source = column(from)->chainModel();
        std::unique_ptr<QMimeData> mime(source->mimeData({ source->index(row) }));
        QVERIFY(mime);
        QVERIFY(column(to)->chainModel()->canDropMimeData(mime.get(), Qt::MoveAction, toRow, 0, {}));
        column(to)->chainModel()->dropMimeData(mime.get(), Qt::MoveAction, toRow, 0, {});
    }

    int ruleRow(const QString& name) const
    {
        const auto& rules = m_editor->document()->policy().rules;
        for (qsizetype i = 0; i < rules.size(); ++i) {
            if (rules.at(i).name == name) {
                return int(i);
            }
        }
        return -1;
    }

    // A cell of the rules table as it is shown.
    QString ruleCell(int row, RulesModel::Column column) const
    {
        return m_editor->rulesView()->model()->index(row, column).data().toString();
    }

    QStringList ruleNamesShown() const
    {
        QStringList names;
        for (int row = 0; row < m_editor->rulesView()->model()->rowCount(); ++row) {
            names.append(ruleCell(row, RulesModel::NameColumn));
        }
        return names;
    }

    void clickAddRule()
    {
        for (QPushButton* button : m_editor->findChildren<QPushButton*>()) {
            if (button->text() == QLatin1String("&Add rule")) {
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        }
        QFAIL("no Add rule button");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_routingeditor"));
        QVERIFY(Appearance::installLanguage(QStringLiteral("en"))); // "20,050 routed requests"
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandbox = true;
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        m_editor = std::make_unique<RoutingEditor>(*m_engine);
        m_editor->resize(1400, 900);
        QVERIFY(m_editor->tierBoard()->columns().size() >= 4);
        QVERIFY(!m_editor->isModified());
    }

    void cleanup()
    {
        m_editor.reset();
        m_engine.reset();
        m_home.reset();
    }

    void models_passTheModelTester()
    {
        QAbstractItemModelTester chainTester(column(QStringLiteral("budget"))->chainModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester rulesTester(m_editor->rulesModel(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        dragCard(QStringLiteral("budget"), 0, QStringLiteral("premium"), 0);
        m_editor->rulesModel()->addRule(0);
    }

    void dragCardToAnotherTier_savedPolicyChanges()
    {
        const QString moved = editedChain(QStringLiteral("budget")).first();
        const QStringList premiumBefore = editedChain(QStringLiteral("premium"));
        dragCard(QStringLiteral("budget"), 0, QStringLiteral("premium"), 0);
        QVERIFY(!editedChain(QStringLiteral("budget")).contains(moved));
        QCOMPARE(editedChain(QStringLiteral("premium")), QStringList { moved } + premiumBefore);
        QVERIFY(m_editor->isModified());

        const QList<ConfigProblem> problems = m_editor->save();
        QVERIFY2(!ConfigProblems::hasErrors(problems), qPrintable(problems.value(0).toString()));
        QCOMPARE(chain(savedPolicy(), QStringLiteral("premium")), QStringList { moved } + premiumBefore);
        QVERIFY(!chain(savedPolicy(), QStringLiteral("budget")).contains(moved));
        QCOMPARE(m_engine->router()->policy(), m_editor->document()->policy());
        QVERIFY(!m_editor->isModified());
    }

    void dragCardWithinChain_reorders()
    {
        const QStringList before = editedChain(QStringLiteral("coding"));
        QVERIFY(before.size() >= 2);
        dragCard(QStringLiteral("coding"), 0, QStringLiteral("coding"), int(before.size()));
        QCOMPARE(editedChain(QStringLiteral("coding")), before.mid(1) + before.mid(0, 1));
        QVERIFY(!ConfigProblems::hasErrors(m_editor->save()));
        QCOMPARE(chain(savedPolicy(), QStringLiteral("coding")), before.mid(1) + before.mid(0, 1));
    }

    void keyboard_ctrlDownReordersAndDeleteRemoves()
    {
        const QStringList before = editedChain(QStringLiteral("standard"));
        QVERIFY(before.size() >= 2);
        m_editor->show();
        QListView* view = column(QStringLiteral("standard"))->chainView();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(editedChain(QStringLiteral("standard")).mid(0, 2), (QStringList { before.at(1), before.at(0) }));
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(editedChain(QStringLiteral("standard")), before.mid(0, 1) + before.mid(2));
    }

    void keyboard_enterInModelListAddsToTheLastFocusedTier()
    {
        QListView* chainView = column(QStringLiteral("premium"))->chainView();
        QFocusEvent focusIn(QEvent::FocusIn);
        QCoreApplication::sendEvent(chainView, &focusIn);
        QCOMPARE(m_editor->tierBoard()->currentTier(), QStringLiteral("premium"));
        QListView* models = m_editor->modelListView();
        const QModelIndex first = models->model()->index(0, 0);
        models->setCurrentIndex(first);
        const QStringList before = editedChain(QStringLiteral("premium"));
        emit models->activated(first);
        QCOMPARE(editedChain(QStringLiteral("premium")), before + QStringList { first.data().toString() });
    }

    void dropModelFromList_addsStep()
    {
        auto mime = std::make_unique<QMimeData>();
        const QString model = m_engine->models().first().id;
        mime->setData(QString::fromLatin1(ChainModel::kModelMime), model.toUtf8());
        const QStringList before = editedChain(QStringLiteral("budget"));
        column(QStringLiteral("budget"))->chainModel()->dropMimeData(mime.get(), Qt::CopyAction, -1, 0, {});
        QCOMPARE(editedChain(QStringLiteral("budget")), before + QStringList { model });
    }

    void undo_restoresAndRedoReapplies()
    {
        const RoutingPolicy original = m_editor->document()->policy();
        dragCard(QStringLiteral("budget"), 0, QStringLiteral("premium"), 0);
        m_editor->rulesModel()->removeRule(0);
        const RoutingPolicy edited = m_editor->document()->policy();
        QUndoStack* undo = m_editor->document()->undoStack();
        QCOMPARE(undo->count(), 2);
        undo->undo();
        undo->undo();
        QCOMPARE(m_editor->document()->policy(), original);
        QCOMPARE(column(QStringLiteral("budget"))->chainModel()->rowCount(),
                 int(original.tier(QStringLiteral("budget"))->chain.size()));
        QVERIFY(!m_editor->isModified());
        undo->redo();
        undo->redo();
        QCOMPARE(m_editor->document()->policy(), edited);
    }

    // Issue 22 item 13: the toolbar does not move as edits pile up (fixed "Undo"/"Redo" labels, the
    // step in the tooltip), and Ctrl+Y redoes as Ctrl+Shift+Z does.
    void undoRedoButtons_keepTheirPlace_andCtrlYRedoes()
    {
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        auto* undoAction = m_editor->findChild<QAction*>(QStringLiteral("undoAction"));
        auto* redoAction = m_editor->findChild<QAction*>(QStringLiteral("redoAction"));
        QVERIFY(undoAction && redoAction);
        QToolButton* redoButton = nullptr;
        for (QToolButton* button : m_editor->findChildren<QToolButton*>()) {
            if (button->defaultAction() == redoAction) {
                redoButton = button;
            }
        }
        QVERIFY(redoButton);
        const QRect before = redoButton->geometry();
        const RoutingPolicy original = m_editor->document()->policy();
        dragCard(QStringLiteral("budget"), 0, QStringLiteral("premium"), 0);
        const RoutingPolicy edited = m_editor->document()->policy();
        QCOMPARE(undoAction->text(), QStringLiteral("Undo"));
        QVERIFY2(undoAction->toolTip().startsWith(QStringLiteral("Undo ")) && undoAction->toolTip().size() > 5,
                 qPrintable(undoAction->toolTip()));
        QCoreApplication::processEvents();
        QCOMPARE(redoButton->geometry(), before);

        undoAction->trigger();
        QCOMPARE(m_editor->document()->policy(), original);
        QVERIFY(redoAction->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
        m_editor->activateWindow();
        QTest::keyClick(m_editor.get(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(m_editor->document()->policy(), edited);
        QCOMPARE(redoAction->text(), QStringLiteral("Redo"));
    }

    void ruleEdit_changesExplanationOfTestPrompt()
    {
        TryPromptPanel* panel = m_editor->tryPanel();
        panel->promptEdit()->setPlainText(QStringLiteral("Please debug this function for me"));
        QCOMPARE(panel->explanation().tier, QStringLiteral("coding"));
        QVERIFY(panel->resultText().contains(QStringLiteral("coding")));

        const int row = ruleRow(QStringLiteral("Programming task"));
        QVERIFY(row >= 0);
        RulesModel* rules = m_editor->rulesModel();
        QVERIFY(rules->setData(rules->index(row, RulesModel::TierColumn), QStringLiteral("premium")));
        QCOMPARE(panel->explanation().tier, QStringLiteral("premium"));
        QCOMPARE(panel->explanation().rule.ruleName, QStringLiteral("Programming task"));

        QVERIFY(rules->setData(rules->index(row, RulesModel::PatternColumn), QStringLiteral("refactor")));
        QVERIFY(panel->explanation().rule.ruleName != QStringLiteral("Programming task"));
        m_editor->document()->undoStack()->undo();
        QCOMPARE(panel->explanation().rule.ruleName, QStringLiteral("Programming task"));
    }

    void unavailableStep_isMarkedAtOnce()
    {
        auto mime = std::make_unique<QMimeData>();
        mime->setData(QString::fromLatin1(ChainModel::kModelMime), QByteArray("nowhere/ghost-model"));
        ChainModel* model = column(QStringLiteral("budget"))->chainModel();
        model->dropMimeData(mime.get(), Qt::CopyAction, 0, 0, {});
        QCOMPARE(model->index(0).data().toString(), QStringLiteral("nowhere/ghost-model"));
        QCOMPARE(model->index(0).data(ChainModel::HealthRole).toString(), QStringLiteral("unknown model"));
        QCOMPARE(model->index(0).data(ChainModel::HealthLevelRole).toInt(), 2);
        QVERIFY(column(QStringLiteral("budget"))->worstCaseLabel()->text().contains(QStringLiteral("ghost-model")));
        const QList<ConfigProblem> problems = m_editor->save();
        QVERIFY(ConfigProblems::hasErrors(problems));
        QVERIFY(problems.first().path.startsWith(QStringLiteral("tiers[0].chain[0]")));
    }

    void worstCase_shownPerChain()
    {
        const int steps = column(QStringLiteral("premium"))->chainModel()->rowCount();
        const QString text = column(QStringLiteral("premium"))->worstCaseLabel()->text();
        // Every deployment once plus the one 429 retry; the default settings' total timeouts.
        QVERIFY2(text.contains(QStringLiteral("%1 calls").arg(steps + 1)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" min")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("$0.0")), qPrintable(text));
        const QString before = text;
        dragCard(QStringLiteral("premium"), 0, QStringLiteral("budget"), 0);
        QVERIFY(column(QStringLiteral("premium"))
                    ->worstCaseLabel()
                    ->text()
                    .contains(QStringLiteral("%1 calls").arg(steps)));
    }

    void badRegex_isMarkedAndSaveRefusesItWithItsPlace()
    {
        const QByteArray savedBefore = ConfigStore::routingJson(m_engine->config());
        QVERIFY(!ConfigProblems::hasErrors(m_editor->save()));
        QFile routing(ConfigStore(m_home->path()).routingPath());
        QVERIFY(routing.open(QIODevice::ReadOnly));
        const QByteArray good = routing.readAll();
        routing.close();

        RulesModel* rules = m_editor->rulesModel();
        rules->addRule(0);
        QVERIFY(rules->setData(rules->index(0, RulesModel::KindColumn), int(RuleKind::Regex)));

        // As typed in the pattern editor: marked with QRegularExpression's reason.
        RuleDelegate delegate(m_editor->document());
        QWidget parent;
        std::unique_ptr<QWidget> editor(
            delegate.createEditor(&parent, QStyleOptionViewItem(), rules->index(0, RulesModel::PatternColumn)));
        auto* line = qobject_cast<QLineEdit*>(editor.get());
        QVERIFY(line);
        line->setText(QStringLiteral("(fix|repair"));
        QVERIFY(line->property("problem").toString().contains(QStringLiteral("offset")));
        delegate.setModelData(line, rules, rules->index(0, RulesModel::PatternColumn));

        QVERIFY(rules->index(0, RulesModel::ProblemColumn).data().toString().contains(QStringLiteral("offset 11")));
        const QList<ConfigProblem> problems = m_editor->save();
        QVERIFY(ConfigProblems::hasErrors(problems));
        QCOMPARE(problems.first().path, QStringLiteral("rules[0].pattern"));
        QVERIFY(m_editor->problemsList()->isVisibleTo(m_editor.get()));
        QVERIFY(m_editor->problemsList()->item(1)->text().contains(QStringLiteral("rules[0].pattern")));
        m_editor->rulesView()->setCurrentIndex(rules->index(5, RulesModel::NameColumn));
        emit m_editor->problemsList()->itemActivated(m_editor->problemsList()->item(1));
        QCOMPARE(m_editor->rulesView()->currentIndex(), rules->index(0, RulesModel::PatternColumn));
        QVERIFY(routing.open(QIODevice::ReadOnly));
        QCOMPARE(routing.readAll(), good);
        QVERIFY(m_editor->isModified());

        m_editor->document()->undoStack()->undo(); // pattern
        m_editor->document()->undoStack()->undo(); // kind
        QVERIFY(rules->index(0, RulesModel::ProblemColumn).data().toString().isEmpty());
        m_editor->document()->undoStack()->redo();
        m_editor->document()->undoStack()->redo();
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        QTest::qWait(50);
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(m_editor->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-bad-regex.png")));
    }

    void tiers_addRenameDelete()
    {
        m_editor->addTier();
        QTRY_VERIFY(column(QStringLiteral("tier")));
        QLineEdit* name = column(QStringLiteral("tier"))->nameEdit();
        name->setText(QStringLiteral("fast"));
        emit name->editingFinished();
        QVERIFY(m_editor->document()->policy().tier(QStringLiteral("fast")));
        QTRY_VERIFY(column(QStringLiteral("fast")));

        // A renamed tier takes its rules along.
        TierColumn* coding = column(QStringLiteral("coding"));
        coding->nameEdit()->setText(QStringLiteral("code"));
        emit coding->nameEdit()->editingFinished();
        QCOMPARE(m_editor->document()->policy().rules.at(ruleRow(QStringLiteral("Programming task"))).tier,
                 QStringLiteral("code"));
        QTRY_VERIFY(column(QStringLiteral("code")));
        QVERIFY(!column(QStringLiteral("code"))->chainModel()->rowCount() == 0);

        m_editor->document()->apply(
            [&] {
                RoutingPolicy policy = m_editor->document()->policy();
                policy.tiers.removeLast();
                return policy;
            }(),
            QStringLiteral("delete"));
        QTRY_VERIFY(!column(QStringLiteral("fast")));
    }

    void revert_goesBackToSaved()
    {
        const RoutingPolicy saved = m_engine->router()->policy();
        dragCard(QStringLiteral("budget"), 0, QStringLiteral("premium"), 0);
        m_editor->revert();
        QCOMPARE(m_editor->document()->policy(), saved);
        QVERIFY(!m_editor->isModified());
        m_editor->document()->undoStack()->undo(); // revert itself can be undone
        QVERIFY(m_editor->isModified());
    }

    void simulatedOutage_failsOverInVisibleSteps()
    {
        const QStringList budget = editedChain(QStringLiteral("budget"));
        QVERIFY(budget.size() >= 2);
        m_editor->tryPanel()->promptEdit()->setPlainText(
            QStringLiteral("Classify this review as positive or negative"));
        QCOMPARE(m_editor->tryPanel()->explanation().tier, QStringLiteral("budget"));

        SimulatePanel* simulate = m_editor->simulatePanel();
        const int target = simulate->targetCombo()->findText(budget.first());
        QVERIFY(target >= 0);
        simulate->targetCombo()->setCurrentIndex(target);
        simulate->faultCombo()->setCurrentIndex(0); // server error
        simulate->switchDown();
        QSignalSpy done(simulate, &SimulatePanel::runFinished);
        simulate->send();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QCOMPARE(done.first().first().toBool(), true);
        const QString steps = simulate->steps().join(QLatin1Char('\n'));
        QVERIFY2(steps.contains(QStringLiteral("trying %1").arg(budget.first())), qPrintable(steps));
        QVERIFY2(steps.contains(QStringLiteral("failing over to %1").arg(budget.at(1))), qPrintable(steps));
        QVERIFY2(steps.contains(QStringLiteral("answered by %1").arg(budget.at(1))), qPrintable(steps));
        QVERIFY(simulate->steps().first().startsWith(QStringLiteral("+0.")));

        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_editor->findChild<QTabWidget*>()->setCurrentWidget(simulate);
        QTest::qWait(50);
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-outage.png");
        QVERIFY(m_editor->grab().save(path));
        simulate->clearFaults();
    }

    void estimate_repricesHistoryOnTheEditedPolicy()
    {
        ChatRequest request;
        request.messages.append({ QStringLiteral("user"), QStringLiteral("Classify this review: great phone") });
        request.maxTokens = 32;
        RoutedCall* call = m_engine->router()->route(request);
        QSignalSpy recorded(m_engine.get(), &Engine::requestRecorded);
        m_engine->track(call, request, RequestSource::Route);
        QSignalSpy finished(call, &RoutedCall::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(recorded.size() >= 1, 10000);
        QVERIFY(m_engine->ledger());
        QSignalSpy flushed(m_engine->ledger(), &Ledger::flushed);
        m_engine->ledger()->flush();
        QTRY_VERIFY_WITH_TIMEOUT(flushed.size() >= 1, 10000);
        call->deleteLater();

        EstimatePanel* estimate = m_editor->estimatePanel();
        estimate->estimate();
        QCOMPARE(estimate->result().requests, 1);
        QVERIFY(estimate->result().spent > 0);
        const double before = estimate->result().wouldCost;
        QVERIFY(before > 0);

        // Every tier starts with the dearest model: the same history costs more.
        RoutingPolicy dearer = m_editor->document()->policy();
        for (const auto& tier : m_editor->document()->policy().tiers) {
            dearer = PolicyEdits::insertModel(dearer, tier.name, 0, QStringLiteral("sandbox/gpt-5"));
        }
        m_editor->document()->apply(dearer, QStringLiteral("dearer"));
        estimate->estimate();
        QVERIFY2(estimate->result().wouldCost > before,
                 qPrintable(QStringLiteral("%1 vs %2").arg(estimate->result().wouldCost).arg(before)));
    }

    // Issue 22 item 3: "What it would cost" reads every routed request of the period, not the
    // newest 20,000: 20,050 routed requests in the last 30 days, besides 40 older ones and 30
    // workbench comparisons, which do not count.
    void estimate_readsEveryRequestOfThePeriod()
    {
        QVERIFY(m_engine->ledger());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const ModelConfig* cheap = m_engine->model(QStringLiteral("sandbox/gpt-4.1-mini"));
        QVERIFY(cheap);
        QSignalSpy recorded(m_engine->ledger(), &Ledger::recorded);
        const int routed = 20050;
        double spent = 0;
        auto row = [&](int i, const QDateTime& at, RequestSource source) {
            RequestRecord r;
            r.id = QStringLiteral("est-%1").arg(i);
            r.startedAt = at;
            r.source = source;
            r.prompt = i % 2 ? QStringLiteral("Classify this review: great phone") : QStringLiteral("Say hi");
            r.tier = QStringLiteral("budget");
            r.finalModel = cheap->id;
            r.finalProvider = cheap->providerId;
            r.usage.promptTokens = 100;
            r.usage.completionTokens = 20;
            r.costUsd = CostCalculator::cost(cheap->price, r.usage);
            r.priceVersion = 1;
            return r;
        };
        int written = 0;
        for (int i = 0; i < routed; ++i) {
            RequestRecord r = row(i, now.addSecs(-60 - i * 60), RequestSource::Route); // the last 14 days
            spent += *r.costUsd;
            m_engine->ledger()->record(r);
            ++written;
        }
        for (int i = 0; i < 40; ++i) {
            m_engine->ledger()->record(row(routed + i, now.addDays(-31 - i), RequestSource::Route));
            ++written;
        }
        for (int i = 0; i < 30; ++i) {
            m_engine->ledger()->record(row(routed + 40 + i, now.addSecs(-30 - i), RequestSource::Workbench));
            ++written;
        }
        m_engine->ledger()->flush();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qint64 total = 0;
                for (const QList<QVariant>& args : recorded) {
                    total += args.at(0).toInt();
                }
                return total == written;
            }(),
            120000);

        EstimatePanel* estimate = m_editor->estimatePanel();
        QCOMPARE(estimate->daysSpin()->value(), 30);
        estimate->estimate();
        QCOMPARE(estimate->result().requests, routed);
        QVERIFY2(qAbs(estimate->result().spent - spent) < 1e-9,
                 qPrintable(QStringLiteral("%1 vs %2").arg(estimate->result().spent).arg(spent)));
        const QString shown = estimate->findChild<QLabel*>(QStringLiteral("estimateText"))->text();
        QVERIFY2(shown.startsWith(QStringLiteral("20,050 routed requests: spent %1;").arg(Money::format(spent))),
                 qPrintable(shown));
    }

    void exportThenImportLiteLlm_keepsTiersAndReportsWhatLiteLlmCannotSay()
    {
        QVERIFY(!ConfigProblems::hasErrors(m_editor->save()));
        const QString path = m_home->filePath(QStringLiteral("config.yaml"));
        QVERIFY(m_editor->exportLiteLlm(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY2(yaml.contains("model_list"), yaml.constData());
        QVERIFY(m_editor->problemsList()->count() > 1); // notes: tiers and rules have no LiteLLM form

        const RoutingPolicy before = m_editor->document()->policy();
        QVERIFY(m_editor->importLiteLlm(path));
        QCOMPARE(m_editor->document()->policy().tiers, before.tiers);
        QCOMPARE(m_editor->document()->policy().rules, before.rules);
    }

    void addRule_goesBeforeTheCatchAll_data()
    {
        QTest::addColumn<QString>("selected"); // the rule selected when Add rule is clicked
        QTest::addColumn<QString>("after"); // the rule the new one follows
        QTest::newRow("nothing selected") << QString() << QStringLiteral("Deep thinking");
        QTest::newRow("the catch-all selected") << QStringLiteral("Everything else") << QStringLiteral("Deep thinking");
        QTest::newRow("a rule above it selected") << QStringLiteral("Code block") << QStringLiteral("Code block");
    }
    void addRule_goesBeforeTheCatchAll()
    {
        QFETCH(QString, selected);
        QFETCH(QString, after);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        QTableView* view = m_editor->rulesView();
        view->setCurrentIndex(selected.isEmpty() ? QModelIndex()
                                                 : view->model()->index(ruleRow(selected), RulesModel::NameColumn));
        const QStringList before = ruleNamesShown();
        QCOMPARE(before.last(), QStringLiteral("Everything else"));

        clickAddRule();
        const QStringList names = ruleNamesShown();
        QCOMPARE(names.size(), before.size() + 1);
        const int added = int(names.indexOf(QStringLiteral("new rule")));
        QCOMPARE(names.value(added - 1), after);
        QCOMPARE(names.last(), QStringLiteral("Everything else"));
        QCOMPARE(view->currentIndex().row(), added);
        for (int row = 0; row < names.size(); ++row) {
            QVERIFY2(!ruleCell(row, RulesModel::ProblemColumn).startsWith(QStringLiteral("Never fires")),
                     qPrintable(names.at(row)));
        }
    }

    void ruleThatCanNeverFire_isMarkedInTheTable()
    {
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        clickAddRule();
        QTableView* view = m_editor->rulesView();
        int row = ruleRow(QStringLiteral("new rule"));
        // The same keyword as "Programming task" above it: that rule always takes these prompts.
        QVERIFY(view->model()->setData(view->model()->index(row, RulesModel::PatternColumn), QStringLiteral("debug")));
        const int programming = ruleRow(QStringLiteral("Programming task")) + 1;
        QCOMPARE(ruleCell(row, RulesModel::ProblemColumn),
                 QStringLiteral("Never fires: rule %1 \"Programming task\" above it matches the same prompts")
                     .arg(programming));
        QCOMPARE(view->model()->index(row, RulesModel::NameColumn).data(Qt::ToolTipRole).toString(),
                 ruleCell(row, RulesModel::ProblemColumn));

        // Below the catch-all (Ctrl+Down, as a user moves it there), nothing reaches it.
        QVERIFY(view->model()->setData(view->model()->index(row, RulesModel::PatternColumn), QStringLiteral("sql")));
        QVERIFY(ruleCell(row, RulesModel::ProblemColumn).isEmpty());
        view->setCurrentIndex(view->model()->index(row, RulesModel::NameColumn));
        QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier);
        row = ruleRow(QStringLiteral("new rule"));
        QCOMPARE(row, view->model()->rowCount() - 1);
        QCOMPARE(ruleCell(row, RulesModel::ProblemColumn),
                 QStringLiteral("Never fires: rule %1 \"Everything else\" above it matches every prompt").arg(row));
        QVERIFY(ruleCell(row - 1, RulesModel::ProblemColumn).isEmpty());

        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-rule-never-fires.png");
        QVERIFY(m_editor->grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }

    // Issue 22 item 14: a routing.json saved while the app ran in English, opened in German: the
    // built-in rules read in German (the file keeps what was saved), and every condition and tier
    // is shown whole ("Schlüsselwörter" was cut to "Schlüsselw…").
    void german_savedEnglishRuleNamesReadInGerman_wordsShownWhole()
    {
        QVERIFY(m_editor->save().isEmpty());
        QFile saved(m_home->filePath(QStringLiteral("routing.json")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("\"Everything else\""));
        m_editor.reset();
        m_engine.reset();

        QVERIFY(Appearance::installLanguage(QStringLiteral("de")));
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandbox = true;
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        m_editor = std::make_unique<RoutingEditor>(*m_engine);
        m_editor->resize(1180, 760); // the page of a 1280x820 window
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        QCOMPARE(m_editor->document()->policy().rules.constLast().name, QStringLiteral("Everything else"));
        const QStringList names = ruleNamesShown();
        for (const QString& german : { QStringLiteral("Alles andere"), QStringLiteral("Programmieraufgabe"),
                                       QStringLiteral("Gr\u00fcndliches Nachdenken"), QStringLiteral("Codeblock") }) {
            QVERIFY2(names.contains(german), qPrintable(names.join(QStringLiteral(", "))));
        }
        QVERIFY(ruleCell(6, RulesModel::KindColumn) == QStringLiteral("Stichw\u00f6rter"));
        QTableView* view = m_editor->rulesView();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            for (RulesModel::Column column : { RulesModel::KindColumn, RulesModel::TierColumn }) {
                const QString text = ruleCell(row, column);
                const int needed = view->fontMetrics().horizontalAdvance(text) + 8;
                QVERIFY2(view->columnWidth(column) >= needed,
                         qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                        .arg(text)
                                        .arg(needed)
                                        .arg(view->columnWidth(column))));
            }
        }
        // The worst case under each tier in German digits ("12,1 min", not "12.1 min").
        int worstCases = 0;
        for (const QLabel* label : m_editor->findChildren<QLabel*>()) {
            if (label->text().contains(QStringLiteral("Schlimmstenfalls"))) {
                ++worstCases;
                QVERIFY2(label->text().contains(QRegularExpression(QStringLiteral("\\d,\\d (min|s)\\b"))),
                         qPrintable(label->text()));
            }
        }
        QVERIFY(worstCases >= 4);
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(
            m_editor->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-de-saved-english.png")));
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
    }

    void toolTabs_fitWithoutScrollArrows_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::newRow("english, the test window") << "en" << QSize(1400, 900);
        QTest::newRow("english, the page of a 1280x820 window") << "en" << QSize(1180, 760);
        QTest::newRow("german, the page of a 1280x820 window") << "de" << QSize(1180, 760);
    }

    // The five tools below the rules (try, outage, cost, learned, evaluation) each show their
    // whole label: no scroll arrows, nothing elided.
    void toolTabs_fitWithoutScrollArrows()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QVERIFY(Appearance::installLanguage(language));
        m_editor = std::make_unique<RoutingEditor>(*m_engine);
        m_editor->resize(size);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        auto* tabs = m_editor->findChild<QTabWidget*>(QStringLiteral("routingToolTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 5);
        const QTabBar* bar = tabs->tabBar();
        for (const QToolButton* arrow : bar->findChildren<QToolButton*>()) {
            QVERIFY2(!arrow->isVisible(), "the tab bar scrolls");
        }
        for (int i = 0; i < tabs->count(); ++i) {
            const QString text = tabs->tabText(i).remove(u'&');
            const QRect rect = bar->tabRect(i);
            QVERIFY2(rect.right() < bar->width() && rect.width() >= bar->fontMetrics().horizontalAdvance(text),
                     qPrintable(QStringLiteral("\"%1\" at %2-%3 of %4 px")
                                    .arg(text)
                                    .arg(rect.left())
                                    .arg(rect.right())
                                    .arg(bar->width())));
            QVERIFY(!tabs->tabToolTip(i).isEmpty());
        }
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        QVERIFY(tabs->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-tools-%1-%2.png")
                                      .arg(language)
                                      .arg(size.width())));
        m_editor.reset();
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
    }

    void screenshot_defaultSandboxPolicy()
    {
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_editor->tryPanel()->promptEdit()->setPlainText(
            QStringLiteral("Please debug this function: it returns None for empty lists."));
        QTest::qWait(50); // let the layout settle before grabbing
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-default.png");
        QVERIFY(m_editor->grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }
};

QTEST_MAIN(tst_RoutingEditor)
#include "tst_RoutingEditor.moc"
