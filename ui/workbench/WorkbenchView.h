#pragma once

#include "core/ledger/LedgerRecords.h"
#include "core/workbench/ComparisonRun.h"
#include "core/workbench/WorkbenchSettings.h"

#include <QPointer>
#include <QWidget>

class ColumnView;
class ColumnsArea;
class ContinueBar;
class PromptEditor;
class ScrollSync;
class ProviderClient;
class Router;
class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

// The prompt workbench: one prompt, 1-8 columns answering side by side with their figures.
// Adapts a ComparisonRun (core/workbench) to widgets; the window's menus use its actions.
class WorkbenchView : public QWidget
{
    Q_OBJECT

public:
    WorkbenchView(const ModelCatalog& catalog, ProviderClient* client, QWidget* parent = nullptr);
    ~WorkbenchView() override;

    ComparisonRun* comparison() const { return m_run; }
    // Lets "Route it" columns run (the picker offers them only with a router).
    void setRouter(Router* router);
    // Models and providers changed (the settings were saved).
    void setCatalog(const ModelCatalog& catalog);
    PromptEditor* promptEditor() const { return m_editor; }
    ColumnsArea* columnsArea() const { return m_area; }
    QList<ColumnView*> columnViews() const;

    QAction* sendAction() const { return m_send; }
    QAction* stopAction() const { return m_stop; }
    QAction* addColumnAction() const { return m_addColumn; }
    QAction* exportAction() const { return m_export; }
    QAction* diffAction() const { return m_diff; }
    QAction* syncScrollAction() const { return m_syncScroll; }
    QList<QAction*> layoutActions() const;

    void addColumn(const ColumnSpec& spec);
    void setLayoutMode(WorkbenchSettings::Layout mode);
    bool exportComparison(const QString& path, QString* errorMessage = nullptr);
    // Stores a vote for the last run: the column's model wins, or a tie when index < 0.
    bool vote(int index);
    QAction* tieAction() const { return m_tie; }
    // The label stored with votes (the leaderboard filters by it).
    QLineEdit* voteTagEdit() const { return m_voteTag; }
    // Shows an earlier run again (its columns and figures).
    void showRun(const ComparisonSnapshot& snapshot);

    // Continue: the next send is a follow-up for this column (and the others, if they follow).
    void continueWith(int index);
    void endConversation();
    // Asks for the results of the column's tool calls and sends them (ToolReplyDialog): Accepted
    // when they went, ToolReplyDialog::AskInText when the user chose a text follow-up instead,
    // Rejected when cancelled or there is nothing to answer.
    int answerToolCalls(int index);
    ColumnRun* continuingColumn() const { return m_continuing; }
    ContinueBar* continueBar() const { return m_continueBar; }

public slots:
    void send();
    void stop();
    void chooseColumns();
    void exportWithDialog();
    void showDiff();

signals:
    // Every call that ended, so the window can show provider health.
    void callEnded(const QString& providerId, ColumnState state, const CallError& error);
    void statusMessage(const QString& message);
    // A vote for the last run, with the winner's settings (RequestSettings) and the tag typed next to it.
    void voted(const VoteRecord& vote);

private:
    QAction* makeAction(const QString& icon, const QString& text, const QList<QKeySequence>& shortcuts);
    QToolButton* toolButtonFor(QAction* action, bool withText);
    void onColumnAdded(int index);
    void onColumnRemoved(int index);
    void onColumnEnded(int index, ColumnState state);
    void editColumn(ColumnView* view);
    void updateBestValues();
    void updateRunState();
    void updateSummary();
    void saveSettings();

    ComparisonRun* m_run;
    ScrollSync* m_scrollSync;
    PromptEditor* m_editor;
    ColumnsArea* m_area;
    QStackedWidget* m_pages;
    QWidget* m_emptyState;
    ContinueBar* m_continueBar;
    QPointer<ColumnRun> m_continuing;
    QLabel* m_summary;
    QAction* m_send;
    QAction* m_stop;
    QAction* m_addColumn;
    QAction* m_export;
    QAction* m_diff;
    QAction* m_syncScroll;
    QAction* m_tie;
    QLineEdit* m_voteTag;
    QActionGroup* m_layouts;
    bool m_restoring = false;
};
