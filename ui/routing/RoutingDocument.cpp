#include "ui/routing/RoutingDocument.h"

#include "core/workbench/ProviderHealth.h"

#include <QUndoCommand>

namespace {
class PolicySnapshotCommand : public QUndoCommand
{
public:
    PolicySnapshotCommand(RoutingDocument* document, RoutingPolicy before, RoutingPolicy after, const QString& text)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void undo() override { m_document->restore(m_before); }
    void redo() override { m_document->restore(m_after); }

private:
    RoutingDocument* m_document;
    RoutingPolicy m_before;
    RoutingPolicy m_after;
};
} // namespace

RoutingDocument::RoutingDocument(QObject* parent)
    : QObject(parent)
{
}

void RoutingDocument::apply(const RoutingPolicy& edited, const QString& description)
{
    if (edited == m_policy) {
        return;
    }
    m_undo.push(new PolicySnapshotCommand(this, m_policy, edited, description));
}

void RoutingDocument::reset(const RoutingPolicy& policy)
{
    m_undo.clear();
    restore(policy);
    m_undo.setClean();
}

void RoutingDocument::restore(const RoutingPolicy& policy)
{
    m_policy = policy;
    emit policyChanged();
}

void RoutingDocument::setRatings(const QHash<QString, Leaderboard::Row>& ratings)
{
    m_ratings = ratings;
    emit ratingsChanged();
}

std::optional<Leaderboard::Row> RoutingDocument::rating(const QString& modelId) const
{
    const auto it = m_ratings.constFind(modelId);
    return it == m_ratings.cend() ? std::nullopt : std::optional<Leaderboard::Row>(*it);
}

void RoutingDocument::setPrimaryReview(const QList<PrimaryReview::Row>& rows, int days)
{
    m_primaryReview = rows;
    m_primaryReviewDays = days;
    emit primaryReviewChanged();
}

std::optional<PrimaryReview::Row> RoutingDocument::primaryReview(const QString& tier) const
{
    for (const PrimaryReview::Row& row : m_primaryReview) {
        if (row.tier == tier) {
            return row;
        }
    }
    return std::nullopt;
}

void RoutingDocument::setHealth(ProviderHealth* health)
{
    if (m_health) {
        m_health->disconnect(this);
    }
    m_health = health;
    if (health) {
        connect(health, &ProviderHealth::changed, this, &RoutingDocument::healthChanged);
    }
    emit healthChanged();
}
