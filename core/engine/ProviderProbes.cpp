#include "core/engine/ProviderProbes.h"

#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/engine/Engine.h"
#include "core/ledger/LedgerQueries.h"
#include "core/pricing/CostCalculator.h"
#include "core/pricing/PriceTable.h"
#include "core/providers/ProviderCall.h"
#include "core/providers/ProviderClient.h"
#include "core/routing/CooldownTracker.h"
#include "core/routing/Router.h"

#include <QTimer>

namespace {
// The prompt's tokens counted generously (the message framing included).
constexpr qint64 kPromptTokens = 24;
} // namespace

ProviderProbes::ProviderProbes(Engine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ProviderProbes::probeNow);
    connect(&engine, &Engine::requestRecorded, this, &ProviderProbes::onRecorded);
}

QString ProviderProbes::prompt()
{
    return QStringLiteral("Reply with OK.");
}

void ProviderProbes::setInterval(int ms)
{
    if (ms <= 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(ms);
    QTimer::singleShot(0, this, &ProviderProbes::probeNow);
}

const ModelConfig* ProviderProbes::probeModel(const Engine& engine, const QString& providerId)
{
    const ModelConfig* best = nullptr;
    double bestCost = 0;
    for (const ModelConfig& model : engine.models()) {
        if (model.providerId != providerId || !model.price.known || engine.prices().modeOf(model) != ModelMode::Chat) {
            continue;
        }
        const double cost = worstCaseUsd(model);
        if (!best || cost < bestCost) {
            best = &model;
            bestCost = cost;
        }
    }
    return best;
}

double ProviderProbes::worstCaseUsd(const ModelConfig& model)
{
    TokenUsage usage;
    usage.promptTokens = kPromptTokens;
    usage.completionTokens = 1;
    return CostCalculator::cost(model.price, usage).value_or(0);
}

void ProviderProbes::rollDay()
{
    const QDate today = Clock::instance().currentDateTimeUtc().date();
    if (today == m_day) {
        return;
    }
    m_day = today;
    m_capSaid = false;
    m_spentUsd = 0;
    // What earlier runs spent today counts too (a restarted `serve` does not start over).
    if (!m_engine.ledgerPath().isEmpty()) {
        LedgerFilter filter;
        filter.from = QDateTime(today, QTime(0, 0), Qt::UTC);
        filter.until = filter.from.addDays(1);
        filter.sources = { RequestSources::id(RequestSource::Probe) };
        LedgerQueries queries(m_engine.ledgerPath());
        m_spentUsd = queries.totals(filter).spendUsd;
    }
}

double ProviderProbes::committedTodayUsd()
{
    rollDay();
    double held = 0;
    for (const double usd : std::as_const(m_pending)) {
        held += usd;
    }
    return m_spentUsd + held;
}

int ProviderProbes::probeNow()
{
    int sent = 0;
    for (const ProviderConfig& provider : m_engine.providers()) {
        if (m_pending.contains(provider.id) || !m_engine.client()->hasKey(provider)) {
            continue;
        }
        const ModelConfig* model = probeModel(m_engine, provider.id);
        if (!model) {
            continue;
        }
        const double worst = worstCaseUsd(*model);
        if (committedTodayUsd() + worst > m_capUsd) {
            if (!std::exchange(m_capSaid, true)) {
                emit capReached(tr("Probes stopped for today: they cost %1 of the daily cap of %2.")
                                    .arg(Money::format(m_spentUsd), Money::format(m_capUsd)));
            }
            break;
        }
        ChatRequest request;
        request.messages = { { QStringLiteral("user"), prompt() } };
        request.maxTokens = 1;
        request.stream = false;
        // A probe spends real money: held against the budgets like any call, and not sent when
        // its worst case does not fit (the budget says no to probes as to users).
        const BudgetHold hold = m_engine.router()->reserveBudget(*model, request);
        if (!hold.ok) {
            if (!std::exchange(m_budgetSaid, true)) {
                emit capReached(tr("Probes stopped: %1").arg(Router::budgetRefusal(hold.reason)));
            }
            continue;
        }
        m_budgetSaid = false;
        ProviderCall* call = m_engine.client()->start(provider, *model, request, this);
        call->setBudgetHold(hold.id); // settled when the probe is recorded
        m_engine.track(call, RequestSource::Probe);
        m_pending.insert(provider.id, worst);
        const QString providerId = provider.id;
        const QString modelId = model->id;
        connect(call, &ProviderCall::finished, this, [this, call, providerId, modelId] {
            onResult(providerId, modelId, {});
            call->deleteLater();
        });
        connect(call, &ProviderCall::failed, this, [this, call, providerId, modelId](const CallError& error) {
            onResult(providerId, modelId, error);
            call->deleteLater();
        });
        ++sent;
    }
    return sent;
}

void ProviderProbes::onRecorded(const RequestRecord& record)
{
    if (record.source != RequestSource::Probe) {
        return;
    }
    rollDay();
    if (record.startedAt.date() == m_day && record.costUsd) {
        m_spentUsd += *record.costUsd;
    }
}

void ProviderProbes::onResult(const QString& providerId, const QString& modelId, const CallError& error)
{
    m_pending.remove(providerId);
    CooldownTracker* cooldowns = m_engine.router()->cooldowns();
    if (!error.isError()) {
        cooldowns->recordSuccess(modelId, providerId);
    } else if (CooldownTracker::countsTowardCooldown(error.failureClass)) {
        // A probe is the provider's health check: one failure is the outage, not one of K.
        const TierSettings& settings = m_engine.router()->policy().defaults;
        if (error.failureClass == FailureClass::RateLimited) {
            cooldowns->recordFailure(modelId, providerId, error.failureClass, settings, error.retryAfterMs);
        } else {
            const int seconds = error.failureClass == FailureClass::QuotaExhausted ? settings.quotaCooldownSec
                                                                                   : settings.cooldown.durationSec;
            cooldowns->coolProvider(providerId, seconds, FailureClasses::id(error.failureClass));
        }
    }
    emit probed(providerId, modelId, !error.isError(),
                error.isError() ? FailureClasses::id(error.failureClass) : QString());
}
