#include "core/common/TraceContext.h"

#include <QSet>
#include <QTest>

// The traceparent header as https://www.w3.org/TR/trace-context/#traceparent-header says: what a
// receiver accepts, what it must ignore, and what it sends on.
class tst_TraceContext : public QObject
{
    Q_OBJECT

private slots:
    void fromTraceparent_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QByteArray>("traceHex");
        QTest::addColumn<QByteArray>("spanHex");
        QTest::addColumn<int>("flags");

        const QByteArray trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        const QByteArray span = "00f067aa0ba902b7";
        QTest::newRow("the spec's example, sampled")
            << "00-" + trace + "-" + span + "-01" << true << trace << span << 1;
        QTest::newRow("not sampled") << "00-" + trace + "-" + span + "-00" << true << trace << span << 0;
        QTest::newRow("surrounding spaces are trimmed")
            << " 00-" + trace + "-" + span + "-01 " << true << trace << span << 1;
        QTest::newRow("a later version with an extra field is read")
            << "01-" + trace + "-" + span + "-01-what-comes-next" << true << trace << span << 1;
        QTest::newRow("version 00 with anything after it is refused")
            << "00-" + trace + "-" + span + "-01-extra" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("a later version glued to more text is refused")
            << "01-" + trace + "-" + span + "-01x" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("version ff is refused")
            << "ff-" + trace + "-" + span + "-01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("upper-case hex is refused")
            << "00-" + trace.toUpper() + "-" + span + "-01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("an all-zero trace id is refused")
            << "00-" + QByteArray(32, '0') + "-" + span + "-01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("an all-zero span id is refused")
            << "00-" + trace + "-" + QByteArray(16, '0') + "-01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("a short trace id is refused")
            << "00-" + trace.left(30) + "-" + span + "-01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("underscores for dashes are refused")
            << "00_" + trace + "_" + span + "_01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("a non-hex character is refused")
            << "00-" + trace.left(31) + "g-" + span + "-01" << false << QByteArray() << QByteArray() << 0;
        QTest::newRow("an empty header is ignored") << QByteArray() << false << QByteArray() << QByteArray() << 0;
    }

    void fromTraceparent()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, accepted);
        QFETCH(QByteArray, traceHex);
        QFETCH(QByteArray, spanHex);
        QFETCH(int, flags);

        const std::optional<TraceContext> context = TraceContext::fromTraceparent(header);
        QCOMPARE(context.has_value(), accepted);
        if (accepted) {
            QCOMPARE(context->traceId.toHex(), traceHex);
            QCOMPARE(context->spanId.toHex(), spanHex);
            QCOMPARE(int(context->flags), flags);
            QVERIFY(context->parentSpanId.isEmpty());
        }
    }

    void child_keepsTraceAndFlags_newSpanUnderTheParent()
    {
        const TraceContext parent
            = *TraceContext::fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        const TraceContext child = parent.child();
        QCOMPARE(child.traceId, parent.traceId);
        QCOMPARE(child.parentSpanId, parent.spanId);
        QCOMPARE(child.flags, parent.flags);
        QVERIFY(child.spanId != parent.spanId);
        QCOMPARE(child.traceparent(), "00-4bf92f3577b34da6a3ce929d0e0e4736-" + child.spanId.toHex() + "-00");
    }

    void root_writesAHeaderItReadsBack()
    {
        const TraceContext root = TraceContext::root();
        QVERIFY(root.isValid());
        QVERIFY(root.sampled());
        QCOMPARE(root.traceparent().size(), 55);
        const std::optional<TraceContext> read = TraceContext::fromTraceparent(root.traceparent());
        QVERIFY(read);
        QCOMPARE(read->traceId, root.traceId);
        QCOMPARE(read->spanId, root.spanId);
    }

    void randomIds_areDistinctAndNonZero()
    {
        QSet<QByteArray> traces;
        QSet<QByteArray> spans;
        for (int i = 0; i < 1000; ++i) {
            traces.insert(TraceContext::randomTraceId());
            spans.insert(TraceContext::randomSpanId());
        }
        QCOMPARE(traces.size(), 1000);
        QCOMPARE(spans.size(), 1000);
        QVERIFY(!spans.contains(QByteArray(8, '\0')));
    }
};

QTEST_GUILESS_MAIN(tst_TraceContext)
#include "tst_TraceContext.moc"
