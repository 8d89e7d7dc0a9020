#pragma once

#include "CliCommand.h"

#include <QHostAddress>

class GatewayServer;

// `switchyard serve [--port N] [--bind ADDR] [--key-env NAME]`: the OpenAI-compatible gateway
// (and /v1/messages for Anthropic clients) with the app's routing, failover and ledger. Runs
// until SIGINT/SIGTERM, then lets the ledger commit what is queued.
class ServeCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    void installSignalHandlers();

    QHostAddress m_bind = QHostAddress::LocalHost;
    quint16 m_port = 4000;
    QString m_keyEnv = QStringLiteral("SWITCHYARD_GATEWAY_KEY");
    bool m_quiet = false;
    QStringList m_allowedHosts;
    QStringList m_allowedOrigins;
    QString m_tlsCert;
    QString m_tlsKey;
    bool m_insecureHttp = false;
    GatewayServer* m_gateway = nullptr;
};
