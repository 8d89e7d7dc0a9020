#include "core/common/FailureClass.h"

#include <QTest>

class TestFailureClass : public QObject
{
    Q_OBJECT

private slots:
    void idRoundTrip_everyClass();
    void fromId_unknownIsRejected();
    void summary_namesClassStatusAndMessage();
};

void TestFailureClass::idRoundTrip_everyClass()
{
    QSet<QString> seen;
    for (FailureClass failureClass : FailureClasses::all()) {
        const QString id = FailureClasses::id(failureClass);
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        bool ok = false;
        QCOMPARE(FailureClasses::fromId(id, &ok), failureClass);
        QVERIFY(ok);
    }
    QCOMPARE(seen.size(), 15); // every class, content_filtered included
}

void TestFailureClass::fromId_unknownIsRejected()
{
    bool ok = true;
    QCOMPARE(FailureClasses::fromId(QStringLiteral("server-error"), &ok), FailureClass::None);
    QVERIFY(!ok);
}

void TestFailureClass::summary_namesClassStatusAndMessage()
{
    CallError error { FailureClass::ServerError, 503, QStringLiteral("overloaded"), {}, -1, false };
    QCOMPARE(error.summary(), QStringLiteral("server_error (HTTP 503): overloaded"));
}

QTEST_GUILESS_MAIN(TestFailureClass)
#include "tst_FailureClass.moc"
