#pragma once

#include "core/ledger/TeamConfigStore.h"

#include <QObject>
#include <QString>
#include <QThread>

// Follows a team's configuration in the ledger database for a running gateway: asks for the newest
// version every kPollMs on a thread of its own (a database that hangs stalls that thread, never
// requests) and says when there is a version newer than the one applied.
class TeamConfigFollower : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollMs = 2000;

    // `applied`: the version the home already runs on (0: none).
    TeamConfigFollower(const QString& ledgerUrl, int applied, QObject* parent = nullptr);
    ~TeamConfigFollower() override;

    void start();
    // The caller applied (or refused) `version`: the next newer one is announced.
    void acknowledge(int version);

signals:
    void versionAvailable(const TeamConfigVersion& config);
    // The database could not be asked (once per cause), or can be again (error empty).
    void reachabilityChanged(const QString& error);

private:
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread
};

Q_DECLARE_METATYPE(TeamConfigVersion)
