#include "core/gateway/ResponsesStore.h"

#include <QJsonObject>
#include <QTest>

// The conversations previous_response_id continues: a chain of kept responses, oldest first,
// bounded by count and size with the oldest going first.
class tst_ResponsesStore : public QObject
{
    Q_OBJECT

private slots:
    void conversation_isTheChainOldestFirst();
    void bounds_dropTheOldestAndTheChainsStartingThere_data();
    void bounds_dropTheOldestAndTheChainsStartingThere();
};

namespace {
QJsonArray items(const QString& text)
{
    return { QJsonObject { { QStringLiteral("text"), text } } };
}

QStringList texts(const QJsonArray& conversation)
{
    QStringList out;
    for (const QJsonValue& item : conversation) {
        out.append(item.toObject().value(QLatin1String("text")).toString());
    }
    return out;
}
} // namespace

void tst_ResponsesStore::conversation_isTheChainOldestFirst()
{
    ResponsesStore store;
    store.put(QStringLiteral("r1"), {}, items(QStringLiteral("in1")), items(QStringLiteral("out1")));
    store.put(QStringLiteral("r2"), QStringLiteral("r1"), items(QStringLiteral("in2")), items(QStringLiteral("out2")));
    store.put(QStringLiteral("r3"), QStringLiteral("r1"), items(QStringLiteral("in3")), items(QStringLiteral("out3")));
    QCOMPARE(texts(*store.conversation(QStringLiteral("r2"))), (QStringList { "in1", "out1", "in2", "out2" }));
    // A branch from the same response: its own chain.
    QCOMPARE(texts(*store.conversation(QStringLiteral("r3"))), (QStringList { "in1", "out1", "in3", "out3" }));
    QVERIFY(!store.conversation(QStringLiteral("r9")));
    // A response kept twice under one id keeps its first content.
    store.put(QStringLiteral("r1"), {}, items(QStringLiteral("other")), {});
    QCOMPARE(texts(*store.conversation(QStringLiteral("r1"))), (QStringList { "in1", "out1" }));
}

void tst_ResponsesStore::bounds_dropTheOldestAndTheChainsStartingThere_data()
{
    QTest::addColumn<qsizetype>("maxResponses");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<qsizetype>("kept");

    QTest::newRow("by count: 3 of 5 kept") << qsizetype(3) << qsizetype(1 << 20) << qsizetype(3);
    // Each entry is about 40 bytes as JSON.
    QTest::newRow("by size: what fits in 100 bytes") << qsizetype(100) << qsizetype(100) << qsizetype(2);
}

void tst_ResponsesStore::bounds_dropTheOldestAndTheChainsStartingThere()
{
    QFETCH(qsizetype, maxResponses);
    QFETCH(qsizetype, maxBytes);
    QFETCH(qsizetype, kept);
    ResponsesStore store(maxResponses, maxBytes);
    QString previous;
    for (int i = 1; i <= 5; ++i) {
        const QString id = QStringLiteral("r%1").arg(i);
        store.put(id, previous, items(QStringLiteral("in%1").arg(i)), items(QStringLiteral("out%1").arg(i)));
        previous = id;
    }
    QCOMPARE(store.size(), kept);
    // The newest is kept, but its chain starts at an evicted response: the conversation is gone.
    QVERIFY(!store.conversation(QStringLiteral("r5")));
    QVERIFY(!store.conversation(QStringLiteral("r1")));
}

QTEST_GUILESS_MAIN(tst_ResponsesStore)
#include "tst_ResponsesStore.moc"
