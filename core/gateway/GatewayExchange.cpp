#include "GatewayExchange.h"

#include "common/Clock.h"
#include "http/HttpResponder.h"
#include "routing/RoutedCall.h"
#include "routing/Router.h"

#include <QCoreApplication>

namespace {
QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

std::optional<double> costOf(const Router& router, const CallResult& result)
{
    const ModelConfig* model = router.model(result.modelId);
    if (!model || !model->price.known) {
        return std::nullopt;
    }
    const ModelPrice& price = model->price;
    const TokenUsage& usage = result.usage;
    const double cachedRate = price.cachedInputPerMTok > 0 ? price.cachedInputPerMTok : price.inputPerMTok;
    return (double(qMax<qint64>(0, usage.promptTokens - usage.cachedTokens)) * price.inputPerMTok
            + double(usage.cachedTokens) * cachedRate + double(usage.completionTokens) * price.outputPerMTok)
        / 1e6;
}

QList<AttemptRecord> attemptRecords(const QList<AttemptInfo>& attempts)
{
    QList<AttemptRecord> out;
    out.reserve(attempts.size());
    for (const AttemptInfo& attempt : attempts) {
        AttemptRecord record;
        record.modelId = attempt.modelId;
        record.providerId = attempt.providerId;
        record.startedAt = utcFromMs(attempt.startedMs);
        record.endedAt = utcFromMs(attempt.endedMs > 0 ? attempt.endedMs : attempt.startedMs);
        const bool plain = attempt.outcome == QLatin1String("ok") || attempt.outcome == QLatin1String("cancelled")
            || attempt.outcome == QLatin1String("hedge_lost");
        record.outcome = plain ? attempt.outcome : QStringLiteral("failed");
        record.failureClass = plain ? QString() : attempt.outcome;
        record.httpStatus = attempt.error.httpStatus;
        record.message = attempt.error.message;
        out.append(record);
    }
    return out;
}
} // namespace

GatewayExchange::GatewayExchange(Router* router, GatewayRequest request, const RouteOptions& options,
                                 std::unique_ptr<GatewayFormat> format, HttpResponder* responder,
                                 GatewayTraffic traffic, std::function<void(const RequestRecord&)> record, Ended ended)
    : QObject(responder)
    , m_router(router)
    , m_request(std::move(request))
    , m_options(options)
    , m_format(std::move(format))
    , m_responder(responder)
    , m_traffic(std::move(traffic))
    , m_record(std::move(record))
    , m_ended(std::move(ended))
{
    m_elapsed.start();
    m_startedAt = Clock::instance().currentDateTimeUtc();
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
    connect(m_call, &RoutedCall::decided, this, [this](const QString& tier, const QString& rule, const QString&) {
        m_tier = tier;
        m_rule = rule;
    });
    connect(m_call, &RoutedCall::attemptStarted, this,
            [this](const QString& modelId, const QString&, const QString&) { onAttemptStarted(modelId); });
    connect(m_call, &RoutedCall::textReceived, this, [this](const QString& delta) { onDelta(delta, false); });
    connect(m_call, &RoutedCall::reasoningReceived, this, [this](const QString& delta) { onDelta(delta, true); });
    connect(m_call, &RoutedCall::partReceived, this, &GatewayExchange::onPart);
    connect(m_call, &RoutedCall::failedOver, this,
            [this](const QString& from, const QString& to, const CallError& error) {
                m_failovers.append({ Clock::instance().currentDateTimeUtc(), from, to,
                                     FailureClasses::id(error.failureClass), error.message });
            });
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

void GatewayExchange::beginStreamIfNeeded()
{
    if (m_streaming || !m_responder) {
        return;
    }
    m_streaming = true;
    m_responder->beginStream(200, QByteArrayLiteral("text/event-stream; charset=utf-8"),
                             { { QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache") } });
    qint64 promptTokens = 0;
    for (const ChatMessage& message : m_request.chat.messages) {
        promptTokens += estimateTokens(message.content);
    }
    queue(m_format->streamStart(m_currentModel, promptTokens));
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
    RoutedError routed;
    routed.message = error.message;
    routed.attempts = m_call->attempts();
    routed.incomplete = true;
    routed.tier = m_tier;
    routed.ruleName = m_rule;
    record(QStringLiteral("incomplete"), nullptr, &routed);
    sendError(error);
    finish(502, error.message);
}

void GatewayExchange::onFinished(const RoutedResult& result)
{
    if (m_done) {
        return;
    }
    m_traffic.finalModel = result.modelId;
    record(result.cached ? QStringLiteral("cached") : QStringLiteral("ok"), &result, nullptr);
    if (m_request.stream) {
        beginStreamIfNeeded();
        queue(m_format->streamEnd(result, m_request.includeUsage));
        flush();
        if (m_responder) {
            m_responder->endStream();
        }
    } else if (m_responder) {
        m_responder->send(200, QByteArrayLiteral("application/json"), m_format->completeBody(result, result.modelId),
                          { { QByteArrayLiteral("x-switchyard-model"), result.modelId.toUtf8() },
                            { QByteArrayLiteral("x-switchyard-failovers"), QByteArray::number(result.failovers) } });
    }
    finish(200, {});
}

void GatewayExchange::onFailed(const RoutedError& error)
{
    if (m_done) {
        return;
    }
    record(error.incomplete ? QStringLiteral("incomplete") : QStringLiteral("failed"), nullptr, &error);
    const GatewayError out = GatewayError::fromRouted(error);
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

void GatewayExchange::onClientGone()
{
    if (m_done) {
        return;
    }
    RoutedError gone;
    if (m_call) {
        m_call->cancel();
        gone.attempts = m_call->attempts();
    }
    gone.message = QCoreApplication::translate("GatewayExchange", "The client disconnected.");
    gone.tier = m_tier;
    gone.ruleName = m_rule;
    record(QStringLiteral("cancelled"), nullptr, &gone);
    m_responder = nullptr;
    finish(499, gone.message);
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

void GatewayExchange::record(const QString& status, const CallResult* result, const RoutedError* error)
{
    if (m_recorded) {
        return;
    }
    m_recorded = true;
    RequestRecord out;
    out.startedAt = m_startedAt;
    out.source = QStringLiteral("gateway");
    out.prompt = m_request.chat.lastUserText();
    out.status = status;
    out.failovers = m_failovers;
    if (result) {
        const auto& routed = static_cast<const RoutedResult&>(*result);
        out.tier = routed.tier;
        out.rule = routed.ruleName;
        out.finalModel = routed.modelId;
        out.finalProvider = routed.providerId;
        out.ttftMs = routed.ttftMs;
        out.latencyMs = routed.latencyMs;
        out.usage = routed.usage;
        out.costUsd = costOf(*m_router, routed);
        out.costEstimated = routed.usage.estimated;
        out.cachedAnswer = routed.cached;
        out.attempts = attemptRecords(routed.attempts);
    } else if (error) {
        out.tier = error->tier;
        out.rule = error->ruleName;
        out.latencyMs = m_elapsed.elapsed();
        out.failureClass = error->lastError.isError()
            ? FailureClasses::id(error->lastError.failureClass)
            : (status == QLatin1String("cancelled") ? FailureClasses::id(FailureClass::Cancelled) : QString());
        out.errorMessage = error->message;
        out.attempts = attemptRecords(error->attempts);
        if (!error->attempts.isEmpty()) {
            out.finalModel = error->attempts.last().modelId;
            out.finalProvider = error->attempts.last().providerId;
        }
    }
    m_traffic.tier = out.tier;
    m_traffic.failovers = int(out.failovers.size());
    m_traffic.promptTokens = out.usage.promptTokens;
    m_traffic.completionTokens = out.usage.completionTokens;
    m_traffic.tokensEstimated = out.usage.estimated;
    m_traffic.costUsd = out.costUsd;
    if (m_record) {
        m_record(out);
    }
}
