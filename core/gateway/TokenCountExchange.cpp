#include "core/gateway/TokenCountExchange.h"

#include "core/common/JsonText.h"
#include "core/gateway/GatewayError.h"

#include "core/http/HttpResponder.h"
#include "core/providers/HttpExchange.h"
#include "core/providers/JsonObjectEditor.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/Router.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUuid>

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json");
const QString kEndpoint = QStringLiteral("messages/count_tokens");

QString tr(const char* text)
{
    return QCoreApplication::translate("TokenCountExchange", text);
}
} // namespace

TokenCountExchange::TokenCountExchange(Router* router, QByteArray body, QList<ChainStep> chain,
                                       HttpResponder* responder, GatewayTraffic traffic, Ended ended)
    : QObject(responder)
    , m_router(router)
    , m_body(std::move(body))
    , m_chain(std::move(chain))
    , m_responder(responder)
    , m_traffic(std::move(traffic))
    , m_ended(std::move(ended))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail({ 504, "timeout", {}, tr("%1 did not answer the token count in time.").arg(m_upstreamName), {} });
    });
    connect(responder, &HttpResponder::clientDisconnected, this, [this] {
        if (m_upstream) {
            m_upstream->abort();
        }
        end(499, tr("the client went away"));
    });
}

void TokenCountExchange::setTrace(const std::optional<TraceContext>& parent, Traced traced)
{
    m_parentTrace = parent;
    m_traced = std::move(traced);
}

void TokenCountExchange::start()
{
    m_elapsed.start();
    if (m_router->isTracing() && m_traced) {
        m_span = m_parentTrace ? m_parentTrace->child() : TraceContext::root();
    }
    const ModelConfig* chosen = nullptr;
    const ProviderConfig* owner = nullptr;
    QStringList otherFormats;
    for (const ChainStep& step : std::as_const(m_chain)) {
        for (const Deployment& deployment : step.deployments) {
            const ModelConfig* model = m_router->model(deployment.modelId);
            const ProviderConfig* provider = model ? m_router->provider(model->providerId) : nullptr;
            if (!provider) {
                continue;
            }
            if (provider->kind != ProviderKind::AnthropicMessages) {
                otherFormats << deployment.modelId;
                continue;
            }
            // Counting costs nothing, so a budget does not stand in its way; a cooldown or a
            // missing key does.
            const Availability availability = m_router->availability(deployment.modelId, ChatRequest {});
            if (availability.usable() || availability.kind == SkipKind::OverBudget) {
                chosen = model;
                owner = provider;
                break;
            }
        }
        if (chosen) {
            break;
        }
    }
    ProviderClient* client = m_router->services().client();
    if (!chosen || !client) {
        const QString message = otherFormats.isEmpty()
            ? tr("No model in the chain of \"%1\" can count tokens now (none speaks Anthropic's API or all are "
                 "unavailable).")
                  .arg(m_traffic.model)
            : tr("\"%1\" is served by %2 in OpenAI's format, which has no token-count endpoint; count tokens "
                 "with a model served by Anthropic's API.")
                  .arg(m_traffic.model, otherFormats.join(QStringLiteral(", ")));
        fail(GatewayError::badRequest(message, QStringLiteral("model"), QByteArrayLiteral("token_count_unsupported")));
        return;
    }
    m_upstreamName = owner->id + QLatin1Char('/') + chosen->upstreamModel;
    m_traffic.finalModel = chosen->id;
    JsonObjectEditor editor(m_body);
    editor.set("model", JsonText::quoted(chosen->upstreamModel));
    HttpExchange::Headers headers;
    m_attempt = { chosen->id,
                  owner->id,
                  QDateTime::currentDateTimeUtc(),
                  {},
                  AttemptOutcome::Ok,
                  {},
                  0,
                  {},
                  { {}, AttemptInfo::serverOf(owner->baseUrl) } };
    if (m_span.isValid()) {
        const TraceContext child = m_span.child();
        m_attempt.trace.spanId = child.spanId;
        headers.append({ QByteArrayLiteral("traceparent"), child.traceparent() });
    } else if (m_parentTrace) {
        headers.append({ QByteArrayLiteral("traceparent"), m_parentTrace->traceparent() });
    }
    m_upstream = client->post(*owner, kEndpoint, editor.result(), this, headers);
    connect(m_upstream, &HttpExchange::finished, this, &TokenCountExchange::onFinished);
    m_timeout.start(chosen->timeouts.connectMs + chosen->timeouts.firstTokenMs);
    m_upstream->start();
}

void TokenCountExchange::onFinished()
{
    m_timeout.stop();
    if (m_upstream->failure() != HttpExchange::Failure::None) {
        fail({ 502,
               "upstream_unreachable",
               {},
               tr("%1 could not be reached: %2").arg(m_upstreamName, m_upstream->errorString()),
               {} });
        return;
    }
    const int status = m_upstream->status();
    const QByteArray body = m_upstream->readAll();
    const QJsonDocument answer = QJsonDocument::fromJson(body);
    if (status / 100 == 2 && !answer.object().value(QLatin1String("input_tokens")).isDouble()) {
        fail({ 502,
               "malformed_response",
               {},
               tr("%1 answered the token count without input_tokens.").arg(m_upstreamName),
               {} });
        return;
    }
    m_inputTokens = qint64(answer.object().value(QLatin1String("input_tokens")).toDouble());
    m_attempt.httpStatus = status;
    // Anthropic's own answer, or its own error in its own format: the client reads either as is.
    if (m_responder) {
        m_responder->send(status, kJson, body);
    }
    end(status, status / 100 == 2 ? QString() : QString::fromUtf8(body.left(200)));
}

void TokenCountExchange::fail(const GatewayError& error)
{
    if (m_upstream) {
        m_upstream->abort();
    }
    if (m_responder && m_responder->isConnected()) {
        m_responder->send(error.status, kJson, error.toAnthropicJson());
    }
    end(error.status, error.message);
}

void TokenCountExchange::end(int status, const QString& error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_traffic.status = status;
    m_traffic.error = error;
    m_traffic.latencyMs = m_elapsed.elapsed();
    if (m_span.isValid()) {
        // For the trace alone: counting is free, so it is no ledger row.
        RequestRecord row;
        row.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        row.startedAt = m_traffic.startedAt.isValid() ? m_traffic.startedAt
                                                      : QDateTime::currentDateTimeUtc().addMSecs(-m_traffic.latencyMs);
        row.source = RequestSource::Gateway;
        row.finalModel = m_traffic.finalModel;
        row.finalProvider = m_attempt.providerId;
        row.status = status / 100 == 2 ? RequestStatus::Ok : RequestStatus::Failed;
        row.latencyMs = m_traffic.latencyMs;
        row.usage.promptTokens = m_inputTokens;
        row.costUsd = 0.0;
        row.errorMessage = error;
        if (!m_attempt.modelId.isEmpty()) {
            m_attempt.endedAt = QDateTime::currentDateTimeUtc();
            if (row.status != RequestStatus::Ok) {
                m_attempt.outcome = AttemptOutcome::Failed;
                m_attempt.failureClass = FailureClasses::id(status == 429       ? FailureClass::RateLimited
                                                                : status >= 500 ? FailureClass::ServerError
                                                                                : FailureClass::BadRequest);
                m_attempt.message = error;
            }
            row.attempts.append(m_attempt);
        }
        row.trace = { m_span, 0, {}, QStringLiteral("count_tokens") };
        m_traced(row);
    }
    if (m_ended) {
        m_ended(m_traffic);
    }
}
