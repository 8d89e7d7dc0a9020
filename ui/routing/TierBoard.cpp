#include "ui/routing/TierBoard.h"

#include "ui/routing/RoutingDocument.h"
#include "ui/routing/TierColumn.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>

TierBoard::TierBoard(Engine& engine, RoutingDocument* document, QWidget* parent)
    : QScrollArea(parent)
    , m_engine(engine)
    , m_document(document)
    , m_content(new QWidget(this))
    , m_layout(new QHBoxLayout(m_content))
{
    m_layout->setContentsMargins(4, 4, 4, 4);
    setWidget(m_content);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(document, &RoutingDocument::policyChanged, this, &TierBoard::rebuildIfNeeded);
    rebuildIfNeeded();
}

TierColumn* TierBoard::column(const QString& tier) const
{
    for (auto* column : m_columns) {
        if (column->tier() == tier) {
            return column;
        }
    }
    return nullptr;
}

QString TierBoard::currentTier() const
{
    if (column(m_currentTier)) {
        return m_currentTier;
    }
    return m_tiers.value(0);
}

void TierBoard::rebuildIfNeeded()
{
    QStringList tiers;
    for (const auto& tier : m_document->policy().tiers) {
        tiers.append(tier.name);
    }
    if (tiers == m_tiers) {
        return;
    }
    m_tiers = tiers;
    // deleteLater: a rebuild can start inside a column's own signal (rename, delete button).
    for (auto* column : std::as_const(m_columns)) {
        column->hide();
        column->deleteLater();
    }
    m_columns.clear();
    while (m_layout->count() > 0) {
        delete m_layout->takeAt(0);
    }
    QWidget* previous = nullptr;
    for (const auto& tier : tiers) {
        auto* column = new TierColumn(m_engine, m_document, tier, m_content);
        connect(column, &TierColumn::settingsRequested, this, &TierBoard::settingsRequested);
        connect(column, &TierColumn::focused, this, [this](const QString& name) { m_currentTier = name; });
        m_layout->addWidget(column, 1);
        m_columns.append(column);
        if (previous) {
            setTabOrder(previous, column->nameEdit());
        }
        previous = column->chainView();
    }
}
