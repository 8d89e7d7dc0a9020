#include "ui/routing/RuleDelegate.h"

#include "core/routing/PolicyEdits.h"
#include "ui/common/StatusColors.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RulesModel.h"

#include <QComboBox>
#include <QLineEdit>

RuleDelegate::RuleDelegate(RoutingDocument* document, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_document(document)
{
}

QWidget* RuleDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    switch (index.column()) {
    case RulesModel::KindColumn: {
        auto* combo = new QComboBox(parent);
        for (int kind = int(RuleKind::Keywords); kind <= int(RuleKind::Default); ++kind) {
            combo->addItem(RulesModel::kindName(kind), kind);
        }
        return combo;
    }
    case RulesModel::TierColumn: {
        auto* combo = new QComboBox(parent);
        for (const auto& tier : m_document->policy().tiers) {
            combo->addItem(tier.name);
        }
        return combo;
    }
    case RulesModel::PatternColumn: {
        auto* edit = new QLineEdit(parent);
        const int row = index.row();
        connect(edit, &QLineEdit::textChanged, edit, [this, edit, row](const QString& text) {
            const RoutingPolicy& policy = m_document->policy();
            if (row >= policy.rules.size()) {
                return;
            }
            RoutingRule rule = policy.rules.at(row);
            rule.pattern = text;
            const QString problem = PolicyEdits::ruleProblem(rule, policy);
            edit->setToolTip(problem);
            edit->setStyleSheet(problem.isEmpty() ? QString()
                                                  : QStringLiteral("QLineEdit { background: %1; color: %2; }")
                                                        .arg(StatusColors::problemBackground().name(),
                                                             StatusColors::name(StatusTone::Bad)));
            edit->setProperty("problem", problem);
        });
        return edit;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void RuleDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const int found = index.column() == RulesModel::KindColumn ? combo->findData(index.data(Qt::EditRole))
                                                                   : combo->findText(index.data().toString());
        combo->setCurrentIndex(std::max(found, 0));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void RuleDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, index.column() == RulesModel::KindColumn ? combo->currentData() : combo->currentText());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}
