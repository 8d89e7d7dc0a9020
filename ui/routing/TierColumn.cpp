#include "ui/routing/TierColumn.h"

#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/routing/ChainAnalysis.h"
#include "core/routing/PolicyEdits.h"
#include "ui/common/StatusColors.h"
#include "ui/routing/ChainModel.h"
#include "ui/routing/ModelCardDelegate.h"
#include "ui/routing/PrimaryMark.h"
#include "ui/routing/RoutingDocument.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QString duration(qint64 ms)
{
    if (ms >= 120000) {
        return TierColumn::tr("%1 min").arg(QLocale().toString(ms / 60000.0, 'f', 1));
    }
    // In the language's digits, as the rest of the figures: "12,1 min" in German.
    return TierColumn::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 1 : 0));
}
} // namespace

TierColumn::TierColumn(Engine& engine, RoutingDocument* document, const QString& tierName, QWidget* parent)
    : QFrame(parent)
    , m_engine(engine)
    , m_document(document)
    , m_model(new ChainModel(engine, document, tierName, this))
    , m_name(new QLineEdit(tierName, this))
    , m_view(new QListView(this))
    , m_worstCase(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(250);

    m_name->setAccessibleName(tr("Tier name"));
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    connect(m_name, &QLineEdit::editingFinished, this, &TierColumn::rename);

    auto button = [this](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* header = new QHBoxLayout;
    header->addWidget(m_name, 1);
    header->addWidget(button(QStringLiteral("◀"), tr("Move tier left"), [this] {
        const int index = PolicyEdits::tierIndex(m_document->policy(), tier());
        m_document->apply(PolicyEdits::moveTier(m_document->policy(), index, index - 1),
                          tr("Move tier %1").arg(tier()));
    }));
    header->addWidget(button(QStringLiteral("▶"), tr("Move tier right"), [this] {
        const int index = PolicyEdits::tierIndex(m_document->policy(), tier());
        m_document->apply(PolicyEdits::moveTier(m_document->policy(), index, index + 1),
                          tr("Move tier %1").arg(tier()));
    }));
    header->addWidget(button(QStringLiteral("⚙"), tr("Failover settings"), [this] { emit settingsRequested(tier()); }));
    header->addWidget(button(QStringLiteral("✕"), tr("Delete tier"), [this] {
        m_document->apply(PolicyEdits::removeTier(m_document->policy(), tier()), tr("Delete tier %1").arg(tier()));
    }));

    m_view->setModel(m_model);
    m_view->setItemDelegate(new ModelCardDelegate(m_view));
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Chain of tier %1").arg(tierName));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->installEventFilter(this);

    m_worstCase->setWordWrap(true);
    m_worstCase->setTextFormat(Qt::RichText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(new PrimaryMark(document, tierName, this));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_worstCase);

    connect(document, &RoutingDocument::policyChanged, this, &TierColumn::refresh);
    refresh();
}

QString TierColumn::tier() const
{
    return m_model->tier();
}

void TierColumn::refresh()
{
    const RoutingPolicy& policy = m_document->policy();
    const RoutingTier* tier = policy.tier(this->tier());
    if (!tier) {
        return; // about to be replaced by the board
    }
    const ChainWorstCase worst = ChainAnalysis::worstCase(tier->chain, policy.effectiveSettings(tier->name),
                                                          [this](const QString& id) { return m_engine.model(id); });
    QStringList broken;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(ChainModel::HealthLevelRole).toInt() == 2) {
            broken.append(index.data().toString());
        }
    }
    const QString time = worst.timeUnbounded ? tr("no time limit") : duration(worst.longestMs);
    const QString cost = Money::format(worst.highestCostUsd) + (worst.costComplete ? QString() : QStringLiteral("+"));
    const QString calls = worst.maxUpstreamCalls == 1 ? tr("1 call") : tr("%1 calls").arg(worst.maxUpstreamCalls);
    QString text = tr("<b>Worst case:</b> %1 · %2 · %3").arg(calls, time, cost);
    m_worstCase->setToolTip(
        tr("One request can make up to %n upstream call(s) (every deployment once, plus one retry after a 429), "
           "take %1 until an answer or a final error when every attempt runs into its timeout, and cost up to %2 "
           "(2,000 tokens in, 1,000 out on the dearest model)%3.",
           nullptr, worst.maxUpstreamCalls)
            .arg(time, cost, worst.costComplete ? QString() : tr("; some models have no price")));
    if (tier->chain.isEmpty()) {
        text = QStringLiteral("<span style='color:%1'>%2</span>")
                   .arg(StatusColors::name(StatusTone::Bad), tr("Empty chain: requests for this tier fail."));
    } else if (!broken.isEmpty()) {
        text += QStringLiteral("<br><span style='color:%1'>%2</span>")
                    .arg(StatusColors::name(StatusTone::Bad),
                         tr("Will be skipped: %1").arg(broken.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    m_worstCase->setText(text);
}

void TierColumn::rename()
{
    const QString name = m_name->text().trimmed();
    if (name == tier()) {
        return;
    }
    const RoutingPolicy renamed = PolicyEdits::renameTier(m_document->policy(), tier(), name);
    if (renamed == m_document->policy()) {
        m_name->setText(tier()); // empty or taken: keep the old name
        return;
    }
    const QString old = tier();
    m_model->setTier(name); // before apply(), so this column keeps showing its chain
    m_document->apply(renamed, tr("Rename tier %1 to %2").arg(old, name));
}

void TierColumn::removeCurrentStep()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        m_document->apply(PolicyEdits::removeStep(m_document->policy(), tier(), current.row()),
                          tr("Remove %1 from %2").arg(current.data().toString(), tier()));
    }
}

void TierColumn::moveCurrentStep(int rowDelta, int tierDelta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const RoutingPolicy& policy = m_document->policy();
    const int row = current.row();
    if (tierDelta == 0) {
        const int target = row + rowDelta;
        if (target < 0 || target >= m_model->rowCount()) {
            return;
        }
        // Drop positions count the dragged row: moving down means dropping after the next row.
        m_document->apply(PolicyEdits::moveStep(policy, tier(), row, tier(), rowDelta > 0 ? target + 1 : target),
                          tr("Reorder %1 in %2").arg(current.data().toString(), tier()));
        m_view->setCurrentIndex(m_model->index(target));
        return;
    }
    const int neighbour = PolicyEdits::tierIndex(policy, tier()) + tierDelta;
    if (neighbour >= 0 && neighbour < policy.tiers.size()) {
        const QString to = policy.tiers.at(neighbour).name;
        m_document->apply(PolicyEdits::moveStep(policy, tier(), row, to, row),
                          tr("Move %1 to %2").arg(current.data().toString(), to));
    }
}

bool TierColumn::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::FocusIn) {
        emit focused(tier());
    }
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool ctrl = key->modifiers() & Qt::ControlModifier;
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeCurrentStep();
            return true;
        }
        if (ctrl && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrentStep(key->key() == Qt::Key_Up ? -1 : 1, 0);
            return true;
        }
        if (ctrl && (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right)) {
            moveCurrentStep(0, key->key() == Qt::Key_Left ? -1 : 1);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}
