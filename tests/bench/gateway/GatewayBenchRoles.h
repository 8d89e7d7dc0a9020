#pragma once

#include <QStringList>

// The three processes of the gateway benchmark. The gateway is measured in a process of its own
// (getrusage), so the upstream and the load generator run in two more processes.
namespace GatewayBenchRoles {
// An OpenAI-compatible upstream that answers at once: a minimal fixed-answer HttpServer handler,
// or (sandbox = true) the simulated providers with timeScale 0. Prints "PORT <n>", serves until
// killed.
int runUpstream(bool sandbox);
// Keep-alive raw TCP clients; prints one JSON line of figures. Arguments: --port, --clients,
// --requests, --stream 0|1, --model, --path.
int runClient(const QStringList& args);
} // namespace GatewayBenchRoles
