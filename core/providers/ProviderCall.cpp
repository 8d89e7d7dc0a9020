#include "core/providers/ProviderCall.h"

#include "core/common/PromptSize.h"

#include "core/common/UsageEstimate.h"
#include "core/providers/EntraTokenSource.h"
#include "core/providers/ErrorClassifier.h"
#include "core/providers/HttpExchange.h"
#include "core/providers/JsonObjectEditor.h"
#include "core/providers/ProviderClient.h"
#include "core/providers/ReasoningModels.h"
#include "core/providers/WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimerEvent>

#include <algorithm>

namespace {
constexpr qsizetype kMaxErrorBodyBytes = 1024 * 1024;

// OpenAI's search models (gpt-4o-search-preview, ...) search once for every Chat Completions
// request that asks with web_search_options, billed per call on top of the tokens at the rate of
// its search_context_size (medium when not given), and no usage field says so: the request does
// (Anthropic and Gemini report their searches themselves). An Anthropic client's web search tool
// reaches them as web_search_options of the default size (RequestTranslator).
void countOpenAiWebSearch(const ProviderConfig& provider, const ChatRequest& request, TokenUsage& usage)
{
    if (usage.webSearches > 0 || !request.hasClientBody()
        || ProviderKinds::wireFormat(provider.kind) != ProviderKind::OpenAiCompatible) {
        return;
    }
    // Most bodies have neither word: they are not parsed (every gateway request comes here).
    const bool anthropic = request.clientFormat == ProviderKind::AnthropicMessages;
    if ((!anthropic && request.clientFormat != ProviderKind::OpenAiCompatible)
        || !request.clientBody.contains(anthropic ? QByteArrayView("\"web_search_")
                                                  : QByteArrayView("\"web_search_options\""))) {
        return;
    }
    const JsonObjectEditor body(request.clientBody);
    if (anthropic) {
        const QJsonArray tools = QJsonDocument::fromJson(body.value("tools").toByteArray()).array();
        for (const QJsonValue& tool : tools) {
            if (tool.toObject().value(QLatin1String("type")).toString().startsWith(QLatin1String("web_search_"))) {
                usage.webSearches = 1;
                usage.searchContext = SearchContextSize::Medium;
                return;
            }
        }
        return;
    }
    if (!body.has("web_search_options")) {
        return;
    }
    usage.webSearches = 1;
    const QJsonObject options = QJsonDocument::fromJson(body.value("web_search_options").toByteArray()).object();
    usage.searchContext = SearchContextSizes::fromId(options.value(QLatin1String("search_context_size")).toString())
                              .value_or(SearchContextSize::Medium);
}
} // namespace

ProviderCall::ProviderCall(ProviderClient* client, const ProviderConfig& provider, const ModelConfig& model,
                           const ChatRequest& request, const QString& apiKey, qint64 maxResponseBytes, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_provider(provider)
    , m_model(model)
    , m_request(request)
    , m_apiKey(apiKey)
    , m_maxResponseBytes(maxResponseBytes)
    , m_wire(WireFormat::create(provider.kind))
{
    m_result.modelId = model.id;
    m_result.providerId = provider.id;
}

ProviderCall::~ProviderCall()
{
    m_done = true;
    stopReply();
    releaseSlot();
}

qint64 ProviderCall::elapsedMs() const
{
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

void ProviderCall::begin()
{
    if (m_done) {
        return;
    }
    m_launched = true;
    m_clock.start();
    if (m_client && m_apiKey.isEmpty() && m_provider.kind == ProviderKind::AzureOpenAi
        && m_provider.auth == ProviderAuth::EntraIdToken && m_client->entraTokens()->isConfigured()) {
        sendWithEntraToken();
        return;
    }
    if (!m_provider.keyEnv.isEmpty() && m_apiKey.isEmpty()) {
        failSoon(
            { FailureClass::Auth, 0,
              tr("No API key for %1: set the environment variable %2 or store a key in the keychain.")
                  .arg(m_provider.displayName.isEmpty() ? m_provider.id : m_provider.displayName, m_provider.keyEnv),
              QStringLiteral("no_key"), -1, false });
        return;
    }

    if (!m_client) {
        failSoon({ FailureClass::NetworkError, 0, tr("The provider client was shut down."), {}, -1, false });
        return;
    }
    send();
}

void ProviderCall::sendWithEntraToken()
{
    const QString kept = m_client->entraTokens()->cachedToken();
    if (!kept.isEmpty()) {
        m_apiKey = kept;
        m_fetchedToken = true;
        send();
        return;
    }
    // Fetched once for every call waiting on it; the call's own timers start when it is sent.
    m_client->entraTokens()->token(this, [this](const QString& token, const std::optional<CallError>& error) {
        if (m_done) {
            return;
        }
        if (!token.isEmpty()) {
            m_apiKey = token;
            m_fetchedToken = true;
            send();
        } else {
            fail(error.value_or(CallError { FailureClass::Auth, 0, tr("No Microsoft Entra ID token."), {} }));
        }
    });
}

void ProviderCall::send()
{
    if (m_done || !m_client) {
        return;
    }
    RequestBody body = m_wire->requestBody(m_model.upstreamModel, m_request);
    if (body.refusal) {
        // Nothing this model's API could carry the request as it is: nothing is sent.
        failSoon(*body.refusal);
        return;
    }

    HttpExchange::Headers headers;
    headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    headers.append(
        { QByteArrayLiteral("Accept"),
          m_request.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json") });
    for (const auto& [name, value] : m_wire->authHeadersFor(m_provider, m_apiKey)) {
        headers.append({ name, value });
    }
    for (auto it = m_provider.extraHeaders.cbegin(); it != m_provider.extraHeaders.cend(); ++it) {
        headers.append({ it.key().toUtf8(), it.value().toUtf8() });
    }
    if (!m_request.traceparent.isEmpty()) {
        headers.append({ QByteArrayLiteral("traceparent"), m_request.traceparent });
    }

    QUrl url = m_wire->callUrl(m_provider, m_model.upstreamModel);
    const OutgoingContext outgoing { m_provider,          m_model.upstreamModel,
                                     m_request.stream,    body.bytes,
                                     !m_apiKey.isEmpty(), [this] { return m_client->awsCredentials(m_provider); } };
    if (const std::optional<CallError> refusal = m_wire->finishRequest(outgoing, url, headers)) {
        failSoon(*refusal);
        return;
    }

    const Timeouts& timeouts = m_model.timeouts;
    startTimer(m_connectTimer, timeouts.connectMs);
    startTimer(m_firstTokenTimer, timeouts.firstTokenMs);
    startTimer(m_totalTimer, timeouts.totalMs);

    m_decoder = m_wire->createStreamDecoder();
    m_reply = m_client->createExchange(url, headers, std::move(body.bytes), this);
    connect(m_reply, &HttpExchange::requestSent, this, [this] {
        m_connectTimer.stop();
        if (!m_done) {
            emit requestSent();
        }
    });
    connect(m_reply, &HttpExchange::headersReceived, this, &ProviderCall::onHeadersReceived);
    connect(m_reply, &HttpExchange::readyRead, this, &ProviderCall::onReadyRead);
    connect(m_reply, &HttpExchange::finished, this, &ProviderCall::onReplyFinished);
    m_reply->start();
}

void ProviderCall::onHeadersReceived()
{
    if (m_done || !m_reply) {
        return;
    }
    m_connectTimer.stop();
    m_httpStatus = m_reply->status();
    const QByteArray contentType = m_reply->header("content-type").toLower();
    // Some servers answer a stream request with one JSON body; decode it as such.
    m_streaming = m_request.stream && m_httpStatus >= 200 && m_httpStatus < 300 && !contentType.contains("json");
    if (!m_request.stream && m_httpStatus >= 200 && m_httpStatus < 300) {
        // A non-streamed answer shows nothing until it is complete: headers count as the first sign of life.
        m_firstTokenTimer.stop();
        restartIdleTimer();
    }
}

void ProviderCall::onReadyRead()
{
    if (m_done || !m_reply) {
        return;
    }
    const QByteArray bytes = m_reply->readAll();
    m_bytesReceived += bytes.size();
    if (m_bytesReceived > m_maxResponseBytes) {
        fail({ FailureClass::MalformedResponse,
               m_httpStatus,
               tr("Response larger than %1 MiB; stopped reading.").arg(m_maxResponseBytes / (1024 * 1024)),
               {},
               -1,
               false });
        return;
    }
    const bool success = m_httpStatus >= 200 && m_httpStatus < 300;
    if (!success || !m_streaming) {
        if (!success && m_body.size() + bytes.size() > kMaxErrorBodyBytes) {
            return; // the classifier needs the start of an error body, not all of it
        }
        m_body += bytes; // the whole body of an error or a non-streamed answer
        if (success) {
            restartIdleTimer();
        }
        return;
    }
    if (m_firstTokenTimer.isActive() && !bytes.isEmpty() && thinksFirst()) {
        // A model that thinks first has met its first-token timeout with the first byte of any
        // event, reasoning included; the idle timeout watches the gaps from here.
        m_firstTokenTimer.stop();
        restartIdleTimer();
    }
    // The list's storage is kept for the next read; a nested read (a slot running an event loop)
    // finds it taken and uses a fresh one.
    QList<WireDelta> deltas = std::exchange(m_spareDeltas, {});
    m_decoder->feed(bytes, deltas);
    for (const WireDelta& delta : std::as_const(deltas)) {
        applyDelta(delta);
        if (m_done) {
            return;
        }
    }
    deltas.clear();
    m_spareDeltas = std::move(deltas);
}

bool ProviderCall::thinksFirst()
{
    if (!m_thinksFirst) {
        m_thinksFirst = ReasoningModels::thinksFirst(m_model, m_request);
    }
    return *m_thinksFirst;
}

void ProviderCall::applyDelta(const WireDelta& delta)
{
    if (delta.error) {
        CallError error = *delta.error;
        if (error.httpStatus == 0) {
            error.httpStatus = m_httpStatus;
        }
        fail(error);
        return;
    }
    // Where a text block starts is no token of the answer (the first token timer keeps running).
    const auto blockStart = [](const AnswerPart& part) { return part.kind == AnswerPart::Kind::TextBlock; };
    const bool hasToken = !delta.text.isEmpty() || !delta.reasoning.isEmpty()
        || !std::all_of(delta.parts.cbegin(), delta.parts.cend(), blockStart);
    if (hasToken) {
        if (m_result.ttftMs < 0) {
            m_result.ttftMs = m_clock.elapsed();
            m_firstTokenTimer.stop();
            emit firstTokenReceived(m_result.ttftMs);
            if (m_done) {
                return;
            }
        }
        restartIdleTimer();
    }
    for (const AnswerPart& part : delta.parts) {
        if (blockStart(part)) {
            emit partReceived(part); // before the text the block begins with
            if (m_done) {
                return;
            }
        }
    }
    if (!delta.reasoning.isEmpty()) {
        m_result.reasoning += delta.reasoning;
        emit reasoningReceived(delta.reasoning);
        if (m_done) {
            return;
        }
    }
    if (!delta.text.isEmpty()) {
        m_result.text += delta.text;
        emit textReceived(delta.text);
        if (m_done) {
            return;
        }
    }
    for (const AnswerPart& part : delta.parts) {
        if (blockStart(part)) {
            continue;
        }
        addPart(part);
        emit partReceived(part);
        if (m_done) {
            return;
        }
    }
    if (!delta.finishReason.isEmpty()) {
        m_result.finishReason = delta.finishReason;
    }
    m_filteredCategories += delta.filteredCategories;
    if (delta.usage) {
        m_result.usage = *delta.usage;
        m_usageReported = true;
        emit usageReported(m_result.usage);
        if (m_done) {
            return;
        }
    }
    if (hasToken && pastMaxTokens()) {
        stopAtMaxTokens();
    }
}

void ProviderCall::addPart(const AnswerPart& part)
{
    if (part.kind == AnswerPart::Kind::Refusal) {
        m_result.refusal += part.text;
        return;
    }
    if (part.kind == AnswerPart::Kind::Signature) {
        m_result.reasoningSignature += part.text;
        return;
    }
    if (part.kind == AnswerPart::Kind::RedactedThinking) {
        m_result.redactedThinking.append(part.text);
        return;
    }
    if (part.kind == AnswerPart::Kind::Logprobs) {
        if (!m_result.logprobs.isEmpty()) {
            m_result.logprobs += QLatin1Char(',');
        }
        m_result.logprobs += part.text;
        return;
    }
    if (part.kind == AnswerPart::Kind::Citation) {
        if (part.text.isEmpty()) {
            return; // ahead of its text: kept when it comes whole, at its block's end
        }
        if (!m_result.citations.isEmpty()) {
            m_result.citations += QLatin1Char(',');
        }
        m_result.citations += part.text;
        if (!part.id.isEmpty()) {
            m_result.serverParts.append(part);
        }
        return;
    }
    if (part.kind == AnswerPart::Kind::ServerTool) {
        m_result.serverParts.append(part);
        return;
    }
    if (part.index < 0 || part.index > 1024) {
        return; // no model makes that many calls; a garbled index must not grow the list
    }
    while (m_result.toolCalls.size() <= part.index) {
        m_result.toolCalls.append(ToolCall());
    }
    ToolCall& call = m_result.toolCalls[part.index];
    if (!part.id.isEmpty()) {
        call.id = part.id;
    }
    if (!part.name.isEmpty()) {
        call.name = part.name;
    }
    call.arguments += part.text;
}

void ProviderCall::onReplyFinished()
{
    if (m_done || !m_reply) {
        return;
    }
    const HttpExchange::Failure networkError = m_reply->failure();
    if (m_httpStatus == 0) {
        m_httpStatus = m_reply->status();
    }
    const bool success = m_httpStatus >= 200 && m_httpStatus < 300;

    if (m_httpStatus == 401 && m_fetchedToken && m_client) {
        // The token was revoked or rotated before its time: once more with a fresh one.
        m_client->entraTokens()->invalidate(m_apiKey);
        if (!m_tokenRetried) {
            m_tokenRetried = true;
            stopReply();
            m_body.clear();
            m_bytesReceived = 0;
            m_httpStatus = 0;
            m_apiKey.clear();
            sendWithEntraToken();
            return;
        }
    }
    if (m_httpStatus >= 300 || (m_httpStatus > 0 && m_httpStatus < 200)) {
        fail(ErrorClassifier::classifyHttpError(m_httpStatus, m_reply->headers(), m_body));
        return;
    }
    if (networkError != HttpExchange::Failure::None) {
        const bool midStream = success && (m_result.ttftMs >= 0 || m_bytesReceived > 0);
        const FailureClass failureClass = midStream || (success && networkError == HttpExchange::Failure::TransportLoss)
            ? FailureClass::StreamBroken
            : FailureClass::NetworkError;
        fail({ failureClass, m_httpStatus, m_reply->errorString(), {}, -1, false });
        return;
    }
    if (!success) {
        fail({ FailureClass::NetworkError,
               0,
               tr("The server closed the connection without an answer."),
               {},
               -1,
               false });
        return;
    }

    if (m_streaming) {
        QList<WireDelta> deltas;
        m_decoder->finish(deltas);
        for (const WireDelta& delta : std::as_const(deltas)) {
            applyDelta(delta);
            if (m_done) {
                return;
            }
        }
        if (!m_decoder->complete()) {
            fail({ FailureClass::StreamBroken,
                   m_httpStatus,
                   tr("The stream ended before the provider marked it complete; the answer may be truncated."),
                   {},
                   -1,
                   false });
            return;
        }
    } else {
        const WireDelta whole = m_wire->decodeResponse(m_body);
        m_body.clear();
        applyDelta(whole);
        if (m_done) {
            return;
        }
    }
    if (m_result.finishReason == QLatin1String("content_filter") && m_result.text.isEmpty()
        && m_result.toolCalls.isEmpty() && m_result.refusal.isEmpty()) {
        // Nothing but the filter's verdict came back: a failure that says why, not an empty answer.
        fail(ErrorClassifier::contentFiltered(false, m_filteredCategories));
        return;
    }
    finishWithSuccess();
}

void ProviderCall::onTimeout(FailureClass failureClass)
{
    if (m_done) {
        return;
    }
    const Timeouts& timeouts = m_model.timeouts;
    int ms = 0;
    switch (failureClass) {
    case FailureClass::ConnectTimeout:
        ms = timeouts.connectMs;
        break;
    case FailureClass::FirstTokenTimeout:
        ms = timeouts.firstTokenMs;
        break;
    case FailureClass::IdleTimeout:
        ms = timeouts.idleMs;
        break;
    default:
        ms = timeouts.totalMs;
        break;
    }
    fail({ failureClass,
           m_httpStatus,
           tr("%1 after %2 ms").arg(FailureClasses::displayName(failureClass)).arg(ms),
           {},
           -1,
           false });
}

void ProviderCall::startTimer(QBasicTimer& timer, int ms)
{
    if (ms > 0) {
        timer.start(ms, Qt::PreciseTimer, this);
    }
}

void ProviderCall::restartIdleTimer()
{
    m_lastActivityMs = m_clock.elapsed();
    if (!m_idleTimer.isActive()) {
        startTimer(m_idleTimer, m_model.timeouts.idleMs);
    }
}

void ProviderCall::timerEvent(QTimerEvent* event)
{
    const int id = event->timerId();
    if (id == m_idleTimer.timerId()) {
        const qint64 gap = m_clock.elapsed() - m_lastActivityMs;
        m_idleTimer.stop();
        if (gap < m_model.timeouts.idleMs) {
            startTimer(m_idleTimer, int(m_model.timeouts.idleMs - gap)); // activity since it was armed
            return;
        }
        onTimeout(FailureClass::IdleTimeout);
        return;
    }
    for (auto [timer, failureClass] : { std::pair { &m_connectTimer, FailureClass::ConnectTimeout },
                                        std::pair { &m_firstTokenTimer, FailureClass::FirstTokenTimeout },
                                        std::pair { &m_totalTimer, FailureClass::TotalTimeout } }) {
        if (id == timer->timerId()) {
            timer->stop();
            onTimeout(failureClass);
            return;
        }
    }
    QObject::timerEvent(event);
}

void ProviderCall::fillEstimatesIfMissing()
{
    // No API reports how many images it billed; they are counted from the request (a body that
    // never says "image" has none, and is not parsed for it).
    const bool mayHoldImages = m_request.hasClientBody() && m_request.clientBody.contains("image");
    if (m_usageReported) {
        if (mayHoldImages) {
            m_result.usage.images = PromptSize::ofRequest(m_request).images;
        }
        return;
    }
    m_result.usage = UsageEstimate::of(m_request, m_result);
    emit usageReported(m_result.usage);
}

// A call that ends before the provider's final usage (cancelled, cut by a cap or a timeout, broken
// off) was still billed for what it produced: estimate it from what came back. Usage reported
// early (Anthropic's message_start) counts the input; the output is raised to the estimate.
void ProviderCall::estimateUnfinishedUsage()
{
    if (m_result.ttftMs < 0 && !m_usageReported) {
        return; // nothing came back: nothing to bill
    }
    const TokenUsage estimate = UsageEstimate::of(m_request, m_result);
    if (!m_usageReported) {
        m_result.usage = estimate;
    } else if (estimate.completionTokens > m_result.usage.completionTokens) {
        m_result.usage.completionTokens = estimate.completionTokens;
        m_result.usage.reasoningTokens = qMax(m_result.usage.reasoningTokens, estimate.reasoningTokens);
        m_result.usage.estimated = true;
    }
}

bool ProviderCall::pastMaxTokens() const
{
    const qint64 cap = UsageEstimate::outputCap(m_request.maxTokens);
    return cap > 0 && UsageEstimate::outputTokens(m_result) > cap;
}

// The upstream ignores max_tokens: stop reading (the exchange is aborted, so it stops generating)
// and end the answer as a provider does at its limit. The overrun is billed as estimated; a
// whole (non-streamed) answer is cut to max_tokens for the client.
void ProviderCall::stopAtMaxTokens()
{
    estimateUnfinishedUsage();
    m_usageReported = true;
    m_result.finishReason = QStringLiteral("length");
    if (!m_streaming) {
        m_result.text.truncate(qsizetype(m_request.maxTokens) * 4);
    }
    stopReply();
    emit usageReported(m_result.usage);
    if (m_done) {
        return;
    }
    finishWithSuccess();
}

void ProviderCall::finishWithSuccess()
{
    m_done = true;
    stopReply();
    fillEstimatesIfMissing();
    countOpenAiWebSearch(m_provider, m_request, m_result.usage);
    m_result.latencyMs = m_clock.elapsed();
    if (m_result.ttftMs < 0) {
        m_result.ttftMs = m_result.latencyMs;
    }
    releaseSlot();
    emit finished(m_result);
}

void ProviderCall::fail(const CallError& error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_error = error;
    if (m_error.httpStatus == 0) {
        m_error.httpStatus = m_httpStatus;
    }
    stopReply();
    estimateUnfinishedUsage();
    m_result.latencyMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    releaseSlot();
    emit failed(m_error, m_result);
}

// begin() runs inside ProviderClient::start(): its caller has not connected yet.
void ProviderCall::failSoon(const CallError& error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { fail(error); }, Qt::QueuedConnection);
}

void ProviderCall::cancel()
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_error = { FailureClass::Cancelled, m_httpStatus, tr("Cancelled"), {}, -1, false };
    stopReply();
    estimateUnfinishedUsage();
    m_result.latencyMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    releaseSlot();
    emit cancelled(m_error, m_result);
}

void ProviderCall::stopReply()
{
    for (QBasicTimer* timer : { &m_connectTimer, &m_firstTokenTimer, &m_idleTimer, &m_totalTimer }) {
        timer->stop();
    }
    if (m_reply) {
        HttpExchange* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ProviderCall::releaseSlot()
{
    if (m_onReleased) {
        auto onReleased = std::move(m_onReleased);
        m_onReleased = nullptr;
        onReleased();
    }
}
