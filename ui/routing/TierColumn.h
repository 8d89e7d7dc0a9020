#pragma once

#include <QFrame>

class ChainModel;
class Engine;
class QLabel;
class QLineEdit;
class QListView;
class RoutingDocument;

// One tier: its name (editable), buttons to move or delete it, its chain as model cards and the
// chain's worst case. Keys on the chain: Delete removes a step, Ctrl+Up/Down reorders,
// Ctrl+Left/Right moves the step to the neighbouring tier.
class TierColumn : public QFrame
{
    Q_OBJECT

public:
    TierColumn(Engine& engine, RoutingDocument* document, const QString& tier, QWidget* parent = nullptr);

    QString tier() const;
    ChainModel* chainModel() const { return m_model; }
    QListView* chainView() const { return m_view; }
    QLineEdit* nameEdit() const { return m_name; }
    QLabel* worstCaseLabel() const { return m_worstCase; }

    void removeCurrentStep();
    void moveCurrentStep(int rowDelta, int tierDelta);

signals:
    void settingsRequested(const QString& tier);
    void focused(const QString& tier);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void rename();

    Engine& m_engine;
    RoutingDocument* m_document;
    ChainModel* m_model;
    QLineEdit* m_name;
    QListView* m_view;
    QLabel* m_worstCase;
};
