#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QTimeZone>

#include <optional>

// What to do when a request would take a budget over its limit.
enum class BudgetAction
{
    WarnOnly, // send it anyway, report the overrun
    Refuse, // do not send
    DowngradeTier, // do not send on this model; the router tries a cheaper tier
};

namespace BudgetActions {
QString id(BudgetAction action); // "warn", "refuse", "downgrade"
std::optional<BudgetAction> fromId(const QString& id);
QString displayName(BudgetAction action);
} // namespace BudgetActions

// USD; 0 means "no limit".
struct BudgetLimits
{
    double dailyUsd = 0;
    double monthlyUsd = 0;

    bool operator==(const BudgetLimits&) const = default;
};

struct BudgetSettings
{
    BudgetLimits global;
    QMap<QString, BudgetLimits> perProvider; // provider id -> limits
    double warnAt = 0.8; // fraction of a limit that triggers thresholdReached
    BudgetAction action = BudgetAction::WarnOnly;
    // Without a price a request's cost cannot be bounded: under a limit it is refused unless the
    // user allows unpriced models (their spend is then not counted).
    bool allowUnpriced = false;
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // where days and months begin
};

enum class BudgetPeriod
{
    Day,
    Month,
};

// What a request may cost at most, estimated before the call: the whole prompt (PromptSize),
// the output it may produce and whether it asks for a cache write.
struct BudgetRequest
{
    qint64 promptTokens = 0;
    qint64 images = 0;
    qint64 maxOutputTokens = 0;
    bool mayWriteCache = false;
    qint64 webSearches = 0; // the most server-side web searches the request may be billed for
};

// One limit: a period, for all providers (empty providerId) or one.
struct BudgetScope
{
    QString providerId;
    BudgetPeriod period = BudgetPeriod::Day;

    QString id() const; // "global/day", "openai/month"
    QString displayName() const; // "daily budget", "monthly budget for openai"
    bool operator==(const BudgetScope&) const = default;
};

// Where one scope stands, without and with the request being checked.
struct ScopeUsage
{
    BudgetScope scope;
    double limitUsd = 0;
    double spentUsd = 0; // ledger before the tracker started + committed since
    // The worst cases running provider batch jobs hold until their results are recorded: not
    // billed yet, so shown apart from spentUsd, but counted by every check as if spent.
    double batchHeldUsd = 0;
    double reservedUsd = 0; // in-flight requests' worst cases
    double requestUsd = 0; // worst case of the request being checked

    // What the checks count as gone: spent and held by running batch jobs.
    double countedUsd() const { return spentUsd + batchHeldUsd; }
    double usedFraction() const { return limitUsd > 0 ? (countedUsd() + reservedUsd) / limitUsd : 0; }
    double fractionWithRequest() const
    {
        return limitUsd > 0 ? (countedUsd() + reservedUsd + requestUsd) / limitUsd : 0;
    }
    bool wouldExceed() const;
};

// The answer to "may this request go out?", also what `explain` shows.
struct BudgetCheck
{
    bool allowed = true;
    bool exempt = false; // free or local model: budgets do not apply
    bool unpriced = false; // no price known: nothing reserved, cost not tracked (refused under a limit
                           // unless BudgetSettings::allowUnpriced)
    bool overLimit = false; // at least one scope would be exceeded
    BudgetAction action = BudgetAction::WarnOnly;
    double worstCaseUsd = 0;
    QString reason; // translated, empty when within every limit
    QList<ScopeUsage> scopes;

    bool shouldDowngrade() const { return overLimit && action == BudgetAction::DowngradeTier; }
    // The first limit the request would exceed, short: "daily budget for openai, limit $1.00" (empty if none).
    QString exceededLimit() const;
};

struct Reservation
{
    quint64 id = 0; // 0 when refused
    bool ok = false;
    QString refusalReason;
    double reservedUsd = 0;
    BudgetCheck check;
};

Q_DECLARE_METATYPE(BudgetScope)
