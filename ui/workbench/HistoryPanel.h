#pragma once

#include "core/workbench/HistoryEntry.h"

#include <QWidget>

#include <functional>

class QAction;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

// Earlier workbench runs, newest first, searchable; opening one shows its columns and figures
// again. Reads through two functions so it holds no ledger or SQL itself. Runs selected (Ctrl or
// Shift click) can become a prompt set: the context menu's "New evaluation set from selection...".
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    using Search = std::function<QList<RequestRecord>(const QString& text)>;
    using Load = std::function<QList<RequestRecord>(const QString& compareGroup)>;

    HistoryPanel(Search search, Load load, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QAction* newEvaluationSetAction() const { return m_newSet; }
    // The rows of the runs selected, each run's columns together.
    QList<RequestRecord> selectedRecords() const;
    void setSearchText(const QString& text);

public slots:
    void reload();
    void open(int row);

signals:
    void runOpened(const ComparisonSnapshot& snapshot);
    // "New evaluation set from selection...": the rows of the runs selected.
    void evaluationSetRequested(const QList<RequestRecord>& records);

private:
    Search m_search;
    Load m_load;
    QLineEdit* m_filter;
    QListWidget* m_list;
    QTimer* m_debounce;
    QAction* m_newSet;
};
