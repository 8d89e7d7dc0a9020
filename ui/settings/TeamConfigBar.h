#pragma once

#include "core/ledger/TeamConfigStore.h"

#include <QFrame>

class Engine;
class QLabel;
class QPushButton;
class TeamConfigFollower;

// A bar above the pages while the app runs on a team's ledger database and a newer version of the
// team's configuration (switchyard team push) is there: what it is, who pushed it, when and why,
// with Apply (providers, routing and client keys take effect at once) and Later (offered again
// only for a newer version). A version with errors is shown with its errors and not applied.
class TeamConfigBar : public QFrame
{
    Q_OBJECT

public:
    explicit TeamConfigBar(Engine& engine, QWidget* parent = nullptr);

    // Follows the ledger database's team configuration; nothing happens without one (a file).
    void follow();
    QString text() const;

signals:
    void applied(const QString& message);

private:
    void offer(const TeamConfigVersion& config);
    void apply();

    Engine& m_engine;
    TeamConfigFollower* m_follower = nullptr;
    TeamConfigVersion m_offered;
    QLabel* m_text;
    QPushButton* m_apply;
    QPushButton* m_later;
};
