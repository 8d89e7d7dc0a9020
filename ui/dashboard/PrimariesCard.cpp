#include "ui/dashboard/PrimariesCard.h"

#include "ui/common/StatusColors.h"
#include "ui/dashboard/ChartStyle.h"
#include "ui/dashboard/PrimaryAdvice.h"

#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

PrimariesCard::PrimariesCard(QWidget* parent)
    : QFrame(parent)
    , m_note(new QLabel(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("primariesCard"));
    setFrameShape(QFrame::StyledPanel);
    auto* title = new QLabel(tr("Primaries"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_note->setObjectName(QStringLiteral("primariesNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    m_model->setHorizontalHeaderLabels(
        { tr("Tier"), tr("Primary"), tr("Requests"), tr("Failover rate"), tr("Provider uptime"), tr("Suggestion") });
    m_table->setObjectName(QStringLiteral("primariesTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->verticalHeader()->hide();
    // The dashboard's other tables' row height: a line of text with room around it.
    m_table->verticalHeader()->setMinimumSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(true);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    for (int column = TierColumn; column < SuggestionColumn; ++column) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (column == SuggestionColumn) {
            fitHeight(); // a narrower suggestion wraps onto more lines
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_note);
    layout->addWidget(m_table);
    showEmpty(QString());
}

void PrimariesCard::setRows(const QList<PrimaryReview::Row>& rows, const FailoverRateRule& rule)
{
    if (rows.isEmpty()) {
        showEmpty(tr("No tier has a chain to review."));
        return;
    }
    m_note->setText(PrimaryAdvice::thresholdNote(rule));
    m_model->setRowCount(0);
    const QColor warning = StatusColors::color(StatusTone::Warning);
    for (const PrimaryReview::Row& row : rows) {
        QList<QStandardItem*> items;
        for (int column = 0; column < ColumnCount; ++column) {
            items << new QStandardItem;
        }
        items[TierColumn]->setText(row.tier);
        items[PrimaryColumn]->setText(row.reconsider ? QStringLiteral("⚠ ") + row.primary.model : row.primary.model);
        items[RequestsColumn]->setText(ChartStyle::formatCount(row.requests));
        items[FailoverRateColumn]->setText(PrimaryAdvice::failoverRate(row));
        items[UptimeColumn]->setText(PrimaryAdvice::uptime(row.primary));
        items[SuggestionColumn]->setText(row.reconsider ? PrimaryAdvice::suggestion(row) : QStringLiteral("—"));
        for (int column : { RequestsColumn, FailoverRateColumn, UptimeColumn }) {
            items[column]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        const QString evidence = PrimaryAdvice::evidence(row);
        for (QStandardItem* item : std::as_const(items)) {
            item->setToolTip(evidence);
        }
        if (row.reconsider) {
            for (int column : { PrimaryColumn, FailoverRateColumn, SuggestionColumn }) {
                QFont font = items[column]->font();
                font.setBold(column != SuggestionColumn);
                items[column]->setFont(font);
                items[column]->setForeground(warning);
            }
        }
        m_model->appendRow(items);
    }
    m_table->show();
    fitHeight();
}

void PrimariesCard::showEmpty(const QString& text)
{
    m_model->setRowCount(0);
    m_note->setText(text);
    m_table->hide();
}

QString PrimariesCard::note() const
{
    return m_note->text();
}

void PrimariesCard::fitHeight()
{
    // Every row shown, none scrolled away inside the dashboard's own scroll area.
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        height += m_table->rowHeight(row);
    }
    m_table->setFixedHeight(height);
}
