#include "core/workbench/ColumnRun.h"

#include "core/common/UsageEstimate.h"
#include "core/pricing/CostCalculator.h"

#include <QCoreApplication>

namespace ColumnStates {

QString id(ColumnState state)
{
    switch (state) {
    case ColumnState::Idle:
        return QStringLiteral("idle");
    case ColumnState::Waiting:
        return QStringLiteral("waiting");
    case ColumnState::Streaming:
        return QStringLiteral("streaming");
    case ColumnState::Done:
        return QStringLiteral("done");
    case ColumnState::Incomplete:
        return QStringLiteral("incomplete");
    case ColumnState::Failed:
        return QStringLiteral("failed");
    case ColumnState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString displayName(ColumnState state)
{
    switch (state) {
    case ColumnState::Idle:
        return QCoreApplication::translate("ColumnState", "Ready");
    case ColumnState::Waiting:
        return QCoreApplication::translate("ColumnState", "Waiting");
    case ColumnState::Streaming:
        return QCoreApplication::translate("ColumnState", "Streaming");
    case ColumnState::Done:
        return QCoreApplication::translate("ColumnState", "Done");
    case ColumnState::Incomplete:
        return QCoreApplication::translate("ColumnState", "Incomplete");
    case ColumnState::Failed:
        return QCoreApplication::translate("ColumnState", "Failed");
    case ColumnState::Cancelled:
        // Esc stops every column alike: one word, whether the answer had begun (Incomplete) or not.
        return QCoreApplication::translate("ColumnState", "Stopped");
    }
    return {};
}

bool isActive(ColumnState state)
{
    return state == ColumnState::Waiting || state == ColumnState::Streaming;
}

} // namespace ColumnStates

ColumnRun::ColumnRun(const ColumnSpec& spec, const ModelConfig& model, const ProviderConfig& provider, QObject* parent)
    : QObject(parent)
    , m_spec(spec)
    , m_model(model)
    , m_provider(provider)
{
    m_figures.priced = model.price.known;
}

ColumnRun::~ColumnRun()
{
    releaseCall();
}

void ColumnRun::setSpec(const ColumnSpec& spec, const ModelConfig& model, const ProviderConfig& provider)
{
    m_spec = spec;
    m_model = model;
    m_provider = provider;
    m_figures.priced = model.price.known;
}

QString ColumnRun::providerName() const
{
    return m_provider.displayName.isEmpty() ? m_provider.id : m_provider.displayName;
}

QString ColumnRun::title() const
{
    if (!m_spec.routed) {
        return m_spec.modelId;
    }
    return m_route.modelId.isEmpty() ? tr("Route it") : m_route.modelId;
}

QString ColumnRun::statusText() const
{
    switch (m_state) {
    case ColumnState::Failed: {
        if (!m_error.isError()) {
            return tr("No model available"); // the router skipped every model (budget, cooldown, no key)
        }
        QString text = FailureClasses::displayName(m_error.failureClass);
        if (m_error.httpStatus > 0) {
            text += tr(" (HTTP %1)").arg(m_error.httpStatus);
        }
        return text;
    }
    case ColumnState::Incomplete:
        if (m_finishReason == QLatin1String("length") || m_finishReason == QLatin1String("max_tokens")) {
            return tr("Cut off at max tokens");
        }
        return tr("Stopped");
    default:
        return ColumnStates::displayName(m_state);
    }
}

qint64 ColumnRun::elapsedMs() const
{
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

void ColumnRun::begin(const ChatRequest& request, const QStringList& notes, const QList<Attachment>& attachments,
                      const std::optional<QString>& question)
{
    releaseCall();
    m_request = request;
    m_notes = notes;
    m_question = question.value_or(request.lastUserText());
    m_attachments = attachments;
    m_exchange = {};
    m_exchange.setOfferedFrom(request);
    m_text.clear();
    m_reasoning.clear();
    m_toolCalls.clear();
    m_finishReason.clear();
    m_error = {};
    m_usageReported = false;
    m_firstTokenAtMs = -1;
    m_figures = {};
    if (m_spec.routed) {
        // The router picks anew on every run.
        m_route = {};
        m_model = {};
        m_provider = {};
        emit routeChanged();
    }
    m_figures.priced = m_model.price.known;
    m_clock.start();
    estimateUsage();
    emit begun();
    setState(ColumnState::Waiting);
    emit figuresChanged();
}

void ColumnRun::attach(QObject* call, std::function<void()> cancelCall)
{
    releaseCall();
    m_call = call;
    m_cancelCall = std::move(cancelCall);
    call->setParent(this);
}

void ColumnRun::cancel()
{
    if (!isActive()) {
        return;
    }
    if (m_call && m_cancelCall) {
        m_cancelCall(); // a call that produced something settles its usage (settleUsage) here
    }
    if (m_text.isEmpty() && m_reasoning.isEmpty() && !m_usageReported) {
        // Stopped before anything came back: nothing was billed, as the ledger records it ($0).
        m_figures.usage = {};
        updateCost();
        m_figures.costUsd.reset();
    }
    m_figures.latencyMs = elapsedMs();
    releaseCall();
    setState(m_text.isEmpty() ? ColumnState::Cancelled : ColumnState::Incomplete);
    emit figuresChanged();
    emit ended(m_state);
}

void ColumnRun::settleUsage(const TokenUsage& usage)
{
    if (usage == TokenUsage {}) {
        return;
    }
    m_figures.usage = usage;
    updateCost();
    emit figuresChanged();
}

void ColumnRun::restore(ColumnState state, const QString& text, const ColumnFigures& figures, const CallError& error,
                        const QString& reasoning, const QList<ToolCall>& toolCalls, const ColumnExchange& exchange)
{
    releaseCall();
    m_exchange = exchange;
    m_conversation = exchange.earlier;
    m_question = exchange.question;
    m_attachments = exchange.attachments;
    m_text = text;
    m_reasoning = reasoning;
    m_toolCalls = toolCalls;
    m_figures = figures;
    m_error = error;
    emit begun();
    if (!text.isEmpty()) {
        emit textAppended(text);
    }
    setState(state);
    emit figuresChanged();
}

void ColumnRun::restoreRoute(const ColumnRoute& route, const ModelConfig* model, const ProviderConfig* provider)
{
    m_route = route;
    if (model && provider) {
        m_model = *model;
        m_provider = *provider;
    }
    emit routeChanged();
}

void ColumnRun::markFirstToken(qint64 ttftMs)
{
    if (m_figures.ttftMs < 0) {
        m_figures.ttftMs = ttftMs;
        m_firstTokenAtMs = elapsedMs();
    }
    if (m_state == ColumnState::Waiting) {
        setState(ColumnState::Streaming);
    }
    emit figuresChanged();
}

void ColumnRun::appendText(const QString& delta)
{
    if (m_figures.ttftMs < 0) {
        markFirstToken(elapsedMs());
    }
    m_text += delta;
    estimateUsage();
    m_figures.tokensPerSecond = ColumnFigures::rate(m_figures.usage.completionTokens, m_firstTokenAtMs, elapsedMs());
    emit textAppended(delta);
    emit figuresChanged();
}

void ColumnRun::appendReasoning(const QString& delta)
{
    if (m_figures.ttftMs < 0) {
        markFirstToken(elapsedMs());
    }
    m_reasoning += delta;
    emit reasoningAppended(delta);
}

void ColumnRun::appendPart(const AnswerPart& part)
{
    if (part.kind != AnswerPart::Kind::ToolCall) {
        return;
    }
    if (m_figures.ttftMs < 0) {
        markFirstToken(elapsedMs());
    }
    while (m_toolCalls.size() <= part.index) {
        m_toolCalls.append(ToolCall {});
    }
    ToolCall& call = m_toolCalls[part.index];
    if (!part.id.isEmpty()) {
        call.id = part.id;
    }
    if (!part.name.isEmpty()) {
        call.name = part.name;
    }
    call.arguments += part.text;
    emit toolCallsChanged();
}

void ColumnRun::reportUsage(const TokenUsage& usage)
{
    m_usageReported = !usage.estimated;
    m_figures.usage = usage;
    updateCost();
    emit figuresChanged();
}

void ColumnRun::complete(const CallResult& result)
{
    releaseCall();
    if (m_text.isEmpty() && !result.text.isEmpty()) {
        m_text = result.text;
        emit textAppended(result.text);
    }
    m_finishReason = result.finishReason;
    if (!result.reasoning.isEmpty()) {
        m_reasoning = result.reasoning;
    }
    if (!result.toolCalls.isEmpty() || m_toolCalls.isEmpty()) {
        m_toolCalls = result.toolCalls;
    }
    if (result.ttftMs >= 0) {
        m_figures.ttftMs = result.ttftMs;
    }
    m_figures.latencyMs = result.latencyMs > 0 ? result.latencyMs : elapsedMs();
    if (result.usage != TokenUsage {}) {
        m_figures.usage = result.usage;
        m_usageReported = !result.usage.estimated;
    } else {
        estimateUsage();
    }
    m_figures.tokensPerSecond
        = ColumnFigures::rate(m_figures.usage.completionTokens, m_figures.ttftMs, m_figures.latencyMs);
    updateCost();
    const bool cutOff = m_finishReason == QLatin1String("length") || m_finishReason == QLatin1String("max_tokens");
    setState(cutOff ? ColumnState::Incomplete : ColumnState::Done);
    emit figuresChanged();
    emit ended(m_state);
}

void ColumnRun::fail(const CallError& error, const CallResult& partial)
{
    releaseCall();
    m_error = error;
    if (!partial.reasoning.isEmpty()) {
        m_reasoning = partial.reasoning;
    }
    m_toolCalls = partial.toolCalls;
    if (m_text.isEmpty() && !partial.text.isEmpty()) {
        m_text = partial.text;
        emit textAppended(partial.text);
    }
    if (partial.ttftMs >= 0) {
        m_figures.ttftMs = partial.ttftMs;
    }
    m_figures.latencyMs = partial.latencyMs > 0 ? partial.latencyMs : elapsedMs();
    if (partial.usage != TokenUsage {}) {
        m_figures.usage = partial.usage;
    } else if (!m_usageReported && m_text.isEmpty()) {
        // Refused before any output (HTTP 503, timeouts): nothing was billed, so nothing to estimate.
        m_figures.usage = {};
    }
    updateCost();
    if (m_figures.usage == TokenUsage {}) {
        m_figures.costUsd.reset();
    }
    setState(ColumnState::Failed);
    emit figuresChanged();
    emit ended(m_state);
}

void ColumnRun::setRouteDecision(const QString& tier, const QString& ruleName, const QString& why)
{
    m_route.decided = true;
    m_route.tier = tier;
    m_route.ruleName = ruleName;
    m_route.why = why;
    emit routeChanged();
}

void ColumnRun::setRoutedModel(const ModelConfig& model, const ProviderConfig& provider)
{
    m_model = model;
    m_provider = provider;
    m_route.modelId = model.id;
    updateCost();
    emit routeChanged();
    emit figuresChanged();
}

void ColumnRun::addFailover(const QString& fromModel, const QString& toModel, const CallError& error)
{
    m_route.failovers.append({ fromModel, toModel, error });
    emit routeChanged();
}

void ColumnRun::discardText()
{
    if (m_text.isEmpty() && m_reasoning.isEmpty() && m_toolCalls.isEmpty()) {
        return;
    }
    m_text.clear();
    m_reasoning.clear();
    m_toolCalls.clear(); // the next attempt's call pieces must not append to these
    estimateUsage();
    emit textDiscarded();
    emit figuresChanged();
}

bool ColumnRun::keepTurn(const QStringList& toolResults)
{
    if ((m_text.isEmpty() && m_toolCalls.isEmpty())
        || (m_state != ColumnState::Done && m_state != ColumnState::Incomplete)) {
        return false;
    }
    // Calls left unanswered go on as text (ConversationTurn::answerText): the APIs take a call
    // back only with its result.
    m_conversation.append(
        { m_question, m_attachments, m_text, m_toolCalls, m_toolCalls.isEmpty() ? QStringList() : toolResults });
    return true;
}

ColumnExchange ColumnRun::exchange() const
{
    ColumnExchange exchange = m_exchange;
    exchange.column = -1;
    exchange.earlier = m_conversation;
    exchange.question = m_question;
    exchange.attachments = m_attachments;
    return exchange;
}

void ColumnRun::clearConversation()
{
    m_conversation.clear();
}

void ColumnRun::setState(ColumnState state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    emit stateChanged(state);
}

// Until the provider reports usage we count ourselves, flagged as estimated ("~").
void ColumnRun::estimateUsage()
{
    if (m_usageReported) {
        return;
    }
    CallResult soFar;
    soFar.text = m_text;
    m_figures.usage = UsageEstimate::of(m_request, soFar);
    updateCost();
}

void ColumnRun::updateCost()
{
    m_figures.priced = m_model.price.known;
    m_figures.costUsd = CostCalculator::cost(m_model.price, m_figures.usage);
    m_figures.costEstimated = m_figures.usage.estimated;
    // The reasoning's share: what the call would have cost without those output tokens, taken away.
    m_figures.reasoningCostUsd.reset();
    if (m_figures.costUsd && m_figures.usage.reasoningTokens > 0) {
        TokenUsage withoutReasoning = m_figures.usage;
        withoutReasoning.completionTokens
            = std::max<qint64>(0, withoutReasoning.completionTokens - withoutReasoning.reasoningTokens);
        withoutReasoning.reasoningTokens = 0;
        if (const std::optional<double> rest = CostCalculator::cost(m_model.price, withoutReasoning)) {
            m_figures.reasoningCostUsd = *m_figures.costUsd - *rest;
        }
    }
}

void ColumnRun::releaseCall()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->deleteLater();
        m_call = nullptr;
    }
    m_cancelCall = nullptr;
}
