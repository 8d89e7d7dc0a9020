#pragma once

#include "workbench/ModelCatalog.h"
#include "workbench/ProviderHealth.h"

#include <QHash>
#include <QWidget>

class QLabel;

// Status bar widget: one dot per provider, green when its last call succeeded, red when it
// failed for a reason that is the provider's fault, amber with the time left while it cools
// down, purple when over budget, grey before any call.
class ProviderStatusBar : public QWidget
{
    Q_OBJECT

public:
    ProviderStatusBar(const ModelCatalog& catalog, ProviderHealth* health, QWidget* parent = nullptr);

    QString summary() const;

private:
    void update(const QString& providerId);

    ModelCatalog m_catalog;
    ProviderHealth* m_health;
    QHash<QString, QLabel*> m_labels;
};
