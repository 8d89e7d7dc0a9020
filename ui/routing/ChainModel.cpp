#include "ui/routing/ChainModel.h"

#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/routing/PolicyEdits.h"
#include "core/routing/Router.h"
#include "core/workbench/ProviderHealth.h"
#include "ui/routing/RoutingDocument.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMimeData>

ChainModel::ChainModel(Engine& engine, RoutingDocument* document, const QString& tier, QObject* parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
    , m_document(document)
    , m_tier(tier)
{
    connect(document, &RoutingDocument::policyChanged, this, &ChainModel::refresh);
    const auto repaint = [this] {
        if (!m_models.isEmpty()) {
            emit dataChanged(index(0), index(int(m_models.size()) - 1));
        }
    };
    connect(document, &RoutingDocument::healthChanged, this, repaint);
    connect(document, &RoutingDocument::ratingsChanged, this, repaint);
    refresh();
}

void ChainModel::setTier(const QString& tier)
{
    m_tier = tier;
    refresh();
}

void ChainModel::refresh()
{
    beginResetModel();
    m_models.clear();
    m_deployments.clear();
    if (const RoutingTier* tier = m_document->policy().tier(m_tier)) {
        for (const auto& step : tier->chain) {
            m_models.append(step.primaryModelId());
            m_deployments.append(int(step.deployments.size()));
        }
    }
    endResetModel();
}

int ChainModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

QVariant ChainModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_models.size()) {
        return {};
    }
    const QString& id = m_models.at(index.row());
    const ModelConfig* model = m_engine.model(id);
    const Availability availability = m_engine.router()->availability(id, ChatRequest {});
    const bool priced = model && model->price.known;
    // Usable by the router, but known down (a failed attempt, a sandbox fault): the first try fails.
    ProviderHealth::Entry health;
    if (model && m_document->health()) {
        health = m_document->health()->modelEntry(model->id, model->providerId);
    }
    const bool down = availability.usable() && health.state == ProviderHealth::State::Failing;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return id;
    case ProviderRole:
        return model ? model->providerId : QString();
    case PriceRole:
        return priced ? tr("%1 / %2 per 1M")
                            .arg(Money::format(model->price.inputPerMTok), Money::format(model->price.outputPerMTok))
                      : tr("no price");
    case HealthRole:
        switch (availability.kind) {
        case SkipKind::None:
            if (down) {
                return ProviderHealth::describe(health);
            }
            return priced ? ProviderHealth::stateText(ProviderHealth::State::Healthy) : tr("no price");
        case SkipKind::UnknownModel:
            return tr("unknown model");
        case SkipKind::NoKey:
            return tr("no key");
        case SkipKind::CoolingDown:
        case SkipKind::ProbeInUse:
            return tr("cooling down");
        default:
            return availability.reason;
        }
    case HealthLevelRole:
        if (availability.kind == SkipKind::None) {
            return down ? 2 : priced ? 0 : 1;
        }
        return availability.kind == SkipKind::CoolingDown || availability.kind == SkipKind::ProbeInUse ? 1 : 2;
    case DeploymentsRole:
        return m_deployments.at(index.row());
    case RatingRole: {
        const std::optional<Leaderboard::Row> rating = m_document->rating(id);
        return rating ? tr("rating %1").arg(QLocale().toString(rating->rating, 'f', 0)) : QString();
    }
    case Qt::ToolTipRole: {
        // The card elides its price line in a narrow tier: the tooltip has all of it.
        QString details
            = tr("%1\n%2 · %3").arg(id, data(index, ProviderRole).toString(), data(index, PriceRole).toString());
        if (const std::optional<Leaderboard::Row> rating = m_document->rating(id)) {
            const QLocale locale;
            details += QLatin1Char('\n')
                + tr("Your votes: rating %1 (95 % interval %2 to %3), %4 won, %5 lost, %6 tied")
                      .arg(locale.toString(rating->rating, 'f', 0), locale.toString(rating->ratingLow, 'f', 0),
                           locale.toString(rating->ratingHigh, 'f', 0))
                      .arg(rating->wins)
                      .arg(rating->losses)
                      .arg(rating->ties);
        }
        if (down) {
            return tr("%1\n%2").arg(details, ProviderHealth::describe(health));
        }
        return availability.usable() ? details : tr("%1\n%2").arg(details, availability.reason);
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3").arg(id, data(index, PriceRole).toString(), data(index, HealthRole).toString());
    default:
        return {};
    }
}

Qt::ItemFlags ChainModel::flags(const QModelIndex& index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index) | Qt::ItemIsDropEnabled;
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList ChainModel::mimeTypes() const
{
    return { QString::fromLatin1(kStepMime), QString::fromLatin1(kModelMime) };
}

QMimeData* ChainModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty()) {
        return nullptr;
    }
    auto* mime = new QMimeData;
    const QJsonObject step { { QStringLiteral("tier"), m_tier }, { QStringLiteral("row"), indexes.first().row() } };
    mime->setData(QString::fromLatin1(kStepMime), QJsonDocument(step).toJson(QJsonDocument::Compact));
    mime->setText(m_models.value(indexes.first().row()));
    return mime;
}

Qt::DropActions ChainModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions ChainModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

bool ChainModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int, const QModelIndex&) const
{
    return data
        && (data->hasFormat(QString::fromLatin1(kStepMime)) || data->hasFormat(QString::fromLatin1(kModelMime)));
}

bool ChainModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                              const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    if (row < 0) {
        row = parent.isValid() ? parent.row() : rowCount();
    }
    const RoutingPolicy& policy = m_document->policy();
    if (data->hasFormat(QString::fromLatin1(kStepMime))) {
        const QJsonObject step = QJsonDocument::fromJson(data->data(QString::fromLatin1(kStepMime))).object();
        const QString fromTier = step.value(QStringLiteral("tier")).toString();
        const int fromRow = step.value(QStringLiteral("row")).toInt(-1);
        const QString model = data->text();
        m_document->apply(PolicyEdits::moveStep(policy, fromTier, fromRow, m_tier, row),
                          fromTier == m_tier ? tr("Reorder %1 in %2").arg(model, m_tier)
                                             : tr("Move %1 to %2").arg(model, m_tier));
    } else {
        const QString model = QString::fromUtf8(data->data(QString::fromLatin1(kModelMime)));
        m_document->apply(PolicyEdits::insertModel(policy, m_tier, row, model), tr("Add %1 to %2").arg(model, m_tier));
    }
    // False: the edit is done; the source view must not remove the dragged row on its own.
    return false;
}
