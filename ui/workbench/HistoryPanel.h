#pragma once

#include "core/workbench/HistoryEntry.h"

#include <QWidget>

#include <functional>

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

// Earlier workbench runs, newest first, searchable; opening one shows its columns and figures
// again. Reads through two functions so it holds no ledger or SQL itself.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    using Search = std::function<QList<RequestRecord>(const QString& text)>;
    using Load = std::function<QList<RequestRecord>(const QString& compareGroup)>;

    HistoryPanel(Search search, Load load, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    void setSearchText(const QString& text);

public slots:
    void reload();
    void open(int row);

signals:
    void runOpened(const ComparisonSnapshot& snapshot);

private:
    Search m_search;
    Load m_load;
    QLineEdit* m_filter;
    QListWidget* m_list;
    QTimer* m_debounce;
};
