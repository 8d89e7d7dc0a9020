#pragma once

#include "app/cli/CliCommand.h"
#include "core/gateway/ClientKey.h"

// `switchyard keys create|list|revoke|unpriced`: the gateway's client keys. A new key is printed once;
// only its salted hash is kept (client-keys.json in the home dir). A running `serve` sees a
// revocation on the next request.
class KeysCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    enum class Action
    {
        Create,
        List,
        Revoke,
        Unpriced, // allow or refuse unpriced models under the key's budget
    };
    int create(const QString& path);
    int list(Engine& engine, const QString& path);
    int revoke(const QString& path);
    int setUnpriced(const QString& path);

    Action m_action = Action::List;
    ClientKey m_settings; // name and limits for create
    QString m_target; // id or name for revoke and unpriced
    bool m_allowUnpriced = false; // for unpriced
    bool m_json = false;
};
