#pragma once

#include "core/ledger/LedgerRecords.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QSet>

class Engine;
class QTimer;
struct ModelConfig;

// Active probes (opt-in): every interval, one tiny request per provider (its cheapest chat model,
// max_tokens 1, a fixed short prompt), so an outage is known before user traffic finds it. A
// probe's result feeds the router's health like a request's (a provider-health failure cools the
// whole provider down at once; a success ends a cooldown whose time is up), and the call is
// recorded in the ledger with the source "probe", so its cost shows (and stays out of savings).
//
// A daily cap (UTC day, counted from the ledger's probe rows and the worst case of the probes in
// flight) stops the probes for the rest of the day; capReached() says so once.
class ProviderProbes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderProbes)

public:
    static constexpr double kDefaultDailyCapUsd = 0.10;
    static constexpr int kDefaultIntervalMinutes = 5;

    explicit ProviderProbes(Engine& engine, QObject* parent = nullptr);

    // Probes every `ms` (0 stops them); the first round goes out at once.
    void setInterval(int ms);
    void setDailyCapUsd(double usd) { m_capUsd = usd; }
    double dailyCapUsd() const { return m_capUsd; }

    // One round now: a probe to every provider with a key and a chat model, within the cap.
    // Returns how many went out.
    int probeNow();
    // Spent on probes today (recorded) plus the worst case of those in flight.
    double committedTodayUsd();
    int inFlight() const { return int(m_pending.size()); }

    // The text every probe sends.
    static QString prompt();
    // The model a provider is probed with: its cheapest priced chat model, else none.
    static const ModelConfig* probeModel(const Engine& engine, const QString& providerId);
    // What one probe to `model` can cost at most (the prompt and one output token).
    static double worstCaseUsd(const ModelConfig& model);

signals:
    void probed(const QString& providerId, const QString& modelId, bool ok, const QString& failureClass);
    // The day's cap stops the probes until the next UTC day (once per day).
    void capReached(const QString& message);

private:
    void rollDay();
    void onRecorded(const RequestRecord& record);
    void onResult(const QString& providerId, const QString& modelId, const CallError& error);

    Engine& m_engine;
    QTimer* m_timer;
    double m_capUsd = kDefaultDailyCapUsd;
    QDate m_day; // UTC
    double m_spentUsd = 0; // recorded probe cost on m_day
    QHash<QString, double> m_pending; // provider -> worst case held while its probe runs
    bool m_capSaid = false;
    bool m_budgetSaid = false; // "stopped by the budget" was said since the last probe went out
};
