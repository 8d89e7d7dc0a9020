// Issue 22 items 3 and 4: the dashboard over sparse or filtered data says what happened. Spend
// today is drawn (not an empty chart), each day is flat over its span with the day still running
// marked, a failing provider's filter does not claim every request was answered first time, the
// budget card shows the real amounts and follows a new budget at once, a jump over a tiny base
// reads as a multiple, and a failover list cut at 500 says so and shows the rest on request.
#include "ui/dashboard/ChartPanel.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/RequestListDialog.h"
#include "ui/settings/Appearance.h"

#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/BudgetTracker.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
// Now is 2026-03-10 12:30 UTC: today's hour 12:00-13:00 is still running, and so is the day.
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 30), Qt::UTC);

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

RequestRecord request(const QString& id, const QDateTime& start, const QString& provider, double cost,
                      RequestStatus status = RequestStatus::Ok)
{
    RequestRecord r;
    r.id = id;
    r.startedAt = start;
    r.source = RequestSource::Route;
    r.tier = QStringLiteral("fast");
    r.finalModel = provider == QLatin1String("pa") ? QStringLiteral("m-a") : QStringLiteral("m-b");
    r.finalProvider = provider;
    r.status = status;
    r.latencyMs = 800;
    r.ttftMs = status == RequestStatus::Ok ? 200 : -1;
    r.usage.promptTokens = status == RequestStatus::Ok ? 100 : 0;
    r.usage.completionTokens = status == RequestStatus::Ok ? 50 : 0;
    r.costUsd = cost;
    r.priceVersion = 1;
    AttemptRecord attempt { r.finalModel,
                            provider,
                            start,
                            start.addMSecs(800),
                            status == RequestStatus::Ok ? AttemptOutcome::Ok : AttemptOutcome::Failed,
                            status == RequestStatus::Ok ? QString() : QStringLiteral("server_error"),
                            status == RequestStatus::Ok ? 200 : 503,
                            status == RequestStatus::Ok ? QString() : QStringLiteral("overloaded") };
    r.attempts = { attempt };
    if (status != RequestStatus::Ok) {
        r.failureClass = QStringLiteral("server_error");
    }
    return r;
}

// The height of a series' polyline at x (the first segment that spans it); -1 outside it.
double heightAt(const QXYSeries* series, double x)
{
    for (int i = 0; i + 1 < series->count(); ++i) {
        const QPointF a = series->at(i);
        const QPointF b = series->at(i + 1);
        if (a.x() <= x && x <= b.x() && b.x() > a.x()) {
            return a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
        }
    }
    return -1;
}
} // namespace

class tst_DashboardSparse : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<BudgetTracker> m_budgets;
    std::unique_ptr<DashboardView> m_view;

    void record(const QList<RequestRecord>& requests)
    {
        QSignalSpy recorded(m_ledger.get(), &Ledger::recorded);
        for (const RequestRecord& r : requests) {
            m_ledger->record(r);
        }
        m_ledger->flush();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qint64 total = 0;
                for (const QList<QVariant>& args : recorded) {
                    total += args.at(0).toInt();
                }
                return total == requests.size();
            }(),
            60000);
    }

    void open()
    {
        DashboardView::Sources sources;
        sources.ledgerPath = m_dir->filePath(QStringLiteral("ledger.sqlite"));
        sources.budgets = m_budgets.get();
        m_view = std::make_unique<DashboardView>(sources);
        m_view->resize(1400, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        waitForRefresh();
    }

    void waitForRefresh() { QTRY_VERIFY_WITH_TIMEOUT(m_view->isUpToDate(), 20000); }

    QString label(const QString& name) const
    {
        auto* found = m_view->findChild<QLabel*>(name);
        return found ? found->text() : QStringLiteral("(no label %1)").arg(name);
    }

    QAreaSeries* area(const QString& name) const
    {
        for (QAbstractSeries* series : m_view->findChild<ChartPanel*>(QStringLiteral("spend"))->chart()->series()) {
            if (series->name() == name) {
                return qobject_cast<QAreaSeries*>(series);
            }
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(Appearance::installLanguage(QStringLiteral("en"))); // "3 requests", not "3 request(s)"
        m_clock = std::make_unique<MockClock>(kNow);
        Clock::setInstance(m_clock.get());
    }
    void cleanupTestCase() { Clock::setInstance(nullptr); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_ledger = std::make_unique<Ledger>();
        QVERIFY2(m_ledger->open(m_dir->filePath(QStringLiteral("ledger.sqlite"))), qPrintable(m_ledger->errorString()));
        m_budgets = std::make_unique<BudgetTracker>();
    }
    void cleanup()
    {
        m_view.reset();
        m_budgets.reset();
        m_ledger.reset();
        m_dir.reset();
    }

    void today_spendInTheRunningHourIsDrawn()
    {
        record({ request(QStringLiteral("r1"), at(10, 12, 5), QStringLiteral("pa"), 0.002) });
        open();
        m_view->filterBar()->setPeriod(DashboardPeriod::Today);
        waitForRefresh();
        auto* panel = m_view->findChild<ChartPanel*>(QStringLiteral("spend"));
        QVERIFY(!panel->isEmptyShown());
        QAreaSeries* spent = area(QStringLiteral("m-a"));
        QVERIFY(spent);
        // Flat over the whole hour 12:00-13:00, nothing in the hour before.
        for (int minute : { 1, 30, 59 }) {
            QCOMPARE(heightAt(spent->upperSeries(), double(at(10, 12, minute).toMSecsSinceEpoch())), 0.002);
        }
        QCOMPARE(heightAt(spent->upperSeries(), double(at(10, 11, 30).toMSecsSinceEpoch())), 0.0);
        // The hour still running is marked as such, over the amount spent so far.
        QAreaSeries* partial = area(QStringLiteral("this hour so far"));
        QVERIFY(partial);
        QCOMPARE(heightAt(partial->upperSeries(), double(at(10, 12, 30).toMSecsSinceEpoch())), 0.002);

        // What the user sees: the series' colour fills the plot at 12:30.
        QChartView* view = panel->chartView();
        const QImage image = view->grab().toImage();
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
        image.save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/dashboard-spend-today.png"));
        const QPointF inPlot
            = view->chart()->mapToPosition(QPointF(double(at(10, 12, 30).toMSecsSinceEpoch()), 0.001), spent);
        const QPoint pixel = view->mapFromScene(view->chart()->mapToScene(inPlot));
        // The hour is hatched as still running: most pixels around 12:30 are the series' colour.
        const QColor series = DashboardCharts::seriesColor(0);
        int filled = 0;
        int all = 0;
        for (int dx = -6; dx <= 6; ++dx) {
            for (int dy = -6; dy <= 6; ++dy) {
                const QColor seen = image.pixelColor(pixel + QPoint(dx, dy));
                const int distance = qAbs(seen.red() - series.red()) + qAbs(seen.green() - series.green())
                    + qAbs(seen.blue() - series.blue());
                filled += distance < 160;
                ++all;
            }
        }
        QVERIFY2(filled * 2 > all,
                 qPrintable(QStringLiteral("%1 of %2 pixels at %3,%4 in the series' colour")
                                .arg(filled)
                                .arg(all)
                                .arg(pixel.x())
                                .arg(pixel.y())));
    }

    void lastWeek_daysAreFlat_andTodayIsMarkedPartial()
    {
        record({ request(QStringLiteral("r1"), at(8, 10), QStringLiteral("pa"), 2.00),
                 request(QStringLiteral("r2"), at(9, 10), QStringLiteral("pa"), 4.00),
                 request(QStringLiteral("r3"), at(10, 9), QStringLiteral("pa"), 0.50) });
        open();
        QAreaSeries* spent = area(QStringLiteral("m-a"));
        QVERIFY(spent);
        // No ramp from 03-07 into 03-08, no plunge across 03-09 into the running day.
        QCOMPARE(heightAt(spent->upperSeries(), double(at(8, 1).toMSecsSinceEpoch())), 2.00);
        QCOMPARE(heightAt(spent->upperSeries(), double(at(9, 23).toMSecsSinceEpoch())), 4.00);
        QCOMPARE(heightAt(spent->upperSeries(), double(at(10, 20).toMSecsSinceEpoch())), 0.50);
        QAreaSeries* partial = area(QStringLiteral("today so far"));
        QVERIFY(partial);
        QCOMPARE(heightAt(partial->upperSeries(), double(at(10, 12).toMSecsSinceEpoch())), 0.50);
        QCOMPARE(heightAt(partial->upperSeries(), double(at(9, 12).toMSecsSinceEpoch())), -1.0);
    }

    void failingProviderFilter_doesNotClaimFirstChoiceAnswers()
    {
        record({ request(QStringLiteral("ok"), at(9, 10), QStringLiteral("pb"), 1.00),
                 request(QStringLiteral("f1"), at(9, 11), QStringLiteral("pa"), 0, RequestStatus::Failed),
                 request(QStringLiteral("f2"), at(9, 12), QStringLiteral("pa"), 0, RequestStatus::Failed),
                 request(QStringLiteral("f3"), at(9, 13), QStringLiteral("pa"), 0, RequestStatus::Failed) });
        open();
        m_view->filterBar()->setSelection({ QStringLiteral("pa") }, {}, {});
        waitForRefresh();
        const QString text = m_view->findChild<ChartPanel*>(QStringLiteral("failovers"))->emptyText();
        QVERIFY2(!text.contains(QStringLiteral("first choice")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("3 requests failed without one")), qPrintable(text));

        m_view->filterBar()->setSelection({ QStringLiteral("pb") }, {}, {});
        waitForRefresh();
        QVERIFY(m_view->findChild<ChartPanel*>(QStringLiteral("failovers"))
                    ->emptyText()
                    .contains(QStringLiteral("every request was answered by its first choice")));
    }

    void budgetCard_showsRealAmounts_andFollowsANewBudget()
    {
        BudgetSettings settings;
        settings.global.dailyUsd = 0.01;
        m_budgets->setSettings(settings);
        m_budgets->addSpend(QStringLiteral("pa"), 0.0114);
        open();
        QCOMPARE(label(QStringLiteral("budgetCardValue")), QStringLiteral("114%"));
        QVERIFY2(label(QStringLiteral("budgetCardDetail")).startsWith(QStringLiteral("$0.0114 of $0.01")),
                 qPrintable(label(QStringLiteral("budgetCardDetail"))));

        settings.global.dailyUsd = 0.02; // set in Settings: no ledger change follows
        m_budgets->setSettings(settings);
        QTRY_COMPARE(label(QStringLiteral("budgetCardValue")), QStringLiteral("57%"));
        QVERIFY(label(QStringLiteral("budgetCardDetail")).startsWith(QStringLiteral("$0.0114 of $0.02")));
    }

    void spendChange_overATinyBase_readsAsAMultiple_data()
    {
        QTest::addColumn<double>("before");
        QTest::addColumn<double>("now");
        QTest::addColumn<QString>("change");
        QTest::newRow("4,812 times a cent")
            << 0.01 << 48.12 << QStringLiteral("▲ 4,812 times the period before ($0.01)");
        QTest::newRow("125% more stays a percentage")
            << 2.00 << 4.50 << QStringLiteral("▲ 125% vs the period before ($2.00)");
        QTest::newRow("a fall stays a percentage")
            << 4.00 << 1.00 << QStringLiteral("▼ 75.0% vs the period before ($4.00)");
    }
    void spendChange_overATinyBase_readsAsAMultiple()
    {
        QFETCH(double, before);
        QFETCH(double, now);
        QFETCH(QString, change);
        record({ request(QStringLiteral("before"), at(1, 10), QStringLiteral("pa"), before),
                 request(QStringLiteral("now"), at(9, 10), QStringLiteral("pa"), now) });
        open();
        QCOMPARE(label(QStringLiteral("spendCardValue")), Money::format(now));
        QVERIFY2(label(QStringLiteral("spendCardDetail")).startsWith(change),
                 qPrintable(label(QStringLiteral("spendCardDetail"))));
    }

    void failoverList_cutAt500_saysSo_andShowsAll()
    {
        QList<RequestRecord> requests;
        for (int i = 0; i < 620; ++i) {
            RequestRecord r
                = request(QStringLiteral("fo-%1").arg(i), at(9, 0).addSecs(i * 60), QStringLiteral("pb"), 0.01);
            r.failovers = { FailoverRecord { r.startedAt.addMSecs(100), QStringLiteral("m-a"), QStringLiteral("m-b"),
                                             QStringLiteral("server_error"), QStringLiteral("overloaded") } };
            requests << r;
        }
        record(requests);
        open();
        auto* table = m_view->findChild<QTableView*>(QStringLiteral("failoverTable"));
        QCOMPARE(table->model()->rowCount(), 500);
        QCOMPARE(label(QStringLiteral("failoverNote")), QStringLiteral("Showing the newest 500 of 620 failovers."));
        auto* all = m_view->findChild<QPushButton*>(QStringLiteral("failoverShowAll"));
        QVERIFY(all && all->isVisible());
        QCOMPARE(all->text(), QStringLiteral("Show all 620"));
        all->click();
        waitForRefresh();
        QCOMPARE(table->model()->rowCount(), 620);
        QVERIFY(!m_view->findChild<QLabel*>(QStringLiteral("failoverNote"))->isVisible());
        QVERIFY(!all->isVisible());

        // Item 13: one click on an event opens its request.
        const QRect first = table->visualRect(table->model()->index(0, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, first.center());
        QTRY_VERIFY(m_view->findChild<RequestListDialog*>());
    }
};

QTEST_MAIN(tst_DashboardSparse)
#include "tst_DashboardSparse.moc"
