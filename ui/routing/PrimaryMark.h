#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class RoutingDocument;

// "Reconsider your primary" on a tier's column, right above its first card: shown when the
// tier's primary fails over more often than the failover-rate threshold, with the evidence and a
// button that promotes the most reliable fallback to the top of the chain as one undoable edit.
class PrimaryMark final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrimaryMark)

public:
    PrimaryMark(RoutingDocument* document, const QString& tier, QWidget* parent = nullptr);

    QString text() const;
    QPushButton* promoteButton() const { return m_promote; }
    // Moves the fallback to promote to the top of the chain; false when there is none.
    bool promote();

private:
    void refresh();

    RoutingDocument* m_document;
    QString m_tier;
    QString m_fallback; // the model the button promotes
    QLabel* m_text;
    QPushButton* m_promote;
};
