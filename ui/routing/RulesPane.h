#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class RoutingDocument;
class RulesModel;

// The rules table with its buttons. Keys on the table: Insert adds a rule, Delete removes one,
// Ctrl+Up/Down reorders; F2 or typing edits a cell.
class RulesPane : public QWidget
{
    Q_OBJECT

public:
    explicit RulesPane(RoutingDocument* document, QWidget* parent = nullptr);

    RulesModel* model() const { return m_rules; }
    QTableView* view() const { return m_rulesView; }
    // Under the table, word-wrapped: each rule's problem in full, which its cell may elide.
    QLabel* problemsNote() const { return m_problems; }
    void selectCell(int row, int column);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The condition and tier columns as wide as their longest text in the UI language
    // ("Schlüsselwörter", "premium"), never narrower than the user made them.
    void fitWordColumns();
    // Every column inside the table's width (item 11 of issue 22): the name, pattern, pinned model
    // and problem share what the check box, condition and tier leave, and elide with a tooltip.
    void fitColumns();
    void updateProblems();

    RoutingDocument* m_document;
    RulesModel* m_rules;
    QTableView* m_rulesView;
    QLabel* m_problems;
};
