#include "core/gateway/GatewayExchange.h"

#include "core/common/Clock.h"
#include "core/common/UsageEstimate.h"
#include "core/http/HttpResponder.h"
#include "core/recording/CallRecorder.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"

#include <QCoreApplication>

GatewayExchange::GatewayExchange(Router* router, GatewayRequest request, const RouteOptions& options,
                                 std::unique_ptr<GatewayFormat> format, HttpResponder* responder,
                                 GatewayTraffic traffic, CallRecorder* recorder, const QString& clientKey,
                                 Recorded recorded, Ended ended)
    : QObject(responder)
    , m_router(router)
    , m_request(std::move(request))
    , m_options(options)
    , m_format(std::move(format))
    , m_responder(responder)
    , m_traffic(std::move(traffic))
    , m_recorded(std::move(recorded))
    , m_ended(std::move(ended))
{
    m_elapsed.start();
    m_startedAt = Clock::instance().currentDateTimeUtc();
    if (recorder) {
        RecordContext context {
            RequestSource::Gateway, m_request.chat.lastUserText(), {}, m_startedAt, {}, {}, {}, clientKey
        };
        // With what the client offered besides its prompt, so the row replays as it was asked.
        context.system = m_request.chat.systemText();
        context.tools = m_request.offeredTools;
        context.toolChoice = m_request.offeredToolChoice;
        m_ticket = recorder->start(std::move(context));
    }
    connect(responder, &HttpResponder::clientDisconnected, this, &GatewayExchange::onClientGone);
}

GatewayExchange::~GatewayExchange()
{
    // Torn down with the server while still running: the client got nothing more.
    if (!m_done) {
        onClientGone();
    }
}

void GatewayExchange::start()
{
    m_call = m_router->route(m_request.chat, {}, m_options, this);
    if (m_keyBudget.hold) {
        m_call->setCallerBudget(m_keyBudget.hold, m_keyBudget.settle); // the first attempt starts later
    }
    connect(m_call, &RoutedCall::decided, this, [this](const QString& tier, const QString& rule, const QString&) {
        m_tier = tier;
        m_rule = rule;
    });
    connect(m_call, &RoutedCall::attemptStarted, this,
            [this](const QString& modelId, const QString&, AttemptReason) { onAttemptStarted(modelId); });
    connect(m_call, &RoutedCall::textReceived, this, [this](const QString& delta) { onDelta(delta, false); });
    connect(m_call, &RoutedCall::reasoningReceived, this, [this](const QString& delta) { onDelta(delta, true); });
    connect(m_call, &RoutedCall::partReceived, this, &GatewayExchange::onPart);
    connect(m_call, &RoutedCall::restarted, this, &GatewayExchange::onRestarted);
    connect(m_call, &RoutedCall::finished, this, &GatewayExchange::onFinished);
    connect(m_call, &RoutedCall::failed, this, &GatewayExchange::onFailed);
}

void GatewayExchange::onAttemptStarted(const QString& modelId)
{
    if (!m_shown) {
        m_currentModel = modelId;
        const ModelConfig* model = m_router->model(modelId);
        const ProviderConfig* provider = model ? m_router->provider(model->providerId) : nullptr;
        if (provider) {
            m_format->setUpstream(provider->kind);
        }
    }
}

// x-switchyard-skipped: "model=kind" for each deployment the router passed over (a model that
// cannot take the request's images, one cooling down ...), so a client sees why its answer came
// from a fallback.
void GatewayExchange::addSkippedHeader(const QList<SkipInfo>& skipped, HttpHeaders* headers)
{
    if (skipped.isEmpty()) {
        return;
    }
    QByteArray value;
    for (const SkipInfo& skip : skipped) {
        if (!value.isEmpty()) {
            value += ", ";
        }
        value += skip.modelId.toUtf8() + '=' + Availability::kindId(skip.kind).toLatin1();
    }
    headers->append({ QByteArrayLiteral("x-switchyard-skipped"), value });
}

void GatewayExchange::beginStreamIfNeeded()
{
    if (m_streaming || !m_responder) {
        return;
    }
    m_streaming = true;
    HttpHeaders headers { { QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache") } };
    if (m_call) {
        addSkippedHeader(m_call->skipped(), &headers);
    }
    m_responder->beginStream(200, QByteArrayLiteral("text/event-stream; charset=utf-8"), headers);
    queue(m_format->streamStart(
        m_currentModel, m_format->startCarriesPromptEstimate() ? UsageEstimate::inputTokens(m_request.chat) : 0));
}

// Deltas decoded from one upstream read leave in one socket write.
void GatewayExchange::queue(const QByteArray& bytes)
{
    m_pending += bytes;
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &GatewayExchange::flush, Qt::QueuedConnection);
    }
}

void GatewayExchange::flush()
{
    m_flushQueued = false;
    if (m_responder && !m_pending.isEmpty()) {
        m_responder->writeChunk(m_pending);
    }
    m_pending.clear();
}

void GatewayExchange::onDelta(const QString& delta, bool reasoning)
{
    if (!m_request.stream || m_done) {
        return;
    }
    beginStreamIfNeeded();
    const QByteArray bytes = reasoning ? m_format->reasoningDelta(delta) : m_format->textDelta(delta);
    if (!bytes.isEmpty()) {
        m_shown = m_shown || !reasoning;
        queue(bytes);
    }
}

void GatewayExchange::onPart(const AnswerPart& part)
{
    if (!m_request.stream || m_done) {
        return;
    }
    beginStreamIfNeeded();
    const QByteArray bytes = m_format->partDelta(part);
    if (!bytes.isEmpty()) {
        m_shown = m_shown || part.kind == AnswerPart::Kind::ToolCall || part.kind == AnswerPart::Kind::Refusal;
        queue(bytes);
    }
}

void GatewayExchange::onRestarted()
{
    if (!m_shown || m_done) {
        return; // nothing reached the client yet: the next model's answer is the answer
    }
    // Text the client already has cannot be taken back: end the stream as incomplete.
    m_call->cancel();
    GatewayError error;
    error.status = 502;
    error.code = "upstream_stream_broken";
    error.message = QCoreApplication::translate("GatewayExchange",
                                                "The upstream answer broke off after text was sent; it is incomplete.");
    FinishedCall incomplete = FinishedCall::routedFailure(m_call->snapshot(error.message, true));
    incomplete.tier = m_tier;
    incomplete.rule = m_rule;
    record(incomplete);
    sendError(error);
    finish(502, error.message);
}

void GatewayExchange::onFinished(const RoutedResult& result)
{
    if (m_done) {
        return;
    }
    m_traffic.finalModel = result.modelId;
    record(FinishedCall::routed(result));
    if (m_request.stream) {
        beginStreamIfNeeded();
        queue(m_format->streamEnd(result, m_request.includeUsage));
        flush();
        if (m_responder) {
            m_responder->endStream();
        }
    } else if (m_responder) {
        HttpHeaders headers { { QByteArrayLiteral("x-switchyard-model"), result.modelId.toUtf8() },
                              { QByteArrayLiteral("x-switchyard-failovers"), QByteArray::number(result.failovers) } };
        addSkippedHeader(result.skipped, &headers);
        m_responder->send(200, QByteArrayLiteral("application/json"), m_format->completeBody(result, result.modelId),
                          headers);
    }
    finish(200, {});
}

void GatewayExchange::onFailed(const RoutedError& error)
{
    if (m_done) {
        return;
    }
    record(FinishedCall::routedFailure(error));
    GatewayError out = GatewayError::fromRouted(error);
    if (error.attempts.isEmpty() && m_keyBudget.refusal) {
        // Nothing was sent because the client's own key said no: its limit is the answer.
        const ClientKeyGate::Verdict verdict = m_keyBudget.refusal();
        if (verdict.refusal) {
            out = *verdict.refusal;
            if (verdict.retryAfterSec > 0 && m_responder) {
                m_responder->addDefaultHeaders(
                    { { QByteArrayLiteral("Retry-After"), QByteArray::number(verdict.retryAfterSec) } });
            }
        }
    }
    sendError(out);
    finish(out.status, out.message);
}

void GatewayExchange::sendError(const GatewayError& error)
{
    if (!m_responder) {
        return;
    }
    if (m_streaming) {
        queue(m_format->streamError(error));
        flush();
        m_responder->endStream();
    } else {
        m_responder->send(error.status, QByteArrayLiteral("application/json"), m_format->errorBody(error));
    }
}

void GatewayExchange::stop(const GatewayError& error)
{
    if (m_done) {
        return;
    }
    // Stopped by the gateway (shutdown): recorded as cancelled, with what was sent upstream.
    FinishedCall stopped = FinishedCall::cancelled(error.message);
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        stopped = FinishedCall::routedCancelled(m_call->snapshot(error.message, m_shown));
    }
    stopped.tier = m_tier;
    stopped.rule = m_rule;
    stopped.budgetSettled = true;
    record(stopped);
    sendError(error);
    finish(error.status, error.message);
}

void GatewayExchange::onClientGone()
{
    if (m_done) {
        return;
    }
    FinishedCall gone
        = FinishedCall::cancelled(QCoreApplication::translate("GatewayExchange", "The client disconnected."));
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        gone = FinishedCall::routedCancelled(m_call->snapshot(gone.errorMessage, m_shown));
    }
    gone.tier = m_tier;
    gone.rule = m_rule;
    gone.budgetSettled = true;
    record(gone);
    m_responder = nullptr;
    finish(499, gone.errorMessage);
}

void GatewayExchange::finish(int status, const QString& error)
{
    m_done = true;
    m_traffic.status = status;
    m_traffic.latencyMs = m_elapsed.elapsed();
    m_traffic.error = error;
    if (m_ended) {
        m_ended(m_traffic);
    }
}

void GatewayExchange::record(const FinishedCall& call)
{
    if (!m_ticket.isOpen()) {
        return; // already recorded (an incomplete stream), or no recorder
    }
    const RequestRecord row = m_ticket.finish(call);
    m_traffic.tier = row.tier;
    m_traffic.failovers = int(row.failovers.size());
    m_traffic.promptTokens = row.usage.promptTokens;
    m_traffic.completionTokens = row.usage.completionTokens;
    m_traffic.tokensEstimated = row.usage.estimated;
    m_traffic.costUsd = row.costUsd;
    if (m_recorded) {
        m_recorded(row);
    }
}
