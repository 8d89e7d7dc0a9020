#include "../ui/ClippedText.h"
#include "core/config/ConfigStore.h"
#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationStore.h"
#include "core/routing/Router.h"
#include "ui/routing/EvaluationAdvicePanel.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/settings/Appearance.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

// "Cheapest model that passes" applied from the routing editor, on a real Engine (temporary home,
// sandbox models, default policy) and an evaluation kept in its real ledger: the tier's two first
// models both pass every prompt and the fallback costs a tenth, so the tab suggests the fallback,
// "Make ... the primary" moves it to the top as one undoable edit, undo puts the chain back, and
// Save writes what is shown.
class tst_EvaluationAdvice : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<RoutingEditor> m_editor;
    QString m_tier;
    QStringList m_chain;
    qint64 m_evaluation = 0;

    static QStringList chainOf(const RoutingPolicy& policy, const QString& tier)
    {
        QStringList models;
        if (const RoutingTier* routingTier = policy.tier(tier)) {
            for (const ChainStep& step : routingTier->chain) {
                models << step.primaryModelId();
            }
        }
        return models;
    }

    // 12 prompts; the primary and the first fallback answer all right, the second fallback only
    // half: it is significantly below. The first fallback costs a tenth of the primary.
    void keepEvaluation()
    {
        EvaluationStore store(m_engine->ledgerPath());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        EvaluationInfo info;
        info.createdAt = QDateTime::currentDateTimeUtc();
        info.name = QStringLiteral("support-questions.jsonl");
        QList<PromptItem> items;
        for (int i = 1; i <= 12; ++i) {
            items.append(
                { QStringLiteral("q%1").arg(i), QStringLiteral("Question %1?").arg(i), QStringLiteral("yes"), {}, i });
        }
        info.prompts = PromptSet::of(items);
        info.models = m_chain.mid(0, 3);
        info.status = EvaluationStatus::Complete;
        const auto id = store.create(info, &error);
        QVERIFY2(id, qPrintable(error));
        m_evaluation = *id;
        for (int p = 0; p < items.size(); ++p) {
            for (int m = 0; m < 3; ++m) {
                EvaluationCell cell;
                cell.promptIndex = p;
                cell.promptId = items.at(p).id;
                cell.model = m_chain.at(m);
                cell.state = CellState::Done;
                cell.grade = m < 2 || p % 2 == 0 ? Grade::pass() : Grade::fail(QStringLiteral("no"));
                cell.costUsd = m == 0 ? 0.01 : m == 1 ? 0.001 : 0.0001;
                cell.latencyMs = 300;
                QVERIFY2(store.saveCell(m_evaluation, cell, &error), qPrintable(error));
            }
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_evaluationadvice"));
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        m_engine = std::make_unique<Engine>();
        Engine::Options options;
        options.homeDir = m_home->path();
        options.sandbox = true;
        QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
        QVERIFY(m_engine->ledger());
        const RoutingPolicy policy = m_engine->router()->policy();
        m_tier.clear();
        for (const RoutingTier& tier : policy.tiers) {
            const QStringList models = chainOf(policy, tier.name);
            if (models.size() >= 3 && QSet<QString>(models.cbegin(), models.cend()).size() == models.size()) {
                m_tier = tier.name;
                m_chain = models;
                break;
            }
        }
        QVERIFY2(!m_tier.isEmpty(), "no tier of the default policy has three models");
        keepEvaluation();
        m_editor = std::make_unique<RoutingEditor>(*m_engine);
        m_editor->resize(1400, 900);
    }

    void cleanup()
    {
        m_editor.reset();
        m_engine.reset();
        m_home.reset();
    }

    void suggestion_appliedAsOneUndoableEdit()
    {
        EvaluationAdvicePanel* panel = m_editor->evaluationPanel();
        panel->showEvaluation(m_evaluation);
        panel->showTier(m_tier);
        QCOMPARE(panel->advice().tier, m_tier);
        QCOMPARE(panel->advice().suggestion.model, m_chain.at(1));
        QCOMPARE(panel->advice().primary, m_chain.at(0));
        QCOMPARE(panel->table()->rowCount(), 3);
        QCOMPARE(panel->table()->item(2, 1)->text(), QStringLiteral("6 of 12"));
        QVERIFY2(panel->summaryText().contains(
                     QStringLiteral("Suggested primary: %1 (now %2).").arg(m_chain.at(1), m_chain.at(0))),
                 qPrintable(panel->summaryText()));
        QCOMPARE(panel->applyButton()->text(), QStringLiteral("Make %1 the primary of %2").arg(m_chain.at(1), m_tier));

        QUndoStack* undo = m_editor->document()->undoStack();
        const int before = undo->count();
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        // The tab's page sits in the tab widget's stack.
        auto* tabs = qobject_cast<QTabWidget*>(panel->parentWidget()->parentWidget());
        QVERIFY(tabs);
        tabs->setCurrentWidget(panel);
        QVERIFY(panel->applyButton()->isVisible());
        QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
        QStringList applied = m_chain;
        applied.move(1, 0);
        QCOMPARE(chainOf(m_editor->document()->policy(), m_tier), applied);
        QCOMPARE(undo->count(), before + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Make %1 the primary of %2").arg(m_chain.at(1), m_tier));
        // Now the primary: nothing left to apply.
        QVERIFY(!panel->applyButton()->isVisible());
        QVERIFY2(panel->summaryText().endsWith(QStringLiteral("%1 is the primary already.").arg(m_chain.at(1))),
                 qPrintable(panel->summaryText()));

        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        undo->undo();
        QCOMPARE(chainOf(m_editor->document()->policy(), m_tier), m_chain);
        QVERIFY(panel->applyButton()->isVisible());
        QTest::qWait(50); // let the layout settle before grabbing
        QVERIFY(
            m_editor->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-evaluation-advice.png")));
        const QStringList clipped = ClippedText::find(panel);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));

        undo->redo();
        QVERIFY(m_editor->save().isEmpty());
        const ConfigLoadResult saved = ConfigStore(m_home->path()).load();
        QCOMPARE(chainOf(saved.config.policy, m_tier), applied);
    }

    void noEvaluation_saysHowToRunOne()
    {
        QTemporaryDir home;
        Engine engine;
        Engine::Options options;
        options.homeDir = home.path();
        options.sandbox = true;
        QVERIFY(engine.open(options));
        RoutingEditor editor(engine);
        QVERIFY2(editor.evaluationPanel()->summaryText().contains(QStringLiteral("switchyard eval run")),
                 qPrintable(editor.evaluationPanel()->summaryText()));
        QVERIFY(!editor.evaluationPanel()->applyButton()->isVisibleTo(&editor));
    }
};

QTEST_MAIN(tst_EvaluationAdvice)
#include "tst_EvaluationAdvice.moc"
