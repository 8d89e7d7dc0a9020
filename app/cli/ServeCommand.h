#pragma once

#include "app/cli/CliCommand.h"

#include "core/telemetry/OtlpSettings.h"

#include <QHostAddress>

#include <optional>

class GatewayServer;

// `switchyard serve [--port N] [--bind ADDR] [--key-env NAME] [--grace-seconds S] [--metrics-port N]
// [--otlp-endpoint URL] [--probe-every MINUTES] [--probe-cap USD] [--team-config]`: the
// OpenAI-compatible gateway (and /v1/messages for Anthropic clients) with the app's routing,
// failover and ledger. Runs until SIGINT/SIGTERM; then it stops accepting, gives the requests in
// flight the grace period to finish (a second signal ends it at once), cancels the rest with an
// error to their clients, and exits 0 once every request is recorded.
class ServeCommand : public CliCommand
{
    Q_OBJECT

public:
    bool parse(const QStringList& arguments) override;
    void run(Engine& engine) override;

private:
    void installSignalHandlers();
    void startAlerts(Engine& engine);
    void startTraces(Engine& engine);
    void startProbes(Engine& engine);
    void followTeamConfig(Engine& engine);
    void onStopSignal();

    QHostAddress m_bind = QHostAddress::LocalHost;
    quint16 m_port = 4000;
    QString m_keyEnv = QStringLiteral("SWITCHYARD_GATEWAY_KEY");
    bool m_quiet = false;
    QStringList m_allowedHosts;
    QStringList m_allowedOrigins;
    QString m_tlsCert;
    QString m_tlsKey;
    bool m_insecureHttp = false;
    int m_graceSeconds = 10;
    int m_metricsPort = -1; // -1: /metrics only on the gateway's own port
    std::optional<OtlpSettings> m_traces; // --otlp-endpoint or the OTEL_* variables; nullopt: off
    bool m_teamConfig = false; // --team-config: follow the team's configuration in the ledger database
    int m_probeMinutes = 0; // 0: no active probes
    double m_probeCapUsd = 0;
    int m_stopSignals = 0;
    GatewayServer* m_gateway = nullptr;
};
