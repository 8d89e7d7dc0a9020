#pragma once

#include <QAbstractListModel>

class Engine;

// Every configured model (the sandbox's too), to drag into a chain.
class ModelListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit ModelListModel(Engine& engine, QObject* parent = nullptr);

    void refresh();
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    Engine& m_engine;
    QStringList m_ids;
};
