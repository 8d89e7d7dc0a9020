#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class LedgerConnection;

// One version of a team's configuration: the three files every gateway and app of the team runs
// on, whole (client keys as salted hashes only, never a secret), and who pushed it.
struct TeamConfigVersion
{
    int version = 0;
    QByteArray providers; // providers.json
    QByteArray routing; // routing.json
    QByteArray clientKeys; // client-keys.json
    QString changedBy; // the database role that wrote it (PostgreSQL: current_user, not a claim)
    QString changedOn; // user@host of the process that pushed it
    QDateTime changedAt; // UTC
    QString note;
};

// A team's configuration in the ledger database (table team_config), versioned: every push adds a
// version, nothing is changed in place, so the history says who changed what and when. A push
// names the version its change was made on; when someone else pushed after that, it is refused
// (unless forced) rather than silently undoing their change. Reading needs SELECT, pushing
// INSERT: packaging/postgresql/roles.sql gives that to switchyard_admin only.
class TeamConfigStore final
{
public:
    explicit TeamConfigStore(const QString& location);
    ~TeamConfigStore();
    TeamConfigStore(const TeamConfigStore&) = delete;
    TeamConfigStore& operator=(const TeamConfigStore&) = delete;

    // The newest version's number (0: none yet), or -1 with errorString().
    int latestVersion();
    // A version whole (0: the newest); nullopt when there is none (errorString() empty) or on error.
    std::optional<TeamConfigVersion> version(int number = 0);
    // Every version, newest first, without the files.
    std::optional<QList<TeamConfigVersion>> history();
    // Adds `config` as the version after `baseVersion`. Refused when the newest version is not
    // `baseVersion` (someone pushed since; conflict() says who) unless `force`. The new number,
    // or 0 with errorString().
    int push(const TeamConfigVersion& config, int baseVersion, bool force);
    // The version that was newer than the push's base, when push() was refused for it.
    std::optional<TeamConfigVersion> conflict() const { return m_conflict; }

    QString errorString() const { return m_error; }

private:
    bool connect();
    void fail(const QString& error);

    QString m_location;
    std::unique_ptr<LedgerConnection> m_connection;
    QString m_error;
    std::optional<TeamConfigVersion> m_conflict;
};
