#pragma once

#include <QScrollArea>

class Engine;
class QHBoxLayout;
class RoutingDocument;
class TierColumn;

// The tiers side by side, one TierColumn each, rebuilt when tiers are added, renamed, moved or
// deleted (chain edits only refresh the columns' models).
class TierBoard : public QScrollArea
{
    Q_OBJECT

public:
    TierBoard(Engine& engine, RoutingDocument* document, QWidget* parent = nullptr);

    QList<TierColumn*> columns() const { return m_columns; }
    TierColumn* column(const QString& tier) const;
    // The tier whose chain had the focus last (where Enter in the model list adds a model).
    QString currentTier() const;

signals:
    void settingsRequested(const QString& tier);

private:
    void rebuildIfNeeded();

    Engine& m_engine;
    RoutingDocument* m_document;
    QWidget* m_content;
    QHBoxLayout* m_layout;
    QList<TierColumn*> m_columns;
    QStringList m_tiers;
    QString m_currentTier;
};
