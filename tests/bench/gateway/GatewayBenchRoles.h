#pragma once

#include <QStringList>

// The three processes of the gateway benchmark. The gateway is measured in a process of its own
// (getrusage), so the upstream and the load generator run in two more processes.
namespace GatewayBenchRoles {
// A minimal OpenAI-compatible upstream that answers at once; prints "PORT <n>" and serves
// until killed.
int runUpstream();
// Keep-alive raw TCP clients; prints one JSON line of figures. Arguments: --port, --clients,
// --requests, --stream 0|1, --model.
int runClient(const QStringList& args);
} // namespace GatewayBenchRoles
