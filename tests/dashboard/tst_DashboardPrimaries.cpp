// "Reconsider your primary" on the dashboard: the Primaries card over a real ledger file, read as
// the user sees it (table cells, the note), in English and German; saves
// screenshots/dashboard-reconsider-primary-{en,de}.png and dashboard-primaries-card.png.
#include "ui/dashboard/DashboardFilterBar.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/PrimariesCard.h"
#include "ui/settings/Appearance.h"

#include "core/common/Clock.h"
#include "core/ledger/Ledger.h"

#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
// Now is Tuesday 2026-03-10 12:30 UTC; the traffic is from the day before.
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 30), Qt::UTC);

QString providerOf(const QString& model)
{
    return model.section(u'-', 0, 0); // "a-1" is served by "a"
}

AttemptRecord attempt(const QString& model, const QDateTime& at, bool fault)
{
    AttemptRecord a;
    a.modelId = model;
    a.providerId = providerOf(model);
    a.startedAt = at;
    a.endedAt = at.addMSecs(300);
    a.outcome = fault ? AttemptOutcome::Failed : AttemptOutcome::Ok;
    a.failureClass = fault ? QStringLiteral("server_error") : QString();
    a.httpStatus = fault ? 503 : 200;
    a.message = fault ? QStringLiteral("overloaded") : QString();
    return a;
}

// `count` requests of `tier` trying `primary` first, the first `failedOver` of them failing over
// to `fallback` on a server error; `faults` more requests of another tier fail on `fallback` itself.
QList<RequestRecord> traffic(const QString& tier, const QString& primary, int count, int failedOver,
                             const QString& fallback)
{
    QList<RequestRecord> records;
    for (int i = 0; i < count; ++i) {
        const QDateTime at = QDateTime(QDate(2026, 3, 9), QTime(8, 0), Qt::UTC).addSecs(60 * i);
        RequestRecord r;
        r.id = QStringLiteral("%1-%2").arg(tier).arg(i);
        r.startedAt = at;
        r.source = RequestSource::Route;
        r.tier = tier;
        r.finalModel = primary;
        r.finalProvider = providerOf(primary);
        r.status = RequestStatus::Ok;
        r.latencyMs = 400;
        r.costUsd = 0.0001;
        r.priceVersion = 1;
        r.attempts = { attempt(primary, at, false) };
        if (i < failedOver) {
            r.finalModel = fallback;
            r.finalProvider = providerOf(fallback);
            r.attempts = { attempt(primary, at, true), attempt(fallback, at.addMSecs(300), false) };
            r.failovers = { FailoverRecord { at.addMSecs(300), primary, fallback, QStringLiteral("server_error"),
                                             QStringLiteral("overloaded") } };
        }
        records << r;
    }
    return records;
}

PrimaryReview::Chain chain(const QString& tier, const QStringList& models)
{
    PrimaryReview::Chain chain { tier, {} };
    for (const QString& model : models) {
        chain.steps << PrimaryReview::Step { model, providerOf(model) };
    }
    return chain;
}
} // namespace

class tst_DashboardPrimaries : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DashboardView> m_view;

    QString cell(const QString& tier, int column) const
    {
        const QStandardItemModel* model = m_view->primariesCard()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->item(row, PrimariesCard::TierColumn)->text() == tier) {
                return model->item(row, column)->text();
            }
        }
        return QStringLiteral("(no row %1)").arg(tier);
    }

    void open(const FailoverRateRule& rule = {})
    {
        DashboardView::Sources sources;
        sources.ledgerPath = m_dir->filePath(QStringLiteral("ledger.sqlite"));
        // fast: a-1 failed over on 11 of 100 (above 10 %); b-1 failed 4 of its 10 attempts in
        // "other", c-1 never: c-1 is the one to promote. smart: exactly 10 %. quiet: no traffic.
        sources.chains = [] {
            return QList<PrimaryReview::Chain> { chain("fast", { "a-1", "b-1", "c-1" }),
                                                 chain("smart", { "d-1", "c-1" }), chain("quiet", { "q-1", "a-1" }),
                                                 chain("solo", { "s-1" }) };
        };
        sources.primaryRule = rule;
        m_view = std::make_unique<DashboardView>(sources);
        m_view->resize(1400, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->filterBar()->setPeriod(DashboardPeriod::Last7Days);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->isUpToDate(), 20000);
    }

    void screenshot(const QString& name)
    {
        // The card where the user finds it: the dashboard scrolled down to it.
        auto* scroll = m_view->findChild<QScrollArea*>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(m_view->primariesCard());
        QTest::qWait(50);
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        const QString path = QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/%1.png").arg(name);
        QVERIFY(m_view->grab().save(path));
        qInfo("wrote %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        QStandardPaths::setTestModeEnabled(true);
        m_clock = std::make_unique<MockClock>(kNow);
        Clock::setInstance(m_clock.get());
        m_dir = std::make_unique<QTemporaryDir>();
        Ledger ledger;
        QVERIFY2(ledger.open(m_dir->filePath(QStringLiteral("ledger.sqlite"))), qPrintable(ledger.errorString()));
        QList<RequestRecord> records = traffic("fast", "a-1", 100, 11, "c-1") + traffic("smart", "d-1", 50, 5, "c-1")
            + traffic("solo", "s-1", 20, 4, "x-1") + traffic("other", "b-1", 10, 0, QString());
        for (int i = 0; i < 4; ++i) {
            RequestRecord& failed = records[records.size() - 1 - i];
            failed.status = RequestStatus::Failed;
            failed.attempts = { attempt("b-1", failed.startedAt, true) };
        }
        QSignalSpy flushed(&ledger, &Ledger::flushed);
        for (const RequestRecord& r : std::as_const(records)) {
            ledger.record(r);
        }
        ledger.flush();
        QVERIFY(flushed.wait(20000));
    }
    void cleanupTestCase() { Clock::setInstance(nullptr); }
    void init() { QVERIFY(Appearance::installLanguage(QStringLiteral("en"))); }
    void cleanup() { m_view.reset(); }

    void primariesCard_data()
    {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("primary");
        QTest::addColumn<QString>("requests");
        QTest::addColumn<QString>("rate");
        QTest::addColumn<QString>("uptime");
        QTest::addColumn<QString>("suggestion");

        QTest::newRow("11 of 100 failed over: marked, promote the fallback that never failed")
            << "fast"
            << "⚠ a-1"
            << "100"
            << "11.0%"
            << "89.0%"
            << "Reconsider this primary: promote c-1, 100.0% of whose attempts succeeded.";
        QTest::newRow("5 of 50 is exactly the 10% threshold: not marked") << "smart"
                                                                          << "d-1"
                                                                          << "50"
                                                                          << "10.0%"
                                                                          << "90.0%"
                                                                          << "—";
        QTest::newRow("no traffic: no figures") << "quiet"
                                                << "q-1"
                                                << "0"
                                                << "—"
                                                << "—"
                                                << "—";
        QTest::newRow("no fallback in the chain: marked, nothing to promote")
            << "solo"
            << "⚠ s-1"
            << "20"
            << "20.0%"
            << "80.0%"
            << "Reconsider this primary: its chain has no fallback to promote.";
    }

    void primariesCard()
    {
        QFETCH(QString, tier);
        QFETCH(QString, primary);
        QFETCH(QString, requests);
        QFETCH(QString, rate);
        QFETCH(QString, uptime);
        QFETCH(QString, suggestion);
        open();
        QCOMPARE(m_view->primariesCard()->model()->rowCount(), 4);
        QCOMPARE(cell(tier, PrimariesCard::PrimaryColumn), primary);
        QCOMPARE(cell(tier, PrimariesCard::RequestsColumn), requests);
        QCOMPARE(cell(tier, PrimariesCard::FailoverRateColumn), rate);
        QCOMPARE(cell(tier, PrimariesCard::UptimeColumn), uptime);
        QCOMPARE(cell(tier, PrimariesCard::SuggestionColumn), suggestion);
        QCOMPARE(m_view->primariesCard()->note(),
                 QStringLiteral("Marked: a primary that failed over on more than 10% of at least 10 requests (the "
                                "failover-rate alert's threshold, alerts.json)."));
    }

    void tierFilter_leavesItsPrimaryOnly()
    {
        open();
        m_view->filterBar()->setSelection({}, {}, { QStringLiteral("smart") });
        QTRY_VERIFY_WITH_TIMEOUT(m_view->isUpToDate(), 20000);
        QCOMPARE(m_view->primariesCard()->model()->rowCount(), 1);
        QCOMPARE(cell("smart", PrimariesCard::RequestsColumn), QStringLiteral("50"));
    }

    void alertThreshold_decidesTheMark()
    {
        open(FailoverRateRule { 15, 10 });
        QCOMPARE(cell("fast", PrimariesCard::PrimaryColumn), QStringLiteral("a-1"));
        QCOMPARE(cell("solo", PrimariesCard::PrimaryColumn), QStringLiteral("⚠ s-1"));
        QVERIFY(m_view->primariesCard()->note().contains(QStringLiteral("more than 15%")));
    }

    void inGerman_percentAndSuggestion()
    {
        QVERIFY(Appearance::installLanguage(QStringLiteral("de")));
        open();
        QCOMPARE(cell("fast", PrimariesCard::FailoverRateColumn), QStringLiteral("11,0 %"));
        QCOMPARE(cell("fast", PrimariesCard::UptimeColumn), QStringLiteral("89,0 %"));
        QCOMPARE(cell("fast", PrimariesCard::SuggestionColumn),
                 QStringLiteral("Überdenken Sie dieses primäre Modell: Stellen Sie c-1 nach vorn, 100,0 % seiner "
                                "Versuche waren erfolgreich."));
        screenshot(QStringLiteral("dashboard-reconsider-primary-de"));
    }

    void screenshot_english()
    {
        open();
        screenshot(QStringLiteral("dashboard-reconsider-primary-en"));
        // The card alone, for the README (docs/dashboard-primaries-card.png).
        QVERIFY(m_view->primariesCard()->grab().save(
            QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/dashboard-primaries-card.png")));
    }
};

QTEST_MAIN(tst_DashboardPrimaries)
#include "tst_DashboardPrimaries.moc"
