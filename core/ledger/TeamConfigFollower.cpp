#include "core/ledger/TeamConfigFollower.h"

#include <QAtomicInt>
#include <QTimer>

namespace {
// The database side, on the follower's thread.
class Poller : public QObject
{
public:
    Poller(const QString& ledgerUrl, int applied, TeamConfigFollower* follower)
        : m_store(ledgerUrl)
        , m_follower(follower)
    {
        m_acknowledged.storeRelaxed(applied);
    }

    void start()
    {
        auto* timer = new QTimer(this);
        QObject::connect(timer, &QTimer::timeout, this, [this] { poll(); });
        timer->start(TeamConfigFollower::kPollMs);
        poll();
    }
    void acknowledge(int version) { m_acknowledged.storeRelaxed(qMax(m_acknowledged.loadRelaxed(), version)); }

private:
    void poll()
    {
        const int newest = m_store.latestVersion();
        if (newest < 0) {
            report(m_store.errorString());
            return;
        }
        report(QString());
        // Announced once each: the main thread acknowledges what it applied or refused.
        if (newest <= m_acknowledged.loadRelaxed() || newest == m_announced) {
            return;
        }
        const std::optional<TeamConfigVersion> config = m_store.version(newest);
        if (!config) {
            report(m_store.errorString());
            return;
        }
        m_announced = newest;
        QMetaObject::invokeMethod(
            m_follower, [follower = m_follower, config = *config] { emit follower->versionAvailable(config); });
    }
    void report(const QString& error)
    {
        if (error == m_error) {
            return;
        }
        m_error = error;
        QMetaObject::invokeMethod(m_follower,
                                  [follower = m_follower, error] { emit follower->reachabilityChanged(error); });
    }

    TeamConfigStore m_store;
    TeamConfigFollower* m_follower;
    QAtomicInt m_acknowledged;
    int m_announced = 0;
    QString m_error;
};
} // namespace

TeamConfigFollower::TeamConfigFollower(const QString& ledgerUrl, int applied, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<TeamConfigVersion>();
    m_thread.setObjectName(QStringLiteral("team-config"));
    auto* poller = new Poller(ledgerUrl, applied, this);
    poller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, poller, &QObject::deleteLater);
    m_worker = poller;
}

TeamConfigFollower::~TeamConfigFollower()
{
    m_thread.quit();
    m_thread.wait();
}

void TeamConfigFollower::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [poller = static_cast<Poller*>(m_worker)] { poller->start(); });
}

void TeamConfigFollower::acknowledge(int version)
{
    static_cast<Poller*>(m_worker)->acknowledge(version); // atomic
}
