#pragma once

#include "core/ledger/PrimaryReview.h"
#include "core/routing/RoutingPolicy.h"
#include "core/workbench/Leaderboard.h"
#include "core/workbench/ProviderHealth.h"

#include <QHash>

#include <QObject>
#include <QPointer>
#include <QUndoStack>

// The policy being edited, shared by the editor's views. Every edit goes through apply(), which
// pushes a before/after snapshot on the undo stack: policies are small, and one command class
// keeps undo correct for every kind of edit.
class RoutingDocument : public QObject
{
    Q_OBJECT

public:
    explicit RoutingDocument(QObject* parent = nullptr);

    const RoutingPolicy& policy() const { return m_policy; }
    QUndoStack* undoStack() { return &m_undo; }

    // Records an edit; nothing happens when `edited` equals the current policy.
    void apply(const RoutingPolicy& edited, const QString& description);
    // Starts over from `policy` (load, revert): clears undo history.
    void reset(const RoutingPolicy& policy);
    // Used by the undo command only.
    void restore(const RoutingPolicy& policy);

    // The app's one health model, which the cards and "Try a prompt" show; null without one.
    void setHealth(ProviderHealth* health);
    ProviderHealth* health() const { return m_health; }
    // The user's own votes per model (Leaderboard, by model), which the cards show next to price
    // and health; a model without votes has no entry.
    void setRatings(const QHash<QString, Leaderboard::Row>& ratings);
    std::optional<Leaderboard::Row> rating(const QString& modelId) const;
    // "Reconsider your primary" for the edited policy's tiers over the last `days` (PrimaryReviewer
    // keeps it current).
    void setPrimaryReview(const QList<PrimaryReview::Row>& rows, int days);
    std::optional<PrimaryReview::Row> primaryReview(const QString& tier) const;
    int primaryReviewDays() const { return m_primaryReviewDays; }

signals:
    void policyChanged();
    void healthChanged();
    void ratingsChanged();
    void primaryReviewChanged();

private:
    RoutingPolicy m_policy;
    QPointer<ProviderHealth> m_health;
    QHash<QString, Leaderboard::Row> m_ratings;
    QList<PrimaryReview::Row> m_primaryReview;
    int m_primaryReviewDays = 0;
    QUndoStack m_undo;
};
