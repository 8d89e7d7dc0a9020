#include "ui/dashboard/DashboardView.h"

#include "ui/dashboard/AlertLogPanel.h"
#include "ui/dashboard/ChartPanel.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/DashboardCsv.h"
#include "ui/dashboard/FailoverChart.h"
#include "ui/dashboard/HeadlineCards.h"
#include "ui/dashboard/LatencyChart.h"
#include "ui/dashboard/PrimariesCard.h"
#include "ui/dashboard/ReconcileDialog.h"
#include "ui/dashboard/RequestListDialog.h"
#include "ui/dashboard/SlicedApply.h"
#include "ui/dashboard/SpendChart.h"
#include "ui/dashboard/TierChart.h"
#include "ui/dashboard/UptimeChart.h"

#include "core/common/Clock.h"
#include "core/common/FailureClass.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/engine/PrimaryChains.h"
#include "core/ledger/DashboardWorker.h"
#include "core/ledger/Ledger.h"
#include "core/pricing/BudgetTracker.h"
#include "core/routing/Router.h"
#include "ui/common/FileDialogs.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace {
DashboardView::Sources sourcesOf(Engine& engine)
{
    DashboardView::Sources sources;
    sources.ledgerPath = engine.ledgerPath();
    sources.ledger = engine.ledger();
    sources.models = engine.models();
    sources.budgets = engine.budgets();
    sources.providers = engine.providers();
    sources.chains = [&engine] {
        return PrimaryChains::of(engine.router()->policy(), [&engine](const QString& id) { return engine.model(id); });
    };
    sources.primaryRule = PrimaryChains::rule(engine.homeDir());
    return sources;
}
} // namespace

DashboardView::DashboardView(Engine& engine, QWidget* parent)
    : DashboardView(sourcesOf(engine), parent)
{
    // The engine reports requests recorded outside a Ledger signal we already watch (none today),
    // and model/price changes come with configChanged.
    connect(&engine, &Engine::configChanged, this, [this, &engine] {
        m_sources.models = engine.models();
        m_sources.providers = engine.providers();
        m_filterBar->setReferenceModels(m_sources.models);
    });
    if (!m_sources.ledger) {
        connect(&engine, &Engine::requestRecorded, this, [this] {
            if (!m_liveTimer.isActive()) {
                m_liveTimer.start();
            }
        });
    }
}

DashboardView::DashboardView(const Sources& sources, QWidget* parent)
    : QWidget(parent)
    , m_sources(sources)
    , m_filterBar(new DashboardFilterBar(this))
    , m_spendChart(new SpendChart)
    , m_tierChart(new TierChart)
    , m_uptimeChart(new UptimeChart)
    , m_latencyChart(new LatencyChart)
    , m_failoverChart(new FailoverChart)
    , m_failoverModel(new QStandardItemModel(this))
    , m_failoverTable(new QTableView(this))
    , m_failoverNote(new QLabel(this))
    , m_exportNote(new QLabel(this))
    , m_failoverAll(new QPushButton(this))
    , m_savingsModel(new QStandardItemModel(this))
    , m_savingsTable(new QTableView(this))
    , m_primaries(new PrimariesCard(this))
    , m_alertLog(new AlertLogPanel(this))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<DashboardQuery>();
    qRegisterMetaType<DashboardResult>();
    qRegisterMetaType<DrillDownQuery>();
    qRegisterMetaType<QList<RequestRecord>>();
    setObjectName(QStringLiteral("dashboardView"));
    buildLayout();
    m_filterBar->setReferenceModels(m_sources.models);

    // Live updates: at most one refresh per half second while requests keep arriving.
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(500);
    connect(&m_liveTimer, &QTimer::timeout, this, &DashboardView::refresh);
    m_slices = new SlicedApply(this);
    connect(m_slices, &SlicedApply::finished, this, &DashboardView::finishApply);
    if (m_sources.ledger) {
        connect(m_sources.ledger, &Ledger::recorded, this, [this] {
            if (!m_liveTimer.isActive()) {
                m_liveTimer.start();
            }
        });
    }
    connect(m_filterBar, &DashboardFilterBar::changed, this, &DashboardView::refresh);
    if (m_sources.budgets) {
        // A budget set in Settings shows at once, not with the next ledger change.
        connect(m_sources.budgets, &BudgetTracker::settingsChanged, m_cards,
                [this] { m_cards->setBudgets(m_sources.budgets); });
    }

    if (!m_sources.ledgerPath.isEmpty()) {
        m_worker = new DashboardWorker(m_sources.ledgerPath, m_latest);
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(m_worker, &DashboardWorker::loaded, this, &DashboardView::apply);
        connect(m_worker, &DashboardWorker::requestsFound, this,
                [this](quint64 generation, const QList<RequestRecord>& requests, bool truncated) {
                    if (m_drillDialog && m_drillDialog->generation() == generation) {
                        m_drillDialog->setRequests(requests, truncated);
                    }
                });
        m_thread.setObjectName(QStringLiteral("dashboard queries"));
        m_thread.start();
    }
    refresh();
}

void DashboardView::setAlertTray(AlertTray* tray)
{
    m_alertLog->setTray(tray);
}

DashboardView::~DashboardView()
{
    m_latest->store(~quint64(0)); // queued requests become stale and are skipped
    m_thread.quit();
    m_thread.wait();
}

void DashboardView::buildLayout()
{
    m_cards = new HeadlineCards(this);
    m_panels << new ChartPanel(QStringLiteral("spend"), tr("Spend over time"), this)
             << new ChartPanel(QStringLiteral("tiers"), tr("Requests and tokens per tier"), this)
             << new ChartPanel(QStringLiteral("uptime"), tr("Provider uptime (share of good attempts)"), this)
             << new ChartPanel(QStringLiteral("latency"), tr("Latency and time to first token per model"), this)
             << new ChartPanel(QStringLiteral("failovers"), tr("Failover events by failure class"), this);
    panel(Panel::Spend)->setChart(m_spendChart);
    panel(Panel::Tiers)->setChart(m_tierChart);
    panel(Panel::Uptime)->setChart(m_uptimeChart);
    panel(Panel::Latency)->setChart(m_latencyChart);
    panel(Panel::Failovers)->setChart(m_failoverChart);

    m_failoverModel->setHorizontalHeaderLabels({ tr("Time"), tr("From"), tr("To"), tr("Class"), tr("Message") });
    m_failoverTable->setObjectName(QStringLiteral("failoverTable"));
    m_failoverTable->setModel(m_failoverModel);
    m_failoverTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_failoverTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_failoverTable->verticalHeader()->hide();
    m_failoverTable->verticalHeader()->setDefaultSectionSize(m_failoverTable->fontMetrics().height() + 6);
    m_failoverTable->horizontalHeader()->setStretchLastSection(true);
    for (const auto& [column, width] : { std::pair { 0, 160 }, { 1, 150 }, { 2, 150 }, { 3, 190 } }) {
        m_failoverTable->setColumnWidth(column, width);
    }
    m_failoverTable->setMinimumHeight(150);
    // Hidden when there are no failovers, but keeping its place: the charts above must not be
    // resized (re-laid out and repainted all together) when the period changes.
    QSizePolicy tablePolicy = m_failoverTable->sizePolicy();
    tablePolicy.setRetainSizeWhenHidden(true);
    m_failoverTable->setSizePolicy(tablePolicy);
    m_failoverTable->setToolTip(tr("Click an event to open its request"));
    // One click (or Enter) opens it: a table of events is read by opening them.
    connect(m_failoverTable, &QTableView::activated, m_failoverTable, &QTableView::clicked);
    connect(m_failoverTable, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const int row = index.row();
        if (row < 0 || row >= m_result.failovers.size()) {
            return;
        }
        const FailoverEvent& event = m_result.failovers[row];
        // The failover's own time finds it through the failovers_at index, however old it is.
        DrillDownQuery query;
        query.match.failedOverOnly = true;
        query.match.requestId = event.requestId;
        query.filter.from = event.at;
        query.filter.until = event.at.addMSecs(1);
        showRequests(query, tr("Request that failed over from %1 to %2").arg(event.fromModel, event.toModel));
    });

    m_savingsModel->setHorizontalHeaderLabels({ tr("Tier"), tr("Model"), tr("Requests"), tr("Tokens"), tr("Cost"),
                                                tr("Cost on the reference model"), tr("Savings") });
    m_savingsTable->setObjectName(QStringLiteral("savingsTable"));
    m_savingsTable->setModel(m_savingsModel);
    m_savingsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_savingsTable->verticalHeader()->hide();
    m_savingsTable->horizontalHeader()->setStretchLastSection(true);
    m_savingsTable->setMinimumHeight(150);
    auto* savingsBox = new QWidget;
    auto* savingsLayout = new QVBoxLayout(savingsBox);
    savingsLayout->setContentsMargins(0, 0, 0, 0);
    auto* savingsTitle = new QLabel(tr("Savings by class (tier x model)"));
    QFont titleFont = savingsTitle->font();
    titleFont.setBold(true);
    savingsTitle->setFont(titleFont);
    savingsLayout->addWidget(savingsTitle);
    savingsLayout->addWidget(m_savingsTable);

    auto* content = new QWidget;
    auto* failoverPanel = panel(Panel::Failovers);
    failoverPanel->chartView()->setMinimumHeight(220);
    failoverPanel->addBelow(m_failoverTable);
    m_failoverNote->setObjectName(QStringLiteral("failoverNote"));
    m_failoverNote->setWordWrap(true);
    m_failoverAll->setObjectName(QStringLiteral("failoverShowAll"));
    connect(m_failoverAll, &QPushButton::clicked, this, [this] {
        m_failoverLimit = int(qMin<qint64>(m_result.failoverTotal, std::numeric_limits<int>::max()));
        refresh();
    });
    auto* failoverNoteRow = new QWidget;
    auto* failoverNoteLayout = new QHBoxLayout(failoverNoteRow);
    failoverNoteLayout->setContentsMargins(0, 0, 0, 0);
    failoverNoteLayout->addWidget(m_failoverNote, 1);
    failoverNoteLayout->addWidget(m_failoverAll);
    m_failoverNote->hide();
    m_failoverAll->hide();
    static_cast<QVBoxLayout*>(failoverPanel->layout())->addWidget(failoverNoteRow);
    auto* grid = new QGridLayout;
    grid->setSpacing(8);
    grid->addWidget(panel(Panel::Spend), 0, 0);
    grid->addWidget(panel(Panel::Tiers), 0, 1);
    grid->addWidget(panel(Panel::Uptime), 1, 0);
    grid->addWidget(panel(Panel::Latency), 1, 1);
    grid->addWidget(failoverPanel, 2, 0, 1, 2);
    grid->addWidget(savingsBox, 3, 0, 1, 2);
    grid->addWidget(m_primaries, 4, 0, 1, 2);
    grid->addWidget(m_alertLog, 5, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 4, 0);
    contentLayout->addWidget(m_cards);
    contentLayout->addLayout(grid, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* reconcile = new QPushButton(tr("Reconcile with invoice..."), this);
    reconcile->setObjectName(QStringLiteral("reconcileButton"));
    reconcile->setToolTip(tr("Compare a provider's usage or cost export with the ledger"));
    connect(reconcile, &QPushButton::clicked, this, &DashboardView::showReconcile);
    m_filterBar->addTrailingWidget(reconcile);
    m_exportNote->setObjectName(QStringLiteral("exportNote"));
    m_exportNote->setWordWrap(true);
    m_exportNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportNote->hide();
    m_exportNoteTimer.setSingleShot(true);
    m_exportNoteTimer.setInterval(20000);
    connect(&m_exportNoteTimer, &QTimer::timeout, m_exportNote, &QWidget::hide);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_exportNote);
    layout->addWidget(scroll, 1);

    for (int i = 0; i < m_panels.size(); ++i) {
        const Panel which = Panel(i);
        const QString name = m_panels.at(i)->objectName();
        connect(m_panels.at(i), &ChartPanel::csvExportRequested, this, [this, which, name] {
            const QString path = FileDialogs::saveFileName(this, tr("Export data"), name + QStringLiteral(".csv"),
                                                           tr("CSV files (*.csv)"));
            if (!path.isEmpty()) {
                exportCsv(which, path);
            }
        });
        connect(m_panels.at(i), &ChartPanel::pngExportRequested, this, [this, which, name] {
            const QString path = FileDialogs::saveFileName(this, tr("Export chart"), name + QStringLiteral(".png"),
                                                           tr("PNG images (*.png)"));
            if (!path.isEmpty()) {
                exportPng(which, path);
            }
        });
    }
}

void DashboardView::refresh()
{
    m_liveTimer.stop();
    const LedgerFilter filter = m_filterBar->filter(Clock::instance().currentDateTimeUtc());
    m_query.generation = m_latest->load() + 1;
    m_query.filter = filter;
    m_query.previous = DashboardQuery::previousPeriod(filter);
    m_query.spendBucket = m_filterBar->spendBucket(filter);
    m_query.uptimeBucket = m_filterBar->timeBucket(filter);
    m_query.split = m_filterBar->split();
    m_query.reference = m_filterBar->referencePrice();
    m_query.savingsRoutedOnly = m_filterBar->savingsRoutedOnly();
    m_query.failoverLimit = m_failoverLimit;
    m_query.chains = m_sources.chains ? m_sources.chains() : QList<PrimaryReview::Chain>();
    m_query.primaryRule = m_sources.primaryRule;
    m_latest->store(m_query.generation);
    if (!m_worker) {
        showEmptyEverywhere(tr("The ledger is off, so there is no history to chart. Turn it on in Settings to see "
                               "spend, uptime and failovers here."));
        return;
    }
    m_filterBar->setStatus(tr("Updating…"));
    DashboardWorker* worker = m_worker;
    const DashboardQuery query = m_query;
    QMetaObject::invokeMethod(worker, [worker, query] { worker->load(query); });
}

RequestListDialog* DashboardView::showRequests(const DrillDownQuery& drill, const QString& title)
{
    if (!m_worker) {
        return nullptr;
    }
    DrillDownQuery query = drill;
    query.generation = ++m_drillGeneration;
    if (m_drillDialog) {
        m_drillDialog->close();
    }
    m_drillDialog = new RequestListDialog(title, query.generation, this);
    m_drillDialog->show();
    DashboardWorker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, query] { worker->findRequests(query); });
    return m_drillDialog;
}

ReconcileDialog* DashboardView::showReconcile()
{
    if (!m_reconcileDialog) {
        m_reconcileDialog = new ReconcileDialog({ m_sources.ledgerPath, m_sources.providers, m_sources.models }, this);
        m_reconcileDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_reconcileDialog->show();
    m_reconcileDialog->raise();
    return m_reconcileDialog;
}

bool DashboardView::exportCsv(Panel which, const QString& path)
{
    DashboardCsv::Table table;
    switch (which) {
    case Panel::Spend:
        table = DashboardCsv::spend(m_result.spend);
        break;
    case Panel::Tiers:
        table = DashboardCsv::tiers(m_result.tierUsage);
        break;
    case Panel::Uptime:
        table = DashboardCsv::uptime(m_result.uptime);
        break;
    case Panel::Latency:
        table = DashboardCsv::latency(m_result.latency);
        break;
    case Panel::Failovers:
        table = DashboardCsv::failovers(m_result.failovers);
        break;
    }
    QString error;
    if (!DashboardCsv::write(path, table, &error)) {
        noteExport(tr("Could not save \"%1\" as CSV: %2").arg(panel(which)->title(), error));
        return false;
    }
    noteExport(tr("Saved the numbers of \"%1\" to %2").arg(panel(which)->title(), QDir::toNativeSeparators(path)));
    return true;
}

QStringList DashboardView::pngHeader(Panel which) const
{
    const LedgerFilter& filter = m_query.filter;
    const QLocale locale;
    // The period as the filter bar names it, with its exact bounds in local time.
    const QString period
        = tr("%1: %2 to %3")
              .arg(m_filterBar->periodName(), locale.toString(filter.from.toLocalTime(), QLocale::ShortFormat),
                   locale.toString(filter.until.toLocalTime(), QLocale::ShortFormat));
    return { panel(which)->title(), period, m_filterBar->filterSummary() };
}

bool DashboardView::exportPng(Panel which, const QString& path)
{
    const QStringList header = pngHeader(which);
    QImage image = panel(which)->render(header);
    // Also as PNG text chunks, for a reader that looks for them.
    image.setText(QStringLiteral("Title"), header.value(0));
    image.setText(QStringLiteral("Description"), header.mid(1).join(u'\n'));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        noteExport(tr("Could not save \"%1\" as PNG: %2").arg(header.value(0), file.errorString()));
        return false;
    }
    noteExport(tr("Saved the chart \"%1\" to %2").arg(header.value(0), QDir::toNativeSeparators(path)));
    return true;
}

void DashboardView::noteExport(const QString& text)
{
    m_exportNote->setText(text);
    m_exportNote->show();
    m_exportNoteTimer.start();
}

void DashboardView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_appliedGeneration != 0) {
        applyCharts(); // chart colours come from the palette
    }
}

void DashboardView::apply(const DashboardResult& result)
{
    if (result.generation != m_latest->load()) {
        return; // a newer request is on its way
    }
    m_result = result;
    m_periodPhrase = m_filterBar->periodPhrase();
    m_filterBar->setAvailable(result.providerNames, result.modelNames, result.tierNames);
    m_filterBar->setAvailableClientKeys(result.clientKeyNames);
    if (!result.error.isEmpty()) {
        m_filterBar->setStatus(tr("Could not read the ledger"));
        showEmptyEverywhere(tr("Could not read the ledger: %1").arg(result.error));
        m_slices->cancel();
        finishApply(result.generation);
    } else {
        m_filterBar->setStatus(tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        m_cards->setResult(result, m_filterBar->referenceModel());
        m_cards->setBudgets(m_sources.budgets);
        applyCharts();
    }
}

void DashboardView::showEmptyEverywhere(const QString& text)
{
    for (ChartPanel* chartPanel : m_panels) {
        chartPanel->showEmpty(text);
    }
    m_failoverModel->setRowCount(0);
    m_savingsModel->setRowCount(0);
    m_failoverTable->setVisible(false);
    m_primaries->showEmpty(text);
}

void DashboardView::applyCharts()
{
    const quint64 generation = m_result.generation;
    for (ChartPanel* chartPanel : m_panels) {
        chartPanel->chartView()->setUpdatesEnabled(true); // a slice that would have turned them on was dropped
    }
    if (m_result.totals.requests == 0 && m_result.failovers.isEmpty()) {
        showEmptyEverywhere(m_filterBar->hasColumnFilters()
                                ? tr("No requests match these filters %1.").arg(m_periodPhrase)
                                : tr("No requests %1 — send one from the Workbench.").arg(m_periodPhrase));
        m_slices->cancel();
        finishApply(generation);
        return;
    }
    DashboardCharts::Context context;
    context.filter = m_query.filter;
    context.palette = &palette();
    context.drill = [this](const DrillDownQuery& query) { showRequests(query, tr("Matching requests")); };
    DashboardCharts::Context timeContext = context;
    context.bucket = m_query.spendBucket;
    timeContext.bucket = m_query.uptimeBucket;
    // Two slices per chart: one replaces its data and redoes its layout with the view's updates
    // off, the next turns them on. The paint follows in a turn of its own, so updating one chart
    // and painting another, or the same one, never run back to back (see SlicedApply).
    QList<std::function<void()>> stages;
    auto addChart = [&](Panel name, std::function<void()> update) {
        stages << [this, name, update] {
            ChartPanel* chartPanel = panel(name);
            chartPanel->chartView()->setUpdatesEnabled(false);
            chartPanel->showChart();
            update();
            // The legend too: left to its own LayoutRequest, it would move and repaint the chart
            // again a turn later.
            chartPanel->chart()->layout()->activate();
            chartPanel->chart()->legend()->layout()->activate();
        };
        stages << [this, name] { panel(name)->chartView()->setUpdatesEnabled(true); };
    };
    addChart(Panel::Spend, [this, context] { m_spendChart->setData(m_result.spend, m_query.split, context); });
    addChart(Panel::Tiers, [this, context] { m_tierChart->setData(m_result.tierUsage, context); });
    if (m_result.uptime.overall.isEmpty()) {
        stages << [this] { panel(Panel::Uptime)->showEmpty(tr("No provider attempts %1.").arg(m_periodPhrase)); };
    } else {
        addChart(Panel::Uptime, [this, timeContext] { m_uptimeChart->setData(m_result.uptime, timeContext); });
    }
    bool answered = false;
    for (const LatencyRow& row : m_result.latency) {
        answered = answered || row.latency.samples > 0;
    }
    if (answered) {
        addChart(Panel::Latency, [this, context] { m_latencyChart->setData(m_result.latency, context); });
    } else {
        stages << [this] {
            panel(Panel::Latency)->showEmpty(tr("No answered requests %1, so no latency to show.").arg(m_periodPhrase));
        };
    }
    if (m_result.failoverCounts.isEmpty()) {
        stages << [this] {
            const qint64 failed = m_result.totals.failures;
            // Failed requests without a failover were not answered by anything: say so.
            panel(Panel::Failovers)
                ->showEmpty(
                    failed > 0
                        ? tr("No failovers %1, and %Ln request(s) failed without one (no other model was "
                             "tried).",
                             nullptr, int(failed))
                              .arg(m_periodPhrase)
                        : tr("No failovers %1 — every request was answered by its first choice.").arg(m_periodPhrase));
        };
    } else {
        addChart(Panel::Failovers,
                 [this, timeContext] { m_failoverChart->setData(m_result.failoverCounts, timeContext); });
    }
    stages << [this] { fillFailoverTable(); };
    stages << [this] { fillSavingsTable(); };
    stages << [this] { m_primaries->setRows(m_result.primaries, m_query.primaryRule); };
    m_slices->start(stages, generation); // the headline cards were just updated: their paint goes first
}

void DashboardView::finishApply(quint64 generation)
{
    m_appliedGeneration = generation;
    emit refreshed(generation, m_result.elapsedMs);
}

void DashboardView::fillSavingsTable()
{
    m_savingsModel->setRowCount(0);
    const QLocale locale;
    for (const SavingsClassRow& row : m_result.savingsByClass) {
        const std::optional<double> share = row.savingsShare();
        QList<QStandardItem*> items {
            new QStandardItem(row.tier.isEmpty() ? tr("(no tier)") : row.tier),
            new QStandardItem(row.model),
            new QStandardItem(ChartStyle::formatCount(row.requests)),
            new QStandardItem(ChartStyle::formatCount(row.promptTokens + row.completionTokens)),
            new QStandardItem(Money::format(row.costUsd)),
            new QStandardItem(row.referenceCostUsd ? Money::format(*row.referenceCostUsd) : QStringLiteral("—")),
            new QStandardItem(share ? tr("%1%").arg(locale.toString(*share * 100, 'f', 1)) : QStringLiteral("—")),
        };
        for (int column = 2; column < items.size(); ++column) {
            items[column]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        m_savingsModel->appendRow(items);
    }
}

void DashboardView::fillFailoverTable()
{
    m_failoverModel->setRowCount(0);
    const QLocale locale;
    for (const FailoverEvent& event : m_result.failovers) {
        bool ok = false;
        const FailureClass failureClass = FailureClasses::fromId(event.failureClass, &ok);
        m_failoverModel->appendRow(
            { new QStandardItem(locale.toString(event.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
              new QStandardItem(event.fromModel), new QStandardItem(event.toModel),
              new QStandardItem(ok ? FailureClasses::displayName(failureClass) : event.failureClass),
              new QStandardItem(event.message) });
    }
    m_failoverTable->setVisible(!m_result.failovers.isEmpty());
    // A cut list says so, with the way to the rest.
    const qint64 shown = m_result.failovers.size();
    const bool cut = m_result.failoverTotal > shown;
    if (cut) {
        m_failoverNote->setText(tr("Showing the newest %1 of %2 failovers.")
                                    .arg(locale.toString(shown), locale.toString(m_result.failoverTotal)));
        m_failoverAll->setText(tr("Show all %1").arg(locale.toString(m_result.failoverTotal)));
    }
    m_failoverNote->setVisible(cut);
    m_failoverAll->setVisible(cut);
}
