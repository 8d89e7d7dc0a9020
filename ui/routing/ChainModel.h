#pragma once

#include <QAbstractListModel>

class Engine;
class RoutingDocument;

// One tier's failover chain as a list of model cards. Drops (a card from any chain, or a model
// from the model list) become PolicyEdits on the document; the view never removes rows itself.
class ChainModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        ProviderRole = Qt::UserRole + 1,
        PriceRole, // "$0.15 / $0.60 per 1M" or "no price"
        HealthRole, // "up", "cooling down", "no key", "unknown model", "no price"
        HealthLevelRole, // 0 fine, 1 warning, 2 broken
        DeploymentsRole, // number of deployments in the step
        RatingRole, // "rating 1095" from the user's votes, empty without votes
    };

    static constexpr char kStepMime[] = "application/x-switchyard-chain-step";
    static constexpr char kModelMime[] = "application/x-switchyard-model";

    ChainModel(Engine& engine, RoutingDocument* document, const QString& tier, QObject* parent = nullptr);

    QString tier() const { return m_tier; }
    void setTier(const QString& tier);
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

private:
    Engine& m_engine;
    RoutingDocument* m_document;
    QString m_tier;
    QStringList m_models; // primary model id per step, as shown
    QList<int> m_deployments;
};
