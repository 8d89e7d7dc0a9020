#include "core/workbench/ComparisonRun.h"

#include "core/common/RequestNeeds.h"
#include "core/common/RequestSettings.h"
#include "core/providers/OpenAiWire.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/RoutedCall.h"
#include "core/routing/Router.h"

#include <QHash>
#include <QSet>
#include <QUuid>

bool ColumnSnapshot::operator==(const ColumnSnapshot& other) const
{
    return spec == other.spec && modelId == other.modelId && providerId == other.providerId && state == other.state
        && text == other.text && reasoning == other.reasoning && toolCalls == other.toolCalls
        && figures == other.figures && error.failureClass == other.error.failureClass
        && error.message == other.error.message;
}

ComparisonRun::ComparisonRun(ProviderClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

void ComparisonRun::setCatalog(const ModelCatalog& catalog)
{
    m_catalog = catalog;
    for (int i = 0; i < m_columns.size(); ++i) {
        setColumnSpec(i, m_columns[i]->spec());
    }
}

int ComparisonRun::indexOf(const ColumnRun* column) const
{
    return m_columns.indexOf(const_cast<ColumnRun*>(column));
}

QList<ColumnSpec> ComparisonRun::specs() const
{
    QList<ColumnSpec> result;
    for (const auto* column : m_columns) {
        result.append(column->spec());
    }
    return result;
}

ColumnRun* ComparisonRun::addColumn(const ColumnSpec& spec)
{
    if (m_columns.size() >= MaxColumns) {
        return nullptr;
    }
    const ModelConfig* model = m_catalog.model(spec.modelId);
    const ProviderConfig* provider = m_catalog.providerOf(spec.modelId);
    ModelConfig modelConfig = model ? *model : ModelConfig { spec.modelId, {}, {}, {}, 0, 0, {} };
    auto* column = new ColumnRun(spec, modelConfig, provider ? *provider : ProviderConfig {}, this);
    connect(column, &ColumnRun::ended, this, [this, column](ColumnState state) { onColumnEnded(column, state); });
    m_columns.append(column);
    emit columnAdded(m_columns.size() - 1);
    return column;
}

void ComparisonRun::removeColumn(int index)
{
    if (index < 0 || index >= m_columns.size()) {
        return;
    }
    ColumnRun* column = m_columns.takeAt(index);
    m_runColumns.removeAll(column);
    column->disconnect(this);
    column->cancel();
    emit columnRemoved(index);
    column->deleteLater();
    if (m_running && !isRunning()) {
        m_running = false;
        emit runFinished();
    }
}

void ComparisonRun::setColumnSpec(int index, const ColumnSpec& spec)
{
    ColumnRun* column = m_columns.value(index);
    if (!column) {
        return;
    }
    const ModelConfig* model = m_catalog.model(spec.modelId);
    const ProviderConfig* provider = m_catalog.providerOf(spec.modelId);
    column->setSpec(spec, model ? *model : ModelConfig { spec.modelId, {}, {}, {}, 0, 0, {} },
                    provider ? *provider : ProviderConfig {});
    emit columnSpecChanged(index);
}

void ComparisonRun::setColumns(const QList<ColumnSpec>& specs)
{
    while (!m_columns.isEmpty()) {
        removeColumn(m_columns.size() - 1);
    }
    for (const auto& spec : specs) {
        addColumn(spec);
    }
}

bool ComparisonRun::start()
{
    if (m_columns.isEmpty() || m_prompt.prompt.trimmed().isEmpty()) {
        return false;
    }
    cancel();
    for (auto* column : std::as_const(m_columns)) {
        column->clearConversation(); // a new comparison starts new conversations
    }
    beginRun(m_columns);
    return true;
}

bool ComparisonRun::continueConversation(int index, bool othersFollow)
{
    ColumnRun* lead = m_columns.value(index);
    if (!lead || m_prompt.prompt.trimmed().isEmpty()) {
        return false;
    }
    cancel();
    QList<ColumnRun*> turn;
    for (auto* column : std::as_const(m_columns)) {
        if (column == lead || othersFollow) {
            column->keepTurn();
            turn.append(column);
        }
    }
    beginRun(turn);
    return true;
}

void ComparisonRun::beginRun(const QList<ColumnRun*>& columns)
{
    m_compareGroup = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_runColumns = { columns.cbegin(), columns.cend() };
    m_running = true;
    m_starting = true;
    for (auto* column : columns) {
        runColumn(column);
    }
    m_starting = false;
    emit runStarted();
    // Every column may have failed at once (no model configured).
    if (!isRunning()) {
        m_running = false;
        emit runFinished();
    }
}

void ComparisonRun::rerun(int index)
{
    ColumnRun* column = m_columns.value(index);
    if (!column || m_prompt.prompt.trimmed().isEmpty()) {
        return;
    }
    column->cancel();
    // A turn that went on from tool results is sent again from them, not as the question again.
    const QList<ConversationTurn>& turns = column->conversation();
    runOne(column, column->question().isEmpty() && !turns.isEmpty() && turns.constLast().answered());
}

bool ComparisonRun::answerToolCalls(int index, const QStringList& results)
{
    ColumnRun* column = m_columns.value(index);
    if (!column || column->isActive() || column->toolCalls().isEmpty() || !column->request().hasClientBody()) {
        return false;
    }
    // The answered calls become a turn of the column's conversation; the request goes on from them.
    if (!column->keepTurn(results)) {
        return false;
    }
    runOne(column, true);
    return true;
}

void ComparisonRun::runOne(ColumnRun* column, bool fromToolResults)
{
    if (m_compareGroup.isEmpty()) {
        m_compareGroup = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_startedAt = QDateTime::currentDateTimeUtc();
    }
    if (!m_runColumns.contains(column)) {
        m_runColumns.append(column);
    }
    const bool wasRunning = m_running;
    m_running = true;
    m_starting = true;
    runColumn(column, fromToolResults);
    m_starting = false;
    if (!wasRunning) {
        emit runStarted();
    }
    if (!isRunning()) {
        m_running = false;
        emit runFinished();
    }
}

void ComparisonRun::cancel()
{
    for (auto* column : std::as_const(m_columns)) {
        column->cancel();
    }
}

bool ComparisonRun::isRunning() const
{
    for (const auto* column : m_columns) {
        if (column->isActive()) {
            return true;
        }
    }
    return false;
}

ComparisonSnapshot ComparisonRun::snapshot() const
{
    ComparisonSnapshot snapshot;
    snapshot.compareGroup = m_compareGroup;
    snapshot.startedAt = m_startedAt;
    snapshot.prompt = m_prompt;
    for (const auto* column : m_columns) {
        ColumnSnapshot entry;
        entry.spec = column->spec();
        entry.modelId = column->spec().routed ? column->title() : column->model().id;
        QStringList notes = column->notes();
        if (const QString route = column->route().note(); !route.isEmpty()) {
            notes.prepend(route);
        }
        entry.note = notes.join(QStringLiteral("; "));
        entry.route = column->route();
        entry.providerId = column->provider().id;
        entry.providerName = column->providerName();
        entry.state = column->state();
        entry.statusText = column->statusText();
        entry.text = column->text();
        entry.reasoning = column->reasoning();
        entry.toolCalls = column->toolCalls();
        entry.settings
            = column->state() == ColumnState::Idle ? QString() : RequestSettings::describe(column->request());
        entry.exchange = column->exchange();
        entry.exchange.column = int(snapshot.columns.size());
        entry.figures = column->figures();
        entry.error = column->error();
        snapshot.columns.append(entry);
    }
    return snapshot;
}

void ComparisonRun::restore(const ComparisonSnapshot& snapshot)
{
    cancel();
    QList<ColumnSpec> specs;
    for (const auto& column : snapshot.columns) {
        specs.append(column.spec);
    }
    setColumns(specs.mid(0, MaxColumns));
    m_prompt = snapshot.prompt;
    m_compareGroup = snapshot.compareGroup;
    m_startedAt = snapshot.startedAt;
    m_runColumns = { m_columns.cbegin(), m_columns.cend() };
    for (int i = 0; i < m_columns.size(); ++i) {
        const ColumnSnapshot& column = snapshot.columns[i];
        if (column.spec.routed) {
            m_columns[i]->restoreRoute(column.route, m_catalog.model(column.modelId),
                                       m_catalog.providerOf(column.modelId));
        }
        m_columns[i]->restore(column.state, column.text, column.figures, column.error, column.reasoning,
                              column.toolCalls, column.exchange);
    }
}

QString ComparisonRun::exchangeOf(const ColumnRun* column) const
{
    ColumnExchange exchange = column->exchange();
    exchange.column = indexOf(column);
    return exchange.toJson();
}

void ComparisonRun::runColumn(ColumnRun* column, bool fromToolResults)
{
    PromptSettings prompt = m_prompt;
    prompt.history = column->conversation();
    if (fromToolResults) {
        prompt.prompt.clear();
        prompt.attachments.clear();
    } else {
        // A file an earlier turn carried stays a part of that turn; only new files go with this one.
        // A reopened run kept only references: the same file in the strip gives the turn its bytes.
        QHash<QString, Attachment> inStrip;
        for (const Attachment& attachment : std::as_const(prompt.attachments)) {
            inStrip.insert(attachment.sha256(), attachment);
        }
        QSet<QString> sent;
        for (ConversationTurn& turn : prompt.history) {
            for (Attachment& attachment : turn.attachments) {
                sent.insert(attachment.sha256());
                if (attachment.isReference() && inStrip.contains(attachment.sha256())) {
                    attachment = inStrip.value(attachment.sha256());
                }
            }
        }
        if (!sent.isEmpty()) {
            prompt.attachments.removeIf(
                [&sent](const Attachment& attachment) { return sent.contains(attachment.sha256()); });
        }
    }
    const std::optional<QString> question = fromToolResults ? std::optional<QString>(QString()) : std::nullopt;
    const ModelConfig* model = m_catalog.model(column->spec().modelId);
    const ProviderConfig* provider = m_catalog.providerOf(column->spec().modelId);
    // What the model takes decides how the files go, before anything is sent: this turn's and,
    // as they went then, every earlier turn's.
    const auto fitOf = [model, routed = column->spec().routed](const QList<Attachment>& attachments) {
        return model && !routed ? AttachmentFit::of(attachments, model->id, model->capabilities)
                                : AttachmentFit::routed(attachments);
    };
    QList<AttachmentFit> earlierFits;
    for (const ConversationTurn& turn : std::as_const(prompt.history)) {
        earlierFits.append(fitOf(turn.attachments));
    }
    if (column->spec().routed) {
        const ChatRequest request
            = column->spec().requestFor(prompt, AttachmentFit::routed(prompt.attachments), true, earlierFits);
        column->begin(request, {}, prompt.attachments, question);
        runRouted(column, request);
        return;
    }
    AttachmentFit fit = fitOf(prompt.attachments);
    for (const AttachmentFit& earlier : std::as_const(earlierFits)) {
        if (fit.refusal.isEmpty()) {
            fit.refusal = earlier.refusal;
        }
    }
    const bool takesTemperature = !model || !provider
        || ProviderKinds::wireFormat(provider->kind) != ProviderKind::OpenAiCompatible
        || OpenAiWire::takesSamplingParameters(model->upstreamModel);
    const ChatRequest request = column->spec().requestFor(prompt, fit, takesTemperature, earlierFits);
    column->begin(request, fit.notes, prompt.attachments, question);
    if (!fit.refusal.isEmpty()) {
        CallError error;
        error.failureClass = FailureClass::Unsupported;
        error.message = fit.refusal;
        column->fail(error, {});
        return;
    }
    if (!model || !provider || !m_client) {
        CallError error;
        error.failureClass = FailureClass::BadRequest;
        error.message = tr("The model \"%1\" is not configured.").arg(column->spec().modelId);
        column->fail(error, {});
        return;
    }
    if (refuseUnsupported(column, request, *model)) {
        return;
    }
    ModelConfig effective = *model;
    BudgetHold hold;
    if (m_router) {
        effective.timeouts = m_router->timeoutsFor(request, *model, nullptr).values;
        // A comparison spends real money: a column on a chosen model is held against the budgets
        // as a routed call is, and refused (nothing sent) when its worst case does not fit.
        hold = m_router->reserveBudget(effective, request);
        if (!hold.ok) {
            CallError error;
            error.message = Router::budgetRefusal(hold.reason);
            column->fail(error, {});
            return;
        }
    }
    ProviderCall* call = m_client->start(*provider, effective, request);
    call->setBudgetHold(hold.id); // settled by whoever records the call (callStarted)
    connect(call, &ProviderCall::firstTokenReceived, column, &ColumnRun::markFirstToken);
    connect(call, &ProviderCall::textReceived, column, &ColumnRun::appendText);
    connect(call, &ProviderCall::reasoningReceived, column, &ColumnRun::appendReasoning);
    connect(call, &ProviderCall::partReceived, column, &ColumnRun::appendPart);
    connect(call, &ProviderCall::usageReported, column, &ColumnRun::reportUsage);
    connect(call, &ProviderCall::finished, column, &ColumnRun::complete);
    connect(call, &ProviderCall::failed, column, &ColumnRun::fail);
    // Stopped: the call's estimate of what it generated is what the ledger stores, so the column shows it.
    connect(call, &ProviderCall::cancelled, column,
            [column](const CallError&, const CallResult& partial) { column->settleUsage(partial.usage); });
    column->attach(call, [call] { call->cancel(); });
    emit callStarted(call, m_compareGroup, exchangeOf(column));
}

bool ComparisonRun::refuseUnsupported(ColumnRun* column, const ChatRequest& request, const ModelConfig& model)
{
    // The model's data says it lacks what the request asks for (tools, images...): the provider
    // would answer 400, so the column says why and sends nothing.
    const RequestNeeds needs = RequestNeeds::ofRequest(request);
    const RequestNeeds::Need* need = needs.missingFrom(model.capabilities);
    if (!need) {
        return false;
    }
    CallError error;
    error.failureClass = FailureClass::Unsupported;
    error.message = tr("Not sent: %1 does not support %2, which this comparison asks for (%3).")
                        .arg(model.id, ModelCapabilities::needName(need->capability), need->field);
    column->fail(error, {});
    return true;
}

void ComparisonRun::runRouted(ColumnRun* column, const ChatRequest& request)
{
    if (!m_router) {
        CallError error;
        error.failureClass = FailureClass::BadRequest;
        error.message = tr("Routing is not available here: open Switchyard with its engine to route a column.");
        column->fail(error, {});
        return;
    }
    RouteOptions options;
    options.source = RequestSource::Workbench;
    RoutedCall* call = m_router->route(request, {}, options);
    Router* router = m_router;
    connect(call, &RoutedCall::decided, column, &ColumnRun::setRouteDecision);
    connect(call, &RoutedCall::attemptStarted, column,
            [column, router](const QString& modelId, const QString& providerId) {
                const ModelConfig* model = router->model(modelId);
                const ProviderConfig* provider = router->provider(providerId);
                if (model && provider) {
                    column->setRoutedModel(*model, *provider);
                }
            });
    connect(call, &RoutedCall::failedOver, column, &ColumnRun::addFailover);
    connect(call, &RoutedCall::restarted, column, &ColumnRun::discardText);
    connect(call, &RoutedCall::firstTokenReceived, column, &ColumnRun::markFirstToken);
    connect(call, &RoutedCall::textReceived, column, &ColumnRun::appendText);
    connect(call, &RoutedCall::reasoningReceived, column, &ColumnRun::appendReasoning);
    connect(call, &RoutedCall::partReceived, column, &ColumnRun::appendPart);
    connect(call, &RoutedCall::usageReported, column, &ColumnRun::reportUsage);
    connect(call, &RoutedCall::finished, column, [column](const RoutedResult& result) { column->complete(result); });
    connect(call, &RoutedCall::failed, column, [column](const RoutedError& routed) {
        CallError error = routed.lastError; // no class when nothing was sent (every model skipped)
        error.message = routed.details();
        CallResult partial;
        partial.text = routed.partialText;
        partial.usage = routed.usage; // what the ledger bills, estimated when the answer broke off
        column->fail(error, partial);
    });
    connect(call, &RoutedCall::cancelled, column,
            [column](const RoutedError& state) { column->settleUsage(state.usage); });
    column->attach(call, [call] { call->cancel(); });
    emit routedCallStarted(call, request, m_compareGroup, exchangeOf(column));
}

void ComparisonRun::onColumnEnded(ColumnRun* column, ColumnState state)
{
    emit columnEnded(indexOf(column), state);
    if (m_running && !m_starting && !isRunning()) {
        m_running = false;
        emit runFinished();
    }
}
