#pragma once

#include <QStyledItemDelegate>

class RoutingDocument;

// Editors for the rules table: a list of condition kinds, the tiers to choose from, and a pattern
// field that is marked red with the reason while the pattern does not compile.
class RuleDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RuleDelegate(RoutingDocument* document, QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    RoutingDocument* m_document;
};
