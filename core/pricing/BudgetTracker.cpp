#include "core/pricing/BudgetTracker.h"

#include "core/common/Clock.h"
#include "core/common/Money.h"
#include "core/pricing/BudgetEstimate.h"

#include <QMutexLocker>

#include <cmath>

namespace {
constexpr double LimitEpsilonUsd = 1e-9;

} // namespace

BudgetTracker::BudgetTracker(QObject* parent)
    : QObject(parent)
    , m_baseline(Clock::instance().currentDateTimeUtc())
{
    qRegisterMetaType<BudgetScope>();
}

void BudgetTracker::setSettings(const BudgetSettings& settings)
{
    {
        QMutexLocker lock(&m_mutex);
        m_settings = settings;
        if (!m_settings.timeZone.isValid()) {
            m_settings.timeZone = QTimeZone::systemTimeZone();
        }
        // New limits or zone: periods may start elsewhere and thresholds deserve a fresh look.
        m_sourceCache.clear();
        m_batchHeldCache.clear();
        m_thresholdSignalled.clear();
        m_limitSignalled.clear();
    }
    emit settingsChanged();
}

BudgetSettings BudgetTracker::settings() const
{
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

void BudgetTracker::setSpendSource(SpendSource source)
{
    QMutexLocker lock(&m_mutex);
    m_source = std::move(source);
    m_baseline = Clock::instance().currentDateTimeUtc();
    m_committed.clear();
    m_sourceCache.clear();
}

void BudgetTracker::setBatchHoldSource(BatchHoldSource source)
{
    QMutexLocker lock(&m_mutex);
    m_batchHolds = std::move(source);
    m_batchHeldCache.clear();
}

void BudgetTracker::batchHoldsChanged()
{
    QMutexLocker lock(&m_mutex);
    m_batchHeldCache.clear();
}

namespace {
BudgetRequest plainRequest(qint64 promptTokens, qint64 maxTokens)
{
    BudgetRequest request;
    request.promptTokens = promptTokens;
    request.maxOutputTokens = maxTokens;
    return request;
}
} // namespace

BudgetCheck BudgetTracker::check(const QString& providerId, const QString& modelId, const ModelPrice& price,
                                 const BudgetRequest& request) const
{
    QMutexLocker lock(&m_mutex);
    return checkLocked(providerId, modelId, price, request);
}

BudgetCheck BudgetTracker::check(const QString& providerId, const QString& modelId, const ModelPrice& price,
                                 qint64 promptTokens, qint64 maxTokens) const
{
    return check(providerId, modelId, price, plainRequest(promptTokens, maxTokens));
}

Reservation BudgetTracker::reserve(const QString& providerId, const QString& modelId, const ModelPrice& price,
                                   qint64 promptTokens, qint64 maxTokens)
{
    return reserve(providerId, modelId, price, plainRequest(promptTokens, maxTokens));
}

Reservation BudgetTracker::reserve(const QString& providerId, const QString& modelId, const ModelPrice& price,
                                   const BudgetRequest& request)
{
    Reservation reservation;
    QList<PendingSignal> pending;
    {
        // Check and hold under one lock: a concurrent request sees this one's worst case.
        QMutexLocker lock(&m_mutex);
        reservation.check = checkLocked(providerId, modelId, price, request);
        collectSignalsLocked(reservation.check.scopes, &pending);
        if (reservation.check.allowed) {
            reservation.id = m_nextId++;
            reservation.ok = true;
            reservation.reservedUsd
                = (reservation.check.exempt || reservation.check.unpriced) ? 0 : reservation.check.worstCaseUsd;
            m_held.insert(reservation.id, { providerId, reservation.reservedUsd });
        } else {
            reservation.refusalReason = reservation.check.reason;
        }
    }
    emitSignals(pending);
    return reservation;
}

bool BudgetTracker::commit(quint64 reservationId, double actualCostUsd)
{
    QList<PendingSignal> pending;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_held.constFind(reservationId);
        if (it == m_held.cend()) {
            return false;
        }
        const QString providerId = it->providerId;
        m_held.erase(it);
        addSpendLocked(providerId, actualCostUsd, &pending);
    }
    emitSignals(pending);
    return true;
}

void BudgetTracker::addSpend(const QString& providerId, double costUsd)
{
    QList<PendingSignal> pending;
    {
        QMutexLocker lock(&m_mutex);
        addSpendLocked(providerId, costUsd, &pending);
    }
    emitSignals(pending);
}

void BudgetTracker::addSpendLocked(const QString& providerId, double costUsd, QList<PendingSignal>* pending)
{
    const double amount = std::isfinite(costUsd) && costUsd > 0 ? costUsd : 0;
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    const QDate today = now.toTimeZone(m_settings.timeZone).date();
    const QDate monthStart(today.year(), today.month(), 1);
    for (const QString& key : { QString(), providerId }) {
        QMap<QDate, double>& days = m_committed[key];
        days[today] += amount;
        // Only the current month is ever summed.
        while (!days.isEmpty() && days.firstKey() < monthStart) {
            days.erase(days.begin());
        }
        if (providerId.isEmpty()) {
            break;
        }
    }
    collectSignalsLocked(scopesLocked(providerId, 0), pending);
}

bool BudgetTracker::release(quint64 reservationId)
{
    QMutexLocker lock(&m_mutex);
    return m_held.remove(reservationId) > 0;
}

QList<ScopeUsage> BudgetTracker::usage(const QString& providerId) const
{
    QMutexLocker lock(&m_mutex);
    return scopesLocked(providerId, 0);
}

int BudgetTracker::activeReservations() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_held.size());
}

BudgetCheck BudgetTracker::checkLocked(const QString& providerId, const QString& modelId, const ModelPrice& price,
                                       const BudgetRequest& request) const
{
    BudgetCheck result;
    result.action = m_settings.action;
    if (!price.known) {
        result.unpriced = true;
        result.scopes = scopesLocked(providerId, 0);
        if (result.scopes.isEmpty() || m_settings.allowUnpriced) {
            result.reason = tr("Unpriced model: its cost is not counted against any budget");
            return result;
        }
        // A limit applies and nothing bounds this request's cost: never a silent way around it.
        result.allowed = false;
        result.reason = tr("%1 has no price, so the %2 cannot bound what it costs. Refused; add its price or "
                           "allow unpriced models in the budget settings.")
                            .arg(modelId, result.scopes.constFirst().scope.displayName());
        return result;
    }
    if (price.isFree()) {
        result.exempt = true;
        result.scopes = scopesLocked(providerId, 0);
        result.reason = tr("Free model: budgets do not apply");
        return result;
    }
    result.worstCaseUsd = BudgetEstimate::worstCaseUsd(price, request).value_or(0);
    result.scopes = scopesLocked(providerId, result.worstCaseUsd);
    if (result.scopes.isEmpty()) {
        result.reason = tr("No budget limit applies");
        return result;
    }
    for (const ScopeUsage& scope : std::as_const(result.scopes)) {
        if (!scope.wouldExceed()) {
            continue;
        }
        result.overLimit = true;
        const QString over = scope.batchHeldUsd > 0
            ? tr("The %1 would be exceeded: %2 spent, %3 held by running batch jobs, %4 reserved, this request up "
                 "to %5, limit %6.")
                  .arg(scope.scope.displayName(), Money::format(scope.spentUsd), Money::format(scope.batchHeldUsd),
                       Money::format(scope.reservedUsd), Money::format(scope.requestUsd), Money::format(scope.limitUsd))
            : tr("The %1 would be exceeded: %2 spent, %3 reserved, this request up to %4, limit %5.")
                  .arg(scope.scope.displayName(), Money::format(scope.spentUsd), Money::format(scope.reservedUsd),
                       Money::format(scope.requestUsd), Money::format(scope.limitUsd));
        switch (m_settings.action) {
        case BudgetAction::WarnOnly:
            result.reason = over + QLatin1Char(' ') + tr("Sent anyway (warn only).");
            break;
        case BudgetAction::Refuse:
            result.reason = over + QLatin1Char(' ') + tr("Refused.");
            break;
        case BudgetAction::DowngradeTier:
            result.reason = over + QLatin1Char(' ') + tr("A cheaper tier should be used.");
            break;
        }
        break;
    }
    result.allowed = !result.overLimit || m_settings.action == BudgetAction::WarnOnly;
    if (!result.overLimit) {
        result.reason = tr("Within budget");
    }
    return result;
}

QList<ScopeUsage> BudgetTracker::scopesLocked(const QString& providerId, double requestUsd) const
{
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    QList<ScopeUsage> result;
    auto add = [&](const QString& scopeProvider, const BudgetLimits& limits) {
        double reserved = 0;
        for (const Held& held : m_held) {
            if (scopeProvider.isEmpty() || held.providerId == scopeProvider) {
                reserved += held.amountUsd;
            }
        }
        for (BudgetPeriod period : { BudgetPeriod::Day, BudgetPeriod::Month }) {
            const double limit = period == BudgetPeriod::Day ? limits.dailyUsd : limits.monthlyUsd;
            if (limit <= 0) {
                continue;
            }
            ScopeUsage usage;
            usage.scope = { scopeProvider, period };
            usage.limitUsd = limit;
            usage.spentUsd = spentLocked(usage.scope, now);
            usage.batchHeldUsd = batchHeldLocked(scopeProvider, periodStart(period, now), now);
            usage.reservedUsd = reserved;
            usage.requestUsd = requestUsd;
            result.append(usage);
        }
    };
    add(QString(), m_settings.global);
    if (!providerId.isEmpty() && m_settings.perProvider.contains(providerId)) {
        add(providerId, m_settings.perProvider.value(providerId));
    }
    return result;
}

double BudgetTracker::spentLocked(const BudgetScope& scope, const QDateTime& now) const
{
    const QDateTime start = periodStart(scope.period, now);
    const QDate firstDay = start.toTimeZone(m_settings.timeZone).date();
    double spent = sourceSpendLocked(scope.providerId, start);
    const QMap<QDate, double> days = m_committed.value(scope.providerId);
    for (auto it = days.lowerBound(firstDay); it != days.cend(); ++it) {
        spent += it.value();
    }
    return spent;
}

double BudgetTracker::sourceSpendLocked(const QString& providerId, const QDateTime& from) const
{
    if (!m_source || from >= m_baseline) {
        return 0;
    }
    const QString key = providerId + QLatin1Char('|') + QString::number(from.toMSecsSinceEpoch());
    const auto cached = m_sourceCache.constFind(key);
    if (cached != m_sourceCache.cend()) {
        return *cached;
    }
    const double spent = std::max(0.0, m_source(providerId, from, m_baseline));
    m_sourceCache.insert(key, spent);
    return spent;
}

double BudgetTracker::batchHeldLocked(const QString& providerId, const QDateTime& from, const QDateTime& now) const
{
    if (!m_batchHolds) {
        return 0;
    }
    const QString key = providerId + QLatin1Char('|') + QString::number(from.toMSecsSinceEpoch());
    const auto cached = m_batchHeldCache.constFind(key);
    if (cached != m_batchHeldCache.cend() && cached->askedAt <= now
        && cached->askedAt.secsTo(now) < kBatchHoldRefreshSecs) {
        return cached->amountUsd;
    }
    const double held = std::max(0.0, m_batchHolds(providerId, from));
    m_batchHeldCache.insert(key, { held, now });
    return held;
}

QDateTime BudgetTracker::periodStart(BudgetPeriod period, const QDateTime& now) const
{
    const QDate today = now.toTimeZone(m_settings.timeZone).date();
    const QDate first = period == BudgetPeriod::Day ? today : QDate(today.year(), today.month(), 1);
    return QDateTime(first, QTime(0, 0), m_settings.timeZone).toUTC();
}

QString BudgetTracker::periodKey(BudgetPeriod period, const QDateTime& now) const
{
    const QDate today = now.toTimeZone(m_settings.timeZone).date();
    return today.toString(period == BudgetPeriod::Day ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM"));
}

void BudgetTracker::collectSignalsLocked(const QList<ScopeUsage>& scopes, QList<PendingSignal>* out)
{
    const QDateTime now = Clock::instance().currentDateTimeUtc();
    for (const ScopeUsage& usage : scopes) {
        const QString id = usage.scope.id();
        const QString period = periodKey(usage.scope.period, now);
        // A running batch job's hold counts as spent: the job may bill all of it.
        const double spentFraction = usage.countedUsd() / usage.limitUsd;
        if (spentFraction >= m_settings.warnAt && m_thresholdSignalled.value(id) != period) {
            m_thresholdSignalled.insert(id, period);
            out->append({ usage.scope, spentFraction, false });
        }
        const bool reached = usage.countedUsd() >= usage.limitUsd - LimitEpsilonUsd || usage.wouldExceed();
        if (reached && m_limitSignalled.value(id) != period) {
            m_limitSignalled.insert(id, period);
            out->append({ usage.scope, spentFraction, true });
        }
    }
}

void BudgetTracker::emitSignals(const QList<PendingSignal>& pending)
{
    for (const PendingSignal& signal : pending) {
        if (signal.limit) {
            emit limitReached(signal.scope);
        } else {
            emit thresholdReached(signal.scope, signal.fraction);
        }
    }
}
