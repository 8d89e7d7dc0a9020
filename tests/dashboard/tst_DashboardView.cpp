// The dashboard over a small ledger whose figures are worked out by hand below.
#include "ui/dashboard/ChartPanel.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/RequestListDialog.h"

#include "core/common/Clock.h"
#include "core/ledger/Ledger.h"
#include "core/workbench/ColumnFigures.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QPointer>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

namespace {
// Now is 2026-03-10 12:30 UTC, so "last 7 days" is [03-03 13:00, 03-10 13:00) and the
// period before is [02-24 13:00, 03-03 13:00).
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 30), Qt::UTC);

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

AttemptRecord attempt(const QString& model, const QString& provider, const QDateTime& start, bool ok)
{
    return { model,
             provider,
             start,
             start.addMSecs(900),
             ok ? AttemptOutcome::Ok : AttemptOutcome::Failed,
             ok ? QString() : QStringLiteral("server_error"),
             ok ? 200 : 503,
             ok ? QString() : QStringLiteral("upstream overloaded") };
}

RequestRecord request(const QString& id, const QDateTime& start, const QString& tier, const QString& model,
                      const QString& provider, double cost, qint64 prompt, qint64 completion)
{
    RequestRecord r;
    r.id = id;
    r.startedAt = start;
    r.source = RequestSource::Route; // routed traffic: what savings count by default
    r.tier = tier;
    r.finalModel = model;
    r.finalProvider = provider;
    r.status = RequestStatus::Ok;
    r.latencyMs = 1000;
    r.ttftMs = 200;
    r.usage.promptTokens = prompt;
    r.usage.completionTokens = completion;
    r.costUsd = cost;
    r.priceVersion = 1;
    r.attempts = { attempt(model, provider, start, true) };
    return r;
}

// In the last 7 days: $1.00 + $3.00 + $0.50 = $4.50 over 3 requests, one of which (req-2) failed
// over from m-cheap (pa, server_error) to m-prem (pb). Before that: $2.00. Older: ignored.
QList<RequestRecord> knownRequests()
{
    RequestRecord failedOver = request(QStringLiteral("req-2"), at(9, 11), QStringLiteral("smart"),
                                       QStringLiteral("m-prem"), QStringLiteral("pb"), 3.00, 2000, 1000);
    failedOver.attempts = { attempt(QStringLiteral("m-cheap"), QStringLiteral("pa"), at(9, 11), false),
                            attempt(QStringLiteral("m-prem"), QStringLiteral("pb"), at(9, 11).addMSecs(300), true) };
    failedOver.failovers
        = { FailoverRecord { at(9, 11).addMSecs(300), QStringLiteral("m-cheap"), QStringLiteral("m-prem"),
                             QStringLiteral("server_error"), QStringLiteral("upstream overloaded") } };
    return {
        request(QStringLiteral("req-1"), at(9, 10), QStringLiteral("fast"), QStringLiteral("m-cheap"),
                QStringLiteral("pa"), 1.00, 1000, 500),
        failedOver,
        request(QStringLiteral("req-3"), at(8, 9), QStringLiteral("fast"), QStringLiteral("m-cheap"),
                QStringLiteral("pa"), 0.50, 500, 250),
        request(QStringLiteral("req-0"), at(1, 12), QStringLiteral("fast"), QStringLiteral("m-cheap"),
                QStringLiteral("pa"), 2.00, 100, 100),
        request(QStringLiteral("req-old"), at(1, 12).addDays(-30), QStringLiteral("fast"), QStringLiteral("m-cheap"),
                QStringLiteral("pa"), 9.00, 100, 100),
    };
}

ModelConfig model(const QString& id, const QString& provider, double in, double out)
{
    ModelConfig m;
    m.id = id;
    m.providerId = provider;
    m.price.inputPerMTok = in;
    m.price.outputPerMTok = out;
    m.price.known = true;
    return m;
}

double msecs(const QDateTime& t)
{
    return double(t.toMSecsSinceEpoch());
}
} // namespace

class tst_DashboardView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void headlineCards_matchHandComputedFigures();
    void spendChart_stacksDailyCostPerModel();
    void tierAndUptimeCharts_showExactValues();
    void filters_changeHeadlineFigures_data();
    void filters_changeHeadlineFigures();
    void periods_changeHeadlineFigures_data();
    void periods_changeHeadlineFigures();
    void spendCard_inGerman_readsAsTheWorkbench();
    void emptyPeriod_explainsItself();
    void noLedger_explainsItself();
    void failoverTable_listsEachEvent();
    void exportCsv_writesExpectedRows();
    void exportPng_writesImage();
    void drillDown_listsMatchingRequests();
    void ledgerRecording_refreshesLive();
    void burstOfChanges_appliesOnlyTheNewest();
    void applyingAResult_letsTimersRunBetweenCharts();
    void refresh_updatesChartsInPlace();
    void sourceAndKeyFilters_andSavingsOnRoutedTrafficByClass();

private:
    QString card(const QString& name) const;
    QString detail(const QString& name) const;
    void waitForRefresh();

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<DashboardView> m_view;
};

void tst_DashboardView::initTestCase()
{
    qputenv("TZ", "UTC");
    QStandardPaths::setTestModeEnabled(true);
    m_clock = std::make_unique<MockClock>(kNow);
    Clock::setInstance(m_clock.get());
}

void tst_DashboardView::cleanupTestCase()
{
    Clock::setInstance(nullptr);
}

void tst_DashboardView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ledger = std::make_unique<Ledger>();
    const QString path = m_dir->filePath(QStringLiteral("ledger.sqlite"));
    QVERIFY2(m_ledger->open(path), qPrintable(m_ledger->errorString()));
    QSignalSpy recorded(m_ledger.get(), &Ledger::recorded);
    const QList<RequestRecord> requests = knownRequests();
    for (const RequestRecord& r : requests) {
        m_ledger->record(r);
    }
    m_ledger->flush();
    QTRY_VERIFY([&] {
        int total = 0;
        for (const QList<QVariant>& args : recorded) {
            total += args.at(0).toInt();
        }
        return total == requests.size();
    }());
    DashboardView::Sources sources;
    sources.ledgerPath = path;
    sources.ledger = m_ledger.get();
    // Reference for savings: m-ref at $1000/$2000 per MTok. The tokens in the last 7 days are
    // 3,500 prompt and 1,750 completion: $3.50 + $3.50 = $7.00, so routing saved $2.50.
    sources.models = { model(QStringLiteral("m-cheap"), QStringLiteral("pa"), 1, 2),
                       model(QStringLiteral("m-ref"), QStringLiteral("pb"), 1000, 2000) };
    m_view = std::make_unique<DashboardView>(sources);
    m_view->resize(1400, 900);
    m_view->show();
    waitForRefresh();
}

void tst_DashboardView::cleanup()
{
    m_view.reset();
    m_ledger.reset();
    m_dir.reset();
}

QString tst_DashboardView::card(const QString& name) const
{
    auto* label = m_view->findChild<QLabel*>(name + QStringLiteral("CardValue"));
    return label ? label->text() : QStringLiteral("(no card %1)").arg(name);
}

QString tst_DashboardView::detail(const QString& name) const
{
    auto* label = m_view->findChild<QLabel*>(name + QStringLiteral("CardDetail"));
    return label ? label->text() : QString();
}

void tst_DashboardView::waitForRefresh()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_view->isUpToDate(), 10000);
}

void tst_DashboardView::headlineCards_matchHandComputedFigures()
{
    QCOMPARE(card(QStringLiteral("spend")), QStringLiteral("$4.50"));
    // ($4.50 - $2.00) / $2.00 = +125% (whole percents from 100% up)
    QVERIFY2(detail(QStringLiteral("spend")).startsWith(QStringLiteral("▲ 125% vs the period before ($2.00)")),
             qPrintable(detail(QStringLiteral("spend"))));
    QCOMPARE(card(QStringLiteral("requests")), QStringLiteral("3"));
    QCOMPARE(card(QStringLiteral("failover")), QStringLiteral("33.3%"));
    QCOMPARE(detail(QStringLiteral("failover")), QStringLiteral("1 of 3 requests failed over"));
    QCOMPARE(m_view->filterBar()->referenceModel(), QStringLiteral("m-ref")); // the most expensive by default
    QCOMPARE(card(QStringLiteral("savings")), QStringLiteral("$2.50"));
    QVERIFY(detail(QStringLiteral("savings")).contains(QStringLiteral("$7.00")));
    QVERIFY2(detail(QStringLiteral("savings")).startsWith(QStringLiteral("36% less than $7.00")),
             qPrintable(detail(QStringLiteral("savings"))));
    QCOMPARE(card(QStringLiteral("budget")), QStringLiteral("—"));

    m_view->filterBar()->setReferenceModel(QStringLiteral("m-cheap"));
    waitForRefresh();
    // 3,500 x $1 + 1,750 x $2 per MTok = $0.007; routing cost $4.493 more.
    QCOMPARE(card(QStringLiteral("savings")), QStringLiteral("-$4.49"));
    // $4.50 spent where m-cheap would have cost $0.007: said as a multiple, not as 64,186% more.
    QVERIFY2(detail(QStringLiteral("savings")).startsWith(QStringLiteral("643 times the $0.007")),
             qPrintable(detail(QStringLiteral("savings"))));
}

void tst_DashboardView::spendChart_stacksDailyCostPerModel()
{
    QChart* chart = m_view->findChild<ChartPanel*>(QStringLiteral("spend"))->chart();
    QVERIFY(chart);
    QHash<QString, QAreaSeries*> byName;
    for (QAbstractSeries* series : chart->series()) {
        byName[series->name()] = qobject_cast<QAreaSeries*>(series);
    }
    QCOMPARE(byName.keys().size(), 2);
    // Each day is drawn flat over its span: two points, at its start and at its end.
    auto valueAt = [](QAreaSeries* area, const QDateTime& day) {
        for (int i = 0; i < area->upperSeries()->count(); i += 2) {
            if (area->upperSeries()->at(i).x() == msecs(day)) {
                return area->upperSeries()->at(i).y() - area->lowerSeries()->at(i).y();
            }
        }
        return -1.0;
    };
    QCOMPARE(valueAt(byName.value(QStringLiteral("m-cheap")), at(9, 0)), 1.00);
    QCOMPARE(valueAt(byName.value(QStringLiteral("m-cheap")), at(8, 0)), 0.50);
    QCOMPARE(valueAt(byName.value(QStringLiteral("m-prem")), at(9, 0)), 3.00);
    QCOMPARE(valueAt(byName.value(QStringLiteral("m-prem")), at(8, 0)), 0.00);
    // Stacked: the top of the second area on 03-09 is the day's total.
    QCOMPARE(byName.value(QStringLiteral("m-cheap"))->upperSeries()->count(), 2 * 8); // 03-03 .. 03-10
    double top = 0;
    for (QAreaSeries* area : byName) {
        for (int i = 0; i < area->upperSeries()->count(); ++i) {
            if (area->upperSeries()->at(i).x() == msecs(at(9, 0))) {
                top = std::max(top, area->upperSeries()->at(i).y());
            }
        }
    }
    QCOMPARE(top, 4.00);

    m_view->filterBar()->setSplit(LedgerSplit::Provider);
    waitForRefresh();
    chart = m_view->findChild<ChartPanel*>(QStringLiteral("spend"))->chart();
    QStringList names;
    for (QAbstractSeries* series : chart->series()) {
        names << series->name();
    }
    names.sort();
    QCOMPARE(names, QStringList({ QStringLiteral("pa"), QStringLiteral("pb") }));
}

void tst_DashboardView::tierAndUptimeCharts_showExactValues()
{
    QChart* tiers = m_view->findChild<ChartPanel*>(QStringLiteral("tiers"))->chart();
    QStackedBarSeries* bars = nullptr;
    QLineSeries* requests = nullptr;
    for (QAbstractSeries* series : tiers->series()) {
        bars = bars ? bars : qobject_cast<QStackedBarSeries*>(series);
        requests = requests ? requests : qobject_cast<QLineSeries*>(series);
    }
    QVERIFY(bars && requests);
    // Tiers in ledger order: fast (req-1, req-3), smart (req-2).
    QCOMPARE(m_view->result().tierUsage.size(), 2);
    const int fast = m_view->result().tierUsage[0].tier == QLatin1String("fast") ? 0 : 1;
    QCOMPARE(requests->at(fast).y(), 2.0);
    QCOMPARE(requests->at(1 - fast).y(), 1.0);
    // Thousands of tokens at this size: "1.5" reads better than "0.0015" millions.
    QCOMPARE(bars->barSets()[0]->at(fast), 1500 / 1e3); // prompt tokens
    QCOMPARE(bars->barSets()[1]->at(1 - fast), 1000 / 1e3); // completion tokens
    QStringList axisTitles;
    for (QAbstractAxis* axis : tiers->axes(Qt::Vertical)) {
        axisTitles << axis->titleText();
    }
    QVERIFY2(axisTitles.contains(QStringLiteral("Tokens (thousands)")), qPrintable(axisTitles.join(u'|')));

    // pa: 3 attempts (req-1, req-3 ok; req-2's first failed with server_error) -> 66.67%; pb: 100%.
    QChart* uptime = m_view->findChild<ChartPanel*>(QStringLiteral("uptime"))->chart();
    QStringList names;
    for (QAbstractSeries* series : uptime->series()) {
        names << series->name();
    }
    QCOMPARE(names, QStringList({ QStringLiteral("pa (66.67%)"), QStringLiteral("pb (100.00%)") }));

    // In German the share reads with a decimal comma, as every other number there.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_view->filterBar()->setSplit(LedgerSplit::Provider);
    waitForRefresh();
    names.clear();
    for (QAbstractSeries* series : uptime->series()) {
        names << series->name();
    }
    QLocale::setDefault(previous);
    QCOMPARE(names, QStringList({ QStringLiteral("pa (66,67%)"), QStringLiteral("pb (100,00%)") }));
}

void tst_DashboardView::filters_changeHeadlineFigures_data()
{
    QTest::addColumn<QStringList>("providers");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QStringList>("tiers");
    QTest::addColumn<QString>("spend");
    QTest::addColumn<QString>("requests");
    QTest::addColumn<QString>("failoverRate");

    QTest::newRow("provider pa keeps req-1 and req-3")
        << QStringList { "pa" } << QStringList() << QStringList() << "$1.50"
        << "2"
        << "0.0%";
    QTest::newRow("tier smart is the failed-over request")
        << QStringList() << QStringList() << QStringList { "smart" } << "$3.00"
        << "1"
        << "100.0%";
    QTest::newRow("model m-cheap and tier fast")
        << QStringList() << QStringList { "m-cheap" } << QStringList { "fast" } << "$1.50"
        << "2"
        << "0.0%";
    QTest::newRow("both providers is everything")
        << QStringList { "pa", "pb" } << QStringList() << QStringList() << "$4.50"
        << "3"
        << "33.3%";
}

void tst_DashboardView::filters_changeHeadlineFigures()
{
    QFETCH(QStringList, providers);
    QFETCH(QStringList, models);
    QFETCH(QStringList, tiers);
    QFETCH(QString, spend);
    QFETCH(QString, requests);
    QFETCH(QString, failoverRate);

    m_view->filterBar()->setSelection(providers, models, tiers);
    waitForRefresh();
    QCOMPARE(m_view->currentFilter().providers, providers);
    QCOMPARE(card(QStringLiteral("spend")), spend);
    QCOMPARE(card(QStringLiteral("requests")), requests);
    QCOMPARE(card(QStringLiteral("failover")), failoverRate);
}

void tst_DashboardView::periods_changeHeadlineFigures_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("spend");
    QTest::addColumn<QString>("requests");

    QTest::newRow("last 30 days adds req-0") << int(DashboardPeriod::Last30Days) << QDate() << QDate() << "$6.50"
                                             << "4";
    QTest::newRow("last 90 days adds the old one") << int(DashboardPeriod::Last90Days) << QDate() << QDate() << "$15.50"
                                                   << "5";
    QTest::newRow("custom day 03-08 is req-3")
        << int(DashboardPeriod::Custom) << QDate(2026, 3, 8) << QDate(2026, 3, 8) << "$0.50"
        << "1";
    QTest::newRow("custom 03-08..03-09 is three")
        << int(DashboardPeriod::Custom) << QDate(2026, 3, 8) << QDate(2026, 3, 9) << "$4.50"
        << "3";
}

void tst_DashboardView::periods_changeHeadlineFigures()
{
    QFETCH(int, period);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, spend);
    QFETCH(QString, requests);

    if (first.isValid()) {
        m_view->filterBar()->setCustomRange(first, last);
    } else {
        m_view->filterBar()->setPeriod(DashboardPeriod(period));
    }
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("spend")), spend);
    QCOMPARE(card(QStringLiteral("requests")), requests);
}

// One money formatter: the dashboard said "$0,0002" in German where the workbench said "$0.000213".
void tst_DashboardView::spendCard_inGerman_readsAsTheWorkbench()
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_view->filterBar()->setCustomRange(QDate(2026, 3, 8), QDate(2026, 3, 8));
    waitForRefresh();
    ColumnFigures figures;
    figures.priced = true;
    figures.costUsd = 0.5; // what was spent that day
    const QString workbench = FigureFormat::cost(figures);
    const QString dashboard = card(QStringLiteral("spend"));
    QLocale::setDefault(previous);
    QCOMPARE(dashboard, QStringLiteral("$0,50"));
    QCOMPARE(dashboard, workbench);
}

void tst_DashboardView::emptyPeriod_explainsItself()
{
    m_view->filterBar()->setPeriod(DashboardPeriod::Today);
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("spend")), QStringLiteral("$0.00"));
    auto* spend = m_view->findChild<ChartPanel*>(QStringLiteral("spend"));
    QVERIFY(spend->isEmptyShown());
    QCOMPARE(spend->emptyText(), QStringLiteral("No requests today — send one from the Workbench."));

    m_view->filterBar()->setPeriod(DashboardPeriod::Last7Days);
    m_view->filterBar()->setSelection({ QStringLiteral("nobody") }, {}, {});
    waitForRefresh();
    QCOMPARE(spend->emptyText(), QStringLiteral("No requests match these filters in the last 7 days."));
}

void tst_DashboardView::noLedger_explainsItself()
{
    DashboardView view(DashboardView::Sources {});
    auto* spend = view.findChild<ChartPanel*>(QStringLiteral("spend"));
    QVERIFY(spend->isEmptyShown());
    QVERIFY(spend->emptyText().startsWith(QStringLiteral("The ledger is off")));
}

void tst_DashboardView::failoverTable_listsEachEvent()
{
    auto* table = m_view->findChild<QTableView*>(QStringLiteral("failoverTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("2026-03-09 11:00:00"));
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("m-cheap"));
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("m-prem"));
    QCOMPARE(table->model()->index(0, 4).data().toString(), QStringLiteral("upstream overloaded"));
    QVERIFY(!m_view->findChild<ChartPanel*>(QStringLiteral("failovers"))->isEmptyShown());
}

void tst_DashboardView::exportCsv_writesExpectedRows()
{
    const QString failovers = m_dir->filePath(QStringLiteral("failovers.csv"));
    QVERIFY(m_view->exportCsv(DashboardView::Panel::Failovers, failovers));
    QFile file(failovers);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("time_utc,from_model,to_model,failure_class,message,request_id\r\n"
                            "2026-03-09T11:00:00Z,m-cheap,m-prem,server_error,upstream overloaded,req-2\r\n"));

    const QString spend = m_dir->filePath(QStringLiteral("spend.csv"));
    QVERIFY(m_view->exportCsv(DashboardView::Panel::Spend, spend));
    QFile spendFile(spend);
    QVERIFY(spendFile.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(spendFile.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.takeFirst(), QStringLiteral("bucket_start_utc,key,cost_usd,requests,unpriced_requests"));
    lines.sort();
    QCOMPARE(lines,
             QStringList({ QStringLiteral("2026-03-08T00:00:00Z,m-cheap,0.5,1,0"),
                           QStringLiteral("2026-03-09T00:00:00Z,m-cheap,1,1,0"),
                           QStringLiteral("2026-03-09T00:00:00Z,m-prem,3,1,0") }));
}

void tst_DashboardView::exportPng_writesImage()
{
    const QString path = m_dir->filePath(QStringLiteral("uptime.png"));
    QVERIFY(m_view->exportPng(DashboardView::Panel::Uptime, path));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100);
}

void tst_DashboardView::drillDown_listsMatchingRequests()
{
    DrillDownQuery query;
    query.filter = m_view->currentFilter();
    query.filter.from = at(9, 0);
    query.filter.until = at(10, 0);
    query.filter.tiers = { QStringLiteral("fast") };
    RequestListDialog* dialog = m_view->showRequests(query, QStringLiteral("fast on 03-09"));
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(dialog->requests().first().id, QStringLiteral("req-1"));

    DrillDownQuery event;
    event.match.failedOverOnly = true;
    event.match.requestId = QStringLiteral("req-2");
    event.filter.from = at(9, 10);
    event.filter.until = at(9, 12);
    QPointer<RequestListDialog> second = m_view->showRequests(event, QStringLiteral("failover"));
    QTRY_COMPARE(second->model()->rowCount(), 1);
    QCOMPARE(second->requests().first().failovers.size(), 1);
}

void tst_DashboardView::ledgerRecording_refreshesLive()
{
    QSignalSpy refreshed(m_view.get(), &DashboardView::refreshed);
    m_ledger->record(request(QStringLiteral("req-new"), at(10, 12), QStringLiteral("fast"), QStringLiteral("m-cheap"),
                             QStringLiteral("pa"), 0.25, 10, 10));
    QTRY_COMPARE_WITH_TIMEOUT(card(QStringLiteral("spend")), QStringLiteral("$4.75"), 10000);
    QCOMPARE(card(QStringLiteral("requests")), QStringLiteral("4"));
    QTRY_COMPARE(refreshed.size(), 1); // one commit, one debounced refresh
}

void tst_DashboardView::burstOfChanges_appliesOnlyTheNewest()
{
    QSignalSpy refreshed(m_view.get(), &DashboardView::refreshed);
    const QList<DashboardPeriod> periods
        = { DashboardPeriod::Last90Days, DashboardPeriod::Today,      DashboardPeriod::Last30Days,
            DashboardPeriod::Today,      DashboardPeriod::Last90Days, DashboardPeriod::Last30Days };
    for (DashboardPeriod period : periods) {
        m_view->filterBar()->setPeriod(period);
    }
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("spend")), QStringLiteral("$6.50"));
    QVERIFY2(refreshed.size() < periods.size(), qPrintable(QString::number(refreshed.size())));
    QCOMPARE(refreshed.last().at(0).toULongLong(), m_view->appliedGeneration());
}

void tst_DashboardView::applyingAResult_letsTimersRunBetweenCharts()
{
    // A zero-interval timer runs once per event-loop turn: counting its ticks from the moment the
    // result arrives until it is fully on screen counts the turns the dashboard left to input,
    // painting and other timers. Applying everything in one go leaves none.
    const quint64 before = m_view->appliedGeneration();
    bool applying = false;
    int turns = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] {
        applying = applying || m_view->result().generation != before;
        turns += applying ? 1 : 0;
    });
    connect(m_view.get(), &DashboardView::refreshed, &ticker, &QTimer::stop);
    ticker.start();
    m_view->filterBar()->setPeriod(DashboardPeriod::Last30Days);
    waitForRefresh();
    QVERIFY(m_view->appliedGeneration() != before);
    // Five charts, each updated in a turn, shown in another and painted in a third of their own,
    // then the failover table.
    QVERIFY2(turns >= 15, qPrintable(QString::number(turns)));
}

void tst_DashboardView::refresh_updatesChartsInPlace()
{
    // A refresh replaces the data of the existing chart and series: nothing is rebuilt and laid
    // out from scratch, so only what changed is repainted.
    auto* spend = m_view->findChild<ChartPanel*>(QStringLiteral("spend"));
    QChart* chart = spend->chart();
    const QList<QAbstractSeries*> series = chart->series();
    const QList<QAbstractAxis*> axes = chart->axes();
    QCOMPARE(series.size(), 2);
    auto* area = qobject_cast<QAreaSeries*>(series.first());
    QVERIFY(area);
    QSignalSpy replaced(area->upperSeries(), &QXYSeries::pointsReplaced);
    QSignalSpy added(area->upperSeries(), &QXYSeries::pointAdded);

    m_view->filterBar()->setPeriod(DashboardPeriod::Last30Days);
    waitForRefresh();
    QCOMPARE(spend->chart(), chart);
    QCOMPARE(chart->series(), series);
    QCOMPARE(chart->axes(), axes);
    QCOMPARE(replaced.size(), 1); // all points in one call
    QCOMPARE(added.size(), 0);
    QCOMPARE(area->upperSeries()->count(), 2 * 31); // 02-08 13:00 .. 03-10: each day flat, start and end

    // Stacking by tier keeps one area per key: m-cheap and m-prem become fast and smart.
    m_view->filterBar()->setSplit(LedgerSplit::Tier);
    waitForRefresh();
    QCOMPARE(spend->chart()->series(), series);
    QStringList names;
    for (QAbstractSeries* s : series) {
        names << s->name();
    }
    names.sort();
    QCOMPARE(names, QStringList({ QStringLiteral("fast"), QStringLiteral("smart") }));

    // One key left: the second area goes.
    m_view->filterBar()->setSplit(LedgerSplit::None);
    waitForRefresh();
    QCOMPARE(spend->chart()->series().size(), 1);
    QCOMPARE(spend->chart()->series().first(), series.first());
}

// A workbench comparison and a gateway request of client key "key-a" join the data set: the
// source and key filters narrow the cards, savings leave the comparison out unless widened, and
// the per-class table lists tier x model against m-ref ($1000 / $2000 per MTok).
void tst_DashboardView::sourceAndKeyFilters_andSavingsOnRoutedTrafficByClass()
{
    RequestRecord comparison = request(QStringLiteral("req-wb"), at(10, 1), QStringLiteral("smart"),
                                       QStringLiteral("m-prem"), QStringLiteral("pb"), 5.00, 1000, 1000);
    comparison.source = RequestSource::Workbench;
    comparison.compareGroup = QStringLiteral("cmp");
    RequestRecord keyed = request(QStringLiteral("req-gw"), at(10, 2), QStringLiteral("fast"),
                                  QStringLiteral("m-cheap"), QStringLiteral("pa"), 0.25, 100, 100);
    keyed.source = RequestSource::Gateway;
    keyed.clientKey = QStringLiteral("key-a");
    m_ledger->record(comparison);
    m_ledger->record(keyed);
    m_ledger->flush();
    QTRY_COMPARE_WITH_TIMEOUT(card(QStringLiteral("requests")), QStringLiteral("5"), 10000);
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("spend")), QStringLiteral("$9.75"));

    // Routed: req-1, req-2, req-3, req-gw: 3,600 prompt + 1,850 completion tokens = $3.60 + $3.70
    // on m-ref, $4.75 spent.
    auto* routedOnly = m_view->findChild<QCheckBox*>(QStringLiteral("savingsRoutedOnly"));
    QVERIFY(routedOnly && routedOnly->isChecked());
    QCOMPARE(card(QStringLiteral("savings")), QStringLiteral("$2.55"));
    auto* table = m_view->findChild<QTableView*>(QStringLiteral("savingsTable"));
    QVERIFY(table);
    auto rowText = [table](int row) {
        QStringList cells;
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            cells << table->model()->index(row, column).data().toString();
        }
        return cells.join(QStringLiteral(" | "));
    };
    QCOMPARE(table->model()->rowCount(), 2);
    // smart x m-prem: req-2 ($3.00; 2,000 + 1,000 tokens = $2.00 + $2.00 on m-ref): 25% saved.
    QCOMPARE(rowText(0), QStringLiteral("smart | m-prem | 1 | 3,000 | $3.00 | $4.00 | 25.0%"));
    // fast x m-cheap: req-1, req-3, req-gw ($1.75; 1,600 + 850 tokens = $1.60 + $1.70): 47% saved.
    QCOMPARE(rowText(1), QStringLiteral("fast | m-cheap | 3 | 2,450 | $1.75 | $3.30 | 47.0%"));

    // Widened to everything: the $5.00 comparison (2,000 tokens = $3.00 on m-ref) counts too.
    routedOnly->setChecked(false);
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("savings")), QStringLiteral("$0.55"));
    QCOMPARE(table->model()->rowCount(), 2);

    m_view->filterBar()->setSources({ QStringLiteral("workbench") });
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("requests")), QStringLiteral("1"));
    QCOMPARE(card(QStringLiteral("spend")), QStringLiteral("$5.00"));
    QCOMPARE(m_view->currentFilter().sources, QStringList { QStringLiteral("workbench") });
    auto* sources = m_view->findChild<QToolButton*>(QStringLiteral("sourceFilter"));
    QVERIFY(sources);
    QCOMPARE(sources->text(), QStringLiteral("Workbench"));

    m_view->filterBar()->setSources({});
    m_view->filterBar()->setClientKeys({ QStringLiteral("key-a") });
    waitForRefresh();
    QCOMPARE(card(QStringLiteral("requests")), QStringLiteral("1"));
    QCOMPARE(card(QStringLiteral("spend")), QStringLiteral("$0.25"));
    auto* keys = m_view->findChild<QToolButton*>(QStringLiteral("clientKeyFilter"));
    QVERIFY(keys);
    QCOMPARE(keys->text(), QStringLiteral("key-a"));
    QCOMPARE(keys->menu()->actions().size(), 3); // "All keys", a separator, key-a
}

QTEST_MAIN(tst_DashboardView)
#include "tst_DashboardView.moc"
