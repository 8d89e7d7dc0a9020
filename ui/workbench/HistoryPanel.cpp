#include "ui/workbench/HistoryPanel.h"

#include "core/common/Money.h"
#include "core/workbench/ColumnFigures.h"
#include "ui/common/Icons.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int GroupRole = Qt::UserRole + 1;
}

HistoryPanel::HistoryPanel(Search search, Load load, QWidget* parent)
    : QWidget(parent)
    , m_search(std::move(search))
    , m_load(std::move(load))
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Search prompts, answers, models, errors"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_newSet = new QAction(tr("New &evaluation set from selection..."), this);
    m_newSet->setObjectName(QStringLiteral("newEvaluationSetAction"));
    m_newSet->setToolTip(tr("Write the prompts of the runs selected as a prompt set and open it in the "
                            "evaluation run box"));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addAction(m_newSet);
    connect(m_newSet, &QAction::triggered, this, [this] {
        const QList<RequestRecord> records = selectedRecords();
        if (!records.isEmpty()) {
            emit evaluationSetRequested(records);
        }
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_newSet->setEnabled(!m_list->selectedItems().isEmpty()); });
    m_newSet->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &HistoryPanel::reload);
    connect(m_filter, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { open(m_list->row(item)); });
}

void HistoryPanel::setSearchText(const QString& text)
{
    m_filter->setText(text);
    reload();
}

void HistoryPanel::reload()
{
    m_list->clear();
    if (!m_search) {
        return;
    }
    const QList<HistoryEntry> entries = HistoryEntry::group(m_search(m_filter->text()));
    for (const auto& entry : entries) {
        const QString prompt = entry.prompt.simplified();
        QString detail = QLocale().toString(entry.startedAt.toLocalTime(), QLocale::ShortFormat);
        detail += QStringLiteral(" \u00b7 ") + tr("%n model(s)", nullptr, int(entry.models.size()));
        if (entry.costUsd > 0) {
            detail += QStringLiteral(" \u00b7 ") + (entry.costEstimated ? QStringLiteral("~") : QString())
                + Money::format(entry.costUsd);
        }
        if (entry.failed > 0) {
            detail += QStringLiteral(" \u00b7 ") + tr("%1 failed").arg(entry.failed);
        }
        auto* item = new QListWidgetItem(
            (prompt.isEmpty() ? tr("(prompt not stored)") : prompt.left(120)) + QLatin1Char('\n') + detail, m_list);
        item->setData(GroupRole, entry.compareGroup);
        item->setToolTip(entry.models.join(QStringLiteral(", ")));
    }
    if (entries.isEmpty()) {
        auto* item = new QListWidgetItem(
            m_filter->text().isEmpty() ? tr("No runs yet. Send a prompt to start.") : tr("No run matches."), m_list);
        item->setFlags(Qt::NoItemFlags);
    }
}

QList<RequestRecord> HistoryPanel::selectedRecords() const
{
    QList<RequestRecord> records;
    if (!m_load) {
        return records;
    }
    for (int row = 0; row < m_list->count(); ++row) { // in the list's order, newest first
        const QListWidgetItem* item = m_list->item(row);
        const QString group = item->data(GroupRole).toString();
        if (item->isSelected() && !group.isEmpty()) {
            records += m_load(group);
        }
    }
    return records;
}

void HistoryPanel::open(int row)
{
    QListWidgetItem* item = m_list->item(row);
    if (!item || !m_load) {
        return;
    }
    const QString group = item->data(GroupRole).toString();
    if (group.isEmpty()) {
        return;
    }
    const QList<RequestRecord> records = m_load(group);
    if (!records.isEmpty()) {
        emit runOpened(HistoryEntry::snapshotOf(records));
    }
}
