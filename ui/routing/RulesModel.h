#pragma once

#include <QAbstractTableModel>

class RoutingDocument;

// The policy's rules, first match wins, as an editable table. Edits and drag reorders become
// PolicyEdits on the document; each row's problem (bad regex, not a number) shows as you type,
// and so does a rule that can never fire because an earlier one always matches first.
class RulesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        EnabledColumn,
        NameColumn,
        KindColumn,
        PatternColumn,
        TierColumn,
        PinnedColumn,
        ProblemColumn,
        ColumnCount
    };
    static constexpr char kRuleMime[] = "application/x-switchyard-rule";

    explicit RulesModel(RoutingDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    // Adds a rule at `row` (-1: at the end), but never after a catch-all, where it could not
    // fire; returns the row it went to.
    int addRule(int row);
    void removeRule(int row);
    void moveRule(int row, int delta);

    static QString kindName(int kind); // translated, for the table and the kind editor

private:
    void refresh();
    // A pattern that cannot work, an unknown tier, or an earlier rule that keeps this one from firing.
    QString problem(int row) const;

    RoutingDocument* m_document;
    int m_rows = 0;
};
