#include "ui/workbench/ModelPickerDialog.h"

#include "core/common/Money.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/common/Icons.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int ModelIdRole = Qt::UserRole + 1;

QString perMillion(double value, bool known)
{
    if (!known) {
        return QCoreApplication::translate("ModelPickerDialog", "unpriced");
    }
    return Money::format(value);
}
} // namespace

ModelPickerDialog::ModelPickerDialog(const ModelCatalog& catalog, int freeSlots, bool offerRouteIt, QWidget* parent)
    : QDialog(parent)
    , m_freeSlots(freeSlots)
{
    setWindowTitle(tr("Add columns"));
    resize(640, 520);

    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({ tr("Model"), tr("Input / 1M"), tr("Output / 1M"), tr("Context") });
    if (offerRouteIt) {
        auto* route = new QStandardItem(Icons::icon(QStringLiteral("routing")), tr("Route it"));
        route->setData(routeItId(), ModelIdRole);
        route->setCheckable(true);
        route->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        QFont bold = route->font();
        bold.setBold(true);
        route->setFont(bold);
        route->setToolTip(tr("The router picks the model for each run: the column shows the tier, the rule and "
                             "any failovers"));
        auto* how = new QStandardItem(tr("by the routing rules"));
        how->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        how->setForeground(QPalette().brush(QPalette::PlaceholderText));
        QList<QStandardItem*> row { route, how };
        for (int i = 2; i < 4; ++i) {
            auto* filler = new QStandardItem;
            filler->setFlags(Qt::ItemIsEnabled);
            row.append(filler);
        }
        m_model->appendRow(row);
    }
    for (const auto& provider : catalog.providers) {
        if (!provider.enabled) {
            continue;
        }
        auto* group = new QStandardItem(provider.displayName.isEmpty() ? provider.id : provider.displayName);
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font();
        bold.setBold(true);
        group->setFont(bold);
        QList<QStandardItem*> groupRow { group };
        for (int i = 1; i < 4; ++i) {
            auto* filler = new QStandardItem;
            filler->setFlags(Qt::ItemIsEnabled);
            groupRow.append(filler);
        }
        for (const auto& model : catalog.models) {
            if (model.providerId != provider.id) {
                continue;
            }
            auto* name = new QStandardItem(model.id);
            name->setData(model.id, ModelIdRole);
            name->setCheckable(true);
            name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            name->setToolTip(tr("%1 at %2").arg(model.upstreamModel, group->text()));
            auto* input = new QStandardItem(perMillion(model.price.inputPerMTok, model.price.known));
            auto* output = new QStandardItem(perMillion(model.price.outputPerMTok, model.price.known));
            auto* context = new QStandardItem(model.contextWindow > 0
                                                  ? tr("%1k").arg(QLocale().toString(model.contextWindow / 1000))
                                                  : QStringLiteral("\u2014"));
            for (auto* item : { input, output, context }) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            }
            group->appendRow({ name, input, output, context });
        }
        if (group->hasChildren()) {
            m_model->appendRow(groupRow);
        } else {
            qDeleteAll(groupRow);
        }
    }
    connect(m_model, &QStandardItemModel::itemChanged, this, &ModelPickerDialog::onItemChanged);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(0);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search models or providers"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_search, &QLineEdit::textChanged, this, &ModelPickerDialog::setFilterText);

    m_view = new QTreeView(this);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->expandAll();
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    for (int c = 1; c < 4; ++c) {
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = m_proxy->index(index.row(), 0, index.parent()).data(ModelIdRole).toString();
        if (!id.isEmpty()) {
            if (!m_chosen.contains(id)) {
                setChosen(id, true);
            }
            accept();
        }
    });

    // The keyboard way through: Down from the search goes to the first model found, Space ticks
    // or unticks the current one, Enter takes the ticked ones.
    auto* intoResults = new QAction(m_search);
    intoResults->setShortcut(QKeySequence(Qt::Key_Down));
    intoResults->setShortcutContext(Qt::WidgetShortcut);
    connect(intoResults, &QAction::triggered, this, [this] {
        for (int g = 0; g < m_proxy->rowCount(); ++g) {
            const QModelIndex group = m_proxy->index(g, 0);
            const QModelIndex first
                = group.data(ModelIdRole).toString().isEmpty() ? m_proxy->index(0, 0, group) : group;
            if (first.isValid()) {
                m_view->setFocus(Qt::TabFocusReason);
                m_view->setCurrentIndex(first);
                return;
            }
        }
    });
    static_cast<QWidget*>(m_search)->addAction(intoResults);
    auto* toggle = new QAction(m_view);
    toggle->setShortcut(QKeySequence(Qt::Key_Space));
    toggle->setShortcutContext(Qt::WidgetShortcut);
    connect(toggle, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        const QModelIndex name = m_proxy->index(current.row(), 0, current.parent());
        const QString id = name.data(ModelIdRole).toString();
        if (!id.isEmpty()) {
            setChosen(id, name.data(Qt::CheckStateRole).toInt() != Qt::Checked);
        }
    });
    m_view->addAction(toggle);

    m_summary = new QLabel(this);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    updateSummary();
    m_search->setFocus();
}

void ModelPickerDialog::setFilterText(const QString& text)
{
    if (m_search->text() != text) {
        m_search->setText(text);
    }
    // "gpt " finds what "gpt" finds: a space typed after a word does not empty the list.
    m_proxy->setFilterFixedString(text.trimmed());
    m_view->expandAll();
}

QList<ColumnSpec> ModelPickerDialog::chosenColumns() const
{
    QList<ColumnSpec> columns;
    for (const QString& id : m_chosen) {
        columns.append(id == routeItId() ? ColumnSpec::routeIt() : ColumnSpec { id });
    }
    return columns;
}

void ModelPickerDialog::setChosen(const QString& modelId, bool chosen)
{
    for (int g = 0; g < m_model->rowCount(); ++g) {
        QStandardItem* group = m_model->item(g);
        if (group->data(ModelIdRole).toString() == modelId) {
            group->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
            return;
        }
        for (int r = 0; r < group->rowCount(); ++r) {
            QStandardItem* item = group->child(r);
            if (item->data(ModelIdRole).toString() == modelId) {
                item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
                return;
            }
        }
    }
}

void ModelPickerDialog::onItemChanged(QStandardItem* item)
{
    const QString id = item->data(ModelIdRole).toString();
    if (id.isEmpty()) {
        return;
    }
    if (item->checkState() == Qt::Checked && !m_chosen.contains(id)) {
        if (m_chosen.size() >= m_freeSlots) {
            QSignalBlocker blocker(m_model);
            item->setCheckState(Qt::Unchecked);
            m_view->viewport()->update();
        } else {
            m_chosen.append(id);
        }
    } else if (item->checkState() != Qt::Checked) {
        m_chosen.removeAll(id);
    }
    updateSummary();
}

void ModelPickerDialog::updateSummary()
{
    m_summary->setText(m_freeSlots <= 0 ? tr("All 8 columns are in use.")
                                        : tr("%1 of %2 free columns chosen").arg(m_chosen.size()).arg(m_freeSlots));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_chosen.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_chosen.size() <= 1 ? tr("Add column") : tr("Add columns"));
}
