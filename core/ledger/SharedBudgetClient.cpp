#include "core/ledger/SharedBudgetClient.h"

#include <QCoreApplication>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace {
using SteadyClock = std::chrono::steady_clock;
constexpr auto kExpiryPeriod = std::chrono::seconds(60);

QString notInTime()
{
    return QCoreApplication::translate("SharedBudgetClient", "the database did not answer within %1 ms")
        .arg(SharedBudgetClient::kWaitMs);
}
} // namespace

struct SharedBudgetClient::State
{
    struct Job
    {
        enum class Kind
        {
            Reserve,
            Settle,
            AddSpent
        };
        Kind kind = Kind::Reserve;
        QList<SharedBudget::Scope> scopes;
        double amountUsd = 0; // Reserve: the hold; Settle: the actual cost
        qint64 holdId = 0;
        QHash<QString, double> spentUsd;
        int tries = 0;
        // Reserve's answer, under the mutex.
        bool done = false;
        bool abandoned = false; // reserve() stopped waiting: a granted hold is released at once
        SharedBudget::Hold hold;
    };

    QString location;
    std::mutex mutex;
    std::condition_variable wake; // the thread: work, or stop
    std::condition_variable answered; // reserve(): its job is done; the destructor: the thread ended
    std::deque<std::shared_ptr<Job>> jobs;
    std::deque<std::shared_ptr<Job>> retries; // refused while the database was away
    bool stopping = false;
    bool finished = false;
    bool reachable = true; // until the first failure: the first reservation asks
    QString lastError;
    bool busy = false;
    SteadyClock::time_point busySince;
    bool stalled = false; // a reservation gave up on the call the thread is in: nobody waits behind it
    QStringList errors;

    void run();
    void serve(SharedBudget& budget);
    // The database answers again: what the outage refused goes first, in its order.
    void requeueRetries()
    {
        while (!retries.empty()) {
            jobs.push_front(retries.back());
            retries.pop_back();
        }
    }
    void execute(SharedBudget& budget, Job& job, QString* error);
};

// The thread: owns the connection (a QSqlDatabase stays on the thread that opened it), and closes
// it before it says it has finished.
void SharedBudgetClient::State::run()
{
    {
        SharedBudget budget(location);
        serve(budget);
    }
    const std::lock_guard lock(mutex);
    finished = true;
    answered.notify_all();
}

void SharedBudgetClient::State::serve(SharedBudget& budget)
{
    SteadyClock::time_point nextExpiry = SteadyClock::now() + kExpiryPeriod;
    std::unique_lock lock(mutex);
    for (;;) {
        if (jobs.empty()) {
            if (stopping) {
                break;
            }
            const auto until
                = reachable ? nextExpiry : SteadyClock::now() + std::chrono::milliseconds(SharedBudgetClient::kRetryMs);
            wake.wait_until(lock, until, [this] { return stopping || !jobs.empty(); });
            if (!jobs.empty() || stopping) {
                continue;
            }
            // Idle: ask whether an absent server is back, or expire the holds of dead processes.
            const bool probe = !reachable;
            lock.unlock();
            QString error;
            const bool ok = probe
                ? budget.ping(&error)
                : budget.expireHolds(QDateTime::currentDateTimeUtc().addSecs(-kStaleHoldSecs), &error) >= 0;
            lock.lock();
            if (!probe) {
                // Best effort: a role that may not delete holds (a read-only dashboard) leaves
                // them to the gateways, and the next reservation finds out about the server.
                nextExpiry = SteadyClock::now() + kExpiryPeriod;
                continue;
            }
            reachable = ok;
            lastError = error;
            if (ok) {
                requeueRetries();
            }
            continue;
        }
        const std::shared_ptr<Job> job = jobs.front();
        jobs.pop_front();
        if (job->kind == Job::Kind::Reserve && job->abandoned) {
            continue;
        }
        busy = true;
        busySince = SteadyClock::now();
        lock.unlock();
        QString error;
        execute(budget, *job, &error);
        lock.lock();
        busy = false;
        stalled = false;
        reachable = error.isEmpty();
        if (!error.isEmpty()) {
            lastError = error;
        } else {
            requeueRetries();
        }
        switch (job->kind) {
        case Job::Kind::Reserve:
            if (job->abandoned && job->hold.ok) {
                // Nobody waits for it any more: the caller went on within its local share.
                auto release = std::make_shared<Job>();
                release->kind = Job::Kind::Settle;
                release->holdId = job->hold.id;
                jobs.push_front(release);
            }
            job->done = true;
            answered.notify_all();
            break;
        case Job::Kind::Settle:
        case Job::Kind::AddSpent:
            if (!error.isEmpty()) {
                if (++job->tries < SharedBudgetClient::kMaxTries && !stopping) {
                    retries.push_back(job);
                } else {
                    errors << error;
                }
            }
            break;
        }
    }
}

void SharedBudgetClient::State::execute(SharedBudget& budget, Job& job, QString* error)
{
    switch (job.kind) {
    case Job::Kind::Reserve:
        job.hold = budget.reserve(job.scopes, job.amountUsd);
        *error = job.hold.error;
        break;
    case Job::Kind::Settle:
        budget.settle(job.holdId, job.amountUsd, error);
        break;
    case Job::Kind::AddSpent:
        budget.addSpent(job.spentUsd, error);
        break;
    }
}

SharedBudgetClient::SharedBudgetClient(const QString& location)
    : m_state(std::make_shared<State>())
{
    m_state->location = location;
    m_thread = std::thread([state = m_state] { state->run(); });
}

SharedBudgetClient::~SharedBudgetClient()
{
    std::unique_lock lock(m_state->mutex);
    m_state->stopping = true;
    // Settles the outage refused get one more try each: the server may be back by now.
    while (!m_state->retries.empty()) {
        m_state->jobs.push_back(m_state->retries.front());
        m_state->retries.pop_front();
    }
    m_state->wake.notify_all();
    const bool finished
        = m_state->answered.wait_for(lock, std::chrono::milliseconds(kDrainMs), [this] { return m_state->finished; });
    lock.unlock();
    if (finished) {
        m_thread.join();
    } else {
        // A server that hangs keeps the thread in its call: it is left to end with the process
        // (it holds its state itself), rather than stalling the shutdown.
        m_thread.detach();
    }
}

SharedBudget::Hold SharedBudgetClient::reserve(const QList<SharedBudget::Scope>& scopes, double amountUsd)
{
    SharedBudget::Hold hold;
    std::unique_lock lock(m_state->mutex);
    if (!m_state->reachable) {
        hold.error = m_state->lastError;
        return hold;
    }
    if (m_state->stalled
        || (m_state->busy && SteadyClock::now() - m_state->busySince > std::chrono::milliseconds(kWaitMs))) {
        hold.error = notInTime();
        return hold;
    }
    auto job = std::make_shared<State::Job>();
    job->scopes = scopes;
    job->amountUsd = amountUsd;
    m_state->jobs.push_back(job);
    m_state->wake.notify_all();
    if (!m_state->answered.wait_for(lock, std::chrono::milliseconds(kWaitMs), [&job] { return job->done; })) {
        job->abandoned = true;
        m_state->stalled = true; // until the thread is done with what it is in
        hold.error = notInTime();
        return hold;
    }
    return job->hold;
}

void SharedBudgetClient::settle(qint64 holdId, double actualUsd)
{
    auto job = std::make_shared<State::Job>();
    job->kind = State::Job::Kind::Settle;
    job->holdId = holdId;
    job->amountUsd = actualUsd;
    const std::lock_guard lock(m_state->mutex);
    m_state->jobs.push_back(job);
    m_state->wake.notify_all();
}

void SharedBudgetClient::addSpent(const QHash<QString, double>& spentUsd)
{
    if (spentUsd.isEmpty()) {
        return;
    }
    auto job = std::make_shared<State::Job>();
    job->kind = State::Job::Kind::AddSpent;
    job->spentUsd = spentUsd;
    const std::lock_guard lock(m_state->mutex);
    m_state->jobs.push_back(job);
    m_state->wake.notify_all();
}

QStringList SharedBudgetClient::takeErrors()
{
    const std::lock_guard lock(m_state->mutex);
    QStringList errors;
    errors.swap(m_state->errors);
    return errors;
}

bool SharedBudgetClient::isReachable() const
{
    const std::lock_guard lock(m_state->mutex);
    return m_state->reachable;
}
