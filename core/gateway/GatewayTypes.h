#pragma once

#include "ledger/LedgerRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

class Router;

// How the gateway serves. Plain data: `switchyard serve` fills it from the command line, the GUI
// from its settings.
struct GatewayOptions
{
    // Required from clients when set. Bound beyond loopback the gateway refuses to listen without
    // one; on loopback it is optional (requireKey forces the check there too, for tests).
    QByteArray apiKey;
    bool requireKey = false;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    // Requests in flight per client (peer address, or the key's holder when keys are used);
    // the next one gets 429.
    int maxConcurrentPerClient = 64;
};

// What the gateway runs on. The router (with its provider client, policy, models, cooldowns and
// budget hook) is shared with the rest of the app; `record` is normally Ledger::record.
struct GatewayDependencies
{
    Router* router = nullptr;
    std::function<void(const RequestRecord&)> record;
};

// One request as the live traffic view shows it.
struct GatewayTraffic
{
    quint64 id = 0;
    QString endpoint; // "/v1/chat/completions", "/v1/messages"
    QString client; // peer address
    QString model; // as the client asked for it
    QString finalModel; // what answered, when something did
    bool stream = false;
    int status = 0; // HTTP status sent, 0 while running; 499 when the client went away
    qint64 latencyMs = 0;
    QString error; // one line, empty when ok
    // Filled when the request ends (from what the ledger records), for the live traffic view.
    QDateTime startedAt; // UTC, set when the request starts
    QString tier;
    int failovers = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    bool tokensEstimated = false;
    std::optional<double> costUsd;
};

Q_DECLARE_METATYPE(GatewayTraffic)
