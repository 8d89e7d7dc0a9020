#include "ui/routing/ModelListModel.h"

#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "ui/routing/ChainModel.h"

#include <QMimeData>

ModelListModel::ModelListModel(Engine& engine, QObject* parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
{
    connect(&engine, &Engine::configChanged, this, &ModelListModel::refresh);
    refresh();
}

void ModelListModel::refresh()
{
    beginResetModel();
    m_ids.clear();
    for (const auto& model : m_engine.models()) {
        // A saved sandbox policy puts the sandbox's models into the config too: list each once.
        if (!m_ids.contains(model.id)) {
            m_ids.append(model.id);
        }
    }
    m_ids.sort(Qt::CaseInsensitive);
    endResetModel();
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size()) {
        return {};
    }
    const QString& id = m_ids.at(index.row());
    if (role == Qt::DisplayRole) {
        return id;
    }
    if (role == Qt::ToolTipRole) {
        const ModelConfig* model = m_engine.model(id);
        if (model && model->price.known) {
            return tr("%1 on %2: %3 / %4 per 1M tokens in / out")
                .arg(id, model->providerId, Money::format(model->price.inputPerMTok),
                     Money::format(model->price.outputPerMTok));
        }
        return tr("%1: no price").arg(id);
    }
    return {};
}

Qt::ItemFlags ModelListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
}

QStringList ModelListModel::mimeTypes() const
{
    return { QString::fromLatin1(ChainModel::kModelMime) };
}

QMimeData* ModelListModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty()) {
        return nullptr;
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(ChainModel::kModelMime), m_ids.value(indexes.first().row()).toUtf8());
    return mime;
}

Qt::DropActions ModelListModel::supportedDragActions() const
{
    return Qt::CopyAction;
}
