#include "app/cli/BatchCommand.h"

#include "app/cli/Console.h"
#include "core/batch/BatchClient.h"
#include "core/batch/BatchInput.h"
#include "core/batch/BatchRecords.h"
#include "core/batch/BatchStore.h"
#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/Ledger.h"
#include "core/ledger/SharedBudget.h"
#include "core/pricing/BudgetTracker.h"
#include "core/pricing/CostCalculator.h"
#include "core/recording/CallRecorder.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>

namespace {
QJsonObject statusJson(const BatchJob& job, const BatchStatus& status)
{
    return { { QStringLiteral("id"), job.id },
             { QStringLiteral("provider"), job.providerId },
             { QStringLiteral("model"), job.modelId },
             { QStringLiteral("state"), BatchStates::id(status.state) },
             { QStringLiteral("requests"), job.requestCount },
             { QStringLiteral("succeeded"), status.succeeded },
             { QStringLiteral("failed"), status.failed },
             { QStringLiteral("submitted_at"), job.submittedAt.toString(Qt::ISODate) },
             { QStringLiteral("recorded"), job.recordedAt.isValid() },
             { QStringLiteral("errors"), QJsonArray::fromStringList(status.errors) } };
}
} // namespace

BatchCommand::BatchCommand() = default;
BatchCommand::~BatchCommand() = default;

bool BatchCommand::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send many prompts through a provider's batch API (OpenAI, Anthropic, Mistral, Azure OpenAI, Gemini) at "
           "its batch price; "
           "results come within 24 hours and are recorded once, at the batch rates."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 tr("submit FILE.jsonl | status ID | results ID | cancel ID | list"));
    const QCommandLineOption model(QStringLiteral("model"), tr("The model every request of the file goes to."),
                                   QStringLiteral("M"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption wait(QStringLiteral("wait"), tr("results: poll until the job has ended."));
    const QCommandLineOption poll(QStringLiteral("poll-seconds"), tr("How often --wait asks (default 30)."),
                                  QStringLiteral("N"), QStringLiteral("30"));
    parser.addOptions({ model, json, wait, poll });
    if (!Console::parseArguments(parser, QStringLiteral("switchyard batch"), arguments)) {
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    static const QHash<QString, std::pair<Action, bool>> kActions {
        { QStringLiteral("submit"), { Action::Submit, true } },
        { QStringLiteral("status"), { Action::Status, true } },
        { QStringLiteral("results"), { Action::Results, true } },
        { QStringLiteral("cancel"), { Action::Cancel, true } },
        { QStringLiteral("list"), { Action::List, false } },
    };
    const auto action = kActions.constFind(positional.value(0));
    if (action == kActions.cend() || positional.size() != (action->second ? 2 : 1)) {
        Console::fail(tr("usage: switchyard batch submit FILE.jsonl --model M | status ID | results ID [--wait] | "
                         "cancel ID | list"),
                      64);
        return false;
    }
    m_action = action->first;
    m_argument = positional.value(1);
    if (m_action != Action::Submit && m_argument.startsWith(QLatin1String("batches/"))) {
        // Gemini's resource name, as Google's tools print it; the ledger keeps the id after it.
        m_argument = m_argument.mid(8);
    }
    m_model = parser.value(model);
    m_json = parser.isSet(json);
    m_wait = parser.isSet(wait);
    bool ok = false;
    m_pollSeconds = parser.value(poll).toInt(&ok);
    if (!ok || m_pollSeconds < 1) {
        Console::fail(tr("--poll-seconds needs a whole number of seconds, 1 or more"), 64);
        return false;
    }
    if (m_action == Action::Submit && m_model.isEmpty()) {
        Console::fail(tr("batch submit needs --model M (see switchyard models)"), 64);
        return false;
    }
    return true;
}

void BatchCommand::finish(int exitCode)
{
    emit done(exitCode);
}

void BatchCommand::run(Engine& engine)
{
    if (engine.ledgerPath().isEmpty()) {
        finish(Console::fail(tr("no history database is available: batch jobs are kept there")));
        return;
    }
    m_store = std::make_unique<BatchStore>(engine.ledgerPath());
    QString error;
    if (!m_store->open(&error)) {
        finish(Console::fail(error));
        return;
    }
    switch (m_action) {
    case Action::Submit:
        submit(engine);
        return;
    case Action::List:
        list();
        return;
    case Action::Status:
    case Action::Results:
    case Action::Cancel:
        follow(engine);
        return;
    }
}

void BatchCommand::submit(Engine& engine)
{
    // Everything is checked before a byte is sent: the whole file, the model, its provider, its price.
    QString error;
    const std::optional<QList<BatchItem>> items = BatchInput::read(m_argument, &error);
    if (!items) {
        finish(Console::fail(error, ExitUnparsable));
        return;
    }
    const ModelConfig* model = engine.model(m_model);
    if (!model) {
        finish(Console::fail(tr("--model: unknown model \"%1\" (see switchyard models)").arg(m_model), 64));
        return;
    }
    const ProviderConfig* provider = engine.provider(model->providerId);
    const std::optional<BatchApi> api = provider ? BatchApis::of(*provider) : std::nullopt;
    if (!api) {
        finish(Console::fail(tr("--model: %1 is served by %2, which has no batch API Switchyard can use (OpenAI's, "
                                "Azure OpenAI's, Mistral's and Gemini's batch APIs and Anthropic's Message Batches "
                                "are supported)")
                                 .arg(model->id, provider ? provider->displayName : model->providerId),
                             64));
        return;
    }
    if (!model->price.known || model->price.batchInputPerMTok <= 0 || model->price.batchOutputPerMTok <= 0) {
        finish(Console::fail(tr("--model: %1 has no batch prices, so its results could not be costed; its "
                                "provider may offer no batch API (import prices with batch rates: switchyard "
                                "import prices FILE)")
                                 .arg(model->id),
                             64));
        return;
    }
    const QString upstream = model->upstreamModel.isEmpty() ? model->id : model->upstreamModel;
    const QString fileName = QFileInfo(m_argument).fileName();
    const std::optional<QByteArray> payload = BatchWire::payload(*api, upstream, *items, fileName, &error);
    if (!payload) {
        finish(Console::fail(error, ExitUnparsable));
        return;
    }
    // A budget that refuses must have room for the whole batch's worst case at the batch rates
    // (every request's whole prompt and all the output it may write) before anything is sent: the
    // job runs for hours and its spend is only known when its results are recorded.
    double worstUsd = 0;
    for (const BatchItem& item : *items) {
        ChatRequest request;
        request.clientBody = item.body;
        request.clientFormat = ProviderKind::OpenAiCompatible;
        request.maxTokens = item.maxTokens;
        const BudgetRequest planned = Engine::budgetRequest(*model, request);
        TokenUsage usage;
        usage.promptTokens = planned.promptTokens;
        usage.images = planned.images;
        usage.webSearches = planned.webSearches;
        usage.searchContext = SearchContextSize::High;
        usage.completionTokens = planned.maxOutputTokens;
        usage.batch = true;
        worstUsd += CostCalculator::cost(model->price, usage).value_or(0);
    }
    if (BudgetTracker* budgets = engine.budgets(); budgets && budgets->settings().action != BudgetAction::WarnOnly) {
        for (ScopeUsage scope : budgets->usage(provider->id)) {
            scope.requestUsd = worstUsd;
            if (scope.wouldExceed()) {
                finish(Console::fail(
                    tr("the batch could cost up to %1 at the batch rates, more than the %2 has left "
                       "(%3 of %4); nothing was sent")
                        .arg(Money::format(worstUsd), scope.scope.displayName(),
                             Money::format(std::max(0.0, scope.limitUsd - scope.countedUsd() - scope.reservedUsd)),
                             Money::format(scope.limitUsd)),
                    ExitOverBudget));
                return;
            }
        }
    }
    // The hold goes into the ledger before the job goes out, so that no other process's request
    // or batch can take the room it needs meanwhile; on a PostgreSQL ledger the team's shared
    // limits are checked in the same step.
    const SharedBudget::Hold hold = engine.holdBatch(provider->id, worstUsd);
    if (!hold.ok) {
        finish(hold.refusal.isEmpty() ? Console::fail(
                   tr("the batch's budget hold could not be kept in the ledger (%1); nothing was sent").arg(hold.error))
                                      : Console::fail(
                                          tr("the batch could cost up to %1 at the batch rates: %2; nothing was sent")
                                              .arg(Money::format(worstUsd), hold.refusal),
                                          ExitOverBudget));
        return;
    }
    m_holdId = hold.id;
    m_job.providerId = provider->id;
    m_job.modelId = model->id;
    m_job.upstreamModel = upstream;
    m_job.inputName = fileName;
    m_job.requestCount = int(items->size());
    for (const BatchItem& item : *items) {
        m_job.prompts.append({ item.customId, item.prompt });
    }
    m_client = new BatchClient(engine.client(), *provider, this);
    connect(m_client, &BatchClient::failed, this, [this, &engine](const QString& message) {
        // Nothing was created (or nothing is known of it): the hold goes back.
        SharedBudget(engine.ledgerPath()).settle(m_holdId, 0);
        finish(Console::fail(message));
    });
    connect(m_client, &BatchClient::statusReceived, this, [this, &engine](const BatchStatus& status) {
        m_job.id = status.id;
        m_job.state = status.state;
        m_job.submittedAt = Clock::instance().currentDateTimeUtc();
        QString error;
        if (!m_store->add(m_job, &error)) {
            finish(Console::fail(
                tr("batch %1 was submitted but could not be kept in the ledger: %2").arg(status.id, error)));
            return;
        }
        if (!SharedBudget(engine.ledgerPath()).nameBatch(m_holdId, m_job.id, &error)) {
            Console::err(tr("batch %1: its budget hold could not be named after it (%2), so its results cannot settle "
                            "it: it counts at its worst case")
                             .arg(m_job.id, error));
        }
        if (m_json) {
            Console::printJson(statusJson(m_job, status));
        } else {
            Console::out(tr("Submitted batch %1: %n request(s) to %2. See: switchyard batch status %1", nullptr,
                            m_job.requestCount)
                             .arg(m_job.id, m_job.modelId));
        }
        finish(0);
    });
    m_client->submit(*payload, fileName, upstream);
}

void BatchCommand::list()
{
    QString error;
    const std::optional<QList<BatchJob>> jobs = m_store->list(&error);
    if (!jobs) {
        finish(Console::fail(error));
        return;
    }
    if (m_json) {
        QJsonArray array;
        for (const BatchJob& job : *jobs) {
            BatchStatus status;
            status.state = job.state;
            array.append(statusJson(job, status));
        }
        Console::printJson({ { QStringLiteral("jobs"), array } });
    } else {
        for (const BatchJob& job : *jobs) {
            Console::out(QStringLiteral("%1  %2  %3  %4  %5")
                             .arg(job.id, job.submittedAt.toString(Qt::ISODate), job.modelId,
                                  BatchStates::id(job.state),
                                  job.recordedAt.isValid() ? tr("recorded") : tr("not recorded")));
        }
    }
    finish(0);
}

void BatchCommand::follow(Engine& engine)
{
    QString error;
    const std::optional<BatchJob> job = m_store->load(m_argument, &error);
    if (!job) {
        finish(Console::fail(error, 64));
        return;
    }
    m_job = *job;
    const ProviderConfig* provider = engine.provider(m_job.providerId);
    if (!provider) {
        finish(Console::fail(
            tr("batch %1 went to provider %2, which is no longer configured").arg(m_job.id, m_job.providerId)));
        return;
    }
    m_client = new BatchClient(engine.client(), *provider, this);
    connect(m_client, &BatchClient::failed, this, [this](const QString& message) { finish(Console::fail(message)); });
    connect(m_client, &BatchClient::statusReceived, this,
            [this, &engine](const BatchStatus& status) { statusReceived(engine, status); });
    connect(m_client, &BatchClient::resultsReceived, this,
            [this, &engine](const QList<BatchResult>& results) { resultsReceived(engine, results); });
    if (m_action == Action::Cancel) {
        m_client->cancel(m_job.id);
    } else {
        m_client->poll(m_job.id);
    }
}

void BatchCommand::printStatus(const BatchStatus& status)
{
    if (m_json) {
        Console::printJson(statusJson(m_job, status));
        return;
    }
    Console::out(tr("%1  %2 on %3, submitted %4: %5, %6 of %7 succeeded, %8 failed")
                     .arg(m_job.id, m_job.modelId, m_job.providerId, m_job.submittedAt.toString(Qt::ISODate),
                          BatchStates::id(status.state))
                     .arg(status.succeeded)
                     .arg(m_job.requestCount)
                     .arg(status.failed));
    for (const QString& error : status.errors) {
        Console::out(QStringLiteral("  ") + error);
    }
}

void BatchCommand::statusReceived(Engine& engine, const BatchStatus& status)
{
    QString error;
    if (status.state != m_job.state) {
        m_job.state = status.state;
        if (!m_store->setState(m_job.id, status.state, Clock::instance().currentDateTimeUtc(), &error)) {
            finish(Console::fail(error));
            return;
        }
    }
    if (status.state == BatchState::Failed) {
        SharedBudget(engine.ledgerPath()).settleBatch(m_job.id, 0); // refused as a whole: nothing billed
    }
    if (m_action == Action::Cancel) {
        printStatus(status);
        if (!m_json) {
            Console::out(tr("What finished before the cancel is billed; record it with: switchyard batch results %1 "
                            "--wait")
                             .arg(m_job.id));
        }
        finish(0);
        return;
    }
    if (m_action == Action::Status) {
        printStatus(status);
        finish(status.state == BatchState::Failed ? ExitUnparsable : 0);
        return;
    }
    if (status.state == BatchState::Failed) {
        printStatus(status);
        finish(Console::fail(tr("the provider refused batch %1 as a whole; nothing was billed").arg(m_job.id),
                             ExitUnparsable));
        return;
    }
    if (!BatchStates::hasResults(status.state)) {
        if (m_wait) {
            Console::err(tr("%1: %2, waiting %3 s").arg(m_job.id, BatchStates::id(status.state)).arg(m_pollSeconds));
            QTimer::singleShot(m_pollSeconds * 1000, this, [this] { m_client->poll(m_job.id); });
            return;
        }
        printStatus(status);
        finish(Console::fail(tr("batch %1 has not finished yet (%2); try again later or add --wait")
                                 .arg(m_job.id, BatchStates::id(status.state)),
                             ExitNotFinished));
        return;
    }
    QStringList customIds;
    for (const auto& [customId, prompt] : m_job.prompts) {
        customIds << customId;
    }
    m_client->fetchResults(status, customIds);
}

void BatchCommand::resultsReceived(Engine& engine, const QList<BatchResult>& results)
{
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    QString error;
    // One process records the results, once; any later fetch only shows them.
    const std::optional<bool> claimed = m_store->claimRecording(m_job.id, now, &error);
    if (!claimed) {
        finish(Console::fail(error));
        return;
    }
    QJsonArray rows;
    double total = 0;
    bool unpriced = false;
    for (const BatchResult& result : results) {
        const RecordContext context = BatchRecords::context(m_job, result);
        const FinishedCall call = BatchRecords::call(m_job, result, now);
        // A request cancelled (or expired) before it ran is shown but not a ledger row: nothing was billed.
        const RequestRecord record = *claimed && !result.notRun ? engine.recorder().start(context).finish(call)
                                                                : engine.recorder().row(context, call);
        total += record.costUsd.value_or(0);
        unpriced = unpriced || (result.ok && !record.costUsd);
        if (m_json) {
            rows.append(QJsonObject {
                { QStringLiteral("custom_id"), result.customId },
                { QStringLiteral("ok"), result.ok },
                { QStringLiteral("answer"), result.text },
                { QStringLiteral("error"), result.error },
                { QStringLiteral("prompt_tokens"), result.usage.promptTokens },
                { QStringLiteral("completion_tokens"), result.usage.completionTokens },
                { QStringLiteral("cached_tokens"), result.usage.cachedTokens },
                { QStringLiteral("reasoning_tokens"), result.usage.reasoningTokens },
                { QStringLiteral("cost_usd"), record.costUsd ? QJsonValue(*record.costUsd) : QJsonValue() } });
        } else if (result.ok) {
            Console::out(tr("[%1] %2 in / %3 out tokens, %4\n%5\n")
                             .arg(result.customId)
                             .arg(result.usage.promptTokens)
                             .arg(result.usage.completionTokens)
                             .arg(record.costUsd ? Money::format(*record.costUsd) : tr("unpriced"), result.text));
        } else {
            Console::out(tr("[%1] failed: %2\n").arg(result.customId, result.error));
        }
    }
    if (m_json) {
        Console::printJson({ { QStringLiteral("id"), m_job.id },
                             { QStringLiteral("model"), m_job.modelId },
                             { QStringLiteral("state"), BatchStates::id(m_job.state) },
                             { QStringLiteral("recorded_now"), *claimed },
                             { QStringLiteral("results"), rows },
                             { QStringLiteral("cost_usd"), total } });
    } else {
        Console::out(
            tr("%n result(s), %1 at the batch rates%2", nullptr, int(results.size()))
                .arg(Money::format(total), *claimed ? tr(", recorded in the history") : tr(" (recorded earlier)")));
    }
    settleHold(engine, total, unpriced ? 1 : 0);
}

void BatchCommand::settleHold(Engine& engine, double costUsd, int exitCode)
{
    // Settled once the rows are committed, so that no process sees neither the hold nor the rows.
    // Whoever shows the results settles: a process that recorded them and died before settling
    // leaves the hold to the next fetch (or to its expiry).
    auto settle = [this, &engine, costUsd, exitCode] {
        QString error;
        if (!SharedBudget(engine.ledgerPath()).settleBatch(m_job.id, costUsd, &error) && !error.isEmpty()) {
            Console::err(tr("batch %1: its budget hold could not be settled (%2)").arg(m_job.id, error));
        }
        finish(exitCode);
    };
    Ledger* ledger = engine.ledger();
    if (!ledger || !ledger->isOpen()) { // nothing was queued, nothing to wait for
        settle();
        return;
    }
    connect(ledger, &Ledger::flushed, this, settle, Qt::SingleShotConnection);
    ledger->flush();
}
