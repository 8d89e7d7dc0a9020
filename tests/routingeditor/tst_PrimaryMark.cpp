#include "core/config/ConfigStore.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "ui/routing/PrimaryMark.h"
#include "ui/routing/PrimaryReviewer.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RoutingEditor.h"
#include "ui/routing/TierBoard.h"
#include "ui/routing/TierColumn.h"
#include "ui/settings/Appearance.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

// "Reconsider your primary" in the routing editor, on a real Engine (temporary home, sandbox
// models, default policy) and its real ledger: a tier whose primary failed over on more than the
// failover-rate threshold is marked on its column, and "Promote" moves the most reliable fallback
// to the top as one undoable edit that Save writes to routing.json.
class tst_PrimaryMark : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<RoutingEditor> m_editor;
    QString m_tier; // the first tier with three different models in its chain
    QStringList m_chain; // its models as the test found them
    int m_batch = 0; // request ids stay unique across recordTraffic calls

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

    PrimaryMark* mark(const QString& tier) const
    {
        TierColumn* column = m_editor->tierBoard()->column(tier);
        return column ? column->findChild<PrimaryMark*>() : nullptr;
    }

    static AttemptRecord attempt(const QString& model, const QString& provider, const QDateTime& at, bool fault)
    {
        AttemptRecord a;
        a.modelId = model;
        a.providerId = provider;
        a.startedAt = at;
        a.endedAt = at.addMSecs(300);
        a.outcome = fault ? AttemptOutcome::Failed : AttemptOutcome::Ok;
        a.failureClass = fault ? QStringLiteral("server_error") : QString();
        a.httpStatus = fault ? 503 : 200;
        a.message = fault ? QStringLiteral("overloaded") : QString();
        return a;
    }

    RequestRecord request(int i, const QDateTime& at, const QString& model) const
    {
        const ModelConfig* config = m_engine->model(model);
        RequestRecord r;
        r.id = QStringLiteral("pm-%1-%2").arg(m_batch).arg(i);
        r.startedAt = at;
        r.source = RequestSource::Gateway;
        r.tier = m_tier;
        r.rule = QStringLiteral("default");
        r.finalModel = model;
        r.finalProvider = config ? config->providerId : QString();
        r.status = RequestStatus::Ok;
        r.latencyMs = 300;
        r.costUsd = 0.0001;
        r.priceVersion = 1;
        r.attempts = { attempt(model, r.finalProvider, at, false) };
        return r;
    }

    // `count` requests of the tier over the last hours, the first `failedOver` of them failing
    // over from the primary to `fallback` on a server error; plus `fallbackFaults` failed attempts
    // of `unreliable` (another tier's traffic), so the data says which fallback is the reliable one.
    // ageDays: how long ago it all happened.
    void recordTraffic(int count, int failedOver, const QString& fallback, const QString& unreliable,
                       int fallbackFaults, int ageDays = 0)
    {
        ++m_batch;
        const QDateTime now = QDateTime::currentDateTimeUtc().addDays(-ageDays);
        const QString primary = m_chain.first();
        QList<RequestRecord> records;
        for (int i = 0; i < count; ++i) {
            const QDateTime at = now.addSecs(-3600 - 60 * i);
            RequestRecord r = request(i, at, primary);
            if (i < failedOver) {
                const QString from = r.finalProvider;
                r.finalModel = fallback;
                r.finalProvider = m_engine->model(fallback)->providerId;
                r.attempts
                    = { attempt(primary, from, at, true), attempt(fallback, r.finalProvider, at.addMSecs(300), false) };
                r.failovers = { FailoverRecord { at.addMSecs(300), primary, fallback, QStringLiteral("server_error"),
                                                 QStringLiteral("overloaded") } };
            }
            records << r;
        }
        for (int i = 0; i < 10; ++i) {
            RequestRecord r = request(1000 + i, now.addSecs(-7200 - 60 * i), unreliable);
            r.tier = QStringLiteral("elsewhere");
            if (i < fallbackFaults) {
                r.status = RequestStatus::Failed;
                r.attempts = { attempt(unreliable, r.finalProvider, r.startedAt, true) };
            }
            records << r;
        }
        QSignalSpy recorded(m_engine->ledger(), &Ledger::recorded);
        for (const RequestRecord& r : std::as_const(records)) {
            m_engine->ledger()->record(r);
        }
        m_engine->ledger()->flush();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qint64 total = 0;
                for (const QList<QVariant>& args : recorded) {
                    total += args.at(0).toInt();
                }
                return total == records.size();
            }(),
            30000);
        m_editor->primaryReviewer()->review();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_primarymark"));
        QVERIFY(Appearance::installLanguage(QStringLiteral("en")));
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
        QVERIFY(m_engine->ledger());
        m_editor = std::make_unique<RoutingEditor>(*m_engine);
        m_editor->resize(1400, 900);
        m_tier.clear();
        for (const RoutingTier& tier : m_editor->document()->policy().tiers) {
            const QStringList models = chainOf(m_editor->document()->policy(), tier.name);
            if (models.size() >= 3 && QSet<QString>(models.cbegin(), models.cend()).size() == models.size()) {
                m_tier = tier.name;
                m_chain = models;
                break;
            }
        }
        QVERIFY2(!m_tier.isEmpty(), "no tier of the default policy has three models");
    }

    void cleanup()
    {
        m_editor.reset();
        m_engine.reset();
        m_home.reset();
    }

    void noHistory_noMark()
    {
        for (TierColumn* column : m_editor->tierBoard()->columns()) {
            QVERIFY(column->findChild<PrimaryMark*>());
            QVERIFY2(column->findChild<PrimaryMark*>()->isHidden(), qPrintable(column->tier()));
        }
    }

    // The period is the user's: trouble ten days ago is out of a week's review and in a month's.
    void reviewPeriod_chosenInTheToolbar()
    {
        recordTraffic(40, 10, m_chain.at(1), m_chain.at(2), 0, 10); // 25 %, ten days ago
        QVERIFY(mark(m_tier)->isHidden());
        auto* days = m_editor->findChild<QComboBox*>(QStringLiteral("primaryReviewDays"));
        QVERIFY(days);
        QCOMPARE(days->currentData().toInt(), 7);
        days->setCurrentIndex(days->findData(30));
        QVERIFY(!mark(m_tier)->isHidden());
        QVERIFY2(mark(m_tier)->text().contains(QLatin1String("Last 30 days:")), qPrintable(mark(m_tier)->text()));
        days->setCurrentIndex(days->findData(7));
        QVERIFY(mark(m_tier)->isHidden());
    }

    void exactlyAtThreshold_notMarked()
    {
        recordTraffic(40, 4, m_chain.at(1), m_chain.at(2), 0); // 10.0 %: not above 10 %
        QVERIFY(mark(m_tier)->isHidden());
        const std::optional<PrimaryReview::Row> row = m_editor->document()->primaryReview(m_tier);
        QVERIFY(row);
        QCOMPARE(row->requests, qint64(40));
        QCOMPARE(row->failedOver, qint64(4));
    }

    void aboveThreshold_markedWithTheMostReliableFallback_promoteIsOneUndoableEdit()
    {
        // The second step failed 4 of its 10 attempts elsewhere; the third only answered.
        const QString reliable = m_chain.at(2);
        recordTraffic(40, 8, reliable, m_chain.at(1), 4);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        PrimaryMark* shown = mark(m_tier);
        QVERIFY(shown->isVisible());
        // The provider's uptime counts every model it serves, so only its name is checked here.
        const QString text = shown->text();
        QVERIFY2(text.startsWith(QStringLiteral("⚠ Last 7 days: %1 failed over on 20.0% of 40 requests. %2 answered ")
                                     .arg(m_chain.first(), m_engine->model(m_chain.first())->providerId)),
                 qPrintable(text));
        QVERIFY2(
            text.endsWith(QStringLiteral(" Reconsider this primary: promote %1, 100.0% of whose attempts succeeded.")
                              .arg(reliable)),
            qPrintable(text));
        QCOMPARE(shown->promoteButton()->text(), QStringLiteral("Promote %1").arg(reliable));
        for (TierColumn* column : m_editor->tierBoard()->columns()) {
            if (column->tier() != m_tier) {
                QVERIFY2(column->findChild<PrimaryMark*>()->isHidden(), qPrintable(column->tier()));
            }
        }

        QUndoStack* undo = m_editor->document()->undoStack();
        const int before = undo->count();
        QTest::mouseClick(shown->promoteButton(), Qt::LeftButton);
        const QStringList promoted { reliable, m_chain.at(0), m_chain.at(1) };
        QCOMPARE(chainOf(m_editor->document()->policy(), m_tier), promoted + m_chain.mid(3));
        QCOMPARE(undo->count(), before + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Promote %1 in %2").arg(reliable, m_tier));
        // The new primary was never tried first: nothing to reconsider.
        QTRY_VERIFY(mark(m_tier)->isHidden());

        undo->undo();
        QCOMPARE(chainOf(m_editor->document()->policy(), m_tier), m_chain);
        QTRY_VERIFY(mark(m_tier)->isVisible());
        undo->redo();
        QCOMPARE(chainOf(m_editor->document()->policy(), m_tier), promoted + m_chain.mid(3));

        QVERIFY(m_editor->save().isEmpty());
        const ConfigLoadResult saved = ConfigStore(m_home->path()).load();
        QCOMPARE(chainOf(saved.config.policy, m_tier), promoted + m_chain.mid(3));
    }

    void thresholdComesFromAlertsJson()
    {
        // The failover-rate alert's threshold, 25 %: 20 % is no longer marked.
        QFile alerts(QDir(m_home->path()).filePath(QStringLiteral("alerts.json")));
        QVERIFY(alerts.open(QIODevice::WriteOnly));
        alerts.write(R"({ "failover_rate": { "percent": 25, "min_requests": 5 } })");
        alerts.close();
        m_editor = std::make_unique<RoutingEditor>(*m_engine);
        QCOMPARE(m_editor->primaryReviewer()->rule().percent, 25.0);
        QCOMPARE(m_editor->primaryReviewer()->rule().minRequests, qint64(5));
        recordTraffic(40, 8, m_chain.at(2), m_chain.at(1), 0);
        QVERIFY(mark(m_tier)->isHidden());
        recordTraffic(40, 20, m_chain.at(2), m_chain.at(1), 0); // now 28 of 80: 35 %
        QVERIFY(!mark(m_tier)->isHidden());
        QCOMPARE(m_editor->document()->primaryReview(m_tier)->failedOver, qint64(28));
    }

    void screenshot_markOnTheTier()
    {
        recordTraffic(40, 8, m_chain.at(2), m_chain.at(1), 4);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        QVERIFY(mark(m_tier)->isVisible());
        QTest::qWait(50); // let the layout settle before grabbing
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/routing-editor-reconsider-primary.png");
        QVERIFY(m_editor->grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }
};

QTEST_MAIN(tst_PrimaryMark)
#include "tst_PrimaryMark.moc"
