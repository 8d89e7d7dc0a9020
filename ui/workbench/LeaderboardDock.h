#pragma once

#include <QDockWidget>

#include <memory>

class Engine;
class LedgerQueries;
class LeaderboardView;
class QMainWindow;
class RoutingDocument;
class WorkbenchView;

// The leaderboard in the main window: a dock with the LeaderboardView (View > Leaderboard),
// read from the engine's ledger and reloaded when a vote is written; every reload also gives the
// routing editor's cards each model's rating.
class LeaderboardDock : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaderboardDock)

public:
    // Adds the hidden dock to the window (its toggleViewAction() is the menu entry, Ctrl+Shift+L);
    // null when the engine has no ledger.
    static LeaderboardDock* install(QMainWindow* window, Engine& engine, WorkbenchView* workbench,
                                    RoutingDocument* routing);

    LeaderboardDock(Engine& engine, QWidget* parent = nullptr);
    ~LeaderboardDock() override;

    LeaderboardView* view() const { return m_view; }
    // The cards show ratings per model over every vote, whatever the dock's filters.
    void setRoutingDocument(RoutingDocument* routing);

private:
    void publishRatings();

    std::shared_ptr<LedgerQueries> m_queries;
    LeaderboardView* m_view;
    RoutingDocument* m_routing = nullptr;
    bool m_votePending = false;
};
