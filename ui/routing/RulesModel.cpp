#include "ui/routing/RulesModel.h"

#include "core/routing/DefaultPolicy.h"
#include "core/routing/PolicyEdits.h"
#include "core/routing/RuleShadow.h"
#include "ui/common/StatusColors.h"
#include "ui/routing/RoutingDocument.h"

#include <QColor>
#include <QMimeData>

RulesModel::RulesModel(RoutingDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &RoutingDocument::policyChanged, this, &RulesModel::refresh);
    refresh();
}

void RulesModel::refresh()
{
    const int rows = int(m_document->policy().rules.size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
}

QString RulesModel::kindName(int kind)
{
    switch (RuleKind(kind)) {
    case RuleKind::Keywords:
        return tr("Keywords");
    case RuleKind::Regex:
        return tr("Regex");
    case RuleKind::MinChars:
        return tr("At least N chars");
    case RuleKind::MaxChars:
        return tr("At most N chars");
    case RuleKind::MinTokens:
        return tr("At least N tokens");
    case RuleKind::HasCodeBlock:
        return tr("Code block");
    case RuleKind::Tag:
        return tr("Tag");
    case RuleKind::Default:
        return tr("Always");
    case RuleKind::Learned:
        return tr("Learned router");
    }
    return {};
}

int RulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RulesModel::data(const QModelIndex& index, int role) const
{
    const RoutingPolicy& policy = m_document->policy();
    if (!index.isValid() || index.row() >= policy.rules.size()) {
        return {};
    }
    const RoutingRule& rule = policy.rules.at(index.row());
    const QString problem = this->problem(index.row());
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn) {
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::ForegroundRole && index.column() == ProblemColumn) {
        return StatusColors::color(StatusTone::Bad);
    }
    if (role == Qt::BackgroundRole && !problem.isEmpty() && index.column() == PatternColumn) {
        return StatusColors::problemBackground();
    }
    if (role == Qt::ToolTipRole) {
        // A cell too narrow for its text elides it; the tooltip has it whole.
        switch (index.column()) {
        case NameColumn:
            return problem.isEmpty() ? DefaultPolicy::displayName(rule.name) : problem;
        case PatternColumn:
            return problem.isEmpty() ? data(index, Qt::DisplayRole) : problem;
        case PinnedColumn:
            return rule.pinnedModel.isEmpty() ? problem : rule.pinnedModel;
        default:
            return problem;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return role == Qt::DisplayRole ? DefaultPolicy::displayName(rule.name) : rule.name;
    case KindColumn:
        return role == Qt::EditRole ? QVariant(int(rule.kind)) : QVariant(kindName(int(rule.kind)));
    case PatternColumn:
        if (rule.kind == RuleKind::Learned && role == Qt::DisplayRole) {
            // No pattern: the model pair and threshold, edited in routing.json.
            return tr("%1 / %2 from p_strong %3").arg(rule.weakModel, rule.strongModel).arg(rule.threshold, 0, 'f', 2);
        }
        return rule.pattern;
    case TierColumn:
        return rule.tier;
    case PinnedColumn:
        return rule.pinnedModel;
    case ProblemColumn:
        return problem;
    default:
        return {};
    }
}

QVariant RulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        return section + 1;
    }
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Condition");
    case PatternColumn:
        return tr("Pattern");
    case TierColumn:
        return tr("Tier");
    case PinnedColumn:
        return tr("Pinned model");
    case ProblemColumn:
        return tr("Problem");
    default:
        return {};
    }
}

Qt::ItemFlags RulesModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index) | Qt::ItemIsDropEnabled;
    if (!index.isValid()) {
        return flags;
    }
    flags |= Qt::ItemIsDragEnabled;
    if (index.column() == EnabledColumn) {
        flags |= Qt::ItemIsUserCheckable;
    } else if (index.column() != ProblemColumn) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool RulesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const RoutingPolicy& policy = m_document->policy();
    if (!index.isValid() || index.row() >= policy.rules.size()) {
        return false;
    }
    RoutingRule rule = policy.rules.at(index.row());
    switch (index.column()) {
    case EnabledColumn:
        if (role != Qt::CheckStateRole) {
            return false;
        }
        rule.enabled = value.toInt() == Qt::Checked;
        break;
    case NameColumn:
        rule.name = value.toString();
        break;
    case KindColumn:
        rule.kind = RuleKind(value.toInt());
        break;
    case PatternColumn:
        rule.pattern = value.toString();
        break;
    case TierColumn:
        rule.tier = value.toString().trimmed();
        break;
    case PinnedColumn:
        rule.pinnedModel = value.toString().trimmed();
        break;
    default:
        return false;
    }
    m_document->apply(
        PolicyEdits::setRule(policy, index.row(), rule),
        tr("Edit rule %1")
            .arg(rule.name.isEmpty() ? QString::number(index.row() + 1) : DefaultPolicy::displayName(rule.name)));
    return true;
}

QStringList RulesModel::mimeTypes() const
{
    return { QString::fromLatin1(kRuleMime) };
}

QMimeData* RulesModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty()) {
        return nullptr;
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kRuleMime), QByteArray::number(indexes.first().row()));
    return mime;
}

Qt::DropActions RulesModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool RulesModel::dropMimeData(const QMimeData* data, Qt::DropAction, int row, int, const QModelIndex& parent)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kRuleMime))) {
        return false;
    }
    if (row < 0) {
        row = parent.isValid() ? parent.row() : rowCount();
    }
    const int from = data->data(QString::fromLatin1(kRuleMime)).toInt();
    m_document->apply(PolicyEdits::moveRule(m_document->policy(), from, row), tr("Reorder rules"));
    return false; // done here; the view must not remove the source row
}

int RulesModel::addRule(int row)
{
    RoutingRule rule;
    rule.name = tr("new rule");
    rule.kind = RuleKind::Keywords;
    rule.tier = m_document->policy().defaultTier;
    const int at = RuleShadow::insertRow(m_document->policy(), row);
    m_document->apply(PolicyEdits::insertRule(m_document->policy(), at, rule), tr("Add rule"));
    return at;
}

QString RulesModel::problem(int row) const
{
    const RoutingPolicy& policy = m_document->policy();
    const RoutingRule& rule = policy.rules.at(row);
    if (const QString problem = PolicyEdits::ruleProblem(rule, policy); !problem.isEmpty()) {
        return problem;
    }
    const std::optional<RuleShadow> shadow = RuleShadow::find(policy, row);
    if (!shadow) {
        return {};
    }
    const QString by = DefaultPolicy::displayName(policy.rules.at(shadow->byRule).name);
    switch (shadow->reason) {
    case RuleShadow::Reason::CatchAll:
        return tr("Never fires: rule %1 \"%2\" above it matches every prompt").arg(shadow->byRule + 1).arg(by);
    case RuleShadow::Reason::Covered:
        return tr("Never fires: rule %1 \"%2\" above it matches the same prompts").arg(shadow->byRule + 1).arg(by);
    }
    return {};
}

void RulesModel::removeRule(int row)
{
    m_document->apply(PolicyEdits::removeRule(m_document->policy(), row), tr("Delete rule %1").arg(row + 1));
}

void RulesModel::moveRule(int row, int delta)
{
    const int target = row + delta;
    if (target < 0 || target >= rowCount()) {
        return;
    }
    m_document->apply(PolicyEdits::moveRule(m_document->policy(), row, delta > 0 ? target + 1 : target),
                      tr("Reorder rules"));
}
