#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/learning/LearnedRouter.h"
#include "core/learning/ThresholdTable.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/CostCalculator.h"
#include "core/routing/Router.h"
#include "ui/routing/LearnedRulePanel.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/RulesModel.h"
#include "ui/routing/RulesPane.h"
#include "ui/settings/Appearance.h"

#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

// The learned rule's threshold slider in the routing editor, on a real Engine: a trained router
// whose report holds held-out measurements, a learned rule in the policy, and 30 days of routed
// requests in the ledger. What the panel says is checked against the measurements and the prices.
class tst_LearnedRulePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void panel_readsTheMeasurementsAtTheRulesThreshold();
    void slider_isOneUndoableEditOfTheThreshold();
    void withoutATrainedRouter_saysHowToGetOne();
    void screenshot();

private:
    static constexpr auto kWeak = "sandbox/gpt-4.1-mini";
    static constexpr auto kStrong = "sandbox/gpt-5";
    void open(bool trained);
    QString label(const char* name) const
    {
        return m_editor->learnedPanel()->findChild<QLabel*>(QLatin1String(name))->text();
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<RoutingEditor> m_editor;
    ThresholdTable m_table;
    double m_weakCost = 0; // the seeded requests on each model
    double m_strongCost = 0;
};

void tst_LearnedRulePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_learnedrulepanel"));
    QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
}

void tst_LearnedRulePanel::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void tst_LearnedRulePanel::cleanup()
{
    m_editor.reset();
    m_engine.reset();
    m_home.reset();
}

void tst_LearnedRulePanel::open(bool trained)
{
    if (trained) {
        // A router file as `router train` writes it; its report's held-out thresholds are what
        // the panel reads (the weights do not matter here).
        const FeatureSettings features;
        LearnedRouter router(features, std::vector<float>(features.buckets(), 1.0f),
                             std::vector<float>(features.buckets(), 0.0f), 0.0f);
        router.setModels(QLatin1String(kWeak), QLatin1String(kStrong));
        QJsonArray thresholds;
        for (const auto& [t, share, gap] :
             { std::tuple { 0.25, 0.62, 0.91 }, std::tuple { 0.5, 0.34, 0.71 }, std::tuple { 0.75, 0.12, 0.30 } }) {
            thresholds.append(QJsonObject { { "threshold", t }, { "strong_share", share }, { "gap_recovered", gap } });
        }
        router.setReport(QJsonObject { { "thresholds", thresholds } });
        m_table = ThresholdTable::fromReport(router.report());
        QString error;
        QVERIFY2(router.save(LearnedRouter::defaultPath(m_home->path()), &error), qPrintable(error));
    }
    m_engine = std::make_unique<Engine>();
    Engine::Options options;
    options.homeDir = m_home->path();
    options.sandbox = true;
    QVERIFY2(m_engine->open(options), qPrintable(m_engine->errorString()));
    QVERIFY2((m_engine->router()->learnedRouter() != nullptr) == trained, qPrintable(m_engine->warnings().join('\n')));

    // 40 routed requests in the last 30 days (and a workbench comparison, which does not count).
    const ModelConfig* weak = m_engine->model(QLatin1String(kWeak));
    const ModelConfig* strong = m_engine->model(QLatin1String(kStrong));
    QVERIFY(weak && strong && m_engine->ledger());
    QSignalSpy recorded(m_engine->ledger(), &Ledger::recorded);
    m_weakCost = m_strongCost = 0;
    for (int i = 0; i < 41; ++i) {
        RequestRecord row;
        row.id = QStringLiteral("learned-%1").arg(i);
        row.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3600 * (i + 1));
        row.source = i == 40 ? RequestSource::Workbench : RequestSource::Gateway;
        row.finalModel = weak->id;
        row.finalProvider = weak->providerId;
        row.usage.promptTokens = 1000 + i * 10;
        row.usage.completionTokens = 300;
        row.costUsd = CostCalculator::cost(weak->price, row.usage);
        if (i < 40) {
            m_weakCost += *CostCalculator::cost(weak->price, row.usage);
            m_strongCost += *CostCalculator::cost(strong->price, row.usage);
        }
        m_engine->ledger()->record(row);
    }
    m_engine->ledger()->flush();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int total = 0;
            for (const QList<QVariant>& args : recorded) {
                total += args.at(0).toInt();
            }
            return total >= 41;
        }(),
        10000);

    m_editor = std::make_unique<RoutingEditor>(*m_engine);
    m_editor->resize(1400, 900);
    // The user's routing.json with a learned rule first (as they write it, or as a reload brings it).
    RoutingPolicy policy = m_editor->document()->policy();
    RoutingRule learned;
    learned.name = QStringLiteral("weak or strong");
    learned.kind = RuleKind::Learned;
    learned.tier = policy.tiers.first().name;
    learned.weakModel = QLatin1String(kWeak);
    learned.strongModel = QLatin1String(kStrong);
    learned.threshold = 0.5;
    policy.rules.prepend(learned);
    m_editor->document()->reset(policy);
    m_editor->rulesPane()->view()->setCurrentIndex(m_editor->rulesPane()->model()->index(0, 0));
    QCOMPARE(m_editor->learnedPanel()->rule(), 0);
}

void tst_LearnedRulePanel::panel_readsTheMeasurementsAtTheRulesThreshold()
{
    open(true);
    if (QTest::currentTestFailed()) {
        return;
    }
    QCOMPARE(m_editor->learnedPanel()->slider()->value(), 50);
    QCOMPARE(label("learnedShare"), QStringLiteral("Sends 34% of prompts to sandbox/gpt-5 (held-out estimate)."));
    QCOMPARE(label("learnedQuality"),
             QStringLiteral("Recovers 71% of the quality gap between sandbox/gpt-4.1-mini and sandbox/gpt-5."));
    // 40 routed requests re-priced: 66% of the weak model's cost plus 34% of the strong one's.
    const double monthly = 0.66 * m_weakCost + 0.34 * m_strongCost;
    QVERIFY2(label("learnedCost")
                 .startsWith(
                     QStringLiteral("About %1 a month at your volume (40 routed requests").arg(Money::format(monthly))),
             qPrintable(label("learnedCost")));
    QVERIFY(label("learnedCost").contains(Money::format(m_strongCost) + QStringLiteral(" all on sandbox/gpt-5")));
}

void tst_LearnedRulePanel::slider_isOneUndoableEditOfTheThreshold()
{
    open(true);
    if (QTest::currentTestFailed()) {
        return;
    }
    QSlider* slider = m_editor->learnedPanel()->slider();
    QUndoStack* undo = m_editor->document()->undoStack();
    const int steps = undo->count();
    slider->setFocus();
    // Dragged to 0.625 and let go: one edit, and the texts follow the measurements there.
    slider->setSliderDown(true);
    slider->setValue(60);
    slider->setValue(63);
    QCOMPARE(undo->count(), steps);
    slider->setSliderDown(false);
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(m_editor->document()->policy().rules.first().threshold, 0.63);
    const QualityPoint at = m_table.at(0.63);
    QCOMPARE(
        label("learnedShare"),
        QStringLiteral("Sends %1% of prompts to sandbox/gpt-5 (held-out estimate).").arg(qRound(at.strongShare * 100)));
    // Undo puts the rule's threshold and the slider back.
    undo->undo();
    QCOMPARE(m_editor->document()->policy().rules.first().threshold, 0.5);
    QCOMPARE(slider->value(), 50);
    QVERIFY(label("learnedShare").contains(QStringLiteral("34%")));
}

void tst_LearnedRulePanel::withoutATrainedRouter_saysHowToGetOne()
{
    open(false);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY2(label("learnedShare").contains(QStringLiteral("switchyard router train")),
             qPrintable(label("learnedShare")));
    QVERIFY(label("learnedQuality").isEmpty());
    QVERIFY(m_editor->learnedPanel()->slider()->isEnabled()); // the threshold can still be set
}

void tst_LearnedRulePanel::screenshot()
{
    open(true);
    if (QTest::currentTestFailed()) {
        return;
    }
    m_editor->findChildren<QTabWidget*>().constFirst()->setCurrentWidget(m_editor->learnedPanel());
    m_editor->resize(1280, 820);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    QTest::qWait(50);
    QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
    QVERIFY(m_editor->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-learned-threshold.png")));
}

QTEST_MAIN(tst_LearnedRulePanel)
#include "tst_LearnedRulePanel.moc"
