#include "ui/routing/RulesPane.h"

#include "ui/common/StatusColors.h"
#include "ui/routing/RoutingDocument.h"
#include "ui/routing/RuleDelegate.h"
#include "ui/routing/RulesModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

RulesPane::RulesPane(RoutingDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_rules(new RulesModel(document, this))
    , m_rulesView(new QTableView(this))
    , m_problems(new QLabel(this))
{
    m_rulesView->setModel(m_rules);
    m_rulesView->setItemDelegate(new RuleDelegate(m_document, m_rulesView));
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->setDragEnabled(true);
    m_rulesView->setAcceptDrops(true);
    m_rulesView->setDropIndicatorShown(true);
    m_rulesView->setDragDropMode(QAbstractItemView::DragDrop);
    m_rulesView->setDefaultDropAction(Qt::MoveAction);
    m_rulesView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                 | QAbstractItemView::AnyKeyPressed);
    m_rulesView->setAccessibleName(tr("Rules, first match wins"));
    m_rulesView->verticalHeader()->setDefaultSectionSize(m_rulesView->fontMetrics().height() + 8);
    QHeaderView* header = m_rulesView->horizontalHeader();
    // Widths come from fitColumns() whenever the table's width or its texts change: with a
    // stretched pattern and fixed others, the problem column was pushed out of a 960 px window.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    m_rulesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rulesView->setTextElideMode(Qt::ElideRight);
    header->resizeSection(RulesModel::EnabledColumn, 32);
    header->resizeSection(RulesModel::KindColumn, 0);
    header->resizeSection(RulesModel::TierColumn, 0);
    m_problems->setObjectName(QStringLiteral("ruleProblems"));
    m_problems->setWordWrap(true);
    // A wrapped label asks for a width by its text; this one wraps to whatever the pane has.
    m_problems->setMinimumWidth(1);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setForegroundRole(QPalette::WindowText);
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, StatusColors::color(StatusTone::Bad));
    m_problems->setPalette(problemPalette);
    m_problems->hide();
    auto textsChanged = [this] {
        fitWordColumns();
        fitColumns();
        updateProblems();
    };
    textsChanged();
    connect(m_rules, &QAbstractItemModel::modelReset, this, textsChanged);
    connect(m_rules, &QAbstractItemModel::dataChanged, this, textsChanged);
    connect(m_rules, &QAbstractItemModel::rowsInserted, this, textsChanged);
    connect(m_rules, &QAbstractItemModel::rowsRemoved, this, textsChanged);
    m_rulesView->installEventFilter(this);
    m_rulesView->viewport()->installEventFilter(this);

    auto current = [this] { return m_rulesView->currentIndex().isValid() ? m_rulesView->currentIndex().row() : -1; };
    auto* add = new QPushButton(tr("&Add rule"), this);
    connect(add, &QPushButton::clicked, this, [this, current] {
        const int row = m_rules->addRule(current() < 0 ? -1 : current() + 1);
        m_rulesView->setCurrentIndex(m_rules->index(row, RulesModel::PatternColumn));
        m_rulesView->setFocus();
    });
    auto* remove = new QPushButton(tr("&Delete rule"), this);
    connect(remove, &QPushButton::clicked, this, [this, current] {
        if (current() >= 0) {
            m_rules->removeRule(current());
        }
    });
    auto* up = new QPushButton(tr("Move &up"), this);
    connect(up, &QPushButton::clicked, this, [this, current] {
        const int row = current();
        m_rules->moveRule(row, -1);
        m_rulesView->setCurrentIndex(m_rules->index(std::max(row - 1, 0), RulesModel::NameColumn));
    });
    auto* down = new QPushButton(tr("Move do&wn"), this);
    connect(down, &QPushButton::clicked, this, [this, current] {
        const int row = current();
        m_rules->moveRule(row, 1);
        m_rulesView->setCurrentIndex(
            m_rules->index(std::min(row + 1, m_rules->rowCount() - 1), RulesModel::NameColumn));
    });

    // The title above its buttons, so the pane and "Try a prompt" fit side by side in a window
    // on half of a 1920 px screen.
    auto* title = new QLabel(tr("<b>&Rules</b> (first match wins)"), this);
    title->setBuddy(m_rulesView);
    auto* buttons = new QHBoxLayout;
    for (auto* button : { add, remove, up, down }) {
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_rulesView, 1);
    layout->addWidget(m_problems);
}

bool RulesPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_rulesView->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    }
    // While a cell is edited its editor gets the keys, not the view.
    if (watched == m_rulesView && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int row = m_rulesView->currentIndex().isValid() ? m_rulesView->currentIndex().row() : -1;
        const bool ctrl = key->modifiers() & Qt::ControlModifier;
        if (key->key() == Qt::Key_Delete && row >= 0) {
            m_rules->removeRule(row);
            return true;
        }
        if (key->key() == Qt::Key_Insert) {
            const int added = m_rules->addRule(row + 1);
            m_rulesView->setCurrentIndex(m_rules->index(added, RulesModel::NameColumn));
            return true;
        }
        if (ctrl && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) && row >= 0) {
            const int delta = key->key() == Qt::Key_Up ? -1 : 1;
            m_rules->moveRule(row, delta);
            const int target = std::clamp(row + delta, 0, m_rules->rowCount() - 1);
            m_rulesView->setCurrentIndex(m_rules->index(target, m_rulesView->currentIndex().column()));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RulesPane::fitWordColumns()
{
    QHeaderView* header = m_rulesView->horizontalHeader();
    // The cell's margins as the item delegate draws them, and room for the header's sort arrow.
    const int cellPadding
        = 2 * (m_rulesView->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_rulesView) + 1) + 8;
    for (int column : { int(RulesModel::KindColumn), int(RulesModel::TierColumn) }) {
        int needed = header->fontMetrics().horizontalAdvance(
                         m_rules->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
            + 16;
        for (int row = 0; row < m_rules->rowCount(); ++row) {
            const QString text = m_rules->index(row, column).data(Qt::DisplayRole).toString();
            needed = qMax(needed, m_rulesView->fontMetrics().horizontalAdvance(text) + cellPadding);
        }
        if (header->sectionSize(column) < needed) {
            header->resizeSection(column, needed);
        }
    }
}

void RulesPane::fitColumns()
{
    QHeaderView* header = m_rulesView->horizontalHeader();
    const int available = m_rulesView->viewport()->width();
    if (available <= 0) {
        return;
    }
    // What each shared column would like (its widest text, capped) and the least it gets.
    struct Share
    {
        int column;
        int wanted;
        int least;
    };
    const QFontMetrics metrics = m_rulesView->fontMetrics();
    auto title = [&](int column) {
        return header->fontMetrics().horizontalAdvance(
                   m_rules->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
            + 10;
    };
    auto widest = [&](int column, int cap) {
        int needed = title(column);
        for (int row = 0; row < m_rules->rowCount(); ++row) {
            needed = qMax(needed, metrics.horizontalAdvance(m_rules->index(row, column).data().toString()) + 12);
        }
        return qMin(needed, cap);
    };
    // Never narrower than the column's title, nor than a few characters of its cells.
    const int em = metrics.averageCharWidth();
    auto makeShare = [&](int column, int cap, int leastChars) {
        return Share { column, widest(column, cap * em), qMax(title(column), leastChars * em) };
    };
    const QList<Share> shares { makeShare(RulesModel::NameColumn, 30, 6), makeShare(RulesModel::PatternColumn, 60, 8),
                                makeShare(RulesModel::PinnedColumn, 24, 6),
                                makeShare(RulesModel::ProblemColumn, 24, 8) };
    int left = available;
    for (int column : { int(RulesModel::EnabledColumn), int(RulesModel::KindColumn), int(RulesModel::TierColumn) }) {
        left -= header->sectionSize(column);
    }
    int wanted = 0;
    int least = 0;
    for (const Share& share : shares) {
        wanted += qMax(share.wanted, share.least);
        least += share.least;
    }
    for (const Share& share : shares) {
        const int want = qMax(share.wanted, share.least);
        int width = want;
        if (wanted > left) {
            // Short of room: each keeps its least and gets a part of the rest by what it wants.
            const int spare = qMax(0, left - least);
            width = share.least + (wanted > least ? (want - share.least) * spare / (wanted - least) : 0);
        } else if (share.column == RulesModel::PatternColumn) {
            width = want + (left - wanted); // room to spare goes to the pattern
        }
        header->resizeSection(share.column, qMax(width, header->minimumSectionSize()));
    }
}

void RulesPane::updateProblems()
{
    QStringList lines;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        const QString problem = m_rules->index(row, RulesModel::ProblemColumn).data().toString();
        if (!problem.isEmpty()) {
            lines << tr("Rule %1 \"%2\": %3")
                         .arg(row + 1)
                         .arg(m_rules->index(row, RulesModel::NameColumn).data().toString(), problem);
        }
    }
    m_problems->setText(lines.join(u'\n'));
    m_problems->setVisible(!lines.isEmpty());
}

void RulesPane::selectCell(int row, int column)
{
    m_rulesView->setCurrentIndex(m_rules->index(row, column));
    m_rulesView->setFocus();
}
