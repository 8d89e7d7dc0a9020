#pragma once

#include "core/common/ProviderTypes.h"

#include <QList>
#include <QWidget>

class QListWidget;
class QTableWidget;

// The models of one provider in the Providers dialog: a table of upstream name, prices and context
// window, rows added by hand or checked from the provider's own list (setFetched), and the buttons
// that ask the dialog to fetch that list or test the connection.
class ProviderModelsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit ProviderModelsEditor(QWidget* parent = nullptr);

    void setModels(const QList<ModelConfig>& models);
    void addModel(const ModelConfig& model);
    // The table's rows as models of `provider`; each keeps what the table does not show (timeouts,
    // max output) from its entry in `existing`.
    QList<ModelConfig> models(const ProviderConfig& provider, const QList<ModelConfig>& existing) const;
    // An Azure model row names a deployment: the first column says so.
    void setDeployments(bool deployments);

    // The provider's own list, each to be checked and added.
    void setFetched(const QStringList& ids);
    QStringList fetched() const;
    // The checked ids of the fetched list, unchecked again.
    QStringList takeChecked();

signals:
    void fetchRequested();
    void testRequested();
    void addCheckedRequested();

private:
    QTableWidget* m_table;
    QListWidget* m_fetched;
};
