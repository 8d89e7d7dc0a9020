#include "LedgerTestUtil.h"
#include "SharedBudgetScopes.h"

#include "core/ledger/SharedBudgetClient.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <csignal>

using namespace LedgerTestUtil;

// The shared budget as the gateway asks it, from a thread of its own: a database that answers is
// used as before; one that hangs costs a reservation at most SharedBudgetClient::kWaitMs once and
// nothing after that, and what it grants too late is given back; settles refused during an outage
// are written when the server is back.
class TestSharedBudgetClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { Backends::addRows(); }
    void init();
    void reserveAndSettle_areWrittenInOrder();
    void hungServer_reserveGivesUpInTime_lateHoldIsReleased();
    void outage_settleIsWrittenWhenTheServerIsBack();

private:
    bool standing(double* spent, double* held);
    bool postgresOnly();

    QString m_location;
    QTemporaryDir m_dir;
    Backends m_backends;
};

namespace {
bool near(double a, double b)
{
    return qAbs(a - b) < 1e-9;
}
} // namespace

void TestSharedBudgetClient::init()
{
    m_location = m_backends.newLocation(m_dir, QStringLiteral("client-%1").arg(QTest::currentTestFunction()));
    if (m_location.isEmpty()) {
        QSKIP(qPrintable(m_backends.skipReason()));
    }
    Ledger ledger; // creates the schema
    QVERIFY2(ledger.open(m_location), qPrintable(ledger.errorString()));
}

bool TestSharedBudgetClient::standing(double* spent, double* held)
{
    SharedBudget budget(m_location);
    return budget.standing(daily(1.0).key, spent, held);
}

bool TestSharedBudgetClient::postgresOnly()
{
    return Backends::isPostgres();
}

void TestSharedBudgetClient::reserveAndSettle_areWrittenInOrder()
{
    {
        SharedBudgetClient client(m_location);
        const SharedBudget::Hold first = client.reserve({ daily(1.0) }, 0.6);
        QVERIFY2(first.ok, qPrintable(first.error));
        const SharedBudget::Hold second = client.reserve({ daily(1.0) }, 0.6);
        QVERIFY(!second.ok);
        QVERIFY(second.error.isEmpty());
        QVERIFY(second.refusal.contains(QStringLiteral("1.00")));
        client.settle(first.id, 0.25);
        const SharedBudget::Hold third = client.reserve({ daily(1.0) }, 0.6); // after the settle: it fits
        QVERIFY2(third.ok, qPrintable(third.error + third.refusal));
        client.settle(third.id, 0.5);
        QVERIFY(client.isReachable());
    } // the destructor writes what is queued
    double spent = 0;
    double held = 0;
    QVERIFY(standing(&spent, &held));
    QVERIFY2(near(spent, 0.75), qPrintable(QString::number(spent)));
    QVERIFY(near(held, 0));
}

void TestSharedBudgetClient::hungServer_reserveGivesUpInTime_lateHoldIsReleased()
{
    if (!postgresOnly()) {
        QSKIP("a server that hangs with its connections open: PostgreSQL");
    }
    PostgresServer& server = m_backends.server();
    SharedBudgetClient client(m_location);
    const SharedBudget::Hold first = client.reserve({ daily(1.0) }, 0.1); // connected
    QVERIFY2(first.ok, qPrintable(first.error));

    QVERIFY(server.signalAll(SIGSTOP));
    auto resume = qScopeGuard([&server] { server.signalAll(SIGCONT); }); // also when a check fails
    QElapsedTimer timer;
    timer.start();
    const SharedBudget::Hold late = client.reserve({ daily(1.0) }, 0.2);
    const qint64 firstWait = timer.restart();
    QVERIFY(!late.ok);
    QVERIFY2(late.error.contains(QStringLiteral("did not answer")), qPrintable(late.error));
    // Bounded (a synchronous call would wait for as long as the server hangs).
    QVERIFY2(firstWait < 5 * SharedBudgetClient::kWaitMs, qPrintable(QString::number(firstWait)));
    // While the thread still waits for the server, the next reservations do not wait at all.
    for (int i = 0; i < 3; ++i) {
        const SharedBudget::Hold next = client.reserve({ daily(1.0) }, 0.2);
        QVERIFY(!next.ok);
        QCOMPARE(next.error, late.error);
    }
    QVERIFY2(timer.elapsed() < SharedBudgetClient::kWaitMs, qPrintable(QString::number(timer.elapsed())));
    client.settle(first.id, 0.1); // queued behind the hung call
    resume.dismiss();
    QVERIFY(server.signalAll(SIGCONT));

    // The server goes on: the late hold it granted is released, the settle written, and the
    // client asks it again.
    double spent = -1;
    double held = -1;
    QTRY_VERIFY_WITH_TIMEOUT(standing(&spent, &held) && near(spent, 0.1) && near(held, 0), 20000);
    SharedBudget::Hold again;
    for (int i = 0; i < 200 && !again.ok; ++i) { // QTRY_ would reserve more than once
        again = client.reserve({ daily(1.0) }, 0.2);
        if (!again.ok) {
            QTest::qWait(100);
        }
    }
    QVERIFY2(again.ok, qPrintable(again.error + again.refusal));
    QVERIFY(standing(&spent, &held));
    QVERIFY2(near(held, 0.2), qPrintable(QString::number(held)));
}

void TestSharedBudgetClient::outage_settleIsWrittenWhenTheServerIsBack()
{
    if (!postgresOnly()) {
        QSKIP("a server that goes away and comes back: PostgreSQL");
    }
    PostgresServer& server = m_backends.server();
    {
        SharedBudgetClient client(m_location);
        const SharedBudget::Hold hold = client.reserve({ daily(1.0) }, 0.4);
        QVERIFY2(hold.ok, qPrintable(hold.error));
        QVERIFY(server.pause());
        client.settle(hold.id, 0.3);
        QTRY_VERIFY_WITH_TIMEOUT(!client.isReachable(), 10000);
        const SharedBudget::Hold away = client.reserve({ daily(1.0) }, 0.1);
        QVERIFY(!away.ok);
        QVERIFY(!away.error.isEmpty());
        QVERIFY(server.resume());
        QTRY_VERIFY_WITH_TIMEOUT(client.isReachable(), 20000);
        double spent = -1;
        double held = -1;
        QTRY_VERIFY_WITH_TIMEOUT(standing(&spent, &held) && near(spent, 0.3), 20000);
        QVERIFY(near(held, 0));
        QVERIFY(client.takeErrors().isEmpty()); // written on its second try: nothing to report
    }
}

QTEST_GUILESS_MAIN(TestSharedBudgetClient)
#include "tst_SharedBudgetClient.moc"
