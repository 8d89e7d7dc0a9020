#include "ui/workbench/LeaderboardDock.h"

#include "core/engine/Engine.h"
#include "core/evaluation/EvaluationEvidence.h"
#include "core/evaluation/EvaluationStore.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/LedgerQueries.h"
#include "ui/common/Icons.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/workbench/LeaderboardView.h"
#include "ui/workbench/WorkbenchView.h"

#include <QAction>
#include <QMainWindow>
#include <QStatusBar>

LeaderboardDock* LeaderboardDock::install(QMainWindow* window, Engine& engine, WorkbenchView* workbench,
                                          RoutingDocument* routing)
{
    Ledger* ledger = engine.ledger();
    if (!ledger) {
        return nullptr;
    }
    auto* dock = new LeaderboardDock(engine, window);
    dock->setRoutingDocument(routing);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    // A vote is queued with the ledger's writer: read it back once it is committed.
    connect(workbench, &WorkbenchView::voted, dock, [dock] { dock->m_votePending = true; });
    connect(ledger, &Ledger::recorded, dock, [dock] {
        if (dock->m_votePending) {
            dock->m_votePending = false;
            dock->m_view->reload();
        }
    });
    connect(dock->m_view, &LeaderboardView::statusMessage, window,
            [window](const QString& message) { window->statusBar()->showMessage(message, 5000); });

    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("leaderboardAction"));
    toggle->setIcon(Icons::icon(QStringLiteral("trophy")));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(toggle, &QAction::toggled, dock->m_view, [dock](bool shown) {
        if (shown) {
            dock->m_view->reload();
        }
    });
    return dock;
}

LeaderboardDock::LeaderboardDock(Engine& engine, QWidget* parent)
    : QDockWidget(tr("Leaderboard"), parent)
    , m_queries(std::make_shared<LedgerQueries>(engine.ledgerPath()))
{
    setObjectName(QStringLiteral("leaderboardDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto queries = m_queries;
    // The evaluations' games count as votes do: on a prompt, the answer that passed beats the one
    // that did not (tag "evaluation").
    auto evaluations = std::make_shared<EvaluationStore>(engine.ledgerPath());
    auto opened = std::make_shared<bool>(false);
    m_view = new LeaderboardView(
        [queries, evaluations, opened] {
            QList<VotedRun> runs = queries->votedRuns();
            QString error;
            if (!*opened) {
                *opened = evaluations->open(&error);
            }
            if (*opened) {
                runs += EvaluationEvidence::fromLedger(*evaluations, &error).value_or(QList<VotedRun> {});
            }
            return runs;
        },
        this);
    setWidget(m_view);
    connect(m_view, &LeaderboardView::updated, this, &LeaderboardDock::publishRatings);
}

LeaderboardDock::~LeaderboardDock() = default;

void LeaderboardDock::setRoutingDocument(RoutingDocument* routing)
{
    m_routing = routing;
    publishRatings();
}

void LeaderboardDock::publishRatings()
{
    if (!m_routing) {
        return;
    }
    QHash<QString, Leaderboard::Row> ratings;
    for (const Leaderboard::Row& row : Leaderboard::compute(m_view->runs(), Leaderboard::Grouping::Model)) {
        ratings.insert(row.model, row);
    }
    m_routing->setRatings(ratings);
}
