#pragma once

#include "core/gateway/ClientKeyGate.h"
#include "core/gateway/GatewayFormat.h"
#include "core/gateway/GatewayRequest.h"
#include "core/gateway/GatewayTypes.h"

#include "core/http/HttpRequest.h"
#include "core/recording/PendingRecord.h"
#include "core/routing/RoutedTypes.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class CallRecorder;
class HttpResponder;
class RoutedCall;
class Router;

// One client request in flight: runs the routed call, writes the answer in the client's API
// format (streamed or whole), records it once in the ledger and reports how it ended. Lives as a
// child of the responder, so it goes when the response is done or the client is gone.
class GatewayExchange : public QObject
{
    Q_OBJECT

public:
    using Ended = std::function<void(const GatewayTraffic&)>;
    // Told the row once it is recorded (a client key's budget counts its cost).
    using Recorded = std::function<void(const RequestRecord&)>;

    GatewayExchange(Router* router, GatewayRequest request, const RouteOptions& options,
                    std::unique_ptr<GatewayFormat> format, HttpResponder* responder, GatewayTraffic traffic,
                    CallRecorder* recorder, const QString& clientKey, Recorded recorded, Ended ended);
    ~GatewayExchange() override;

    // A client key's budget besides the router's: held for each attempt and given back by attempts
    // that billed nothing; when nothing could be sent and the key refused, its refusal (429 over
    // its budget, 403 an unpriced model) is the answer. Set before start().
    void setKeyBudget(ClientKeyGate::AttemptHooks hooks) { m_keyBudget = std::move(hooks); }

    void start();
    // Ends the request now (the gateway is stopping): cancels the upstream call, records it as
    // cancelled and tells the client with `error` (an error event if its stream has begun).
    void stop(const GatewayError& error);

private:
    void onAttemptStarted(const QString& modelId);
    void onDelta(const QString& delta, bool reasoning);
    void onPart(const AnswerPart& part);
    void onRestarted();
    void onFinished(const RoutedResult& result);
    void onFailed(const RoutedError& error);
    void onClientGone();

    void beginStreamIfNeeded();
    static void addSkippedHeader(const QList<SkipInfo>& skipped, HttpHeaders* headers);
    void queue(const QByteArray& bytes);
    void flush();
    void sendError(const GatewayError& error);
    void finish(int status, const QString& error);
    void record(const FinishedCall& call);

    Router* m_router;
    GatewayRequest m_request;
    RouteOptions m_options;
    std::unique_ptr<GatewayFormat> m_format;
    QPointer<HttpResponder> m_responder;
    GatewayTraffic m_traffic;
    PendingRecord m_ticket; // taken at the start, spent by record()
    Recorded m_recorded;
    Ended m_ended;
    ClientKeyGate::AttemptHooks m_keyBudget;

    RoutedCall* m_call = nullptr;
    QElapsedTimer m_elapsed;
    QDateTime m_startedAt;
    QString m_currentModel;
    QString m_tier;
    QString m_rule;
    QByteArray m_pending;
    bool m_flushQueued = false;
    bool m_streaming = false;
    bool m_shown = false; // text went to the client
    bool m_done = false;
};
