// Issue 22 item 13, the dashboard's smaller defects, read as a user sees them: a failover opens
// with one click or Enter and shows the failed attempt next to the final one, durations read as
// the app writes them elsewhere ("2.85 s"), the request list is newest first with a sort arrow
// that says so and sorts numbers as numbers; an export confirms where it went and its PNG says
// what it shows (title, period, filters); two long model names sharing a prefix never read the
// same in a chart's legend.
#include "ui/common/FileDialogs.h"
#include "ui/dashboard/ChartPanel.h"
#include "ui/dashboard/DashboardFilterBar.h"
#include "ui/dashboard/DashboardView.h"
#include "ui/dashboard/LegendLabels.h"
#include "ui/dashboard/RequestListDialog.h"
#include "ui/settings/Appearance.h"

#include "core/common/Clock.h"
#include "core/common/FailureClass.h"
#include "core/ledger/Ledger.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

namespace {
// Now is 2026-03-10 12:30 UTC; the default period is the last 7 days.
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 30), Qt::UTC);
const QString kSonnetNew = QStringLiteral("anthropic/claude-sonnet-4-5-20250929");
const QString kSonnetOld = QStringLiteral("anthropic/claude-sonnet-4-5-20250514");

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

AttemptRecord attempt(const QString& model, const QString& provider, const QDateTime& start, qint64 ms, bool ok)
{
    return { model,
             provider,
             start,
             start.addMSecs(ms),
             ok ? AttemptOutcome::Ok : AttemptOutcome::Failed,
             ok ? QString() : QStringLiteral("server_error"),
             ok ? 200 : 503,
             ok ? QString() : QStringLiteral("upstream overloaded") };
}

RequestRecord request(const QString& id, const QDateTime& start, const QString& model, const QString& provider,
                      double cost, qint64 latencyMs)
{
    RequestRecord r;
    r.id = id;
    r.startedAt = start;
    r.source = RequestSource::Route;
    r.tier = QStringLiteral("coding");
    r.finalModel = model;
    r.finalProvider = provider;
    r.status = RequestStatus::Ok;
    r.latencyMs = latencyMs;
    r.ttftMs = 200;
    r.usage.promptTokens = 1000;
    r.usage.completionTokens = 500;
    r.costUsd = cost;
    r.priceVersion = 1;
    r.attempts = { attempt(model, provider, start, latencyMs, true) };
    return r;
}

// req-fail went to openai/gpt-4.1 first, which failed with a 503 after 2,850 ms; the newer
// Sonnet answered in 1,200 ms, 4,050 ms after the start.
QList<RequestRecord> knownRequests()
{
    RequestRecord failedOver
        = request(QStringLiteral("req-fail"), at(9, 11), kSonnetNew, QStringLiteral("anthropic"), 0.30, 4050);
    failedOver.attempts = { attempt(QStringLiteral("openai/gpt-4.1"), QStringLiteral("openai"), at(9, 11), 2850, false),
                            attempt(kSonnetNew, QStringLiteral("anthropic"), at(9, 11).addMSecs(2850), 1200, true) };
    failedOver.failovers = { FailoverRecord { at(9, 11).addMSecs(2850), QStringLiteral("openai/gpt-4.1"), kSonnetNew,
                                              QStringLiteral("server_error"), QStringLiteral("upstream overloaded") } };
    return {
        request(QStringLiteral("req-new"), at(9, 10), kSonnetNew, QStringLiteral("anthropic"), 2.00, 1000),
        failedOver,
        request(QStringLiteral("req-old"), at(8, 10), kSonnetOld, QStringLiteral("anthropic"), 1.00, 12400),
        request(QStringLiteral("req-cheap"), at(7, 9), QStringLiteral("deepseek-chat"), QStringLiteral("deepseek"),
                0.10, 900),
    };
}

// The texts the legend draws, as on screen (with the "..." the legend adds when it cuts one).
QStringList legendTexts(QChart* chart)
{
    QStringList texts;
    for (QGraphicsItem* item : chart->scene()->items(Qt::AscendingOrder)) {
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (text && text->isVisible() && chart->legend()->isAncestorOf(text)) {
            texts << text->toPlainText();
        }
    }
    return texts;
}

QToolButton* panelButton(ChartPanel* panel, const QString& text)
{
    for (QToolButton* button : panel->findChildren<QToolButton*>()) {
        if (button->text() == text) {
            return button;
        }
    }
    return nullptr;
}
} // namespace

class tst_DashboardReadable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(Appearance::installLanguage(QStringLiteral("en"))); // the English plural forms
        m_clock = std::make_unique<MockClock>(kNow);
        Clock::setInstance(m_clock.get());
        QDir().mkpath(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR));
    }
    void cleanupTestCase() { Clock::setInstance(nullptr); }

    void init()
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
        m_view = std::make_unique<DashboardView>(sources);
        m_view->resize(1400, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        waitForRefresh();
    }
    void cleanup()
    {
        m_view.reset();
        m_ledger.reset();
        m_dir.reset();
    }

    void failoverEvent_opensOnOneActivation_withEveryAttempt_data()
    {
        QTest::addColumn<bool>("byKey");
        QTest::newRow("single click") << false;
        QTest::newRow("Enter key") << true;
    }
    void failoverEvent_opensOnOneActivation_withEveryAttempt()
    {
        QFETCH(bool, byKey);
        auto* table = m_view->findChild<QTableView*>(QStringLiteral("failoverTable"));
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->scrollTo(table->model()->index(0, 0));
        const QRect cell = table->visualRect(table->model()->index(0, 1));
        if (byKey) {
            table->setFocus();
            table->setCurrentIndex(table->model()->index(0, 1));
            QTest::keyClick(table, Qt::Key_Return);
        } else {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        }
        RequestListDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_view->findChild<RequestListDialog*>()) && dialog->isVisible());
        QTRY_COMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->index(0, RequestListDialog::LatencyColumn).data().toString(),
                 QStringLiteral("4.05 s"));

        // The failed attempt and the final one, as a user reads them.
        QStandardItemModel* attempts = dialog->attemptsModel();
        QTRY_COMPARE(attempts->rowCount(), 2);
        QVERIFY(dialog->attemptsTable()->isVisible());
        auto cell2 = [&](int row, int column) { return attempts->index(row, column).data().toString(); };
        const QString serverError = FailureClasses::displayName(FailureClass::ServerError);
        const QStringList failed { QStringLiteral("1"),
                                   QStringLiteral("openai"),
                                   QStringLiteral("openai/gpt-4.1"),
                                   QStringLiteral("failed"),
                                   serverError,
                                   QStringLiteral("503"),
                                   QStringLiteral("2.85 s"),
                                   QStringLiteral("upstream overloaded") };
        const QStringList answered { QStringLiteral("2"),
                                     QStringLiteral("anthropic"),
                                     kSonnetNew,
                                     QStringLiteral("answered"),
                                     QStringLiteral("—"),
                                     QStringLiteral("200"),
                                     QStringLiteral("1.20 s"),
                                     QString() };
        for (int column = 0; column < failed.size(); ++column) {
            QCOMPARE(cell2(0, column), failed[column]);
            QCOMPARE(cell2(1, column), answered[column]);
        }
        QVERIFY(dialog->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/dashboard-failover-attempts-%1.png")
                                        .arg(byKey ? QStringLiteral("enter") : QStringLiteral("click"))));
    }

    // Newest first with the arrow on Time pointing that way; a click on Latency sorts by the
    // duration, not by its text ("900 ms" after "12.4 s" as text).
    void requestList_newestFirst_sortIndicatorAgrees_sortsDurationsAsNumbers()
    {
        DrillDownQuery query;
        query.filter = m_view->currentFilter();
        RequestListDialog* dialog = m_view->showRequests(query, QStringLiteral("all"));
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->model()->rowCount(), 4);
        QHeaderView* header = dialog->table()->horizontalHeader();
        QVERIFY(header->isSortIndicatorShown());
        QCOMPARE(header->sortIndicatorSection(), int(RequestListDialog::TimeColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QStringList times;
        for (int row = 0; row < 4; ++row) {
            times << dialog->model()->index(row, RequestListDialog::TimeColumn).data().toString();
        }
        QCOMPARE(times,
                 QStringList({ QStringLiteral("2026-03-09 11:00:00"), QStringLiteral("2026-03-09 10:00:00"),
                               QStringLiteral("2026-03-08 10:00:00"), QStringLiteral("2026-03-07 09:00:00") }));

        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(RequestListDialog::LatencyColumn)
                                     + header->sectionSize(RequestListDialog::LatencyColumn) / 2,
                                 header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), int(RequestListDialog::LatencyColumn));
        QStringList latencies;
        for (int row = 0; row < 4; ++row) {
            latencies << dialog->model()->index(row, RequestListDialog::LatencyColumn).data().toString();
        }
        const QStringList ascending { QStringLiteral("900 ms"), QStringLiteral("1.00 s"), QStringLiteral("4.05 s"),
                                      QStringLiteral("12.4 s") };
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(latencies, header->sortIndicatorOrder() == Qt::AscendingOrder ? ascending : descending);
    }

    // Both export buttons of a panel and the request list's: after saving, the page says where.
    // The PNG carries the panel's title, the period and the filters above the chart.
    void exports_confirmWhereTheyWent_pngSaysWhatItShows()
    {
        m_view->filterBar()->setSelection({ QStringLiteral("anthropic") }, {}, {});
        waitForRefresh();
        auto* spend = m_view->findChild<ChartPanel*>(QStringLiteral("spend"));
        QVERIFY(spend);
        QLabel* note = m_view->exportNote();
        QVERIFY(!note->isVisible());

        const QString png = m_dir->filePath(QStringLiteral("spend-anthropic.png"));
        FileDialogs::setNextSaveFileName(png);
        QToolButton* pngButton = panelButton(spend, QStringLiteral("PNG"));
        QVERIFY(pngButton);
        pngButton->click();
        QVERIFY(QFile::exists(png));
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(),
                 QStringLiteral("Saved the chart \"Spend over time\" to %1").arg(QDir::toNativeSeparators(png)));

        const QImage image(png);
        QVERIFY(!image.isNull());
        const int chartHeight = spend->chartView()->height();
        QCOMPARE(image.width(), spend->chartView()->width());
        QVERIFY2(image.height() >= chartHeight + 3 * QFontMetrics(m_view->font()).height(),
                 qPrintable(QStringLiteral("%1 px high for a %2 px chart").arg(image.height()).arg(chartHeight)));
        const QStringList header = m_view->pngHeader(DashboardView::Panel::Spend);
        QCOMPARE(header.value(0), QStringLiteral("Spend over time"));
        QVERIFY2(header.value(1).startsWith(QStringLiteral("Last 7 days: ")), qPrintable(header.value(1)));
        QCOMPARE(header.value(2), QStringLiteral("Filters: Providers: anthropic"));
        QCOMPARE(image.text(QStringLiteral("Title")), header.value(0));
        QCOMPARE(image.text(QStringLiteral("Description")), header.mid(1).join(u'\n'));
        // The header band holds drawn text on each of its three lines, not an empty strip.
        const QColor base = m_view->palette().color(QPalette::Base);
        const int band = image.height() - chartHeight;
        int inkedRows = 0;
        for (int y = 0; y < band; ++y) {
            int inked = 0;
            for (int x = 0; x < image.width(); ++x) {
                inked += QColor(image.pixel(x, y)) != base ? 1 : 0;
            }
            inkedRows += inked > 2 ? 1 : 0;
        }
        QVERIFY2(inkedRows >= 3 * QFontMetrics(m_view->font()).ascent() / 2,
                 qPrintable(QStringLiteral("%1 rows with text in a %2 px header").arg(inkedRows).arg(band)));
        QFile::copy(png, QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/dashboard-export-spend.png"));

        const QString csv = m_dir->filePath(QStringLiteral("spend.csv"));
        FileDialogs::setNextSaveFileName(csv);
        panelButton(spend, QStringLiteral("CSV"))->click();
        QVERIFY(QFile::exists(csv));
        QCOMPARE(note->text(),
                 QStringLiteral("Saved the numbers of \"Spend over time\" to %1").arg(QDir::toNativeSeparators(csv)));

        DrillDownQuery query;
        query.filter = m_view->currentFilter();
        RequestListDialog* dialog = m_view->showRequests(query, QStringLiteral("all"));
        QTRY_COMPARE(dialog->model()->rowCount(), 3);
        const QString requests = m_dir->filePath(QStringLiteral("requests.csv"));
        QVERIFY(dialog->exportCsv(requests));
        QCOMPARE(dialog->statusLabel()->text(),
                 QStringLiteral("Saved 3 requests to %1").arg(QDir::toNativeSeparators(requests)));
    }

    // The spend chart stacked by model, at a width where the legend cannot hold both Sonnet
    // names whole: each entry still reads differently, shortened in the middle, never cut by the
    // legend itself.
    void legend_longNamesSharingAPrefix_neverReadTheSame_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("1400 px page") << 1400;
        QTest::newRow("960 px page") << 960;
        QTest::newRow("700 px page") << 700;
    }
    void legend_longNamesSharingAPrefix_neverReadTheSame()
    {
        QFETCH(int, width);
        m_view->resize(width, 900);
        waitForRefresh();
        auto* spend = m_view->findChild<ChartPanel*>(QStringLiteral("spend"));
        QChart* chart = spend->chart();
        QVERIFY(chart->legend()->isVisible());
        QTRY_COMPARE(legendTexts(chart).size(), 3);
        QTest::qWait(50); // the legend's own layout pass
        const QStringList texts = legendTexts(chart);
        QVERIFY(spend->grab().save(QStringLiteral(SWITCHYARD_SCREENSHOT_DIR "/dashboard-legend-%1.png").arg(width)));
        const QStringList names { kSonnetNew, kSonnetOld, QStringLiteral("deepseek-chat") };
        QStringList labels;
        for (QLegendMarker* marker : chart->legend()->markers()) {
            labels << marker->label();
        }
        const QString seen = texts.join(QStringLiteral(" | ")) + QStringLiteral(" (labels ")
            + labels.join(QStringLiteral(" | "))
            + QStringLiteral("; chart %1 px, legend %2 px)")
                  .arg(chart->size().width())
                  .arg(chart->legend()->geometry().width());
        for (const QString& text : texts) {
            QVERIFY2(!text.contains(QStringLiteral("...")), qPrintable(seen));
            QCOMPARE(texts.count(text), 1);
        }
        for (const QString& name : names) {
            const bool shown = std::any_of(texts.begin(), texts.end(), [&](const QString& text) {
                const int cut = text.indexOf(u'…');
                return text == name || (cut > 0 && name.startsWith(text.left(cut)) && name.endsWith(text.mid(cut + 1)));
            });
            QVERIFY2(shown, qPrintable(name + QStringLiteral(" not in ") + texts.join(QStringLiteral(" | "))));
        }
        // Each Sonnet keeps its date, the part that tells them apart.
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString& t) { return t.endsWith(u"0929"); }));
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString& t) { return t.endsWith(u"0514"); }));
        if (width <= 700) {
            QVERIFY2(texts.join(QString()).contains(u'…'), "too wide to test shortening");
        }
    }

    void legendLabels_fit_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("whole");
        QTest::newRow("room for all: whole") << QStringList { kSonnetNew, kSonnetOld } << 2000 << true;
        QTest::newRow("shared prefix, tight") << QStringList { kSonnetNew, kSonnetOld } << 260 << false;
        QTest::newRow("differ only in the middle")
            << QStringList { QStringLiteral("provider/model-alpha-version-final"),
                             QStringLiteral("provider/model-betaa-version-final") }
            << 200 << false;
        QTest::newRow("a short name stays whole")
            << QStringList { kSonnetNew, QStringLiteral("gpt-4.1"), kSonnetOld } << 360 << false;
    }
    void legendLabels_fit()
    {
        QFETCH(QStringList, names);
        QFETCH(int, width);
        QFETCH(bool, whole);
        const QFontMetrics metrics(m_view->font());
        const int overhead = 20;
        const QStringList labels = LegendLabels::fit(names, metrics, width, overhead);
        QCOMPARE(labels.size(), names.size());
        QCOMPARE(labels == names, whole);
        int total = 0;
        for (int i = 0; i < labels.size(); ++i) {
            QCOMPARE(labels.count(labels[i]), 1);
            total += metrics.horizontalAdvance(labels[i]) + overhead;
            if (names[i].size() <= 8) {
                QCOMPARE(labels[i], names[i]);
            }
        }
        QVERIFY2(whole || total <= width, qPrintable(QStringLiteral("%1 px in %2").arg(total).arg(width)));
    }

private:
    void waitForRefresh() { QTRY_VERIFY_WITH_TIMEOUT(m_view->isUpToDate(), 10000); }

    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<DashboardView> m_view;
};

QTEST_MAIN(tst_DashboardReadable)
#include "tst_DashboardReadable.moc"
