#include "core/gateway/EmbeddingsExchange.h"

#include "core/common/Clock.h"
#include "core/common/JsonText.h"
#include "core/gateway/GatewayError.h"

#include "core/http/HttpResponder.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/HttpExchange.h"
#include "core/providers/JsonObjectEditor.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/FailoverRules.h"
#include "core/routing/Router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");
const QString kEndpoint = QStringLiteral("embeddings");

// The input tokens of an embeddings answer, or -1 when it is not one (no data list).
qint64 promptTokens(const QByteArray& body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (!answer.value(QLatin1String("data")).isArray()) {
        return -1;
    }
    const QJsonObject usage = answer.value(QLatin1String("usage")).toObject();
    return usage.value(QLatin1String("prompt_tokens"))
        .toInteger(usage.value(QLatin1String("total_tokens")).toInteger());
}
} // namespace

EmbeddingsExchange::EmbeddingsExchange(Router* router, QByteArray body, QStringList deployments,
                                       QList<SkipInfo> skipped, HttpResponder* responder, GatewayTraffic traffic,
                                       PendingRecord ticket, Recorded recorded, Ended ended)
    : QObject(responder)
    , m_router(router)
    , m_body(std::move(body))
    , m_deployments(std::move(deployments))
    , m_responder(responder)
    , m_traffic(std::move(traffic))
    , m_ticket(std::move(ticket))
    , m_recorded(std::move(recorded))
    , m_ended(std::move(ended))
    , m_skipped(std::move(skipped))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        abortUpstream();
        CallError error;
        error.failureClass = FailureClass::FirstTokenTimeout;
        error.message = tr("no answer in time");
        attemptFailed(error, {});
    });
    connect(responder, &HttpResponder::clientDisconnected, this, [this] {
        if (m_done) {
            return;
        }
        abortUpstream();
        FinishedCall gone = FinishedCall::cancelled(tr("The client disconnected."));
        gone.attempts = m_attempts;
        if (!gone.attempts.isEmpty() && gone.attempts.constLast().endedMs == 0) {
            gone.attempts.last().endedMs = Clock::instance().currentMSecsSinceEpoch();
            gone.attempts.last().outcome = AttemptOutcome::Cancelled;
        }
        m_responder = nullptr;
        record(gone);
        end(499, gone.errorMessage);
    });
}

EmbeddingsExchange::~EmbeddingsExchange()
{
    abortUpstream();
}

ChatRequest EmbeddingsExchange::budgetRequest() const
{
    ChatRequest request;
    const QJsonValue input = QJsonDocument::fromJson(m_body).object().value(QLatin1String("input"));
    const auto add = [&request](const QJsonValue& value) {
        // Token ids: one token each, written as 4 characters a token as the count assumes.
        const QString text = value.isArray() ? QString(value.toArray().size() * 4, u't') : value.toString();
        request.messages.append({ QStringLiteral("user"), text });
    };
    if (input.isArray() && !input.toArray().isEmpty() && !input.toArray().first().isDouble()) {
        for (const QJsonValue& value : input.toArray()) {
            add(value);
        }
    } else {
        add(input);
    }
    return request;
}

void EmbeddingsExchange::settleHold(const TokenUsage* usage)
{
    if (m_hold != 0) {
        m_router->settleBudget(std::exchange(m_hold, 0), m_heldModel, usage);
    }
    if (m_keyHold != 0) {
        m_keyBudget.settle(std::exchange(m_keyHold, 0), m_heldModel, usage);
    }
}

void EmbeddingsExchange::setParentTrace(const std::optional<TraceContext>& parent)
{
    m_parentTrace = parent;
}

void EmbeddingsExchange::start()
{
    m_elapsed.start();
    if (m_router->isTracing()) {
        m_span = m_parentTrace ? m_parentTrace->child() : TraceContext::root();
    }
    tryNext();
}

void EmbeddingsExchange::abortUpstream()
{
    m_timeout.stop();
    settleHold(nullptr); // stopped before an answer: nothing billed
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
        m_upstream->deleteLater();
        m_upstream = nullptr;
    }
}

void EmbeddingsExchange::tryNext()
{
    ProviderClient* client = m_router->services().client();
    while (m_next < m_deployments.size()) {
        const ModelConfig* model = m_router->model(m_deployments.at(m_next++));
        const ProviderConfig* provider = model ? m_router->provider(model->providerId) : nullptr;
        if (!provider || !client) {
            continue;
        }
        // Held against the budgets as a chat attempt is: requests in flight together cannot
        // overshoot a limit; settled with the tokens the provider counts.
        const ChatRequest estimated = budgetRequest();
        const BudgetHold hold = m_router->reserveBudget(*model, estimated);
        if (!hold.ok) {
            m_skipped.append({ model->id, provider->id, hold.reason, true, SkipKind::OverBudget, {} });
            continue;
        }
        const BudgetHold keyHold = m_keyBudget.hold ? m_keyBudget.hold(*model, estimated) : BudgetHold {};
        if (!keyHold.ok) {
            m_router->settleBudget(hold.id, *model, nullptr);
            m_skipped.append({ model->id, provider->id, keyHold.reason, true, SkipKind::OverBudget, {} });
            continue;
        }
        m_hold = hold.id;
        m_keyHold = keyHold.id;
        m_heldModel = *model;
        AttemptInfo attempt;
        attempt.modelId = model->id;
        attempt.providerId = provider->id;
        attempt.reason = m_attempts.isEmpty() ? AttemptReason::Primary : AttemptReason::Failover;
        attempt.startedMs = Clock::instance().currentMSecsSinceEpoch();
        attempt.server = AttemptInfo::serverOf(provider->baseUrl);
        HttpExchange::Headers headers;
        if (m_span.isValid()) {
            const TraceContext child = m_span.child();
            attempt.spanId = child.spanId;
            headers.append({ QByteArrayLiteral("traceparent"), child.traceparent() });
        } else if (m_parentTrace) {
            headers.append({ QByteArrayLiteral("traceparent"), m_parentTrace->traceparent() });
        }
        m_attempts.append(attempt);
        m_traffic.finalModel = model->id;

        JsonObjectEditor editor(m_body);
        editor.set("model", JsonText::quoted(model->upstreamModel.isEmpty() ? model->id : model->upstreamModel));
        m_upstream = client->post(*provider, kEndpoint, editor.result(), this, headers);
        connect(m_upstream, &HttpExchange::headersReceived, this, [this, idleMs = model->timeouts.idleMs] {
            m_timeout.start(qMax(1, idleMs)); // the body follows the headers; a stall in it is a failure too
        });
        connect(m_upstream, &HttpExchange::finished, this, &EmbeddingsExchange::onFinished);
        const Timeouts& timeouts = model->timeouts;
        m_timeout.start(qMax(1, timeouts.connectMs + timeouts.firstTokenMs));
        m_upstream->start();
        return;
    }
    // Every deployment was tried (or none could be): the last failure, with every attempt.
    RoutedError error;
    error.attempts = m_attempts;
    error.skipped = m_skipped;
    error.lastError = m_attempts.isEmpty() ? CallError {} : m_attempts.constLast().error;
    error.message = m_attempts.isEmpty() ? tr("No embeddings model of \"%1\" can be used now.").arg(m_traffic.model)
                                         : tr("Every embeddings model of \"%1\" failed.").arg(m_traffic.model);
    FinishedCall call = FinishedCall::routedFailure(error);
    call.budgetSettled = false;
    record(call);
    GatewayError answer = GatewayError::fromRouted(error);
    if (m_attempts.isEmpty() && m_keyBudget.refusal) {
        // Nothing was sent because the client's own key said no: its limit is the answer.
        const ClientKeyGate::Verdict verdict = m_keyBudget.refusal();
        if (verdict.refusal) {
            answer = *verdict.refusal;
            if (verdict.retryAfterSec > 0 && m_responder) {
                m_responder->addDefaultHeaders(
                    { { QByteArrayLiteral("Retry-After"), QByteArray::number(verdict.retryAfterSec) } });
            }
        }
    }
    fail(answer);
}

void EmbeddingsExchange::onFinished()
{
    m_timeout.stop();
    HttpExchange* upstream = m_upstream;
    m_upstream = nullptr;
    upstream->deleteLater();
    if (upstream->failure() != HttpExchange::Failure::None) {
        CallError error;
        error.failureClass = upstream->failure() == HttpExchange::Failure::TransportLoss ? FailureClass::StreamBroken
                                                                                         : FailureClass::NetworkError;
        error.message = upstream->errorString();
        attemptFailed(error, {});
        return;
    }
    const int status = upstream->status();
    const QByteArray body = upstream->readAll();
    if (status / 100 != 2) {
        attemptFailed(ErrorClassifier::classifyHttpError(status, upstream->headers(), body), body);
        return;
    }
    const qint64 tokens = promptTokens(body);
    if (tokens < 0) {
        CallError error;
        error.failureClass = FailureClass::MalformedResponse;
        error.httpStatus = status;
        error.message = tr("the answer is not an embeddings list");
        attemptFailed(error, {});
        return;
    }
    AttemptInfo& attempt = m_attempts.last();
    attempt.endedMs = Clock::instance().currentMSecsSinceEpoch();
    attempt.outcome = AttemptOutcome::Ok;
    m_router->cooldowns()->recordSuccess(attempt.modelId, attempt.providerId);

    FinishedCall call;
    call.status = RequestStatus::Ok;
    call.modelId = attempt.modelId;
    call.providerId = attempt.providerId;
    call.attempts = m_attempts;
    call.usage.promptTokens = tokens;
    call.latencyMs = m_elapsed.elapsed();
    call.budgetSettled = m_hold != 0; // the hold becomes the cost; without one the row counts it
    settleHold(&call.usage);
    record(call);
    succeed(status, body);
}

void EmbeddingsExchange::attemptFailed(const CallError& error, const QByteArray& body)
{
    m_timeout.stop();
    settleHold(nullptr); // nothing billed for a failed attempt
    AttemptInfo& attempt = m_attempts.last();
    attempt.endedMs = Clock::instance().currentMSecsSinceEpoch();
    attempt.outcome = AttemptOutcome::Failed;
    attempt.error = error;
    const TierSettings& settings = m_router->policy().defaults;
    m_router->cooldowns()->recordFailure(attempt.modelId, attempt.providerId, error.failureClass, settings);
    const FailoverAction action = FailoverRules::actionFor(error, settings, true);
    if (action != FailoverAction::End && action != FailoverAction::Stop) {
        tryNext();
        return;
    }
    // The provider refused the request itself: the client reads its answer as it came.
    RoutedError refused;
    refused.attempts = m_attempts;
    refused.skipped = m_skipped;
    refused.lastError = error;
    refused.message = tr("The embeddings request was refused by %1.").arg(attempt.modelId);
    FinishedCall call = FinishedCall::routedFailure(refused);
    call.budgetSettled = false;
    record(call);
    fail(GatewayError::fromRouted(refused), body, error.httpStatus);
}

void EmbeddingsExchange::succeed(int status, const QByteArray& body)
{
    if (m_responder) {
        m_responder->send(status, kJson, body,
                          { { QByteArrayLiteral("x-switchyard-model"), m_traffic.finalModel.toUtf8() },
                            { QByteArrayLiteral("x-switchyard-failovers"),
                              QByteArray::number(qMax<qsizetype>(0, m_attempts.size() - 1)) } });
    }
    end(status, {});
}

void EmbeddingsExchange::fail(const GatewayError& error, const QByteArray& upstreamBody, int upstreamStatus)
{
    abortUpstream();
    const bool passOn = !upstreamBody.isEmpty() && upstreamStatus >= 400;
    if (m_responder && m_responder->isConnected()) {
        if (passOn) {
            m_responder->send(upstreamStatus, kJson, upstreamBody);
        } else {
            m_responder->send(error.status, kJson, error.toOpenAiJson());
        }
    }
    end(passOn ? upstreamStatus : error.status, error.message);
}

void EmbeddingsExchange::stop(const GatewayError& error)
{
    if (m_done) {
        return;
    }
    abortUpstream();
    FinishedCall stopped = FinishedCall::cancelled(error.message);
    stopped.attempts = m_attempts;
    if (!stopped.attempts.isEmpty() && stopped.attempts.constLast().endedMs == 0) {
        stopped.attempts.last().endedMs = Clock::instance().currentMSecsSinceEpoch();
        stopped.attempts.last().outcome = AttemptOutcome::Cancelled;
    }
    record(stopped);
    fail(error);
}

void EmbeddingsExchange::record(FinishedCall call)
{
    if (!m_ticket.isOpen()) {
        return;
    }
    call.span = m_span;
    call.operation = QStringLiteral("embeddings");
    const RequestRecord row = m_ticket.finish(call);
    m_traffic.failovers = int(row.failovers.size());
    m_traffic.promptTokens = row.usage.promptTokens;
    m_traffic.costUsd = row.costUsd;
    if (m_recorded) {
        m_recorded(row);
    }
}

void EmbeddingsExchange::end(int status, const QString& error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_traffic.status = status;
    m_traffic.error = error;
    m_traffic.latencyMs = m_elapsed.elapsed();
    if (m_ended) {
        m_ended(m_traffic);
    }
}
